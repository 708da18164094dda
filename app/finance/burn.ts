import { assertMinorUnits, divideRounded, sumMinorUnits } from "./money";
import { addMonths, compareMonths, isValidMonth, monthDiff, type Month } from "./month";

/** Fixed so that portfolios compare like with like (product spec, "Monthly reports"). */
export const SPEND_CATEGORIES = ["compute", "data", "payroll", "research", "go_to_market", "general_admin", "other"] as const;

export type SpendCategory = (typeof SPEND_CATEGORIES)[number];

/** A category left out was not spent on: a report form may omit empty lines. */
export type SpendByCategory = Readonly<Partial<Record<SpendCategory, number>>>;

/** The figures of one monthly report that the money math needs (all in minor units). */
export interface MonthlyFigures {
  readonly month: Month;
  readonly spend: SpendByCategory;
  readonly revenue: number;
  readonly cash?: number | null | undefined;
  readonly arr?: number | null | undefined;
}

export type BurnWindow = 1 | 3 | 6;

export interface AverageNetBurn {
  /** Minor units, rounded half away from zero; null when no month in the window is reported. */
  readonly value: number | null;
  readonly monthsUsed: number;
  /** True when fewer months than the window asks for were reported. */
  readonly shortHistory: boolean;
}

/** gross burn(m) = sum of operating spend categories in month m. */
export function grossBurn(spend: SpendByCategory): number {
  for (const key of Object.keys(spend)) {
    if (!(SPEND_CATEGORIES as readonly string[]).includes(key)) throw new RangeError(`Unknown spend category: ${key}`);
  }
  const amounts = SPEND_CATEGORIES.map((category) => spend[category] ?? 0);
  amounts.forEach((amount, i) => {
    assertMinorUnits(amount, `spend.${SPEND_CATEGORIES[i]}`);
  });
  return sumMinorUnits(amounts);
}

/** net burn(m) = gross burn(m) − revenue(m); positive means the company is burning cash. */
export function netBurn(spend: SpendByCategory, revenue: number): number {
  assertMinorUnits(revenue, "revenue");
  return grossBurn(spend) - revenue;
}

export function netBurnOf(report: MonthlyFigures): number {
  return netBurn(report.spend, report.revenue);
}

/** Reports by month; two reports for one month is a data error, not something to average. */
export function indexReports(reports: readonly MonthlyFigures[]): Map<Month, MonthlyFigures> {
  const byMonth = new Map<Month, MonthlyFigures>();
  for (const report of reports) {
    if (!isValidMonth(report.month)) throw new RangeError(`Not a YYYY-MM month: ${String(report.month)}`);
    if (byMonth.has(report.month)) throw new RangeError(`Two reports for ${report.month}`);
    byMonth.set(report.month, report);
  }
  return byMonth;
}

/**
 * average net burn(m) = mean of net burn over the reported months m−w+1 … m.
 *
 * Rounding: the mean is rounded half away from zero to a whole minor unit. Every later
 * figure (runway, projected cash) is then made of integers, so the forecast a user sees
 * adds up exactly month by month; the rounding error is under one cent a month, i.e. at
 * most 60 cents over the 10-year horizon — far below anything displayed.
 */
export function averageNetBurn(reports: readonly MonthlyFigures[], month: Month, window: BurnWindow = 3): AverageNetBurn {
  if (![1, 3, 6].includes(window)) throw new RangeError(`Window must be 1, 3 or 6, got ${window}`);
  const first = addMonths(month, -(window - 1));
  const inWindow = [...indexReports(reports).values()].filter((r) => compareMonths(r.month, first) >= 0 && monthDiff(r.month, month) >= 0);
  const monthsUsed = inWindow.length;
  if (monthsUsed === 0) return { value: null, monthsUsed: 0, shortHistory: true };
  const total = sumMinorUnits(inWindow.map(netBurnOf));
  return { value: divideRounded(total, monthsUsed), monthsUsed, shortHistory: monthsUsed < window };
}
