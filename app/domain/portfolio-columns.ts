import type { PlainKey } from "~/i18n/translate";
import { investor_table_averageNetBurn } from "~/paraglide/messages/investor_table_averagenetburn2.js";
import { investor_table_cash } from "~/paraglide/messages/investor_table_cash.js";
import { investor_table_cashOut } from "~/paraglide/messages/investor_table_cashout1.js";
import { investor_table_defaultAlive } from "~/paraglide/messages/investor_table_defaultalive1.js";
import { investor_table_lastReport } from "~/paraglide/messages/investor_table_lastreport1.js";
import { investor_table_netBurn } from "~/paraglide/messages/investor_table_netburn1.js";
import { investor_table_reporting } from "~/paraglide/messages/investor_table_reporting.js";
import { investor_table_runway } from "~/paraglide/messages/investor_table_runway.js";
import { investor_table_topRisk } from "~/paraglide/messages/investor_table_toprisk1.js";
import { investor_table_variance } from "~/paraglide/messages/investor_table_variance.js";

/**
 * The portfolio table's optional columns (issue #15 item 20: thirteen columns needed a sideways
 * scroll at 1280 px). The company is always shown; "variance" shows the amount and the percent.
 * Order here is the table's order, whatever order a person picked them in.
 */
export const PORTFOLIO_COLUMNS = ["month", "cash", "netBurn", "averageNetBurn", "runway", "cashOut", "defaultAlive", "topRisk", "variance", "status"] as const;
export type PortfolioColumn = (typeof PORTFOLIO_COLUMNS)[number];

/** What a partner reads first: where each company stands, its risk and whether it reported. Fits 1280 px. */
// The cash-out month is one click away: for a burning company it follows from the runway, and for
// one that is not burning but whose debt service exhausts its cash, the runway cell names it.
export const DEFAULT_PORTFOLIO_COLUMNS: readonly PortfolioColumn[] = ["month", "cash", "netBurn", "runway", "defaultAlive", "topRisk", "status"];

/** The columns that read the company's monthly figures (one "not shared" cell spans them). */
export const FINANCIAL_COLUMNS: readonly PortfolioColumn[] = ["month", "cash", "netBurn", "averageNetBurn", "runway", "cashOut", "defaultAlive"];

export const PORTFOLIO_COLUMN_LABELS: Record<PortfolioColumn, PlainKey> = {
  month: investor_table_lastReport,
  cash: investor_table_cash,
  netBurn: investor_table_netBurn,
  averageNetBurn: investor_table_averageNetBurn,
  runway: investor_table_runway,
  cashOut: investor_table_cashOut,
  defaultAlive: investor_table_defaultAlive,
  topRisk: investor_table_topRisk,
  variance: investor_table_variance,
  status: investor_table_reporting,
};

/** Known column ids in table order; anything unknown is dropped. */
export function portfolioColumnsFrom(values: readonly string[]): PortfolioColumn[] {
  return PORTFOLIO_COLUMNS.filter((column) => values.includes(column));
}

/** How a choice of no optional column is stored (an empty cookie value reads as no cookie). */
export const NO_PORTFOLIO_COLUMNS = "-";

/** A stored choice ("cash,runway,status"); nothing stored (or nothing readable) is the default. */
export function parsePortfolioColumns(stored: string | null | undefined): PortfolioColumn[] {
  if (stored === null || stored === undefined) return [...DEFAULT_PORTFOLIO_COLUMNS];
  if (stored === NO_PORTFOLIO_COLUMNS) return [];
  const columns = portfolioColumnsFrom(stored.split(","));
  return columns.length > 0 ? columns : [...DEFAULT_PORTFOLIO_COLUMNS];
}

/** The stored form of a choice (see parsePortfolioColumns). */
export function storedPortfolioColumns(columns: readonly PortfolioColumn[]): string {
  return columns.length === 0 ? NO_PORTFOLIO_COLUMNS : portfolioColumnsFrom(columns).join(",");
}
