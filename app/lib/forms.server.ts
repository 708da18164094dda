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
  const fieldErrors: FieldErrors = {};
  if (result.success) {
    // PostgreSQL text cannot hold a NUL byte: refuse a parsed value carrying one, on its field, instead of a failed insert (500).
    for (const [key, value] of Object.entries((result.data ?? {}) as Record<string, unknown>)) {
      if (typeof value === "string" && value.includes("\u0000")) fieldErrors[key] = "Remove the invisible NUL character (\\0) from this field.";
    }
    if (Object.keys(fieldErrors).length === 0) return { ok: true, data: result.data };
    return { ok: false, fieldErrors };
  }
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
