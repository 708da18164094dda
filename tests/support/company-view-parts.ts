import type { OrgContext } from "../../app/auth/context";
import type { CompanyAccess } from "../../app/models/company-access.server";
import { companyBenchmarksIn } from "../../app/models/benchmark.server";
import { companyDashboardForInvestorIn, type DashboardOptions } from "../../app/models/dashboard.server";
import { companyMetricsForInvestorIn } from "../../app/models/metric.server";
import { readInOrg } from "../../app/models/org-read.server";
import { companyUpdatesForInvestorIn } from "../../app/models/report-update.server";

/**
 * Each part of an investor's company view read alone, in the investor's own read-only tenant
 * transaction, with whatever access object the test hands it. The page reads them together
 * behind its grant check (getCompanyViewForInvestor); tests read them alone to check one part,
 * and to prove with a forged access object that row-level security is the second lock.
 */
export const readAlone = {
  dashboard: (ctx: OrgContext, access: CompanyAccess, options: DashboardOptions = {}) =>
    readInOrg(ctx, (tx) => companyDashboardForInvestorIn(tx, ctx, access, options)),
  updates: (ctx: OrgContext, access: CompanyAccess, options: { page?: number } = {}) =>
    readInOrg(ctx, (tx) => companyUpdatesForInvestorIn(tx, ctx, access, options)),
  benchmarks: (ctx: OrgContext, access: CompanyAccess) => readInOrg(ctx, (tx) => companyBenchmarksIn(tx, ctx, access)),
  metrics: (ctx: OrgContext, access: CompanyAccess) => readInOrg(ctx, (tx) => companyMetricsForInvestorIn(tx, ctx, access)),
};
