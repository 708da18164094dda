/**
 * Early warnings (product spec, "What an investor sees"): from each linked company's
 * signals and the investor's rules, the alerts that should be open today. Pure: the model
 * collects the signals (only from sections the company shares) and keeps the alert rows.
 */
import { reportingStatus } from "./covenants";
import { budgetVariance } from "./metrics";
import { addMonths, type IsoDate, type Month } from "./month";
import { monthsOfCashBeforeCashOut } from "./portfolio";
import { riskScore, type RiskStatus } from "./risk";
import { decimalToScaled, divideHalfAway, scaledToDecimal } from "./metric-rollup";

export type AlertKind = "runway" | "report_overdue" | "risk_score" | "budget_overrun" | "covenant" | "default_dead" | "metric";
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
 * A fund's rule on a custom metric (decision 027), for every company that reports `metricKey`:
 * the latest month under a floor or over a ceiling, or a fall or rise from the month before
 * of at least `threshold` (an amount in the metric's unit, or a percentage of the earlier
 * month). Thresholds are exact decimal strings, compared exactly.
 */
export interface MetricAlertRule {
  readonly id: string;
  readonly metricKey: string;
  readonly condition: "floor" | "ceiling" | "fall" | "rise";
  readonly measure: "amount" | "percent";
  readonly threshold: string;
  readonly severity: AlertSeverity;
}

/** A custom metric's latest month of one company, with the month before when it was reported. */
export interface MetricSignal {
  readonly key: string;
  readonly unit: string;
  readonly month: Month;
  readonly value: string;
  /** The value of the calendar month before `month`; null when that month has none. */
  readonly previous: string | null;
}

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
    /** First month projected cash (net burn and debt service) closes below zero; null beyond 10 years. */
    readonly cashOutMonth: Month | null;
    readonly defaultAlive: "profitable" | "cash_out" | "undecided";
    /** The cash-out month of the default-alive projection when it ran out. */
    readonly defaultAliveMonth: Month | null;
    /** The verdict stands on an assumed flat revenue (no growth rate measurable yet). */
    readonly verdictAssumesGrowth: boolean;
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
  /** Custom metrics (financials), only those some metric rule names; absent or empty: none. */
  readonly customMetrics?: readonly MetricSignal[];
}

export interface EvaluatedAlert {
  readonly companyOrgId: string;
  readonly kind: AlertKind;
  /** What the alert is about within the company: a month, a risk id, or "" for the company as a whole. */
  readonly subject: string;
  readonly severity: AlertSeverity;
  /** Why, as a code and its figures; words are added at the edge (see AlertReason). */
  readonly reason: AlertReason;
}

/**
 * Why an alert is open: a code and the figures behind it, never words. The engine decides the
 * reason before anyone's locale is known; the edge (app/domain/alert-reasons.ts) turns it into the
 * stored form (a message key with typed variables, in alerts.reason) and each reader renders
 * that in the reader's language, so this module needs no translator. A reason holds figures,
 * never the company's text: a risk alert names its risk by the alert's subject (the risk id)
 * and the feed reads the title from the company's register when it renders (decision 006,
 * "What the investor keeps"). Amounts are minor units in `currency`, the company's.
 */
