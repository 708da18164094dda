import { z } from "zod";
import { MAX_RATE_DECIMALS, MAX_RATE_INTEGER_DIGITS, parseRate, type RateProblem } from "~/finance/fx";
import { compareMonths, isValidMonth, type Month } from "~/finance/month";
import { zodMessage } from "~/i18n/zod-messages";
import { isCurrencyCode } from "~/domain/currencies";
import { EARLIEST_RATE_MONTH } from "./fx-rate";
import { confirmedField, withinSpan } from "./fields";
import { common_validation_currencyRequired } from "~/paraglide/messages/common_validation_currencyrequired1.js";
import { investor_fx_error_baseCurrency } from "~/paraglide/messages/investor_fx_error_basecurrency1.js";
import { investor_fx_error_confirmDelete } from "~/paraglide/messages/investor_fx_error_confirmdelete1.js";
import { investor_fx_error_currencyFormat } from "~/paraglide/messages/investor_fx_error_currencyformat1.js";
import { investor_fx_error_missingCurrency } from "~/paraglide/messages/investor_fx_error_missingcurrency1.js";
import { investor_fx_error_missingMonth } from "~/paraglide/messages/investor_fx_error_missingmonth1.js";
import { investor_fx_error_monthFormat } from "~/paraglide/messages/investor_fx_error_monthformat1.js";
import { investor_fx_error_monthFuture } from "~/paraglide/messages/investor_fx_error_monthfuture1.js";
import { investor_fx_error_monthRequired } from "~/paraglide/messages/investor_fx_error_monthrequired1.js";
import { investor_fx_error_monthTooEarly } from "~/paraglide/messages/investor_fx_error_monthtooearly2.js";
import { investor_fx_error_rateDecimals } from "~/paraglide/messages/investor_fx_error_ratedecimals1.js";
import { investor_fx_error_rateEmpty } from "~/paraglide/messages/investor_fx_error_rateempty1.js";
import { investor_fx_error_rateFormat } from "~/paraglide/messages/investor_fx_error_rateformat1.js";
import { investor_fx_error_rateNotPositive } from "~/paraglide/messages/investor_fx_error_ratenotpositive2.js";
import { investor_fx_error_rateTooLarge } from "~/paraglide/messages/investor_fx_error_ratetoolarge2.js";

// The FX rate form's schema (app/routes/o.$orgSlug.fx._index.tsx; the model takes its
// output): the same bounds as the CSV row check in ./fx-rate.ts — months from EARLIEST_MONTH
// up to the current one, never the base currency, parseRate's decimals.

export type { FxRateImportRow } from "./fx-rate";

/** The form's words for a rate parseRate refuses (rateProblemMessage says the same in English for the CSV import). */
function rateProblemRef(problem: RateProblem): string {
  switch (problem) {
    case "empty":
      return zodMessage(investor_fx_error_rateEmpty);
    case "format":
      return zodMessage(investor_fx_error_rateFormat);
    case "decimals":
      return zodMessage(investor_fx_error_rateDecimals, {
        max: MAX_RATE_DECIMALS,
      });
    case "too_large":
      return zodMessage(investor_fx_error_rateTooLarge, {
        max: MAX_RATE_INTEGER_DIGITS,
      });
    case "not_positive":
      return zodMessage(investor_fx_error_rateNotPositive);
  }
}

/** A month a rate may be recorded for: EARLIEST_RATE_MONTH up to the current month. */
export const rateMonthField = (currentMonth: Month) =>
  z
    .string({ error: zodMessage(investor_fx_error_monthRequired) })
    .trim()
    .superRefine(
      withinSpan({
        valid: isValidMonth,
        compare: compareMonths,
        earliest: EARLIEST_RATE_MONTH,
        latest: currentMonth,
        invalid: zodMessage(investor_fx_error_monthFormat),
        tooEarly: zodMessage(investor_fx_error_monthTooEarly, { earliest: EARLIEST_RATE_MONTH }),
        tooLate: (month) => zodMessage(investor_fx_error_monthFuture, { month, current: currentMonth }),
      }),
    );

/** An ISO 4217 code other than the base currency (whose rate is always 1). */
export const rateCurrencyField = (baseCurrency: string) =>
  z
    .string({ error: zodMessage(common_validation_currencyRequired) })
    .trim()
    .toUpperCase()
    .superRefine((code, ctx) => {
      if (!isCurrencyCode(code))
        ctx.addIssue({
          code: "custom",
          message: zodMessage(investor_fx_error_currencyFormat),
        });
      else if (code === baseCurrency)
        ctx.addIssue({
          code: "custom",
          message: zodMessage(investor_fx_error_baseCurrency, {
            currency: code,
          }),
        });
    });

export const rateField = () =>
  z.string({ error: rateProblemRef("empty") }).transform((value, ctx) => {
    const parsed = parseRate(value);
    if (parsed.ok) return parsed.rate;
    ctx.addIssue({ code: "custom", message: rateProblemRef(parsed.problem) });
    return z.NEVER;
  });

export function fxRateSchema(currentMonth: Month, baseCurrency: string) {
  return z.object({
    month: rateMonthField(currentMonth),
    currency: rateCurrencyField(baseCurrency),
    rate: rateField(),
  });
}

/**
 * Which rate to delete: a month and a currency (any well-formed pair; a missing one is a 404),
 * and the confirmation (the dialog, or the tick box without JavaScript).
 */
export const fxRateDeleteSchema = () =>
  z.object({
    month: z
      .string({ error: zodMessage(investor_fx_error_missingMonth) })
      .trim()
      .refine(isValidMonth, zodMessage(investor_fx_error_missingMonth)),
    currency: z
      .string({ error: zodMessage(investor_fx_error_missingCurrency) })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, zodMessage(investor_fx_error_missingCurrency)),
    confirm: confirmedField(zodMessage(investor_fx_error_confirmDelete)),
  });

export type FxRateInput = z.output<ReturnType<typeof fxRateSchema>>;
