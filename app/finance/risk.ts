import { compareIsoDates, type IsoDate } from "./month";

export type RiskStatus = "open" | "mitigating" | "accepted" | "closed";
export type RiskBand = "low" | "medium" | "high" | "critical";

/** The lowest score of each band above "low"; an org may set its own. */
export interface RiskBandThresholds {
  readonly mediumFrom: number;
  readonly highFrom: number;
  readonly criticalFrom: number;
}

/** Defaults: 1–4 low, 5–9 medium, 10–15 high, 16–25 critical. */
export const DEFAULT_RISK_BANDS: RiskBandThresholds = { mediumFrom: 5, highFrom: 10, criticalFrom: 16 };

function assertLevel(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new RangeError(`${name} must be a whole number 1–5, got ${value}`);
}

/** risk score = likelihood × impact, each 1–5. */
export function riskScore(likelihood: number, impact: number): number {
  assertLevel(likelihood, "likelihood");
  assertLevel(impact, "impact");
  return likelihood * impact;
}

export function validateRiskBands(t: RiskBandThresholds): void {
  const ordered = 2 <= t.mediumFrom && t.mediumFrom < t.highFrom && t.highFrom < t.criticalFrom && t.criticalFrom <= 25;
  if (![t.mediumFrom, t.highFrom, t.criticalFrom].every(Number.isInteger) || !ordered) {
    throw new RangeError("Risk bands must be whole scores with 2 ≤ medium < high < critical ≤ 25");
  }
}

export function riskBand(score: number, thresholds: RiskBandThresholds = DEFAULT_RISK_BANDS): RiskBand {
  validateRiskBands(thresholds);
  if (!Number.isInteger(score) || score < 1 || score > 25) throw new RangeError(`Risk score must be 1–25, got ${score}`);
  if (score >= thresholds.criticalFrom) return "critical";
  if (score >= thresholds.highFrom) return "high";
  if (score >= thresholds.mediumFrom) return "medium";
  return "low";
}

/**
 * A review is overdue when the next review date has passed (it is before today; a review
 * due today is not yet late) and the risk is still open or mitigating. Accepted and closed
 * risks are not being worked on, so they cannot be late.
 */
export function reviewOverdue(nextReviewDate: IsoDate | null | undefined, status: RiskStatus, today: IsoDate): boolean {
  if (nextReviewDate === null || nextReviewDate === undefined) return false;
  if (status !== "open" && status !== "mitigating") return false;
  return compareIsoDates(nextReviewDate, today) < 0;
}

/**
 * What every risk heat map counts (the dashboard, the risks page, the investor's portfolio and
 * a partner's report alike) and what the top risks are picked from: the risks still being
 * worked on, in the spec's terms open and mitigating. Accepted risks (a decision to live with
 * them) and closed ones are left out. The SQL of the portfolio and the risks page is built
 * from this same list.
 */
export const HEAT_MAP_RISK_STATUSES = ["open", "mitigating"] as const satisfies readonly RiskStatus[];

/** Whether a risk with this status is counted on the heat map (open or mitigating). */
export function countsOnHeatMap(status: string): boolean {
  return (HEAT_MAP_RISK_STATUSES as readonly string[]).includes(status);
}

/** The heat map of a risk register: only the risks countsOnHeatMap keeps, counted by riskHeatMap. */
export function heatMapOfRisks(risks: readonly { readonly likelihood: number; readonly impact: number; readonly status: string }[]): number[][] {
  return riskHeatMap(risks.filter((r) => countsOnHeatMap(r.status)));
}

/**
 * A 5×5 count of risks: `cells[likelihood − 1][impact − 1]`. It counts every risk it is
 * given; heatMapOfRisks first keeps the ones the heat map counts.
 */
export function riskHeatMap(risks: readonly { readonly likelihood: number; readonly impact: number }[]): number[][] {
  const cells = Array.from({ length: 5 }, () => Array<number>(5).fill(0));
  for (const risk of risks) {
    riskScore(risk.likelihood, risk.impact);
    cells[risk.likelihood - 1]![risk.impact - 1]! += 1;
  }
  return cells;
}
