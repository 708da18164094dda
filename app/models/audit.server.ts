import { desc, lt, and, eq } from "drizzle-orm";
import type { Tx } from "~db/client";
import { auditLog } from "~db/schema";
import { withTenant } from "~db/tenant";
import type { OrgContext } from "./context";

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

/** Newest first, keyset-paged by time so pages stay stable while new entries arrive. */
export async function listAuditEntries(ctx: OrgContext, options: { before?: Date; entityType?: string } = {}) {
  return withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.orgId, ctx.org.id),
          options.before ? lt(auditLog.at, options.before) : undefined,
          options.entityType ? eq(auditLog.entityType, options.entityType) : undefined,
        ),
      )
      .orderBy(desc(auditLog.at))
      .limit(AUDIT_PAGE_SIZE),
  );
}
