/**
 * The product spec's worked example, verbatim: no debt, window 3, m = 2026-04.
 * Amounts in the spec are major units; the functions take minor units (× 100).
 */
import { describe, expect, it } from "vitest";
import { averageNetBurn, netBurnOf, type MonthlyFigures } from "./burn";
import { defaultAliveFromReports, forecastCashOut } from "./forecast";
import { runway, runwayForDisplay } from "./runway";
import { companySnapshot } from "./snapshot";

const major = (amount: number) => amount * 100;

/** All spend in one category: the example gives spend "all categories" as one figure. */
const report = (month: string, spend: number, revenue: number, cash?: number): MonthlyFigures => ({
  month,
  spend: { payroll: major(spend) },
  revenue: major(revenue),
  cash: cash === undefined ? null : major(cash),
});

const reports = [
  report("2026-01", 140_000, 20_000),
  report("2026-02", 150_000, 20_000),
  report("2026-03", 160_000, 30_000),
  report("2026-04", 170_000, 40_000, 1_200_000),
];

describe("worked example (product spec)", () => {
  it("net burns Feb–Apr are 130,000 each → average 130,000", () => {
    expect(reports.slice(1).map(netBurnOf)).toEqual([major(130_000), major(130_000), major(130_000)]);
    expect(averageNetBurn(reports, "2026-04", 3)).toEqual({ value: major(130_000), monthsUsed: 3, shortHistory: false });
  });

  it("runway 1,200,000 / 130,000 = 9.2 months", () => {
    const r = runway(major(1_200_000), major(130_000));
    expect(r).toEqual({ kind: "months", months: 1_200_000 / 130_000 });
    expect(runwayForDisplay(r)).toBe(9.2);
  });

  it("cash-out: 1,070,000 end of 2026-05 … 30,000 end of 2027-01, −100,000 end of 2027-02 → 2027-02", () => {
    const forecast = forecastCashOut({ cash: major(1_200_000), month: "2026-04", averageNetBurn: major(130_000) });
    const cashAt = (m: string) => forecast.series.find((p) => p.month === m)?.closingCash;
    expect(cashAt("2026-05")).toBe(major(1_070_000));
    expect(cashAt("2027-01")).toBe(major(30_000));
    expect(cashAt("2027-02")).toBe(major(-100_000));
    expect(forecast.cashOutMonth).toBe("2027-02");
  });

  it("default alive: g ≈ 25.99 %, revenue reaches 170,000 in 2026-11 (≈ 201,587), lowest cash ≈ 761,679 at end of 2026-10", () => {
    const result = defaultAliveFromReports(reports, "2026-04");
    expect(result).not.toBeNull();
    const { alive, outcome, month, growthRate, lowestCash, series } = result!;
    expect(growthRate).toBeCloseTo(0.2599, 4);
    expect(alive).toBe(true);
    expect(outcome).toBe("profitable");
    expect(month).toBe("2026-11");
    expect(series.at(-1)?.revenue).toBeCloseTo(major(201_587), -2); // within one major unit
    expect(series.find((p) => p.month === "2026-10")!.revenue).toBeLessThan(major(170_000));
    expect(lowestCash.month).toBe("2026-10");
    expect(Math.abs(lowestCash.cash - major(761_679))).toBeLessThanOrEqual(major(1));
  });

  it("the company snapshot shows the same figures", () => {
    const snap = companySnapshot(reports, "2026-04")!;
    expect(snap.averageNetBurn).toBe(major(130_000));
    expect(snap.runway.kind).toBe("months");
    expect(snap.cashOut.cashOutMonth).toBe("2027-02");
    expect(snap.defaultAlive.month).toBe("2026-11");
    expect(snap.shortHistory).toBe(false);
  });
});
