import { describe, expect, it } from "vitest";
import { debtServiceByMonth } from "./debt";
import { cashOutMonth, defaultAlive, defaultAliveFromReports, forecastCashOut, monthlyGrowthRate } from "./forecast";

describe("cash-out month", () => {
  it("is the first month whose closing cash is below zero (zero itself is not out)", () => {
    expect(cashOutMonth({ cash: 300, month: "2026-04", averageNetBurn: 100 })).toBe("2026-08");
    const series = forecastCashOut({ cash: 300, month: "2026-04", averageNetBurn: 100 }).series;
    expect(series.map((p) => p.closingCash)).toEqual([200, 100, 0, -100]);
  });

  it("is 'beyond 10 years' when cash lasts 120 months", () => {
    const forecast = forecastCashOut({ cash: 120_00, month: "2026-04", averageNetBurn: 1_00 });
    expect(forecast.cashOutMonth).toBe("beyond_10_years");
    expect(forecast.series).toHaveLength(120);
    expect(forecast.series.at(-1)).toEqual({ month: "2036-04", debtService: 0, closingCash: 0 });
  });

  it("is 'beyond 10 years' for a company that is not burning and has no debt", () => {
    expect(cashOutMonth({ cash: 1_000_00, month: "2026-04", averageNetBurn: -5_00 })).toBe("beyond_10_years");
  });

  it("moves earlier when a bullet loan matures inside the forecast", () => {
    const base = { cash: 1_200_000_00, month: "2026-04", averageNetBurn: 130_000_00 };
    expect(cashOutMonth(base)).toBe("2027-02");
    // 200,000 at 12 %: 2,000 interest a month from 2026-05, 200,000 repaid in 2026-10.
    const debtService = debtServiceByMonth([{ principal: 200_000_00, annualRateBps: 1200, drawMonth: "2026-04", termMonths: 6, repayment: "bullet" }]);
    const forecast = forecastCashOut({ ...base, debtService });
    expect(forecast.series.find((p) => p.month === "2026-10")).toEqual({ month: "2026-10", debtService: 202_000_00, closingCash: 208_000_00 });
    expect(forecast.cashOutMonth).toBe("2026-12");
  });

  it("accepts debt service as a function of the month", () => {
    expect(cashOutMonth({ cash: 1_000, month: "2026-04", averageNetBurn: 0, debtService: (m) => (m === "2027-01" ? 1_001 : 0) })).toBe("2027-01");
  });

  it("can run out of cash from debt alone while profitable", () => {
    const debtService = new Map([["2026-06", 5_000]]);
    expect(cashOutMonth({ cash: 1_000, month: "2026-04", averageNetBurn: -1_000, debtService })).toBe("2026-06");
  });
});

describe("growth g = (revenue(m) / revenue(m−3))^(1/3) − 1", () => {
  it("is the compound monthly rate of the last three months", () => {
    expect(monthlyGrowthRate(40_000_00, 20_000_00)).toBeCloseTo(2 ** (1 / 3) - 1, 12);
    expect(monthlyGrowthRate(27, 1)).toBeCloseTo(2, 12);
  });

  it("is 0 when revenue(m−3) is 0 or missing", () => {
    expect(monthlyGrowthRate(10_000_00, 0)).toBe(0);
    expect(monthlyGrowthRate(10_000_00, null)).toBe(0);
    expect(monthlyGrowthRate(10_000_00, undefined)).toBe(0);
  });

  it("is negative when revenue shrank, and −100 % when it vanished", () => {
    expect(monthlyGrowthRate(10_000_00, 80_000_00)).toBeCloseTo(-0.5, 12);
    expect(monthlyGrowthRate(0, 80_000_00)).toBe(-1);
  });
});

