import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { accessGrants, companyMetrics } from "~db/schema";
import { withTenant } from "~db/tenant";
import { benchmarkMetric } from "~/finance";
import type { CompanyAccess } from "./company-access.server";
import type { OrgContext } from "~/auth/context";
import type { CompanyBenchmarks } from "~/views/benchmarks";

export type { CompanyBenchmarks };

/** Postgres arrays arrive parsed on both drivers; nulls (no values at all) become []. */
const numbers = (values: unknown): number[] => (Array.isArray(values) ? values.map(Number) : []);
const ratio = (bp: number | null) => (bp === null ? null : bp / 10_000);
const decimal = (value: string | null) => (value === null ? null : Number(value));

/**
 * Runway, net burn growth, compute share and burn multiple of one company against the
 * 25th/50th/75th percentiles of its portfolio peers: the other companies that approved
 * this investor and share their financials. The peers' figures come from one aggregate
 * query over company_metrics (arrays of values, no identities) and leave this module only
 * as quartiles of 5 or more. Null when the company does not share its financials.
 */
export async function getCompanyBenchmarks(ctx: OrgContext, access: CompanyAccess): Promise<CompanyBenchmarks | null> {
  if (ctx.org.kind !== "investor" || !access.sections.includes("financials")) return null;
  const companyId = access.company.id;
  const { own, peers } = await withTenant(
    ctx.db,
    ctx.org.id,
    async (tx) => {
      const [own] = await tx
        .select({
          month: companyMetrics.month,
          runwayMonths: companyMetrics.runwayMonths,
          netBurnGrowthBp: companyMetrics.netBurnGrowthBp,
          computeShareBp: companyMetrics.computeShareBp,
          burnMultiple: companyMetrics.burnMultiple,
        })
        .from(companyMetrics)
        .where(eq(companyMetrics.orgId, companyId));
      const sharingFinancials = tx
        .select({ orgId: accessGrants.orgId })
        .from(accessGrants)
        .where(and(eq(accessGrants.investorOrgId, ctx.org.id), eq(accessGrants.status, "approved"), sql`'financials' = any(${accessGrants.sections})`));
      const [peers] = await tx
        .select({
          runway: sql<unknown>`array_agg(${companyMetrics.runwayMonths}::float8) filter (where ${companyMetrics.runwayMonths} is not null)`,
          notBurning: sql<number>`count(*) filter (where ${companyMetrics.runwayMonths} is null)`.mapWith(Number),
          netBurnGrowth: sql<unknown>`array_agg(${companyMetrics.netBurnGrowthBp}) filter (where ${companyMetrics.netBurnGrowthBp} is not null)`,
          computeShare: sql<unknown>`array_agg(${companyMetrics.computeShareBp}) filter (where ${companyMetrics.computeShareBp} is not null)`,
          burnMultiple: sql<unknown>`array_agg(${companyMetrics.burnMultiple}::float8) filter (where ${companyMetrics.burnMultiple} is not null)`,
        })
        .from(companyMetrics)
        .where(and(ne(companyMetrics.orgId, companyId), inArray(companyMetrics.orgId, sharingFinancials)));
      return { own: own ?? null, peers: peers! };
    },
    { readOnly: true },
  );
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
    companyNotBurning: own !== null && own.runwayMonths === null,
    notBurningPeers: runway.peers ? peers.notBurning : null,
  };
}
