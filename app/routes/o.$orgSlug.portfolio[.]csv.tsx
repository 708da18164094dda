import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireInvestor } from "~/auth/tenant.server";
import { roundRunwayDown } from "~/finance/runway";
import { csvResponse } from "~/server/csv.server";
import { minorToMajorString } from "~/i18n/money-format";
import { parsePortfolioQuery } from "~/domain/portfolio-query";
import { exportPortfolio, type PortfolioRow } from "~/models/portfolio.server";

// A data file, not a page: headers and cell words stay the same in every language (stable
// column names and codes for spreadsheets and scripts that read them), as the other CSV exports.
const NOT_SHARED = "not shared";
const RATE_MISSING = "rate missing";

/** The portfolio table as CSV: the page's filters and sort, every page, amounts in the investor's currency. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params, "read:org");
  const { page: _page, ...query } = parsePortfolioQuery(new URL(request.url).searchParams);
  const { baseCurrency, today, rows } = await exportPortfolio(ctx, query);

  /** A figure of a company that shares financials and has reports: the converted amount or why there is none. */
  const figure = (row: PortfolioRow, value: (r: PortfolioRow) => string | number | null) =>
    !row.shared.financials ? NOT_SHARED : row.month === null ? "" : value(row);
  // A number, not text: the CSV guard would quote a text cell starting with "-" (net burn and variance can be negative).
  // Shortest round-trip printing gives back exactly the two-decimal string for any amount we store.
  const money = (row: PortfolioRow, amount: number | null) => (row.rateMissing ? RATE_MISSING : amount === null ? "" : Number(minorToMajorString(amount)));

  /** A budget-variance figure, or why there is none: blank with no reports yet, else not shared. */
  const variance = (row: PortfolioRow, value: (v: NonNullable<PortfolioRow["variance"]>) => string | number) =>
    row.variance === null ? (row.shared.financials && row.month === null ? "" : NOT_SHARED) : value(row.variance);

  return csvResponse<PortfolioRow>(`portfolio-${ctx.org.slug}-${today}.csv`, rows, [
    { header: "company", value: (r) => r.name },
    { header: "company_slug", value: (r) => r.slug },
    { header: "company_currency", value: (r) => r.currency },
    { header: "last_report_month", value: (r) => figure(r, (x) => x.month) },
    { header: `fx_rate_to_${baseCurrency}`, value: (r) => figure(r, (x) => x.rate ?? RATE_MISSING) },
    { header: `cash_${baseCurrency}`, value: (r) => figure(r, (x) => money(x, x.cash)) },
    { header: `net_burn_${baseCurrency}`, value: (r) => figure(r, (x) => money(x, x.netBurn)) },
    { header: `average_net_burn_${baseCurrency}`, value: (r) => figure(r, (x) => money(x, x.averageNetBurn)) },
    { header: "short_history", value: (r) => figure(r, (x) => (x.shortHistory ? "yes" : "no")) },
    { header: "runway_months", value: (r) => figure(r, (x) => (x.runwayMonths === null ? "not burning" : roundRunwayDown(x.runwayMonths).toFixed(1))) },
    { header: "runway_level", value: (r) => figure(r, (x) => x.runwayLevel) },
    // Not burning has a cash-out month too when debt service ahead exhausts the cash.
    { header: "cash_out_month", value: (r) => figure(r, (x) => x.cashOutMonth ?? "beyond 10 years") },
    {
      header: "default_alive",
      value: (r) => figure(r, (x) => (x.defaultAlive === "profitable" ? "alive" : x.defaultAlive === "cash_out" ? "dead" : "undecided")),
    },
    { header: "default_alive_month", value: (r) => figure(r, (x) => x.defaultAliveMonth) },
    // "yes": the verdict rests on flat revenue, there being too little revenue history for a growth rate.
    { header: "default_alive_assumes_flat_revenue", value: (r) => figure(r, (x) => (x.defaultAliveAssumesFlatRevenue ? "yes" : "no")) },
    { header: "top_risk", value: (r) => (!r.shared.risks ? NOT_SHARED : (r.topRisk?.title ?? "")) },
    { header: "top_risk_score", value: (r) => (!r.shared.risks ? NOT_SHARED : (r.topRisk?.score ?? "")) },
    { header: `budget_variance_${baseCurrency}`, value: (r) => variance(r, (v) => (v.budget === null ? "no budget" : money(r, v.amount))) },
    { header: "budget_variance_percent", value: (r) => variance(r, (v) => (v.percent === null ? "" : (v.percent * 100).toFixed(2))) },
    { header: "reporting_status", value: (r) => (!r.shared.financials ? NOT_SHARED : (r.status ?? "no reports")) },
    { header: "report_owed", value: (r) => r.owed?.month ?? "" },
    { header: "report_due_date", value: (r) => r.owed?.dueDate ?? "" },
  ]);
}
