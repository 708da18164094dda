/**
 * Months and calendar dates as readers see them: the one place that decides how a `YYYY-MM`
 * month or a `YYYY-MM-DD` date is written, in two styles.
 *
 * - Running text (sentences, card values, badges, headings): "Nov 2026" / "2026年11月",
 *   "Nov 5, 2026" / "2026年11月5日". A month is a word in a sentence, not a code.
 * - Tables (cells, column headers, chart axes whose table mirrors them): "2026-11" / "2026-11",
 *   "2026-11-05". Narrow, aligned, sorted as read, and the same text the CSV export holds.
 *
 * Both go through Intl (the digits and the month names come from the locale); the table style
 * takes only Intl's year and month parts so its order is the same in every language.
 * Anything that is not a month (or date) comes back unchanged; a missing one is "—".
 * Browser-safe. Takes a locale or anything carrying one (a translator).
 */
import { dashboard_format_monthRange } from "~/paraglide/messages/dashboard_format_monthrange1.js";
import { intlLocale, type Locale } from "./locales";

const MISSING = "—";
const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type HasLocale = Locale | { readonly locale: Locale };
const localeOf = (l: HasLocale): Locale => (typeof l === "string" ? l : l.locale);

// Intl objects are costly to build and immutable: one per locale and style.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, id: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${id}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", ...options });
    formats.set(key, format);
  }
  return format;
}

function monthInstant(month: string): number | null {
  const match = MONTH.exec(month);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, 1) : null;
}

function dateInstant(date: string | Date): Date | null {
  if (date instanceof Date) return Number.isNaN(date.getTime()) ? null : date;
  const day = DATE.exec(date);
  const value = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(date);
  return Number.isNaN(value.getTime()) ? null : value;
}

/** Year, month (and day) digits from Intl, always in that order: "2026-11", "2026-11-05". */
function numeric(locale: Locale, instant: number | Date, withDay: boolean): string {
  const parts = dateFormat(locale, withDay ? "cell-day" : "cell", {
    year: "numeric",
    month: "2-digit",
    ...(withDay ? { day: "2-digit" as const } : {}),
  }).formatToParts(instant);
  // zh-CN gives "3" for a 2-digit month next to a year: pad, so every cell has the same width.
  const part = (type: Intl.DateTimeFormatPartTypes) => (parts.find((p) => p.type === type)?.value ?? "").padStart(type === "year" ? 4 : 2, "0");
  return [part("year"), part("month"), ...(withDay ? [part("day")] : [])].join("-");
}

/** A month in a sentence or on a card: "2026-11" → "Nov 2026" / "2026年11月". */
export function monthText(l: HasLocale, month: string | null | undefined): string {
  if (!month) return MISSING;
  const instant = monthInstant(month);
  return instant === null ? month : dateFormat(localeOf(l), "text", { year: "numeric", month: "short" }).format(instant);
}

/** A month in a table cell, column header or chart axis: "2026-11" in both languages. */
export function monthCell(l: HasLocale, month: string | null | undefined): string {
  if (!month) return MISSING;
  const instant = monthInstant(month);
  return instant === null ? month : numeric(localeOf(l), instant, false);
}

/** A span of months in a sentence: "Feb 2026 – Apr 2026" / "2026年2月至2026年4月"; one month stays one. */
export function monthRangeText(l: HasLocale, first: string, last: string): string {
  if (first === last) return monthText(l, first);
  const locale = localeOf(l);
  return dashboard_format_monthRange({ first: monthText(locale, first), last: monthText(locale, last) }, { locale });
}

/** A calendar date (or timestamp, read in UTC) in a sentence: "Nov 5, 2026" / "2026年11月5日". */
export function dateText(l: HasLocale, date: string | Date | null | undefined): string {
  const instant = date ? dateInstant(date) : null;
  return instant ? dateFormat(localeOf(l), "date", { dateStyle: "medium" }).format(instant) : MISSING;
}

/** A calendar date in a table cell: "2026-11-05" in both languages. */
export function dateCell(l: HasLocale, date: string | Date | null | undefined): string {
  const instant = date ? dateInstant(date) : null;
  return instant ? numeric(localeOf(l), instant, true) : MISSING;
}

/** A date and time (UTC, labelled so, the same on server and browser): "Nov 5, 2026, 09:05 UTC". */
export function dateTimeText(l: HasLocale, date: string | Date | null | undefined): string {
  const instant = date ? dateInstant(date) : null;
  return instant ? `${dateFormat(localeOf(l), "dateTime", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(instant)} UTC` : MISSING;
}
