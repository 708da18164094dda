/**
 * Early warnings (product spec, "What an investor sees"): from each linked company's
 * signals and the investor's rules, the alerts that should be open today. Pure: the model
 * collects the signals (only from sections the company shares) and keeps the alert rows.
 */
import type { MessageKey } from "~/i18n/messages";
import { messageRef } from "~/i18n/translate";
import { reportingStatus } from "./covenants";
import { budgetVariance } from "./metrics";
import { addMonths, type IsoDate, type Month } from "./month";
import { riskScore, type RiskStatus } from "./risk";

export type AlertKind = "runway" | "report_overdue" | "risk_score" | "budget_overrun" | "covenant" | "default_dead";
export type AlertSeverity = "critical" | "warning";

/** One investor org's rules. Runway thresholds are months with one decimal; the overrun is in basis points. */
export interface AlertRules {
  readonly runwayEnabled: boolean;
  readonly runwayCautionMonths: number;
  readonly runwayCriticalMonths: number;
  readonly overdueEnabled: boolean;
  /** Month m's report is overdue when it is not in by this day of month m + 1. */
  readonly reportDueDay: number;
  readonly riskEnabled: boolean;
  readonly riskScoreMin: number;
  readonly budgetEnabled: boolean;
  /** 1000 = more than 10 % over budget. */
  readonly budgetOverrunBp: number;
  readonly covenantEnabled: boolean;
  readonly defaultDeadEnabled: boolean;
}

/** The spec's defaults (and the alert_rules column defaults). */
export const DEFAULT_ALERT_RULES: AlertRules = {
  runwayEnabled: true,
  runwayCautionMonths: 6,
  runwayCriticalMonths: 3,
  overdueEnabled: true,
  reportDueDay: 15,
  riskEnabled: true,
  riskScoreMin: 16,
  budgetEnabled: true,
  budgetOverrunBp: 1000,
  covenantEnabled: true,
  defaultDeadEnabled: true,
};

/**
 * What the investor may know about one company. Every part is null or empty when its
 * section is not shared (or there is nothing yet), and then no alert can come from it.
 */
export interface CompanySignals {
  readonly companyOrgId: string;
  /** The company's base currency, for the amounts in reasons. */
  readonly currency: string;
  /** Headline figures at the last reported month (financials). */
  readonly metrics: {
    readonly month: Month;
    /** Rounded down to 0.1 month; null when not burning. */
    readonly runwayMonths: number | null;
    readonly defaultAlive: "profitable" | "cash_out" | "undecided";
    /** The cash-out month of the default-alive projection when it ran out. */
    readonly defaultAliveMonth: Month | null;
  } | null;
  /** The latest month with a report (financials); null when none. */
  readonly lastReportedMonth: Month | null;
  /**
   * Open or mitigating risks (risks section); the rule's minimum is applied here again. No
   * title: an alert names its risk by id (the subject), and the feed reads the title from the
   * company's register when it renders, so the investor keeps no copy of it.
   */
  readonly risks: readonly { readonly id: string; readonly likelihood: number; readonly impact: number; readonly status: RiskStatus }[];
  /** The last reported month's gross burn against its budget total (budgets and financials). */
  readonly budget: { readonly month: Month; readonly budget: number; readonly actual: number } | null;
  /** Worst minimum-cash covenant status (financials and funding & debt). */
  readonly covenant: {
    readonly status: "ok" | "breach" | "projected_breach";
    readonly month: Month;
    readonly cash: number;
    /** The highest minimum cash among the facilities: the first one crossed. */
    readonly minimumCash: number | null;
  } | null;
}

export interface EvaluatedAlert {
  readonly companyOrgId: string;
  readonly kind: AlertKind;
  /** What the alert is about within the company: a month, a risk id, or "" for the company as a whole. */
  readonly subject: string;
  readonly severity: AlertSeverity;
  /** A reason ref (see AlertReasonVar): render it with alertReasonText(locale, reason) from ~/lib/alert-reasons. */
  readonly reason: string;
}

/**
 * Why an alert is open, in any language. The reason is decided here, before anyone's locale is
 * known, and stored in alerts.reason (text), so it is kept as a message key plus typed variables
 * in the messageRef format — `investor.alertReason.runway#{"runway":{"fixed":2.4,"digits":1},…}` —
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
export type AlertReasonKey = Extract<MessageKey, `investor.alertReason.${string}`>;
type AlertReasonWordKey = Extract<MessageKey, `investor.alertReasonWord.${string}`>;

function reasonRef(key: AlertReasonKey, vars: Record<string, AlertReasonVar>): string {
  return `${key}#${JSON.stringify(vars)}`;
}

/** How far back overdue months are counted; a company silent for longer is counted as this many. */
const OVERDUE_COUNT_CAP = 120;

