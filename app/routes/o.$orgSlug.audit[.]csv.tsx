import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { requireOrgContext } from "~/auth/tenant.server";
import { safeCell } from "~/server/csv.server";
import { auditLogBatches, type AuditExportRow } from "~/models/audit-export.server";
import { describeAuditBatch } from "~/models/audit.server";
import { getLocale } from "~/i18n/locale.server";
import { auditTexts, type AuditText } from "~/server/audit-text.server";

/** The machine-readable columns as they always were, then the entry in words (the reader's language). */
const HEADER = [
  "at_utc",
  "id",
  "actor_user_id",
  "actor_email",
  "actor_name",
  "action",
  "entity_type",
  "entity_id",
  "before",
  "after",
  "action_label",
  "description",
  "changes",
];

function toCells(row: AuditExportRow, words: AuditText | undefined): string[] {
  return [
    row.at,
    row.id,
    row.actorUserId,
    row.actorEmail,
    row.actorName,
    row.action,
    row.entityType,
    row.entityId,
    row.before === null || row.before === undefined ? null : JSON.stringify(row.before),
    row.after === null || row.after === undefined ? null : JSON.stringify(row.after),
    words?.label ?? null,
    words?.sentence ?? null,
    words && words.changes.length > 0 ? words.changes.join("; ") : null,
  ].map(safeCell);
}

/**
 * The whole audit log as CSV, oldest first, for owners and admins. Streamed batch by batch
 * so a long log never sits in memory whole; the first batch is read before answering, so a
 * failure there is still a proper error status rather than a truncated file.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:audit");
  const inWords = auditTexts(getLocale(request), ctx.org.baseCurrency);
  const batches = auditLogBatches(ctx);
  // Names behind the ids, one statement per batch (never per row).
  const rowsInWords = async (rows: AuditExportRow[]) => {
    const named = new Map(
      (
        await describeAuditBatch(
          ctx,
          rows.map((r) => r.id),
        )
      ).map((e) => [e.id, inWords(e)]),
    );
    return rows.map((r) => toCells(r, named.get(r.id)));
  };
  const first = await batches.next();
  const encoder = new TextEncoder();
  let pending: IteratorResult<AuditExportRow[]> | null = first;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([HEADER])));
    },
    async pull(controller) {
      try {
        const next = pending ?? (await batches.next());
        pending = null;
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(stringify(await rowsInWords(next.value))));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const today = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${ctx.org.slug}-${today}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
