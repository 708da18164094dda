import { describe, expect, it } from "vitest";
import { formatMoney, minorToMajorString, moneyField, optionalMoneyField, parseMajorToMinor } from "./money-fields";

describe("money crossing the UI", () => {
  it("parses major units exactly, without floats", () => {
    expect(parseMajorToMinor("0.29")).toBe(29);
    expect(parseMajorToMinor("1,234.5")).toBe(123450);
    expect(parseMajorToMinor("-10")).toBe(-1000);
    expect(parseMajorToMinor("1.234")).toBeNull();
    expect(parseMajorToMinor("1e5")).toBeNull();
    expect(parseMajorToMinor("12abc")).toBeNull();
  });

  it("round-trips minor units through strings", () => {
    for (const minor of [0, 1, 29, 100, 123456789, -5]) expect(parseMajorToMinor(minorToMajorString(minor))).toBe(minor);
  });

  it("explains what is wrong with an amount, optional or not", () => {
    expect(moneyField("cash").safeParse("-1").error?.issues[0]?.message).toBe("Cash cannot be negative.");
    expect(moneyField("cash").safeParse("").error?.issues[0]?.message).toBe("Enter cash.");
    expect(optionalMoneyField("pre-money valuation").safeParse("-5").error?.issues[0]?.message).toBe("Pre-money valuation cannot be negative.");
    expect(optionalMoneyField("ARR").safeParse("abc").error?.issues[0]?.message).toMatch(/like 2,400,000.50, 2.4m or 240万/);
    expect(optionalMoneyField("ARR").parse("")).toBeNull();
    expect(optionalMoneyField("ARR", { positive: true }).safeParse("0").error?.issues[0]?.message).toBe("ARR must be more than zero.");
  });

  it("formats for people, showing missing values as a dash", () => {
    expect(formatMoney(123456789, "USD")).toBe("$1,234,568");
    expect(formatMoney(null, "USD")).toBe("—");
  });
});
