/**
 * What companies have in for requested months (decision 026): their own monthly reports and
 * metric values, read in whatever transaction the caller holds — the company's own, the fund's
 * (row-level security then shows only companies that share financials with it: after a revoke,
 * nothing) or the reminder job's system step (which names companies explicitly). Status is
 * computed from these rows every time, never stored.
 */
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Tx } from "~db/client";
import { dataRequests, metricDefinitions, metricValues, monthlyReports, type RequestAsks } from "~db/schema";
import { type Answers, requestProgress, type RequestProgress } from "~/domain/data-request";

/** The columns of a request its progress needs (RequestRow), for every select that computes one. */
export const REQUEST_COLUMNS = {
  id: dataRequests.id,
  orgId: dataRequests.orgId,
  companyOrgId: dataRequests.companyOrgId,
  monthFrom: dataRequests.monthFrom,
  monthTo: dataRequests.monthTo,
  dueOn: dataRequests.dueOn,
  asks: dataRequests.asks,
};

export interface RequestRow {
  id: string;
  orgId: string;
  companyOrgId: string;
  monthFrom: string;
  monthTo: string;
  dueOn: string;
  asks: RequestAsks;
}

/** The answers of each of `companyIds` for months `from`..`to`, keyed by company. */
export async function readAnswers(tx: Tx, companyIds: readonly string[], from: string, to: string, keys: readonly string[]): Promise<Map<string, Answers>> {
  const result = new Map<string, { reports: Map<string, { at: Date; arr: boolean }>; metrics: Map<string, Date> }>();
  const of = (id: string) => {
    let entry = result.get(id);
    if (!entry) {
      entry = { reports: new Map(), metrics: new Map() };
      result.set(id, entry);
    }
    return entry;
  };
  if (companyIds.length === 0) return result;
  const ids = [...companyIds];
  const reports = await tx
    .select({ orgId: monthlyReports.orgId, month: monthlyReports.month, at: monthlyReports.createdAt, arr: sql<boolean>`${monthlyReports.arr} is not null` })
    .from(monthlyReports)
    .where(and(inArray(monthlyReports.orgId, ids), gte(monthlyReports.month, from), lte(monthlyReports.month, to)));
  for (const r of reports) of(r.orgId).reports.set(r.month, { at: new Date(r.at), arr: r.arr });
  if (keys.length > 0) {
    const values = await tx
      .select({ orgId: metricValues.orgId, key: metricDefinitions.key, month: metricValues.month, at: metricValues.createdAt })
      .from(metricValues)
      .innerJoin(metricDefinitions, and(eq(metricDefinitions.orgId, metricValues.orgId), eq(metricDefinitions.id, metricValues.metricId)))
      .where(and(inArray(metricValues.orgId, ids), gte(metricValues.month, from), lte(metricValues.month, to), inArray(metricDefinitions.key, [...keys])));
    for (const v of values) of(v.orgId).metrics.set(`${v.key}@${v.month}`, new Date(v.at));
  }
  return result;
}

const EMPTY: Answers = { reports: new Map(), metrics: new Map() };

/** Each request's progress on `now`, reading every company's answers in two statements. */
export async function progressOf<R extends RequestRow>(tx: Tx, requests: readonly R[], now: Date): Promise<(R & { progress: RequestProgress })[]> {
  if (requests.length === 0) return [];
  const months = requests.flatMap((r) => [r.monthFrom, r.monthTo]).sort();
  const from = months[0]!;
  const to = months.at(-1)!;
  const keys = [...new Set(requests.flatMap((r) => r.asks.metrics.map((m) => m.key)))];
  const answers = await readAnswers(tx, [...new Set(requests.map((r) => r.companyOrgId))], from, to, keys);
  return requests.map((r) => ({ ...r, progress: requestProgress(r, answers.get(r.companyOrgId) ?? EMPTY, now) }));
}
