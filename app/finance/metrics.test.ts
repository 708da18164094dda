import { describe, expect, it } from "vitest";
import {
  budgetVariance,
  burnMultiple,
  burnMultipleBand,
  burnMultipleFromReports,
  computeShare,
  moic,
  portfolioMoic,
  roundValuation,
  totalRaisedByInstrument,
} from "./metrics";

describe("burn multiple = net burn over the last 3 months / (ARR(m) − ARR(m−3))", () => {
  it("divides three months of net burn by net new ARR", () => {
    expect(burnMultiple(390_000_00, 1_300_000_00, 1_000_000_00)).toEqual({ kind: "value", value: 1.3, band: "great" });
  });

  it("is not computed when either ARR is missing", () => {
    expect(burnMultiple(100, null, 50)).toEqual({ kind: "not_applicable", reason: "arr_missing" });
    expect(burnMultiple(100, 80, undefined)).toEqual({ kind: "not_applicable", reason: "arr_missing" });
  });

  it("is not computed when ARR did not grow", () => {
    expect(burnMultiple(100, 50, 50)).toEqual({ kind: "not_applicable", reason: "arr_not_growing" });
    expect(burnMultiple(100, 40, 50)).toEqual({ kind: "not_applicable", reason: "arr_not_growing" });
  });

  it("says 'not burning' when the three months made money", () => {
    expect(burnMultiple(-100, 80, 50)).toEqual({ kind: "not_burning" });
  });

  it("bands: <1 amazing, 1–1.5 great, 1.5–2 good, 2–3 suspect, >3 bad", () => {
    expect([0.99, 1, 1.49, 1.5, 1.99, 2, 3, 3.01].map(burnMultipleBand)).toEqual(["amazing", "great", "great", "good", "good", "suspect", "suspect", "bad"]);
  });

  it("from reports, needs m−2 … m reported and ARR at m and m−3", () => {
    const r = (month: string, burn: number, arr?: number) => ({ month, spend: { compute: burn }, revenue: 0, arr });
    const reports = [r("2026-01", 0, 100), r("2026-02", 100), r("2026-03", 200), r("2026-04", 300, 400)];
    expect(burnMultipleFromReports(reports, "2026-04")).toEqual({ kind: "value", value: 2, band: "suspect" });
    expect(
      burnMultipleFromReports(
        reports.filter((x) => x.month !== "2026-03"),
        "2026-04",
      ),
    ).toEqual({
      kind: "not_applicable",
      reason: "reports_missing",
    });
    expect(burnMultipleFromReports(reports.slice(1), "2026-04")).toEqual({ kind: "not_applicable", reason: "arr_missing" });
  });
});

describe("compute share = compute spend / gross burn", () => {
  it("is the compute fraction of all spend", () => {
    expect(computeShare({ compute: 60_000_00, payroll: 40_000_00 })).toBe(0.6);
    expect(computeShare({ payroll: 40_000_00 })).toBe(0);
  });

  it("is null when nothing was spent", () => {
    expect(computeShare({})).toBeNull();
  });
});

describe("funding rounds", () => {
  it("post-money = pre-money + amount, dilution = amount / post-money", () => {
    expect(roundValuation(8_000_000_00, 2_000_000_00)).toEqual({ postMoney: 10_000_000_00, dilution: 0.2 });
  });

  it("refuses a zero amount", () => {
    expect(() => roundValuation(8_000_000_00, 0)).toThrow(RangeError);
  });

  it("totals what was raised per instrument, listing every instrument", () => {
    const totals = totalRaisedByInstrument([
      { instrument: "seed", amount: 2_000_000_00 },
      { instrument: "safe", amount: 500_000_00 },
      { instrument: "seed", amount: 1_000_000_00 },
    ]);
    expect(totals.seed).toBe(3_000_000_00);
    expect(totals.safe).toBe(500_000_00);
    expect(totals.series_a).toBe(0);
    expect(Object.keys(totals)).toHaveLength(13);
  });
});

describe("budget variance = actual − budget; variance % = (actual − budget) / budget", () => {
  it("is positive when over budget", () => {
    expect(budgetVariance(115_00, 100_00)).toEqual({ variance: 15_00, variancePercent: 0.15, overrun: true });
  });

  it("flags an overrun only above the threshold (default 10 %)", () => {
    expect(budgetVariance(110_00, 100_00).overrun).toBe(false);
    expect(budgetVariance(110_01, 100_00).overrun).toBe(true);
    expect(budgetVariance(115_00, 100_00, 0.2).overrun).toBe(false);
  });

  it("is negative under budget", () => {
    expect(budgetVariance(80_00, 100_00)).toEqual({ variance: -20_00, variancePercent: -0.2, overrun: false });
  });

  it("has no percentage against a zero budget, and any spend there is an overrun", () => {
    expect(budgetVariance(5_00, 0)).toEqual({ variance: 5_00, variancePercent: null, overrun: true });
    expect(budgetVariance(0, 0)).toEqual({ variance: 0, variancePercent: null, overrun: false });
  });
});

describe("MOIC = current value / amount invested", () => {
  it("per position", () => {
    expect(moic(3_000_000_00, 1_000_000_00)).toBe(3);
    expect(moic(0, 1_000_000_00)).toBe(0);
    expect(moic(5, 0)).toBeNull();
  });

  it("for a portfolio, total value over total invested", () => {
    expect(
      portfolioMoic([
        { currentValue: 300, invested: 100 },
        { currentValue: 0, invested: 100 },
      ]),
    ).toBe(1.5);
    expect(portfolioMoic([])).toBeNull();
  });
});
