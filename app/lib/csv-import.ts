/**
 * CSV import of monthly reports, budgets and (investors) FX rates: parsing and validation only, no I/O.
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
import { SPEND_CATEGORIES, type SpendCategory } from "~/finance/burn";
import { parseRate, rateProblemMessage } from "~/finance/fx";
import { compareMonths, isValidMonth } from "~/finance/month";
import { isCurrencyCode } from "~/lib/currencies";
import { parseMajorToMinor } from "~/lib/money";

export const MAX_DATA_ROWS = 100_000;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The UI lists this many errors; the total is always counted. */
export const MAX_LISTED_ERRORS = 100;
/** Same bounds as the report form and the budget grid (monthly-report/budget models). */
export const EARLIEST_IMPORT_MONTH = "2000-01";
/** Budgets are plans, so future months are allowed: up to the end of the year this many years ahead. */
export const BUDGET_YEARS_AHEAD = 5;
const MAX_HEADCOUNT = 1_000_000;

export const MONTHLY_REPORT_COLUMNS = [
  "month",
  "cash",
  "revenue",
  "compute",
  "data",
  "payroll",
  "research",
  "go_to_market",
  "general_admin",
  "other",
  "headcount",
  "arr",
] as const;
export const BUDGET_COLUMNS = ["month", "category", "amount"] as const;
export const FX_RATE_COLUMNS = ["month", "currency", "rate"] as const;

export type ImportKind = "monthly-reports" | "budgets" | "fx-rates";

export interface CsvImportError {
  /** 1-based spreadsheet line (header = 1); null for a problem with the whole file. */
  line: number | null;
  /** The header name of the offending column, when one column is to blame. */
  column: string | null;
  message: string;
}

/**
 * One month as the monthly file carries it, in minor units; spend keyed by category, the
 * same shape as MonthlyReportRow in app/models/monthly-report.server.ts.
 */
export type MonthlyReportImportRow = {
  month: string;
  cash: number;
  revenue: number;
  headcount: number;
  /** Blank in the file means "no ARR reported" and clears the month's ARR. */
  arr: number | null;
} & Record<SpendCategory, number>;

export interface BudgetImportRow {
  month: string;
  category: SpendCategory;
  amount: number;
}

/** 1 unit of `currency` = `rate` (canonical decimal string) units of the investor's base currency. */
export interface FxRateImportRow {
  month: string;
  currency: string;
  rate: string;
}

export interface ImportRowOf {
  "monthly-reports": MonthlyReportImportRow;
  budgets: BudgetImportRow;
  "fx-rates": FxRateImportRow;
}

export type CsvImportResult<Row> =
  | { ok: true; rows: Row[]; blankLines: number }
  | { ok: false; errors: CsvImportError[]; errorCount: number };

export interface CsvImportOptions {
  /** "Now" for the future-month rules; the current UTC month by default. */
  now?: Date;
  /**
   * Turns record-aligned CSV text into records. Defaults to csv-parse's self-contained
   * browser build; the server passes csv-parse's Node build (same parser, native Buffer,
   * several times faster) via app/lib/csv-import.server.ts.
   */
  parseRecords?: (text: string) => string[][];
  /** FX rates: the investor's base currency, which needs no rate (its rate is always 1). */
  baseCurrency?: string;
}

/* ----------------------------------------------------------------------------- specs */

type Issue = (column: string, message: string) => void;

interface ImportSpec<Row> {
  columns: readonly string[];
  toRow(cells: Record<string, string>, issue: Issue, currentMonth: string, options: CsvImportOptions): Row | null;
  /** Rows with the same key may appear once per file. */
  key(row: Row): string;
  duplicate(row: Row, firstLine: number): { column: string; message: string };
}

const AMOUNT_COLUMNS = ["cash", "revenue", ...SPEND_CATEGORIES] as const;
type AmountColumn = (typeof AMOUNT_COLUMNS)[number];

