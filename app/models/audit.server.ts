import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Tx } from "~db/client";
import { auditLog, users } from "~db/schema";
import { withTenant } from "~db/tenant";
import type { OrgContext } from "~/auth/context";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Written inside the same transaction as the change it records, so neither exists alone. */
export async function recordAudit(tx: Tx, ctx: Pick<OrgContext, "org" | "user">, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    orgId: ctx.org.id,
    actorUserId: ctx.user.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * Newest first, keyset-paged by (time, id): entries written in one transaction share a
 * timestamp, so time alone would skip some at a page boundary. The cursor is the last entry's
 * id; its time is read in SQL, keeping the microseconds a JS Date would drop.
 */
export async function listAuditEntries(ctx: OrgContext, options: { beforeId?: string; entityType?: string } = {}) {
  return withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select({
        ...getTableColumns(auditLog),
        // null for someone who deleted their account (the key is set null) or left the org (no
        // longer visible to it): both read as "a former member".
        actorName: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(
        and(
          eq(auditLog.orgId, ctx.org.id),
          options.beforeId ? sql`(${auditLog.at}, ${auditLog.id}) < (select a.at, a.id from audit_log a where a.id = ${options.beforeId}::uuid)` : undefined,
          options.entityType ? eq(auditLog.entityType, options.entityType) : undefined,
        ),
      )
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE),
  );
}