export type AlertReason =
  | {
      readonly code: "runway_below";
      /** Rounded down to 0.1 month. */
      readonly runwayMonths: number;
      /** Which threshold was crossed, and its value in months. */
      readonly level: "critical" | "caution";
      readonly thresholdMonths: number;
      /** The month the runway is as of. */
      readonly month: Month;
    }
  | {
      readonly code: "cash_out_ahead";
      /** Not burning, but debt service ahead takes cash below zero in `cashOutMonth`. */
      readonly cashOutMonth: Month;
      /** Whole months of cash before it (monthsOfCashBeforeCashOut). */
      readonly monthsOfCash: number;
      readonly level: "critical" | "caution";
      readonly thresholdMonths: number;
      readonly month: Month;
    }
  | {
      readonly code: "report_overdue";
      /** The first missing month, its due date and the last month reported. */
      readonly missing: Month;
      readonly dueDate: IsoDate;
      readonly lastReported: Month;
      /** How many months in a row are overdue (capped), and the last of them. */
      readonly count: number;
      readonly lastMissing: Month;
    }
  | {
      readonly code: "risk_score";
      readonly score: number;
      readonly likelihood: number;
      readonly impact: number;
      readonly threshold: number;
      readonly status: "open" | "mitigating";
    }
  | {
      readonly code: "budget_overrun";
      readonly month: Month;
      readonly currency: string;
      readonly actual: number;
      readonly budget: number;
      /** The rule's threshold in basis points. */
      readonly thresholdBp: number;
      /** (actual − budget) / |budget| as a fraction; null when nothing was budgeted. */
      readonly variance: number | null;
    }
  | {
      readonly code: "covenant_breach" | "covenant_projected";
      /** The cash at (or projected for) `month`, and the highest minimum cash, if any facility sets one. */
      readonly month: Month;
      readonly currency: string;
      readonly cash: number;
      readonly minimumCash: number | null;
    }
  | {
      readonly code: "default_dead";
      /** As of the last reported month; the projected cash-out month when it has one. */
      readonly month: Month;
      readonly cashOutMonth: Month | null;
      /** Dead if revenue stays flat: no growth rate could be measured, so none was assumed. */
      readonly flatRevenue: boolean;
    }
  | {
      readonly code: "metric_floor" | "metric_ceiling" | "metric_fall" | "metric_rise";
      readonly key: string;
      readonly unit: string;
      readonly currency: string;
      readonly month: Month;
      readonly value: string;
      /** Fall and rise: the month before's value and the change (an amount, or a percentage to 0.1). */
      readonly previous: string | null;
      readonly change: string | null;
      readonly measure: "amount" | "percent";
      readonly threshold: string;
    };
export type AlertReasonCode = AlertReason["code"];

/** Why a rule set is refused, per field; the model puts words on it. */
export type AlertRuleError =
  | { readonly code: "critical_positive" }
  | { readonly code: "caution_max" }
  | { readonly code: "critical_below_caution"; readonly cautionMonths: number }
  | { readonly code: "due_day" }
  | { readonly code: "score" }
  | { readonly code: "percent_range" };

/** How far back overdue months are counted; a company silent for longer is counted as this many. */
const OVERDUE_COUNT_CAP = 120;

/** Months with one decimal compared exactly, as tenths (the stored numeric(…, 1) values). */
const tenths = (months: number) => Math.round(months * 10);

function runwayAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  const runway = s.metrics?.runwayMonths;
  if (!rules.runwayEnabled || s.metrics === null || runway === undefined) return null;
  if (runway === null) return cashOutAheadAlert(s.companyOrgId, s.metrics, rules);
  const critical = tenths(runway) < tenths(rules.runwayCriticalMonths);
  if (!critical && tenths(runway) >= tenths(rules.runwayCautionMonths)) return null;
  const threshold = critical ? rules.runwayCriticalMonths : rules.runwayCautionMonths;
  return {
    companyOrgId: s.companyOrgId,
    kind: "runway",
    subject: "",
    severity: critical ? "critical" : "warning",
    reason: { code: "runway_below", runwayMonths: runway, level: critical ? "critical" : "caution", thresholdMonths: threshold, month: s.metrics.month },
  };
}

/**
 * A company that is not burning has no runway, but debt service ahead (a bullet repayment)
 * can still take its cash below zero: the whole months of cash before that month are held
 * against the same thresholds, so a refinancing need is flagged like a short runway.
 */
