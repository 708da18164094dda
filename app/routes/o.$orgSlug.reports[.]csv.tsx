import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStartup } from "~/auth/tenant.server";
import { csvResponse, type CsvColumn } from "~/server/csv.server";
import { minorToMajorString } from "~/domain/money-fields";
import { SPEND_CATEGORIES } from "~/domain/spend-categories";
import { listMonthlyReportRows, type MonthlyReportRow } from "~/models/monthly-report.server";

/** Exactly the import header, so an export can be edited and imported back. */
const COLUMNS: CsvColumn<MonthlyReportRow>[] = [
  { header: "month", value: (r) => r.month },
  { header: "cash", value: (r) => minorToMajorString(r.cash) },
  { header: "revenue", value: (r) => minorToMajorString(r.revenue) },
  ...SPEND_CATEGORIES.map((c): CsvColumn<MonthlyReportRow> => ({ header: c, value: (r) => minorToMajorString(r[c]) })),
  { header: "headcount", value: (r) => r.headcount },
  { header: "arr", value: (r) => (r.arr === null ? "" : minorToMajorString(r.arr)) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const rows = await listMonthlyReportRows(ctx);
  return csvResponse(`${ctx.org.slug}-monthly-reports.csv`, rows, COLUMNS);
}
