import type { debtFacilities, monthlyReports } from "../../db/schema";

/*
 * The product spec's worked example as the dashboard tests seed it (amounts in major units, as
 * the spec writes them), and the rows that put it into monthly_reports and debt_facilities.
 */

/** Minor units (cents) from the major units the tests read like the spec. */
export const major = (amount: number) => amount * 100;

export interface ReportFigures {
  month: string;
  spend: number;
  revenue: number;
  cash: number;
  arr?: number;
}

/** No debt, window 3, m = 2026-04: average net burn 130,000, runway 9.2 months, cash-out 2027-02. */
export const WORKED_EXAMPLE: ReportFigures[] = [
  { month: "2026-01", spend: 140_000, revenue: 20_000, cash: 1_580_000 },
  { month: "2026-02", spend: 150_000, revenue: 20_000, cash: 1_450_000 },
  { month: "2026-03", spend: 160_000, revenue: 30_000, cash: 1_330_000 },
  { month: "2026-04", spend: 170_000, revenue: 40_000, cash: 1_200_000 },
];

/** monthly_reports rows for the figures: all spend on payroll, or half on compute and half on payroll. */
export function reportRows(orgId: string, rows: ReportFigures[], spendOn: "payroll" | "compute and payroll" = "payroll") {
  return rows.map((r): typeof monthlyReports.$inferInsert => ({
    orgId,
    month: r.month,
    cash: major(r.cash),
    revenue: major(r.revenue),
    ...(spendOn === "payroll" ? { payroll: major(r.spend) } : { compute: major(r.spend / 2), payroll: major(r.spend / 2) }),
    arr: r.arr === undefined ? null : major(r.arr),
  }));
}

/** A bullet loan of 500,000 at 12 % drawn 2026-04-01 for 24 months (5,000 interest a month), minimum cash 1,000,000. */
export function bulletLoan(orgId: string, lender: string, kind: "bank_loan" | "venture_debt" = "bank_loan"): typeof debtFacilities.$inferInsert {
  return {
    orgId,
    lender,
    kind,
    principal: major(500_000),
    currency: "USD",
    annualRateBp: 1200,
    drawDate: "2026-04-01",
    termMonths: 24,
    repaymentType: "bullet",
    minimumCash: major(1_000_000),
  };
}
