import { describe, expect, it } from "vitest";
import { deriveCompanyMetrics, NET_BURN_HISTORY_MONTHS } from "./company-metrics";
import { addMonths } from "./month";

const month = (m: string, spend: number, revenue: number, cash: number | null, extra: { arr?: number; compute?: number } = {}) => ({
  month: m,
  spend: { compute: extra.compute ?? 0, payroll: spend - (extra.compute ?? 0) },
  revenue,
  cash,
  arr: extra.arr ?? null,
  headcount: 10,
});

// The spec's worked example: no debt, window 3, m = 2026-04.
const worked = [
  month("2026-01", 140_000_00, 20_000_00, 1_500_000_00),
  month("2026-02", 150_000_00, 20_000_00, 1_400_000_00),
  month("2026-03", 160_000_00, 30_000_00, 1_300_000_00),
  month("2026-04", 170_000_00, 40_000_00, 1_200_000_00, { compute: 68_000_00 }),
];

describe("deriveCompanyMetrics", () => {
  it("gives the worked example's runway, cash-out month and default-alive verdict", () => {
    const m = deriveCompanyMetrics(worked, [])!;
    expect(m.month).toBe("2026-04");
    expect(m.averageNetBurn).toBe(130_000_00);
    expect(m.runwayMonths).toBe(9.2);
    expect(m.cashOutMonth).toBe("2027-02");
    expect(m.defaultAlive).toBe("profitable");
    expect(m.defaultAliveMonth).toBe("2026-11");
    expect(m.computeShareBp).toBe(4000);
    expect(m.covenant).toBeNull();
    expect(m.reportCount).toBe(4);
    expect(m.firstMonth).toBe("2026-01");
  });

  it("keeps the first month reported, however far back and whatever the gaps", () => {
    const rows = [month("2023-11", 10_00, 0, 500_00), month("2026-03", 10_00, 0, 400_00), month("2026-04", 10_00, 0, 390_00)];
    expect(deriveCompanyMetrics(rows, [])!.firstMonth).toBe("2023-11");
    expect(deriveCompanyMetrics(rows.slice(2), [])!.firstMonth).toBe("2026-04");
  });

  it("is null without reports, and says 'not burning' as a null runway", () => {
    expect(deriveCompanyMetrics([], [])).toBeNull();
    const profitable = deriveCompanyMetrics([month("2026-04", 10_00, 50_00, 100_00)], [])!;
    expect(profitable.runwayMonths).toBeNull();
    expect(profitable.shortHistory).toBe(true);
  });

  it("flags a covenant breach when cash is below a facility's minimum, and the worst status wins", () => {
    const terms = { principal: 500_000_00, annualRateBps: 1200, drawMonth: "2026-01", termMonths: 36, repayment: "bullet" as const, interestOnlyMonths: 0 };
    const m = deriveCompanyMetrics(worked, [
      { terms, minimumCash: 100_000_00 },
      { terms, minimumCash: 1_250_000_00 },
    ])!;
    expect(m.covenant).toBe("breach");
  });

  it("measures net burn growth against the three months before", () => {
    const months = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"];
    const rows = months.map((m, i) => month(m, i < 3 ? 100_000_00 : 150_000_00, 0, 5_000_000_00));
    expect(deriveCompanyMetrics(rows, [])!.netBurnGrowthBp).toBe(5000);
  });

  it("keeps the net burn (spend − revenue) of the last 24 months, aligned to the latest month", () => {
    const m = deriveCompanyMetrics(worked, [])!;
    expect(m.recentNetBurn).toHaveLength(NET_BURN_HISTORY_MONTHS);
    expect(NET_BURN_HISTORY_MONTHS).toBe(24);
    // 2026-04 is the last element; 2025-05 … 2025-12 have no report.
    expect(m.recentNetBurn.slice(-4)).toEqual([120_000_00, 130_000_00, 130_000_00, 130_000_00]);
    expect(m.recentNetBurn.slice(0, -4).every((v) => v === null)).toBe(true);

    // 30 months with a gap: only the last 24 are kept, and the missing month stays missing.
    const months = Array.from({ length: 30 }, (_, i) => addMonths("2024-01", i)).filter((m) => m !== "2026-02");
    const long = deriveCompanyMetrics(
      months.map((m, i) => month(m, 1_000_00 + i, 0, 9_000_000_00)),
      [],
    )!;
    expect(long.month).toBe("2026-06");
    expect(long.recentNetBurn[0]).toBe(1_000_00 + 6); // 2024-07, the 7th month
    expect(long.recentNetBurn[19]).toBeNull(); // 2026-02
    expect(long.recentNetBurn.at(-1)).toBe(1_000_00 + 28);
  });
});
