import { asc, eq } from "drizzle-orm";
import type { Tx } from "~db/client";
import { companyMetrics, debtFacilities, monthlyReports, orgs } from "~db/schema";
import { deriveCompanyMetrics } from "~/finance";
import { debtTermsOf } from "~/domain/debt-facility";
import { isRepaymentType } from "~/domain/instruments";
import { SPEND_CATEGORIES, SPEND_CATEGORY_COLUMN, type SpendCategory } from "~/domain/spend-categories";

/**
 * Rewrites the org's row in `company_metrics` from its reports and debt facilities. Called
 * inside the same tenant transaction as every write to either (report form, CSV import,
 * facility create/update/delete, demo seed), so the derived row commits or rolls back with
 * the change that caused it and a portfolio never reads a stale figure.
 */
export async function refreshCompanyMetrics(tx: Tx, orgId: string): Promise<void> {
  const reports = await tx.select().from(monthlyReports).where(eq(monthlyReports.orgId, orgId)).orderBy(asc(monthlyReports.month));
  const [org] = await tx.select({ currency: orgs.baseCurrency }).from(orgs).where(eq(orgs.id, orgId));
  // Like the dashboard: a facility in another currency is not mixed into the forecast unconverted.
  const facilities = (await tx.select().from(debtFacilities).where(eq(debtFacilities.orgId, orgId))).filter((row) => row.currency === org?.currency);
  const metrics = deriveCompanyMetrics(
    reports.map((row) => ({
      month: row.month,
      spend: Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, row[SPEND_CATEGORY_COLUMN[c]]])) as Record<SpendCategory, number>,
      revenue: row.revenue,
      cash: row.cash,
      arr: row.arr,
      headcount: row.headcount,
    })),
    facilities
      .filter((row) => isRepaymentType(row.repaymentType))
      .map((row) => ({
        terms: debtTermsOf(row),
        minimumCash: row.minimumCash,
      })),
  );
  if (metrics === null) {
    await tx.delete(companyMetrics).where(eq(companyMetrics.orgId, orgId));
    return;
  }
  const values = {
    ...metrics,
    runwayMonths: metrics.runwayMonths === null ? null : metrics.runwayMonths.toFixed(1),
    burnMultiple: metrics.burnMultiple === null ? null : metrics.burnMultiple.toFixed(2),
    updatedAt: new Date(),
  };
  await tx
    .insert(companyMetrics)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: companyMetrics.orgId, set: values });
}
