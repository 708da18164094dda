import { describe, expect, it } from "vitest";
import { cohortPercentiles, percentile } from "./benchmarks";

describe("percentiles by linear interpolation (Excel PERCENTILE.INC, NumPy default)", () => {
  it("interpolates between closest ranks", () => {
    const values = [1, 2, 3, 4];
    expect(percentile(values, 0.25)).toBe(1.75);
    expect(percentile(values, 0.5)).toBe(2.5);
    expect(percentile(values, 0.75)).toBe(3.25);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 1)).toBe(4);
  });

  it("does not depend on input order", () => {
    expect(percentile([40, 10, 30, 20, 50], 0.5)).toBe(30);
  });
});

describe("anonymised benchmarks: 25th, median, 75th of peers; under 5 shows nothing", () => {
  it("gives the quartiles of a cohort of 5", () => {
    expect(cohortPercentiles([50, 10, 40, 20, 30])).toEqual({ p25: 20, median: 30, p75: 40, cohortSize: 5 });
  });

  it("shows nothing for a cohort of 4", () => {
    expect(cohortPercentiles([1, 2, 3, 4])).toBeNull();
  });

  it("counts only peers with a value", () => {
    expect(cohortPercentiles([1, 2, 3, 4, null, Number.NaN, Number.POSITIVE_INFINITY])).toBeNull();
    expect(cohortPercentiles([1, 2, 3, 4, 5, null])?.cohortSize).toBe(5);
  });

  it("may demand a larger cohort, never a smaller one", () => {
    expect(cohortPercentiles([1, 2, 3, 4, 5], 6)).toBeNull();
    expect(cohortPercentiles([1, 2, 3, 4], 2)).toBeNull();
  });
});
