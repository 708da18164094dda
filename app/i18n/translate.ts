/**
 * The translation core: catalogues, `translate`, plurals, message refs. No hooks and no Remix
 * imports, so server modules (models, e-mails) can use it too. Components import from "~/i18n".
 */
import { createElement, Fragment, type ReactNode } from "react";
import { DEFAULT_LOCALE, intlLocale, isLocale, type Locale } from "./locales";
import { SERVER_MESSAGES } from "./messages.server";
// One import per message (not the barrel): see scripts/codemods/paraglide.mts, moduleOf.
import { common_pageTitle } from "~/paraglide/messages/common_pagetitle1.js";

/**
 * A compiled Paraglide message (app/paraglide, generated from app/i18n/messages/<locale>.json):
 * `records_risk_title`, imported from "~/paraglide/messages/records_risk_title.js". Pages import the ones they show, so a page's JavaScript holds exactly
 * its messages, in both languages (a language switch needs no download).
 */
export type Message<I = never> = (inputs: I, options?: { locale?: Locale }) => string;
/** Any message, whatever its variables. */
// biome-ignore lint/suspicious/noExplicitAny: a message's inputs are checked at the call (VarsArg).
export type TranslationKey = Message<any>;
/** Messages without variables: handy for tables (`Record<Status, PlainKey>`). */
export type PlainKey = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
type InputsOf<M> = M extends (inputs: infer I, ...rest: never[]) => string ? I : never;
export type Vars<M extends TranslationKey, V = string | number> = { [P in keyof InputsOf<M>]: V };
/** No variables in the text → no second argument; otherwise exactly the text's variables. */
export type VarsArg<M extends TranslationKey> = [keyof InputsOf<M>] extends [never] ? [] : [vars: Vars<M>];
/** A message ref's variables may name messages too (a field's name in "Enter {field}."): translated with the sentence. */
export type RefVarsArg<M extends TranslationKey> = [keyof InputsOf<M>] extends [never] ? [] : [vars: Vars<M, MessageValue | TranslationKey>];
/** A message's key as refs carry it: "records.risk.title". Resolved on the server (messages.server.ts). */
export type MessageKey = string;

/** Whether `key` names a message (server only: the browser holds no table of keys). */
export function isTranslationKey(key: string): boolean {
  return SERVER_MESSAGES ? SERVER_MESSAGES.messageByKey(key) !== undefined : false;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
function formatValue(locale: Locale, value: unknown): unknown {
  if (typeof value !== "number") return value;
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale));
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * Numbers in variables are formatted for the locale ("1,234"); a variable left out shows as
 * "{name}" rather than "undefined". A plural's `count` goes through
 * the same: Paraglide selects the form with Number(count), and a grouped number ("1,234") reads
 * as NaN, whose form is "other" — right in English and Chinese, whose "one" is exactly 1.
 */
function formatVars(locale: Locale, vars: Record<string, unknown> | undefined): Record<string, unknown> {
  const formatted = vars ? Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, formatValue(locale, value)])) : {};
  return new Proxy(formatted, { get: (target, name) => (typeof name !== "string" || name in target ? target[name as string] : `{${name}}`) });
}

/** The text of `message` in `locale`, with its variables filled (numbers formatted for the locale). */
export function translate<M extends TranslationKey>(locale: Locale, message: M, ...args: VarsArg<M>): string {
  if (typeof message === "string") return translateUnchecked(locale, message, args[0] as Record<string, unknown> | undefined);
  return message(formatVars(locale, args[0] as Record<string, unknown> | undefined) as never, { locale });
}

