import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStartup } from "~/auth/tenant.server";
import { isoDateOfDate } from "~/finance";
import { csvResponse } from "~/server/csv.server";
import { basisPointsToPercentString } from "~/domain/instruments";
import { minorToMajorString } from "~/domain/money-fields";
import { listDebtFacilities, type DebtFacilitySummary } from "~/models/debt-facility.server";

/** Every debt facility as CSV: keys as stored, amounts in major units, the rate in percent. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const today = isoDateOfDate(new Date());
  const facilities = await listDebtFacilities(ctx, { today });
  const money = (minor: number | null) => (minor === null ? null : minorToMajorString(minor));
  return csvResponse<DebtFacilitySummary>(`${ctx.org.slug}-debt-facilities.csv`, facilities, [
    { header: "id", value: (f) => f.id },
    { header: "lender", value: (f) => f.lender },
    { header: "kind", value: (f) => f.kind },
    { header: "principal", value: (f) => money(f.principal) },
    { header: "currency", value: (f) => f.currency },
    { header: "annual_rate_percent", value: (f) => basisPointsToPercentString(f.annualRateBp) },
    { header: "draw_date", value: (f) => f.drawDate },
    { header: "term_months", value: (f) => f.termMonths },
    { header: "repayment_type", value: (f) => f.repaymentType },
    { header: "interest_only_months", value: (f) => f.interestOnlyMonths },
    { header: "minimum_cash", value: (f) => money(f.minimumCash) },
    { header: "reporting_deadline_day", value: (f) => f.reportingDeadlineDay },
    { header: "maturity_month", value: (f) => f.maturityMonth },
    { header: `outstanding_${today.slice(0, 7)}`, value: (f) => money(f.outstandingNow) },
    { header: "minimum_cash_checked_month", value: (f) => f.minimumCashCheck?.month ?? null },
    { header: "minimum_cash_breach", value: (f) => (f.minimumCashCheck ? String(f.minimumCashCheck.breach) : null) },
    { header: "last_report_month", value: (f) => f.lastReporting?.month ?? null },
    { header: "last_report_status", value: (f) => f.lastReporting?.status ?? null },
    { header: "last_report_in_on", value: (f) => f.lastReporting?.submittedOn ?? null },
  ]);
}
