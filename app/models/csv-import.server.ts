/**
 * The server half of the import pages: read the upload, check it again (a preview proves
 * nothing about the next request), then either describe what it would do or do it.
 *
 * Confirming re-sends the same file: the form keeps the chosen file, and the preview
 * hands back a SHA-256 of the content it showed. Import refuses content whose digest
 * differs, answering with a fresh preview instead, so nothing is written that the user
 * did not see previewed. This keeps a 10 MB file out of the page (no hidden field) and
 * works without JavaScript (the browser asks for the file again).
 */
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { json, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import {
  BUDGET_COLUMNS,
  CSV_PARSE_OPTIONS,
  fileTooLargeError,
  FX_RATE_COLUMNS,
  MAX_FILE_BYTES,
  MONTHLY_REPORT_COLUMNS,
  parseImportCsv,
  type BudgetImportRow,
  type CsvImportError,
  type CsvImportOptions,
  type CsvImportResult,
  type FxRateImportRow,
  type ImportKind,
  type ImportRowOf,
  type MetricImportRow,
  type MonthlyReportImportRow,
} from "~/domain/csv-import";
import { translate } from "~/i18n/translate";
import { getLocale } from "~/i18n/locale.server";
import { SPEND_CATEGORIES } from "~/domain/spend-categories";
import { minorToMajorString } from "~/domain/money-fields";
import type { OrgContext } from "~/auth/context";
import { importFxRates, previewFxRatesImport } from "~/models/fx-rate.server";
import { importMetricValues, listMetricColumns, previewMetricImport } from "~/models/metric.server";
import { AppError } from "~/server/http.server";
import { importBudgets, importMonthlyReports, previewBudgetsImport, previewMonthlyReportsImport } from "~/models/import.server";
import { failureFromError } from "~/server/forms.server";
import { records_import_changedMeanwhile } from "~/paraglide/messages/records_import_changedmeanwhile1.js";
import { records_import_changedNotice } from "~/paraglide/messages/records_import_changednotice1.js";
import { records_import_error_chooseAgain } from "~/paraglide/messages/records_import_error_chooseagain1.js";
import { records_import_error_chooseFile } from "~/paraglide/messages/records_import_error_choosefile1.js";
import { records_import_error_notMultipart } from "~/paraglide/messages/records_import_error_notmultipart1.js";
import type { ImportActionResult, ImportCounts } from "~/views/csv-import";

export const PREVIEW_ROWS = 20;

/** csv-parse's Node build: the same parser as the browser's, with native Buffer and several times faster. */
const parseRecords = (text: string) => parse(text, CSV_PARSE_OPTIONS) as string[][];

/** The server's check of a whole file. */
export function checkImportCsv<K extends ImportKind>(kind: K, text: string, options: CsvImportOptions = {}): CsvImportResult<ImportRowOf[K]> {
  return parseImportCsv(kind, text, { parseRecords, ...options });
}

const major = minorToMajorString;

function previewCells(kind: Exclude<ImportKind, "metrics">, row: MonthlyReportImportRow | BudgetImportRow | FxRateImportRow): string[] {
  if (kind === "fx-rates") {
    const r = row as FxRateImportRow;
    return [r.month, r.currency, r.rate];
  }
  if (kind === "budgets") {
    const b = row as BudgetImportRow;
    return [b.month, b.category, major(b.amount)];
  }
  const m = row as MonthlyReportImportRow;
  return [
    m.month,
    major(m.cash),
    major(m.revenue),
    ...SPEND_CATEGORIES.map((category) => major(m[category])),
    String(m.headcount),
    m.arr === null ? "" : major(m.arr),
  ];
}

function errorsResponse(fileName: string | null, errors: CsvImportError[], errorCount = errors.length, status = 400) {
  // A 413 answers before the whole body is read: close the connection, or a keep-alive client's
  // next request on it meets the unread rest of the upload (seen as ECONNRESET).
  const headers = status === 413 ? { Connection: "close" } : undefined;
  return json<ImportActionResult>({ status: "errors", fileName, errors, errorCount }, { status, headers });
}

function monthBounds(rows: readonly { month: string }[]) {
  const [head] = rows;
  if (!head) throw new Error("monthBounds: a checked import has at least one row");
  let first = head.month;
  let last = head.month;
  for (const r of rows) {
    if (r.month < first) first = r.month;
    if (r.month > last) last = r.month;
  }
  return { firstMonth: first, lastMonth: last };
}

/** Errors, preview and notices come back in the request's language. */
export async function handleImportAction(request: Request, ctx: OrgContext, kind: ImportKind) {
  const locale = getLocale(request);
  // The edge refuses a body over MAX_UPLOAD_BODY_BYTES as it streams in (server/body-limit.mjs);
  // within that, a file over MAX_FILE_BYTES is refused here, in the page's language.
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return errorsResponse(null, [fileTooLargeError(locale)], 1, 413);
    return errorsResponse(null, [{ line: null, column: null, message: translate(locale, records_import_error_notMultipart) }]);
  }
  const intent = form.get("intent") === "import" ? "import" : "preview";
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    const message = translate(locale, intent === "import" ? records_import_error_chooseAgain : records_import_error_chooseFile);
    return errorsResponse(null, [{ line: null, column: "file", message }]);
  }
  const fileName = file.name || "upload.csv";
  const text = await file.text();
  if (kind === "metrics") return metricsImport(ctx, locale, { intent, fileName, text, checksum: form.get("checksum") });
  const checksum = sha256(text);
  const parsed = checkImportCsv(kind, text, { baseCurrency: ctx.org.baseCurrency, locale });
  if (!parsed.ok) return errorsResponse(fileName, parsed.errors, parsed.errorCount);
  const rows = parsed.rows as ImportRowOf[typeof kind][];
  const bounds = monthBounds(rows);

  try {
    const confirmed = intent === "import" && form.get("checksum") === checksum;
    if (confirmed) {
      const counts = await (IMPORTERS[kind].write as Importer<ImportRowOf[typeof kind]>)(ctx, rows);
      return json<ImportActionResult>({ status: "imported", fileName, counts, ...bounds });
    }
    const counts = await (IMPORTERS[kind].preview as Importer<ImportRowOf[typeof kind]>)(ctx, rows);
    return json<ImportActionResult>({
      status: "preview",
      fileName,
      checksum,
      counts,
      ...bounds,
      columns: [...IMPORTERS[kind].columns],
      previewRows: rows.slice(0, PREVIEW_ROWS).map((row) => previewCells(kind, row as MonthlyReportImportRow | BudgetImportRow | FxRateImportRow)),
      notice: intent === "import" ? translate(locale, records_import_changedNotice) : null,
    });
  } catch (error) {
    return failureFromError(error, locale);
  }
}

