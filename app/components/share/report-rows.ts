/**
 * The portfolio table and series of a partner report, derived from the per-company reports
 * it already holds — so the table can never disagree with the company sections below it.
 * Amounts stay in each company's own currency (a report does not convert: the partner sees
 * what each company reported). Pure; the report page renders these.
 */
import type { Month } from "~/finance/month";
import type { CompanyReport, GrantSection, ShareReport } from "~/views/share-report";

/** The section names a report prints (as ~/domain/access-grants names them, without bundling its zod fields into the public page). */
export const REPORT_SECTION_LABELS: Record<GrantSection, string> = {
  financials: "Financials",
  funding_debt: "Funding & debt",
  budgets: "Budgets",
  risks: "Risks",
  updates: "Investor updates",
};

export interface PortfolioReportRow {
  name: string;
  currency: string;
  /** null: financials not shared (`financials` false) or nothing reported yet. */
  month: Month | null;
  financials: boolean;
  cash: number | null;
  averageNetBurn: number | null;
  runwayMonths: number | null;
  /** null with figures present: beyond 10 years. */
  cashOutMonth: Month | null;
  defaultAlive: "profitable" | "cash_out" | "undecided" | null;
  defaultAliveMonth: Month | null;
  /** A "dead" that rests on flat revenue: too little revenue history for a growth rate. */
  defaultAliveAssumesFlatRevenue: boolean;
  /** undefined: risks not shared; null: no live risk. */
  topRisk?: { title: string; score: number; band: string } | null;
  /** undefined: budget vs actual not shared; null: no budget this fiscal year. */
  budgetVariance?: { variance: number; percent: number | null; overrun: boolean } | null;
}

export function portfolioReportRow(company: CompanyReport): PortfolioReportRow {
  const fin = company.dashboard.financials;
  const h = fin?.kind === "ready" ? fin.headline : null;
  const row: PortfolioReportRow = {
    name: company.name,
    currency: company.currency,
    month: h?.month ?? null,
    financials: fin !== undefined,
    cash: h?.cash ?? null,
    averageNetBurn: h?.averageNetBurn ?? null,
    runwayMonths: h?.runwayMonths ?? null,
    cashOutMonth: h?.cashOutMonth ?? null,
    defaultAlive: h?.defaultAlive.outcome ?? null,
    defaultAliveMonth: h?.defaultAlive.month ?? null,
    defaultAliveAssumesFlatRevenue: h?.defaultAlive.verdictAssumesGrowth ?? false,
  };
  const risks = company.dashboard.risks;
  if (risks) row.topRisk = risks.top[0] ? { title: risks.top[0].title, score: risks.top[0].score, band: risks.top[0].band } : null;
  const budget = company.dashboard.budget;
  if (budget !== undefined)
    row.budgetVariance = budget ? { variance: budget.total.variance, percent: budget.total.variancePercent, overrun: budget.total.overrun } : null;
  return row;
}

/** Burning companies' runways, shortest first (companies not burning have no bar). */
export function runwayBars(rows: readonly PortfolioReportRow[]): { name: string; runwayMonths: number }[] {
  return rows
    .flatMap((r) => (r.month !== null && r.runwayMonths !== null ? [{ name: r.name, runwayMonths: r.runwayMonths }] : []))
    .sort((a, b) => a.runwayMonths - b.runwayMonths || a.name.localeCompare(b.name));
}

/** Live risks of every company sharing risks, counted per likelihood × impact cell. */
export function combinedHeatMap(companies: readonly CompanyReport[]): number[][] | null {
  const maps = companies.flatMap((c) => (c.dashboard.risks ? [c.dashboard.risks.heatMap] : []));
  if (maps.length === 0) return null;
  return [0, 1, 2, 3, 4].map((l) => [0, 1, 2, 3, 4].map((i) => maps.reduce((sum, m) => sum + (m[l]?.[i] ?? 0), 0)));
}

/** The month the report speaks for: the frozen month, or the latest reported month shown. */
export function reportAsOf(report: Pick<ShareReport, "frozenMonth" | "companies">): Month | null {
  if (report.frozenMonth) return report.frozenMonth;
  const months = report.companies.flatMap((c) => (c.dashboard.financials?.kind === "ready" ? [c.dashboard.financials.headline.month] : []));
  return months.sort().at(-1) ?? null;
}
