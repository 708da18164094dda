import { json } from "@remix-run/node";
import { z } from "zod";
import { AppError } from "./http.server";

export type FieldErrors = Record<string, string>;
export interface ActionFailure {
  ok: false;
  formError?: string;
  fieldErrors: FieldErrors;
}

/** Parses FormData with a zod schema; on failure, the first message per field. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors } {
  const raw: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) {
    // A duplicated field is ambiguous: the first one wins, deliberately.
    if (!(key in raw)) raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
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
export function invalidSubmission(fieldErrors: FieldErrors, formData: FormData, formError = "Nothing was saved. Check the highlighted fields.") {
  return json({ ok: false as const, fieldErrors, formError, values: submittedValues(formData) }, { status: 400 });
}

export function invalid(fieldErrors: FieldErrors, formError?: string, status = 400) {
  return json<ActionFailure>({ ok: false, fieldErrors, formError }, { status });
}

/** Maps domain errors to answers at one edge; anything else is a real 500. */
export function appErrorResponse(error: unknown) {
  if (!(error instanceof AppError)) throw error;
  switch (error.code) {
    case "NOT_FOUND":
      throw new Response("Not found", { status: 404 });
    case "FORBIDDEN":
      return invalid(error.fieldErrors, error.message, 403);
    case "CONFLICT":
      return invalid(error.fieldErrors, error.message, 409);
    case "INVALID":
      return invalid(error.fieldErrors, error.message, 400);
  }
}