/** Months with one decimal compared exactly, as tenths (the stored numeric(…, 1) values). */
const tenths = (months: number) => Math.round(months * 10);

const money = (minor: number, currency: string): AlertReasonVar => ({ money: minor, currency });
/** 1000 → 10 (shown "10 %"), 1250 → 12.5. */
const thresholdPercent = (bp: number): AlertReasonVar => ({ percent: Number((bp / 100).toFixed(2)) });

function runwayAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  const runway = s.metrics?.runwayMonths;
  if (!rules.runwayEnabled || s.metrics === null || runway === null || runway === undefined) return null;
  const critical = tenths(runway) < tenths(rules.runwayCriticalMonths);
  if (!critical && tenths(runway) >= tenths(rules.runwayCautionMonths)) return null;
  const threshold = critical ? rules.runwayCriticalMonths : rules.runwayCautionMonths;
  return {
    companyOrgId: s.companyOrgId,
    kind: "runway",
    subject: "",
    severity: critical ? "critical" : "warning",
    reason: reasonRef("investor.alertReason.runway", {
      runway: { fixed: runway, digits: 1 },
      level: { key: critical ? "investor.alertReasonWord.critical" : "investor.alertReasonWord.caution" },
      threshold: { months: threshold },
      month: { month: s.metrics.month },
    }),
  };
}

/**
 * The report for the month after the last reported one, once it is past its due date.
 * A company with no report at all is not flagged: there is no month it has fallen behind
 * on yet, and a newly linked company would otherwise start out overdue.
 */
function overdueAlert(s: CompanySignals, rules: AlertRules, today: IsoDate): EvaluatedAlert | null {
  if (!rules.overdueEnabled || s.lastReportedMonth === null) return null;
  const missing = addMonths(s.lastReportedMonth, 1);
  const { status, dueDate } = reportingStatus(missing, false, today, rules.reportDueDay);
  if (status !== "overdue") return null;
  let count = 1;
  while (count < OVERDUE_COUNT_CAP && reportingStatus(addMonths(missing, count), false, today, rules.reportDueDay).status === "overdue") count += 1;
  const vars = { missing: { month: missing }, dueDate: { date: dueDate }, last: { month: s.lastReportedMonth } };
  return {
    companyOrgId: s.companyOrgId,
    kind: "report_overdue",
    subject: missing,
    severity: "warning",
    reason:
      count > 1
        ? reasonRef("investor.alertReason.reportOverdueMany", { ...vars, count, to: { month: addMonths(missing, count - 1) } })
        : reasonRef("investor.alertReason.reportOverdue", vars),
  };
}

function riskAlerts(s: CompanySignals, rules: AlertRules): EvaluatedAlert[] {
  if (!rules.riskEnabled) return [];
  return s.risks
    .filter((r) => (r.status === "open" || r.status === "mitigating") && riskScore(r.likelihood, r.impact) >= rules.riskScoreMin)
    .map((r) => ({
      companyOrgId: s.companyOrgId,
      kind: "risk_score" as const,
      subject: r.id,
      severity: "critical" as const,
      // The title is the company's text: rendered from its register (see alertReasonText), never stored.
      reason: reasonRef("investor.alertReason.riskScore", {
        score: riskScore(r.likelihood, r.impact),
        likelihood: r.likelihood,
        impact: r.impact,
        threshold: rules.riskScoreMin,
        status: { key: r.status === "open" ? "investor.alertReasonWord.open" : "investor.alertReasonWord.mitigating" },
      }),
    }));
}

/** More than the threshold over budget, compared exactly in integers: (actual − budget) × 10,000 > budget × bp. */
function budgetAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  if (!rules.budgetEnabled || s.budget === null) return null;
  const { month, budget, actual } = s.budget;
  const over = budget === 0 ? actual > 0 : (BigInt(actual) - BigInt(budget)) * 10_000n > BigInt(budget) * BigInt(rules.budgetOverrunBp);
  if (!over) return null;
  const { variancePercent } = budgetVariance(actual, budget);
  const vars = { month: { month }, actual: money(actual, s.currency), budget: money(budget, s.currency), threshold: thresholdPercent(rules.budgetOverrunBp) };
  return {
    companyOrgId: s.companyOrgId,
    kind: "budget_overrun",
    subject: month,
    severity: "warning",
    reason:
      variancePercent === null
        ? reasonRef("investor.alertReason.budgetUnbudgeted", vars)
        : reasonRef("investor.alertReason.budgetOverrun", { ...vars, over: { percent: variancePercent * 100, digits: 1 } }),
  };
}

function covenantAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  const c = s.covenant;
  if (!rules.covenantEnabled || c === null || c.status === "ok") return null;
  const vars = { cash: money(c.cash, s.currency), month: { month: c.month } };
  const breach = c.status === "breach";
  return {
    companyOrgId: s.companyOrgId,
    kind: "covenant",
    subject: "",
    severity: breach ? "critical" : "warning",
    reason:
      c.minimumCash === null
        ? reasonRef(breach ? "investor.alertReason.covenantBreachNoMinimum" : "investor.alertReason.covenantProjectedNoMinimum", vars)
        : reasonRef(breach ? "investor.alertReason.covenantBreach" : "investor.alertReason.covenantProjected", { ...vars, minimum: money(c.minimumCash, s.currency) }),
  };
}

function defaultDeadAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  if (!rules.defaultDeadEnabled || s.metrics === null || s.metrics.defaultAlive !== "cash_out") return null;
  const asOf = { month: s.metrics.month };
  return {
    companyOrgId: s.companyOrgId,
    kind: "default_dead",
    subject: "",
    severity: "warning",
    reason: s.metrics.defaultAliveMonth
      ? reasonRef("investor.alertReason.defaultDead", { cashOut: { month: s.metrics.defaultAliveMonth }, month: asOf })
      : reasonRef("investor.alertReason.defaultDeadUndated", { month: asOf }),
  };
}

const KIND_ORDER: readonly AlertKind[] = ["covenant", "runway", "report_overdue", "risk_score", "budget_overrun", "default_dead"];

/**
 * Every alert the rules raise for these companies on `today`, at most one per
 * (company, kind, subject), in a stable order: company as given, then kind, then subject.
 */
export function evaluateAlerts(signals: readonly CompanySignals[], rules: AlertRules, today: IsoDate): EvaluatedAlert[] {
  const alerts: EvaluatedAlert[] = [];
  for (const s of signals) {
    const mine = [
      runwayAlert(s, rules),
      overdueAlert(s, rules, today),
      ...riskAlerts(s, rules),
      budgetAlert(s, rules),
      covenantAlert(s, rules),
      defaultDeadAlert(s, rules),
    ].filter((a): a is EvaluatedAlert => a !== null);
    mine.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
    alerts.push(...mine);
  }
  return alerts;
}

/** Checks a rule set as the database will (alert_rules CHECKs); returns a message ref per bad field (localized at the edge). */
export function alertRulesErrors(rules: AlertRules): Partial<Record<keyof AlertRules, string>> {
  const errors: Partial<Record<keyof AlertRules, string>> = {};
  const critical = rules.runwayCriticalMonths;
  const caution = rules.runwayCautionMonths;
  if (!(tenths(critical) > 0)) errors.runwayCriticalMonths = messageRef("investor.alertRules.error.criticalPositive");
  if (!(tenths(caution) <= 1200)) errors.runwayCautionMonths = messageRef("investor.alertRules.error.cautionMax");
  if (!errors.runwayCriticalMonths && !errors.runwayCautionMonths && !(tenths(critical) < tenths(caution))) {
    errors.runwayCriticalMonths = messageRef("investor.alertRules.error.criticalBelowCaution", { count: caution });
  }
  if (!Number.isInteger(rules.reportDueDay) || rules.reportDueDay < 1 || rules.reportDueDay > 28) errors.reportDueDay = messageRef("investor.alertRules.error.dueDay");
  if (!Number.isInteger(rules.riskScoreMin) || rules.riskScoreMin < 1 || rules.riskScoreMin > 25) errors.riskScoreMin = messageRef("investor.alertRules.error.score");
  if (!Number.isInteger(rules.budgetOverrunBp) || rules.budgetOverrunBp < 0 || rules.budgetOverrunBp > 100_000) {
    errors.budgetOverrunBp = messageRef("investor.alertRules.error.percentRange");
  }
  return errors;
}
