/**
 * Folding the portfolio's grouped SQL rows into what the charts and the rates table show.
 * Pure and exact: the sums are of integers already converted (and rounded) per company by
 * the SQL; a group whose rate is missing is never added — its month is flagged instead.
 */
import { compareMonths } from "~/finance/month";

export type RateUseKind = "table" | "netBurn" | "raised";

/** One FX rate the page used (or needed and did not have: rate null). */
export interface RateUse {
  currency: string;
  month: string;
  rate: string | null;
  usedFor: RateUseKind[];
}

export interface NetBurnGroup {
  month: string;
  currency: string;
  /** "1" for the investor's own currency; null when the investor has no rate. */
  rate: string | null;
  companies: number;
  /** Converted sum of the group; null when the rate is missing. */
  netBurn: number | null;
}

export interface NetBurnPoint {
  month: string;
  /**
   * Sum over every company owed a report, in the investor's currency; null when the month is
   * incomplete (a company owed a report has not sent it, or a rate is missing) or nobody reported.
   */
  netBurn: number | null;
  /** What could be summed: the reporting companies whose rate is known (equals netBurn when complete). */
  convertedPart: number;
  /** Companies that reported this month. */
  companies: number;
  /** Companies owed a report this month: sharing financials, first report in or before this month. */
  expectedCompanies: number;
  /** Reporting companies whose currency has no rate this month. */
  missingCompanies: number;
  missingCurrencies: string[];
  /** Every company owed a report reported, and every rate is known. */
  complete: boolean;
}

/** How many companies sharing financials sent their first report in `month`. */
export interface FirstMonthGroup {
  month: string;
  companies: number;
}

/**
 * One point per month of `months`, in order, with its coverage: a month is complete when every
 * company owed a report (its first report in or before the month) reported and every rate is
 * known — only then is its sum a total. Leading months before any company's first report are
 * dropped; months nobody reported later on stay, with 0 companies.
 */
export function foldNetBurn(months: readonly string[], groups: readonly NetBurnGroup[], firstMonths: readonly FirstMonthGroup[]): NetBurnPoint[] {
  const expectedIn = (month: string) => firstMonths.reduce((sum, f) => (compareMonths(f.month, month) <= 0 ? sum + f.companies : sum), 0);
  const byMonth = new Map<string, NetBurnPoint>(
    months.map((month) => [
      month,
      {
        month,
        netBurn: null,
        convertedPart: 0,
        companies: 0,
        expectedCompanies: expectedIn(month),
        missingCompanies: 0,
        missingCurrencies: [],
        complete: false,
      },
    ]),
  );
  for (const g of groups) {
    const point = byMonth.get(g.month);
    if (!point) continue;
    point.companies += g.companies;
    if (g.rate === null || g.netBurn === null) {
      point.missingCompanies += g.companies;
      if (!point.missingCurrencies.includes(g.currency)) point.missingCurrencies.push(g.currency);
    } else {
      point.convertedPart += g.netBurn;
    }
  }
  const points = [...byMonth.values()];
  for (const point of points) {
    point.missingCurrencies.sort();
    // A company reporting in a month is always owed it; the max guards a first month read apart from the sums.
    point.expectedCompanies = Math.max(point.expectedCompanies, point.companies);
    point.complete = point.companies > 0 && point.missingCompanies === 0 && point.companies === point.expectedCompanies;
    point.netBurn = point.complete ? point.convertedPart : null;
  }
  const first = points.findIndex((p) => p.expectedCompanies > 0);
  return first === -1 ? [] : points.slice(first);
}

/** The months whose sum leaves out a company that owed a report (reports missing), oldest first. */
export function incompleteMonths(points: readonly NetBurnPoint[]): NetBurnPoint[] {
  return points.filter((p) => p.companies < p.expectedCompanies);
}

export interface RaisedGroup {
  instrument: string;
  currency: string;
  /** Close month; null for rounds in the investor's own currency (no rate needed). */
  month: string | null;
  rate: string | null;
  rounds: number;
  amount: number | null;
}

export interface RaisedByInstrument {
  rows: { instrument: string; amount: number; rounds: number; missingRounds: number }[];
  total: number;
  rounds: number;
  missingRounds: number;
}

/** Capital raised per instrument: converted rounds summed, rounds without a rate counted apart. */
export function foldRaised(groups: readonly RaisedGroup[]): RaisedByInstrument {
  const byInstrument = new Map<string, RaisedByInstrument["rows"][number]>();
  for (const g of groups) {
    const row = byInstrument.get(g.instrument) ?? { instrument: g.instrument, amount: 0, rounds: 0, missingRounds: 0 };
    row.rounds += g.rounds;
    if (g.rate === null || g.amount === null) row.missingRounds += g.rounds;
    else row.amount += g.amount;
    byInstrument.set(g.instrument, row);
  }
  const rows = [...byInstrument.values()].sort((a, b) => b.amount - a.amount || a.instrument.localeCompare(b.instrument));
  return {
    rows,
    total: rows.reduce((sum, r) => sum + r.amount, 0),
    rounds: rows.reduce((sum, r) => sum + r.rounds, 0),
    missingRounds: rows.reduce((sum, r) => sum + r.missingRounds, 0),
  };
}

/** Every foreign-currency rate the page used or missed, once per (currency, month), with what used it. */
export function mergeRateUses(
  baseCurrency: string,
  uses: readonly { kind: RateUseKind; currency: string; month: string | null; rate: string | null }[],
): RateUse[] {
  const merged = new Map<string, RateUse>();
  for (const use of uses) {
    if (use.currency === baseCurrency || use.month === null) continue;
    const key = `${use.currency} ${use.month}`;
    const entry = merged.get(key) ?? { currency: use.currency, month: use.month, rate: use.rate, usedFor: [] };
    if (!entry.usedFor.includes(use.kind)) entry.usedFor.push(use.kind);
    merged.set(key, entry);
  }
  return [...merged.values()].sort((a, b) => a.currency.localeCompare(b.currency) || compareMonths(a.month, b.month));
}

export interface MissingRateMonths {
  currency: string;
  /** Oldest first, each once. */
  months: string[];
}

/**
 * The months each currency lacks a rate for, among the rates the portfolio needed (`uses`,
 * as the portfolio page lists them: rate null = missing), months still running left out: a
 * month's rate is the month's, known once the month is over. Currencies sorted.
 */
export function missingRateMonths(uses: readonly { currency: string; month: string | null; rate: string | null }[], currentMonth: string): MissingRateMonths[] {
  const byCurrency = new Map<string, Set<string>>();
  for (const use of uses) {
    if (use.rate !== null || use.month === null || compareMonths(use.month, currentMonth) >= 0) continue;
    const months = byCurrency.get(use.currency) ?? new Set<string>();
    months.add(use.month);
    byCurrency.set(use.currency, months);
  }
  return [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, months]) => ({ currency, months: [...months].sort(compareMonths) }));
}
