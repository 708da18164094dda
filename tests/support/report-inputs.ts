import type { MonthlyReportInput } from "../../app/domain/monthly-report";

/**
 * A month's figures for saveMonthlyReport: nothing spent, nothing earned, no texts, unless the
 * test says otherwise — so each test names only the figures it is about.
 */
export function reportFigures(overrides: Partial<MonthlyReportInput> = {}): MonthlyReportInput {
  return {
    cash: 1_000_000_00,
    revenue: 0,
    compute: 0,
    data: 0,
    payroll: 0,
    research: 0,
    go_to_market: 0,
    general_admin: 0,
    other: 0,
    headcount: 5,
    arr: null,
    highlights: null,
    lowlights: null,
    asks: null,
    ...overrides,
  };
}

/** The monthly report form as a browser posts it (strings; empty = left blank), the same defaults. */
export function reportForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    version: "",
    cash: "1000000",
    revenue: "0",
    compute: "0",
    data: "0",
    payroll: "0",
    research: "0",
    go_to_market: "0",
    general_admin: "0",
    other: "0",
    headcount: "5",
    arr: "",
    highlights: "",
    lowlights: "",
    asks: "",
    ...overrides,
  };
}
