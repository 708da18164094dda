/**
 * Which language a request is answered in, and the `lang` cookie that remembers it.
 *
 * Order: the user's stored choice when the caller passes the user row → the `lang` cookie →
 * the browser's Accept-Language → English. The cookie carries the choice on one browser: the
 * language switch sets it (and stores it on the user), and signing in sets it from the user's
 * stored choice, so the choice follows the user to every new session without a database read
 * on each request (the root loader reads only the cookie and the header).
 */
import { getEnv } from "~/env.server";
import { isLocale, negotiateLocale, type Locale } from "./locales";

export const LOCALE_COOKIE = "lang";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The `lang` cookie's locale, or null when absent or not a locale we speak. */
export function readLocaleCookie(request: Request): Locale | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq === -1 || pair.slice(0, eq).trim() !== LOCALE_COOKIE) continue;
    let value = pair.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
    return isLocale(value) ? value : null;
  }
  return null;
}

/**
 * A user's stored language: what they chose with the switch (English included), or null when
 * they never chose (`users.locale` is null), so each browser decides.
 */
export function storedLocale(user: { locale?: string | null } | null | undefined): Locale | null {
  const locale = user?.locale;
  return isLocale(locale) ? locale : null;
}

export function getLocale(request: Request, user?: { locale?: string | null } | null): Locale {
  return storedLocale(user) ?? readLocaleCookie(request) ?? negotiateLocale(request.headers.get("Accept-Language"));
}

/** Set-Cookie for the `lang` cookie: a year, whole site, not readable by scripts, Secure like the session cookie. */
export function localeCookie(locale: Locale): string {
  const secure = getEnv().cookieSecure ? "; Secure" : "";
  return `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly${secure}`;
}

/**
 * At sign-in: what to remember. A language picked with the switch on this browser (the page was
 * just shown in it) becomes the user's (`store`); otherwise the user's stored choice comes to
 * this browser (`cookie`, only when it differs from what the browser would get anyway).
 */
export function signInLocale(request: Request, user: { locale?: string | null }): { store: Locale | null; cookie: string | null } {
  const chosen = readLocaleCookie(request);
  if (chosen) return { store: chosen !== user.locale ? chosen : null, cookie: null };
  const stored = storedLocale(user);
  return { store: null, cookie: stored && stored !== getLocale(request) ? localeCookie(stored) : null };
}
