import { z } from "zod";
import type { PlainKey } from "~/i18n/translate";
import { zodMessage } from "~/i18n/zod-messages";

// Parsing lives in a zod-free module (app/domain/money.ts) so the CSV check that runs in the
// browser does not pull the validation library in with it.
import { parseAmount, parseMajorToMinor, type AmountProblem } from "~/domain/money";
import { common_validation_enterField } from "~/paraglide/messages/common_validation_enterfield1.js";
import { records_money_format } from "~/paraglide/messages/records_money_format.js";
import { records_money_grouping } from "~/paraglide/messages/records_money_grouping.js";
import { records_money_precision } from "~/paraglide/messages/records_money_precision.js";
import { records_money_tooLarge } from "~/paraglide/messages/records_money_toolarge1.js";
import { records_money_negative } from "~/paraglide/messages/records_money_negative.js";
import { records_money_positive } from "~/paraglide/messages/records_money_positive.js";
import { records_money_positiveOrBlank } from "~/paraglide/messages/records_money_positiveorblank2.js";
export { parseAmount, parseMajorToMinor };

type MoneyOptions = { allowNegative?: boolean; positive?: boolean };

/**
 * How a message names the field: plain English (pages not yet translated), or two message
 * keys — the name inside a sentence ("the principal") and at its start ("The principal") —
 * so the message is a ref answered in the request's language (docs/i18n.md).
 */
export type FieldLabel = string | { inSentence: PlainKey; atStart: PlainKey };

/** The messages about one amount field, in English or as message refs. */
export function amountMessages(label: FieldLabel) {
  if (typeof label === "string") {
    return {
      enter: `Enter ${label}.`,
      format: `Enter ${label} as an amount, like 2,400,000.50, 2.4m or 240万.`,
      grouping: `Check the commas in ${label}: group thousands in threes (2,400,000) and write decimals with a point (2,400.50).`,
      precision: `${capitalise(label)} can have at most two decimals (whole cents); 1.234 could mean 1,234 or 1.23.`,
      tooLarge: `${capitalise(label)} is too large: the largest amount is 9,999,999,999,999.99.`,
      negative: `${capitalise(label)} cannot be negative.`,
      positive: `${capitalise(label)} must be more than zero.`,
      positiveOrBlank: `${capitalise(label)} must be more than zero; leave it blank if there is none.`,
    };
  }
  return {
    enter: zodMessage(common_validation_enterField, { field: label.inSentence }),
    format: zodMessage(records_money_format, { field: label.inSentence }),
    grouping: zodMessage(records_money_grouping, { field: label.inSentence }),
    precision: zodMessage(records_money_precision, { field: label.atStart }),
    tooLarge: zodMessage(records_money_tooLarge, { field: label.atStart }),
    negative: zodMessage(records_money_negative, { field: label.atStart }),
    positive: zodMessage(records_money_positive, { field: label.atStart }),
    positiveOrBlank: zodMessage(records_money_positiveOrBlank, { field: label.atStart }),
  };
}

/** The message for an amount parseAmount did not understand, by its reason. */
export function amountProblemMessage(messages: ReturnType<typeof amountMessages>, problem: AmountProblem): string {
  return messages[problem];
}

/** Parses and checks one amount, reporting a message a person can act on. */
function toMinor(value: string, label: FieldLabel, options: MoneyOptions, ctx: z.RefinementCtx): number {
  const messages = amountMessages(label);
  const parsed = parseAmount(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: amountProblemMessage(messages, parsed.problem) });
    return z.NEVER;
  }
  const minor = parsed.minor;
  if (!options.allowNegative && minor < 0) {
    ctx.addIssue({ code: "custom", message: messages.negative });
    return z.NEVER;
  }
  if (options.positive && minor === 0) {
    ctx.addIssue({ code: "custom", message: messages.positive });
    return z.NEVER;
  }
  return minor;
}

/** zod field: an amount in major units with up to two decimals → minor units. */
export const moneyField = (label: FieldLabel, options: MoneyOptions = {}) =>
  z
    .string({ error: amountMessages(label).enter })
    .trim()
    .min(1, amountMessages(label).enter)
    .transform((value, ctx) => toMinor(value, label, options, ctx));

/** Optional money: blank means "not given" (null); anything else is checked like moneyField. */
export const optionalMoneyField = (label: FieldLabel, options: MoneyOptions = {}) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const trimmed = (value ?? "").trim();
      return trimmed === "" ? null : toMinor(trimmed, label, options, ctx);
    });

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Formatting lives in a module without zod, so pages that only show money do not ship the
// validation library to the browser; these re-exports keep every existing import working.
export { formatMoney, formatMoneyShort, formatPercent, minorToMajorString } from "~/i18n/money-format";
