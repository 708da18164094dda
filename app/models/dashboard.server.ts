import { asc, eq, like } from "drizzle-orm";
import { budgets, debtFacilities, fundingRounds, monthlyReports, orgs, risks } from "~db/schema";
import { withTenant } from "~db/tenant";
import {
  addMonths,
  averageNetBurn,
  budgetVariance,
  burnMultipleFromReports,
  companySnapshot,
  compareMonths,
  computeShare,
  covenantStatus,
  debtSchedule,
  debtServiceByMonth,
  DEFAULT_RISK_BANDS,
  INSTRUMENTS,
  isoDateOfDate,
  monthsBetween,
  reviewOverdue,
  riskBand,
  riskHeatMap,
  riskScore,
  runway,
  runwayForDisplay,
  SPEND_CATEGORIES,
  totalRaisedByInstrument,
  type BurnMultiple,
  type BurnWindow,
  type CovenantStatus,
  type DebtTerms,
  type Instrument,
  type IsoDate,
  type Month,
  type MonthlyFigures,
  type RepaymentType,
  type RiskBand,
  type RiskBandThresholds,
  type RiskStatus,
  type SpendCategory,
} from "~/finance";
import type { OrgContext } from "./context";

export const DASHBOARD_WINDOWS = [1, 3, 6] as const satisfies readonly BurnWindow[];
export const DEFAULT_DASHBOARD_WINDOW: BurnWindow = 3;
/** How far back the cash-and-runway chart reaches, and the spend chart. */
export const CASH_HISTORY_MONTHS = 24;
export const SPEND_HISTORY_MONTHS = 12;
export const DEBT_LOOKAHEAD_MONTHS = 24;

/** `?window=` from the URL: 1, 3 or 6; anything else falls back to the default of 3. */
export function parseDashboardWindow(value: string | null | undefined): BurnWindow {
  const n = Number(value);
  return (DASHBOARD_WINDOWS as readonly number[]).includes(n) ? (n as BurnWindow) : DEFAULT_DASHBOARD_WINDOW;
}

// ---------------------------------------------------------------------------------------
// What the page receives. Plain numbers (minor units) and months: exactly what it shows.

export interface DashboardHeadline {
  /** m: the latest reported month; every card is "as of" this month. */
  month: Month;
  cash: number;
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
  /** cells[likelihood − 1][impact − 1], live risks only (closed ones left out). */
  heatMap: number[][];
  liveCount: number;
  closedCount: number;
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
      cashHistory: CashPointView[];
      spendHistory: SpendMonthView[];
      budget: BudgetView | null;
      debt: DebtView | null;
      risks: RiskView;
      raised: RaisedView;
    };

// ---------------------------------------------------------------------------------------
// Reading. One read-only tenant transaction, a handful of queries.

interface DashboardRows {
  overrunThresholdBp: number;
  riskBands: RiskBandThresholds;
  reports: (typeof monthlyReports.$inferSelect)[];
  budgets: { month: string; category: string; amount: number }[];
  facilities: (typeof debtFacilities.$inferSelect)[];
  rounds: { instrument: string; amount: number; currency: string; closeDate: string }[];
  risks: { title: string; category: string; likelihood: number; impact: number; status: string; nextReviewDate: string | null }[];
}

export async function getStartupDashboard(
  ctx: OrgContext,
  options: { window?: BurnWindow; today?: IsoDate } = {},
): Promise<StartupDashboard> {
  const rows = await withTenant(
    ctx.db,
    ctx.org.id,
    async (tx): Promise<DashboardRows | null> => {
      const reports = await tx.select().from(monthlyReports).orderBy(asc(monthlyReports.month));
      const latest = reports.at(-1);
      if (!latest) return null;
      const [org] = await tx
        .select({
          threshold: orgs.budgetOverrunThresholdBp,
          mediumFrom: orgs.riskMediumFrom,
          highFrom: orgs.riskHighFrom,
          criticalFrom: orgs.riskCriticalFrom,
        })
        .from(orgs)
        .where(eq(orgs.id, ctx.org.id));
      const budgetRows = await tx
        .select({ month: budgets.month, category: budgets.category, amount: budgets.amount })
        .from(budgets)
        .where(like(budgets.month, `${latest.month.slice(0, 4)}-%`));
      const facilities = await tx.select().from(debtFacilities).orderBy(asc(debtFacilities.drawDate));
      const rounds = await tx
        .select({ instrument: fundingRounds.instrument, amount: fundingRounds.amount, currency: fundingRounds.currency, closeDate: fundingRounds.closeDate })
        .from(fundingRounds)
        .orderBy(asc(fundingRounds.closeDate));
      const riskRows = await tx
        .select({
          title: risks.title,
          category: risks.category,
          likelihood: risks.likelihood,
          impact: risks.impact,
          status: risks.status,
          nextReviewDate: risks.nextReviewDate,
        })
        .from(risks);
      const riskBands = org ? { mediumFrom: org.mediumFrom, highFrom: org.highFrom, criticalFrom: org.criticalFrom } : DEFAULT_RISK_BANDS;
      return { overrunThresholdBp: org?.threshold ?? 1000, riskBands, reports, budgets: budgetRows, facilities, rounds, risks: riskRows };
    },
    { readOnly: true },
  );
  if (rows === null) return { kind: "empty", currency: ctx.org.baseCurrency };
  return buildStartupDashboard(rows, {
    currency: ctx.org.baseCurrency,
    window: options.window ?? DEFAULT_DASHBOARD_WINDOW,
    today: options.today ?? isoDateOfDate(new Date()),
  });
}

