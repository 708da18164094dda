/**
 * The translation core: catalogues, `translate`, plurals, message refs. No hooks and no Remix
 * imports, so server modules (models, e-mails) can use it too. Components import from "~/i18n".
 */
import { createElement, Fragment, type ReactNode } from "react";
import { browserMessages } from "./browser-messages";
import { DEFAULT_LOCALE, intlLocale, isLocale, LOCALES, type Locale } from "./locales";
import type { MessageKey, Messages } from "./messages";
import { SERVER_CATALOGUES } from "./messages/catalogues.server";

export type { MessageKey } from "./messages";

/**
 * On the server: every catalogue. In the browser (where the `.server` import is empty): the
 * messages the page carried or fetched — the keys its routes' code uses (browser-messages.ts).
 */
function catalogue(locale: Locale): Record<string, string> {
  return SERVER_CATALOGUES ? SERVER_CATALOGUES[locale] : browserMessages(locale);
}

/** "Join {org} as {role}" → "org" | "role". */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
/** "common.unit.months.other" → "common.unit.months": called with { count } and picks the plural form. */
type PluralBase<K> = K extends `${infer Base}.other` ? Base : never;
export type PluralKey = PluralBase<MessageKey>;
export type TranslationKey = MessageKey | PluralKey;

type TextOf<K extends TranslationKey> = K extends MessageKey ? Messages[K] : Messages[`${K}.other` & MessageKey];
type VarNames<K extends TranslationKey> = Placeholders<TextOf<K>>;
export type Vars<K extends TranslationKey, V = string | number> = { [P in VarNames<K>]: V };
/** Keys whose text has no variables: handy for tables of keys (`Record<Status, PlainKey>`). */
export type PlainKey = { [K in TranslationKey]: [VarNames<K>] extends [never] ? K : never }[TranslationKey];
/** No variables in the text → no second argument; otherwise exactly the text's variables. */
export type VarsArg<K extends TranslationKey> = [VarNames<K>] extends [never] ? [] : [vars: Vars<K>];

export function isTranslationKey(key: string): key is TranslationKey {
  const known = (messages: Record<string, string>) => key in messages || `${key}.other` in messages;
  // In the browser only some keys of one language may be loaded: known if any loaded catalogue has it.
  return SERVER_CATALOGUES ? known(SERVER_CATALOGUES.en) : LOCALES.some((locale) => known(browserMessages(locale)));
}
const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function template(locale: Locale, key: string, count: unknown): string | undefined {
  const messages = catalogue(locale);
  const direct = messages[key] ?? (SERVER_CATALOGUES ? SERVER_CATALOGUES.en[key as MessageKey] : undefined);
  if (direct !== undefined) return direct;
  if (typeof count !== "number") return messages[`${key}.other`];
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale(locale));
    pluralRules.set(locale, rules);
  }
  return messages[`${key}.${rules.select(count)}`] ?? messages[`${key}.other`];
}

function formatValue(locale: Locale, value: unknown): string {
  if (typeof value !== "number") return String(value);
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale));
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

type Part = string | { name: string };
/** Parsed once per text: a portfolio page fills hundreds of placeholders. Bounded by the catalogues. */
const parsedTexts = new Map<string, readonly Part[]>();

/** Splits "Join {org} now" into ["Join ", {name: "org"}, " now"]. */
function parts(text: string): readonly Part[] {
  let parsed = parsedTexts.get(text);
  if (!parsed) {
    parsed = text.split(/(\{\w+\})/).map((piece) => (/^\{\w+\}$/.test(piece) ? { name: piece.slice(1, -1) } : piece));
    parsedTexts.set(text, parsed);
  }
  return parsed;
}

