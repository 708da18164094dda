/**
 * Calendar months as `YYYY-MM` strings and calendar days as `YYYY-MM-DD` strings.
 *
 * Strings rather than Dates because a month is a label in the product (one report per
 * org per calendar month), not an instant: no time zone can shift it into the wrong month.
 */

export type Month = string;
export type IsoDate = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const FIRST_INDEX = 1000 * 12;
const LAST_INDEX = 9999 * 12 + 11;

export function isValidMonth(value: unknown): value is Month {
  return typeof value === "string" && MONTH_PATTERN.test(value) && Number(value.slice(0, 4)) >= 1000;
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !DATE_PATTERN.test(value)) return false;
  const month = value.slice(0, 7);
  return isValidMonth(month) && Number(value.slice(8, 10)) <= daysInMonth(month);
}

function assertMonth(month: Month): void {
  if (!isValidMonth(month)) throw new RangeError(`Not a YYYY-MM month: ${String(month)}`);
}

// Months since year 0 make month arithmetic plain integer arithmetic.
function toIndex(month: Month): number {
  assertMonth(month);
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function fromIndex(index: number): Month {
  if (index < FIRST_INDEX || index > LAST_INDEX) throw new RangeError("Month out of range (1000-01..9999-12)");
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function addMonths(month: Month, count: number): Month {
  if (!Number.isInteger(count)) throw new RangeError(`Month count must be an integer: ${count}`);
  return fromIndex(toIndex(month) + count);
}

/** How many months `to` lies after `from` (negative when before). */
export function monthDiff(from: Month, to: Month): number {
  return toIndex(to) - toIndex(from);
}

export function compareMonths(a: Month, b: Month): -1 | 0 | 1 {
  return Math.sign(toIndex(a) - toIndex(b)) as -1 | 0 | 1;
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const start = toIndex(from);
  const end = toIndex(to);
  const months: Month[] = [];
  for (let i = start; i <= end; i++) months.push(fromIndex(i));
  return months;
}

/**
 * The calendar months from the first to the last of `reported` that have no entry in it:
 * the gaps a time axis must keep (a seven-month gap is seven months, not one). Empty when
 * nothing or one month is reported. Order and duplicates of `reported` do not matter.
 */
export function missingMonths(reported: readonly Month[]): Month[] {
  if (reported.length === 0) return [];
  const have = new Set(reported);
  const sorted = [...have].sort(compareMonths);
  return monthsBetween(sorted[0]!, sorted.at(-1)!).filter((m) => !have.has(m));
}

/** Months grouped into runs of consecutive months, in order: ["2026-03", "2026-04", "2026-09"] → [{2026-03…2026-04}, {2026-09…2026-09}]. */
export function monthRuns(months: readonly Month[]): { first: Month; last: Month }[] {
  const runs: { first: Month; last: Month }[] = [];
  for (const month of [...new Set(months)].sort(compareMonths)) {
    const run = runs.at(-1);
    if (run && addMonths(run.last, 1) === month) run.last = month;
    else runs.push({ first: month, last: month });
  }
  return runs;
}

export function daysInMonth(month: Month): number {
  const index = toIndex(month);
  return new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
}

/** The calendar month of an instant, read in UTC so every server agrees. */
export function monthOfDate(date: Date): Month {
  return isoDateOfDate(date).slice(0, 7);
}

/** The calendar day of an instant, read in UTC. */
export function isoDateOfDate(date: Date): IsoDate {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid Date");
  return date.toISOString().slice(0, 10);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  for (const d of [a, b]) if (!isValidIsoDate(d)) throw new RangeError(`Not a YYYY-MM-DD date: ${String(d)}`);
  // Zero-padded ISO dates sort the same as the days they name.
  return a < b ? -1 : a > b ? 1 : 0;
}
