/**
 * An alert's reason in words: the edge of the pure finance engine. app/finance/alerts.ts decides
 * each reason as a code with figures (AlertReason); `alertReasonRef` turns it into a message ref
 * (`{ key, values }`, app/i18n/message-ref.ts), `storedAlertReason` / `alertReasonFromStored`
 * convert between a ref and the text alerts.reason holds (the model's edge, and only there), and
 * `alertReasonText` renders a ref in the reader's language. Browser-safe and pure, so the feed
 * renders it in the component and tests call it directly.
 */
import type { AlertReason, AlertRuleError } from "~/finance/alerts";
import { roundRunwayDown } from "~/finance/runway";
import type { Locale } from "~/i18n/locales";
import { formatMetricValue } from "~/i18n/metric-format";
import type { MetricUnit } from "~/domain/metric";
import { isMessageRef, literalRef, renderMessage, type MessageLookup, type MessageRef, type MessageValue } from "~/i18n/message-ref";
import { messageRef } from "~/i18n/translate";
// One import per message (not the barrel): see scripts/codemods/paraglide.mts, moduleOf.
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
import { investor_alertReason_metricCeiling } from "~/paraglide/messages/investor_alertreason_metricceiling2.js";
import { investor_alertReason_metricFall } from "~/paraglide/messages/investor_alertreason_metricfall2.js";
import { investor_alertReason_metricFloor } from "~/paraglide/messages/investor_alertreason_metricfloor2.js";
import { investor_alertReason_metricRise } from "~/paraglide/messages/investor_alertreason_metricrise2.js";
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

/**
 * A reason as a message ref. The reason is decided before anyone's locale is known and
 * stored in alerts.reason (text), so it is kept as a message key plus typed values — stored as
 * `investor.alertReason.runway#` followed by the values as JSON (`{"runway":{"fixed":2.4,"digits":1},…}`,
 * storedAlertReason) — not as an English sentence. The model reads it back into a ref
 * (alertReasonFromStored) and each reader renders it in the reader's language with
 * alertReasonText (amounts with the company's currency, months and dates for the locale), so
 * the same row reads in English for one member of the fund and in Chinese for another, and a
 * resolved alert keeps reading correctly after the wording changes. Rows written before this
 * format hold English sentences; alertReasonText shows those unchanged. A reason holds figures,
 * never the company's text (a risk's title is read at render time), and the audit log keeps
 * no copy of it (decision 006, "What the investor keeps").
 * Values are typed so the renderer can format them (MessageValue): an amount in minor units
 * with its currency, a month, a date, a number of months (plural), a number with fixed
 * decimals, a percentage, or a ref to a level or status word.
 */
export type AlertReasonVar = MessageValue;
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
  "investor.alertReason.metricCeiling": investor_alertReason_metricCeiling,
  "investor.alertReason.metricFall": investor_alertReason_metricFall,
  "investor.alertReason.metricFloor": investor_alertReason_metricFloor,
  "investor.alertReason.metricRise": investor_alertReason_metricRise,
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

function reasonRef(key: AlertReasonKey, values: Record<string, AlertReasonVar>): MessageRef {
  return { key, values };
}

/** What a reason's values may name: its sentence and the level and status words. */
const lookup: MessageLookup = (key) =>
  Object.hasOwn(REASONS, key) ? REASONS[key as AlertReasonKey] : Object.hasOwn(WORDS, key) ? WORDS[key as AlertReasonWordKey] : undefined;

/**
 * The separator of the stored form, kept from when every message ref was a string (rows hold
 * it; decision 015): the key, this, then the values as JSON. Only the two functions below use it.
 */
const STORED_VALUES = "#";

/** A reason ref → the text written to alerts.reason: `investor.alertReason.runway#{"runway":…}`. */
export function storedAlertReason(ref: MessageRef): string {
  return ref.values ? `${ref.key}${STORED_VALUES}${JSON.stringify(ref.values)}` : ref.key;
}

/**
 * The text of alerts.reason → a ref, once, where the model reads the row. A row written before
 * reasons became keys holds an English sentence: it comes back as a literal (rendered as it is),
 * and so does anything that does not parse.
 */
