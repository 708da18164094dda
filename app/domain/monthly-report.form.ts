import { z } from "zod";
import { SPEND_CATEGORIES, type SpendCategory } from "~/finance/burn";
import type { PlainKey } from "~/i18n/translate";
import { refAsZodMessage, zodMessage } from "~/i18n/zod-messages";
import { REPORT_TEXT_MAX } from "./bounds";
import { moneyField, optionalVersionField } from "./fields";
import { isHeadcount, type REPORT_TEXTS, textTooLong } from "./monthly-report";
import { records_report_cashInSentence } from "~/paraglide/messages/records_report_cashinsentence2.js";
import { records_report_field_arr } from "~/paraglide/messages/records_report_field_arr.js";
import { records_report_field_cash } from "~/paraglide/messages/records_report_field_cash.js";
import { records_report_field_revenue } from "~/paraglide/messages/records_report_field_revenue.js";
import { records_report_headcountRequired } from "~/paraglide/messages/records_report_headcountrequired1.js";
import { records_report_headcountWhole } from "~/paraglide/messages/records_report_headcountwhole1.js";
import { records_report_revenueInSentence } from "~/paraglide/messages/records_report_revenueinsentence2.js";
import { records_report_spendAtStart_compute } from "~/paraglide/messages/records_report_spendatstart_compute2.js";
import { records_report_spendAtStart_data } from "~/paraglide/messages/records_report_spendatstart_data2.js";
import { records_report_spendAtStart_general_admin } from "~/paraglide/messages/records_report_spendatstart_general_admin2.js";
import { records_report_spendAtStart_go_to_market } from "~/paraglide/messages/records_report_spendatstart_go_to_market2.js";
import { records_report_spendAtStart_other } from "~/paraglide/messages/records_report_spendatstart_other2.js";
import { records_report_spendAtStart_payroll } from "~/paraglide/messages/records_report_spendatstart_payroll2.js";
import { records_report_spendAtStart_research } from "~/paraglide/messages/records_report_spendatstart_research2.js";
import { records_report_spendInSentence_compute } from "~/paraglide/messages/records_report_spendinsentence_compute2.js";
import { records_report_spendInSentence_data } from "~/paraglide/messages/records_report_spendinsentence_data2.js";
import { records_report_spendInSentence_general_admin } from "~/paraglide/messages/records_report_spendinsentence_general_admin2.js";
import { records_report_spendInSentence_go_to_market } from "~/paraglide/messages/records_report_spendinsentence_go_to_market2.js";
import { records_report_spendInSentence_other } from "~/paraglide/messages/records_report_spendinsentence_other2.js";
import { records_report_spendInSentence_payroll } from "~/paraglide/messages/records_report_spendinsentence_payroll2.js";
import { records_report_spendInSentence_research } from "~/paraglide/messages/records_report_spendinsentence_research2.js";

// The month form's schema: amounts in major units, blanks meaning 0, on the bounds and the
// text rules of ./monthly-report.ts (the same ones the model and the CSV check apply).

/** Each spend line named in a sentence ("compute spend") and at its start ("Compute spend"). */
const SPEND_IN_SENTENCE: Record<SpendCategory, PlainKey> = {
  compute: records_report_spendInSentence_compute,
  data: records_report_spendInSentence_data,
  payroll: records_report_spendInSentence_payroll,
  research: records_report_spendInSentence_research,
  go_to_market: records_report_spendInSentence_go_to_market,
  general_admin: records_report_spendInSentence_general_admin,
  other: records_report_spendInSentence_other,
};
const SPEND_AT_START: Record<SpendCategory, PlainKey> = {
  compute: records_report_spendAtStart_compute,
  data: records_report_spendAtStart_data,
  payroll: records_report_spendAtStart_payroll,
  research: records_report_spendAtStart_research,
  go_to_market: records_report_spendAtStart_go_to_market,
  general_admin: records_report_spendAtStart_general_admin,
  other: records_report_spendAtStart_other,
};

const blankToZero = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? "0" : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** An amount the form may leave empty: an empty spend line was not spent on. */
const amountOrZero = (inSentence: PlainKey, atStart: PlainKey) => z.preprocess(blankToZero, moneyField({ inSentence, atStart }));
const textField = (name: (typeof REPORT_TEXTS)[number]) =>
  z
    .string()
    .trim()
    .max(REPORT_TEXT_MAX, refAsZodMessage(textTooLong(name)))
    .optional()
    .transform((v) => (v ? v : null));

/**
 * The month form: amounts in major units, `version` blank for a new month. Built on first
 * use (not at module load), so a page that imports this module for its types or bounds does
 * not evaluate zod in the browser.
 */
export function monthlyReportFormSchema() {
  const headcountRequired = zodMessage(records_report_headcountRequired);
  const headcountWhole = zodMessage(records_report_headcountWhole);
  return z.object({
    version: optionalVersionField(),
    cash: moneyField({
      inSentence: records_report_cashInSentence,
      atStart: records_report_field_cash,
    }),
    revenue: amountOrZero(records_report_revenueInSentence, records_report_field_revenue),
    ...(Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, amountOrZero(SPEND_IN_SENTENCE[c], SPEND_AT_START[c])])) as Record<
      SpendCategory,
      ReturnType<typeof amountOrZero>
    >),
    headcount: z
      .string({ error: headcountRequired })
      .trim()
      .min(1, headcountRequired)
      .regex(/^\d+$/, headcountWhole)
      .transform(Number)
      .refine(isHeadcount, headcountWhole),
    arr: z
      .preprocess(
        blankToUndefined,
        moneyField({
          inSentence: records_report_field_arr,
          atStart: records_report_field_arr,
        }).optional(),
      )
      .transform((v) => (v === undefined ? null : v)),
    highlights: textField("highlights"),
    lowlights: textField("lowlights"),
    asks: textField("asks"),
  });
}
