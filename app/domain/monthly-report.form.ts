import { z } from "zod";
import { SPEND_CATEGORIES, type SpendCategory } from "~/finance/burn";
import { messageRef, type PlainKey } from "~/i18n/translate";
import { REPORT_TEXT_MAX } from "./bounds";
import { moneyField } from "./fields";
import { isHeadcount, type REPORT_TEXTS, textTooLong } from "./monthly-report";

// The month form's schema: amounts in major units, blanks meaning 0, on the bounds and the
// text rules of ./monthly-report.ts (the same ones the model and the CSV check apply).

/** Each spend line named in a sentence ("compute spend") and at its start ("Compute spend"). */
const SPEND_IN_SENTENCE: Record<SpendCategory, PlainKey> = {
  compute: "records.report.spendInSentence.compute",
  data: "records.report.spendInSentence.data",
  payroll: "records.report.spendInSentence.payroll",
  research: "records.report.spendInSentence.research",
  go_to_market: "records.report.spendInSentence.go_to_market",
  general_admin: "records.report.spendInSentence.general_admin",
  other: "records.report.spendInSentence.other",
};
const SPEND_AT_START: Record<SpendCategory, PlainKey> = {
  compute: "records.report.spendAtStart.compute",
  data: "records.report.spendAtStart.data",
  payroll: "records.report.spendAtStart.payroll",
  research: "records.report.spendAtStart.research",
  go_to_market: "records.report.spendAtStart.go_to_market",
  general_admin: "records.report.spendAtStart.general_admin",
  other: "records.report.spendAtStart.other",
};

const blankToZero = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? "0" : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** An amount the form may leave empty: an empty spend line was not spent on. */
const amountOrZero = (inSentence: PlainKey, atStart: PlainKey) => z.preprocess(blankToZero, moneyField({ inSentence, atStart }));
const textField = (name: (typeof REPORT_TEXTS)[number]) =>
  z
    .string()
    .trim()
    .max(REPORT_TEXT_MAX, textTooLong(name))
    .optional()
    .transform((v) => (v ? v : null));

/**
 * The month form: amounts in major units, `version` blank for a new month. Built on first
 * use (not at module load), so a page that imports this module for its types or bounds does
 * not evaluate zod in the browser.
 */
export function monthlyReportFormSchema() {
  const headcountRequired = messageRef("records.report.headcountRequired");
  const headcountWhole = messageRef("records.report.headcountWhole");
  return z.object({
    version: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .pipe(z.union([z.literal("").transform(() => null), z.string().regex(/^\d+$/).transform(Number)])),
    cash: moneyField({
      inSentence: "records.report.cashInSentence",
      atStart: "records.report.field.cash",
    }),
    revenue: amountOrZero("records.report.revenueInSentence", "records.report.field.revenue"),
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
          inSentence: "records.report.field.arr",
          atStart: "records.report.field.arr",
        }).optional(),
      )
      .transform((v) => (v === undefined ? null : v)),
    highlights: textField("highlights"),
    lowlights: textField("lowlights"),
    asks: textField("asks"),
  });
}

