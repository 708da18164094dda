/**
 * CSV import of monthly reports, budgets, custom metric values and (investors) FX rates: parsing
 * and validation only, no I/O.
 *
 * The same code runs in the browser (a chunked pre-check with a progress bar) and on the
 * server (the check that decides what is written), so a user never sees one verdict in the
 * preview and another on import. It therefore uses csv-parse's self-contained browser
 * build, which also runs in Node.
 *
 * Line numbers are the ones a spreadsheet shows: the header is line 1 and every CSV record
 * is one line, even when a quoted cell spans several text lines.
 */
import { parse } from "csv-parse/browser/esm/sync";
import { EARLIEST_MONTH } from "~/domain/bounds";
import { BUDGET_COLUMNS, BUDGET_YEARS_AHEAD, budgetImportSpec, type BudgetImportRow } from "~/domain/budget";
import type { ImportSpec } from "~/domain/csv-cells";
import { FX_RATE_COLUMNS, fxRateImportSpec, type FxRateImportRow } from "~/domain/fx-rate";
import { metricImportSpec, type MetricColumn, type MetricImportRow } from "~/domain/metric-import";
import { MONTHLY_REPORT_COLUMNS, monthlyReportImportSpec, type MonthlyReportRow } from "~/domain/monthly-report";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { translator, type Translator } from "~/i18n/translate";
import { records_import_error_blankName } from "~/paraglide/messages/records_import_error_blankname1.js";
import { records_import_error_empty } from "~/paraglide/messages/records_import_error_empty.js";
import { records_import_error_header } from "~/paraglide/messages/records_import_error_header.js";
import { records_import_error_missing } from "~/paraglide/messages/records_import_error_missing.js";
import { records_import_error_noRows } from "~/paraglide/messages/records_import_error_norows1.js";
import { records_import_error_notCsv } from "~/paraglide/messages/records_import_error_notcsv1.js";
import { records_import_error_repeated } from "~/paraglide/messages/records_import_error_repeated.js";
import { records_import_error_semicolons } from "~/paraglide/messages/records_import_error_semicolons.js";
import { records_import_error_tooLarge } from "~/paraglide/messages/records_import_error_toolarge1.js";
import { records_import_error_tooManyRows } from "~/paraglide/messages/records_import_error_toomanyrows2.js";
import { records_import_error_unknown } from "~/paraglide/messages/records_import_error_unknown.js";
import { records_import_error_width } from "~/paraglide/messages/records_import_error_width.js";

export const MAX_DATA_ROWS = 100_000;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/**
 * What an import request's body may weigh: the file plus room for the multipart framing (the
 * boundaries, part headers, the intent and checksum fields). server.mjs refuses more on the
 * import routes while the body streams in, before the app reads it.
 */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;
/** The UI lists this many errors; the total is always counted. */
export const MAX_LISTED_ERRORS = 100;
/** The same earliest month as every form and model (app/domain/bounds.ts). */
export const EARLIEST_IMPORT_MONTH = EARLIEST_MONTH;
export { BUDGET_YEARS_AHEAD, BUDGET_COLUMNS, FX_RATE_COLUMNS, MONTHLY_REPORT_COLUMNS };

export type ImportKind = "monthly-reports" | "budgets" | "fx-rates" | "metrics";

export interface CsvImportError {
  /** 1-based spreadsheet line (header = 1); null for a problem with the whole file. */
  line: number | null;
  /** The header name of the offending column, when one column is to blame. */
  column: string | null;
  message: string;
}

/** Each kind's row: the entity's own type (app/domain/<entity>.ts). */
export type { BudgetImportRow, FxRateImportRow, MetricColumn, MetricImportRow };
export type MonthlyReportImportRow = MonthlyReportRow;

export interface ImportRowOf {
  "monthly-reports": MonthlyReportImportRow;
  budgets: BudgetImportRow;
  "fx-rates": FxRateImportRow;
  metrics: MetricImportRow;
}

