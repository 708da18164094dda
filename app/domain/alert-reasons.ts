/**
 * An alert's reason in words: the edge of the pure finance engine. app/finance/alerts.ts decides
 * each reason as a code with figures (AlertReason); `alertReasonRef` turns it into the form
 * stored in alerts.reason, and `alertReasonText` renders a stored reason in the reader's
 * language. Browser-safe and pure, so the feed renders it in the component and tests call it
 * directly.
 */
import type { AlertReason, AlertRuleError } from "~/finance/alerts";
import { roundRunwayDown } from "~/finance/runway";
import { formatterFor } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import { messageRef, translate, translator, type TranslationKey } from "~/i18n/translate";
// One import per message (not the barrel): see scripts/codemods/paraglide.mts, moduleOf.
import { common_unit_months } from "~/paraglide/messages/common_unit_months.js";
import { investor_alertReasonWord_caution } from "~/paraglide/messages/investor_alertreasonword_caution2.js";
import { investor_alertReasonWord_critical } from "~/paraglide/messages/investor_alertreasonword_critical2.js";
import { investor_alertReasonWord_mitigating } from "~/paraglide/messages/investor_alertreasonword_mitigating2.js";
import { investor_alertReasonWord_open } from "~/paraglide/messages/investor_alertreasonword_open2.js";
import { investor_alertReason_budgetOverrun } from "~/paraglide/messages/investor_alertreason_budgetoverrun2.js";
import { investor_alertReason_budgetUnbudgeted } from "~/paraglide/messages/investor_alertreason_budgetunbudgeted2.js";
import { investor_alertReason_cashOutAhead } from "~/paraglide/messages/investor_alertreason_cashoutahead3.js";
import { investor_alertReason_covenantBreach } from "~/paraglide/messages/investor_alertreason_covenantbreach2.js";
import { investor_alertReason_covenantBreachNoMinimum } from "~/paraglide/messages/investor_alertreason_covenantbreachnominimum4.js";
import { investor_alertReason_covenantProjected } from "~/paraglide/messages/investor_alertreason_covenantprojected2.js";
import { investor_alertReason_covenantProjectedNoMinimum } from "~/paraglide/messages/investor_alertreason_covenantprojectednominimum4.js";
import { investor_alertReason_defaultDead } from "~/paraglide/messages/investor_alertreason_defaultdead2.js";
import { investor_alertReason_defaultDeadFlat } from "~/paraglide/messages/investor_alertreason_defaultdeadflat3.js";
import { investor_alertReason_defaultDeadUndated } from "~/paraglide/messages/investor_alertreason_defaultdeadundated3.js";
import { investor_alertReason_percent } from "~/paraglide/messages/investor_alertreason_percent1.js";
import { investor_alertReason_reportOverdue } from "~/paraglide/messages/investor_alertreason_reportoverdue2.js";
import { investor_alertReason_reportOverdueMany } from "~/paraglide/messages/investor_alertreason_reportoverduemany3.js";
import { investor_alertReason_riskScore } from "~/paraglide/messages/investor_alertreason_riskscore2.js";
import { investor_alertReason_riskScoreLegacy } from "~/paraglide/messages/investor_alertreason_riskscorelegacy3.js";
import { investor_alertReason_riskScoreUntitled } from "~/paraglide/messages/investor_alertreason_riskscoreuntitled3.js";
import { investor_alertReason_runway } from "~/paraglide/messages/investor_alertreason_runway1.js";
import { investor_alertRules_error_cautionMax } from "~/paraglide/messages/investor_alertrules_error_cautionmax2.js";
import { investor_alertRules_error_criticalBelowCaution } from "~/paraglide/messages/investor_alertrules_error_criticalbelowcaution3.js";
import { investor_alertRules_error_criticalPositive } from "~/paraglide/messages/investor_alertrules_error_criticalpositive2.js";
import { investor_alertRules_error_dueDay } from "~/paraglide/messages/investor_alertrules_error_dueday2.js";
import { investor_alertRules_error_percentRange } from "~/paraglide/messages/investor_alertrules_error_percentrange2.js";
import { investor_alertRules_error_score } from "~/paraglide/messages/investor_alertrules_error_score1.js";
import { dateText, fixedNumber, monthText } from "~/i18n/display";

