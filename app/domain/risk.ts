import { z } from "zod";
import { isValidIsoDate } from "~/finance/month";
import { zodMessage } from "~/i18n/zod-messages";
import { RISK_CATEGORIES, RISK_STATUSES } from "~/domain/risk-labels";
import { confirmedField } from "./fields";
import { records_risk_categoryRequired } from "~/paraglide/messages/records_risk_categoryrequired1.js";
import { records_risk_dateInvalid } from "~/paraglide/messages/records_risk_dateinvalid1.js";
import { records_risk_error_confirmDelete } from "~/paraglide/messages/records_risk_error_confirmdelete1.js";
import { records_risk_impactChoose } from "~/paraglide/messages/records_risk_impactchoose1.js";
import { records_risk_in_mitigation } from "~/paraglide/messages/records_risk_in_mitigation.js";
import { records_risk_in_owner } from "~/paraglide/messages/records_risk_in_owner.js";
import { records_risk_in_title } from "~/paraglide/messages/records_risk_in_title.js";
import { records_risk_likelihoodChoose } from "~/paraglide/messages/records_risk_likelihoodchoose1.js";
import { records_risk_statusRequired } from "~/paraglide/messages/records_risk_statusrequired1.js";
import { records_risk_titleRequired } from "~/paraglide/messages/records_risk_titlerequired1.js";
import { records_risk_tooLong } from "~/paraglide/messages/records_risk_toolong1.js";
import { records_risk_versionMissing } from "~/paraglide/messages/records_risk_versionmissing1.js";

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
      .string({ error: zodMessage(records_risk_titleRequired) })
      .trim()
      .min(1, zodMessage(records_risk_titleRequired))
      .max(200, zodMessage(records_risk_tooLong, { field: records_risk_in_title, max: 200 })),
    category: z.enum(RISK_CATEGORIES, { error: zodMessage(records_risk_categoryRequired) }),
    likelihood: levelField(zodMessage(records_risk_likelihoodChoose)),
    impact: levelField(zodMessage(records_risk_impactChoose)),
    owner: optionalText(120, zodMessage(records_risk_tooLong, { field: records_risk_in_owner, max: 120 })),
    mitigation: optionalText(5000, zodMessage(records_risk_tooLong, { field: records_risk_in_mitigation, max: 5000 })),
    status: z.enum(RISK_STATUSES, { error: zodMessage(records_risk_statusRequired) }).default("open"),
    nextReviewDate: z
      .string()
      .trim()
      .nullish()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || isValidIsoDate(value), zodMessage(records_risk_dateInvalid)),
  });
export type RiskInput = z.input<ReturnType<typeof riskInputSchema>>;
export type ValidRiskInput = z.output<ReturnType<typeof riskInputSchema>>;

/** A risk edit's version: a PostgreSQL integer ≥ 1 (its own words, "reload"). */
const riskVersionField = () =>
  z.coerce
    .number({ error: zodMessage(records_risk_versionMissing) })
    .int(zodMessage(records_risk_versionMissing))
    .min(1, zodMessage(records_risk_versionMissing))
    // Versions are PostgreSQL integers: a larger number is no version the form could have read.
    .max(2_147_483_647, zodMessage(records_risk_versionMissing));

/** An edit carries the version it was made on. */
export const riskUpdateSchema = () => riskInputSchema().extend({ version: riskVersionField() });
/** A delete is confirmed (the dialog, or the tick box without JavaScript). */
export const riskDeleteSchema = () => z.object({ version: riskVersionField(), confirm: confirmedField(zodMessage(records_risk_error_confirmDelete)) });
