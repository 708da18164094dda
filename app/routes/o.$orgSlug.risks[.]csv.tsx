import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrgContext } from "~/auth/tenant.server";
import { csvResponse } from "~/server/csv.server";
import { translator } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { isRiskCategory, RISK_BAND_KEYS, RISK_CATEGORY_KEYS, RISK_STATUS_KEYS } from "~/domain/risk-labels";
import { exportRisks, parseRiskListQuery, type RiskView } from "~/models/risk.server";

/**
 * The register as CSV, with the same filters and sort as the page but every page of it.
 * Headers and key columns (category, status) are a file format and stay as they are; the
 * label columns are for people and come in the request's language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  const t = translator(getLocale(request));
  const { page: _page, ...query } = parseRiskListQuery(new URL(request.url).searchParams);
  const rows = await exportRisks(ctx, query);
  const today = new Date().toISOString().slice(0, 10);
  return csvResponse<RiskView>(`risks-${ctx.org.slug}-${today}.csv`, rows, [
    { header: "id", value: (r) => r.id },
    { header: "title", value: (r) => r.title },
    { header: "category", value: (r) => r.category },
    { header: "category_label", value: (r) => (isRiskCategory(r.category) ? t(RISK_CATEGORY_KEYS[r.category]) : r.category) },
    { header: "likelihood", value: (r) => r.likelihood },
    { header: "impact", value: (r) => r.impact },
    { header: "score", value: (r) => r.score },
    { header: "band", value: (r) => t(RISK_BAND_KEYS[r.band]) },
    { header: "owner", value: (r) => r.owner },
    { header: "status", value: (r) => r.status },
    { header: "status_label", value: (r) => t(RISK_STATUS_KEYS[r.status]) },
    { header: "next_review_date", value: (r) => r.nextReviewDate },
    { header: "review_overdue", value: (r) => (r.reviewOverdue ? "yes" : "no") },
    { header: "mitigation", value: (r) => r.mitigation },
    { header: "created_at", value: (r) => r.createdAt.toISOString() },
    { header: "updated_at", value: (r) => r.updatedAt.toISOString() },
    { header: "version", value: (r) => r.version },
  ]);
}