export type CsvImportResult<Row> = { ok: true; rows: Row[]; blankLines: number } | { ok: false; errors: CsvImportError[]; errorCount: number };

export interface CsvImportOptions {
  /** "Now" for the future-month rules; the current UTC month by default. */
  now?: Date;
  /**
   * Turns record-aligned CSV text into records. Defaults to csv-parse's self-contained
   * browser build; the server passes csv-parse's Node build (same parser, native Buffer,
   * several times faster) via app/models/csv-import.server.ts.
   */
  parseRecords?: (text: string) => string[][];
  /** FX rates: the investor's base currency, which needs no rate (its rate is always 1). */
  baseCurrency?: string;
  /** The language of the error messages (the page's; English by default). */
  locale?: Locale;
  /** Custom metrics: the org's metrics, whose keys are the file's columns (decision 024). */
  metrics?: readonly MetricColumn[];
}

/* ----------------------------------------------------------------------------- specs */

// Each entity's row rules live beside its form schema (app/domain/<entity>.ts). A metrics file's
// columns are the org's own keys, so its spec is made from them.
const SPECS: { [K in Exclude<ImportKind, "metrics">]: ImportSpec<ImportRowOf[K]> } = {
  "monthly-reports": monthlyReportImportSpec,
  budgets: budgetImportSpec,
  "fx-rates": fxRateImportSpec,
};

function specOf<K extends ImportKind>(kind: K, metrics: readonly MetricColumn[] = []): ImportSpec<ImportRowOf[K]> {
  return (kind === "metrics" ? metricImportSpec(metrics) : SPECS[kind as Exclude<ImportKind, "metrics">]) as ImportSpec<ImportRowOf[K]>;
}

export function expectedHeader(kind: ImportKind, metrics: readonly MetricColumn[] = []): string {
  return specOf(kind, metrics).columns.join(",");
}

/* ------------------------------------------------------------------------ chunking */

const DEFAULT_CHUNK_CHARS = 256 * 1024;

/**
 * Splits CSV text at record boundaries: a newline outside quotes. In RFC 4180 a quote
 * inside a quoted field is doubled, so "outside quotes" is simply "an even number of
 * quote characters so far". Each piece can then be parsed on its own.
 */
export function splitCsvAtRecords(text: string, targetChars = DEFAULT_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let index = start;
    let inQuotes = false;
    const target = start + targetChars;
    let end = text.length;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 34) inQuotes = !inQuotes;
      else if (code === 10 && !inQuotes && index >= target) {
        end = index + 1;
        break;
      }
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/** UTF-8 size without allocating a copy of a 10 MB string. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/* ------------------------------------------------------------------------ checking */

export const CSV_PARSE_OPTIONS = {
  relax_column_count: true,
  skip_empty_lines: false,
  // Files edited on several machines mix line endings; accept each kind per record.
  record_delimiter: ["\r\n", "\n", "\r"],
};

export function fileTooLargeError(locale: Locale = DEFAULT_LOCALE): CsvImportError {
  return {
    line: null,
    column: null,
    message: translator(locale)(records_import_error_tooLarge, { mb: MAX_FILE_BYTES / 1024 / 1024 }),
  };
}

/**
 * A check fed with record-aligned pieces of one file, in order (see splitCsvAtRecords).
 * Keeps the first MAX_LISTED_ERRORS errors and counts the rest.
 */
export class CsvImportCheck<K extends ImportKind> {
  private readonly spec: ImportSpec<ImportRowOf[K]>;
  private readonly currentMonth: string;
  private readonly parseRecords: (text: string) => string[][];
  private readonly options: CsvImportOptions;
  private readonly t: Translator;
  private columnIndex: Map<string, number> | null = null;
  private linesSeen = 0;
  private dataRows = 0;
  private blankLines = 0;
  private stopped = false;
  private readonly firstLineOf = new Map<string, number>();
  readonly rows: ImportRowOf[K][] = [];
  readonly errors: CsvImportError[] = [];
  errorCount = 0;

