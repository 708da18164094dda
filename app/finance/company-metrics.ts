import { averageNetBurn, netBurnOf } from "./burn";
import { covenantStatus } from "./covenants";
import { debtServiceByMonth, type DebtTerms } from "./debt";
import type { MonthlyFigures } from "./burn";
import { burnMultipleFromReports, computeShare } from "./metrics";
import { addMonths, compareMonths } from "./month";
import { runwayForDisplay } from "./runway";
import { companySnapshot } from "./snapshot";

/** A facility as the headline figures need it: its schedule terms and its minimum-cash covenant. */
export interface FacilityForMetrics {
  readonly terms: DebtTerms;
  readonly minimumCash: number | null;
}

/**
 * How many months of net burn a company's metrics row keeps (up to and including its latest
 * month): the portfolio's aggregate net burn chart reads them instead of every report.
 */
export const NET_BURN_HISTORY_MONTHS = 24;

/** One company's headline figures at its latest month — the row a portfolio reads. */
export interface CompanyMetrics {
  readonly month: string;
  readonly cash: number;
  readonly revenue: number;
  readonly grossBurn: number;
  readonly netBurn: number;
  readonly averageNetBurn: number;
  readonly shortHistory: boolean;
  /** Rounded down to 0.1 month; null = not burning. */
  readonly runwayMonths: number | null;
  /** null = beyond 10 years. */
  readonly cashOutMonth: string | null;
  readonly defaultAlive: "profitable" | "cash_out" | "undecided";
  readonly defaultAliveMonth: string | null;
  /** The verdict stands on an assumed g = 0 (not enough revenue history): "dead" means dead if revenue stays flat. */
  readonly verdictAssumesGrowth: boolean;
  /** compute / gross burn in basis points; null when nothing was spent. */
  readonly computeShareBp: number | null;
  readonly burnMultiple: number | null;
  /** (avg net burn(m) − avg net burn(m−3)) / avg net burn(m−3), basis points; null unless the earlier average burned. */
  readonly netBurnGrowthBp: number | null;
  readonly arr: number | null;
  readonly headcount: number;
  /** Worst covenant status over facilities with a minimum cash; null without such covenants. */
  readonly covenant: "ok" | "breach" | "projected_breach" | null;
  readonly reportCount: number;
  /** The first month reported: from it on a report is owed every month (the portfolio's coverage chart). */
  readonly firstMonth: string;
  /**
   * Net burn (spend − revenue) of the last NET_BURN_HISTORY_MONTHS months, oldest first, the
   * last element being `month`'s; null for a month without a report. Fixed length, aligned
   * to `month`, so a portfolio can sum element i over companies without unnesting.
   */
  readonly recentNetBurn: (number | null)[];
}

const COVENANT_RANK = { ok: 0, projected_breach: 1, breach: 2 } as const;

/**
 * The figures the investor's portfolio, alerts and benchmarks read, at the latest reported
 * month with the default window of 3 — the same functions as the company dashboard, so
 * the two never disagree. Null when there is no report yet.
 */
export function deriveCompanyMetrics(
  reports: readonly (MonthlyFigures & { readonly headcount: number })[],
  facilities: readonly FacilityForMetrics[],
): CompanyMetrics | null {
  const latest = reports.at(-1);
  if (!latest) return null;
  const service = debtServiceByMonth(facilities.map((f) => f.terms));
  const snapshot = companySnapshot(reports, latest.month, { window: 3, debtService: service });
  if (snapshot === null) return null;
  const share = computeShare(latest.spend);
  const multiple = burnMultipleFromReports(reports, latest.month);
  const earlier = averageNetBurn(reports, addMonths(latest.month, -3), 3);
  const growth =
    earlier.value !== null && earlier.value > 0 && earlier.monthsUsed === 3
      ? Math.round(((snapshot.averageNetBurn - earlier.value) / earlier.value) * 10_000)
      : null;
  let covenant: CompanyMetrics["covenant"] = null;
  for (const facility of facilities) {
    if (facility.minimumCash === null) continue;
    const status = covenantStatus(snapshot.cash, facility.minimumCash, snapshot.cashOut.series).kind;
    if (covenant === null || COVENANT_RANK[status] > COVENANT_RANK[covenant]) covenant = status;
  }
  return {
    month: latest.month,
    cash: snapshot.cash,
    revenue: latest.revenue,
    grossBurn: snapshot.grossBurn,
    netBurn: snapshot.netBurn,
    averageNetBurn: snapshot.averageNetBurn,
    shortHistory: snapshot.shortHistory,
    runwayMonths: runwayForDisplay(snapshot.runway),
    cashOutMonth: snapshot.cashOut.cashOutMonth === "beyond_10_years" ? null : snapshot.cashOut.cashOutMonth,
    defaultAlive: snapshot.defaultAlive.outcome,
    defaultAliveMonth: snapshot.defaultAlive.month,
    verdictAssumesGrowth: snapshot.defaultAlive.verdictAssumesGrowth,
    computeShareBp: share === null ? null : Math.round(share * 10_000),
    burnMultiple: multiple.kind === "value" ? Math.round(multiple.value * 100) / 100 : null,
    netBurnGrowthBp: growth,
    arr: latest.arr ?? null,
    headcount: latest.headcount,
    covenant,
    reportCount: reports.length,
    firstMonth: reports.reduce((first, r) => (compareMonths(r.month, first) < 0 ? r.month : first), latest.month),
    recentNetBurn: recentNetBurn(reports, latest.month),
  };
}

/** Net burn of each month from (latest − 23) to latest, null where nothing was reported. */
function recentNetBurn(reports: readonly MonthlyFigures[], latest: string): (number | null)[] {
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  return Array.from({ length: NET_BURN_HISTORY_MONTHS }, (_, i) => {
    const report = byMonth.get(addMonths(latest, i + 1 - NET_BURN_HISTORY_MONTHS));
    return report ? netBurnOf(report) : null;
  });
}