// ---------------------------------------------------------------------------------------
// Shaping. Every formula comes from ~/finance; this only picks months and adds up columns.

function toFigures(row: typeof monthlyReports.$inferSelect): MonthlyFigures {
  return {
    month: row.month,
    spend: spendOf(row),
    revenue: row.revenue,
    cash: row.cash,
    arr: row.arr,
  };
}

function spendOf(row: typeof monthlyReports.$inferSelect): Record<SpendCategory, number> {
  return {
    compute: row.compute,
    data: row.data,
    payroll: row.payroll,
    research: row.research,
    go_to_market: row.goToMarket,
    general_admin: row.generalAdmin,
    other: row.other,
  };
}

const REPAYMENT_TYPES: readonly RepaymentType[] = ["bullet", "amortizing", "interest_only_then_amortizing"];

function toTerms(row: typeof debtFacilities.$inferSelect): DebtTerms | null {
  if (!(REPAYMENT_TYPES as readonly string[]).includes(row.repaymentType)) return null;
  return {
    principal: row.principal,
    annualRateBps: row.annualRateBp,
    drawMonth: row.drawDate.slice(0, 7),
    termMonths: row.termMonths,
    repayment: row.repaymentType as RepaymentType,
    interestOnlyMonths: row.interestOnlyMonths,
  };
}

function buildStartupDashboard(
  rows: DashboardRows,
  options: { currency: string; window: BurnWindow; today: IsoDate },
): StartupDashboard {
  const { currency, window, today } = options;
  const figures = rows.reports.map(toFigures);
  const latest = rows.reports.at(-1)!;
  const month = latest.month;

  // Debt service from every facility goes into the forecasts.
  const facilities = rows.facilities.map((row) => ({ row, terms: toTerms(row) }));
  const terms = facilities.flatMap((f) => (f.terms ? [f.terms] : []));
  const service = debtServiceByMonth(terms);

  const snapshot = companySnapshot(figures, month, { window, debtService: service });
  if (snapshot === null) return { kind: "empty", currency };
  const average = averageNetBurn(figures, month, window);

  const headline: DashboardHeadline = {
    month,
    cash: snapshot.cash,
    netBurn: snapshot.netBurn,
    grossBurn: snapshot.grossBurn,
    averageNetBurn: snapshot.averageNetBurn,
    window,
    windowFirstMonth: addMonths(month, -(window - 1)),
    monthsUsed: average.monthsUsed,
    shortHistory: snapshot.shortHistory,
    runwayMonths: runwayForDisplay(snapshot.runway),
    cashOutMonth: snapshot.cashOut.cashOutMonth === "beyond_10_years" ? null : snapshot.cashOut.cashOutMonth,
    defaultAlive: {
      outcome: snapshot.defaultAlive.outcome,
      month: snapshot.defaultAlive.month,
      growthRate: snapshot.defaultAlive.growthRate,
      lowestCash: snapshot.defaultAlive.lowestCash,
    },
    burnMultiple: burnMultipleFromReports(figures, month),
    computeShare: computeShare(spendOf(latest)),
    facilitiesInForecast: terms.length,
  };

  const historyFrom = addMonths(month, -(CASH_HISTORY_MONTHS - 1));
  const cashHistory: CashPointView[] = figures
    .filter((f) => compareMonths(f.month, historyFrom) >= 0)
    .map((f) => {
      const avg = averageNetBurn(figures, f.month, window).value ?? 0;
      return { month: f.month, cash: f.cash ?? 0, runwayMonths: runwayForDisplay(runway(f.cash ?? 0, avg)) };
    });

  const spendFrom = addMonths(month, -(SPEND_HISTORY_MONTHS - 1));
  const spendHistory: SpendMonthView[] = rows.reports
    .filter((r) => compareMonths(r.month, spendFrom) >= 0)
    .map((r) => ({ month: r.month, spend: spendOf(r) }));

  return {
    kind: "ready",
    currency,
    headline,
    cashHistory,
    spendHistory,
    budget: buildBudgetView(rows, month),
    debt: buildDebtView(facilities, month, snapshot.cash, snapshot.cashOut.series, currency),
    risks: buildRiskView(rows.risks, rows.riskBands, today),
    raised: buildRaisedView(rows.rounds, currency),
  };
}

