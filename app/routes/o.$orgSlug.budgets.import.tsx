import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStartup } from "~/auth/tenant.server";
import { CsvImportPage } from "~/components/csv-import";
import { metaTitle, useT } from "~/i18n";
import { SPEND_CATEGORIES } from "~/finance/burn";
import { BUDGET_YEARS_AHEAD, EARLIEST_IMPORT_MONTH } from "~/lib/csv-import";
import { handleImportAction } from "~/lib/csv-import.server";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "records.budgetsImport.title")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return json({ slug: ctx.org.slug, currency: ctx.org.baseCurrency });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return handleImportAction(request, ctx, "budgets");
}

export default function ImportBudgets() {
  const { slug, currency } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <CsvImportPage
      kind="budgets"
      title={t("records.budgetsImport.title")}
      description={t("records.budgetsImport.description")}
      sampleHref="/samples/budgets.csv"
      backHref={`/o/${slug}/budgets`}
      backLabel={t("records.budgetsImport.back")}
      columnGuide={[
        ["month", t("records.budgetsImport.col.month", { earliest: EARLIEST_IMPORT_MONTH, years: BUDGET_YEARS_AHEAD })],
        ["category", t("records.budgetsImport.col.category", { categories: SPEND_CATEGORIES.join(", ") })],
        ["amount", t("records.budgetsImport.col.amount", { currency })],
      ]}
      notes={[t("records.budgetsImport.note.amounts", { currency }), t("records.budgetsImport.note.existing"), t("records.import.note.idempotent")]}
    />
  );
}