  constructor(
    readonly kind: K,
    options: CsvImportOptions = {},
  ) {
    this.spec = specOf(kind, options.metrics);
    this.options = options;
    this.t = translator(options.locale ?? DEFAULT_LOCALE);
    this.currentMonth = (options.now ?? new Date()).toISOString().slice(0, 7);
    this.parseRecords = options.parseRecords ?? ((text) => parse(text, CSV_PARSE_OPTIONS) as string[][]);
  }

  /** Lines processed so far (header included), for progress text. */
  get lines() {
    return this.linesSeen;
  }

  private fail(error: CsvImportError) {
    this.errorCount += 1;
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
  }

  private stop(error: CsvImportError) {
    this.fail(error);
    this.stopped = true;
  }

  feed(piece: string): void {
    if (this.stopped || piece === "") return;
    if (this.linesSeen === 0 && piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    let records: string[][];
    try {
      records = this.parseRecords(piece);
    } catch (error) {
      // csv-parse's CsvError (either build): a code and the records read before the fault.
      if (!(error instanceof Error) || typeof (error as { code?: unknown }).code !== "string") throw error;
      const before = (error as { records?: number }).records ?? 0;
      this.stop({
        line: this.linesSeen + before + 1,
        column: null,
        message: this.t(records_import_error_notCsv, { reason: error.message.split(":")[0] ?? error.message }),
      });
      return;
    }
    for (const record of records) {
      this.linesSeen += 1;
      if (this.columnIndex === null) {
        if (!this.readHeader(record)) return;
        continue;
      }
      this.readRecord(record, this.linesSeen);
      if (this.stopped) return;
    }
  }

  private readHeader(record: string[]): boolean {
    const names = record.map((cell) => cell.trim().toLowerCase());
    while (names.length > 0 && names[names.length - 1] === "") names.pop();
    const expected = this.spec.columns;
    const missing = (this.spec.required ?? expected).filter((column) => !names.includes(column));
    const unknown = names.filter((name) => !(expected as readonly string[]).includes(name));
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    const { unknownColumn } = this.spec;
    if (unknownColumn && unknown.length > 0 && !(names.length === 1 && names[0]?.includes(";"))) {
      // One error per column, named, so the list says where each unknown key is.
      for (const name of unknown) this.fail({ line: 1, column: name === "" ? null : name, message: unknownColumn(name, this.t) });
      if (missing.length || repeated.length) unknown.length = 0;
      else {
        this.stopped = true;
        return false;
      }
    }
    if (missing.length || unknown.length || repeated.length) {
      const t = this.t;
      const parts = [t(records_import_error_header, { header: expected.join(",") })];
      if (names.length === 1 && names[0]?.includes(";")) parts.push(t(records_import_error_semicolons));
      else {
        if (missing.length) parts.push(t(records_import_error_missing, { columns: missing.join(", ") }));
        if (unknown.length) {
          parts.push(t(records_import_error_unknown, { columns: unknown.map((n) => (n === "" ? t(records_import_error_blankName) : n)).join(", ") }));
        }
        if (repeated.length) parts.push(t(records_import_error_repeated, { columns: [...new Set(repeated)].join(", ") }));
      }
      this.stop({ line: 1, column: null, message: parts.join(" ") });
      return false;
    }
    this.columnIndex = new Map(names.map((name, i) => [name, i]));
    return true;
  }

  private readRecord(record: string[], line: number) {
    const cells = record.map((cell) => cell.trim());
    if (cells.every((cell) => cell === "")) {
      // Spreadsheets keep blank rows; they carry no data, but still count as lines.
      this.blankLines += 1;
      return;
    }
    this.dataRows += 1;
    if (this.dataRows > MAX_DATA_ROWS) {
      // Nothing else matters until the file is split: this is the one error to show.
      this.errors.length = 0;
      this.errorCount = 0;
      this.stop({
        line,
        column: null,
        message: this.t(records_import_error_tooManyRows, { max: MAX_DATA_ROWS }),
      });
      return;
    }
    const width = this.columnIndex!.size;
    let used = cells.length;
    while (used > width && cells[used - 1] === "") used -= 1;
    if (used !== width) {
      this.fail({
        line,
        column: null,
        message: this.t(records_import_error_width, { used, width }),
      });
      return;
    }
    const byName: Record<string, string> = {};
    for (const [name, index] of this.columnIndex!) byName[name] = cells[index] ?? "";
    let valid = true;
    const row = this.spec.toRow(
      byName,
      (column, message) => {
        valid = false;
        this.fail({ line, column, message });
      },
      this.currentMonth,
      this.options,
      this.t,
    );
    if (!valid || row === null) return;
    const key = this.spec.key(row);
    const firstLine = this.firstLineOf.get(key);
    if (firstLine !== undefined) {
      this.fail({ line, ...this.spec.duplicate(row, firstLine, this.t) });
      return;
    }
    this.firstLineOf.set(key, line);
    this.rows.push(row);
  }

  finish(): CsvImportResult<ImportRowOf[K]> {
    if (!this.stopped && this.columnIndex === null) {
      this.fail({ line: 1, column: null, message: this.t(records_import_error_empty, { header: this.spec.columns.join(",") }) });
    } else if (!this.stopped && this.errorCount === 0 && this.rows.length === 0) {
      this.fail({ line: null, column: null, message: this.t(records_import_error_noRows) });
    }
    if (this.errorCount > 0) return { ok: false, errors: this.errors, errorCount: this.errorCount };
    return { ok: true, rows: this.rows, blankLines: this.blankLines };
  }
}

/** Parses and checks a whole file at once (the server's check). */
export function parseImportCsv<K extends ImportKind>(kind: K, text: string, options: CsvImportOptions = {}): CsvImportResult<ImportRowOf[K]> {
  if (utf8ByteLength(text) > MAX_FILE_BYTES) return { ok: false, errors: [fileTooLargeError(options.locale)], errorCount: 1 };
  const check = new CsvImportCheck(kind, options);
  for (const piece of splitCsvAtRecords(text)) check.feed(piece);
  return check.finish();
}

export const parseMonthlyReportsCsv = (text: string, options?: CsvImportOptions) => parseImportCsv("monthly-reports", text, options);
export const parseBudgetsCsv = (text: string, options?: CsvImportOptions) => parseImportCsv("budgets", text, options);
export const parseFxRatesCsv = (text: string, options?: CsvImportOptions) => parseImportCsv("fx-rates", text, options);

/**
 * The same check in pieces, yielding to the browser between them so a progress bar can
 * move and the page stays responsive on a 100,000-row file.
 */
export async function parseImportCsvInChunks<K extends ImportKind>(
  kind: K,
  text: string,
  options: CsvImportOptions & {
    chunkChars?: number;
    onProgress?: (progress: { doneChars: number; totalChars: number; lines: number }) => void;
    signal?: AbortSignal;
  } = {},
): Promise<CsvImportResult<ImportRowOf[K]>> {
  if (utf8ByteLength(text) > MAX_FILE_BYTES) return { ok: false, errors: [fileTooLargeError(options.locale)], errorCount: 1 };
  const check = new CsvImportCheck(kind, options);
  let done = 0;
  for (const piece of splitCsvAtRecords(text, options.chunkChars ?? 64 * 1024)) {
    options.signal?.throwIfAborted();
    check.feed(piece);
    done += piece.length;
    options.onProgress?.({ doneChars: done, totalChars: text.length, lines: check.lines });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return check.finish();
}

/** Formats counts for people: 12345 → "12,345" (pages use useFormat().number in their own language). */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}
