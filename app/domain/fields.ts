import { z } from "zod";
import { compareIsoDates, isValidIsoDate, type IsoDate } from "~/finance/month";
import type { PlainKey } from "~/i18n/translate";
import { zodMessage } from "~/i18n/zod-messages";
import { amountMessages, amountProblemMessage, parseAmount, type FieldLabel } from "~/domain/money-fields";
import { EARLIEST_DATE, isUuid, oneYearAfter } from "./bounds";
import { common_validation_currencyInvalid } from "~/paraglide/messages/common_validation_currencyinvalid1.js";
import { common_validation_enterField } from "~/paraglide/messages/common_validation_enterfield1.js";
import { common_validation_fieldTooLong } from "~/paraglide/messages/common_validation_fieldtoolong2.js";
import { records_edit_reload } from "~/paraglide/messages/records_edit_reload.js";
import { records_field_currencyUnknown } from "~/paraglide/messages/records_field_currencyunknown1.js";
import { records_field_date } from "~/paraglide/messages/records_field_date.js";
import { records_field_dateTooEarly } from "~/paraglide/messages/records_field_datetooearly2.js";
import { records_field_dateTooLate } from "~/paraglide/messages/records_field_datetoolate2.js";
import { records_field_range } from "~/paraglide/messages/records_field_range.js";
import { records_field_whole } from "~/paraglide/messages/records_field_whole.js";

export { oneYearAfter };

// The zod fields every entity schema (app/domain/<entity>.ts) is built from: one definition
// each. Browser-safe (no .server import), so a form's schema can be evaluated anywhere.
// Messages are message refs, as zod strings (zodMessage, docs/i18n.md): parseForm reads them back, formFailure renders them.
// Bounds without zod (earliest month, uuid) are in ./bounds.ts for pages that only show them.

export { moneyField, optionalMoneyField, type FieldLabel } from "~/domain/money-fields";

/** A row id from a form or a URL: the same UUID rule as isUuid (./bounds.ts). */
export const uuidField = (message?: string) => z.string({ error: message }).trim().refine(isUuid, { message });

/** The `version` an edit form was loaded with (optimistic concurrency, app/models/versioning.server.ts). */
export function versionField() {
  const reload = zodMessage(records_edit_reload);
  return z
    .string({ error: reload })
    .regex(/^\d{1,9}$/, reload)
    .transform(Number);
}

/** A field the form may leave blank (trimmed, it is null); filled in, `filled` says what it must be. */
function blankOrNull<T extends z.ZodType<unknown, string>>(filled: T) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.union([z.literal("").transform(() => null), filled]));
}

/**
 * The `version` of a row that may not exist yet (a month without a report or value): blank is
 * null, "create it"; otherwise the same rule as versionField.
 */
export const optionalVersionField = () =>
  blankOrNull(
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  );

/** The ticked confirmation box of a destructive form (works without JavaScript). */
export const confirmedField = (message: string) => z.literal("yes", { error: message });

/**
 * Field names for messages (FieldLabel, app/domain/money-fields.ts): plain English from callers not yet
 * translated, or message keys, so the message becomes a ref answered in the request's language.
 */
function fieldMessages(label: FieldLabel) {
  if (typeof label === "string") {
    return {
      enter: `Enter ${label}.`,
      date: `Enter ${label} as a real calendar date (YYYY-MM-DD).`,
      tooEarly: (year: string) => `${capitalise(label)} must be in ${year} or later.`,
      tooLate: (latest: string) => `${capitalise(label)} cannot be more than a year in the future (latest ${latest}).`,
      tooLong: (max: number) => `Keep ${label} under ${max} characters.`,
      whole: `Enter ${label} as a whole number.`,
      range: (min: number, max: number) => `${capitalise(label)} must be between ${min} and ${max.toLocaleString("en-US")}.`,
    };
  }
  const { inSentence: field, atStart } = label;
  return {
    enter: zodMessage(common_validation_enterField, { field }),
    date: zodMessage(records_field_date, { field }),
    tooEarly: (year: string) => zodMessage(records_field_dateTooEarly, { field: atStart, year }),
    tooLate: (latest: string) => zodMessage(records_field_dateTooLate, { field: atStart, latest }),
    tooLong: (max: number) => zodMessage(common_validation_fieldTooLong, { field, max: String(max) }),
    whole: zodMessage(records_field_whole, { field }),
    range: (min: number, max: number) =>
      zodMessage(records_field_range, {
        field: atStart,
        min: String(min),
        max,
      }),
  };
}

/** A field named by message keys: in a sentence and at its start. */
export const named = (inSentence: PlainKey, atStart: PlainKey): FieldLabel => ({
  inSentence,
  atStart,
});

