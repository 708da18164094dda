import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_BANDS } from "~/finance/risk";
import type { CompanyDashboardForInvestor, DashboardHeadline } from "~/views/dashboard";
import type { CompanyReport } from "~/views/share-report";
import { combinedHeatMap, portfolioReportRow, reportAsOf, runwayBars } from "./report-rows";

const emptyMap = () => [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);

function headline(month: string, cash: number, runwayMonths: number | null): DashboardHeadline {
  return {
    month,
    cash,
    revenue: 4_000_000,
    netBurn: 13_000_000,
    grossBurn: 17_000_000,
    averageNetBurn: 13_000_000,
    window: 3,
    windowFirstMonth: "2026-02",
    monthsUsed: 3,
    shortHistory: false,
    runwayMonths,
    cashOutMonth: runwayMonths === null ? null : "2027-02",
    defaultAlive: {
      outcome: "profitable",
      month: "2026-11",
      growthRate: 0.26,
      growth: "measured",
      verdictAssumesGrowth: false,
      lowestCash: { month: "2026-10", cash: 76_167_900 },
    },
    burnMultiple: { kind: "not_applicable", reason: "arr_missing" },
    computeShare: null,
    facilitiesInForecast: 0,
  };
}

function company(name: string, dashboard: Partial<CompanyDashboardForInvestor>): CompanyReport {
  return { name, currency: "USD", sections: ["financials"], dashboard: { currency: "USD", window: 3, ...dashboard } };
}

const ready = (month: string, cash: number, runway: number | null) =>
  ({
    kind: "ready",
    headline: headline(month, cash, runway),
    cashHistory: [],
    spendHistory: [],
    debtServiceIncluded: true,
  }) as CompanyDashboardForInvestor["financials"];

describe("portfolio rows of a partner report", () => {
  it("takes the headline figures of a company that shares its financials (the spec's worked example)", () => {
    const row = portfolioReportRow(company("Worked Example AI", { financials: ready("2026-04", 120_000_000, 9.2) }));
    expect(row).toEqual({
      name: "Worked Example AI",
      currency: "USD",
      month: "2026-04",
      financials: true,
      cash: 120_000_000,
      averageNetBurn: 13_000_000,
      runwayMonths: 9.2,
      cashOutMonth: "2027-02",
      defaultAlive: "profitable",
      defaultAliveMonth: "2026-11",
      defaultAliveAssumesFlatRevenue: false,
    });
  });

  it("tells 'not shared' (no key) from 'nothing reported' and leaves out unshared columns", () => {
    const hidden = portfolioReportRow(company("Quiet", {}));
    expect(hidden.financials).toBe(false);
    expect(hidden.month).toBeNull();
    expect("topRisk" in hidden).toBe(false);
    expect("budgetVariance" in hidden).toBe(false);
    const empty = portfolioReportRow(company("New", { financials: { kind: "empty" }, budget: null }));
    expect(empty.financials).toBe(true);
    expect(empty.month).toBeNull();
    expect(empty.budgetVariance).toBeNull();
  });

  it("names the top risk and the year-to-date budget variance when shared", () => {
    const risks = {
      heatMap: emptyMap(),
      liveCount: 1,
      leftOutCount: 0,
      overdueReviews: 0,
      top: [{ title: "GPU prices", category: "financial", score: 16, band: "critical" as const, status: "open", reviewOverdue: false }],
      bands: DEFAULT_RISK_BANDS,
    };
    const budget = {
      fiscalYear: "2026",
      monthsCompared: ["2026-01"],
      rows: [],
      total: { budget: 100, actual: 120, fullYearBudget: 1200, variance: 20, variancePercent: 0.2, overrun: true },
      overrunThresholdBp: 1000,
    };
    const row = portfolioReportRow(company("Risky", { risks, budget }));
    expect(row.topRisk).toEqual({ title: "GPU prices", score: 16, band: "critical" });
    expect(row.budgetVariance).toEqual({ variance: 20, percent: 0.2, overrun: true });
  });

  it("draws runway bars for burning companies only, shortest first", () => {
    const rows = [
      portfolioReportRow(company("Long", { financials: ready("2026-04", 1, 30) })),
      portfolioReportRow(company("Profitable", { financials: ready("2026-04", 1, null) })),
      portfolioReportRow(company("Short", { financials: ready("2026-04", 1, 2.9) })),
    ];
    expect(runwayBars(rows)).toEqual([
      { name: "Short", runwayMonths: 2.9 },
      { name: "Long", runwayMonths: 30 },
    ]);
  });

  it("adds up the heat maps of the companies sharing risks, and has none when no one does", () => {
    const a = emptyMap();
    a[3]![3] = 1;
    const b = emptyMap();
    b[3]![3] = 2;
    b[0]![4] = 1;
    const risk = (heatMap: number[][]) => ({ heatMap, liveCount: 0, leftOutCount: 0, overdueReviews: 0, top: [], bands: DEFAULT_RISK_BANDS });
    const sum = combinedHeatMap([company("A", { risks: risk(a) }), company("B", { risks: risk(b) }), company("C", {})]);
    expect(sum![3]![3]).toBe(3);
    expect(sum![0]![4]).toBe(1);
    expect(combinedHeatMap([company("C", {})])).toBeNull();
  });

  it("is as of the frozen month, or the latest month any company reported", () => {
    const companies = [company("A", { financials: ready("2026-03", 1, 1) }), company("B", { financials: ready("2026-05", 1, 1) }), company("C", {})];
    expect(reportAsOf({ frozenMonth: null, companies })).toBe("2026-05");
    expect(reportAsOf({ frozenMonth: "2026-01", companies })).toBe("2026-01");
    expect(reportAsOf({ frozenMonth: null, companies: [company("C", {})] })).toBeNull();
  });
});
