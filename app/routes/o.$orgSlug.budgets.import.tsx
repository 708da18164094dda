import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStartup } from "~/auth/tenant.server";
import { CsvImportPage } from "~/components/csv-import";
import { metaTitle, useT } from "~/i18n";
import { SPEND_CATEGORIES } from "~/finance/burn";
import { BUDGET_YEARS_AHEAD, EARLIEST_IMPORT_MONTH } from "~/domain/csv-import";
import { handleImportAction } from "~/models/csv-import.server";
import { records_budgetsImport_back } from "~/paraglide/messages/records_budgetsimport_back1.js";
import { records_budgetsImport_col_amount } from "~/paraglide/messages/records_budgetsimport_col_amount1.js";
import { records_budgetsImport_col_category } from "~/paraglide/messages/records_budgetsimport_col_category1.js";
import { records_budgetsImport_col_month } from "~/paraglide/messages/records_budgetsimport_col_month1.js";
import { records_budgetsImport_description } from "~/paraglide/messages/records_budgetsimport_description1.js";
import { records_budgetsImport_note_amounts } from "~/paraglide/messages/records_budgetsimport_note_amounts1.js";
import { records_budgetsImport_note_existing } from "~/paraglide/messages/records_budgetsimport_note_existing1.js";
import { records_budgetsImport_title } from "~/paraglide/messages/records_budgetsimport_title1.js";
import { records_import_note_idempotent } from "~/paraglide/messages/records_import_note_idempotent.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_budgetsImport_title)];

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
      title={t(records_budgetsImport_title)}
      description={t(records_budgetsImport_description)}
      sampleHref="/samples/budgets.csv"
      backHref={`/o/${slug}/budgets`}
      backLabel={t(records_budgetsImport_back)}
      columnGuide={[
        ["month", t(records_budgetsImport_col_month, { earliest: EARLIEST_IMPORT_MONTH, years: BUDGET_YEARS_AHEAD })],
        ["category", t(records_budgetsImport_col_category, { categories: SPEND_CATEGORIES.join(", ") })],
        ["amount", t(records_budgetsImport_col_amount, { currency })],
      ]}
      notes={[t(records_budgetsImport_note_amounts, { currency }), t(records_budgetsImport_note_existing), t(records_import_note_idempotent)]}
    />
  );
}
