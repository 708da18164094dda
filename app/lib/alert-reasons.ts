/**
 * An alert's reason in the reader's language. app/finance/alerts.ts stores each reason as a
 * message key plus typed variables (see AlertReasonVar there); this renders one. Browser-safe
 * and pure, so the feed renders it in the component and tests call it directly.
 */
import type { AlertReasonVar } from "~/finance/alerts";
import { formatterFor } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import { isTranslationKey, translateUnchecked, translator } from "~/i18n/translate";
import { dateText, fixedNumber, monthText } from "./format";

const PREFIX = "investor.alertReason.";

function renderVar(locale: Locale, value: AlertReasonVar): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  const t = translator(locale);
  if ("money" in value) return formatterFor(locale).money(value.money, value.currency);
  if ("month" in value) return monthText(t, value.month);
  if ("date" in value) return dateText(t, value.date);
  if ("months" in value) return t("common.unit.months", { count: value.months });
  if ("fixed" in value) return fixedNumber(locale, value.fixed, value.digits);
  if ("percent" in value) {
    const number = value.digits === undefined ? formatterFor(locale).number(value.percent, 2) : fixedNumber(locale, value.percent, value.digits);
    return t("investor.alertReason.percent", { value: number });
  }
  return isTranslationKey(value.key) ? translateUnchecked(locale, value.key) : String(value.key);
}

/** What the reason refers to rather than copies, as read from the company at render time. */
export interface AlertSubject {
  /** A risk alert's risk title, from the company's register; null when it is gone. */
  title?: string | null;
}

const RISK_SCORE = "investor.alertReason.riskScore";

/**
 * `investor.alertReason.runway#{…}` → "Runway 2.4 months is below …" / "现金跑道 2.4 个月…".
 * A risk alert's title comes from `subject` (its register, read now): a title stored in the
 * reason by an older version is never shown, and without a title the sentence names no risk.
 * Anything else — a reason stored as an English sentence before reasons became keys — is
 * returned as it is.
 */
export function alertReasonText(locale: Locale, reason: string, subject: AlertSubject = {}): string {
  const hash = reason.indexOf("#{");
  let key = hash === -1 ? reason : reason.slice(0, hash);
  if (!key.startsWith(PREFIX) || !isTranslationKey(key)) return reason;
  let vars: Record<string, AlertReasonVar> = {};
  if (hash !== -1) {
    try {
      vars = JSON.parse(reason.slice(hash + 1)) as Record<string, AlertReasonVar>;
    } catch {
      return reason;
    }
  }
  if (key === RISK_SCORE) {
    const { title: _stored, ...rest } = vars;
    vars = subject.title ? { ...rest, title: subject.title } : rest;
    if (!subject.title) key = "investor.alertReason.riskScoreUntitled";
  }
  const text = Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, renderVar(locale, value)]));
  return translateUnchecked(locale, key, text);
}
