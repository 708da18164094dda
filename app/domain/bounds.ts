import { compareMonths, isValidIsoDate, isValidMonth, type IsoDate } from "~/finance/month";

// The bounds every entity shares, in one place, without zod: pages read them to show hints
// and limits (min="2000-01"), and a zod-free module keeps the validation library out of
// pages that only show them. The zod fields built on them live in ./fields.ts.

/** No record of any kind (report, budget, FX rate, share link's frozen month) before this month. */
export const EARLIEST_MONTH = "2000-01";
/** The same rule for pickers that choose a year (budgets). */
export const EARLIEST_YEAR = Number(EARLIEST_MONTH.slice(0, 4));
/** Budgets are plans, so future years are allowed: up to this many years after the current one. */
export const BUDGET_YEARS_AHEAD = 5;
/** Round closes, draws and investments: no calendar date before this day. */
export const EARLIEST_DATE = "1950-01-01";

/** Each text of a month's investor update (highlights, lowlights, asks). */
export const REPORT_TEXT_MAX = 5000;
/** People on a monthly report: a whole number up to this. */
export const MAX_HEADCOUNT = 1_000_000;

/** `YYYY-MM` that is a real month and not before EARLIEST_MONTH. */
export function isRecordableMonth(month: string): boolean {
  return isValidMonth(month) && compareMonths(month, EARLIEST_MONTH) >= 0;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and forms; anything that is not a UUID simply names no row. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_RE.test(value);
}

/** The same calendar day a year later (29 February → 28 February). */
export function oneYearAfter(today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4)) + 1;
  const candidate = `${year}${today.slice(4)}`;
  return isValidIsoDate(candidate) ? candidate : `${year}-02-28`;
}
