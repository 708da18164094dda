/**
 * A portfolio company as its investor views it: the dashboard, the updates, the benchmarks and
 * the custom metrics, each from its own model, read in ONE read-only tenant transaction. The
 * parts run side by side; on PostgreSQL their statements travel pipelined on the transaction's
 * connection, so the page costs one begin, one tenant setting and one commit instead of four of
 * each (decision 034), and every part reads the same moment.
 */
import type { BurnWindow } from "~/finance";
import type { OrgContext } from "~/auth/context";
import type { CompanyAccess } from "./company-access.server";
import { companyBenchmarksIn } from "./benchmark.server";
import { companyDashboardForInvestorIn } from "./dashboard.server";
import { companyMetricsForInvestorIn } from "./metric.server";
import { readInOrg } from "./org-read.server";
import { companyUpdatesForInvestorIn } from "./report-update.server";

export async function getCompanyViewForInvestor(ctx: OrgContext, access: CompanyAccess, options: { window: BurnWindow; updatesPage: number }) {
  return readInOrg(ctx, async (tx) => {
    const [dashboard, updates, benchmarks, metrics] = await Promise.all([
      companyDashboardForInvestorIn(tx, ctx, access, { window: options.window }),
      companyUpdatesForInvestorIn(tx, ctx, access, { page: options.updatesPage }),
      companyBenchmarksIn(tx, ctx, access),
      // Custom metrics go with the financials section (decision 024): none without it.
      companyMetricsForInvestorIn(tx, ctx, access),
    ]);
    return { dashboard, updates, benchmarks, metrics };
  });
}
