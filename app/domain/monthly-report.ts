import { SPEND_CATEGORIES, type SpendCategory } from "~/finance/burn";
import { compareMonths, isValidMonth, monthOfDate } from "~/finance/month";
import type { MessageRef } from "~/i18n/message-ref";
import { messageRef, type PlainKey } from "~/i18n/translate";
import { EARLIEST_MONTH, MAX_HEADCOUNT, REPORT_TEXT_MAX } from "./bounds";
import { isFutureMonth, readAmount, readMonth, type ImportSpec } from "./csv-cells";
import { records_import_error_headcountInvalid } from "~/paraglide/messages/records_import_error_headcountinvalid1.js";
import { records_import_error_reportDuplicate } from "~/paraglide/messages/records_import_error_reportduplicate1.js";
import { records_import_error_reportFuture } from "~/paraglide/messages/records_import_error_reportfuture1.js";
import { records_import_error_valueMissing } from "~/paraglide/messages/records_import_error_valuemissing1.js";
import { records_import_error_valueNegative } from "~/paraglide/messages/records_import_error_valuenegative1.js";
import { records_report_asksInSentence } from "~/paraglide/messages/records_report_asksinsentence2.js";
import { records_report_figureNegative } from "~/paraglide/messages/records_report_figurenegative1.js";
import { records_report_figureNotAmount } from "~/paraglide/messages/records_report_figurenotamount2.js";
import { records_report_headcountInvalid } from "~/paraglide/messages/records_report_headcountinvalid1.js";
import { records_report_highlightsInSentence } from "~/paraglide/messages/records_report_highlightsinsentence2.js";
import { records_report_lowlightsInSentence } from "~/paraglide/messages/records_report_lowlightsinsentence2.js";
import { records_report_monthFuture } from "~/paraglide/messages/records_report_monthfuture1.js";
import { records_report_monthInvalid } from "~/paraglide/messages/records_report_monthinvalid1.js";
import { records_report_monthTooEarly } from "~/paraglide/messages/records_report_monthtooearly2.js";
import { records_report_textTooLong } from "~/paraglide/messages/records_report_texttoolong2.js";

// A monthly report's rules, once: the form schema (./monthly-report.form.ts), the CSV
// importer's row check (below; app/domain/csv-import.ts runs it, in the browser too) and the
// model's own check (app/models/monthly-report.server.ts) all read them from here. Each
// channel words its messages for where the user is (a form field, a file's column); the
// bounds and the fields are the same. No zod here: the import page runs this file in the
// browser, and zod stays out of it.

/** The figures of one month, in minor units; spend keyed by category. */
export type MonthlyReportFigures = {
  cash: number;
  revenue: number;
  headcount: number;
  arr: number | null;
} & Record<SpendCategory, number>;

/** The investor update of a month: stored in `report_updates`, shared as its own section. */
export interface ReportTexts {
  highlights: string | null;
  lowlights: string | null;
  asks: string | null;
}

export interface MonthlyReportInput extends MonthlyReportFigures, ReportTexts {}

/** One month as the CSV file and `upsertMonthlyReports` carry it. Blank ARR clears it (null). */
export interface MonthlyReportRow extends MonthlyReportFigures {
  month: string;
}

/** Amounts every month has (blank in the form = 0); ARR is optional. */
export const REPORT_AMOUNTS = ["cash", "revenue", ...SPEND_CATEGORIES] as const;
export const REPORT_TEXTS = ["highlights", "lowlights", "asks"] as const;
export const MONTHLY_REPORT_COLUMNS = ["month", ...REPORT_AMOUNTS, "headcount", "arr"] as const;

/** The calendar month today, in UTC so every server agrees. */
export function currentMonth(now = new Date()): string {
  return monthOfDate(now);
}

/**
 * Why `month` cannot hold a report, or null when it can: a real `YYYY-MM`, not before
 * EARLIEST_MONTH and not after the current month (the current month is allowed: reports are
 * often drafted before it ends).
 */
export function reportMonthError(month: string, now = new Date()): MessageRef | null {
  if (!isValidMonth(month)) return messageRef(records_report_monthInvalid);
  if (compareMonths(month, EARLIEST_MONTH) < 0)
    return messageRef(records_report_monthTooEarly, {
      earliest: EARLIEST_MONTH,
    });
  const today = currentMonth(now);
  if (compareMonths(month, today) > 0) return messageRef(records_report_monthFuture, { month, latest: today });
  return null;
}