/** How a date or month field is checked: well-formed, then not before `earliest`, then not after `latest`. */
export interface SpanRule {
  valid: (value: string) => boolean;
  /** Orders two well-formed values (compareIsoDates, compareMonths). */
  compare: (a: string, b: string) => number;
  earliest: string;
  latest: string;
  invalid: string;
  tooEarly: string;
  tooLate: (value: string) => string;
}

/** The refinement of a SpanRule: the first of its checks a value fails is its one message. */
export const withinSpan =
  (rule: SpanRule) =>
  (value: string, ctx: z.RefinementCtx): void => {
    const message = !rule.valid(value)
      ? rule.invalid
      : rule.compare(value, rule.earliest) < 0
        ? rule.tooEarly
        : rule.compare(value, rule.latest) > 0
          ? rule.tooLate(value)
          : null;
    if (message !== null) ctx.addIssue({ code: "custom", message });
  };

/**
 * A calendar date (YYYY-MM-DD) no more than a year after `today`: a round or draw can be
 * planned ahead, but a date years out is a typo, and it would distort every forecast.
 */
export const recentDateField = (label: FieldLabel, today: IsoDate) => {
  const messages = fieldMessages(label);
  return z
    .string({ error: messages.enter })
    .trim()
    .min(1, messages.enter)
    .superRefine(
      withinSpan({
        valid: isValidIsoDate,
        compare: compareIsoDates,
        earliest: EARLIEST_DATE,
        latest: oneYearAfter(today),
        invalid: messages.date,
        tooEarly: messages.tooEarly(EARLIEST_DATE.slice(0, 4)),
        tooLate: () => messages.tooLate(oneYearAfter(today)),
      }),
    );
};

/** Free text that may be left blank (stored as null). */
export const optionalTextField = (label: FieldLabel, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, fieldMessages(label).tooLong(max)))
    .transform((v) => (v === "" ? null : v));

let knownCurrencies: Set<string> | undefined;
function isKnownCurrency(code: string) {
  knownCurrencies ??= new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : []);
  return knownCurrencies.size === 0 || knownCurrencies.has(code);
}

/** An ISO 4217 code; blank means "the org's base currency" (null here, filled in by the model). */
export const optionalCurrencyField = () =>
  blankOrNull(
    z
      .string()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, zodMessage(common_validation_currencyInvalid))
      .refine(isKnownCurrency, {
        message: zodMessage(records_field_currencyUnknown),
      }),
  );

/**
 * Optional positive money in major units; blank means null. (The shared `optionalMoneyField`
 * answers a bad value with zod's generic "Invalid input", because its union hides the
 * message; this one says what is wrong.)
 */
export const optionalPositiveMoneyField = (label: FieldLabel) => {
  const messages = amountMessages(label);
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = (v ?? "").trim();
      if (value === "") return null;
      const parsed = parseAmount(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: amountProblemMessage(messages, parsed.problem) });
        return z.NEVER;
      }
      const minor = parsed.minor;
      if (minor < 0) {
        ctx.addIssue({ code: "custom", message: messages.negative });
        return z.NEVER;
      }
      if (minor === 0) {
        ctx.addIssue({ code: "custom", message: messages.positiveOrBlank });
        return z.NEVER;
      }
      return minor;
    });
};

/** Optional whole number in a range; blank means null. */
export const optionalIntegerField = (label: FieldLabel, min: number, max: number) => {
  const messages = fieldMessages(label);
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().replace(/[,_\s]/g, ""))
    .transform((v, ctx) => {
      if (v === "") return null;
      if (!/^-?\d+$/.test(v)) {
        ctx.addIssue({ code: "custom", message: messages.whole });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: messages.range(min, max) });
        return z.NEVER;
      }
      return n;
    });
};

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Cross-field rules run even when a field already failed, so the form reports every problem
 * at once. Their callbacks must therefore read only values that parsed (typeof checks).
 */
export const ALWAYS = { when: () => true };

/**
 * A percent with at most two decimals ("12.5", "9.75 %") → whole basis points, parsed on the
 * string so 8.29 % is 829 bp exactly.
 */
export function parsePercentToBasisPoints(input: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(input.trim().replace(/\s*%$/, ""));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** A percent 0–100 → basis points inside a zod transform, each problem in the caller's words. */
export function toBasisPoints(value: string, ctx: z.RefinementCtx, messages: { negative: string; format: string; tooHigh: string }): number {
  const problem = /^-/.test(value) ? messages.negative : null;
  const bp = problem ? null : parsePercentToBasisPoints(value);
  const message = problem ?? (bp === null ? messages.format : bp > 10_000 ? messages.tooHigh : null);
  if (message !== null || bp === null) {
    ctx.addIssue({ code: "custom", message: message ?? messages.format });
    return z.NEVER;
  }
  return bp;
}
