import { averageNetBurn, grossBurn, indexReports, netBurnOf, type BurnWindow, type MonthlyFigures } from "./burn";
import { defaultAliveFromReports, forecastCashOut, type CashOutForecast, type DebtService, type DefaultAliveResult } from "./forecast";
import type { Month } from "./month";
import { runway, type Runway } from "./runway";

export interface CompanySnapshot {
  readonly month: Month;
  readonly cash: number;
  readonly grossBurn: number;
  readonly netBurn: number;
  readonly averageNetBurn: number;
  readonly shortHistory: boolean;
  readonly runway: Runway;
  readonly cashOut: CashOutForecast;
  readonly defaultAlive: DefaultAliveResult;
}

/**
 * The headline figures of one company at month m, all from the same inputs so the
 * portfolio table, the company page and the alerts cannot disagree. Null when month m
 * has no report or the report has no cash figure.
 */
export function companySnapshot(
  reports: readonly MonthlyFigures[],
  month: Month,
  options: { readonly window?: BurnWindow | undefined; readonly debtService?: DebtService | undefined } = {},
): CompanySnapshot | null {
  const current = indexReports(reports).get(month);
  if (current === undefined || current.cash === null || current.cash === undefined) return null;
  const average = averageNetBurn(reports, month, options.window ?? 3);
  const averageValue = average.value ?? netBurnOf(current); // never null: m itself is reported
  const alive = defaultAliveFromReports(reports, month, options.debtService);
  if (alive === null) return null;
  return {
    month,
    cash: current.cash,
    grossBurn: grossBurn(current.spend),
    netBurn: netBurnOf(current),
    averageNetBurn: averageValue,
    shortHistory: average.shortHistory,
    runway: runway(current.cash, averageValue),
    cashOut: forecastCashOut({ cash: current.cash, month, averageNetBurn: averageValue, debtService: options.debtService }),
    defaultAlive: alive,
  };
}
