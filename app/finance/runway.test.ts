import { describe, expect, it } from "vitest";
import { roundRunwayDown, runway, runwayForDisplay, runwayLevel } from "./runway";

describe("runway(m) = cash(m) / average net burn(m), when average net burn > 0", () => {
  it("is cash divided by burn, in months", () => {
    expect(runway(600_000_00, 100_000_00)).toEqual({ kind: "months", months: 6 });
  });

  it("is 'not burning' when average net burn is zero or negative — never 0, negative or a division error", () => {
    expect(runway(1_000_00, 0)).toEqual({ kind: "not_burning" });
    expect(runway(1_000_00, -50_00)).toEqual({ kind: "not_burning" });
    expect(runway(0, 0)).toEqual({ kind: "not_burning" });
  });

  it("is 0 months when the cash is already gone", () => {
    expect(runway(-10_00, 5_00)).toEqual({ kind: "months", months: 0 });
  });

  it("shows months rounded down to one decimal, so it never overstates", () => {
    expect(runwayForDisplay({ kind: "months", months: 9.99 })).toBe(9.9);
    expect(runwayForDisplay(runway(92, 10))).toBe(9.2);
    expect(runwayForDisplay({ kind: "not_burning" })).toBeNull();
  });

  it("rounds months down to one decimal in one function every place uses: 9.27 → 9.2, 9.99 → 9.9, 10 → 10", () => {
    expect(roundRunwayDown(9.27)).toBe(9.2);
    expect(roundRunwayDown(9.99)).toBe(9.9);
    expect(roundRunwayDown(10)).toBe(10);
    // Already one decimal: unchanged, despite float noise (9.2 × 10 = 91.99…; 0.3 × 10 = 3.0000…4).
    expect(roundRunwayDown(9.2)).toBe(9.2);
    expect(roundRunwayDown(0.3)).toBe(0.3);
    expect(roundRunwayDown(0)).toBe(0);
    expect(runwayForDisplay(runway(927_000_00, 100_000_00))).toBe(9.2);
  });

  it("flags < 6 months caution and < 3 months critical by default", () => {
    expect(runwayLevel({ kind: "months", months: 6 })).toBe("ok");
    expect(runwayLevel({ kind: "months", months: 5.9 })).toBe("caution");
    expect(runwayLevel({ kind: "months", months: 3 })).toBe("caution");
    expect(runwayLevel({ kind: "months", months: 2.9 })).toBe("critical");
    expect(runwayLevel({ kind: "not_burning" })).toBe("ok");
    expect(runwayLevel({ kind: "months", months: 10 }, { cautionBelowMonths: 12, criticalBelowMonths: 9 })).toBe("caution");
  });
});