function cashOutAheadAlert(companyOrgId: string, metrics: NonNullable<CompanySignals["metrics"]>, rules: AlertRules): EvaluatedAlert | null {
  if (metrics.cashOutMonth === null) return null;
  const months = monthsOfCashBeforeCashOut(metrics.month, metrics.cashOutMonth);
  const critical = tenths(months) < tenths(rules.runwayCriticalMonths);
  if (!critical && tenths(months) >= tenths(rules.runwayCautionMonths)) return null;
  return {
    companyOrgId,
    kind: "runway",
    subject: "",
    severity: critical ? "critical" : "warning",
    reason: {
      code: "cash_out_ahead",
      cashOutMonth: metrics.cashOutMonth,
      monthsOfCash: months,
      level: critical ? "critical" : "caution",
      thresholdMonths: critical ? rules.runwayCriticalMonths : rules.runwayCautionMonths,
      month: metrics.month,
    },
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
  return {
    companyOrgId: s.companyOrgId,
    kind: "report_overdue",
    subject: missing,
    severity: "warning",
    reason: { code: "report_overdue", missing, dueDate, lastReported: s.lastReportedMonth, count, lastMissing: addMonths(missing, count - 1) },
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
      // No title: it is the company's text, read from its register when the feed renders, never stored.
      reason: {
        code: "risk_score" as const,
        score: riskScore(r.likelihood, r.impact),
        likelihood: r.likelihood,
        impact: r.impact,
        threshold: rules.riskScoreMin,
        status: r.status === "open" ? ("open" as const) : ("mitigating" as const),
      },
    }));
}

/** More than the threshold over budget, compared exactly in integers: (actual − budget) × 10,000 > budget × bp. */
function budgetAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  if (!rules.budgetEnabled || s.budget === null) return null;
  const { month, budget, actual } = s.budget;
  const over = budget === 0 ? actual > 0 : (BigInt(actual) - BigInt(budget)) * 10_000n > BigInt(budget) * BigInt(rules.budgetOverrunBp);
  if (!over) return null;
  const { variancePercent } = budgetVariance(actual, budget);
  return {
    companyOrgId: s.companyOrgId,
    kind: "budget_overrun",
    subject: month,
    severity: "warning",
    reason: { code: "budget_overrun", month, currency: s.currency, actual, budget, thresholdBp: rules.budgetOverrunBp, variance: variancePercent },
  };
}

function covenantAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  const c = s.covenant;
  if (!rules.covenantEnabled || c === null || c.status === "ok") return null;
  const breach = c.status === "breach";
  return {
    companyOrgId: s.companyOrgId,
    kind: "covenant",
    subject: "",
    severity: breach ? "critical" : "warning",
    reason: { code: breach ? "covenant_breach" : "covenant_projected", month: c.month, currency: s.currency, cash: c.cash, minimumCash: c.minimumCash },
  };
}

function defaultDeadAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  if (!rules.defaultDeadEnabled || s.metrics === null || s.metrics.defaultAlive !== "cash_out") return null;
  return {
    companyOrgId: s.companyOrgId,
    kind: "default_dead",
    subject: "",
    severity: "warning",
    reason: { code: "default_dead", month: s.metrics.month, cashOutMonth: s.metrics.defaultAliveMonth, flatRevenue: s.metrics.verdictAssumesGrowth },
  };
}

/**
 * The metric rules that fire for one company. Exact: values and thresholds are millionths
 * (BigInt); a percentage change is (change × 100) against threshold × |earlier month|, so
 * nothing is rounded before it is compared. A change needs the calendar month before the
 * latest; a percentage needs it non-zero.
 */