export function alertReasonFromStored(stored: string): MessageRef {
  const at = stored.indexOf(`${STORED_VALUES}{`);
  const key = at === -1 ? stored : stored.slice(0, at);
  if (!Object.hasOwn(REASONS, key)) return literalRef(stored);
  if (at === -1) return { key };
  try {
    const values: unknown = JSON.parse(stored.slice(at + STORED_VALUES.length));
    const ref = { key, values };
    return isMessageRef(ref) ? ref : literalRef(stored);
  } catch {
    return literalRef(stored);
  }
}

const money = (minor: number, currency: string): AlertReasonVar => ({ money: minor, currency });
/** 1000 → 10 (shown "10%"), 1250 → 12.5. */
const thresholdPercent = (bp: number): AlertReasonVar => ({ percent: Number((bp / 100).toFixed(2)) });

/**
 * A reason from the engine → the text stored in alerts.reason. Keys and variable names (and
 * their order) are exactly those stored since reasons became keys, so rows already stored and
 * rows written now are one format, and re-evaluating an open alert rewrites the same text.
 */
export function alertReasonRef(reason: AlertReason): MessageRef {
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
    case "metric_floor":
    case "metric_ceiling":
    case "metric_fall":
    case "metric_rise":
      return metricReasonRef(reason);
  }
}

const METRIC_REASONS = {
  metric_floor: "investor.alertReason.metricFloor",
  metric_ceiling: "investor.alertReason.metricCeiling",
  metric_fall: "investor.alertReason.metricFall",
  metric_rise: "investor.alertReason.metricRise",
} as const;

/** A metric rule's reason: values in the metric's unit; a percentage rule's change and threshold in percent. */
function metricReasonRef(reason: Extract<AlertReason, { code: keyof typeof METRIC_REASONS }>): MessageRef {
  const inUnit = (value: string): AlertReasonVar => ({ metric: value, unit: reason.unit, currency: reason.currency });
  const inMeasure = (value: string): AlertReasonVar =>
    reason.measure === "percent" ? { metric: value, unit: "percent", currency: reason.currency } : inUnit(value);
  return reasonRef(METRIC_REASONS[reason.code], {
    metric: reason.key,
    value: inUnit(reason.value),
    month: { month: reason.month },
    threshold: inMeasure(reason.threshold),
    ...(reason.previous !== null && reason.change !== null ? { previous: inUnit(reason.previous), change: inMeasure(reason.change) } : {}),
  });
}

/** A refused alert rule (alertRulesErrors) → its message ref, rendered with the form's errors. */
export function alertRuleErrorRef(error: AlertRuleError): MessageRef {
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

/** What the reason refers to rather than copies, as read from the company at render time. */
export interface AlertSubject {
  /** A risk alert's risk title, from the company's register; null when it is gone. */
  title?: string | null;
}

const RISK_SCORE = "investor.alertReason.riskScore";
const METRIC_KEYS = Object.fromEntries(Object.values(METRIC_REASONS).map((key) => [key, true]));

/**
 * A metric reason's values in the metric's unit, formatted here rather than by renderMessage,
 * so only the pages that show alerts carry the metric formatter.
 */
function withMetricValues(locale: Locale, reason: MessageRef): MessageRef {
  const values = Object.fromEntries(
    Object.entries(reason.values ?? {}).map(([name, value]) => {
      const metric = typeof value === "object" && value !== null && "metric" in value ? (value as { metric: string; unit: string; currency: string }) : null;
      return [name, metric ? formatMetricValue(locale, metric.metric, metric.unit as MetricUnit, metric.currency) : value];
    }),
  );
  return { key: reason.key, values };
}

/**
 * A reason ref → "Runway 2.4 months is below …" / "现金跑道 2.4 个月…".
 * A risk alert's title comes from `subject` (its register, read now): a title stored in the
 * reason by an older version is never shown, and without a title the sentence names no risk.
 * A literal — a reason stored as an English sentence before reasons became keys — is
 * returned as it is.
 */
export function alertReasonText(locale: Locale, reason: MessageRef, subject: AlertSubject = {}): string {
  if (Object.hasOwn(METRIC_KEYS, reason.key)) return renderMessage(locale, withMetricValues(locale, reason), lookup);
  if (reason.key !== RISK_SCORE) return renderMessage(locale, reason, lookup);
  const { title: _stored, ...rest } = reason.values ?? {};
  const ref = subject.title ? { key: RISK_SCORE, values: { ...rest, title: subject.title } } : { key: "investor.alertReason.riskScoreUntitled", values: rest };
  return renderMessage(locale, ref, lookup);
}