/** For keys only known at run time (message refs): server only; unknown keys come back as they are. */
export function translateUnchecked(locale: Locale, key: string, vars?: Record<string, unknown>): string {
  const message = SERVER_MESSAGES?.messageByKey(key);
  return message ? message(formatVars(locale, vars) as never, { locale }) : key;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0001/U+0002 mark where a rich variable goes; they never occur in message text.
const MARK = /\u0001(\d+)\u0002/;

/** Like translate, but variables may be React nodes (a link or <strong> inside a sentence). */
export function translateRich<M extends TranslationKey>(locale: Locale, message: M, vars: Vars<M, ReactNode>): ReactNode {
  const nodes: ReactNode[] = [];
  const inputs = Object.fromEntries(
    Object.entries(vars as Record<string, ReactNode>).map(([name, value]) => {
      if (typeof value === "string" || typeof value === "number") return [name, formatValue(locale, value)];
      nodes.push(value);
      return [name, `\u0001${nodes.length - 1}\u0002`];
    }),
  );
  const pieces = message(inputs as never, { locale }).split(MARK);
  return createElement(
    Fragment,
    null,
    ...pieces.map((piece, index) => createElement(Fragment, { key: index }, index % 2 === 1 ? nodes[Number(piece)] : piece)),
  );
}

export interface Translator {
  <M extends TranslationKey>(message: M, ...args: VarsArg<M>): string;
  rich<M extends TranslationKey>(message: M, vars: Vars<M, ReactNode>): ReactNode;
  locale: Locale;
}

/** `t` bound to one locale: `const t = translator(locale)`. */
export function translator(locale: Locale): Translator {
  const t = (<M extends TranslationKey>(message: M, ...args: VarsArg<M>) => translate(locale, message, ...args)) as Translator;
  t.rich = (message, vars) => translateRich(locale, message, vars);
  t.locale = locale;
  return t;
}

/**
 * A value in a ref. Plain strings are shown as they are and numbers formatted for the locale;
 * a ref is rendered in the same language (the field's name in "Enter {field}.", a level word);
 * the typed values are formatted for the locale: an amount in minor units with its currency, a
 * month, a date, a number of months (plural), a number with fixed decimals, a percentage.
 */
export type MessageValue =
  | string
  | number
  | MessageRef
  | { readonly money: number; readonly currency: string }
  | { readonly month: string }
  | { readonly date: string }
  | { readonly months: number }
  | { readonly fixed: number; readonly digits: number }
  | { readonly percent: number; readonly digits?: number }
  /** A custom metric's exact decimal, shown in its unit (app/i18n/metric-format.ts). */
  | { readonly metric: string; readonly unit: string; readonly currency: string };

/**
 * A message as data: `{ key: "records_risk_titleRequired" }`,
 * `{ key: "common_validation_enterField", values: { field: { key: "auth_signup_nameInSentence" } } }`.
 * The key is a compiled message's id (or, for stored alert reasons, the dotted key the database holds).
 */
export interface MessageRef {
  readonly key: string;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/**
 * A message decided before the locale is known (an AppError, a field error, a toast) as data:
 * `{ key, values }` (./message-ref.ts). Variable values that are messages become refs
 * themselves, rendered with the sentence (the field's name in "Enter {field}.").
 */
export function messageRef<M extends TranslationKey>(message: M, ...args: RefVarsArg<M>): MessageRef {
  const key = keyOf(message);
  const vars = args[0] as Record<string, MessageValue | TranslationKey> | undefined;
  if (!vars) return { key };
  const values = Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, typeof value === "function" ? { key: keyOf(value) } : value]));
  return { key, values };
}

/**
 * A message's id ("records_risk_title"), for a ref that travels as data (a zod message, a toast
 * in its cookie). Server only: the browser has no table of every message, so there it is "".
 */
export function keyOf(message: TranslationKey | MessageKey): MessageKey {
  if (typeof message === "string") return message;
  // In the browser (schemas built in browser-safe modules) a ref is never shown or sent: no table, no id.
  if (!SERVER_MESSAGES) return "";
  const key = SERVER_MESSAGES.keyOf(message);
  if (!key) throw new Error("keyOf: not a compiled message");
  return key;
}

/** The request's locale inside a `meta` function, which has no hooks: read from the root match. */
export function localeFromMatches(matches: readonly { id: string; data?: unknown }[]): Locale {
  const data = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/** `export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "auth.login.metaTitle")]` → "Log in · Capital Desk". */
export function metaTitle<M extends TranslationKey>(matches: readonly { id: string; data?: unknown }[], key: M, ...args: VarsArg<M>) {
  const locale = localeFromMatches(matches);
  return { title: translate(locale, common_pageTitle, { page: translate(locale, key, ...args) }) };
}
