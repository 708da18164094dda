/**
 * The messages the browser has: those the server put in the page (a JSON block, `#cd-i18n`,
 * with exactly the keys the page's routes use) plus those fetched from /i18n when a
 * client-side navigation reaches routes the page did not include. See docs/i18n.md.
 */
import { keyCandidates } from "./areas";
import { LOCALES, type Locale } from "./locales";

export const MESSAGES_ELEMENT_ID = "cd-i18n";

/** What the page's JSON block and /i18n carry. */
export interface PageMessages {
  locale: Locale;
  routes: string[];
  messages: Record<string, string>;
}

const messages = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Record<Locale, Record<string, string>>;
const routesLoaded = Object.fromEntries(LOCALES.map((l) => [l, new Set<string>()])) as Record<Locale, Set<string>>;
/** Candidate keys found in loader data and already asked for (found or not): never asked twice. */
const keysAsked = Object.fromEntries(LOCALES.map((l) => [l, new Set<string>()])) as Record<Locale, Set<string>>;
const candidatesByData = new WeakMap<object, string[]>();
const pending = new Map<string, Promise<void>>();
let pageBlockRead = false;
/** The block's text as the server sent it, so hydration renders the very same element. */
let pageBlockText = "";

function add(data: PageMessages) {
  Object.assign(messages[data.locale], data.messages);
  for (const id of data.routes) routesLoaded[data.locale].add(id);
}

function readPageBlock() {
  if (pageBlockRead || typeof document === "undefined") return;
  pageBlockRead = true;
  pageBlockText = document.getElementById(MESSAGES_ELEMENT_ID)?.textContent ?? "";
  if (pageBlockText) add(JSON.parse(pageBlockText) as PageMessages);
}

/** The browser's messages for `locale` (those loaded so far). */
export function browserMessages(locale: Locale): Record<string, string> {
  readPageBlock();
  return messages[locale];
}

export function pageBlockFromDocument(): string {
  readPageBlock();
  return pageBlockText;
}

/** Route ids whose messages in `locale` the browser does not have yet. */
export function routesMissing(locale: Locale, routeIds: readonly string[]): string[] {
  readPageBlock();
  return routeIds.filter((id) => !routesLoaded[locale].has(id));
}

/**
 * Keys that reach the page as loader data (a table of message keys, a message ref) and that the
 * browser does not have in `locale`. The server includes those of the first page itself.
 */
export function dataKeysMissing(locale: Locale, data: readonly unknown[]): string[] {
  readPageBlock();
  const have = messages[locale];
  const missing = new Set<string>();
  for (const value of data) {
    if (value === null || typeof value !== "object") continue;
    let candidates = candidatesByData.get(value);
    if (!candidates) {
      candidates = keyCandidates(JSON.stringify(value) ?? "");
      candidatesByData.set(value, candidates);
    }
    for (const key of candidates) if (!(key in have) && !(`${key}.other` in have) && !keysAsked[locale].has(key)) missing.add(key);
  }
  return [...missing];
}

/**
 * Fetches the messages of `routeIds` and `keys` in `locale` (one request, cached by the browser
 * for the build: the URL names the build's manifest version). Concurrent asks share one request.
 */
export function loadMessages(locale: Locale, wanted: { routes: readonly string[]; keys: readonly string[] }, version: string): Promise<void> {
  const query = new URLSearchParams({ locale, v: version });
  if (wanted.routes.length) query.set("routes", [...wanted.routes].sort().join(","));
  if (wanted.keys.length) query.set("keys", [...wanted.keys].sort().join(","));
  const url = `/i18n?${query}`;
  let promise = pending.get(url);
  if (!promise) {
    promise = fetch(url, { headers: { Accept: "application/json" } })
      .then((response) => {
        if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
        return response.json() as Promise<PageMessages>;
      })
      .then(add)
      .catch((error: unknown) => {
        // Render on rather than retry forever: the page shows keys until the next full load.
        console.error(error);
        for (const id of wanted.routes) routesLoaded[locale].add(id);
      })
      .finally(() => {
        for (const key of wanted.keys) keysAsked[locale].add(key);
        pending.delete(url);
      });
    pending.set(url, promise);
  }
  return promise;
}
