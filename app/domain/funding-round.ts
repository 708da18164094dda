import { z } from "zod";
import type { Instrument, IsoDate } from "~/finance";
import { messageRef } from "~/i18n/translate";
import { INSTRUMENT_KEYS, INSTRUMENTS, isEquityInstrument } from "~/lib/instruments";
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

// A funding round's rules, once: the create and edit forms and the model
// (app/models/funding-round.server.ts) take their input from this schema.

/** The create/edit form. `today` bounds the close date (at most a year ahead). */
export function fundingRoundSchema(today: IsoDate) {
  return z
    .object({
      instrument: z.enum(INSTRUMENTS, {
        error: messageRef("records.round.instrumentRequired"),
      }),
      closeDate: recentDateField(named("records.round.in.closeDate", "records.round.at.closeDate"), today),
      amount: moneyField(named("records.round.in.amount", "records.round.at.amount"), { positive: true }),
      currency: optionalCurrencyField(),
      preMoneyValuation: optionalPositiveMoneyField(named("records.round.in.preMoney", "records.round.at.preMoney")),
      leadInvestor: optionalTextField(named("records.round.in.leadInvestor", "records.round.in.leadInvestor"), 200),
      otherInvestors: optionalTextField(named("records.round.in.otherInvestors", "records.round.in.otherInvestors"), 1000),
      crowdfundingPlatform: optionalTextField(named("records.round.in.platform", "records.round.in.platform"), 120),
      backerCount: optionalIntegerField(named("records.round.in.backers", "records.round.at.backers"), 1, 100_000_000),
      notes: optionalTextField(named("records.round.in.notes", "records.round.in.notes"), 2000),
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
          message: messageRef("records.round.noPreMoney", {
            instrument: instrumentName,
          }),
        });
      }
      if (instrument === "equity_crowdfunding") {
        if (round.crowdfundingPlatform === null) {
          ctx.addIssue({
            code: "custom",
            path: ["crowdfundingPlatform"],
            message: messageRef("records.round.platformRequired"),
          });
        }
        if (round.backerCount === null) {
          ctx.addIssue({
            code: "custom",
            path: ["backerCount"],
            message: messageRef("common.validation.enterField", {
              field: "records.round.in.backers",
            }),
          });
        }
      } else {
        if (typeof round.crowdfundingPlatform === "string") {
          ctx.addIssue({
            code: "custom",
            path: ["crowdfundingPlatform"],
            message: messageRef("records.round.platformOnlyCrowdfunding"),
          });
        }
        if (typeof round.backerCount === "number") {
          ctx.addIssue({
            code: "custom",
            path: ["backerCount"],
            message: messageRef("records.round.backersOnlyCrowdfunding"),
          });
        }
      }
    }, ALWAYS);
}

export type FundingRoundInput = z.output<ReturnType<typeof fundingRoundSchema>>;
