/**
 * An investor's returns: MOIC = current value / amount invested, per position, per company
 * and for the portfolio, in the investor's base currency.
 *
 * Which rate converts what (stated on the page too):
 * - the amount invested at the rate of the month it was invested (the money as it left the fund);
 * - the current value at the rate of the current month, or else the latest month before it
 *   that has a rate (a valuation is today's, so today's rate, as recent as is recorded).
 * A position whose needed rate is missing is left out of every total and named, never
 * counted as zero — a zero would quietly pull MOIC down (or up) with no sign of why.
 */
import { convertMinorUnits, indexRates, latestRateFor, rateFor, type FxRate } from "./fx";
import { moic, portfolioMoic } from "./metrics";
import { isValidIsoDate, type IsoDate, type Month } from "./month";

export interface PositionFigures {
  readonly id: string;
  readonly companyId: string;
  readonly investedOn: IsoDate;
  /** Minor units of `currency`. */
  readonly amount: number;
  readonly currentValue: number;
  readonly currency: string;
}

export interface MissingRate {
  readonly currency: string;
  readonly month: Month;
  /** What the rate was needed for: the amount invested, or the current value. */
  readonly use: "amount" | "current_value";
}

export interface UsedRate {
  readonly month: Month;
  readonly rate: string;
}

export interface PositionReturn {
  readonly id: string;
  readonly companyId: string;
  readonly investedRate: UsedRate | null;
  readonly valueRate: UsedRate | null;
  /** Base-currency minor units; null when its rate is missing. */
  readonly investedBase: number | null;
  readonly currentValueBase: number | null;
  /** MOIC in the base currency; null when a rate is missing. */
  readonly moic: number | null;
  readonly missing: readonly MissingRate[];
  /** Both conversions succeeded, so the position counts in the totals. */
  readonly included: boolean;
}

export interface ReturnsTotal {
  readonly invested: number;
  readonly currentValue: number;
  /** null when nothing could be counted (every position lacks a rate, or there are none). */
  readonly moic: number | null;
  readonly includedCount: number;
  readonly excludedCount: number;
}

export interface CompanyReturn extends ReturnsTotal {
  readonly companyId: string;
}

export interface PortfolioReturns {
  readonly positions: PositionReturn[];
  readonly companies: CompanyReturn[];
  readonly portfolio: ReturnsTotal;
  /** Each missing (currency, month, use) once, newest month first. */
  readonly missingRates: MissingRate[];
}

export function positionReturn(
  position: PositionFigures,
  rates: readonly FxRate[] | ReadonlyMap<string, readonly FxRate[]>,
  baseCurrency: string,
  currentMonth: Month,
): PositionReturn {
  if (!isValidIsoDate(position.investedOn)) throw new RangeError(`Not a YYYY-MM-DD date: ${position.investedOn}`);
  const investedMonth = position.investedOn.slice(0, 7);
  const investedRateValue = rateFor(rates, position.currency, investedMonth, baseCurrency);
  const investedRate = investedRateValue === null ? null : { month: investedMonth, rate: investedRateValue };
  const valueRate = latestRateFor(rates, position.currency, currentMonth, baseCurrency);
  const missing: MissingRate[] = [];
  if (!investedRate) missing.push({ currency: position.currency, month: investedMonth, use: "amount" });
  if (!valueRate) missing.push({ currency: position.currency, month: currentMonth, use: "current_value" });
  const investedBase = investedRate ? convertMinorUnits(position.amount, investedRate.rate) : null;
  const currentValueBase = valueRate ? convertMinorUnits(position.currentValue, valueRate.rate) : null;
  const included = investedBase !== null && currentValueBase !== null;
  return {
    id: position.id,
    companyId: position.companyId,
    investedRate,
    valueRate,
    investedBase,
    currentValueBase,
    moic: included ? moic(currentValueBase, investedBase) : null,
    missing,
    included,
  };
}

function total(returns: readonly PositionReturn[]): ReturnsTotal {
  const counted = returns.filter((r) => r.included);
  const figures = counted.map((r) => ({ currentValue: r.currentValueBase as number, invested: r.investedBase as number }));
  return {
    invested: figures.reduce((sum, f) => sum + f.invested, 0),
    currentValue: figures.reduce((sum, f) => sum + f.currentValue, 0),
    moic: portfolioMoic(figures),
    includedCount: counted.length,
    excludedCount: returns.length - counted.length,
  };
}

/**
 * Every position converted, MOIC per company (sum of current values / sum invested, over
 * its positions that could be converted) and for the portfolio the same over all of them —
 * not the mean of company MOICs. Companies come back in the order they first appear.
 */
export function portfolioReturns(positions: readonly PositionFigures[], rates: readonly FxRate[], baseCurrency: string, currentMonth: Month): PortfolioReturns {
  const index = indexRates(rates);
  const returns = positions.map((p) => positionReturn(p, index, baseCurrency, currentMonth));
  const byCompany = new Map<string, PositionReturn[]>();
  for (const r of returns) byCompany.set(r.companyId, [...(byCompany.get(r.companyId) ?? []), r]);
  const missing = new Map<string, MissingRate>();
  for (const m of returns.flatMap((r) => r.missing)) missing.set(`${m.currency}|${m.month}|${m.use}`, m);
  return {
    positions: returns,
    companies: [...byCompany].map(([companyId, list]) => ({ companyId, ...total(list) })),
    portfolio: total(returns),
    missingRates: [...missing.values()].sort((a, b) => b.month.localeCompare(a.month) || a.currency.localeCompare(b.currency) || a.use.localeCompare(b.use)),
  };
}
