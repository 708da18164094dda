import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetCellName } from "./budget-cells";
import { budgetYearsOffered, copyYearValues, fillRight, fillRightInGrid, spreadAnnual, spreadIntoGrid, yearMonths } from "./budget-tools";

// issue #15 item 16: the years a budget picker offers, spread, fill right and copy a year.

describe("budgetYearsOffered", () => {
  it("offers the year before the first data to next year, newest first", () => {
    expect(budgetYearsOffered([2024, 2025], 2026)).toEqual([2027, 2026, 2025, 2024, 2023]);
  });
  it("offers last year, this year and next to an org with no data", () => {
    expect(budgetYearsOffered([], 2026)).toEqual([2027, 2026, 2025]);
  });
  it("keeps years with data beyond next year and the year on screen", () => {
    expect(budgetYearsOffered([2026, 2029], 2026, 2003)).toEqual([2029, 2027, 2026, 2025, 2003]);
  });
});

describe("spreadAnnual", () => {
  it("gives the remainder cents to the first months, deterministically", () => {
    expect(spreadAnnual(100_000_00)).toEqual([...Array(4).fill(833_334), ...Array(8).fill(833_333)]);
    expect(spreadAnnual(12_00)).toEqual(Array(12).fill(1_00));
    expect(spreadAnnual(5)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(spreadAnnual(0)).toEqual(Array(12).fill(0));
  });
  it("always sums to the annual amount, months differ by at most a cent, never descending by more (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.integer({ min: 1, max: 24 }), (annual, months) => {
        const spread = spreadAnnual(annual, months);
        expect(spread).toHaveLength(months);
        expect(spread.reduce((a, b) => a + b, 0)).toBe(annual);
        expect(Math.max(...spread) - Math.min(...spread)).toBeLessThanOrEqual(1);
        expect(spread.every((v, i) => i === 0 || v <= (spread[i - 1] ?? v))).toBe(true);
      }),
    );
  });
  it("refuses fractions of a cent and negative amounts", () => {
    expect(() => spreadAnnual(1.5)).toThrow(RangeError);
    expect(() => spreadAnnual(-1)).toThrow(RangeError);
  });
});

describe("fillRight", () => {
  it("copies one month's value into every later month and keeps the earlier ones", () => {
    expect(fillRight(["1", "2", "3", "4"], 1)).toEqual(["1", "2", "2", "2"]);
    expect(fillRight(["1", "2"], 1)).toEqual(["1", "2"]);
    expect(() => fillRight(["1"], 3)).toThrow(RangeError);
  });
  it("fills one category or all categories of the typed grid", () => {
    const grid = {
      [budgetCellName("2027-03", "compute")]: "5,000.00",
      [budgetCellName("2027-03", "payroll")]: "9k",
      [budgetCellName("2027-01", "compute")]: "1",
    };
    const one = fillRightInGrid(grid, 2027, "2027-03", "compute");
    expect(yearMonths(2027).map((m) => one[budgetCellName(m, "compute")])).toEqual(["1", "", ...Array(10).fill("5,000.00")]);
    expect(one[budgetCellName("2027-12", "payroll")]).toBeUndefined();
    const all = fillRightInGrid(grid, 2027, "2027-03", "all");
    expect(all[budgetCellName("2027-12", "payroll")]).toBe("9k");
  });
});

describe("spread into the grid and copy a year", () => {
  it("spreads into one category's twelve cells with separators", () => {
    const grid = spreadIntoGrid({ [budgetCellName("2027-01", "data")]: "7" }, 2027, "compute", 100_000_00);
    expect(grid[budgetCellName("2027-01", "compute")]).toBe("8,333.34");
    expect(grid[budgetCellName("2027-12", "compute")]).toBe("8,333.33");
    expect(grid[budgetCellName("2027-01", "data")]).toBe("7");
  });
  it("copies another year's amounts month by month into this year's cells", () => {
    expect(
      copyYearValues(
        [
          { month: "2026-02", category: "compute", amount: 1_234_56 },
          { month: "2026-12", category: "other", amount: 0 },
        ],
        2027,
      ),
    ).toEqual({ [budgetCellName("2027-02", "compute")]: "1,234.56", [budgetCellName("2027-12", "other")]: "0.00" });
  });
});
