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
  if (!(p >= 0 && p <= 1)) throw new RangeError("p must be between 0 and 1");
  const sorted = [...values].sort((a, b) => a - b);
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
export function cohortPercentiles(
  values: readonly (number | null | undefined)[],
  minCohortSize = MIN_COHORT_SIZE,
): CohortPercentiles | null {
  const known = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (known.length < Math.max(MIN_COHORT_SIZE, minCohortSize)) return null;
  return {
    p25: percentile(known, 0.25),
    median: percentile(known, 0.5),
    p75: percentile(known, 0.75),
    cohortSize: known.length,
  };
}
