/**
 * Display helpers shared by the dashboard cards, chart configs and their data tables.
 * Amounts arrive as integer minor units; formatting is the last step, never an input to math.
 *
 * The localized helpers take a translator (`useT()` in a component, `translator(locale)`
 * elsewhere) and stay pure. The older English-only exports below them are kept for the pages
 * that have not been converted yet; new code uses the localized ones.
 */
import type { SpendCategory } from "~/finance/burn";
import { roundRunwayDown } from "~/finance/runway";
import { SPEND_CATEGORY_KEYS } from "~/domain/spend-categories";
import { formatterFor } from "~/i18n/format";
import { intlLocale, type Locale } from "~/i18n/locales";
import type { Translator } from "~/i18n/translate";
import { dashboard_format_listSeparator } from "~/paraglide/messages/dashboard_format_listseparator1.js";
import { dashboard_format_monthRange } from "~/paraglide/messages/dashboard_format_monthrange1.js";
import { dashboard_format_notBurning } from "~/paraglide/messages/dashboard_format_notburning1.js";
import { dashboard_format_runwayMonths } from "~/paraglide/messages/dashboard_format_runwaymonths1.js";

// --- Localized ---------------------------------------------------------------------------

export function spendCategoryLabel(t: Translator, category: SpendCategory): string {
  return t(SPEND_CATEGORY_KEYS[category].label);
}

const fixedFormats = new Map<string, Intl.NumberFormat>();
/** A number with exactly `digits` decimals for the locale: 9.2 → "9.2", 6 → "6.0". */
export function fixedNumber(locale: Locale, value: number, digits: number): string {
  const id = `${locale}|${digits}`;
  let format = fixedFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixedFormats.set(id, format);
  }
  return format.format(value);
}

/**
 * A runway's months as every page shows them: rounded down to one decimal by the finance
 * module's roundRunwayDown (9.27 → "9.2", never "9.3"; 10 → "10.0"), then written for the locale.
 * Figures arrive rounded already; rounding again here means no page can round up by accident.
 */
export function runwayNumber(locale: Locale, months: number): string {
  return fixedNumber(locale, roundRunwayDown(months), 1);
}

/** Runway months: "9.2 months" / "9.2 个月", or "Not burning". */
export function runwayText(t: Translator, months: number | null): string {
  if (months === null) return t(dashboard_format_notBurning);
  return t(dashboard_format_runwayMonths, { months: runwayNumber(t.locale, months) });
}

/** A ratio such as a burn multiple: "1.35×". */
export function multipleText(t: Translator, value: number, digits = 2): string {
  return `${fixedNumber(t.locale, value, digits)}×`;
}

/**
 * A reported month ("2026-04") in cards and sentences. English keeps the ISO month the
 * product has always shown there (and its test suites read); Chinese gets "2026年4月" from
 * Intl, which reads naturally inside a Chinese sentence.
 */
export function monthText(t: Translator, month: string): string {
  return t.locale === "en" ? month : formatterFor(t.locale).month(month);
}

/** A calendar date ("2025-10-01"), like monthText: ISO in English, Intl in Chinese. */
export function dateText(t: Translator, date: string): string {
  return t.locale === "en" ? date : formatterFor(t.locale).date(date);
}

/** "2026-02 – 2026-04" / "2026年2月至2026年4月"; a single month stays a single month. */
export function monthRangeText(t: Translator, first: string, last: string): string {
  return first === last ? monthText(t, first) : t(dashboard_format_monthRange, { first: monthText(t, first), last: monthText(t, last) });
}

/** "Compute, Payroll" / "算力、人员". */
export function listText(t: Translator, items: readonly string[]): string {
  return items.join(t(dashboard_format_listSeparator));
}

/** Sentences in a row: a space between them in English, none in Chinese. */
export function sentencesText(t: Translator, sentences: readonly (string | null | false | undefined)[]): string {
  return sentences.filter(Boolean).join(t.locale === "zh-CN" ? "" : " ");
}
