import { json } from "@remix-run/node";
import type { z } from "zod";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { renderMessage, renderMessages, type MessageRef } from "~/i18n/message-ref";
import { messageRef, translate, type PlainKey } from "~/i18n/translate";
import { refFromZodMessage } from "~/i18n/zod-messages";
import { AppError } from "./http.server";
import { redirectWithToast, type ToastMessage } from "./toast.server";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { common_validation_nul } from "~/paraglide/messages/common_validation_nul.js";

/** What is wrong with each field, as message refs; the failure reply renders them in the reader's language. */
export type FieldErrors = Record<string, MessageRef>;

/**
 * The first error per field of a zod parse, as refs: the one place zod's string messages
 * (`zodMessage`, app/i18n/zod-messages.ts) become refs again. Zod's own wording, from a schema
 * that gave none, passes through as a literal.
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".") || "form"] ??= refFromZodMessage(issue.message);
  return fieldErrors;
}

/** Parses FormData with a zod schema; on failure, the first message ref per field (see fieldErrorsOf). */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors } {
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
      if (typeof value === "string" && value.includes("\u0000")) fieldErrors[key] = messageRef(common_validation_nul);
    }
    if (Object.keys(fieldErrors).length === 0) return { ok: true, data: result.data };
    return { ok: false, fieldErrors };
  }
  return { ok: false, fieldErrors: fieldErrorsOf(result.error) };
}

/** What the user typed, so a form (even without JavaScript) comes back filled in after an error. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !(key in values)) values[key] = value;
  return values;
}

/**
 * Why a form was refused: the one JSON shape every form reads (`useActionData`). The messages
 * are text in the request's language: the browser holds no table of every message, so refs
 * are rendered here, like toasts in the root loader.
 */
export interface FormFailure<Conflict = never> {
  ok: false;
  formError?: string;
  fieldErrors: Record<string, string>;
  /** What the user typed, so the form (even without JavaScript) comes back filled in. */
  values?: Record<string, string>;
  /** 409 only: `true`, or what is saved now beside what the user sent (budgets, reports). */
  conflict?: Conflict;
}

interface FailureOptions<Conflict> {
  fieldErrors?: FieldErrors;
  /** A ref, or text already in the request's language (a conflict's message with its help). */
  formError?: MessageRef | string;
  /** 400 (the default), 401 (sign-in), 403, 409 or 429 (throttled); 404 is thrown, never answered with a body. */
  status?: 400 | 401 | 403 | 409 | 429;
  /** The submitted form, echoed back as `values`. */
  values?: FormData;
  conflict?: Conflict;
  /** The request's language, which the refs are rendered in (required: a forgotten one would answer in English). */
  locale: Locale;
}

/**
 * The one failure answer of every form action: field errors and a form error, in the
 * request's language, with 400 (nothing was written), 403 or 409. Replaces the earlier
 * `invalid`, `invalidSubmission`, the edit helper's and the pages' own conflict shapes.
 */
export function formFailure<Conflict = never>(options: FailureOptions<Conflict>) {
  const locale = options.locale;
  const body: FormFailure<Conflict> = { ok: false, fieldErrors: renderMessages(locale, options.fieldErrors ?? {}) };
  if (options.formError !== undefined) body.formError = typeof options.formError === "string" ? options.formError : renderMessage(locale, options.formError);
  if (options.values) body.values = submittedValues(options.values);
  if (options.conflict !== undefined) body.conflict = options.conflict;
  return json(body, { status: options.status ?? 400 });
}

/** 400 for a parse that failed: the field errors under the usual "check the fields" line. */
export function invalidForm(fieldErrors: FieldErrors, options: Omit<FailureOptions<never>, "fieldErrors" | "status">) {
  return formFailure({ formError: messageRef(common_validation_checkFields), ...options, fieldErrors });
}

/**
 * Optimistic concurrency, the answer half (the model half is `checkVersion` in
 * app/models/versioning.server.ts): someone saved in between, nothing was written. 409 with
 * the conflict's message (plus `help`), and `conflict` = what is saved now beside what the
 * user sent when the page can show both (budgets, reports), else `true`.
 */
export function conflictFailure<Current>(
  error: AppError,
  options: { locale?: Locale; help?: PlainKey; current?: Current; yours?: FormData | Record<string, string> } = {},
) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const message = renderMessage(locale, error.ref);
  const formError = options.help ? `${message} ${translate(locale, options.help)}` : message;
  if (!("current" in options)) return formFailure({ locale, status: 409, formError, conflict: true as const });
  const yours = options.yours instanceof FormData ? withoutVersion(options.yours) : (options.yours ?? {});
  return formFailure({ locale, status: 409, formError, conflict: { current: options.current as Current, yours } });
}

function withoutVersion(formData: FormData): Record<string, string> {
  const values = submittedValues(formData);
  delete values.version;
  return values;
}

/** A conflict raised below the route (the model's `checkVersion`). */
export function isConflict(error: unknown): error is AppError {
  return error instanceof AppError && error.code === "CONFLICT";
}

/**
 * Maps domain errors to answers at one edge, their messages in `locale`; anything else is a
 * real 500. NOT_FOUND is thrown as a 404. `values` echoes the form back on a 400.
 */
export function failureFromError(error: unknown, locale: Locale = DEFAULT_LOCALE, options: { values?: FormData; formError?: MessageRef } = {}) {
  if (!(error instanceof AppError)) throw error;
  switch (error.code) {
    case "NOT_FOUND":
      throw new Response("Not found", { status: 404 });
    case "FORBIDDEN":
      return formFailure({ locale, status: 403, fieldErrors: error.fieldErrors, formError: error.ref });
    case "CONFLICT":
      return conflictFailure(error, { locale });
    case "INVALID":
      return formFailure({ locale, fieldErrors: error.fieldErrors, formError: options.formError ?? error.ref, values: options.values });
  }
}

/**
 * The action of a page that creates one record from a form: parse with the entity's schema
 * (app/domain/<entity>.ts), answer 400 with the field errors and what was typed, else save
 * and land on `after` with its toast. A domain refusal (INVALID) keeps what was typed too.
 */
export async function createFromForm<S extends z.ZodType>(
  formData: FormData,
  create: { schema: S; locale: Locale; save(data: z.output<S>): Promise<unknown>; after: { to: string; toast: ToastMessage } },
) {
  const parsed = parseForm(create.schema, formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale: create.locale, values: formData });
  try {
    await create.save(parsed.data);
  } catch (error) {
    return failureFromError(error, create.locale, { values: formData, formError: messageRef(common_validation_checkFields) });
  }
  return redirectWithToast(create.after.to, create.after.toast);
}
