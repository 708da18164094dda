import { and, asc, eq, sql } from "drizzle-orm";
import { auditLog, users } from "~db/schema";
import type { OrgContext } from "~/auth/context";
import { auditChangeColumns } from "./audit.server";
import { readInOrg } from "./org-read.server";

export interface AuditExportRow {
  /** ISO 8601 in UTC with microseconds: exact, so it can also serve as the paging cursor. */
  at: string;
  id: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export const AUDIT_EXPORT_BATCH_SIZE = 500;

/**
 * The whole audit log of the org, oldest first, in batches of `batchSize`. Each batch is its
 * own short read-only transaction, so a slow download never holds a transaction open.
 * Keyset-paged on (at, id): entries written in one transaction share `at`, so time alone
 * would skip or repeat them at a batch boundary.
 */
export async function* auditLogBatches(ctx: OrgContext, batchSize = AUDIT_EXPORT_BATCH_SIZE): AsyncGenerator<AuditExportRow[]> {
  const size = Math.max(1, Math.floor(batchSize));
  let cursor: { at: string; id: string } | null = null;
  for (;;) {
    const after: { at: string; id: string } | null = cursor;
    const rows: AuditExportRow[] = await readInOrg(ctx, (tx) =>
      tx
        .select({
          at: sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
          id: auditLog.id,
          actorUserId: auditLog.actorUserId,
          // Someone who has left the org is no longer visible to it: their id stays.
          actorEmail: users.email,
          actorName: users.name,
          ...auditChangeColumns,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(and(eq(auditLog.orgId, ctx.org.id), after ? sql`(${auditLog.at}, ${auditLog.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined))
        .orderBy(asc(auditLog.at), asc(auditLog.id))
        .limit(size),
    );
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.at, id: last.id };
  }
}
