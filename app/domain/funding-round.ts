import { z } from "zod";
import type { Instrument, IsoDate } from "~/finance";
import { zodMessage } from "~/i18n/zod-messages";
import { INSTRUMENT_KEYS, INSTRUMENTS, isEquityInstrument } from "~/domain/instruments";
import {
  ALWAYS,
  moneyField,
  named,
  optionalCurrencyField,
  optionalIntegerField,
  optionalPositiveMoneyField,
  optionalTextField,
  recentDateField,
} from "./fields";
import { common_validation_enterField } from "~/paraglide/messages/common_validation_enterfield1.js";
import { records_round_at_amount } from "~/paraglide/messages/records_round_at_amount.js";
import { records_round_at_backers } from "~/paraglide/messages/records_round_at_backers.js";
import { records_round_at_closeDate } from "~/paraglide/messages/records_round_at_closedate1.js";
import { records_round_at_preMoney } from "~/paraglide/messages/records_round_at_premoney1.js";
import { records_round_backersOnlyCrowdfunding } from "~/paraglide/messages/records_round_backersonlycrowdfunding2.js";
import { records_round_in_amount } from "~/paraglide/messages/records_round_in_amount.js";
import { records_round_in_backers } from "~/paraglide/messages/records_round_in_backers.js";
import { records_round_in_closeDate } from "~/paraglide/messages/records_round_in_closedate1.js";
import { records_round_in_leadInvestor } from "~/paraglide/messages/records_round_in_leadinvestor1.js";
import { records_round_in_notes } from "~/paraglide/messages/records_round_in_notes.js";
import { records_round_in_otherInvestors } from "~/paraglide/messages/records_round_in_otherinvestors1.js";
import { records_round_in_platform } from "~/paraglide/messages/records_round_in_platform.js";
import { records_round_in_preMoney } from "~/paraglide/messages/records_round_in_premoney1.js";
import { records_round_instrumentRequired } from "~/paraglide/messages/records_round_instrumentrequired1.js";
import { records_round_noPreMoney } from "~/paraglide/messages/records_round_nopremoney2.js";
import { records_round_platformOnlyCrowdfunding } from "~/paraglide/messages/records_round_platformonlycrowdfunding2.js";
import { records_round_platformRequired } from "~/paraglide/messages/records_round_platformrequired1.js";

// A funding round's rules, once: the create and edit forms and the model
// (app/models/funding-round.server.ts) take their input from this schema.

/** The create/edit form. `today` bounds the close date (at most a year ahead). */
export function fundingRoundSchema(today: IsoDate) {
  return z
    .object({
      instrument: z.enum(INSTRUMENTS, {
        error: zodMessage(records_round_instrumentRequired),
      }),
      closeDate: recentDateField(named(records_round_in_closeDate, records_round_at_closeDate), today),
      amount: moneyField(named(records_round_in_amount, records_round_at_amount), { positive: true }),
      currency: optionalCurrencyField(),
      preMoneyValuation: optionalPositiveMoneyField(named(records_round_in_preMoney, records_round_at_preMoney)),
      leadInvestor: optionalTextField(named(records_round_in_leadInvestor, records_round_in_leadInvestor), 200),
      otherInvestors: optionalTextField(named(records_round_in_otherInvestors, records_round_in_otherInvestors), 1000),
      crowdfundingPlatform: optionalTextField(named(records_round_in_platform, records_round_in_platform), 120),
      backerCount: optionalIntegerField(named(records_round_in_backers, records_round_at_backers), 1, 100_000_000),
      notes: optionalTextField(named(records_round_in_notes, records_round_in_notes), 2000),
    })
    .superRefine((round, ctx) => {
      // Field-level problems may already be reported; these rules read only what parsed.
      const instrument = round.instrument as string;
      if (typeof instrument !== "string" || !INSTRUMENTS.includes(instrument as Instrument)) return;
      const instrumentName = INSTRUMENT_KEYS[instrument as Instrument];
      if (typeof round.preMoneyValuation === "number" && !isEquityInstrument(instrument)) {
        ctx.addIssue({
          code: "custom",
          path: ["preMoneyValuation"],
          message: zodMessage(records_round_noPreMoney, {
            instrument: instrumentName,
          }),
        });
      }
      if (instrument === "equity_crowdfunding") {
        if (round.crowdfundingPlatform === null) {
          ctx.addIssue({
            code: "custom",
            path: ["crowdfundingPlatform"],
            message: zodMessage(records_round_platformRequired),
          });
        }
        if (round.backerCount === null) {
          ctx.addIssue({
            code: "custom",
            path: ["backerCount"],
            message: zodMessage(common_validation_enterField, {
              field: records_round_in_backers,
            }),
          });
        }
      } else {
        if (typeof round.crowdfundingPlatform === "string") {
          ctx.addIssue({
            code: "custom",
            path: ["crowdfundingPlatform"],
            message: zodMessage(records_round_platformOnlyCrowdfunding),
          });
        }
        if (typeof round.backerCount === "number") {
          ctx.addIssue({
            code: "custom",
            path: ["backerCount"],
            message: zodMessage(records_round_backersOnlyCrowdfunding),
          });
        }
      }
    }, ALWAYS);
}

export type FundingRoundInput = z.output<ReturnType<typeof fundingRoundSchema>>;
