import { grossBurn, indexReports, type MonthlyFigures } from "./burn";
import { assertMinorUnits, sumMinorUnits } from "./money";
import { addMonths, type Month } from "./month";

/** Debt service (interest + principal) per month, as `debtServiceByMonth` builds it, or a function. */
export type DebtService = ReadonlyMap<Month, number> | ((month: Month) => number);

export const FORECAST_HORIZON_MONTHS = 120;
export const BEYOND_10_YEARS = "beyond_10_years" as const;

function serviceIn(debtService: DebtService | undefined, month: Month): number {
  if (debtService === undefined) return 0;
  const amount = typeof debtService === "function" ? debtService(month) : (debtService.get(month) ?? 0);
  assertMinorUnits(amount, `debt service in ${month}`);
  return amount;
}

export interface CashOutInput {
  /** cash(m), minor units. */
  readonly cash: number;
  /** m: the month the cash figure closes. */
  readonly month: Month;
  /** Minor units a month; negative when the company earns more than it spends. */
  readonly averageNetBurn: number;
  readonly debtService?: DebtService | undefined;
}

export interface CashPoint {
  readonly month: Month;
  readonly debtService: number;
  readonly closingCash: number;
}

export interface CashOutForecast {
  readonly cashOutMonth: Month | typeof BEYOND_10_YEARS;
  /** Projected month ends from m+1 up to the cash-out month (or 120 months): a chart's data. */
  readonly series: CashPoint[];
}

/**
 * Cash-out month: start from cash(m); for each following month subtract the average net
 * burn and that month's debt service; the first month whose closing cash is below zero.
 * "beyond_10_years" if none within 120 months.
 */
export function forecastCashOut(input: CashOutInput): CashOutForecast {
  assertMinorUnits(input.cash, "cash");
  assertMinorUnits(input.averageNetBurn, "averageNetBurn");
  const series: CashPoint[] = [];
  let cash = input.cash;
  for (let k = 1; k <= FORECAST_HORIZON_MONTHS; k++) {
    const month = addMonths(input.month, k);
    const debtService = serviceIn(input.debtService, month);
    cash = sumMinorUnits([cash, -input.averageNetBurn, -debtService]);
    series.push({ month, debtService, closingCash: cash });
    if (cash < 0) return { cashOutMonth: month, series };
  }
  return { cashOutMonth: BEYOND_10_YEARS, series };
}

export function cashOutMonth(input: CashOutInput): Month | typeof BEYOND_10_YEARS {
  return forecastCashOut(input).cashOutMonth;
}

/**
 * g = (revenue(m) / revenue(m−3))^(1/3) − 1, the compound monthly growth of the last three
 * months; 0 when revenue(m−3) is 0 or missing (no base to grow from).
 */
export function monthlyGrowthRate(revenue: number, revenueThreeMonthsAgo: number | null | undefined): number {
  assertMinorUnits(revenue, "revenue");
  if (revenue < 0) throw new RangeError("Revenue for the growth rate cannot be negative");
  if (revenueThreeMonthsAgo === null || revenueThreeMonthsAgo === undefined || revenueThreeMonthsAgo <= 0) return 0;
  assertMinorUnits(revenueThreeMonthsAgo, "revenueThreeMonthsAgo");
  return Math.cbrt(revenue / revenueThreeMonthsAgo) - 1;
}

export interface DefaultAliveInput {
  readonly month: Month;
  readonly cash: number;
  /** revenue(m) */
  readonly revenue: number;
  /** revenue(m−3); null or undefined when that month was not reported. */
  readonly revenueThreeMonthsAgo: number | null | undefined;
  /** Expenses held flat: gross burn(m). */
  readonly expenses: number;
  readonly debtService?: DebtService | undefined;
}

export interface DefaultAlivePoint extends CashPoint {
  readonly revenue: number;
  readonly expenses: number;
}

/**
 * Where g comes from: "measured" from revenue(m−3); "not_enough_history" when month m−3 was
 * not reported (the spec's minimum); "no_base" when revenue(m−3) was 0. In the last two g = 0
 * is assumed, and a page says so instead of "grows 0 %".
 */
export type GrowthBasis = "measured" | "not_enough_history" | "no_base";

