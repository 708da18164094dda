import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { oneRow, type Tx } from "~db/client";
import { riskHistory, risks, users } from "~db/schema";
import { withTenant } from "~db/tenant";
import { isoDateOfDate, reviewOverdue, riskBand, riskScore, type RiskBandThresholds, type RiskStatus } from "~/finance";
import { messageRef } from "~/i18n/translate";
import { isUuid } from "~/domain/bounds";
import { riskInputSchema, type RiskInput, type ValidRiskInput } from "~/domain/risk";
import { fieldErrorsOf } from "~/server/forms.server";
import { AppError } from "~/server/http.server";
import { ACTIVE_RISK_STATUSES, isRiskCategory, isRiskStatus, type RiskCategory } from "~/domain/risk-labels";
import { recordAudit } from "./audit.server";
import type { OrgContext } from "~/auth/context";
import { readRiskBands } from "./org.server";
import { conflictError } from "./versioning.server";
import { records_risk_notFound } from "~/paraglide/messages/records_risk_notfound1.js";
import { records_risk_what } from "~/paraglide/messages/records_risk_what.js";
import { records_validation_checkFields } from "~/paraglide/messages/records_validation_checkfields1.js";
import { readInOrg } from "./org-read.server";

export type { RiskInput, ValidRiskInput };

function validate(input: RiskInput): ValidRiskInput {
  const result = riskInputSchema().safeParse(input);
  if (result.success) return result.data;
  throw new AppError("INVALID", messageRef(records_validation_checkFields), fieldErrorsOf(result.error));
}

// ---------------------------------------------------------------------------------------
// Reading

export type RiskSort = "score" | "-score" | "nextReview" | "-nextReview" | "status" | "-status";
export const RISK_SORTS: readonly RiskSort[] = ["-score", "score", "nextReview", "-nextReview", "status", "-status"];
/** "active" = open or mitigating, the risks still being worked on (what the heat map counts). */
export type RiskStatusFilter = RiskStatus | "active";

export interface RiskListOptions {
  status?: RiskStatusFilter;
  category?: RiskCategory;
  likelihood?: number;
  impact?: number;
  sort?: RiskSort;
  page?: number;
}

export const RISK_PAGE_SIZE = 25;

type RiskRow = typeof risks.$inferSelect;

