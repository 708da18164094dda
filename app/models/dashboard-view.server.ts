/**
 * The company dashboard's pure shaping: database rows in, the plain figures a page shows out.
 * No I/O here — dashboard.server.ts reads the rows (for the startup itself, or for an
 * investor through an access grant) and both go through these same functions, so the two
 * views of one company can never disagree. Every formula comes from ~/finance; this only
 * picks months and adds up columns.
 */
import { type debtFacilities, type monthlyReports, risks } from "~db/schema";
import type { GrantSection } from "~db/schema/rls";
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
  INSTRUMENTS,
  missingMonths,
  monthsBetween,
  reviewOverdue,
  riskBand,
  heatMapOfRisks,
  countsOnHeatMap,
  riskScore,
  runway,
  runwayForDisplay,
  SPEND_CATEGORIES,
  totalRaisedByInstrument,
  type BurnWindow,
  type DebtTerms,
  type Instrument,
  type IsoDate,
  type Month,
  type MonthlyFigures,
  type RiskBandThresholds,
  type RiskStatus,
  type SpendCategory,
} from "~/finance";
import type {
  BudgetRowView,
  BudgetView,
  CashPointView,
  CompanyDashboardForInvestor,
  DashboardHeadline,
  DebtMonthView,
  DebtView,
  FacilityView,
  RaisedView,
  RiskView,
  SpendMonthView,
  StartupDashboard,
} from "~/views/dashboard";
import { debtTermsOf } from "~/domain/debt-facility";
import { isRepaymentType } from "~/domain/instruments";

/** How far back the cash-and-runway chart reaches, and the spend chart. */
export const CASH_HISTORY_MONTHS = 24;
export const SPEND_HISTORY_MONTHS = 12;
export const DEBT_LOOKAHEAD_MONTHS = 24;

export type ReportRow = typeof monthlyReports.$inferSelect;
export type FacilityRow = typeof debtFacilities.$inferSelect;
export type BudgetInputRow = { month: string; category: string; amount: number };
export type RoundInputRow = { instrument: string; amount: number; currency: string; closeDate: string };
export type RiskInputRow = { title: string; category: string; likelihood: number; impact: number; status: string; nextReviewDate: string | null };
/** The columns a RiskInputRow is read from: the same for a company's own dashboard and a share link's report. */
export const RISK_INPUT_COLUMNS = {
  title: risks.title,
  category: risks.category,
  likelihood: risks.likelihood,
  impact: risks.impact,
  status: risks.status,
  nextReviewDate: risks.nextReviewDate,
};

export interface CompanySettings {
  overrunThresholdBp: number;
  riskBands: RiskBandThresholds;
}

/** Everything the startup's own dashboard reads. */
export interface DashboardRows extends CompanySettings {
  reports: ReportRow[];
  budgets: BudgetInputRow[];
  facilities: FacilityRow[];
  rounds: RoundInputRow[];
  risks: RiskInputRow[];
}

/** What an investor's transaction read: a section left undefined was not shared and not read. */
export interface SharedRows extends CompanySettings {
  reports?: ReportRow[];
  budgets?: BudgetInputRow[];
  facilities?: FacilityRow[];
  rounds?: RoundInputRow[];
  risks?: RiskInputRow[];
}

interface ShapeOptions {
  currency: string;
  window: BurnWindow;
  today: IsoDate;
}

export function buildStartupDashboard(rows: DashboardRows, options: ShapeOptions): StartupDashboard {
  const { currency, window, today } = options;
  const facilities = rows.facilities.map((row) => ({ row, terms: toTerms(row) }));
  const financials = buildFinancials(rows.reports, facilities, window);
  if (financials === null) return { kind: "empty", currency };
  const { month, cash, forecast, ...view } = financials;
  return {
    kind: "ready",
    currency,
    ...view,
    budget: buildBudgetView(rows.reports, rows.budgets, rows.overrunThresholdBp, month),
    debt: buildDebtView(facilities, month, { cash, forecast }, currency),
    risks: buildRiskView(rows.risks, rows.riskBands, today),
    raised: buildRaisedView(rows.rounds, currency),
  };
}

/**
 * The investor's view of the same dashboard: only the sections the grant shares, each
 * absent (not empty) when unshared. Budget vs actual needs both budgets and financials.
 * Without funding & debt the forecasts cannot include debt service, and say so; without
 * financials the debt schedule runs from today's month and covenants go unchecked.
 */
