import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrgContext } from "~/auth/tenant.server";
import { csvResponse } from "~/lib/csv.server";
import { RISK_BAND_LABELS, RISK_CATEGORY_LABELS, RISK_STATUS_LABELS } from "~/lib/risk-labels";
import { exportRisks, parseRiskListQuery, type RiskView } from "~/models/risk.server";

/** The register as CSV, with the same filters and sort as the page but every page of it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  const { page: _page, ...query } = parseRiskListQuery(new URL(request.url).searchParams);
  const rows = await exportRisks(ctx, query);
  const today = new Date().toISOString().slice(0, 10);
  return csvResponse<RiskView>(`risks-${ctx.org.slug}-${today}.csv`, rows, [
    { header: "id", value: (r) => r.id },
    { header: "title", value: (r) => r.title },
    { header: "category", value: (r) => r.category },
    { header: "category_label", value: (r) => RISK_CATEGORY_LABELS[r.category] ?? r.category },
    { header: "likelihood", value: (r) => r.likelihood },
    { header: "impact", value: (r) => r.impact },
    { header: "score", value: (r) => r.score },
    { header: "band", value: (r) => RISK_BAND_LABELS[r.band] },
    { header: "owner", value: (r) => r.owner },
    { header: "status", value: (r) => r.status },
    { header: "status_label", value: (r) => RISK_STATUS_LABELS[r.status] },
    { header: "next_review_date", value: (r) => r.nextReviewDate },
    { header: "review_overdue", value: (r) => (r.reviewOverdue ? "yes" : "no") },
    { header: "mitigation", value: (r) => r.mitigation },
    { header: "created_at", value: (r) => r.createdAt.toISOString() },
    { header: "updated_at", value: (r) => r.updatedAt.toISOString() },
    { header: "version", value: (r) => r.version },
  ]);
}
