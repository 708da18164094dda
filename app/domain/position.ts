import { z } from "zod";
import { compareIsoDates, isValidIsoDate, type IsoDate } from "~/finance";
import { zodMessage } from "~/i18n/zod-messages";
import { INSTRUMENTS } from "~/domain/instruments";
import { DELETED_COMPANY } from "~/domain/positions";
import { EARLIEST_DATE, isUuid } from "./bounds";
import { moneyField, optionalCurrencyField, optionalTextField, toBasisPoints, withinSpan } from "./fields";
import { investor_positions_error_companyFromList } from "~/paraglide/messages/investor_positions_error_companyfromlist2.js";
import { investor_positions_error_companyRequired } from "~/paraglide/messages/investor_positions_error_companyrequired1.js";
import { investor_positions_error_dateFuture } from "~/paraglide/messages/investor_positions_error_datefuture1.js";
import { investor_positions_error_dateInvalid } from "~/paraglide/messages/investor_positions_error_dateinvalid1.js";
import { investor_positions_error_dateRequired } from "~/paraglide/messages/investor_positions_error_daterequired1.js";
import { investor_positions_error_dateTooEarly } from "~/paraglide/messages/investor_positions_error_datetooearly2.js";
import { investor_positions_error_instrument } from "~/paraglide/messages/investor_positions_error_instrument.js";
import { investor_positions_error_ownershipFormat } from "~/paraglide/messages/investor_positions_error_ownershipformat1.js";
import { investor_positions_error_ownershipMax } from "~/paraglide/messages/investor_positions_error_ownershipmax1.js";
import { investor_positions_error_ownershipNegative } from "~/paraglide/messages/investor_positions_error_ownershipnegative1.js";

// An investor's position: the create and edit forms and the model
// (app/models/position.server.ts) take their input from this schema.

/** The earliest investment date: the same first day as rounds and draws. */
export const EARLIEST_INVESTED_ON = EARLIEST_DATE;

// Messages are message refs, as zod strings (zodMessage, docs/i18n.md): parseForm reads them back, formFailure renders them.
// moneyField, optionalCurrencyField and optionalTextField are shared with the rounds forms
// and answer in their own words.

const investedOnField = (today: IsoDate) =>
  z
    .string({ error: zodMessage(investor_positions_error_dateRequired) })
    .trim()
    .min(1, zodMessage(investor_positions_error_dateRequired))
    .superRefine(
      withinSpan({
        valid: isValidIsoDate,
        compare: compareIsoDates,
        earliest: EARLIEST_DATE,
        latest: today,
        invalid: zodMessage(investor_positions_error_dateInvalid),
        tooEarly: zodMessage(investor_positions_error_dateTooEarly, { earliest: EARLIEST_DATE }),
        tooLate: () => zodMessage(investor_positions_error_dateFuture, { today }),
      }),
    );

/** Optional percent 0–100 with up to two decimals → basis points; blank means unknown (null). */
const ownershipField = () =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = (v ?? "").trim();
      if (value === "") return null;
      return toBasisPoints(value, ctx, {
        negative: zodMessage(investor_positions_error_ownershipNegative),
        format: zodMessage(investor_positions_error_ownershipFormat),
        tooHigh: zodMessage(investor_positions_error_ownershipMax),
      });
    });

/** The create/edit form; `today` bounds the investment date (never in the future). */
export function positionSchema(today: IsoDate) {
  return z.object({
    companyOrgId: z
      .string({ error: zodMessage(investor_positions_error_companyRequired) })
      .trim()
      .min(1, zodMessage(investor_positions_error_companyRequired))
      .refine((v) => isUuid(v) || v === DELETED_COMPANY, zodMessage(investor_positions_error_companyFromList)),
    investedOn: investedOnField(today),
    amount: moneyField("the amount invested", { positive: true }),
    currency: optionalCurrencyField(),
    instrument: z.enum(INSTRUMENTS, {
      error: zodMessage(investor_positions_error_instrument),
    }),
    ownershipPercent: ownershipField(),
    currentValue: moneyField("the current value"),
    notes: optionalTextField("the notes", 2000),
  });
}

export type PositionInput = z.output<ReturnType<typeof positionSchema>>;