export function buildCompanyDashboardForInvestor(rows: SharedRows, sections: readonly GrantSection[], options: ShapeOptions): CompanyDashboardForInvestor {
  const { currency, window, today } = options;
  const shared = new Set(sections);
  const facilities = (rows.facilities ?? []).map((row) => ({ row, terms: toTerms(row) }));
  const financials = rows.reports ? buildFinancials(rows.reports, facilities, window) : null;
  const result: CompanyDashboardForInvestor = { currency, window };
  if (shared.has("financials")) {
    if (financials === null) result.financials = { kind: "empty" };
    else {
      const { month: _month, cash: _cash, forecast: _forecast, ...view } = financials;
      result.financials = { kind: "ready", ...view, debtServiceIncluded: shared.has("funding_debt") };
    }
  }
  if (shared.has("budgets") && shared.has("financials")) {
    result.budget = financials && rows.reports ? buildBudgetView(rows.reports, rows.budgets ?? [], rows.overrunThresholdBp, financials.month) : null;
  }
  if (shared.has("funding_debt")) {
    const month = financials?.month ?? today.slice(0, 7);
    const covenantInputs = financials ? { cash: financials.cash, forecast: financials.forecast } : null;
    result.fundingDebt = {
      asOf: month,
      covenantsChecked: covenantInputs !== null,
      debt: buildDebtView(facilities, month, covenantInputs, currency),
      raised: buildRaisedView(rows.rounds ?? [], currency),
    };
  }
  if (shared.has("risks")) result.risks = buildRiskView(rows.risks ?? [], rows.riskBands, today);
  return result;
}

function toFigures(row: ReportRow): MonthlyFigures {
  return { month: row.month, spend: spendOf(row), revenue: row.revenue, cash: row.cash, arr: row.arr };
}

function spendOf(row: ReportRow): Record<SpendCategory, number> {
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

function toTerms(row: FacilityRow): DebtTerms | null {
  return isRepaymentType(row.repaymentType) ? debtTermsOf(row) : null;
}

type Forecast = Parameters<typeof covenantStatus>[2];
type Facility = { row: FacilityRow; terms: DebtTerms | null };

/** Headline cards and the two history charts; null when there is no usable latest report. */
function buildFinancials(reports: ReportRow[], facilities: Facility[], window: BurnWindow) {
  const latest = reports.at(-1);
  if (!latest) return null;
  const figures = reports.map(toFigures);
  const month = latest.month;

  // Debt service from every facility goes into the forecasts.
  const terms = facilities.flatMap((f) => (f.terms ? [f.terms] : []));
  const service = debtServiceByMonth(terms);

  const snapshot = companySnapshot(figures, month, { window, debtService: service });
  if (snapshot === null) return null;
  const average = averageNetBurn(figures, month, window);

  const headline: DashboardHeadline = {
    month,
    cash: snapshot.cash,
    revenue: latest.revenue,
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
      growth: snapshot.defaultAlive.growth,
      verdictAssumesGrowth: snapshot.defaultAlive.verdictAssumesGrowth,
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
  const spendHistory: SpendMonthView[] = reports.filter((r) => compareMonths(r.month, spendFrom) >= 0).map((r) => ({ month: r.month, spend: spendOf(r) }));

  return {
    headline,
    cashHistory,
    spendHistory,
    missingMonths: missingMonths(reports.map((r) => r.month)),
    month,
    cash: snapshot.cash,
    forecast: snapshot.cashOut.series as Forecast,
  };
}

function buildBudgetView(reports: ReportRow[], budgets: BudgetInputRow[], overrunThresholdBp: number, month: Month): BudgetView | null {
  const fiscalYear = month.slice(0, 4);
  const planned = budgets.filter((b) => (SPEND_CATEGORIES as readonly string[]).includes(b.category));
  if (planned.length === 0) return null;
  const reported = reports.filter((r) => r.month.startsWith(`${fiscalYear}-`) && compareMonths(r.month, month) <= 0);
  const monthsCompared = reported.map((r) => r.month);
  const compared = new Set(monthsCompared);
  const threshold = overrunThresholdBp / 10_000;
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
    overrunThresholdBp,
  };
}

/** `covenant` null: the cash figures are not available, so covenants are not evaluated. */
function buildDebtView(facilities: Facility[], month: Month, covenant: { cash: number; forecast: Forecast } | null, currency: string): DebtView | null {
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
      covenant: row.minimumCash === null || covenant === null ? null : covenantStatus(covenant.cash, row.minimumCash, covenant.forecast),
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

/** The heat map and the top risks count the same risks as every other heat map: countsOnHeatMap (open and mitigating). */
function buildRiskView(rows: RiskInputRow[], bands: RiskBandThresholds, today: IsoDate): RiskView {
  const live = rows.filter((r) => countsOnHeatMap(r.status));
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
    heatMap: heatMapOfRisks(rows),
    liveCount: live.length,
    leftOutCount: rows.length - live.length,
    overdueReviews: scored.filter((r) => r.reviewOverdue).length,
    top: scored.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, 3),
    bands,
  };
}

function buildRaisedView(rows: RoundInputRow[], currency: string): RaisedView {
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
