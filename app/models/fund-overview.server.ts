import { desc, eq, sql } from "drizzle-orm";
import { orgs, reportUpdates } from "~db/schema";
import type { OrgContext } from "~/auth/context";
import { notFound } from "~/server/http.server";
import { isoDateOfDate, type IsoDate } from "~/finance";
import { parsePortfolioQuery } from "~/domain/portfolio-query";
import type { FundOverview } from "~/views/fund-overview";
import { listAlerts, openAlertCounts } from "./alert.server";
import { exportPortfolio } from "./portfolio.server";
import { pendingRequestsOf } from "./access-grant.server";
import { readInOrg } from "./org-read.server";

export type { FundOverview };

/** How many entries each overview list shows; the rest are one link away (portfolio, alerts, companies). */
export const OVERVIEW_LIST_SIZE = 5;

/**
 * The fund's home page (issue #15 item 13): what needs a partner's attention today, each list
 * cut to OVERVIEW_LIST_SIZE with its full count. A fixed number of set-based queries whatever
 * the portfolio's size: the alert sync and counts, one page of open alerts, the portfolio's
 * rows (one statement, the same one the CSV export runs), the newest shared updates, and the
 * fund's own pending requests.
 */
export async function getFundOverview(ctx: OrgContext, options: { today?: IsoDate } = {}): Promise<FundOverview> {
  if (ctx.org.kind !== "investor") notFound();
  const today = options.today ?? isoDateOfDate(new Date());
  // The counts sync alerts first, so the list below reads what the sync wrote.
  const alertCounts = await openAlertCounts(ctx, { today });
  const [openAlerts, portfolio, recent] = await Promise.all([
    listAlerts(ctx, { status: "open" }),
    exportPortfolio(ctx, parsePortfolioQuery(new URLSearchParams("sort=runway&dir=asc")), { today }),
    readRecent(ctx),
  ]);
  const late = portfolio.rows.filter((r) => r.status === "overdue" && r.owed !== null);
  const lowRunway = portfolio.rows.filter((r) => r.runwayLevel === "critical" || r.runwayLevel === "caution");
  return {
    today,
    baseCurrency: portfolio.baseCurrency,
    runwayThresholds: portfolio.runwayThresholds,
    companyCount: portfolio.rows.length,
    alerts: {
      counts: alertCounts,
      newest: openAlerts.alerts.slice(0, OVERVIEW_LIST_SIZE).map((a) => ({
        id: a.id,
        kind: a.kind,
        severity: a.severity,
        reason: a.reason,
        subjectTitle: a.subjectTitle,
        companyName: a.companyName,
        companySlug: a.companySlug,
        firstSeenAt: a.firstSeenAt.toISOString(),
      })),
    },
    lateReports: {
      total: late.length,
      // The longest overdue first: the earliest owed month.
      companies: late
        .sort((a, b) => (a.owed?.month ?? "").localeCompare(b.owed?.month ?? "") || a.name.localeCompare(b.name))
        .slice(0, OVERVIEW_LIST_SIZE)
        .map((r) => ({ slug: r.slug, name: r.name, owedMonth: r.owed?.month ?? "", dueDate: r.owed?.dueDate ?? today })),
    },
    lowRunway: {
      total: lowRunway.length,
      // Already sorted by runway, shortest first (the portfolio's own order).
      companies: lowRunway.slice(0, OVERVIEW_LIST_SIZE).map((r) => ({
        slug: r.slug,
        name: r.name,
        runwayMonths: r.runwayMonths,
        cashOutMonth: r.cashOutMonth,
        level: r.runwayLevel === "critical" ? ("critical" as const) : ("caution" as const),
      })),
    },
    recentUpdates: recent.updates,
    pendingRequests: recent.pending,
  };
}

/** The newest investor updates the fund may read, and the fund's own unanswered access requests. */
async function readRecent(ctx: OrgContext) {
  return readInOrg(ctx, async (tx) => {
    // Row-level security returns exactly the updates of companies that share "updates" with
    // this fund now (sharedWithInvestors); the join only names them.
    const updates = await tx
      .select({
        companyName: orgs.name,
        companySlug: orgs.slug,
        month: reportUpdates.month,
        highlights: reportUpdates.highlights,
        lowlights: reportUpdates.lowlights,
        asks: reportUpdates.asks,
        updatedAt: reportUpdates.updatedAt,
      })
      .from(reportUpdates)
      .innerJoin(orgs, eq(orgs.id, reportUpdates.orgId))
      .where(sql`coalesce(${reportUpdates.highlights}, ${reportUpdates.lowlights}, ${reportUpdates.asks}) is not null`)
      .orderBy(desc(reportUpdates.month), desc(reportUpdates.updatedAt), orgs.name)
      .limit(OVERVIEW_LIST_SIZE);
    const pending = await pendingRequestsOf(tx, ctx.org.id);
    return {
      updates: updates.map((u) => ({ ...u, updatedAt: u.updatedAt.toISOString() })),
      pending: pending.map((p) => ({ ...p, requestedAt: p.requestedAt.toISOString() })),
    };
  });
}
