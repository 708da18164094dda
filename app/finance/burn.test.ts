import { describe, expect, it } from "vitest";
import { averageNetBurn, grossBurn, netBurn, type MonthlyFigures } from "./burn";
import { divideRounded } from "./money";

const month = (m: string, spend: number, revenue: number): MonthlyFigures => ({ month: m, spend: { compute: spend }, revenue });

describe("gross burn(m) = sum of operating spend categories in month m", () => {
  it("adds every category", () => {
    expect(grossBurn({ compute: 1, data: 20, payroll: 300, research: 4_000, go_to_market: 50_000, general_admin: 600_000, other: 7_000_000 })).toBe(7_654_321);
  });

  it("counts a category left out as nothing spent", () => {
    expect(grossBurn({ payroll: 500_00 })).toBe(500_00);
    expect(grossBurn({})).toBe(0);
  });

  it("refuses fractions of a minor unit and unknown categories", () => {
    expect(() => grossBurn({ compute: 10.5 })).toThrow(RangeError);
    expect(() => grossBurn({ interest: 100 } as never)).toThrow(/Unknown spend category/);
  });
});

describe("net burn(m) = gross burn(m) − revenue(m)", () => {
  it("is positive when the company burns cash", () => {
    expect(netBurn({ payroll: 170_000_00 }, 40_000_00)).toBe(130_000_00);
  });

  it("equals gross burn when there is no revenue", () => {
    expect(netBurn({ compute: 80_000_00, payroll: 20_000_00 }, 0)).toBe(100_000_00);
  });

  it("is negative in a profitable month", () => {
    expect(netBurn({ payroll: 100_00 }, 250_00)).toBe(-150_00);
  });
});

describe("average net burn(m) = mean of net burn over the reported months m−w+1 … m", () => {
  const history = [
    month("2025-11", 900, 0), // net 900
    month("2025-12", 600, 0), // net 600
    month("2026-01", 300, 0), // net 300
    month("2026-02", 200, 0), // net 200
    month("2026-03", 100, 0), // net 100
    month("2026-04", 600, 0), // net 600
  ];

  it("uses window 3 by default", () => {
    expect(averageNetBurn(history, "2026-04")).toEqual({ value: 300, monthsUsed: 3, shortHistory: false });
  });

  it("window 1 is the month itself", () => {
    expect(averageNetBurn(history, "2026-04", 1)).toEqual({ value: 600, monthsUsed: 1, shortHistory: false });
  });

  it("window 6 covers six months", () => {
    expect(averageNetBurn(history, "2026-04", 6)).toEqual({ value: 450, monthsUsed: 6, shortHistory: false });
  });

  it("ignores reports after m and before the window", () => {
    expect(averageNetBurn(history, "2026-01", 1)).toEqual({ value: 300, monthsUsed: 1, shortHistory: false });
    expect(averageNetBurn(history, "2025-12", 3).monthsUsed).toBe(2);
  });

  it("with a single month of history, uses that month and marks short history", () => {
    expect(averageNetBurn([month("2026-04", 500, 100)], "2026-04", 3)).toEqual({ value: 400, monthsUsed: 1, shortHistory: true });
  });

  it("with a gap, averages only the reported months (a missing month is not a zero)", () => {
    const gappy = [month("2026-02", 300, 0), month("2026-04", 100, 0)];
    expect(averageNetBurn(gappy, "2026-04", 3)).toEqual({ value: 200, monthsUsed: 2, shortHistory: true });
  });

  it("is null with no reported month in the window", () => {
    expect(averageNetBurn([month("2025-01", 500, 0)], "2026-04", 6)).toEqual({ value: null, monthsUsed: 0, shortHistory: true });
  });

  it("rounds a fractional mean half away from zero to a whole minor unit", () => {
    const reports = [month("2026-03", 1, 0), month("2026-04", 2, 0)]; // mean 1.5
    expect(averageNetBurn(reports, "2026-04", 3).value).toBe(2);
    const earning = [month("2026-03", 0, 1), month("2026-04", 0, 2)]; // mean −1.5
    expect(averageNetBurn(earning, "2026-04", 3).value).toBe(-2);
    expect(averageNetBurn([month("2026-02", 1, 0), month("2026-03", 0, 0), month("2026-04", 0, 0)], "2026-04").value).toBe(0);
    expect(divideRounded(Number.MAX_SAFE_INTEGER, 2)).toBe(4503599627370496);
  });

  it("is negative when the company is profitable on average", () => {
    expect(averageNetBurn([month("2026-04", 100, 400)], "2026-04", 1).value).toBe(-300);
  });

  it("refuses two reports for one month and windows other than 1, 3, 6", () => {
    expect(() => averageNetBurn([month("2026-04", 1, 0), month("2026-04", 2, 0)], "2026-04")).toThrow(/Two reports/);
    expect(() => averageNetBurn(history, "2026-04", 2 as never)).toThrow(RangeError);
  });
});
