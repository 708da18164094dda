import { describe, expect, it } from "vitest";
import { convertMinorUnits, indexRates, isValidRate, latestRateFor, normalizeRate, parseRate, rateFor, rateProblemMessage } from "./fx";
import { portfolioReturns, positionReturn } from "./positions";
import { at, leading } from "../../tests/support/at";

describe("parseRate: a positive decimal with up to 10 decimals, kept as a string", () => {
  it("reads rates into a canonical form", () => {
    expect(parseRate("1.0825")).toEqual({ ok: true, rate: "1.0825" });
    expect(parseRate(" 0.00070 ")).toEqual({ ok: true, rate: "0.0007" });
    expect(parseRate("007")).toEqual({ ok: true, rate: "7" });
    expect(parseRate(".5")).toEqual({ ok: true, rate: "0.5" });
    expect(parseRate("1.0000000001")).toEqual({ ok: true, rate: "1.0000000001" });
    // Trailing zeros are not precision; what numeric(20,10) gives back reads the same.
    expect(parseRate("1.08250000000")).toEqual({ ok: true, rate: "1.0825" });
    expect(normalizeRate("1.0825000000")).toBe("1.0825");
    expect(parseRate("9999999999.9999999999")).toEqual({ ok: true, rate: "9999999999.9999999999" });
  });

  it("refuses what is not a positive rate, and says why", () => {
    expect(parseRate("")).toEqual({ ok: false, problem: "empty" });
    expect(parseRate("0")).toEqual({ ok: false, problem: "not_positive" });
    expect(parseRate("0.0000000000")).toEqual({ ok: false, problem: "not_positive" });
    expect(parseRate("-1.2")).toEqual({ ok: false, problem: "not_positive" });
    expect(parseRate("1.00000000001")).toEqual({ ok: false, problem: "decimals" });
    expect(parseRate("12345678901")).toEqual({ ok: false, problem: "too_large" });
    for (const bad of ["1,08", "1e3", "abc", "1.", "+1", "NaN", "Infinity", "1 000", "0x10", "1.2.3"]) {
      expect(parseRate(bad), bad).toEqual({ ok: false, problem: "format" });
    }
    expect(isValidRate("1.1")).toBe(true);
    expect(isValidRate(1.1)).toBe(false);
    expect(rateProblemMessage("decimals")).toMatch(/at most 10 decimals/);
    expect(() => normalizeRate("0")).toThrow(RangeError);
  });
});

describe("convertMinorUnits: amount × rate, exact, halves away from zero", () => {
  it("converts cents exactly where floating point would round the wrong way", () => {
    // 100 × 1.005 is 100.49999999999999 in floating point; exactly it is 100.5 → 101.
    expect(convertMinorUnits(100, "1.005")).toBe(101);
    expect(convertMinorUnits(100, "0.145")).toBe(15);
    expect(convertMinorUnits(-100, "1.005")).toBe(-101);
    expect(convertMinorUnits(1, "0.5")).toBe(1);
    expect(convertMinorUnits(1, "0.4999999999")).toBe(0);
    expect(convertMinorUnits(0, "1.3")).toBe(0);
    expect(convertMinorUnits(100_000_000, "1.1")).toBe(110_000_000);
    expect(convertMinorUnits(1_000_000_000, "0.0067")).toBe(6_700_000);
  });

  it("stays exact near the largest safe amount and refuses unsafe results", () => {
    expect(convertMinorUnits(Number.MAX_SAFE_INTEGER, "1")).toBe(Number.MAX_SAFE_INTEGER);
    expect(convertMinorUnits(Number.MAX_SAFE_INTEGER, "0.5")).toBe(4_503_599_627_370_496);
    expect(() => convertMinorUnits(Number.MAX_SAFE_INTEGER, "2")).toThrow(RangeError);
    expect(() => convertMinorUnits(1.5, "2")).toThrow(RangeError);
    expect(() => convertMinorUnits(100, "0")).toThrow(RangeError);
    expect(() => convertMinorUnits(100, "1e2")).toThrow(RangeError);
  });
});

