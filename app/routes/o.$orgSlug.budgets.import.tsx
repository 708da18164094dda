import "~/page-kit";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireStartup } from "~/auth/tenant.server";
import { csvImportRoute } from "~/components/records/csv-import-route";
import { SPEND_CATEGORIES } from "~/finance/burn";
import { BUDGET_YEARS_AHEAD, EARLIEST_IMPORT_MONTH } from "~/domain/csv-import";
import { importCsvFromPage, loadCsvImportPage } from "~/server/csv-import-page.server";
import { records_budgetsImport_back } from "~/paraglide/messages/records_budgetsimport_back1.js";
import { records_budgetsImport_col_amount } from "~/paraglide/messages/records_budgetsimport_col_amount1.js";
import { records_budgetsImport_col_category } from "~/paraglide/messages/records_budgetsimport_col_category1.js";
import { records_budgetsImport_col_month } from "~/paraglide/messages/records_budgetsimport_col_month1.js";
import { records_budgetsImport_description } from "~/paraglide/messages/records_budgetsimport_description1.js";
import { records_budgetsImport_note_amounts } from "~/paraglide/messages/records_budgetsimport_note_amounts1.js";
import { records_budgetsImport_note_existing } from "~/paraglide/messages/records_budgetsimport_note_existing1.js";
import { records_budgetsImport_title } from "~/paraglide/messages/records_budgetsimport_title1.js";
import { records_import_note_idempotent } from "~/paraglide/messages/records_import_note_idempotent.js";

const route = csvImportRoute("budgets", records_budgetsImport_title, (t, currency) => ({
  description: t(records_budgetsImport_description),
  backLabel: t(records_budgetsImport_back),
  columnGuide: [
    ["month", t(records_budgetsImport_col_month, { earliest: EARLIEST_IMPORT_MONTH, years: BUDGET_YEARS_AHEAD })],
    ["category", t(records_budgetsImport_col_category, { categories: SPEND_CATEGORIES.join(", ") })],
    ["amount", t(records_budgetsImport_col_amount, { currency })],
  ],
  notes: [t(records_budgetsImport_note_amounts, { currency }), t(records_budgetsImport_note_existing), t(records_import_note_idempotent)],
}));

export const meta = route.meta;
export default route.Page;

export const loader = (args: LoaderFunctionArgs) => loadCsvImportPage(args, requireStartup);
export const action = (args: ActionFunctionArgs) => importCsvFromPage(args, requireStartup, "budgets");
