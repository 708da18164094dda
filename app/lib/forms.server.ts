import { json } from "@remix-run/node";
import type { z } from "zod";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { localizeErrors, localizeMessage, messageRef } from "~/i18n/translate";
import { AppError } from "./http.server";

export type FieldErrors = Record<string, string>;
export interface ActionFailure {
  ok: false;
  formError?: string;
  fieldErrors: FieldErrors;
}

/**
 * Parses FormData with a zod schema; on failure, the first message per field, in `locale`
 * (schemas hold message refs, docs/i18n.md; plain English messages pass through as they are).
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  locale: Locale = DEFAULT_LOCALE,
): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors } {
  const raw: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) {
    // A duplicated field is ambiguous: the first one wins, deliberately.
    if (!(key in raw)) raw[key] = value;
  }
  const result = schema.safeParse(raw);
  const fieldErrors: FieldErrors = {};
  if (result.success) {
    // PostgreSQL text cannot hold a NUL byte: refuse a parsed value carrying one, on its field, instead of a failed insert (500).
    for (const [key, value] of Object.entries((result.data ?? {}) as Record<string, unknown>)) {
      if (typeof value === "string" && value.includes("\u0000")) fieldErrors[key] = localizeMessage(locale, messageRef("common.validation.nul"));
    }
    if (Object.keys(fieldErrors).length === 0) return { ok: true, data: result.data };
    return { ok: false, fieldErrors };
  }
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= localizeMessage(locale, issue.message);
  }
  return { ok: false, fieldErrors };
}

/** What the user typed, so a form (even without JavaScript) comes back filled in after an error. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !(key in values)) values[key] = value;
  return values;
}

/** 400 with field errors and the submitted values; nothing was written. */
export function invalidSubmission(fieldErrors: FieldErrors, formData: FormData, formError: string = messageRef("common.validation.checkFields")) {
  // A message ref that was not localized yet falls back to English, never to a raw key.
  const localized = { fieldErrors: localizeErrors(DEFAULT_LOCALE, fieldErrors), formError: localizeMessage(DEFAULT_LOCALE, formError) };
  return json({ ok: false as const, ...localized, values: submittedValues(formData) }, { status: 400 });
}

export function invalid(fieldErrors: FieldErrors, formError?: string, status = 400) {
  // Same safety net as above: refs not localized by the caller come out in English.
  const localizedForm = formError === undefined ? undefined : localizeMessage(DEFAULT_LOCALE, formError);
  return json<ActionFailure>({ ok: false, fieldErrors: localizeErrors(DEFAULT_LOCALE, fieldErrors), formError: localizedForm }, { status });
}

/** Maps domain errors to answers at one edge, their messages in `locale`; anything else is a real 500. */
export function appErrorResponse(error: unknown, locale: Locale = DEFAULT_LOCALE) {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors = localizeErrors(locale, error.fieldErrors);
  const message = localizeMessage(locale, error.message);
  switch (error.code) {
    case "NOT_FOUND":
      throw new Response("Not found", { status: 404 });
    case "FORBIDDEN":
      return invalid(fieldErrors, message, 403);
    case "CONFLICT":
      return invalid(fieldErrors, message, 409);
    case "INVALID":
      return invalid(fieldErrors, message, 400);
  }
}
