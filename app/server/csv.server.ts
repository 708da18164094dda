import { stringify } from "csv-stringify/sync";

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

/** A CSV download of a list; cells that look like formulas are neutralised for spreadsheets. */
export function csvResponse<T>(filename: string, rows: T[], columns: CsvColumn<T>[]): Response {
  const body = stringify([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => safeCell(c.value(row))))]);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^a-zA-Z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** CSV injection guard, shared by every export (streamed ones included). */
export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // CSV injection: a leading = + - @ makes spreadsheets evaluate the cell.
  // A plain negative decimal ("-3.5", an exact metric value kept as a string) is a number, not a formula.
  if (typeof value === "string" && /^-\d+(\.\d+)?$/.test(text)) return text;
  return typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
