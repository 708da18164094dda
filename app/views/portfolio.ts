/**
 * What the investor's portfolio model returns: plain, JSON-ready values (minor units in the
 * investor's currency, months, strings) — the page and the CSV export show exactly these.
 * Types only, so browser code can name them without importing the server module.
 */
import type { IsoDate, RiskBandThresholds } from "~/finance";
import type { PortfolioRunwayLevel } from "~/finance/portfolio";
import type { RunwayThresholds } from "~/finance/runway";
import type { ReportingStatusFilter } from "~/domain/portfolio-query";
import type { NetBurnPoint, RaisedByInstrument, RateUse } from "~/domain/portfolio-series";

export type { NetBurnPoint, RaisedByInstrument, RateUse };

/** The investor's settings the portfolio reads: thresholds from alert_rules (or the spec's defaults), risk bands. */
export interface PortfolioSettings {
  baseCurrency: string;
  runwayThresholds: RunwayThresholds;
  /** Whether the thresholds come from the investor's alert rules (false: the defaults). */
  thresholdsFromRules: boolean;
  reportDueDay: number;
  riskBands: RiskBandThresholds;
}

export interface PortfolioRow {
  slug: string;
  name: string;
  currency: string;
  shared: { financials: boolean; risks: boolean; budgets: boolean };
  /** Last reported month; null when financials are not shared or nothing is reported yet. */
  month: string | null;
  /** Rate of `currency` in `month` into the investor's currency; null = missing (figures null). */
  rate: string | null;
  rateMissing: boolean;
  /** Converted to the investor's currency, minor units. */
  cash: number | null;
  netBurn: number | null;
  averageNetBurn: number | null;
  shortHistory: boolean;
  /** null = not burning (or no figures: see `month`). */
  runwayMonths: number | null;
  /** For a company that is not burning, the level of its cash-out month when debt service ahead exhausts its cash. */
  runwayLevel: PortfolioRunwayLevel | null;
  /** null = beyond 10 years (burning or not). */
  cashOutMonth: string | null;
  defaultAlive: "profitable" | "cash_out" | "undecided" | null;
  defaultAliveMonth: string | null;
  /** The verdict stands on an assumed flat revenue (not enough revenue history for a growth rate). */
  defaultAliveAssumesFlatRevenue: boolean;
  status: ReportingStatusFilter | null;
  /** The report owed next and its due date (status due or overdue). */
  owed: { month: string; dueDate: IsoDate } | null;
  topRisk: { title: string; likelihood: number; impact: number; score: number } | null;
  /** null when budgets or financials are not shared; budget null = no budget for the month. */
  variance: { budget: number | null; amount: number | null; percent: number | null } | null;
}

export interface PortfolioSummary {
  /** Every company with an approved grant, before filters (0 = the empty state). */
  portfolioSize: number;
  companies: number;
  notShared: number;
  noReports: number;
  withFigures: number;
  /** Companies left out of the money totals because their month's rate is missing. */
  rateMissing: number;
  totalCash: number | null;
  totalNetBurn: number | null;
  totalAverageNetBurn: number | null;
  medianRunway: number | null;
  burning: number;
  byStatus: Record<ReportingStatusFilter, number>;
  byLevel: Record<PortfolioRunwayLevel, number>;
  latestMonth: string | null;
}

export interface Portfolio {
  settings: PortfolioSettings;
  today: IsoDate;
  summary: PortfolioSummary;
  rows: PortfolioRow[];
  page: number;
  pageCount: number;
  pageSize: number;
  /** Every foreign rate the figures and charts used, and every one they needed and lacked (rate null). */
  rates: RateUse[];
  charts: {
    runway: { slug: string; name: string; runwayMonths: number; level: PortfolioRunwayLevel }[];
    netBurn: NetBurnPoint[];
    raised: RaisedByInstrument;
    /** cells[likelihood − 1][impact − 1]: open and mitigating risks of companies sharing risks. */
    heatMap: number[][];
  };
}

export interface PortfolioRiskView {
  companySlug: string;
  companyName: string;
  title: string;
  category: string;
  likelihood: number;
  impact: number;
  score: number;
  status: string;
  owner: string | null;
}
