import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStartup } from "~/auth/tenant.server";
import { isoDateOfDate } from "~/finance";
import { csvResponse } from "~/server/csv.server";
import { basisPointsToPercentString } from "~/domain/instruments";
import { listDebtFacilities, type DebtFacilitySummary } from "~/models/debt-facility.server";
import { amountColumns, majorUnits, storedColumns } from "~/server/csv-columns.server";

/** Every debt facility as CSV: keys as stored, amounts in major units, the rate in percent. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const today = isoDateOfDate(new Date());
  const facilities = await listDebtFacilities(ctx, { today });
  return csvResponse<DebtFacilitySummary>(`${ctx.org.slug}-debt-facilities.csv`, facilities, [
    ...storedColumns<DebtFacilitySummary>("id", "lender", "kind"),
    ...amountColumns<DebtFacilitySummary>("principal"),
    ...storedColumns<DebtFacilitySummary>("currency"),
    { header: "annual_rate_percent", value: (f) => basisPointsToPercentString(f.annualRateBp) },
    ...storedColumns<DebtFacilitySummary>("drawDate", "termMonths", "repaymentType", "interestOnlyMonths"),
    ...amountColumns<DebtFacilitySummary>("minimumCash"),
    ...storedColumns<DebtFacilitySummary>("reportingDeadlineDay", "maturityMonth"),
    { header: `outstanding_${today.slice(0, 7)}`, value: (f) => majorUnits(f.outstandingNow) },
    { header: "minimum_cash_checked_month", value: (f) => f.minimumCashCheck?.month ?? null },
    { header: "minimum_cash_breach", value: (f) => (f.minimumCashCheck ? String(f.minimumCashCheck.breach) : null) },
    { header: "last_report_month", value: (f) => f.lastReporting?.month ?? null },
    { header: "last_report_status", value: (f) => f.lastReporting?.status ?? null },
    { header: "last_report_in_on", value: (f) => f.lastReporting?.submittedOn ?? null },
  ]);
}
