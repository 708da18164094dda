import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStartup } from "~/auth/tenant.server";
import { translate } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { csvResponse } from "~/server/csv.server";
import { minorToMajorString } from "~/domain/money-fields";
import { fiscalYearError } from "~/domain/budget";
import { listBudgetRows } from "~/models/budget.server";
import { records_budgets_csvBadYear } from "~/paraglide/messages/records_budgets_csvbadyear2.js";

/** `month,category,amount` — the budget import format; `?year=2026` limits it to one fiscal year. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const yearParam = new URL(request.url).searchParams.get("year");
  const year = yearParam === null || yearParam === "" ? undefined : Number(yearParam);
  if (year !== undefined && fiscalYearError(year)) throw new Response(translate(getLocale(request), records_budgets_csvBadYear), { status: 400 });
  const rows = await listBudgetRows(ctx, year);
  return csvResponse(`${ctx.org.slug}-budgets${year ? `-${year}` : ""}.csv`, rows, [
    { header: "month", value: (r) => r.month },
    { header: "category", value: (r) => r.category },
    { header: "amount", value: (r) => minorToMajorString(r.amount) },
  ]);
}
