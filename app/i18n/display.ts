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
import { intlLocale, type Locale } from "~/i18n/locales";
import type { Translator } from "~/i18n/translate";
import { dashboard_format_listSeparator } from "~/paraglide/messages/dashboard_format_listseparator1.js";
import { dashboard_format_beyondHorizon } from "~/paraglide/messages/dashboard_format_beyondhorizon1.js";
import { dashboard_format_netBurnPhrase } from "~/paraglide/messages/dashboard_format_netburnphrase2.js";
import { dashboard_format_netGeneratedPhrase } from "~/paraglide/messages/dashboard_format_netgeneratedphrase2.js";
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

/**
 * A cash-out month as every page writes it: the month, or "Beyond 10 years" when the forecast
 * finds none within its 120 months (not burning and no debt service that empties the cash,
 * or burning slowly enough). Never "—": that means "no figures", a different state.
 */
export function cashOutText(t: Translator, month: string | null | undefined, style: "text" | "cell" = "text"): string {
  if (!month) return t(dashboard_format_beyondHorizon);
  return style === "cell" ? monthCell(t, month) : monthText(t, month);
}

/**
 * A net burn shown as one figure in a sentence: "net burn $15,000", or, when revenue exceeded
 * spend, "net cash generated $15,000" — never a negative burn. Tables and CSV keep the signed
 * number under a header that says what negative means.
 */
export function netBurnPhrase(t: Translator, minor: number | null, money: (minor: number) => string): string {
  if (minor === null) return "—";
  return minor < 0 ? t(dashboard_format_netGeneratedPhrase, { amount: money(-minor) }) : t(dashboard_format_netBurnPhrase, { amount: money(minor) });
}

/** A ratio such as a burn multiple: "1.35×". */
export function multipleText(t: Translator, value: number, digits = 2): string {
  return `${fixedNumber(t.locale, value, digits)}×`;
}

// Months and dates live in ./months (running-text and table styles); re-exported for the
// components that already import their display helpers from here.
import { monthCell, monthText } from "~/i18n/months";
export { dateCell, dateText, monthCell, monthRangeText, monthText } from "~/i18n/months";

/** "Compute, Payroll" / "算力、人员". */
export function listText(t: Translator, items: readonly string[]): string {
  return items.join(t(dashboard_format_listSeparator));
}

/** Sentences in a row: a space between them in English, none in Chinese. */
export function sentencesText(t: Translator, sentences: readonly (string | null | false | undefined)[]): string {
  return sentences.filter(Boolean).join(t.locale === "zh-CN" ? "" : " ");
}