/**
 * The stored form of a reason. The reason is decided before anyone's locale is known and
 * stored in alerts.reason (text), so it is kept as a message key plus typed variables in the
 * messageRef format — `investor.alertReason.runway#{"runway":{"fixed":2.4,"digits":1},…}` —
 * not as an English sentence. Each reader renders it in the reader's language with
 * alertReasonText (amounts with the company's currency, months and dates for the locale), so
 * the same row reads in English for one member of the fund and in Chinese for another, and a
 * resolved alert keeps reading correctly after the wording changes. Rows written before this
 * format hold English sentences; alertReasonText shows those unchanged. A reason holds figures,
 * never the company's text (a risk's title is read at render time), and the audit log keeps
 * no copy of it (decision 006, "What the investor keeps").
 * Variables are typed so the renderer can format them: an amount in minor units with its
 * currency, a month, a date, a number of months (plural), a number with fixed decimals, a
 * percentage, or a message key (a level or status word).
 */
export type AlertReasonVar =
  | string
  | number
  | { readonly money: number; readonly currency: string }
  | { readonly month: string }
  | { readonly date: string }
  | { readonly months: number }
  | { readonly fixed: number; readonly digits: number }
  | { readonly percent: number; readonly digits?: number }
  | { readonly key: AlertReasonWordKey };
/**
 * The messages a stored reason can name, by the key stored in alerts.reason (@paraglide-hand: these
 * keys are data written to the database, so the table maps them to the compiled messages).
 */
const REASONS = {
  "investor.alertReason.budgetOverrun": investor_alertReason_budgetOverrun,
  "investor.alertReason.budgetUnbudgeted": investor_alertReason_budgetUnbudgeted,
  "investor.alertReason.cashOutAhead": investor_alertReason_cashOutAhead,
  "investor.alertReason.covenantBreach": investor_alertReason_covenantBreach,
  "investor.alertReason.covenantBreachNoMinimum": investor_alertReason_covenantBreachNoMinimum,
  "investor.alertReason.covenantProjected": investor_alertReason_covenantProjected,
  "investor.alertReason.covenantProjectedNoMinimum": investor_alertReason_covenantProjectedNoMinimum,
  "investor.alertReason.defaultDead": investor_alertReason_defaultDead,
  "investor.alertReason.defaultDeadFlat": investor_alertReason_defaultDeadFlat,
  "investor.alertReason.defaultDeadUndated": investor_alertReason_defaultDeadUndated,
  "investor.alertReason.reportOverdue": investor_alertReason_reportOverdue,
  "investor.alertReason.reportOverdueMany": investor_alertReason_reportOverdueMany,
  "investor.alertReason.riskScore": investor_alertReason_riskScore,
  "investor.alertReason.riskScoreLegacy": investor_alertReason_riskScoreLegacy,
  "investor.alertReason.riskScoreUntitled": investor_alertReason_riskScoreUntitled,
  "investor.alertReason.runway": investor_alertReason_runway,
} as const;
const WORDS = {
  "investor.alertReasonWord.caution": investor_alertReasonWord_caution,
  "investor.alertReasonWord.critical": investor_alertReasonWord_critical,
  "investor.alertReasonWord.mitigating": investor_alertReasonWord_mitigating,
  "investor.alertReasonWord.open": investor_alertReasonWord_open,
} as const;
export type AlertReasonKey = keyof typeof REASONS;
type AlertReasonWordKey = keyof typeof WORDS;

function reasonRef(key: AlertReasonKey, vars: Record<string, AlertReasonVar>): string {
  return `${key}#${JSON.stringify(vars)}`;
}

const money = (minor: number, currency: string): AlertReasonVar => ({ money: minor, currency });
/** 1000 → 10 (shown "10 %"), 1250 → 12.5. */
const thresholdPercent = (bp: number): AlertReasonVar => ({ percent: Number((bp / 100).toFixed(2)) });

/**
 * A reason from the engine → the text stored in alerts.reason. Keys and variable names (and
 * their order) are exactly those stored since reasons became keys, so rows already stored and
 * rows written now are one format, and re-evaluating an open alert rewrites the same text.
 */
