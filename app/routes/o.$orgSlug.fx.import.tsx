import "~/page-kit";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireInvestor } from "~/auth/tenant.server";
import { csvImportRoute } from "~/components/records/csv-import-route";
import { MAX_RATE_DECIMALS } from "~/finance";
import { EARLIEST_IMPORT_MONTH } from "~/domain/csv-import";
import { importCsvFromPage, loadCsvImportPage } from "~/server/csv-import-page.server";
import { investor_fxImport_back } from "~/paraglide/messages/investor_fximport_back1.js";
import { investor_fxImport_column_currency } from "~/paraglide/messages/investor_fximport_column_currency1.js";
import { investor_fxImport_column_month } from "~/paraglide/messages/investor_fximport_column_month1.js";
import { investor_fxImport_column_rate } from "~/paraglide/messages/investor_fximport_column_rate1.js";
import { investor_fxImport_description } from "~/paraglide/messages/investor_fximport_description1.js";
import { investor_fxImport_note_again } from "~/paraglide/messages/investor_fximport_note_again1.js";
import { investor_fxImport_note_rows } from "~/paraglide/messages/investor_fximport_note_rows1.js";
import { investor_fxImport_note_unit } from "~/paraglide/messages/investor_fximport_note_unit1.js";
import { investor_fxImport_title } from "~/paraglide/messages/investor_fximport_title1.js";
import { investor_fxImport_unitOne } from "~/paraglide/messages/investor_fximport_unitone2.js";
import { investor_fxImport_unitOther } from "~/paraglide/messages/investor_fximport_unitother2.js";

// The column names are the file's own (month, currency, rate): they stay as they are in every language.
const route = csvImportRoute("fx-rates", investor_fxImport_title, (t, currency) => ({
  baseCurrency: currency,
  description: t(investor_fxImport_description, { currency }),
  backLabel: t(investor_fxImport_back),
  unit: [t(investor_fxImport_unitOne), t(investor_fxImport_unitOther)],
  columnGuide: [
    ["month", t(investor_fxImport_column_month, { earliest: EARLIEST_IMPORT_MONTH })],
    ["currency", t(investor_fxImport_column_currency, { currency })],
    ["rate", t(investor_fxImport_column_rate, { currency, decimals: MAX_RATE_DECIMALS })],
  ],
  notes: [t(investor_fxImport_note_unit, { currency }), t(investor_fxImport_note_rows), t(investor_fxImport_note_again)],
}));

export const meta = route.meta;
export default route.Page;

export const loader = (args: LoaderFunctionArgs) => loadCsvImportPage(args, requireInvestor);
export const action = (args: ActionFunctionArgs) => importCsvFromPage(args, requireInvestor, "fx-rates");