/** For keys only known at run time (message refs, data from the server); unknown keys come back as they are. */
export function translateUnchecked(locale: Locale, key: string, vars?: Record<string, unknown>): string {
  const text = template(locale, key, vars?.count);
  if (text === undefined) return key;
  if (!vars) return text;
  return parts(text)
    .map((piece) => (typeof piece === "string" ? piece : piece.name in vars ? formatValue(locale, vars[piece.name]) : `{${piece.name}}`))
    .join("");
}

/** The text of `key` in `locale`, with `{name}` placeholders filled (numbers formatted for the locale). */
export function translate<K extends TranslationKey>(locale: Locale, key: K, ...args: VarsArg<K>): string {
  return translateUnchecked(locale, key, args[0] as Record<string, unknown> | undefined);
}

/** Like translate, but variables may be React nodes (a link or <strong> inside a sentence). */
export function translateRich<K extends TranslationKey>(locale: Locale, key: K, vars: Vars<K, ReactNode>): ReactNode {
  const values = vars as Record<string, ReactNode>;
  const text = template(locale, key, values.count);
  if (text === undefined) return key;
  return createElement(
    Fragment,
    null,
    ...parts(text).map((piece, index) =>
      createElement(Fragment, { key: index }, typeof piece === "string" ? piece : piece.name in values ? formatRichValue(locale, values[piece.name]) : `{${piece.name}}`),
    ),
  );
}

function formatRichValue(locale: Locale, value: ReactNode): ReactNode {
  return typeof value === "number" ? formatValue(locale, value) : value;
}

export interface Translator {
  <K extends TranslationKey>(key: K, ...args: VarsArg<K>): string;
  rich<K extends TranslationKey>(key: K, vars: Vars<K, ReactNode>): ReactNode;
  locale: Locale;
}

/** `t` bound to one locale: `const t = translator(locale)`. */
export function translator(locale: Locale): Translator {
  const t = (<K extends TranslationKey>(key: K, ...args: VarsArg<K>) => translate(locale, key, ...args)) as Translator;
  t.rich = (key, vars) => translateRich(locale, key, vars);
  t.locale = locale;
  return t;
}

/**
 * A message decided before the locale is known (a zod message, an AppError): the key, plus its
 * variables as JSON after "#". Variable values that are keys themselves are translated too
 * (the field's name in "Enter {field}.").
 */
export function messageRef<K extends TranslationKey>(key: K, ...args: VarsArg<K>): string {
  return args[0] ? `${key}#${JSON.stringify(args[0])}` : key;
}

/** A message ref (or a bare key) → text in `locale`. Anything else, e.g. English not yet converted, is returned unchanged. */
export function localizeMessage(locale: Locale, text: string): string {
  const hash = text.indexOf("#{");
  const key = hash === -1 ? text : text.slice(0, hash);
  if (!isTranslationKey(key)) return text;
  if (hash === -1) return translateUnchecked(locale, key);
  let vars: Record<string, unknown>;
  try {
    vars = JSON.parse(text.slice(hash + 1)) as Record<string, unknown>;
  } catch {
    return text;
  }
  const resolved = Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [name, typeof value === "string" && isTranslationKey(value) ? translateUnchecked(locale, value) : value]),
  );
  return translateUnchecked(locale, key, resolved);
}

/** Every message of a field-error map localized (keys of the map are field names, left alone). */
export function localizeErrors<T extends Record<string, string>>(locale: Locale, errors: T): T {
  return Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, localizeMessage(locale, text)])) as T;
}

/** The request's locale inside a `meta` function, which has no hooks: read from the root match. */
export function localeFromMatches(matches: readonly { id: string; data?: unknown }[]): Locale {
  const data = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/** `export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "auth.login.metaTitle")]` → "Log in · Capital Desk". */
export function metaTitle<K extends TranslationKey>(matches: readonly { id: string; data?: unknown }[], key: K, ...args: VarsArg<K>) {
  const locale = localeFromMatches(matches);
  return { title: translate(locale, "common.pageTitle", { page: translate(locale, key, ...args) }) };
}
