import { grossBurn, indexReports, netBurnOf, type MonthlyFigures, type SpendByCategory } from "./burn";
import { assertMinorUnits, sumMinorUnits } from "./money";
import { addMonths, type Month } from "./month";

export type BurnMultipleBand = "amazing" | "great" | "good" | "suspect" | "bad";

export type BurnMultiple =
  | { readonly kind: "value"; readonly value: number; readonly band: BurnMultipleBand }
  /** Net burn over the three months is zero or negative: growth is not being bought with cash. */
  | { readonly kind: "not_burning" }
  | { readonly kind: "not_applicable"; readonly reason: "arr_missing" | "arr_not_growing" | "reports_missing" };

/**
 * Bands <1 amazing, 1–1.5 great, 1.5–2 good, 2–3 suspect, >3 bad. A boundary belongs to the
 * band above it (1.5 is good), except 3, which the spec's ">3 bad" leaves in suspect.
 */
export function burnMultipleBand(value: number): BurnMultipleBand {
  if (value < 1) return "amazing";
  if (value < 1.5) return "great";
  if (value < 2) return "good";
  if (value <= 3) return "suspect";
  return "bad";
}

/**
 * burn multiple = net burn summed over the last 3 months / (ARR(m) − ARR(m−3)), only when
 * both ARR values exist and the difference is positive.
 */
export function burnMultiple(netBurnLastThreeMonths: number, arr: number | null | undefined, arrThreeMonthsAgo: number | null | undefined): BurnMultiple {
  assertMinorUnits(netBurnLastThreeMonths, "netBurnLastThreeMonths");
  if (arr === null || arr === undefined || arrThreeMonthsAgo === null || arrThreeMonthsAgo === undefined) {
    return { kind: "not_applicable", reason: "arr_missing" };
  }
  assertMinorUnits(arr, "arr");
  assertMinorUnits(arrThreeMonthsAgo, "arrThreeMonthsAgo");
  const netNewArr = arr - arrThreeMonthsAgo;
  if (netNewArr <= 0) return { kind: "not_applicable", reason: "arr_not_growing" };
  if (netBurnLastThreeMonths <= 0) return { kind: "not_burning" };
  const value = netBurnLastThreeMonths / netNewArr;
  return { kind: "value", value, band: burnMultipleBand(value) };
}

/** Burn multiple at month m from reports; the net burns of m−2 … m must all be reported. */
export function burnMultipleFromReports(reports: readonly MonthlyFigures[], month: Month): BurnMultiple {
  const byMonth = indexReports(reports);
  const lastThree = [-2, -1, 0].map((offset) => byMonth.get(addMonths(month, offset)));
  const arr = byMonth.get(month)?.arr;
  const arrBefore = byMonth.get(addMonths(month, -3))?.arr;
  if (arr === null || arr === undefined || arrBefore === null || arrBefore === undefined) {
    return { kind: "not_applicable", reason: "arr_missing" };
  }
  if (lastThree.some((r) => r === undefined)) return { kind: "not_applicable", reason: "reports_missing" };
  const burned = sumMinorUnits(lastThree.map((r) => netBurnOf(r as MonthlyFigures)));
  return burnMultiple(burned, arr, arrBefore);
}

/** compute share = compute spend / gross burn, a fraction 0…1; null when nothing was spent. */
export function computeShare(spend: SpendByCategory): number | null {
  const gross = grossBurn(spend);
  return gross === 0 ? null : (spend.compute ?? 0) / gross;
}

/**
 * Priced equity rounds: the only ones where a pre-money valuation (and so post-money and
 * dilution) means something. A SAFE or convertible note has a cap, not a price; debt and
 * grants sell no shares.
 */
export const EQUITY_INSTRUMENTS = ["angel", "pre_seed", "seed", "series_a", "series_b", "series_c_plus", "bridge", "equity_crowdfunding"] as const;

export const INSTRUMENTS = [...EQUITY_INSTRUMENTS, "safe", "convertible_note", "debt", "grant", "other"] as const;

export type Instrument = (typeof INSTRUMENTS)[number];

export interface RoundValuation {
  readonly postMoney: number;
  /** amount / post-money, a fraction 0…1. */
  readonly dilution: number;
}

/** post-money = pre-money + amount; dilution = amount / post-money (equity rounds). */
export function roundValuation(preMoney: number, amount: number): RoundValuation {
  assertMinorUnits(preMoney, "preMoney");
  assertMinorUnits(amount, "amount");
  if (preMoney < 0 || amount <= 0) throw new RangeError("Pre-money must be ≥ 0 and the amount positive");
  const postMoney = sumMinorUnits([preMoney, amount]);
  return { postMoney, dilution: amount / postMoney };
}

/** Total raised per instrument, every instrument present (zero when none) so charts keep a stable legend. */
export function totalRaisedByInstrument(rounds: readonly { readonly instrument: Instrument; readonly amount: number }[]): Record<Instrument, number> {
  const totals = Object.fromEntries(INSTRUMENTS.map((i) => [i, 0])) as Record<Instrument, number>;
  for (const round of rounds) {
    if (!(round.instrument in totals)) throw new RangeError(`Unknown instrument: ${round.instrument}`);
    assertMinorUnits(round.amount, "amount");
    totals[round.instrument] = sumMinorUnits([totals[round.instrument], round.amount]);
  }
  return totals;
}

export interface BudgetVariance {
  /** actual − budget, minor units; positive means over budget. */
  readonly variance: number;
  /** (actual − budget) / budget as a fraction; null when the budget is 0. */
  readonly variancePercent: number | null;
  readonly overrun: boolean;
}

/** Early-warning default: an overrun is more than 10 % over budget. */
export const DEFAULT_OVERRUN_THRESHOLD = 0.1;

/**
 * Variance = actual − budget; variance % = (actual − budget) / budget. Spending against a
 * zero budget is an overrun: money went somewhere nobody planned for.
 */
export function budgetVariance(actual: number, budget: number, overrunThreshold = DEFAULT_OVERRUN_THRESHOLD): BudgetVariance {
  assertMinorUnits(actual, "actual");
  assertMinorUnits(budget, "budget");
  if (!(overrunThreshold >= 0)) throw new RangeError("Overrun threshold must be ≥ 0");
  const variance = actual - budget;
  if (budget === 0) return { variance, variancePercent: null, overrun: actual > 0 };
  const variancePercent = variance / Math.abs(budget);
  return { variance, variancePercent, overrun: variancePercent > overrunThreshold };
}

/** MOIC = current value of a position / amount invested; null when nothing was invested. */
export function moic(currentValue: number, invested: number): number | null {
  assertMinorUnits(currentValue, "currentValue");
  assertMinorUnits(invested, "invested");
  if (invested < 0) throw new RangeError("Amount invested cannot be negative");
  return invested === 0 ? null : currentValue / invested;
}

/** Portfolio MOIC: total current value / total invested (not the mean of company MOICs). */
export function portfolioMoic(positions: readonly { readonly currentValue: number; readonly invested: number }[]): number | null {
  return moic(sumMinorUnits(positions.map((p) => p.currentValue)), sumMinorUnits(positions.map((p) => p.invested)));
}