const isAmount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
export const isHeadcount = (value: unknown): value is number => isAmount(value) && value <= MAX_HEADCOUNT;
const isReportText = (value: unknown) => value === null || (typeof value === "string" && value.length <= REPORT_TEXT_MAX);

/* ------------------------------------------------------------------ the model's check */

/** Field errors for figures that did not come through a form (the importer, direct callers). */
export function reportFigureErrors(figures: MonthlyReportFigures, prefix = ""): Record<string, MessageRef> {
  const errors: Record<string, MessageRef> = {};
  for (const name of [...REPORT_AMOUNTS, "arr"] as const) {
    const value = figures[name];
    if (name === "arr" && value === null) continue;
    if (isAmount(value)) continue;
    const negative = typeof value === "number" && Number.isSafeInteger(value);
    errors[prefix + name] = negative
      ? messageRef(records_report_figureNegative, { column: name })
      : messageRef(records_report_figureNotAmount, { column: name });
  }
  if (!isHeadcount(figures.headcount)) errors[prefix + "headcount"] = messageRef(records_report_headcountInvalid);
  return errors;
}

const TEXT_IN_SENTENCE = {
  highlights: records_report_highlightsInSentence,
  lowlights: records_report_lowlightsInSentence,
  asks: records_report_asksInSentence,
} as const satisfies Record<(typeof REPORT_TEXTS)[number], PlainKey>;

export const textTooLong = (name: (typeof REPORT_TEXTS)[number]) =>
  messageRef(records_report_textTooLong, {
    field: TEXT_IN_SENTENCE[name],
    max: REPORT_TEXT_MAX,
  });

/** reportFigureErrors plus the update's texts: what a save checks before it writes. */
export function reportInputErrors(input: MonthlyReportInput): Record<string, MessageRef> {
  const errors = reportFigureErrors(input);
  for (const name of REPORT_TEXTS) if (!isReportText(input[name])) errors[name] = textTooLong(name);
  return errors;
}

/* -------------------------------------------------------------------- the CSV row */

function readHeadcount(value: string, issue: (column: string, message: string) => void, t: Parameters<ImportSpec<unknown>["toRow"]>[4]) {
  if (value === "") {
    issue("headcount", t(records_import_error_valueMissing, { column: "headcount" }));
    return null;
  }
  if (/^-\d+$/.test(value)) {
    issue("headcount", t(records_import_error_valueNegative, { column: "headcount", value }));
    return null;
  }
  if (!/^\d+$/.test(value) || !isHeadcount(Number(value))) {
    issue("headcount", t(records_import_error_headcountInvalid, { value }));
    return null;
  }
  return Number(value);
}

export const monthlyReportImportSpec: ImportSpec<MonthlyReportRow, (typeof MONTHLY_REPORT_COLUMNS)[number]> = {
  columns: MONTHLY_REPORT_COLUMNS,
  toRow(cells, issue, current, _options, t) {
    const month = readMonth(cells.month, issue, t);
    const future = isFutureMonth(month, current);
    if (future) issue("month", t(records_import_error_reportFuture, { month, current }));
    const amounts: Partial<Record<(typeof REPORT_AMOUNTS)[number], number | null>> = {};
    for (const column of REPORT_AMOUNTS) amounts[column] = readAmount(cells[column], column, issue, t);
    const headcount = readHeadcount(cells.headcount, issue, t);
    const arr = cells.arr === "" ? null : readAmount(cells.arr, "arr", issue, t);
    if (month === null || future || headcount === null || Object.values(amounts).some((v) => v === null) || (cells.arr !== "" && arr === null)) {
      return null;
    }
    return {
      month,
      ...(amounts as Record<(typeof REPORT_AMOUNTS)[number], number>),
      headcount,
      arr,
    };
  },
  key: (row) => row.month,
  duplicate: (row, firstLine, t) => ({
    column: "month",
    message: t(records_import_error_reportDuplicate, {
      month: row.month,
      line: String(firstLine),
    }),
  }),
};