const monthlyReportSpec: ImportSpec<MonthlyReportImportRow> = {
  columns: MONTHLY_REPORT_COLUMNS,
  toRow(cells, issue, currentMonth) {
    const month = readMonth(cells.month, issue);
    if (month !== null && compareMonths(month, currentMonth) > 0) {
      issue("month", `${month} is in the future: a monthly report can be for ${currentMonth} or an earlier month.`);
    }
    const amounts: Partial<Record<AmountColumn, number | null>> = {};
    for (const column of AMOUNT_COLUMNS) amounts[column] = readAmount(cells[column], column, issue);
    const headcount = readHeadcount(cells.headcount, issue);
    const arr = cells.arr === "" ? null : readAmount(cells.arr, "arr", issue);
    const values = Object.values(amounts);
    if (month === null || headcount === null || values.some((v) => v === null) || (cells.arr !== "" && arr === null)) return null;
    if (compareMonths(month, currentMonth) > 0) return null;
    return { month, ...(amounts as Record<AmountColumn, number>), headcount, arr };
  },
  key: (row) => row.month,
  duplicate: (row, firstLine) => ({
    column: "month",
    message: `${row.month} appears more than once (first on line ${firstLine}). Keep one row per month.`,
  }),
};

const budgetSpec: ImportSpec<BudgetImportRow> = {
  columns: BUDGET_COLUMNS,
  toRow(cells, issue, currentMonth) {
    const month = readMonth(cells.month, issue);
    const latest = `${Number(currentMonth.slice(0, 4)) + BUDGET_YEARS_AHEAD}-12`;
    const tooFar = month !== null && compareMonths(month, latest) > 0;
    if (tooFar) issue("month", `${month} is too far ahead: budgets can be planned up to ${latest}.`);
    const category = cells.category.toLowerCase();
    const known = (SPEND_CATEGORIES as readonly string[]).includes(category);
    if (category === "") issue("category", `Enter a category: one of ${SPEND_CATEGORIES.join(", ")}.`);
    else if (!known) issue("category", `Unknown category "${cells.category}": use one of ${SPEND_CATEGORIES.join(", ")}.`);
    const amount = readAmount(cells.amount, "amount", issue);
    if (month === null || tooFar || !known || amount === null) return null;
    return { month, category: category as SpendCategory, amount };
  },
  key: (row) => `${row.month}|${row.category}`,
  duplicate: (row, firstLine) => ({
    column: "category",
    message: `${row.month} ${row.category} appears more than once (first on line ${firstLine}). Keep one row per month and category.`,
  }),
};

/** Same rules as the FX rate form (app/models/fx-rate.server.ts): months up to this one, never the base currency. */
const fxRateSpec: ImportSpec<FxRateImportRow> = {
  columns: FX_RATE_COLUMNS,
  toRow(cells, issue, currentMonth, options) {
    const month = readMonth(cells.month, issue);
    const future = month !== null && compareMonths(month, currentMonth) > 0;
    if (future) issue("month", `${month} is in the future: rates can be recorded for ${currentMonth} or earlier months.`);
    const currency = cells.currency.toUpperCase();
    let currencyOk = false;
    if (currency === "") issue("currency", "Enter the currency as a three-letter ISO 4217 code, like EUR.");
    else if (!isCurrencyCode(currency)) issue("currency", `"${cells.currency}" is not an ISO 4217 currency code: use one like EUR, GBP or CNY.`);
    else if (options.baseCurrency && currency === options.baseCurrency.toUpperCase()) {
      issue("currency", `${currency} is your base currency: its rate is always 1, so leave it out of the file.`);
    } else currencyOk = true;
    const rate = parseRate(cells.rate);
    if (!rate.ok) issue("rate", rateProblemMessage(rate.problem));
    if (month === null || future || !currencyOk || !rate.ok) return null;
    return { month, currency, rate: rate.rate };
  },
  key: (row) => `${row.month}|${row.currency}`,
  duplicate: (row, firstLine) => ({
    column: "currency",
    message: `${row.month} ${row.currency} appears more than once (first on line ${firstLine}). Keep one rate per month and currency.`,
  }),
};

const SPECS: { [K in ImportKind]: ImportSpec<ImportRowOf[K]> } = {
  "monthly-reports": monthlyReportSpec,
  budgets: budgetSpec,
  "fx-rates": fxRateSpec,
};

export function expectedHeader(kind: ImportKind): string {
  return SPECS[kind].columns.join(",");
}

function readMonth(value: string, issue: Issue): string | null {
  if (value === "") {
    issue("month", "Enter the month as YYYY-MM, like 2026-03.");
    return null;
  }
  const shape = /^(\d{4})-(\d{2})$/.exec(value);
  if (!shape) {
    issue("month", `"${value}" is not a month: use YYYY-MM, like 2026-03 (spreadsheets sometimes turn months into dates; format the column as text).`);
    return null;
  }
  const monthNumber = Number(shape[2]);
  if (monthNumber < 1 || monthNumber > 12) {
    issue("month", `${value} is not a month: the month number must be 01 to 12.`);
    return null;
  }
  if (!isValidMonth(value) || compareMonths(value, EARLIEST_IMPORT_MONTH) < 0) {
    issue("month", `${value} is too early: months start at ${EARLIEST_IMPORT_MONTH}.`);
    return null;
  }
  return value;
}

