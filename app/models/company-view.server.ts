/**
 * A portfolio company as its investor views it, in ONE read-only tenant transaction: the access
 * check (the approved grant and its sections), then the dashboard, the updates, the benchmarks and
 * the custom metrics, each from its own model, side by side. On PostgreSQL the parts' statements
 * travel pipelined on the transaction's connection, so the page costs one begin, one tenant
 * setting and one commit instead of five of each (decision 034), and every part reads one moment.
 */
import type { BurnWindow } from "~/finance";
import type { OrgContext } from "~/auth/context";
import { companyAccessIn } from "./company-access.server";
import { companyBenchmarksIn } from "./benchmark.server";
import { companyDashboardForInvestorIn } from "./dashboard.server";
import { companyMetricsForInvestorIn } from "./metric.server";
import { readInOrg } from "./org-read.server";
import { companyUpdatesForInvestorIn } from "./report-update.server";

/** Null without an approved grant (no such company, a pending or revoked grant): the caller answers 404. */
export async function getCompanyViewForInvestor(ctx: OrgContext, companySlug: string, options: { window: BurnWindow; updatesPage: number }) {
  return readInOrg(ctx, async (tx) => {
    const access = await companyAccessIn(tx, ctx, companySlug);
    if (!access) return null;
    const [dashboard, updates, benchmarks, metrics] = await Promise.all([
      companyDashboardForInvestorIn(tx, ctx, access, { window: options.window }),
      companyUpdatesForInvestorIn(tx, ctx, access, { page: options.updatesPage }),
      companyBenchmarksIn(tx, ctx, access),
      // Custom metrics go with the financials section (decision 024): none without it.
      companyMetricsForInvestorIn(tx, ctx, access),
    ]);
    return { access, dashboard, updates, benchmarks, metrics };
  });
}