export function metricAlerts(s: CompanySignals, rules: readonly MetricAlertRule[]): EvaluatedAlert[] {
  const alerts: EvaluatedAlert[] = [];
  for (const rule of rules) {
    const m = s.customMetrics?.find((metric) => metric.key === rule.metricKey);
    const value = m ? decimalToScaled(m.value) : null;
    const threshold = decimalToScaled(rule.threshold);
    if (!m || value === null || threshold === null) continue;
    let change: string | null = null;
    if (rule.condition === "floor" || rule.condition === "ceiling") {
      if (rule.condition === "floor" ? !(value < threshold) : !(value > threshold)) continue;
    } else {
      const previous = m.previous === null ? null : decimalToScaled(m.previous);
      if (previous === null) continue;
      const moved = rule.condition === "fall" ? previous - value : value - previous;
      const base = previous < 0n ? -previous : previous;
      if (rule.measure === "amount") {
        if (moved < threshold) continue;
        change = scaledToDecimal(moved);
      } else {
        if (base === 0n || moved * 100n * 1_000_000n < threshold * base) continue;
        // Tenths of a percent, rounded half away from zero, for the sentence only.
        change = scaledToDecimal(divideHalfAway(moved * 1000n, base) * 100_000n);
      }
    }
    alerts.push({
      companyOrgId: s.companyOrgId,
      kind: "metric",
      subject: rule.id,
      severity: rule.severity,
      reason: {
        code: `metric_${rule.condition}`,
        key: m.key,
        unit: m.unit,
        currency: s.currency,
        month: m.month,
        value: m.value,
        previous: change === null ? null : m.previous,
        change,
        measure: rule.measure,
        threshold: rule.threshold,
      },
    });
  }
  return alerts;
}

const KIND_ORDER: readonly AlertKind[] = ["covenant", "runway", "report_overdue", "risk_score", "budget_overrun", "default_dead", "metric"];

/**
 * Every alert the rules raise for these companies on `today`, at most one per
 * (company, kind, subject), in a stable order: company as given, then kind, then subject.
 */
export function evaluateAlerts(
  signals: readonly CompanySignals[],
  rules: AlertRules,
  today: IsoDate,
  metricRules: readonly MetricAlertRule[] = [],
): EvaluatedAlert[] {
  const alerts: EvaluatedAlert[] = [];
  for (const s of signals) {
    const mine = [
      runwayAlert(s, rules),
      overdueAlert(s, rules, today),
      ...riskAlerts(s, rules),
      budgetAlert(s, rules),
      covenantAlert(s, rules),
      defaultDeadAlert(s, rules),
      ...metricAlerts(s, metricRules),
    ].filter((a): a is EvaluatedAlert => a !== null);
    mine.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
    alerts.push(...mine);
  }
  return alerts;
}

/** Checks a rule set as the database will (alert_rules CHECKs); returns a code per bad field (worded at the edge). */
export function alertRulesErrors(rules: AlertRules): Partial<Record<keyof AlertRules, AlertRuleError>> {
  const errors: Partial<Record<keyof AlertRules, AlertRuleError>> = {};
  const critical = rules.runwayCriticalMonths;
  const caution = rules.runwayCautionMonths;
  if (!(tenths(critical) > 0)) errors.runwayCriticalMonths = { code: "critical_positive" };
  if (!(tenths(caution) <= 1200)) errors.runwayCautionMonths = { code: "caution_max" };
  if (!errors.runwayCriticalMonths && !errors.runwayCautionMonths && !(tenths(critical) < tenths(caution))) {
    errors.runwayCriticalMonths = { code: "critical_below_caution", cautionMonths: caution };
  }
  if (!Number.isInteger(rules.reportDueDay) || rules.reportDueDay < 1 || rules.reportDueDay > 28) errors.reportDueDay = { code: "due_day" };
  if (!Number.isInteger(rules.riskScoreMin) || rules.riskScoreMin < 1 || rules.riskScoreMin > 25) errors.riskScoreMin = { code: "score" };
  if (!Number.isInteger(rules.budgetOverrunBp) || rules.budgetOverrunBp < 0 || rules.budgetOverrunBp > 100_000) {
    errors.budgetOverrunBp = { code: "percent_range" };
  }
  return errors;
}
