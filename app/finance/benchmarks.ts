import { decimalToScaled, divideHalfAway, scaledToDecimal } from "./metric-rollup";

/** Below this many peers a percentile could point at one company, so nothing is shown. */
export const MIN_COHORT_SIZE = 5;

/**
 * The p-th percentile (0…1) of values, by linear interpolation between closest ranks:
 * rank h = (n − 1)·p on the sorted values, then the value at floor(h) plus the fraction
 * of the way to the next one. This is Hyndman–Fan type 7, the default of Excel's
 * PERCENTILE.INC, NumPy and R, so an analyst can reproduce the figure in a spreadsheet.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("No values");
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}

/** percentile() on values already in ascending order (a cohort's three quartiles share one sort). */
function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError("p must be between 0 and 1");
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (h - lower) * (sorted[upper]! - sorted[lower]!);
}

export interface CohortPercentiles {
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly cohortSize: number;
}

/**
 * 25th, median and 75th percentiles of a peer metric, or null when fewer than 5 peers
 * have a value. Missing values (null, NaN, infinite) are left out before counting, so a
 * cohort of 6 with 2 unknowns is a cohort of 4 and shows nothing. A caller may demand a
 * larger cohort, never a smaller one: the floor of 5 is the anonymity promise.
 */
export function cohortPercentiles(values: readonly (number | null | undefined)[], minCohortSize = MIN_COHORT_SIZE): CohortPercentiles | null {
  const known = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (known.length < Math.max(MIN_COHORT_SIZE, minCohortSize)) return null;
  // A typed array sorts numerically, without a comparator call per pair (a fund of 1,000).
  const sorted = Float64Array.from(known).sort();
  return {
    p25: percentileOfSorted(sorted, 0.25),
    median: percentileOfSorted(sorted, 0.5),
    p75: percentileOfSorted(sorted, 0.75),
    cohortSize: known.length,
  };
}

/**
 * The four figures a company is benchmarked on, all as of each company's latest reported
 * month with net burn averaged over 3 months (the headline figures every portfolio reads):
 * - runway: months of cash at the average net burn; a company that is not burning has none;
 * - net_burn_growth: (average net burn of the last 3 months − that of the 3 months before)
 *   ÷ the earlier average, as a ratio; only when the earlier 3 months were reported and burned;
 * - compute_share: compute spend ÷ gross burn in the latest month, as a ratio;
 * - burn_multiple: net burn of the last 3 months ÷ net new ARR over them; only with growing ARR.
 */
export const BENCHMARK_METRICS = ["runway", "net_burn_growth", "compute_share", "burn_multiple"] as const;
export type BenchmarkMetric = (typeof BENCHMARK_METRICS)[number];

/** Where a value falls among the peers' quartiles (a value on a boundary counts below it). */
export type QuartilePosition = "below_p25" | "p25_to_median" | "median_to_p75" | "above_p75";

export function quartilePosition(value: number, cohort: CohortPercentiles): QuartilePosition {
  if (value < cohort.p25) return "below_p25";
  if (value <= cohort.median) return "p25_to_median";
  if (value <= cohort.p75) return "median_to_p75";
  return "above_p75";
}

export interface MetricBenchmark {
  readonly metric: BenchmarkMetric;
  /** The company's own figure; null when it has none (not burning, no ARR growth, …). */
  readonly value: number | null;
  /** The peers' quartiles; null when fewer than 5 peers have the figure (nothing is shown). */
  readonly peers: CohortPercentiles | null;
  readonly position: QuartilePosition | null;
}

/** One metric: the company's figure against its peers' (never including its own) quartiles. */
export function benchmarkMetric(metric: BenchmarkMetric, value: number | null, peerValues: readonly (number | null | undefined)[]): MetricBenchmark {
  const peers = cohortPercentiles(peerValues);
  const known = value !== null && Number.isFinite(value) ? value : null;
  return { metric, value: known, peers, position: known !== null && peers ? quartilePosition(known, peers) : null };
}

export interface DecimalCohort {
  readonly p25: string;
  readonly median: string;
  readonly p75: string;
  readonly cohortSize: number;
}

/**
 * The same quartiles as cohortPercentiles (type 7, the floor of 5), of custom metric values
 * kept as exact decimals: a quartile's rank falls on a quarter, so each is an exact sum of
 * millionths, divided by 4 and rounded half away from zero at the sixth decimal.
 */
export function decimalCohort(values: readonly string[]): DecimalCohort | null {
  const known = values.map(decimalToScaled).filter((v): v is bigint => v !== null);
  const sorted = known.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return quartilesOfSorted(sorted.length, (i) => sorted[i]!);
}

/**
 * decimalCohort of values already in ascending order, every one a plain decimal (as the database
 * sorts a numeric column): reads only the six values the quartiles fall on.
 */
export function decimalCohortOfSorted(sorted: readonly string[]): DecimalCohort | null {
  return quartilesOfSorted(sorted.length, (i) => {
    const value = decimalToScaled(sorted[i]!);
    if (value === null) throw new RangeError(`Not a metric decimal: ${sorted[i]}`);
    return value;
  });
}

function quartilesOfSorted(count: number, at: (index: number) => bigint): DecimalCohort | null {
  if (count < MIN_COHORT_SIZE) return null;
  const quartile = (quarter: number) => {
    const rank4 = (count - 1) * quarter; // the rank h, times 4
    const lower = Math.floor(rank4 / 4);
    const upper = Math.min(lower + 1, count - 1);
    const low = at(lower);
    return scaledToDecimal(divideHalfAway(4n * low + BigInt(rank4 - 4 * lower) * (at(upper) - low), 4n));
  };
  return { p25: quartile(1), median: quartile(2), p75: quartile(3), cohortSize: count };
}

/** Where an exact decimal falls among decimal quartiles: the same boundaries as quartilePosition. */
export function decimalQuartilePosition(value: string, cohort: DecimalCohort): QuartilePosition {
  const v = decimalToScaled(value)!;
  if (v < decimalToScaled(cohort.p25)!) return "below_p25";
  if (v <= decimalToScaled(cohort.median)!) return "p25_to_median";
  if (v <= decimalToScaled(cohort.p75)!) return "median_to_p75";
  return "above_p75";
}
