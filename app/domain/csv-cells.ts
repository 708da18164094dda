import { compareMonths } from "~/finance/month";
import type { Translator } from "~/i18n/translate";
import { parseMajorToMinor } from "./money";
import { EARLIEST_MONTH, isRecordableMonth } from "./bounds";
import { records_import_error_amountInvalid } from "~/paraglide/messages/records_import_error_amountinvalid1.js";
import { records_import_error_monthMissing } from "~/paraglide/messages/records_import_error_monthmissing1.js";
import { records_import_error_monthNumber } from "~/paraglide/messages/records_import_error_monthnumber1.js";
import { records_import_error_monthShape } from "~/paraglide/messages/records_import_error_monthshape1.js";
import { records_import_error_monthTooEarly } from "~/paraglide/messages/records_import_error_monthtooearly2.js";
import { records_import_error_valueMissing } from "~/paraglide/messages/records_import_error_valuemissing1.js";
import { records_import_error_valueNegative } from "~/paraglide/messages/records_import_error_valuenegative1.js";

// How an entity reads one CSV row (the importer in app/domain/csv-import.ts runs the engine:
// header, widths, duplicates, chunking). Each entity's spec sits in its domain module beside
// its form schema and the model's checks, so the three read the same bounds. Column names in
// messages stay as the file's header names: they are a file format.

export type Issue = (column: string, message: string) => void;

export interface CsvImportOptionsForRow {
  /** FX rates: the investor's base currency, which needs no rate (its rate is always 1). */
  baseCurrency?: string;
}

/** `Column` names the file's columns: the checker fills every one of them (a missing cell reads as ""). */
export interface ImportSpec<Row, Column extends string = string> {
  columns: readonly Column[];
  /**
   * The columns a file must have; every column by default. A column outside `required` may be
   * left out of the file, and the checker then leaves it out of `cells` too (custom metrics: a
   * file may carry some of the org's metrics).
   */
  required?: readonly Column[];
  /** When set, each column the spec does not know is its own error, worded by this (else one header error lists them). */
  unknownColumn?: (column: string, t: Translator) => string;
  toRow(cells: Record<Column, string>, issue: Issue, currentMonth: string, options: CsvImportOptionsForRow, t: Translator): Row | null;
  /** Rows with the same key may appear once per file. */
  key(row: Row): string;
  duplicate(row: Row, firstLine: number, t: Translator): { column: string; message: string };
}

export function readMonth(value: string, issue: Issue, t: Translator): string | null {
  if (value === "") {
    issue("month", t(records_import_error_monthMissing));
    return null;
  }
  const shape = /^(\d{4})-(\d{2})$/.exec(value);
  if (!shape) {
    issue("month", t(records_import_error_monthShape, { value }));
    return null;
  }
  const monthNumber = Number(shape[2]);
  if (monthNumber < 1 || monthNumber > 12) {
    issue("month", t(records_import_error_monthNumber, { value }));
    return null;
  }
  if (!isRecordableMonth(value)) {
    issue(
      "month",
      t(records_import_error_monthTooEarly, {
        value,
        earliest: EARLIEST_MONTH,
      }),
    );
    return null;
  }
  return value;
}

/** A month up to `currentMonth`: reports and FX rates record what happened. */
export function isFutureMonth(month: string | null, currentMonth: string): month is string {
  return month !== null && compareMonths(month, currentMonth) > 0;
}

export function readAmount(value: string, column: string, issue: Issue, t: Translator): number | null {
  if (value === "") {
    issue(column, t(records_import_error_valueMissing, { column }));
    return null;
  }
  const minor = parseMajorToMinor(value);
  if (minor === null) {
    issue(column, t(records_import_error_amountInvalid, { value, column }));
    return null;
  }
  if (minor < 0) {
    issue(column, t(records_import_error_valueNegative, { column, value }));
    return null;
  }
  return minor;
}
