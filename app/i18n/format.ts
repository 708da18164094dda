/**
 * Numbers, money, months and dates for one locale, all through `Intl`. Display only: amounts
 * arrive as integer minor units and are never stored as the floats shown here.
 * Browser-safe. In components use `useFormat()` from "~/i18n"; on the server `formatterFor(locale)`.
 */
import { formatMoney, formatMoneyShort, formatPercent } from "~/i18n/money-format";
import { intlLocale, type Locale } from "./locales";
import { dateCell, dateText, dateTimeText, monthCell, monthText } from "./months";

const MISSING = "—";

export interface Formatter {
  /** Exact amount for tables and tooltips: 123456789 minor, "USD" → "$1,234,568" / "US$1,234,568". */
  money(minor: number | null | undefined, currency: string): string;
  /** Abbreviated amount for cards: "$1.2M" / "US$123.5万". */
  moneyShort(minor: number | null | undefined, currency: string): string;
  /** A ratio: 0.253 → "25.3%" (at most `digits` decimals, default 1; `fixed`: exactly that many). */
  percent(ratio: number | null | undefined, digits?: number, fixed?: boolean): string;
  /** Basis points (an interest rate, an ownership share): 1250 → "12.5%", at most 2 decimals. */
  basisPoints(bp: number | null | undefined): string;
  /** A plain number with grouping: 12345.6 → "12,345.6" (at most `digits` decimals, default 0). */
  number(value: number | null | undefined, digits?: number): string;
  /** A month in running text (./months): "2026-04" → "Apr 2026" / "2026年4月"; anything else is returned unchanged. */
  month(month: string | null | undefined): string;
  /** A month in a table cell or on a chart axis (./months): "2026-04" in both languages. */
  monthCell(month: string | null | undefined): string;
  /** 1–12 → "January" / "一月" (`style` "short" → "Jan" / "1月"). */
  monthName(month: number, style?: "long" | "short"): string;
  /** "2026-04-15" or an ISO timestamp → "Apr 15, 2026" / "2026年4月15日" (calendar date in UTC). */
  date(iso: string | Date | null | undefined): string;
  /** A calendar date in a table cell: "2026-04-15" in both languages. */
  dateCell(iso: string | Date | null | undefined): string;
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
  return {
    money: (minor, currency) => formatMoney(minor, currency, tag),
    moneyShort: (minor, currency) => formatMoneyShort(minor, currency, tag),
    percent: (ratio, digits = 1, fixed = false) => formatPercent(ratio, tag, digits, fixed),
    basisPoints: (bp) => formatPercent(bp === null || bp === undefined ? bp : bp / 10_000, tag, 2),
    number: (value, digits = 0) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
      return cached(`${tag}|n|${digits}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: digits })).format(value);
    },
    month: (month) => monthText(locale, month),
    monthCell: (month) => monthCell(locale, month),
    monthName: (month, style = "long") => dates(`name-${style}`, { month: style }).format(Date.UTC(2000, month - 1, 1)),
    date: (iso) => dateText(locale, iso),
    dateCell: (iso) => dateCell(locale, iso),
    dateTime: (iso) => dateTimeText(locale, iso),
  };
}
