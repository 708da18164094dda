import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { accessGrants, companyMetrics } from "~db/schema";
import { rowsOf, type Tx } from "~db/client";
import { benchmarkMetric, decimalCohortOfSorted, decimalQuartilePosition, normalizeDecimal } from "~/finance";
import type { MetricUnit } from "~/domain/metric";
import type { CompanyAccess } from "./company-access.server";
import type { OrgContext } from "~/auth/context";
import type { CompanyBenchmarks, CustomMetricBenchmark } from "~/views/benchmarks";

export type { CompanyBenchmarks, CustomMetricBenchmark };

/** Postgres arrays arrive parsed on both drivers; nulls (no values at all) become []. */
const numbers = (values: unknown): number[] => (Array.isArray(values) ? values.map(Number) : []);
const ratio = (bp: number | null) => (bp === null ? null : bp / 10_000);
const decimal = (value: string | null) => (value === null ? null : Number(value));

/**
 * Runway, net burn growth, compute share and burn multiple of one company against the
 * 25th/50th/75th percentiles of its portfolio peers: the other companies that approved
 * this investor and share their financials. Read inside the investor's read-only tenant
 * transaction the caller opened (the company view reads all its parts in one). The peers'
 * figures come from one aggregate query over company_metrics (arrays of values, no
 * identities) and leave this module only as quartiles of 5 or more. Null when the company
 * does not share its financials.
 */
export async function companyBenchmarksIn(tx: Tx, ctx: OrgContext, access: CompanyAccess): Promise<CompanyBenchmarks | null> {
  if (ctx.org.kind !== "investor" || !access.sections.includes("financials")) return null;
  const companyId = access.company.id;
  const sharingFinancials = tx
    .select({ orgId: accessGrants.orgId })
    .from(accessGrants)
    .where(and(eq(accessGrants.investorOrgId, ctx.org.id), eq(accessGrants.status, "approved"), sql`'financials' = any(${accessGrants.sections})`));
  // Three independent statements, pipelined on the transaction's connection.
  const [[own], [peers], custom] = await Promise.all([
    tx
      .select({
        month: companyMetrics.month,
        runwayMonths: companyMetrics.runwayMonths,
        netBurnGrowthBp: companyMetrics.netBurnGrowthBp,
        computeShareBp: companyMetrics.computeShareBp,
        burnMultiple: companyMetrics.burnMultiple,
      })
      .from(companyMetrics)
      .where(eq(companyMetrics.orgId, companyId)),
    tx
      .select({
        runway: sql<unknown>`array_agg(${companyMetrics.runwayMonths}::float8) filter (where ${companyMetrics.runwayMonths} is not null)`,
        notBurning: sql<number>`count(*) filter (where ${companyMetrics.runwayMonths} is null)`.mapWith(Number),
        netBurnGrowth: sql<unknown>`array_agg(${companyMetrics.netBurnGrowthBp}::float8) filter (where ${companyMetrics.netBurnGrowthBp} is not null)`,
        computeShare: sql<unknown>`array_agg(${companyMetrics.computeShareBp}) filter (where ${companyMetrics.computeShareBp} is not null)`,
        burnMultiple: sql<unknown>`array_agg(${companyMetrics.burnMultiple}::float8) filter (where ${companyMetrics.burnMultiple} is not null)`,
      })
      .from(companyMetrics)
      .where(and(ne(companyMetrics.orgId, companyId), inArray(companyMetrics.orgId, sharingFinancials))),
    customMetricCohorts(tx, ctx.org.id, access.company),
  ]);
  if (!peers) throw new Error("peer benchmarks: the aggregate returned no row");
  const runway = benchmarkMetric("runway", decimal(own?.runwayMonths ?? null), numbers(peers.runway));
  return {
    asOf: own?.month ?? null,
    metrics: [
      runway,
      benchmarkMetric(
        "net_burn_growth",
        ratio(own?.netBurnGrowthBp ?? null),
        numbers(peers.netBurnGrowth).map((bp) => bp / 10_000),
      ),
      benchmarkMetric(
        "compute_share",
        ratio(own?.computeShareBp ?? null),
        numbers(peers.computeShare).map((bp) => bp / 10_000),
      ),
      benchmarkMetric("burn_multiple", decimal(own?.burnMultiple ?? null), numbers(peers.burnMultiple)),
    ],
    companyNotBurning: own !== undefined && own.runwayMonths === null,
    notBurningPeers: runway.peers ? peers.notBurning : null,
    customMetrics: custom,
  };
}

interface CustomCohortRow {
  key: string;
  name_en: string;
  name_zh: string;
  unit: MetricUnit;
  month: string;
  value: string;
  peers: string[] | null;
}

/**
 * Each custom metric of the company, at its latest month with a value, against the same month
 * of every peer that shares financials and defines the same key in the same unit (money only
 * in the same currency: decision 024 keeps currency metrics in the org's base currency). One
 * statement for all metrics: the peers' values leave the database as an array of decimal
 * strings per key (no identities) and this module only as quartiles of 5 or more. The array
 * comes sorted by value (numeric, exact), so only the values the quartiles fall on are parsed.
 */
async function customMetricCohorts(tx: Tx, fundId: string, company: CompanyAccess["company"]): Promise<CustomMetricBenchmark[]> {
  const rows = rowsOf<CustomCohortRow>(
    await tx.execute(sql`
      select od.key, od.name_en, od.name_zh, od.unit, od.latest_month as month, od.latest_value::text as value,
             array_agg(pv.value::text order by pv.value) filter (where pv.value is not null) as peers
        from metric_definitions od
        left join metric_definitions pd
          on pd.key = od.key and pd.unit = od.unit and pd.org_id <> od.org_id
         and pd.org_id in (
           select g.org_id from access_grants g
            where g.investor_org_id = ${fundId} and g.status = 'approved' and 'financials' = any(g.sections))
         and (od.unit <> 'currency' or exists (select 1 from orgs po where po.id = pd.org_id and po.base_currency = ${company.baseCurrency}))
        -- Each definition carries its latest month and value (kept by a trigger, decision 031):
        -- a peer whose latest month is the company's gives its value without touching
        -- metric_values; only a peer that has reported a later month needs its history probed
        -- (by index, the month's one row), and one whose latest is earlier has no value then.
        cross join lateral (
          select case
                   when pd.latest_month = od.latest_month then pd.latest_value
                   when pd.latest_month > od.latest_month then (
                     select v.value from metric_values v
                      where v.org_id = pd.org_id and v.metric_id = pd.id and v.month = od.latest_month)
                 end as value
        ) pv
       where od.org_id = ${company.id} and od.latest_month is not null
       group by od.id, od.key, od.name_en, od.name_zh, od.unit, od.latest_month, od.latest_value
       order by od.name_en, od.key`),
  );
  return rows.map((row) => {
    const value = normalizeDecimal(row.value);
    const cohort = decimalCohortOfSorted(row.peers ?? []);
    return {
      key: row.key,
      nameEn: row.name_en,
      nameZh: row.name_zh,
      unit: row.unit,
      month: row.month,
      value,
      peers: cohort,
      position: cohort ? decimalQuartilePosition(value, cohort) : null,
    };
  });
}
