import { describe, expect, it } from "vitest";
import { decimalToScaled, normalizeDecimal, periodOfMonth, rollUpMetric, scaledToDecimal } from "./metric-rollup";

const year = (values: string[], from = 1) => values.map((value, i) => ({ month: `2026-${String(from + i).padStart(2, "0")}`, value }));

describe("metric decimals are exact", () => {
  it("reads and writes decimals without floats", () => {
    expect(decimalToScaled("0.1")).toBe(100_000n);
    expect(scaledToDecimal((decimalToScaled("0.1") ?? 0n) + (decimalToScaled("0.2") ?? 0n))).toBe("0.3");
    expect(normalizeDecimal("1234.500000")).toBe("1234.5");
    expect(normalizeDecimal("-0.000000")).toBe("0");
    expect(normalizeDecimal("123456789012345678.123456")).toBe("123456789012345678.123456");
  });
  it("refuses what is not a plain decimal within six places", () => {
    for (const bad of ["", "1e5", "1.2345678", "abc", "1,000", "--1"]) expect(decimalToScaled(bad), bad).toBeNull();
  });
});

describe("periods", () => {
  it("names quarters and years", () => {
    expect(periodOfMonth("2026-03", "quarter")).toBe("2026-Q1");
    expect(periodOfMonth("2026-04", "quarter")).toBe("2026-Q2");
    expect(periodOfMonth("2026-12", "year")).toBe("2026");
  });
});

describe("rolling a metric up", () => {
  const values = year(["0.1", "0.2", "0.3", "10", "20", "30"]);

  it("sum adds the months of each quarter (tokens served)", () => {
    expect(rollUpMetric(values, "sum", "quarter")).toEqual([
      { period: "2026-Q1", value: "0.6", months: 3 },
      { period: "2026-Q2", value: "60", months: 3 },
    ]);
  });

  it("last takes the latest month with a value, whatever the input order (paying customers)", () => {
    expect(rollUpMetric([...values].reverse(), "last", "quarter").map((p) => p.value)).toEqual(["0.3", "30"]);
  });

  it("average is the mean of the months that have a value, not counting gaps as zero", () => {
    expect(rollUpMetric(year(["60", "80"], 1), "average", "quarter")).toEqual([{ period: "2026-Q1", value: "70", months: 2 }]);
    expect(rollUpMetric(values, "average", "year")).toEqual([{ period: "2026", value: "10.1", months: 6 }]);
  });

  it("an average rounds half away from zero at the sixth decimal", () => {
    expect(rollUpMetric(year(["0.000001", "0.000002"]), "average", "year")[0]?.value).toBe("0.000002");
    expect(rollUpMetric(year(["-0.000001", "-0.000002"]), "average", "year")[0]?.value).toBe("-0.000002");
    expect(rollUpMetric(year(["1", "1", "2"]), "average", "year")[0]?.value).toBe("1.333333");
  });

  it("an empty series has no periods", () => {
    expect(rollUpMetric([], "sum", "year")).toEqual([]);
  });
});
