import { z } from "zod";
import type { IsoDate } from "~/finance";
import { messageRef } from "~/i18n/translate";
import { DEBT_KINDS, REPAYMENT_TYPES } from "~/lib/instruments";
import { ALWAYS, moneyField, parsePercentToBasisPoints, toBasisPoints, optionalIntegerField, optionalPositiveMoneyField, recentDateField } from "./fields";

// A debt facility's rules, once: the create and edit forms and the model
// (app/models/debt-facility.server.ts) take their input from this schema.

export { parsePercentToBasisPoints };

const ratePercentField = () =>
  z
    .string({ error: messageRef("records.debt.rateRequired") })
    .trim()
    .min(1, messageRef("records.debt.rateRequired"))
    .transform((value, ctx) =>
      toBasisPoints(value, ctx, {
        negative: messageRef("records.debt.rateNegative"),
        format: messageRef("records.debt.rateFormat"),
        tooHigh: messageRef("records.debt.rateTooHigh"),
      }),
    );

const termField = () =>
  z
    .string({ error: messageRef("records.debt.termRequired") })
    .trim()
    .min(1, messageRef("records.debt.termRequired"))
    .transform((value, ctx) => {
      if (!/^\d+$/.test(value)) {
        ctx.addIssue({
          code: "custom",
          message: messageRef("records.debt.termWhole"),
        });
        return z.NEVER;
      }
      const n = Number(value);
      if (n < 1 || n > 600) {
        ctx.addIssue({
          code: "custom",
          message: messageRef("records.debt.termRange"),
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
          error: messageRef("common.validation.enterField", {
            field: "records.debt.in.lender",
          }),
        })
        .trim()
        .min(
          1,
          messageRef("common.validation.enterField", {
            field: "records.debt.in.lender",
          }),
        )
        .max(
          120,
          messageRef("common.validation.fieldTooLong", {
            field: "records.debt.in.lender",
            max: "120",
          }),
        ),
      kind: z.enum(DEBT_KINDS, {
        error: messageRef("records.debt.kindRequired"),
      }),
      principal: moneyField(
        {
          inSentence: "records.debt.in.principal",
          atStart: "records.debt.at.principal",
        },
        { positive: true },
      ),
      annualRatePercent: ratePercentField(),
      drawDate: recentDateField(
        {
          inSentence: "records.debt.in.drawDate",
          atStart: "records.debt.at.drawDate",
        },
        today,
      ),
      termMonths: termField(),
      repaymentType: z.enum(REPAYMENT_TYPES, {
        error: messageRef("records.debt.repaymentRequired"),
      }),
      interestOnlyMonths: optionalIntegerField(
        {
          inSentence: "records.debt.in.interestOnly",
          atStart: "records.debt.at.interestOnly",
        },
        0,
        599,
      ),
      minimumCash: optionalPositiveMoneyField({
        inSentence: "records.debt.in.minimumCash",
        atStart: "records.debt.at.minimumCash",
      }),
      reportingDeadlineDay: optionalIntegerField(
        {
          inSentence: "records.debt.in.deadlineDay",
          atStart: "records.debt.at.deadlineDay",
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
            message: messageRef("records.debt.interestOnlyRequired"),
          });
        } else if (typeof io === "number" && io < 1) {
          ctx.addIssue({
            code: "custom",
            path: ["interestOnlyMonths"],
            message: messageRef("records.debt.interestOnlyMin"),
          });
        } else if (typeof io === "number" && typeof facility.termMonths === "number" && io >= facility.termMonths) {
          ctx.addIssue({
            code: "custom",
            path: ["interestOnlyMonths"],
            message: messageRef("records.debt.interestOnlyBelowTerm", {
              term: facility.termMonths,
            }),
          });
        }
      } else if ((REPAYMENT_TYPES as readonly string[]).includes(facility.repaymentType) && typeof io === "number" && io > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["interestOnlyMonths"],
          message: messageRef("records.debt.interestOnlyNotApplicable"),
        });
      }
    }, ALWAYS);
}

export type DebtFacilityInput = z.output<ReturnType<typeof debtFacilitySchema>>;
