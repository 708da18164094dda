import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { CsvImportPage } from "~/components/csv-import";
import { notFound } from "~/lib/http.server";
import { handleImportAction } from "~/lib/csv-import.server";

export const meta: MetaFunction = () => [{ title: "Import monthly reports · Capital Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "startup") notFound();
  return json({ slug: ctx.org.slug, currency: ctx.org.baseCurrency });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "startup") notFound();
  return handleImportAction(request, ctx, "monthly-reports");
}

export default function ImportMonthlyReports() {
  const { slug, currency } = useLoaderData<typeof loader>();
  return (
    <CsvImportPage
      kind="monthly-reports"
      title="Import monthly reports"
      description="Add or update many months at once from a spreadsheet. Nothing is written unless the whole file is valid."
      sampleHref="/samples/monthly-reports.csv"
      backHref={`/o/${slug}/reports`}
      backLabel="Back to monthly reports"
      unit={["month", "months"]}
      columnGuide={[
        ["month", "Calendar month, YYYY-MM (e.g. 2026-03), from 2000-01 to this month; once per file."],
        ["cash", `Cash at month end, in ${currency}.`],
        ["revenue", "Revenue recognised in the month."],
        ["compute", "GPU / cloud for training and inference."],
        ["data", "Data acquisition, labelling, licensing."],
        ["payroll", "Salaries, benefits, contractors."],
        ["research", "Other R&D: tools, research services."],
        ["go_to_market", "Sales and marketing."],
        ["general_admin", "Rent, legal, finance, insurance."],
        ["other", "Anything else (not debt interest or principal)."],
        ["headcount", "People at month end, a whole number."],
        ["arr", "Annual recurring revenue at month end; may be blank."],
      ]}
      notes={[
        `Amounts are in ${currency}, in major units with at most two decimals (12500.50), never negative. Use 0 for none.`,
        "A month already recorded gets the file's figures; its investor update (highlights, lowlights, asks) is kept.",
        "A blank arr records that no ARR was reported for the month (it clears an ARR entered before).",
        "Importing the same file again changes nothing.",
      ]}
    />
  );
}
