/**
 * What a company dashboard page receives — the startup's own, or an investor's read-only view
 * of it. Plain numbers (minor units) and months: exactly what the page shows. Types only, so
 * the browser-side components can name them.
 */
import type { BurnMultiple, BurnWindow, CovenantStatus, GrowthBasis, Instrument, Month, RiskBand, RiskBandThresholds, SpendCategory } from "~/finance";

export interface DashboardHeadline {
  /** m: the latest reported month; every card is "as of" this month. */
  month: Month;
  cash: number;
  /** revenue(m) */
  revenue: number;
  netBurn: number;
  grossBurn: number;
  averageNetBurn: number;
  window: BurnWindow;
  /** m − w + 1: the first month the window reaches back to. */
  windowFirstMonth: Month;
  monthsUsed: number;
  shortHistory: boolean;
  /** Rounded down to one decimal; null = not burning. */
  runwayMonths: number | null;
  /** null = beyond 10 years. */
  cashOutMonth: Month | null;
  defaultAlive: {
    outcome: "profitable" | "cash_out" | "undecided";
    month: Month | null;
    growthRate: number;
    /** Whether g was measured or assumed 0 (not enough history, or no revenue three months back). */
    growth: GrowthBasis;
    /** The verdict stands on the assumed g = 0 (see DefaultAliveResult). */
    verdictAssumesGrowth: boolean;
    lowestCash: { month: Month; cash: number };
  };
  burnMultiple: BurnMultiple;
  /** compute spend / gross burn in month m; null when nothing was spent. */
  computeShare: number | null;
  /** Facilities whose scheduled debt service is in the cash-out and default-alive forecasts. */
  facilitiesInForecast: number;
}

export interface CashPointView {
  month: Month;
  cash: number;
  runwayMonths: number | null;
}

export interface SpendMonthView {
  month: Month;
  spend: Record<SpendCategory, number>;
}

export interface BudgetRowView {
  category: SpendCategory;
  budget: number;
  actual: number;
  fullYearBudget: number;
  variance: number;
  variancePercent: number | null;
  overrun: boolean;
}

export interface BudgetView {
  fiscalYear: string;
  /** The reported months of the fiscal year up to m: budget and actual cover the same months. */
  monthsCompared: Month[];
  rows: BudgetRowView[];
  total: Omit<BudgetRowView, "category">;
  overrunThresholdBp: number;
}

export interface DebtMonthView {
  month: Month;
  interest: number;
  principal: number;
}

export interface FacilityView {
  lender: string;
  kind: string;
  currency: string;
  principal: number;
  /** Balance after month m's scheduled payment; 0 once repaid. */
  outstanding: number;
  minimumCash: number | null;
  covenant: CovenantStatus | null;
}

export interface DebtView {
  firstMonth: Month;
  lastMonth: Month;
  months: DebtMonthView[];
  facilities: FacilityView[];
  /** Facilities recorded in another currency than the org's: their service is not converted. */
  foreignCurrencyFacilities: number;
}

export interface RiskView {
  /** cells[likelihood − 1][impact − 1]: the risks every heat map counts, open and mitigating (app/finance/risk.ts). */
  heatMap: number[][];
  /** Open and mitigating risks: the heat map's total, and what the top risks are picked from. */
  liveCount: number;
  /** Accepted and closed risks, left out of the heat map and the top risks. */
  leftOutCount: number;
  /**
   * Set only on a frozen report stored before the heat map left accepted risks out (issue #15):
   * its stored counts include accepted risks, and its card says so rather than the current definition.
   */
  countsAccepted?: true;
  overdueReviews: number;
  top: { title: string; category: string; score: number; band: RiskBand; status: string; reviewOverdue: boolean }[];
  /** The org's risk bands (from its settings), which colour the heat map and name each score's band. */
  bands: RiskBandThresholds;
}

export interface RaisedView {
  total: number;
  byInstrument: { instrument: Instrument; amount: number }[];
  roundCount: number;
  /** Rounds in another currency, left out of the total rather than added unconverted. */
  otherCurrencyRounds: number;
  lastClose: { date: string; instrument: string } | null;
}

export type StartupDashboard =
  | { kind: "empty"; currency: string }
  | {
      kind: "ready";
      currency: string;
      headline: DashboardHeadline;
      /** Reported months only (a gap is no point); the charts put them on the calendar. */
      cashHistory: CashPointView[];
      spendHistory: SpendMonthView[];
      /**
       * Calendar months between the first and the latest report that have no report, oldest
       * first (absent in a frozen report stored before issue #15).
       */
      missingMonths?: Month[];
      budget: BudgetView | null;
      debt: DebtView | null;
      risks: RiskView;
      raised: RaisedView;
    };

type ReadyParts = Omit<Extract<StartupDashboard, { kind: "ready" }>, "kind" | "currency">;

export type InvestorFinancialsView = { kind: "ready" } & Pick<ReadyParts, "headline" | "cashHistory" | "spendHistory" | "missingMonths"> & {
    /** false: funding & debt is not shared, so the cash-out and default-alive forecasts leave debt service out. */
    debtServiceIncluded: boolean;
  };

/**
 * An investor's view of a company through its access grant. A key is present only when the
 * grant shares what it needs (absent, not empty, when unshared):
 * - financials: headline, cash and runway, spend (financials);
 * - budget: budget vs actual (budgets and financials; null when there is no budget or report);
 * - fundingDebt: debt service ahead and capital raised (funding_debt);
 * - risks: heat map and top risks (risks).
 */
export interface CompanyDashboardForInvestor {
  currency: string;
  window: BurnWindow;
  financials?: { kind: "empty" } | InvestorFinancialsView;
  budget?: BudgetView | null;
  fundingDebt?: {
    /** The month outstanding balances are given after: the latest report's, or today's without financials. */
    asOf: Month;
    /** false without financials: there is no cash figure to test minimum-cash covenants against. */
    covenantsChecked: boolean;
    debt: DebtView | null;
    raised: RaisedView;
  };
  risks?: RiskView;
}