export function alertReasonRef(reason: AlertReason): string {
  switch (reason.code) {
    case "runway_below":
      return reasonRef("investor.alertReason.runway", {
        runway: { fixed: roundRunwayDown(reason.runwayMonths), digits: 1 },
        level: { key: reason.level === "critical" ? "investor.alertReasonWord.critical" : "investor.alertReasonWord.caution" },
        threshold: { months: reason.thresholdMonths },
        month: { month: reason.month },
      });
    case "cash_out_ahead":
      return reasonRef("investor.alertReason.cashOutAhead", {
        cashOut: { month: reason.cashOutMonth },
        months: { months: reason.monthsOfCash },
        level: { key: reason.level === "critical" ? "investor.alertReasonWord.critical" : "investor.alertReasonWord.caution" },
        threshold: { months: reason.thresholdMonths },
        month: { month: reason.month },
      });
    case "report_overdue": {
      const vars = { missing: { month: reason.missing }, dueDate: { date: reason.dueDate }, last: { month: reason.lastReported } };
      return reason.count > 1
        ? reasonRef("investor.alertReason.reportOverdueMany", { ...vars, count: reason.count, to: { month: reason.lastMissing } })
        : reasonRef("investor.alertReason.reportOverdue", vars);
    }
    case "risk_score":
      return reasonRef("investor.alertReason.riskScore", {
        score: reason.score,
        likelihood: reason.likelihood,
        impact: reason.impact,
        threshold: reason.threshold,
        status: { key: reason.status === "open" ? "investor.alertReasonWord.open" : "investor.alertReasonWord.mitigating" },
      });
    case "budget_overrun": {
      const vars = {
        month: { month: reason.month },
        actual: money(reason.actual, reason.currency),
        budget: money(reason.budget, reason.currency),
        threshold: thresholdPercent(reason.thresholdBp),
      };
      return reason.variance === null
        ? reasonRef("investor.alertReason.budgetUnbudgeted", vars)
        : reasonRef("investor.alertReason.budgetOverrun", { ...vars, over: { percent: reason.variance * 100, digits: 1 } });
    }
    case "covenant_breach":
    case "covenant_projected": {
      const breach = reason.code === "covenant_breach";
      const vars = { cash: money(reason.cash, reason.currency), month: { month: reason.month } };
      return reason.minimumCash === null
        ? reasonRef(breach ? "investor.alertReason.covenantBreachNoMinimum" : "investor.alertReason.covenantProjectedNoMinimum", vars)
        : reasonRef(breach ? "investor.alertReason.covenantBreach" : "investor.alertReason.covenantProjected", {
            ...vars,
            minimum: money(reason.minimumCash, reason.currency),
          });
    }
    case "default_dead": {
      const asOf = { month: reason.month };
      if (reason.flatRevenue && reason.cashOutMonth) {
        return reasonRef("investor.alertReason.defaultDeadFlat", { cashOut: { month: reason.cashOutMonth }, month: asOf });
      }
      return reason.cashOutMonth
        ? reasonRef("investor.alertReason.defaultDead", { cashOut: { month: reason.cashOutMonth }, month: asOf })
        : reasonRef("investor.alertReason.defaultDeadUndated", { month: asOf });
    }
  }
}

/** A refused alert rule (alertRulesErrors) → its message ref, localized with the form's errors. */
export function alertRuleErrorRef(error: AlertRuleError): string {
  switch (error.code) {
    case "critical_positive":
      return messageRef(investor_alertRules_error_criticalPositive);
    case "caution_max":
      return messageRef(investor_alertRules_error_cautionMax);
    case "critical_below_caution":
      return messageRef(investor_alertRules_error_criticalBelowCaution, { count: error.cautionMonths });
    case "due_day":
      return messageRef(investor_alertRules_error_dueDay);
    case "score":
      return messageRef(investor_alertRules_error_score);
    case "percent_range":
      return messageRef(investor_alertRules_error_percentRange);
  }
}

const PREFIX = "investor.alertReason.";

function renderVar(locale: Locale, value: AlertReasonVar): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  const t = translator(locale);
  if ("money" in value) return formatterFor(locale).money(value.money, value.currency);
  if ("month" in value) return monthText(t, value.month);
  if ("date" in value) return dateText(t, value.date);
  if ("months" in value) return t(common_unit_months, { count: value.months });
  if ("fixed" in value) return fixedNumber(locale, value.fixed, value.digits);
  if ("percent" in value) {
    const number = value.digits === undefined ? formatterFor(locale).number(value.percent, 2) : fixedNumber(locale, value.percent, value.digits);
    return t(investor_alertReason_percent, { value: number });
  }
  return value.key in WORDS ? translate(locale, WORDS[value.key]) : String(value.key);
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
  let key = (hash === -1 ? reason : reason.slice(0, hash)) as AlertReasonKey;
  if (!key.startsWith(PREFIX) || !(key in REASONS)) return reason;
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
  return translate(locale, REASONS[key] as TranslationKey, text as never);
}
