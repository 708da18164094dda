import "~/page-kit";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireStartup } from "~/auth/tenant.server";
import { csvImportRoute } from "~/components/records/csv-import-route";
import { importCsvFromPage, loadCsvImportPage } from "~/server/csv-import-page.server";
import { records_import_note_idempotent } from "~/paraglide/messages/records_import_note_idempotent.js";
import { records_reportsImport_back } from "~/paraglide/messages/records_reportsimport_back1.js";
import { records_reportsImport_col_arr } from "~/paraglide/messages/records_reportsimport_col_arr1.js";
import { records_reportsImport_col_cash } from "~/paraglide/messages/records_reportsimport_col_cash1.js";
import { records_reportsImport_col_compute } from "~/paraglide/messages/records_reportsimport_col_compute1.js";
import { records_reportsImport_col_data } from "~/paraglide/messages/records_reportsimport_col_data1.js";
import { records_reportsImport_col_general_admin } from "~/paraglide/messages/records_reportsimport_col_general_admin1.js";
import { records_reportsImport_col_go_to_market } from "~/paraglide/messages/records_reportsimport_col_go_to_market1.js";
import { records_reportsImport_col_headcount } from "~/paraglide/messages/records_reportsimport_col_headcount1.js";
import { records_reportsImport_col_month } from "~/paraglide/messages/records_reportsimport_col_month1.js";
import { records_reportsImport_col_other } from "~/paraglide/messages/records_reportsimport_col_other1.js";
import { records_reportsImport_col_payroll } from "~/paraglide/messages/records_reportsimport_col_payroll1.js";
import { records_reportsImport_col_research } from "~/paraglide/messages/records_reportsimport_col_research1.js";
import { records_reportsImport_col_revenue } from "~/paraglide/messages/records_reportsimport_col_revenue1.js";
import { records_reportsImport_description } from "~/paraglide/messages/records_reportsimport_description1.js";
import { records_reportsImport_note_amounts } from "~/paraglide/messages/records_reportsimport_note_amounts1.js";
import { records_reportsImport_note_blankArr } from "~/paraglide/messages/records_reportsimport_note_blankarr2.js";
import { records_reportsImport_note_existing } from "~/paraglide/messages/records_reportsimport_note_existing1.js";
import { records_reportsImport_title } from "~/paraglide/messages/records_reportsimport_title1.js";

const route = csvImportRoute("monthly-reports", records_reportsImport_title, (t, currency) => ({
  description: t(records_reportsImport_description),
  backLabel: t(records_reportsImport_back),
  columnGuide: [
    ["month", t(records_reportsImport_col_month)],
    ["cash", t(records_reportsImport_col_cash, { currency })],
    ["revenue", t(records_reportsImport_col_revenue)],
    ["compute", t(records_reportsImport_col_compute)],
    ["data", t(records_reportsImport_col_data)],
    ["payroll", t(records_reportsImport_col_payroll)],
    ["research", t(records_reportsImport_col_research)],
    ["go_to_market", t(records_reportsImport_col_go_to_market)],
    ["general_admin", t(records_reportsImport_col_general_admin)],
    ["other", t(records_reportsImport_col_other)],
    ["headcount", t(records_reportsImport_col_headcount)],
    ["arr", t(records_reportsImport_col_arr)],
  ],
  notes: [
    t(records_reportsImport_note_amounts, { currency }),
    t(records_reportsImport_note_existing),
    t(records_reportsImport_note_blankArr),
    t(records_import_note_idempotent),
  ],
}));

export const meta = route.meta;
export default route.Page;

export const loader = (args: LoaderFunctionArgs) => loadCsvImportPage(args, requireStartup);
export const action = (args: ActionFunctionArgs) => importCsvFromPage(args, requireStartup, "monthly-reports");