describe("default alive: expenses held at gross burn(m), revenue growing at g", () => {
  const base = { month: "2026-04", cash: 1_000_000_00, revenue: 40_000_00, expenses: 100_000_00 };

  it("with zero growth and a burn, is dead at the cash-out month", () => {
    const result = defaultAlive({ ...base, revenueThreeMonthsAgo: 40_000_00 });
    expect(result.growthRate).toBe(0);
    // 1,000,000 / 60,000 a month → below zero in the 17th month.
    expect(result).toMatchObject({ alive: false, outcome: "cash_out", month: "2027-09" });
    expect(result.lowestCash).toEqual({ month: "2027-09", cash: -20_000_00 });
  });

  it("with revenue(m−3) missing, uses g = 0 and says there is not enough history for a growth rate", () => {
    const result = defaultAlive({ ...base, revenueThreeMonthsAgo: null });
    expect(result.growthRate).toBe(0);
    expect(result.growth).toBe("not_enough_history");
    // The verdict rests on that assumed rate: revenue is there, and the projection decides against it.
    expect(result).toMatchObject({ outcome: "cash_out", verdictAssumesGrowth: true });
  });

  it("measures growth when revenue(m−3) is reported and above zero, and then the verdict rests on it", () => {
    const result = defaultAlive({ ...base, revenueThreeMonthsAgo: 40_000_00 });
    expect(result.growth).toBe("measured");
    expect(result.verdictAssumesGrowth).toBe(false);
  });

  it("has no base to grow from when revenue(m−3) is 0 (g = 0), which decides nothing when revenue(m) is 0 too", () => {
    expect(defaultAlive({ ...base, revenueThreeMonthsAgo: 0 })).toMatchObject({ growth: "no_base", verdictAssumesGrowth: true });
    // Zero revenue stays zero at any rate: the verdict does not rest on the assumption.
    expect(defaultAlive({ ...base, revenue: 0, revenueThreeMonthsAgo: null })).toMatchObject({ growth: "not_enough_history", verdictAssumesGrowth: false });
  });

  it("does not rest on growth when revenue(m) already covers gross burn(m)", () => {
    expect(defaultAlive({ ...base, revenue: 120_000_00, revenueThreeMonthsAgo: null })).toMatchObject({ outcome: "profitable", verdictAssumesGrowth: false });
  });

  it("with negative growth, dies sooner than with flat revenue", () => {
    const shrinking = defaultAlive({ ...base, revenueThreeMonthsAgo: 80_000_00 });
    expect(shrinking.alive).toBe(false);
    expect(shrinking.month! < "2027-09").toBe(true);
    expect(shrinking.series[0]!.revenue).toBe(31_748_02); // 40,000 × 2^(−1/3) = 31,748.02
  });

  it("with no revenue at all, is dead", () => {
    const result = defaultAlive({ ...base, revenue: 0, revenueThreeMonthsAgo: 0 });
    // 1,000,000 / 100,000 a month: 0 at the end of 2027-02, below zero in 2027-03.
    expect(result).toMatchObject({ alive: false, outcome: "cash_out", month: "2027-03" });
  });

  it("is alive and profitable from m itself when revenue(m) already covers gross burn(m) — no projection", () => {
    const result = defaultAlive({ ...base, revenue: 120_000_00, revenueThreeMonthsAgo: 120_000_00 });
    expect(result).toMatchObject({ alive: true, outcome: "profitable", month: "2026-04", series: [] });
    // Lowest projected cash covers cash(m): here it is cash(m) itself.
    expect(result.lowestCash).toEqual({ month: "2026-04", cash: 1_000_000_00 });
  });

  it("counts revenue(m) equal to gross burn(m) as covering it, even with shrinking revenue or debt service ahead", () => {
    const debtService = new Map([["2026-05", 5_000_000_00]]);
    const result = defaultAlive({ ...base, revenue: 100_000_00, revenueThreeMonthsAgo: 200_000_00, debtService });
    expect(result).toMatchObject({ alive: true, outcome: "profitable", month: "2026-04" });
  });

  it("takes cash(m) into the lowest projected cash when every projected month closes higher", () => {
    // Revenue 90,000 growing to 180,000 in three months: the first projected month already
    // covers expenses of 100,000 and closes above cash(m).
    const result = defaultAlive({ ...base, revenue: 90_000_00, revenueThreeMonthsAgo: 45_000_00 });
    expect(result).toMatchObject({ alive: true, outcome: "profitable", month: "2026-05" });
    expect(result.series[0]!.closingCash).toBeGreaterThan(base.cash);
    expect(result.lowestCash).toEqual({ month: "2026-04", cash: 1_000_000_00 });
  });

  it("subtracts debt service, which can turn an alive company dead", () => {
    const alive = defaultAlive({ ...base, cash: 100_000_00, revenue: 80_000_00, revenueThreeMonthsAgo: 40_000_00 });
    expect(alive.alive).toBe(true);
    const debtService = new Map([["2026-05", 120_000_00]]);
    const dead = defaultAlive({ ...base, cash: 100_000_00, revenue: 80_000_00, revenueThreeMonthsAgo: 40_000_00, debtService });
    expect(dead).toMatchObject({ alive: false, outcome: "cash_out", month: "2026-05" });
  });

  it("is undecided (not alive) when neither happens within 120 months", () => {
    const result = defaultAlive({ ...base, cash: 1_000_000_000_00, revenueThreeMonthsAgo: 40_000_00 });
    expect(result).toMatchObject({ alive: false, outcome: "undecided", month: null });
    expect(result.series).toHaveLength(120);
  });

  it("three months of revenue 12,000 → 14,500 → 17,800: not enough history for a growth rate, g = 0 assumed", () => {
    const reports = [
      { month: "2026-02", spend: { payroll: 100_000_00 }, revenue: 12_000_00 },
      { month: "2026-03", spend: { payroll: 100_000_00 }, revenue: 14_500_00 },
      { month: "2026-04", spend: { payroll: 100_000_00 }, revenue: 17_800_00, cash: 500_000_00 },
    ];
    const result = defaultAliveFromReports(reports, "2026-04")!;
    expect(result).toMatchObject({ growthRate: 0, growth: "not_enough_history", outcome: "cash_out", verdictAssumesGrowth: true });
    // Revenue held at 17,800 against 100,000 of spending: 500,000 lasts six months, below zero in 2026-11.
    expect(result.series[0]!.revenue).toBe(17_800_00);
    expect(result.month).toBe("2026-11");
  });

  it("needs a report with cash for month m", () => {
    expect(defaultAliveFromReports([], "2026-04")).toBeNull();
    expect(defaultAliveFromReports([{ month: "2026-04", spend: {}, revenue: 0 }], "2026-04")).toBeNull();
  });
});