function readAmount(value: string, column: string, issue: Issue): number | null {
  if (value === "") {
    issue(column, `Enter ${column} (use 0 for none).`);
    return null;
  }
  const minor = parseMajorToMinor(value);
  if (minor === null) {
    issue(column, `"${value}" is not an amount: enter ${column} in major units with at most two decimals, like 12500.50.`);
    return null;
  }
  if (minor < 0) {
    issue(column, `${column} cannot be negative (found ${value}).`);
    return null;
  }
  return minor;
}

function readHeadcount(value: string, issue: Issue): number | null {
  if (value === "") {
    issue("headcount", "Enter headcount (use 0 for none).");
    return null;
  }
  if (/^-\d+$/.test(value)) {
    issue("headcount", `headcount cannot be negative (found ${value}).`);
    return null;
  }
  if (!/^\d+$/.test(value) || Number(value) > MAX_HEADCOUNT) {
    issue("headcount", `"${value}" is not a headcount: enter a whole number of people, like 12.`);
    return null;
  }
  return Number(value);
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

export function fileTooLargeError(): CsvImportError {
  return {
    line: null,
    column: null,
    message: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one after another.`,
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
    this.spec = SPECS[kind] as ImportSpec<ImportRowOf[K]>;
    this.options = options;
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
        message: `This line is not valid CSV (${error.message.split(":")[0]}). Check for a stray or unclosed quote ("); the file was not checked past this point.`,
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
    const missing = expected.filter((column) => !names.includes(column));
    const unknown = names.filter((name) => !(expected as readonly string[]).includes(name));
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    if (missing.length || unknown.length || repeated.length) {
      const parts = [`Line 1 must be the header row: ${expected.join(",")}.`];
      if (names.length === 1 && names[0].includes(";")) parts.push("The file seems to use semicolons: save it as comma-separated CSV.");
      else {
        if (missing.length) parts.push(`Missing: ${missing.join(", ")}.`);
        if (unknown.length) parts.push(`Not recognised: ${unknown.map((n) => (n === "" ? "(blank)" : n)).join(", ")}.`);
        if (repeated.length) parts.push(`Repeated: ${[...new Set(repeated)].join(", ")}.`);
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
        message: `The file has more than ${MAX_DATA_ROWS.toLocaleString("en-US")} data rows. Split it into files of at most ${MAX_DATA_ROWS.toLocaleString("en-US")} rows and import them one after another.`,
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
        message: `This line has ${used} values but the header has ${width} columns.`,
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
    );
    if (!valid || row === null) return;
    const key = this.spec.key(row);
    const firstLine = this.firstLineOf.get(key);
    if (firstLine !== undefined) {
      this.fail({ line, ...this.spec.duplicate(row, firstLine) });
      return;
    }
    this.firstLineOf.set(key, line);
    this.rows.push(row);
  }

  finish(): CsvImportResult<ImportRowOf[K]> {
    if (!this.stopped && this.columnIndex === null) {
      this.fail({ line: 1, column: null, message: `The file is empty. Line 1 must be the header row: ${this.spec.columns.join(",")}.` });
    } else if (!this.stopped && this.errorCount === 0 && this.rows.length === 0) {
      this.fail({ line: null, column: null, message: "The file has a header but no data rows." });
    }
    if (this.errorCount > 0) return { ok: false, errors: this.errors, errorCount: this.errorCount };
    return { ok: true, rows: this.rows, blankLines: this.blankLines };
  }
}

/** Parses and checks a whole file at once (the server's check). */
export function parseImportCsv<K extends ImportKind>(kind: K, text: string, options: CsvImportOptions = {}): CsvImportResult<ImportRowOf[K]> {
  if (utf8ByteLength(text) > MAX_FILE_BYTES) return { ok: false, errors: [fileTooLargeError()], errorCount: 1 };
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
  if (utf8ByteLength(text) > MAX_FILE_BYTES) return { ok: false, errors: [fileTooLargeError()], errorCount: 1 };
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

/** Formats counts for people: 12345 → "12,345". */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}
