/**
 * Early warnings (product spec, "What an investor sees"): from each linked company's
 * signals and the investor's rules, the alerts that should be open today. Pure: the model
 * collects the signals (only from sections the company shares) and keeps the alert rows.
 */
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
  /** Open or mitigating risks (risks section); the rule's minimum is applied here again. */
  readonly risks: readonly { readonly id: string; readonly title: string; readonly likelihood: number; readonly impact: number; readonly status: RiskStatus }[];
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
  readonly reason: string;
}

/** How far back overdue months are counted; a company silent for longer is counted as this many. */
const OVERDUE_COUNT_CAP = 120;

/** Months with one decimal compared exactly, as tenths (the stored numeric(…, 1) values). */
const tenths = (months: number) => Math.round(months * 10);
const monthsText = (months: number) => `${Number.isInteger(months) ? months : months.toFixed(1)} ${months === 1 ? "month" : "months"}`;

function money(minor: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(minor / 100);
}

/** 1000 → "10 %", 1250 → "12.5 %". */
const percentText = (bp: number) => `${Number((bp / 100).toFixed(2))} %`;

function runwayAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  const runway = s.metrics?.runwayMonths;
  if (!rules.runwayEnabled || s.metrics === null || runway === null || runway === undefined) return null;
  const critical = tenths(runway) < tenths(rules.runwayCriticalMonths);
  if (!critical && tenths(runway) >= tenths(rules.runwayCautionMonths)) return null;
  const [level, threshold] = critical ? ["critical", rules.runwayCriticalMonths] : ["caution", rules.runwayCautionMonths];
  return {
    companyOrgId: s.companyOrgId,
    kind: "runway",
    subject: "",
    severity: critical ? "critical" : "warning",
    reason: `Runway ${runway.toFixed(1)} months is below the ${level} threshold of ${monthsText(threshold)} (as of ${s.metrics.month}).`,
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
  const more = count > 1 ? ` ${count} monthly reports are now overdue (${missing} to ${addMonths(missing, count - 1)}).` : "";
  return {
    companyOrgId: s.companyOrgId,
    kind: "report_overdue",
    subject: missing,
    severity: "warning",
    reason: `The report for ${missing} is overdue: it was due by ${dueDate} and the last report received is for ${s.lastReportedMonth}.${more}`,
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
      reason: `Risk “${r.title}” scores ${riskScore(r.likelihood, r.impact)} (likelihood ${r.likelihood} × impact ${r.impact}), at or above the threshold of ${rules.riskScoreMin}; it is ${r.status}.`,
    }));
}

/** More than the threshold over budget, compared exactly in integers: (actual − budget) × 10,000 > budget × bp. */
function budgetAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  if (!rules.budgetEnabled || s.budget === null) return null;
  const { month, budget, actual } = s.budget;
  const over = budget === 0 ? actual > 0 : (BigInt(actual) - BigInt(budget)) * 10_000n > BigInt(budget) * BigInt(rules.budgetOverrunBp);
  if (!over) return null;
  const { variancePercent } = budgetVariance(actual, budget);
  const by = variancePercent === null ? "with nothing budgeted" : `${(variancePercent * 100).toFixed(1)} % over budget`;
  return {
    companyOrgId: s.companyOrgId,
    kind: "budget_overrun",
    subject: month,
    severity: "warning",
    reason: `Spend in ${month} was ${money(actual, s.currency)} against a budget of ${money(budget, s.currency)}: ${by}, above the threshold of ${percentText(rules.budgetOverrunBp)}.`,
  };
}

function covenantAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  const c = s.covenant;
  if (!rules.covenantEnabled || c === null || c.status === "ok") return null;
  const minimum = c.minimumCash === null ? "its minimum cash covenant" : `the minimum cash covenant of ${money(c.minimumCash, s.currency)}`;
  return {
    companyOrgId: s.companyOrgId,
    kind: "covenant",
    subject: "",
    severity: c.status === "breach" ? "critical" : "warning",
    reason:
      c.status === "breach"
        ? `Covenant breach: cash of ${money(c.cash, s.currency)} at the end of ${c.month} is below ${minimum}.`
        : `Projected covenant breach: cash of ${money(c.cash, s.currency)} at the end of ${c.month} is forecast to fall below ${minimum} within 3 months.`,
  };
}

function defaultDeadAlert(s: CompanySignals, rules: AlertRules): EvaluatedAlert | null {
  if (!rules.defaultDeadEnabled || s.metrics === null || s.metrics.defaultAlive !== "cash_out") return null;
  const when = s.metrics.defaultAliveMonth ? ` in ${s.metrics.defaultAliveMonth}` : "";
  return {
    companyOrgId: s.companyOrgId,
    kind: "default_dead",
    subject: "",
    severity: "warning",
    reason: `Default dead: with expenses held and revenue growing at its last-3-month rate, cash runs out${when} before revenue covers expenses (as of ${s.metrics.month}).`,
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

/** Checks a rule set as the database will (alert_rules CHECKs); returns a message per bad field. */
export function alertRulesErrors(rules: AlertRules): Partial<Record<keyof AlertRules, string>> {
  const errors: Partial<Record<keyof AlertRules, string>> = {};
  const critical = rules.runwayCriticalMonths;
  const caution = rules.runwayCautionMonths;
  if (!(tenths(critical) > 0)) errors.runwayCriticalMonths = "The critical runway must be more than 0 months.";
  if (!(tenths(caution) <= 1200)) errors.runwayCautionMonths = "The caution runway can be at most 120 months.";
  if (!errors.runwayCriticalMonths && !errors.runwayCautionMonths && !(tenths(critical) < tenths(caution))) {
    errors.runwayCriticalMonths = `The critical runway must be below the caution runway (${monthsText(caution)}).`;
  }
  if (!Number.isInteger(rules.reportDueDay) || rules.reportDueDay < 1 || rules.reportDueDay > 28) errors.reportDueDay = "Choose a day from 1 to 28.";
  if (!Number.isInteger(rules.riskScoreMin) || rules.riskScoreMin < 1 || rules.riskScoreMin > 25) errors.riskScoreMin = "Choose a score from 1 to 25.";
  if (!Number.isInteger(rules.budgetOverrunBp) || rules.budgetOverrunBp < 0 || rules.budgetOverrunBp > 100_000) {
    errors.budgetOverrunBp = "Choose a percentage from 0 to 1000.";
  }
  return errors;
}
