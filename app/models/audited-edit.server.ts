import type { Tx } from "~db/client";
import { oneRow } from "~db/client";
import { type AuditActor, recordAudit } from "./audit.server";
import { deleteLocked, type EditedTable, type EditRefusals, lockAtVersion, saveAtVersion } from "./versioning.server";

/**
 * A record kept whole in the audit log: each create, versioned edit and delete writes the row
 * and an entry `<entity>.create|update|delete` with the row before and after, in one transaction.
 */
export interface AuditedRecord<T extends EditedTable> {
  table: T;
  /** The audit log's entity type, and the prefix of its actions: "funding_round". */
  entity: string;
  refusals: EditRefusals;
}

/** Inserts the org's new row (`values` carry its org_id) and records its creation. */
export async function createAudited<T extends EditedTable>(
  tx: Tx,
  ctx: AuditActor,
  record: AuditedRecord<T>,
  values: T["$inferInsert"],
): Promise<T["$inferSelect"]> {
  const { table, entity } = record;
  const row = oneRow(
    await tx
      .insert(table)
      .values(values as never)
      .returning(),
    `insert ${entity}`,
  ) as T["$inferSelect"] & { id: string };
  await recordAudit(tx, ctx, { action: `${entity}.create`, entityType: entity, entityId: row.id, after: row });
  return row;
}

/** Saves an edit made on `version` (a save in between is a conflict, never an overwrite) and records it. */
export async function updateAudited<T extends EditedTable>(
  tx: Tx,
  ctx: AuditActor,
  record: AuditedRecord<T>,
  id: string,
  version: number,
  values: Partial<T["$inferInsert"]>,
): Promise<T["$inferSelect"]> {
  const { table, entity, refusals } = record;
  const before = await lockAtVersion(tx, table, ctx.org.id, id, version, refusals);
  const row = await saveAtVersion(tx, table, ctx.org.id, id, version, values, refusals.conflict);
  await recordAudit(tx, ctx, { action: `${entity}.update`, entityType: entity, entityId: id, before, after: row });
  return row;
}

/** Deletes the row and records it; with `version`, only if nobody changed it since it was read. */
export async function deleteAudited<T extends EditedTable>(tx: Tx, ctx: AuditActor, record: AuditedRecord<T>, id: string, version?: number): Promise<void> {
  const { table, entity, refusals } = record;
  const before = await lockAtVersion(tx, table, ctx.org.id, id, version, refusals);
  await deleteLocked(tx, table, ctx.org.id, id);
  await recordAudit(tx, ctx, { action: `${entity}.delete`, entityType: entity, entityId: id, before, after: null });
}
