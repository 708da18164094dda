import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { CsvImportPage } from "~/components/csv-import";
import { SPEND_CATEGORIES } from "~/finance/burn";
import { BUDGET_YEARS_AHEAD, EARLIEST_IMPORT_MONTH } from "~/lib/csv-import";
import { notFound } from "~/lib/http.server";
import { handleImportAction } from "~/lib/csv-import.server";

export const meta: MetaFunction = () => [{ title: "Import budgets · Capital Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "startup") notFound();
  return json({ slug: ctx.org.slug, currency: ctx.org.baseCurrency });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "startup") notFound();
  return handleImportAction(request, ctx, "budgets");
}

export default function ImportBudgets() {
  const { slug, currency } = useLoaderData<typeof loader>();
  return (
    <CsvImportPage
      kind="budgets"
      title="Import budgets"
      description="Load a year's budget (or several) from a spreadsheet. Nothing is written unless the whole file is valid."
      sampleHref="/samples/budgets.csv"
      backHref={`/o/${slug}/budgets`}
      backLabel="Back to budgets"
      unit={["budget line", "budget lines"]}
      columnGuide={[
        ["month", `Calendar month, YYYY-MM, from ${EARLIEST_IMPORT_MONTH} to the end of the year ${BUDGET_YEARS_AHEAD} years from now.`],
        ["category", `A spend category: ${SPEND_CATEGORIES.join(", ")}.`],
        ["amount", `Budgeted spend for that month and category, in ${currency}.`],
      ]}
      notes={[
        `Amounts are in ${currency}, in major units with at most two decimals (12500.50), never negative.`,
        "One row per month and category. A line already budgeted gets the file's amount; lines not in the file are left as they are.",
        "Importing the same file again changes nothing.",
      ]}
    />
  );
}
