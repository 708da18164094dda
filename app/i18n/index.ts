/**
 * Translation for components, `meta` functions and server code. Browser-safe.
 *
 *   const t = useT();                        // in a component
 *   t("auth.login.submit")                   // "Log in" / "登录"
 *   t("auth.invite.title", { org: name })    // "Join {org}" — a missing or extra variable does not compile
 *   t("common.unit.months", { count: 3 })    // plural: "common.unit.months.one" / ".other"
 *   t.rich("auth.invite.invitedAs", { role: <strong>{r}</strong>, email })  // React nodes in a sentence
 *   const f = useFormat(); f.money(123456, "USD"); f.month("2026-04");
 *
 * On the server: `translate(getLocale(request), key, vars)` (getLocale from ./locale.server).
 * Validation and domain messages that are written before the locale is known (AppError, field
 * errors, toasts) are refs, `messageRef(message, vars)` → `{ key, values }`; zod schemas write
 * `zodMessage(message, vars)` (zod wants strings). `renderMessage(locale, ref)` turns a ref into
 * text at the edge (the failure reply, the root loader do it). See docs/i18n.md.
 */
import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useContext, useMemo } from "react";
import { formatterFor, type Formatter } from "./format";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";
import { translator, type Translator } from "./translate";

export { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, intlLocale, isLocale, negotiateLocale, type Locale } from "./locales";
export { formatterFor, type Formatter } from "./format";
export * from "./translate";
export * from "./message-ref";
export * from "./zod-messages";

/**
 * Remix runs no loader for an unknown URL (its 404 page has no root data): entry.server provides
 * the request's locale here, and in the browser the server-rendered <html lang> tells it.
 */
const LocaleContext = createContext<Locale | null>(null);
export const LocaleProvider = LocaleContext.Provider;

/** The locale the root loader chose for this request. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  const provided = useContext(LocaleContext);
  if (isLocale(data?.locale)) return data.locale;
  if (provided) return provided;
  if (typeof document !== "undefined" && isLocale(document.documentElement.lang)) return document.documentElement.lang;
  return DEFAULT_LOCALE;
}

export function useT(): Translator {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

export function useFormat(): Formatter {
  const locale = useLocale();
  return useMemo(() => formatterFor(locale), [locale]);
}