function buildBudgetView(rows: DashboardRows, month: Month): BudgetView | null {
  const fiscalYear = month.slice(0, 4);
  const planned = rows.budgets.filter((b) => (SPEND_CATEGORIES as readonly string[]).includes(b.category));
  if (planned.length === 0) return null;
  const reported = rows.reports.filter((r) => r.month.startsWith(`${fiscalYear}-`) && compareMonths(r.month, month) <= 0);
  const monthsCompared = reported.map((r) => r.month);
  const compared = new Set(monthsCompared);
  const threshold = rows.overrunThresholdBp / 10_000;
  const sumBudget = (category: string, onlyCompared: boolean) =>
    planned.filter((b) => b.category === category && (!onlyCompared || compared.has(b.month))).reduce((a, b) => a + b.amount, 0);
  const tableRows = SPEND_CATEGORIES.map((category): BudgetRowView => {
    const budget = sumBudget(category, true);
    const actual = reported.reduce((a, r) => a + spendOf(r)[category], 0);
    return { category, budget, actual, fullYearBudget: sumBudget(category, false), ...budgetVariance(actual, budget, threshold) };
  }).filter((r) => r.budget !== 0 || r.actual !== 0 || r.fullYearBudget !== 0);
  const budget = tableRows.reduce((a, r) => a + r.budget, 0);
  const actual = tableRows.reduce((a, r) => a + r.actual, 0);
  const fullYearBudget = tableRows.reduce((a, r) => a + r.fullYearBudget, 0);
  return {
    fiscalYear,
    monthsCompared,
    rows: tableRows,
    total: { budget, actual, fullYearBudget, ...budgetVariance(actual, budget, threshold) },
    overrunThresholdBp: rows.overrunThresholdBp,
  };
}

function buildDebtView(
  facilities: { row: typeof debtFacilities.$inferSelect; terms: DebtTerms | null }[],
  month: Month,
  cash: number,
  forecast: Parameters<typeof covenantStatus>[2],
  currency: string,
): DebtView | null {
  if (facilities.length === 0) return null;
  const firstMonth = addMonths(month, 1);
  const lastMonth = addMonths(month, DEBT_LOOKAHEAD_MONTHS);
  const ahead = new Map<Month, DebtMonthView>(monthsBetween(firstMonth, lastMonth).map((m) => [m, { month: m, interest: 0, principal: 0 }]));
  const views: FacilityView[] = [];
  for (const { row, terms } of facilities) {
    const schedule = terms ? debtSchedule(terms) : [];
    for (const line of schedule) {
      const slot = ahead.get(line.month);
      if (slot) {
        slot.interest += line.interest;
        slot.principal += line.principal;
      }
    }
    const paid = schedule.filter((line) => compareMonths(line.month, month) <= 0);
    const drawn = compareMonths(row.drawDate.slice(0, 7), month) <= 0;
    const outstanding = paid.length > 0 ? paid.at(-1)!.outstandingAfter : drawn ? row.principal : 0;
    views.push({
      lender: row.lender,
      kind: row.kind,
      currency: row.currency,
      principal: row.principal,
      outstanding,
      minimumCash: row.minimumCash,
      covenant: row.minimumCash === null ? null : covenantStatus(cash, row.minimumCash, forecast),
    });
  }
  return {
    firstMonth,
    lastMonth,
    months: [...ahead.values()],
    facilities: views,
    foreignCurrencyFacilities: facilities.filter((f) => f.row.currency !== currency).length,
  };
}

const OPEN_STATUSES = new Set(["open", "mitigating", "accepted"]);

function buildRiskView(rows: DashboardRows["risks"], bands: RiskBandThresholds, today: IsoDate): RiskView {
  const live = rows.filter((r) => OPEN_STATUSES.has(r.status));
  const scored = live.map((r) => {
    const score = riskScore(r.likelihood, r.impact);
    return {
      title: r.title,
      category: r.category,
      score,
      band: riskBand(score, bands),
      status: r.status,
      reviewOverdue: reviewOverdue(r.nextReviewDate, r.status as RiskStatus, today),
    };
  });
  return {
    heatMap: riskHeatMap(live),
    liveCount: live.length,
    closedCount: rows.length - live.length,
    overdueReviews: scored.filter((r) => r.reviewOverdue).length,
    top: scored.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, 3),
    bands,
  };
}

function buildRaisedView(rows: DashboardRows["rounds"], currency: string): RaisedView {
  const known = rows.filter((r) => (INSTRUMENTS as readonly string[]).includes(r.instrument));
  const inBase = known.filter((r) => r.currency === currency);
  const totals = totalRaisedByInstrument(inBase.map((r) => ({ instrument: r.instrument as Instrument, amount: r.amount })));
  const last = rows.at(-1);
  return {
    total: inBase.reduce((a, r) => a + r.amount, 0),
    byInstrument: INSTRUMENTS.filter((i) => totals[i] > 0).map((instrument) => ({ instrument, amount: totals[instrument] })),
    roundCount: rows.length,
    otherCurrencyRounds: rows.length - inBase.length,
    lastClose: last ? { date: last.closeDate, instrument: last.instrument } : null,
  };
}