export function growthBasis(revenueThreeMonthsAgo: number | null | undefined): GrowthBasis {
  if (revenueThreeMonthsAgo === null || revenueThreeMonthsAgo === undefined) return "not_enough_history";
  return revenueThreeMonthsAgo <= 0 ? "no_base" : "measured";
}

export interface DefaultAliveResult {
  readonly alive: boolean;
  /** Why the projection stopped: profitability, cash below zero, or neither within 120 months. */
  readonly outcome: "profitable" | "cash_out" | "undecided";
  /** Profitable-from month when alive, cash-out month when it ran out, null when undecided. */
  readonly month: Month | null;
  readonly growthRate: number;
  readonly growth: GrowthBasis;
  /**
   * True when the verdict stands on an assumed g = 0 rather than a measured one: growth was not
   * measured, revenue(m) is above zero (zero revenue stays zero at any rate) and revenue(m) does
   * not already cover expenses. Such a "dead" is what flat revenue would lead to, not a finding.
   */
  readonly verdictAssumesGrowth: boolean;
  /** The lowest month-end cash from cash(m) through the outcome month (cash(m) included). */
  readonly lowestCash: { readonly month: Month; readonly cash: number };
  readonly series: DefaultAlivePoint[];
}

/**
 * Default alive (Paul Graham, 2015): hold expenses at gross burn(m), grow revenue at g a
 * month; each month add revenue, subtract expenses and debt service. Alive if revenue
 * reaches expenses before cash falls below zero, within 120 months. A company whose
 * revenue(m) already covers gross burn(m) is alive and profitable from m itself, with no
 * projection (a repayment ahead shows in the cash-out month instead).
 *
 * Projected revenue is revenue(m)·(1+g)^k rounded half-up to a minor unit — computed from
 * revenue(m) each month rather than from last month's rounded figure, so rounding never
 * compounds. When cash falls below zero in the very month revenue reaches expenses (debt
 * service can do that), the company ran out of cash first: it is not alive.
 */
export function defaultAlive(input: DefaultAliveInput): DefaultAliveResult {
  assertMinorUnits(input.cash, "cash");
  assertMinorUnits(input.expenses, "expenses");
  const growthRate = monthlyGrowthRate(input.revenue, input.revenueThreeMonthsAgo);
  const growth = growthBasis(input.revenueThreeMonthsAgo);
  const coveredNow = input.revenue >= input.expenses;
  const series: DefaultAlivePoint[] = [];
  let cash = input.cash;
  let lowest = { month: input.month, cash: input.cash };
  const finish = (outcome: DefaultAliveResult["outcome"], month: Month | null): DefaultAliveResult => ({
    alive: outcome === "profitable",
    outcome,
    month,
    growthRate,
    growth,
    verdictAssumesGrowth: growth !== "measured" && input.revenue > 0 && !coveredNow,
    lowestCash: lowest,
    series,
  });
  if (coveredNow) return finish("profitable", input.month);
  for (let k = 1; k <= FORECAST_HORIZON_MONTHS; k++) {
    const month = addMonths(input.month, k);
    const revenue = Math.round(input.revenue * (1 + growthRate) ** k);
    const debtService = serviceIn(input.debtService, month);
    cash = sumMinorUnits([cash, revenue, -input.expenses, -debtService]);
    series.push({ month, revenue, expenses: input.expenses, debtService, closingCash: cash });
    if (cash < lowest.cash) lowest = { month, cash };
    if (cash < 0) return finish("cash_out", month);
    if (revenue >= input.expenses) return finish("profitable", month);
  }
  return finish("undecided", null);
}

/** Default alive straight from monthly reports; null when month m has no report or no cash figure. */
export function defaultAliveFromReports(reports: readonly MonthlyFigures[], month: Month, debtService?: DebtService): DefaultAliveResult | null {
  const byMonth = indexReports(reports);
  const current = byMonth.get(month);
  if (current === undefined || current.cash === null || current.cash === undefined) return null;
  return defaultAlive({
    month,
    cash: current.cash,
    revenue: current.revenue,
    revenueThreeMonthsAgo: byMonth.get(addMonths(month, -3))?.revenue,
    expenses: grossBurn(current.spend),
    debtService,
  });
}
