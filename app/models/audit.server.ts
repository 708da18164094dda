import { and, asc, count, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { oneRow, type Tx } from "~db/client";
import { accessGrants, auditLog, orgs, users } from "~db/schema";
import type { OrgContext } from "~/auth/context";
import { AUDIT_PAGE_SIZE, type AuditFilters, type AuditQuery } from "~/domain/audit";
import { readInOrg } from "./org-read.server";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * When the change happened, if not now. Only for history written after the fact: the demo
   * seed records its companies' past months, rounds and risk reviews on the days they happened.
   */
  at?: Date;
}

/** Written inside the same transaction as the change it records, so neither exists alone. */
export async function recordAudit(tx: Tx, ctx: AuditActor, entry: AuditEntry) {
  await recordAudits(tx, ctx, [entry]);
}

/** The org and the person acting: all an audit entry needs of the context. */
export type AuditActor = { org: Pick<OrgContext["org"], "id">; user: Pick<OrgContext["user"], "id"> };

/** Entries per statement: an import's thousands of rows stay far below PostgreSQL's 65,535 parameters. */
const AUDIT_BATCH = 1000;

/** Several entries by one person, a thousand per statement (the same rows as recordAudit, few round trips). */
export async function recordAudits(tx: Tx, ctx: AuditActor, entries: readonly AuditEntry[]) {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) await insertAudits(tx, ctx, entries.slice(i, i + AUDIT_BATCH));
}

/**
 * One imported row's entry: `<entity>.import_create` when there was no row `before` (null), else
 * `<entity>.import_update`; tallied in `counts` as inserted or updated.
 */
export function importedRowEntry(counts: { inserted: number; updated: number }, entity: string, entityId: string, before: unknown, after: unknown): AuditEntry {
  const isInsert = before === null;
  if (isInsert) counts.inserted += 1;
  else counts.updated += 1;
  return { action: `${entity}.${isInsert ? "import_create" : "import_update"}`, entityType: entity, entityId, before, after };
}

async function insertAudits(tx: Tx, ctx: AuditActor, entries: readonly AuditEntry[]) {
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      orgId: ctx.org.id,
      actorUserId: ctx.user.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ...(entry.at ? { at: entry.at } : {}),
    })),
  );
}

export { AUDIT_PAGE_SIZE } from "~/domain/audit";

/** One entry as the audit page and its readable CSV column need it: who, and names for the ids it holds. */
export interface AuditLogEntry {
  id: string;
  at: Date | string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  actorUserId: string | null;
  /** null for someone who deleted their account or left the org: "a former member". */
  actorName: string | null;
  actorEmail: string | null;
  /** The other org an entry concerns (the investor of an access grant, the company of a position), when this org can still see it. */
  counterpartName: string | null;
  /** The member a role change or removal concerns, when still visible. */
  subjectUserName: string | null;
}

/** What an entry says was done to what: the columns every reading of the log selects. */
export const auditChangeColumns = {
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
};

const counterpart = alias(orgs, "counterpart");
const subject = alias(users, "subject");

/**
 * The entries of one page, with the person who acted and the names behind the ids the
 * entries hold, resolved by joins in the same statement (never a query per row):
 * - the investor (or company) of an access grant: the grant's other org;
 * - the company of a position: its org;
 * - the member of a role change or removal: the user.
 */
function entriesQuery(tx: Tx, ctx: OrgContext) {
  const jsonOrgId = sql`coalesce(${auditLog.after}->>'investorOrgId', ${auditLog.before}->>'investorOrgId', ${auditLog.after}->>'companyOrgId', ${auditLog.before}->>'companyOrgId')`;
  return tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      ...auditChangeColumns,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
      counterpartName: counterpart.name,
      subjectUserName: subject.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(accessGrants, and(eq(auditLog.entityType, "access_grant"), sql`${accessGrants.id}::text = ${auditLog.entityId}`))
    .leftJoin(
      counterpart,
      sql`${counterpart.id}::text = coalesce(${jsonOrgId}, case when ${accessGrants.orgId} = ${ctx.org.id} then ${accessGrants.investorOrgId} else ${accessGrants.orgId} end::text)`,
    )
    .leftJoin(subject, and(eq(auditLog.entityType, "membership"), sql`${subject.id}::text = ${auditLog.entityId}`));
}

function filterConditions(ctx: OrgContext, filters: AuditFilters) {
  return and(
    eq(auditLog.orgId, ctx.org.id),
    filters.actor ? eq(auditLog.actorUserId, filters.actor) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    // Calendar days in UTC, both ends included.
    filters.from ? gte(auditLog.at, sql`${filters.from}::date::timestamp at time zone 'UTC'`) : undefined,
    filters.to ? lt(auditLog.at, sql`(${filters.to}::date + 1)::timestamp at time zone 'UTC'`) : undefined,
  );
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  total: number;
  page: number;
  pageCount: number;
  /** Everyone who appears in the log (the person filter's choices), a former member left out. */
  people: { id: string; name: string; email: string }[];
}

/**
 * One page of the org's audit log, filtered and sorted. Ties (entries written in one
 * transaction share a timestamp) are broken by id, so paging never skips or repeats one.
 */
export async function listAuditLog(ctx: OrgContext, query: AuditQuery): Promise<AuditLogPage> {
  return readInOrg(ctx, async (tx) => {
    const where = filterConditions(ctx, query);
    const { total } = oneRow(await tx.select({ total: count() }).from(auditLog).where(where), "audit log count");
    const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const direction = query.dir === "asc" ? asc : desc;
    const order =
      query.sort === "actor"
        ? [sql`${users.name} ${sql.raw(query.dir)} nulls last`, desc(auditLog.at), desc(auditLog.id)]
        : query.sort === "action"
          ? [direction(auditLog.action), desc(auditLog.at), desc(auditLog.id)]
          : [direction(auditLog.at), direction(auditLog.id)];
    const entries = await entriesQuery(tx, ctx)
      .where(where)
      .orderBy(...order)
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE);
    const people = await tx
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorUserId))
      .where(eq(auditLog.orgId, ctx.org.id))
      .orderBy(users.name, users.email, users.id);
    return { entries, total, page, pageCount, people };
  });
}

/** Entries by id, with the same names resolved (the CSV export's readable column, a batch at a time). */
export async function describeAuditBatch(ctx: OrgContext, ids: readonly string[]): Promise<AuditLogEntry[]> {
  if (ids.length === 0) return [];
  return readInOrg(ctx, (tx) => entriesQuery(tx, ctx).where(and(eq(auditLog.orgId, ctx.org.id), inArray(auditLog.id, [...ids]))));
}
