import { z } from "zod";
import type { DebtTerms, IsoDate, RepaymentType } from "~/finance";
import { zodMessage } from "~/i18n/zod-messages";
import { DEBT_KINDS, REPAYMENT_TYPES } from "~/domain/instruments";
import { ALWAYS, moneyField, parsePercentToBasisPoints, toBasisPoints, optionalIntegerField, optionalPositiveMoneyField, recentDateField } from "./fields";
import { common_validation_enterField } from "~/paraglide/messages/common_validation_enterfield1.js";
import { common_validation_fieldTooLong } from "~/paraglide/messages/common_validation_fieldtoolong2.js";
import { records_debt_at_deadlineDay } from "~/paraglide/messages/records_debt_at_deadlineday1.js";
import { records_debt_at_drawDate } from "~/paraglide/messages/records_debt_at_drawdate1.js";
import { records_debt_at_interestOnly } from "~/paraglide/messages/records_debt_at_interestonly1.js";
import { records_debt_at_minimumCash } from "~/paraglide/messages/records_debt_at_minimumcash1.js";
import { records_debt_at_principal } from "~/paraglide/messages/records_debt_at_principal.js";
import { records_debt_in_deadlineDay } from "~/paraglide/messages/records_debt_in_deadlineday1.js";
import { records_debt_in_drawDate } from "~/paraglide/messages/records_debt_in_drawdate1.js";
import { records_debt_in_interestOnly } from "~/paraglide/messages/records_debt_in_interestonly1.js";
import { records_debt_in_lender } from "~/paraglide/messages/records_debt_in_lender.js";
import { records_debt_in_minimumCash } from "~/paraglide/messages/records_debt_in_minimumcash1.js";
import { records_debt_in_principal } from "~/paraglide/messages/records_debt_in_principal.js";
import { records_debt_interestOnlyBelowTerm } from "~/paraglide/messages/records_debt_interestonlybelowterm3.js";
import { records_debt_interestOnlyMin } from "~/paraglide/messages/records_debt_interestonlymin2.js";
import { records_debt_interestOnlyNotApplicable } from "~/paraglide/messages/records_debt_interestonlynotapplicable3.js";
import { records_debt_interestOnlyRequired } from "~/paraglide/messages/records_debt_interestonlyrequired2.js";
import { records_debt_kindRequired } from "~/paraglide/messages/records_debt_kindrequired1.js";
import { records_debt_rateFormat } from "~/paraglide/messages/records_debt_rateformat1.js";
import { records_debt_rateNegative } from "~/paraglide/messages/records_debt_ratenegative1.js";
import { records_debt_rateRequired } from "~/paraglide/messages/records_debt_raterequired1.js";
import { records_debt_rateTooHigh } from "~/paraglide/messages/records_debt_ratetoohigh2.js";
import { records_debt_repaymentRequired } from "~/paraglide/messages/records_debt_repaymentrequired1.js";
import { records_debt_termRange } from "~/paraglide/messages/records_debt_termrange1.js";
import { records_debt_termRequired } from "~/paraglide/messages/records_debt_termrequired1.js";
import { records_debt_termWhole } from "~/paraglide/messages/records_debt_termwhole1.js";

// A debt facility's rules, once: the create and edit forms and the model
// (app/models/debt-facility.server.ts) take their input from this schema.

export { parsePercentToBasisPoints };

const ratePercentField = () =>
  z
    .string({ error: zodMessage(records_debt_rateRequired) })
    .trim()
    .min(1, zodMessage(records_debt_rateRequired))
    .transform((value, ctx) =>
      toBasisPoints(value, ctx, {
        negative: zodMessage(records_debt_rateNegative),
        format: zodMessage(records_debt_rateFormat),
        tooHigh: zodMessage(records_debt_rateTooHigh),
      }),
    );

const termField = () =>
  z
    .string({ error: zodMessage(records_debt_termRequired) })
    .trim()
    .min(1, zodMessage(records_debt_termRequired))
    .transform((value, ctx) => {
      if (!/^\d+$/.test(value)) {
        ctx.addIssue({
          code: "custom",
          message: zodMessage(records_debt_termWhole),
        });
        return z.NEVER;
      }
      const n = Number(value);
      if (n < 1 || n > 600) {
        ctx.addIssue({
          code: "custom",
          message: zodMessage(records_debt_termRange),
        });
        return z.NEVER;
      }
      return n;
    });

