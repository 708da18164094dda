/**
 * Numbers, money, months and dates for one locale, all through `Intl`. Display only: amounts
 * arrive as integer minor units and are never stored as the floats shown here.
 * Browser-safe. In components use `useFormat()` from "~/i18n"; on the server `formatterFor(locale)`.
 */
import { formatMoney, formatMoneyShort, formatPercent } from "~/i18n/money-format";
import { intlLocale, type Locale } from "./locales";

const MISSING = "—";
const MONTH = /^(\d{4})-(\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Formatter {
  /** Exact amount for tables and tooltips: 123456789 minor, "USD" → "$1,234,568" / "US$1,234,568". */
  money(minor: number | null | undefined, currency: string): string;
  /** Abbreviated amount for cards: "$1.2M" / "US$123.5万". */
  moneyShort(minor: number | null | undefined, currency: string): string;
  /** A ratio: 0.253 → "25.3%". */
  percent(ratio: number | null | undefined, digits?: number): string;
  /** A plain number with grouping: 12345.6 → "12,345.6" (at most `digits` decimals, default 0). */
  number(value: number | null | undefined, digits?: number): string;
  /** "2026-04" → "Apr 2026" / "2026年4月"; anything else is returned unchanged. */
  month(month: string | null | undefined): string;
  /** 1–12 → "January" / "一月" (`style` "short" → "Jan" / "1月"). */
  monthName(month: number, style?: "long" | "short"): string;
  /** "2026-04-15" or an ISO timestamp → "Apr 15, 2026" / "2026年4月15日" (calendar date in UTC). */
  date(iso: string | Date | null | undefined): string;
  /** An ISO timestamp → date and time in UTC, labelled as such (same text on server and browser). */
  dateTime(iso: string | Date | null | undefined): string;
}

// Intl objects are costly to build and immutable: one per locale and options.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(id: string, make: () => T): T {
  let value = cache.get(id);
  if (!value) {
    value = make();
    cache.set(id, value);
  }
  return value as T;
}

export function formatterFor(locale: Locale): Formatter {
  const tag = intlLocale(locale);
  const dates = (id: string, options: Intl.DateTimeFormatOptions) =>
    cached(`${tag}|d|${id}`, () => new Intl.DateTimeFormat(tag, { timeZone: "UTC", ...options }));
  const toDate = (iso: string | Date): Date | null => {
    if (iso instanceof Date) return Number.isNaN(iso.getTime()) ? null : iso;
    const day = DATE_ONLY.exec(iso);
    const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  return {
    money: (minor, currency) => formatMoney(minor, currency, tag),
    moneyShort: (minor, currency) => formatMoneyShort(minor, currency, tag),
    percent: (ratio, digits = 1) => formatPercent(ratio, tag, digits),
    number: (value, digits = 0) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
      return cached(`${tag}|n|${digits}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: digits })).format(value);
    },
    month: (month) => {
      if (!month) return MISSING;
      const match = MONTH.exec(month);
      if (!match) return month;
      return dates("month", { year: "numeric", month: "short" }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
    },
    monthName: (month, style = "long") => dates(`name-${style}`, { month: style }).format(Date.UTC(2000, month - 1, 1)),
    date: (iso) => {
      const date = iso ? toDate(iso) : null;
      return date ? dates("date", { dateStyle: "medium" }).format(date) : MISSING;
    },
    dateTime: (iso) => {
      const date = iso ? toDate(iso) : null;
      return date ? dates("dateTime", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(date) + " UTC" : MISSING;
    },
  };
}
