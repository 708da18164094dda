import { count, desc, eq } from "drizzle-orm";
import { oneRow, type Tx } from "~db/client";
import { reportUpdates } from "~db/schema";
import type { CompanyAccess } from "./company-access.server";
import type { OrgContext } from "~/auth/context";
import type { ReportUpdatePage, ReportUpdateView } from "~/views/report-updates";

export type { ReportUpdatePage, ReportUpdateView };

export const UPDATES_PAGE_SIZE = 6;

/**
 * A portfolio company's investor updates (highlights, lowlights, asks), newest month first,
 * paged, inside the investor's read-only tenant transaction the caller opened (the company view
 * reads all its parts in one). Filtered to this company: row-level security alone would return
 * the updates of every company sharing them. Null when the grant does not share updates, so a
 * caller cannot show them by mistake.
 */
export async function companyUpdatesForInvestorIn(
  tx: Tx,
  ctx: OrgContext,
  access: CompanyAccess,
  options: { page?: number } = {},
): Promise<ReportUpdatePage | null> {
  if (ctx.org.kind !== "investor" || !access.sections.includes("updates")) return null;
  const companyId = access.company.id;
  const { total } = oneRow(await tx.select({ total: count() }).from(reportUpdates).where(eq(reportUpdates.orgId, companyId)), "report updates count");
  const pageCount = Math.max(1, Math.ceil(total / UPDATES_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), pageCount);
  const updates = await tx
    .select({ month: reportUpdates.month, highlights: reportUpdates.highlights, lowlights: reportUpdates.lowlights, asks: reportUpdates.asks })
    .from(reportUpdates)
    .where(eq(reportUpdates.orgId, companyId))
    .orderBy(desc(reportUpdates.month))
    .limit(UPDATES_PAGE_SIZE)
    .offset((page - 1) * UPDATES_PAGE_SIZE);
  return { updates, page, pageCount, total };
}