/** The create/edit form. `today` bounds the draw date (at most a year ahead). */
export function debtFacilitySchema(today: IsoDate) {
  return z
    .object({
      lender: z
        .string({
          error: zodMessage(common_validation_enterField, {
            field: records_debt_in_lender,
          }),
        })
        .trim()
        .min(
          1,
          zodMessage(common_validation_enterField, {
            field: records_debt_in_lender,
          }),
        )
        .max(
          120,
          zodMessage(common_validation_fieldTooLong, {
            field: records_debt_in_lender,
            max: "120",
          }),
        ),
      kind: z.enum(DEBT_KINDS, {
        error: zodMessage(records_debt_kindRequired),
      }),
      principal: moneyField(
        {
          inSentence: records_debt_in_principal,
          atStart: records_debt_at_principal,
        },
        { positive: true },
      ),
      annualRatePercent: ratePercentField(),
      drawDate: recentDateField(
        {
          inSentence: records_debt_in_drawDate,
          atStart: records_debt_at_drawDate,
        },
        today,
      ),
      termMonths: termField(),
      repaymentType: z.enum(REPAYMENT_TYPES, {
        error: zodMessage(records_debt_repaymentRequired),
      }),
      interestOnlyMonths: optionalIntegerField(
        {
          inSentence: records_debt_in_interestOnly,
          atStart: records_debt_at_interestOnly,
        },
        0,
        599,
      ),
      minimumCash: optionalPositiveMoneyField({
        inSentence: records_debt_in_minimumCash,
        atStart: records_debt_at_minimumCash,
      }),
      reportingDeadlineDay: optionalIntegerField(
        {
          inSentence: records_debt_in_deadlineDay,
          atStart: records_debt_at_deadlineDay,
        },
        1,
        28,
      ),
    })
    .superRefine((facility, ctx) => {
      const io = facility.interestOnlyMonths;
      if (facility.repaymentType === "interest_only_then_amortizing") {
        if (io === null) {
          ctx.addIssue({
            code: "custom",
            path: ["interestOnlyMonths"],
            message: zodMessage(records_debt_interestOnlyRequired),
          });
        } else if (typeof io === "number" && io < 1) {
          ctx.addIssue({
            code: "custom",
            path: ["interestOnlyMonths"],
            message: zodMessage(records_debt_interestOnlyMin),
          });
        } else if (typeof io === "number" && typeof facility.termMonths === "number" && io >= facility.termMonths) {
          ctx.addIssue({
            code: "custom",
            path: ["interestOnlyMonths"],
            message: zodMessage(records_debt_interestOnlyBelowTerm, {
              term: facility.termMonths,
            }),
          });
        }
      } else if ((REPAYMENT_TYPES as readonly string[]).includes(facility.repaymentType) && typeof io === "number" && io > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["interestOnlyMonths"],
          message: zodMessage(records_debt_interestOnlyNotApplicable),
        });
      }
    }, ALWAYS);
}

export type DebtFacilityInput = z.output<ReturnType<typeof debtFacilitySchema>>;

/** A facility as stored (a row, or one about to be inserted), as far as its repayment schedule goes. */
export interface DebtFacilityTermsColumns {
  principal: number;
  annualRateBp: number;
  drawDate: string;
  termMonths: number;
  repaymentType: string;
  interestOnlyMonths?: number | null;
}

/**
 * The facility as finance debt terms (note: the column is `annualRateBp`, the terms say
 * `annualRateBps`). The repayment type is taken as stored: callers that may hold an unknown
 * one check it with `isRepaymentType` first.
 */
export function debtTermsOf(row: DebtFacilityTermsColumns): DebtTerms {
  return {
    principal: row.principal,
    annualRateBps: row.annualRateBp,
    drawMonth: row.drawDate.slice(0, 7),
    termMonths: row.termMonths,
    repayment: row.repaymentType as RepaymentType,
    interestOnlyMonths: row.repaymentType === "interest_only_then_amortizing" ? (row.interestOnlyMonths ?? 0) : undefined,
  };
}