type Importer<Row> = (ctx: OrgContext, rows: readonly Row[]) => Promise<ImportCounts>;

/** Each kind's rows are written, or counted for the preview, by its own model; its preview shows its columns. */
const IMPORTERS: { [K in Exclude<ImportKind, "metrics">]: { write: Importer<ImportRowOf[K]>; preview: Importer<ImportRowOf[K]>; columns: readonly string[] } } =
  {
    "fx-rates": { write: importFxRates, preview: previewFxRatesImport, columns: FX_RATE_COLUMNS },
    budgets: { write: importBudgets, preview: previewBudgetsImport, columns: BUDGET_COLUMNS },
    "monthly-reports": { write: importMonthlyReports, preview: previewMonthlyReportsImport, columns: MONTHLY_REPORT_COLUMNS },
  };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Custom metric values (decision 024): the columns are the org's keys, so the file is checked
 * against its metrics. The preview's digest covers the file AND the values it would change as
 * they stood when previewed; confirming re-reads them under lock, and if anyone changed one
 * meanwhile (or the file differs) nothing is written and a fresh preview says so.
 */
async function metricsImport(
  ctx: OrgContext,
  locale: ReturnType<typeof getLocale>,
  upload: { intent: "import" | "preview"; fileName: string; text: string; checksum: FormDataEntryValue | null },
) {
  const { intent, fileName, text } = upload;
  const metrics = await listMetricColumns(ctx);
  const parsed = checkImportCsv("metrics", text, { metrics, locale });
  if (!parsed.ok) return errorsResponse(fileName, parsed.errors, parsed.errorCount);
  const rows = parsed.rows as MetricImportRow[];
  const bounds = monthBounds(rows);
  const fileDigest = sha256(text);
  const checksumOf = (state: string) => sha256(`${fileDigest}\n${state}`);
  try {
    let notice: string | null = null;
    if (intent === "import" && typeof upload.checksum === "string") {
      try {
        const counts = await importMetricValues(ctx, rows, { confirm: (state) => checksumOf(state) === upload.checksum });
        return json<ImportActionResult>({ status: "imported", fileName, counts, ...bounds });
      } catch (error) {
        if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
        notice = translate(locale, records_import_changedMeanwhile);
      }
    } else if (intent === "import") notice = translate(locale, records_import_changedNotice);
    const { counts, state } = await previewMetricImport(ctx, rows);
    // The file's metric columns, in the export's order.
    const keys = metrics.map((m) => m.key).filter((key) => rows.some((r) => key in r.values));
    return json<ImportActionResult>({
      status: "preview",
      fileName,
      checksum: checksumOf(state),
      counts,
      ...bounds,
      columns: ["month", ...keys],
      previewRows: rows.slice(0, PREVIEW_ROWS).map((row) => [row.month, ...keys.map((key) => row.values[key] ?? "")]),
      notice,
    });
  } catch (error) {
    return failureFromError(error, locale);
  }
}