export interface RiskView {
  id: string;
  title: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  score: number;
  band: ReturnType<typeof riskBand>;
  owner: string | null;
  mitigation: string | null;
  status: RiskStatus;
  nextReviewDate: string | null;
  reviewOverdue: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

function today(): string {
  return isoDateOfDate(new Date());
}

/** Adds what the register shows beside the stored fields, using the finance definitions and the org's bands. */
function toView(row: RiskRow, todayIso: string, bands: RiskBandThresholds): RiskView {
  const score = riskScore(row.likelihood, row.impact);
  const status: RiskStatus = isRiskStatus(row.status) ? row.status : "open";
  return {
    id: row.id,
    title: row.title,
    category: row.category as RiskCategory,
    likelihood: row.likelihood,
    impact: row.impact,
    score,
    band: riskBand(score, bands),
    owner: row.owner,
    mitigation: row.mitigation,
    status,
    nextReviewDate: row.nextReviewDate,
    reviewOverdue: reviewOverdue(row.nextReviewDate, status, todayIso),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

const scoreSql = sql`(${risks.likelihood} * ${risks.impact})`;
const statusOrderSql = sql`(case ${risks.status} when 'open' then 0 when 'mitigating' then 1 when 'accepted' then 2 else 3 end)`;

function orderFor(sort: RiskSort): SQL[] {
  const byScoreDesc = [desc(scoreSql), sql`${risks.nextReviewDate} asc nulls last`];
  switch (sort) {
    case "-score":
      return [...byScoreDesc, asc(risks.title)];
    case "score":
      return [asc(scoreSql), sql`${risks.nextReviewDate} asc nulls last`, asc(risks.title)];
    case "nextReview":
      return [sql`${risks.nextReviewDate} asc nulls last`, desc(scoreSql), asc(risks.title)];
    case "-nextReview":
      return [sql`${risks.nextReviewDate} desc nulls last`, desc(scoreSql), asc(risks.title)];
    case "status":
      return [asc(statusOrderSql), ...byScoreDesc, asc(risks.title)];
    case "-status":
      return [desc(statusOrderSql), ...byScoreDesc, asc(risks.title)];
  }
}

function filtersFor(ctx: OrgContext, options: RiskListOptions): SQL | undefined {
  return and(
    eq(risks.orgId, ctx.org.id),
    options.status === "active" ? inArray(risks.status, [...ACTIVE_RISK_STATUSES]) : options.status ? eq(risks.status, options.status) : undefined,
    options.category ? eq(risks.category, options.category) : undefined,
    options.likelihood ? eq(risks.likelihood, options.likelihood) : undefined,
    options.impact ? eq(risks.impact, options.impact) : undefined,
  );
}

/** Reads list filters from a query string, ignoring anything that is not a valid choice. */
export function parseRiskListQuery(params: URLSearchParams): Required<Pick<RiskListOptions, "sort" | "page">> & RiskListOptions {
  const status = params.get("status");
  const category = params.get("category");
  const level = (name: string) => {
    const value = params.get(name);
    return value && /^[1-5]$/.test(value) ? Number(value) : undefined;
  };
  const sort = params.get("sort") as RiskSort | null;
  const page = Number(params.get("page"));
  return {
    status: status === "active" || isRiskStatus(status) ? status : undefined,
    category: isRiskCategory(category) ? category : undefined,
    likelihood: level("likelihood"),
    impact: level("impact"),
    sort: sort && RISK_SORTS.includes(sort) ? sort : "-score",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/**
 * Reads risks in a read-only tenant transaction; `read` picks the rows and shows them with
 * `views` (the org's risk bands, as of today).
 */
function readRiskViews<T>(ctx: OrgContext, read: (tx: Tx, views: (rows: RiskRow[]) => RiskView[], bands: RiskBandThresholds) => Promise<T>): Promise<T> {
  const todayIso = today();
  return readInOrg(ctx, async (tx) => {
    const bands = await readRiskBands(tx, ctx.org.id);
    return read(tx, (rows) => rows.map((r) => toView(r, todayIso, bands)), bands);
  });
}

/** One page of the register, filtered and sorted, with the total for paging. */
export async function listRisks(ctx: OrgContext, options: RiskListOptions = {}) {
  const sort = options.sort ?? "-score";
  const where = filtersFor(ctx, options);
  return readRiskViews(ctx, async (tx, views, bands) => {
    const { total } = oneRow(await tx.select({ total: count() }).from(risks).where(where), "risks count");
    const pageCount = Math.max(1, Math.ceil(total / RISK_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
    const rows = await tx
      .select()
      .from(risks)
      .where(where)
      .orderBy(...orderFor(sort))
      .limit(RISK_PAGE_SIZE)
      .offset((page - 1) * RISK_PAGE_SIZE);
    return { risks: views(rows), total, page, pageCount, pageSize: RISK_PAGE_SIZE, sort, bands };
  });
}

/** Every risk matching the filters, for the CSV export (a register is hundreds of rows, not millions). */
export async function exportRisks(ctx: OrgContext, options: Omit<RiskListOptions, "page"> = {}) {
  return readRiskViews(ctx, async (tx, views) =>
    views(
      await tx
        .select()
        .from(risks)
        .where(filtersFor(ctx, options))
        .orderBy(...orderFor(options.sort ?? "-score")),
    ),
  );
}

async function findRisk(tx: Tx, ctx: OrgContext, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await tx
    .select()
    .from(risks)
    .where(and(eq(risks.orgId, ctx.org.id), eq(risks.id, id)));
  return row;
}

export interface RiskHistoryEntry {
  id: string;
  likelihood: number;
  impact: number;
  score: number;
  status: RiskStatus;
  changedAt: Date;
  changedBy: string | null;
}

/** One risk with its likelihood/impact/status history, newest first. Another org's id: NOT_FOUND. */
export async function getRisk(ctx: OrgContext, id: string) {
  const todayIso = today();
  return readInOrg(ctx, async (tx) => {
    const row = await findRisk(tx, ctx, id);
    if (!row) throw new AppError("NOT_FOUND", messageRef(records_risk_notFound));
    const bands = await readRiskBands(tx, ctx.org.id);
    const history = await tx
      .select({
        id: riskHistory.id,
        likelihood: riskHistory.likelihood,
        impact: riskHistory.impact,
        status: riskHistory.status,
        changedAt: riskHistory.changedAt,
        changedByName: users.name,
        changedByEmail: users.email,
      })
      .from(riskHistory)
      .leftJoin(users, eq(users.id, riskHistory.changedBy))
      .where(and(eq(riskHistory.orgId, ctx.org.id), eq(riskHistory.riskId, row.id)))
      // Each change writes at most one row in its own transaction, so changed_at orders them.
      .orderBy(desc(riskHistory.changedAt), desc(riskHistory.id));
    const entries: RiskHistoryEntry[] = history.map((h) => ({
      id: h.id,
      likelihood: h.likelihood,
      impact: h.impact,
      score: riskScore(h.likelihood, h.impact),
      status: isRiskStatus(h.status) ? h.status : "open",
      changedAt: h.changedAt,
      // A person who has since left the org is no longer visible to it.
      changedBy: h.changedByName ?? h.changedByEmail ?? null,
    }));
    return { ...toView(row, todayIso, bands), history: entries, bands };
  });
}

/** Counts per likelihood × impact cell of the open and mitigating risks: `cells[likelihood − 1][impact − 1]`. */
export async function riskHeatMapCounts(ctx: OrgContext): Promise<number[][]> {
  const rows = await readInOrg(ctx, (tx) =>
    tx
      .select({ likelihood: risks.likelihood, impact: risks.impact, n: count() })
      .from(risks)
      .where(and(eq(risks.orgId, ctx.org.id), inArray(risks.status, [...ACTIVE_RISK_STATUSES])))
      .groupBy(risks.likelihood, risks.impact),
  );
  const cells = Array.from({ length: 5 }, () => Array<number>(5).fill(0));
  for (const row of rows) cells[row.likelihood - 1]![row.impact - 1] = Number(row.n);
  return cells;
}

/** The n highest-scoring open or mitigating risks (ties: earliest review first). */
export async function topRisks(ctx: OrgContext, n: number) {
  const limit = Math.max(0, Math.floor(n));
  if (limit === 0) return [];
  return readRiskViews(ctx, async (tx, views) =>
    views(
      await tx
        .select()
        .from(risks)
        .where(and(eq(risks.orgId, ctx.org.id), inArray(risks.status, [...ACTIVE_RISK_STATUSES])))
        .orderBy(...orderFor("-score"))
        .limit(limit),
    ),
  );
}

// ---------------------------------------------------------------------------------------
// Writing: each change, its history row and its audit entry commit together or not at all.

/** What the audit log keeps of a risk (exported for the demo seed, which writes its history the same way). */
export function auditShape(row: RiskRow) {
  return {
    title: row.title,
    category: row.category,
    likelihood: row.likelihood,
    impact: row.impact,
    owner: row.owner,
    mitigation: row.mitigation,
    status: row.status,
    nextReviewDate: row.nextReviewDate,
    version: row.version,
  };
}

async function writeHistory(tx: Tx, ctx: OrgContext, row: RiskRow) {
  await tx.insert(riskHistory).values({
    orgId: ctx.org.id,
    riskId: row.id,
    likelihood: row.likelihood,
    impact: row.impact,
    status: row.status,
    changedBy: ctx.user.id,
  });
}

export async function createRisk(ctx: OrgContext, input: RiskInput) {
  const data = validate(input);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const row = oneRow(
      await tx
        .insert(risks)
        .values({ orgId: ctx.org.id, ...data })
        .returning(),
      "insert risk",
    );
    await writeHistory(tx, ctx, row);
    await recordAudit(tx, ctx, { action: "risk.create", entityType: "risk", entityId: row.id, after: auditShape(row) });
    return toView(row, today(), await readRiskBands(tx, ctx.org.id));
  });
}

/**
 * Saves an edit made on `version`. Someone else saved since: CONFLICT, nothing written.
 * A history row is added only when likelihood, impact or status changed.
 */
export async function updateRisk(ctx: OrgContext, id: string, version: number, input: RiskInput) {
  const data = validate(input);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await findRisk(tx, ctx, id);
    if (!before) throw new AppError("NOT_FOUND", messageRef(records_risk_notFound));
    const [after] = await tx
      .update(risks)
      .set({ ...data, version: sql`${risks.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(risks.orgId, ctx.org.id), eq(risks.id, before.id), eq(risks.version, version)))
      .returning();
    if (!after) throw conflictError(records_risk_what);
    const scored = before.likelihood !== after.likelihood || before.impact !== after.impact || before.status !== after.status;
    if (scored) await writeHistory(tx, ctx, after);
    await recordAudit(tx, ctx, {
      action: "risk.update",
      entityType: "risk",
      entityId: after.id,
      before: auditShape(before),
      after: auditShape(after),
    });
    return toView(after, today(), await readRiskBands(tx, ctx.org.id));
  });
}

/** Deletes a risk (its history goes with it; the audit log keeps what it was). */
export async function deleteRisk(ctx: OrgContext, id: string, version?: number) {
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await findRisk(tx, ctx, id);
    if (!before) throw new AppError("NOT_FOUND", messageRef(records_risk_notFound));
    const [deleted] = await tx
      .delete(risks)
      .where(and(eq(risks.orgId, ctx.org.id), eq(risks.id, before.id), version === undefined ? undefined : eq(risks.version, version)))
      .returning({ id: risks.id });
    if (!deleted) throw conflictError(records_risk_what);
    await recordAudit(tx, ctx, { action: "risk.delete", entityType: "risk", entityId: before.id, before: auditShape(before) });
  });
}
