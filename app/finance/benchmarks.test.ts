import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { benchmarkMetric, cohortPercentiles, decimalCohort, decimalCohortOfSorted, decimalQuartilePosition, percentile } from "./benchmarks";
import { decimalToScaled } from "./metric-rollup";

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

describe("a company against its peers", () => {
  it("places the company's figure among the peers' quartiles", () => {
    const peers = [2, 4, 6, 8, 10]; // p25 4, median 6, p75 8
    expect(benchmarkMetric("runway", 3, peers)).toEqual({
      metric: "runway",
      value: 3,
      peers: { p25: 4, median: 6, p75: 8, cohortSize: 5 },
      position: "below_p25",
    });
    expect(benchmarkMetric("runway", 4, peers).position).toBe("p25_to_median");
    expect(benchmarkMetric("runway", 7, peers).position).toBe("median_to_p75");
    expect(benchmarkMetric("runway", 8.5, peers).position).toBe("above_p75");
  });

  it("shows the company's own figure but no quartiles for a cohort under 5", () => {
    expect(benchmarkMetric("compute_share", 0.4, [0.1, 0.2, 0.3, 0.5, null])).toEqual({ metric: "compute_share", value: 0.4, peers: null, position: null });
  });

  it("has no position when the company has no figure (e.g. not burning)", () => {
    const result = benchmarkMetric("runway", null, [1, 2, 3, 4, 5]);
    expect(result.peers?.median).toBe(3);
    expect(result.position).toBeNull();
  });
});

describe("custom metric quartiles on exact decimals", () => {
  it("gives the same quartiles as the float version, exactly, and nothing under 5 values", () => {
    const values = ["10", "20", "35", "40", "50", "80"];
    // Ranks 1.25, 2.5, 3.75 → 23.75, 37.5, 47.5 (as cohortPercentiles of the same numbers).
    expect(decimalCohort(values)).toEqual({ p25: "23.75", median: "37.5", p75: "47.5", cohortSize: 6 });
    const float = cohortPercentiles(values.map(Number))!;
    expect([float.p25, float.median, float.p75]).toEqual([23.75, 37.5, 47.5]);
    expect(decimalCohort(values.slice(0, 4))).toBeNull();
    // Unparseable values are left out before counting, as missing ones are for the built-in metrics.
    expect(decimalCohort(["1", "2", "3", "4", "oops"])).toBeNull();
  });

  it("on values the database already sorted, reads only the quartiles' values and gives the same cohort", () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 999_999 }))
      .map(([whole, millionths]) => `${whole}.${String(millionths).padStart(6, "0")}`);
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 40 }), (values) => {
        const sorted = [...values].sort((a, b) => {
          const [x, y] = [decimalToScaled(a)!, decimalToScaled(b)!];
          return x < y ? -1 : x > y ? 1 : 0;
        });
        expect(decimalCohortOfSorted(sorted)).toEqual(decimalCohort(values));
      }),
    );
    expect(() => decimalCohortOfSorted(["1", "2", "oops", "4", "5"])).toThrow(RangeError);
  });

  it("keeps digits a float would lose and rounds a quarter half away from zero at the sixth decimal", () => {
    const big = ["900000000000000001", "900000000000000002", "900000000000000003", "900000000000000004", "900000000000000005"];
    expect(decimalCohort(big)).toEqual({ p25: "900000000000000002", median: "900000000000000003", p75: "900000000000000004", cohortSize: 5 });
    // Six values: rank 1.25 between 0.000001 and 0.000002 → 0.00000125 → 0.000001; negatives round away from zero.
    expect(decimalCohort(["0", "0.000001", "0.000002", "0.000003", "0.000004", "0.000005"])!.p25).toBe("0.000001");
    expect(decimalCohort(["-0.000005", "-0.000004", "-0.000003", "-0.000002", "-0.000001", "0"])!.p75).toBe("-0.000001");
  });

  it("places a value with the same boundaries as the built-in benchmarks", () => {
    const cohort = decimalCohort(["1", "2", "3", "4", "5"])!;
    expect(["1.5", "2", "2.5", "3", "3.5", "4", "4.1"].map((v) => decimalQuartilePosition(v, cohort))).toEqual([
      "below_p25",
      "p25_to_median",
      "p25_to_median",
      "p25_to_median",
      "median_to_p75",
      "median_to_p75",
      "above_p75",
    ]);
  });
});
