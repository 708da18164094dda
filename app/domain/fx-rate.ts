import { parseRate, rateProblemMessage } from "~/finance/fx";
import { isCurrencyCode } from "~/domain/currencies";
import { EARLIEST_MONTH } from "./bounds";
import { isFutureMonth, readMonth, type ImportSpec } from "./csv-cells";
import { records_import_error_currencyBase } from "~/paraglide/messages/records_import_error_currencybase1.js";
import { records_import_error_currencyMissing } from "~/paraglide/messages/records_import_error_currencymissing1.js";
import { records_import_error_currencyUnknown } from "~/paraglide/messages/records_import_error_currencyunknown1.js";
import { records_import_error_fxDuplicate } from "~/paraglide/messages/records_import_error_fxduplicate1.js";
import { records_import_error_fxFuture } from "~/paraglide/messages/records_import_error_fxfuture1.js";

// An FX rate's rules without zod: the bounds and the CSV row check, which the import page
// also runs in the browser. The form schema (./fx-rate.form.ts) reads the same bounds; keeping
// zod out of this file keeps it out of every page that only imports rates.

/** Rates start where every record does; no investor view reaches further back. */
export const EARLIEST_RATE_MONTH = EARLIEST_MONTH;
export const FX_RATE_COLUMNS = ["month", "currency", "rate"] as const;

/** 1 unit of `currency` = `rate` (canonical decimal string) units of the investor's base currency. */
export interface FxRateImportRow {
  month: string;
  currency: string;
  rate: string;
}

// Messages are message refs, as zod strings (zodMessage, docs/i18n.md): parseForm reads them back, formFailure renders them.

/** The CSV row: the same month, currency and rate rules as the form, in the file's words. */
export const fxRateImportSpec: ImportSpec<FxRateImportRow, (typeof FX_RATE_COLUMNS)[number]> = {
  columns: FX_RATE_COLUMNS,
  toRow(cells, issue, currentMonth, options, t) {
    const month = readMonth(cells.month, issue, t);
    const future = isFutureMonth(month, currentMonth);
    if (future) issue("month", t(records_import_error_fxFuture, { month, current: currentMonth }));
    const currency = cells.currency.toUpperCase();
    let currencyOk = false;
    if (currency === "") issue("currency", t(records_import_error_currencyMissing));
    else if (!isCurrencyCode(currency)) issue("currency", t(records_import_error_currencyUnknown, { value: cells.currency }));
    else if (options.baseCurrency && currency === options.baseCurrency.toUpperCase()) {
      issue("currency", t(records_import_error_currencyBase, { currency }));
    } else currencyOk = true;
    const rate = parseRate(cells.rate);
    if (!rate.ok) issue("rate", rateProblemMessage(rate.problem));
    if (month === null || future || !currencyOk || !rate.ok) return null;
    return { month, currency, rate: rate.rate };
  },
  key: (row) => `${row.month}|${row.currency}`,
  duplicate: (row, firstLine, t) => ({
    column: "currency",
    message: t(records_import_error_fxDuplicate, {
      month: row.month,
      currency: row.currency,
      line: String(firstLine),
    }),
  }),
};
