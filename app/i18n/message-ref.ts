/**
 * A message decided before the reader's language is known — a domain refusal (AppError), a
 * field error, a toast, a stored alert reason — is a `MessageRef`: the message's key and its
 * values, as data. Code passes refs around as objects and renders them at the edge with
 * `renderMessage(locale, ref)`; nothing builds or parses a ref out of a string (decision 015).
 * The one exception is zod, whose issue messages must be strings: ./zod-messages.ts encodes a
 * ref there and decodes it where issues are read.
 *
 * Browser-safe. On the server any key resolves (app/i18n/messages.server.ts); in the browser
 * that table is empty, so browser code that renders refs (alert reasons) passes its own lookup.
 */
import { common_unit_months } from "~/paraglide/messages/common_unit_months.js";
import { dateText, fixedNumber, monthText } from "./display";
import { formatterFor } from "./format";
import type { Locale } from "./locales";
import { SERVER_MESSAGES } from "./messages.server";
import { translate, translator, type MessageRef, type MessageValue, type TranslationKey } from "./translate";

// The shape itself is declared beside messageRef, which builds it (translate.ts); it is this module's to use.
export type { MessageRef, MessageValue } from "./translate";

/** Finds the compiled message a key names; undefined when there is none. */
export type MessageLookup = (key: string) => TranslationKey | undefined;

/** Every message, on the server; nothing in the browser. */
const serverLookup: MessageLookup = (key) => SERVER_MESSAGES?.messageByKey(key) as TranslationKey | undefined;

export function isMessageRef(value: unknown): value is MessageRef {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { key, values } = value as { key?: unknown; values?: unknown };
  return typeof key === "string" && (values === undefined || (typeof values === "object" && values !== null && !Array.isArray(values)));
}

function renderValue(locale: Locale, value: MessageValue, lookup: MessageLookup): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if ("key" in value) return renderMessage(locale, value, lookup);
  const t = translator(locale);
  if ("money" in value) return formatterFor(locale).money(value.money, value.currency);
  // A custom metric's decimal as stored; alertReasonText formats it in its unit before this (decision 027).
  if ("metric" in value) return value.metric;
  if ("month" in value) return monthText(t, value.month);
  if ("date" in value) return dateText(t, value.date);
  if ("months" in value) return t(common_unit_months, { count: value.months });
  if ("fixed" in value) return fixedNumber(locale, value.fixed, value.digits);
  // Percentage points in the ref (20 → "20%"), through the one percent format.
  return value.digits === undefined
    ? formatterFor(locale).percent(value.percent / 100, 2)
    : formatterFor(locale).percent(value.percent / 100, value.digits, true);
}

/**
 * A ref → its text in `locale`, values rendered in the same language (refs inside it too).
 * A key no message has comes back as it is: that is how plain English text that never was a
 * ref (an old stored alert reason, zod's own wording) passes through unchanged.
 */
export function renderMessage(locale: Locale, ref: MessageRef, lookup: MessageLookup = serverLookup): string {
  const message = lookup(ref.key);
  if (!message) return ref.key;
  const values = ref.values && Object.fromEntries(Object.entries(ref.values).map(([name, value]) => [name, renderValue(locale, value, lookup)]));
  return (translate as (locale: Locale, message: TranslationKey, vars?: Record<string, unknown>) => string)(locale, message, values);
}

/** Every ref of a field-error map rendered (the map's keys are field names, left alone). */
export function renderMessages(locale: Locale, refs: Readonly<Record<string, MessageRef>>): Record<string, string> {
  return Object.fromEntries(Object.entries(refs).map(([field, ref]) => [field, renderMessage(locale, ref)]));
}

/** A text that never was a message (a name, an English sentence) as a ref: rendered, it is itself. */
export function literalRef(text: string): MessageRef {
  return { key: text };
}
