import { z } from "zod";
import { compareIsoDates, isValidIsoDate, type IsoDate } from "~/finance";
import { messageRef } from "~/i18n/translate";
import { INSTRUMENTS } from "~/lib/instruments";
import { DELETED_COMPANY } from "~/lib/positions";
import { EARLIEST_DATE, isUuid } from "./bounds";
import { moneyField, optionalCurrencyField, optionalTextField, toBasisPoints } from "./fields";

// An investor's position: the create and edit forms and the model
// (app/models/position.server.ts) take their input from this schema.

/** The earliest investment date: the same first day as rounds and draws. */
export const EARLIEST_INVESTED_ON = EARLIEST_DATE;

// Messages are message refs (docs/i18n.md): parseForm / formFailure localize them.
// moneyField, optionalCurrencyField and optionalTextField are shared with the rounds forms
// and answer in their own words.

const investedOnField = (today: IsoDate) =>
  z
    .string({ error: messageRef("investor.positions.error.dateRequired") })
    .trim()
    .min(1, messageRef("investor.positions.error.dateRequired"))
    .superRefine((value, ctx) => {
      if (!isValidIsoDate(value))
        ctx.addIssue({
          code: "custom",
          message: messageRef("investor.positions.error.dateInvalid"),
        });
      else if (compareIsoDates(value, EARLIEST_DATE) < 0)
        ctx.addIssue({
          code: "custom",
          message: messageRef("investor.positions.error.dateTooEarly", {
            earliest: EARLIEST_DATE,
          }),
        });
      else if (compareIsoDates(value, today) > 0)
        ctx.addIssue({
          code: "custom",
          message: messageRef("investor.positions.error.dateFuture", { today }),
        });
    });

/** Optional percent 0–100 with up to two decimals → basis points; blank means unknown (null). */
const ownershipField = () =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = (v ?? "").trim();
      if (value === "") return null;
      return toBasisPoints(value, ctx, {
        negative: messageRef("investor.positions.error.ownershipNegative"),
        format: messageRef("investor.positions.error.ownershipFormat"),
        tooHigh: messageRef("investor.positions.error.ownershipMax"),
      });
    });

/** The create/edit form; `today` bounds the investment date (never in the future). */
export function positionSchema(today: IsoDate) {
  return z.object({
    companyOrgId: z
      .string({ error: messageRef("investor.positions.error.companyRequired") })
      .trim()
      .min(1, messageRef("investor.positions.error.companyRequired"))
      .refine((v) => isUuid(v) || v === DELETED_COMPANY, messageRef("investor.positions.error.companyFromList")),
    investedOn: investedOnField(today),
    amount: moneyField("the amount invested", { positive: true }),
    currency: optionalCurrencyField(),
    instrument: z.enum(INSTRUMENTS, {
      error: messageRef("investor.positions.error.instrument"),
    }),
    ownershipPercent: ownershipField(),
    currentValue: moneyField("the current value"),
    notes: optionalTextField("the notes", 2000),
  });
}

export type PositionInput = z.output<ReturnType<typeof positionSchema>>;
