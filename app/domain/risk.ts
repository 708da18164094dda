import { z } from "zod";
import { isValidIsoDate } from "~/finance/month";
import { messageRef } from "~/i18n/translate";
import { RISK_CATEGORIES, RISK_STATUSES } from "~/lib/risk-labels";
import { confirmedField } from "./fields";

// A risk's rules, once: one schema for the forms (strings) and for the model's direct callers
// (numbers, nulls) — app/models/risk.server.ts validates with it before it writes.

/** A whole number 1–5. Coerced through a string so "abc", "2.5", 0 and 6 all fail alike. */
const levelField = (message: string) =>
  z.coerce
    .string()
    .trim()
    .regex(/^[1-5]$/, message)
    .transform(Number);

/** Optional text: empty or missing becomes null. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((value) => (value ? value : null));

/** The create form, and the model's check of direct callers. */
export const riskInputSchema = () =>
  z.object({
    title: z
      .string({ error: messageRef("records.risk.titleRequired") })
      .trim()
      .min(1, messageRef("records.risk.titleRequired"))
      .max(200, messageRef("records.risk.tooLong", { field: "records.risk.in.title", max: 200 })),
    category: z.enum(RISK_CATEGORIES, { error: messageRef("records.risk.categoryRequired") }),
    likelihood: levelField(messageRef("records.risk.likelihoodChoose")),
    impact: levelField(messageRef("records.risk.impactChoose")),
    owner: optionalText(120, messageRef("records.risk.tooLong", { field: "records.risk.in.owner", max: 120 })),
    mitigation: optionalText(5000, messageRef("records.risk.tooLong", { field: "records.risk.in.mitigation", max: 5000 })),
    status: z.enum(RISK_STATUSES, { error: messageRef("records.risk.statusRequired") }).default("open"),
    nextReviewDate: z
      .string()
      .trim()
      .nullish()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || isValidIsoDate(value), messageRef("records.risk.dateInvalid")),
  });
export type RiskInput = z.input<ReturnType<typeof riskInputSchema>>;
export type ValidRiskInput = z.output<ReturnType<typeof riskInputSchema>>;

/** A risk edit's version: a PostgreSQL integer ≥ 1 (its own words, "reload"). */
const riskVersionField = () =>
  z.coerce
    .number({ error: messageRef("records.risk.versionMissing") })
    .int(messageRef("records.risk.versionMissing"))
    .min(1, messageRef("records.risk.versionMissing"))
    // Versions are PostgreSQL integers: a larger number is no version the form could have read.
    .max(2_147_483_647, messageRef("records.risk.versionMissing"));

/** An edit carries the version it was made on. */
export const riskUpdateSchema = () => riskInputSchema().extend({ version: riskVersionField() });
/** A delete is confirmed (the dialog, or the tick box without JavaScript). */
export const riskDeleteSchema = () =>
  z.object({ version: riskVersionField(), confirm: confirmedField(messageRef("records.risk.error.confirmDelete")) });
