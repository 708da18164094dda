import { and, eq, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "~db/client";
import { isUuid } from "~/domain/bounds";
import type { MessageRef } from "~/i18n/message-ref";
import { messageRef, type PlainKey } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { records_conflict_changed } from "~/paraglide/messages/records_conflict_changed.js";

/**
 * Optimistic concurrency: forms carry the `version` they were loaded with, and updates
 * run `... where version = $read` and bump it. No row updated means someone else saved
 * first: the user is told, never silently overwritten.
 *
 * `what` names the record: a message key ("records.risk.what" → "risk" / "风险"), or plain
 * English from a caller not yet translated. The message is a ref, answered in the request's
 * language by failureFromError (English where no locale is passed).
 */
export function conflictError(what: PlainKey | (string & {})): AppError {
  return new AppError("CONFLICT", messageRef(records_conflict_changed, { what }));
}

/** A tenant table whose rows are edited by version: keyed by (org_id, id). */
type VersionedTable = PgTable & { orgId: AnyPgColumn; id: AnyPgColumn };

/**
 * Reads the row `id` of the org for an edit and locks it until the transaction ends, so the
 * version check and the write that follows see no save in between. A malformed or unknown id,
 * or one of another org, is the same NOT_FOUND (`notFound` names the record).
 */
export async function lockForEdit<T extends VersionedTable>(tx: Tx, table: T, orgId: string, id: string, notFound: MessageRef): Promise<T["$inferSelect"]> {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", notFound);
  const [row] = await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.orgId, orgId), eq(table.id, id)))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND", notFound);
  return row as T["$inferSelect"];
}

/** A versioned tenant table: keyed by (org_id, id), with a version and an updated-at stamp. */
export type EditedTable = VersionedTable & { version: AnyPgColumn; updatedAt: AnyPgColumn };

/** What to answer when the row is not there, and when someone saved it since it was read. */
export interface EditRefusals {
  notFound: MessageRef;
  conflict: () => AppError;
}

/**
 * lockForEdit, then the version check: the row as read at `version`, locked until the
 * transaction ends. `version` undefined takes the row as it is (a delete that read none).
 */
export async function lockAtVersion<T extends EditedTable>(
  tx: Tx,
  table: T,
  orgId: string,
  id: string,
  version: number | undefined,
  refusals: EditRefusals,
): Promise<T["$inferSelect"]> {
  const before = await lockForEdit(tx, table, orgId, id, refusals.notFound);
  if (version !== undefined && (before as { version: number }).version !== version) throw refusals.conflict();
  return before;
}

/** Writes an edit made on `version` and bumps it; no row written means a save came in between. */
export async function saveAtVersion<T extends EditedTable>(
  tx: Tx,
  table: T,
  orgId: string,
  id: string,
  version: number,
  values: Partial<T["$inferInsert"]>,
  conflict: () => AppError,
): Promise<T["$inferSelect"]> {
  const [row] = await tx
    .update(table as EditedTable)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
    .where(and(eq(table.orgId, orgId), eq(table.id, id), eq(table.version, version)))
    .returning();
  if (!row) throw conflict();
  return row as T["$inferSelect"];
}

/** Deletes the row a lockAtVersion took. */
export async function deleteLocked(tx: Tx, table: VersionedTable, orgId: string, id: string): Promise<void> {
  await tx.delete(table).where(and(eq(table.orgId, orgId), eq(table.id, id)));
}