describe("rateFor / latestRateFor", () => {
  const rates = [
    { month: "2026-01", currency: "EUR", rate: "1.0400000000" },
    { month: "2026-03", currency: "EUR", rate: "1.08" },
    { month: "2026-02", currency: "gbp", rate: "1.27" },
  ];

  it("gives the month's rate, 1 for the base currency, and null — never 0 — when missing", () => {
    expect(rateFor(rates, "EUR", "2026-01", "USD")).toBe("1.04");
    expect(rateFor(rates, "GBP", "2026-02", "USD")).toBe("1.27");
    expect(rateFor(rates, "USD", "2026-02", "USD")).toBe("1");
    expect(rateFor([], "usd", "1999-02", "USD")).toBe("1");
    expect(rateFor(rates, "EUR", "2026-02", "USD")).toBeNull();
    expect(rateFor(rates, "JPY", "2026-03", "USD")).toBeNull();
    expect(rateFor(indexRates(rates), "EUR", "2026-03", "USD")).toBe("1.08");
    expect(() => rateFor(rates, "EUR", "2026-13", "USD")).toThrow(RangeError);
  });

  it("finds the latest rate in or before a month, and says which month it is", () => {
    expect(latestRateFor(rates, "EUR", "2026-05", "USD")).toEqual({ month: "2026-03", rate: "1.08" });
    expect(latestRateFor(rates, "EUR", "2026-02", "USD")).toEqual({ month: "2026-01", rate: "1.04" });
    expect(latestRateFor(rates, "EUR", "2025-12", "USD")).toBeNull();
    expect(latestRateFor(rates, "USD", "2026-05", "USD")).toEqual({ month: "2026-05", rate: "1" });
  });
});

describe("MOIC = current value / amount invested, in the investor's base currency", () => {
  // Base USD, now 2026-03. EUR has rates for 2025-01 and 2026-02 (none yet for 2026-03);
  // GBP only for 2025-06; JPY none.
  const rates = [
    { month: "2025-01", currency: "EUR", rate: "1.10" },
    { month: "2026-02", currency: "EUR", rate: "1.05" },
    { month: "2025-06", currency: "GBP", rate: "1.25" },
  ];
  const positions = [
    // €1,000,000 in Jan 2025, now worth €2,500,000: $1,100,000 in, $2,625,000 now (Feb 2026 rate).
    { id: "a", companyId: "x", investedOn: "2025-01-15", amount: 100_000_000, currentValue: 250_000_000, currency: "EUR" },
    { id: "b", companyId: "x", investedOn: "2025-06-01", amount: 50_000_000, currentValue: 40_000_000, currency: "USD" },
    // £200,000 → £300,000; both at 1.25 (June 2025 is the latest GBP rate).
    { id: "c", companyId: "y", investedOn: "2025-06-10", amount: 20_000_000, currentValue: 30_000_000, currency: "GBP" },
    // ¥10,000,000 with no JPY rate at all: left out, never counted as zero.
    { id: "d", companyId: "y", investedOn: "2025-03-01", amount: 1_000_000_000, currentValue: 2_000_000_000, currency: "JPY" },
  ];

  it("converts each position with the rates it names", () => {
    const a = positionReturn(at(positions, 0), rates, "USD", "2026-03");
    expect(a).toMatchObject({
      investedRate: { month: "2025-01", rate: "1.1" },
      valueRate: { month: "2026-02", rate: "1.05" },
      investedBase: 110_000_000,
      currentValueBase: 262_500_000,
      included: true,
    });
    expect(a.moic).toBeCloseTo(262.5 / 110, 12);
    const d = positionReturn(at(positions, 3), rates, "USD", "2026-03");
    expect(d).toMatchObject({ investedBase: null, currentValueBase: null, moic: null, included: false });
    expect(d.missing).toEqual([
      { currency: "JPY", month: "2025-03", use: "amount" },
      { currency: "JPY", month: "2026-03", use: "current_value" },
    ]);
  });

  it("sums per company and for the portfolio over the positions with rates only", () => {
    const result = portfolioReturns(positions, rates, "USD", "2026-03");
    const [x, y] = leading(result.companies, 2);
    // x: ($1,100,000 + $500,000) in, ($2,625,000 + $400,000) now → 3,025,000 / 1,600,000
    expect(x).toMatchObject({ companyId: "x", invested: 160_000_000, currentValue: 302_500_000, includedCount: 2, excludedCount: 0 });
    expect(x.moic).toBe(1.890625);
    // y: only the GBP position counts: $375,000 / $250,000
    expect(y).toMatchObject({ companyId: "y", invested: 25_000_000, currentValue: 37_500_000, moic: 1.5, includedCount: 1, excludedCount: 1 });
    // portfolio: $3,400,000 / $1,850,000, not the mean of the company MOICs
    expect(result.portfolio).toMatchObject({ invested: 185_000_000, currentValue: 340_000_000, includedCount: 3, excludedCount: 1 });
    expect(result.portfolio.moic).toBeCloseTo(340 / 185, 12);
    expect(result.missingRates).toEqual([
      { currency: "JPY", month: "2026-03", use: "current_value" },
      { currency: "JPY", month: "2025-03", use: "amount" },
    ]);
  });

  it("has no MOIC when nothing can be counted", () => {
    const none = portfolioReturns([at(positions, 3)], rates, "USD", "2026-03");
    expect(none.portfolio).toEqual({ invested: 0, currentValue: 0, moic: null, includedCount: 0, excludedCount: 1 });
    expect(portfolioReturns([], rates, "USD", "2026-03").portfolio.moic).toBeNull();
  });
});
