/**
 * The page's messages in the browser: the JSON block the server writes into <head>, and the
 * hook that makes a client-side navigation wait for the next routes' messages. Server side
 * of it: app/i18n/page-messages.server.ts; the whole story: docs/i18n.md.
 */
import { matchRoutes, useMatches, useNavigation } from "@remix-run/react";
import { createContext, useContext, useEffect } from "react";
import { dataKeysMissing, loadMessages, MESSAGES_ELEMENT_ID, pageBlockFromDocument, routesMissing } from "./browser-messages";
import { useNonce } from "~/lib/nonce";
import { useLocale } from "./index";

const PageMessagesContext = createContext<string>("");
/** entry.server provides the page's messages JSON (pageMessagesJson) through this. */
export const PageMessagesProvider = PageMessagesContext.Provider;

/**
 * `<script type="application/json" id="cd-i18n">` — data, not code: it runs nothing. It carries
 * the request's nonce anyway, like every script element the app writes (tests/integration/security).
 */
export function PageMessagesBlock() {
  const fromServer = useContext(PageMessagesContext);
  const nonce = useNonce();
  const text = typeof document === "undefined" ? fromServer : pageBlockFromDocument();
  // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON for the browser's messages, serialised by the server with every "<" escaped; not HTML
  return <script type="application/json" id={MESSAGES_ELEMENT_ID} nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: text }} />;
}

declare global {
  interface Window {
    __remixManifest?: { version: string };
    __remixRouter?: { routes: Parameters<typeof matchRoutes>[0] };
  }
}

/**
 * While a navigation's loaders run, starts fetching the messages of the routes it is heading
 * to, so the page rarely waits for them after its data (useRouteMessages still makes sure).
 */
export function usePrefetchNavigationMessages() {
  const locale = useLocale();
  const target = useNavigation().location;
  const key = target ? `${target.pathname}${target.search}` : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the destination's URL, not on the location object that changes identity on every render
  useEffect(() => {
    if (!target || !window.__remixRouter) return;
    const ids = (matchRoutes(window.__remixRouter.routes, target) ?? []).map((match) => match.route.id!);
    const routes = routesMissing(locale, ids);
    if (routes.length > 0) void loadMessages(locale, { routes, keys: [] }, window.__remixManifest?.version ?? "");
    // Only a new destination (or language) is a new prefetch.
  }, [key, locale]);
}

/**
 * In the browser, suspends rendering until it has the messages of every matched route and
 * of the keys in their loader data: after a client-side navigation to routes the page did
 * not carry, or a change of language. Remix navigates in a transition, so the current page
 * stays on screen meanwhile.
 */
export function useRouteMessages() {
  const locale = useLocale();
  const matches = useMatches();
  if (typeof document === "undefined") return;
  const routes = routesMissing(
    locale,
    matches.map((match) => match.id),
  );
  const keys = dataKeysMissing(
    locale,
    matches.map((match) => match.data),
  );
  if (routes.length > 0 || keys.length > 0) throw loadMessages(locale, { routes, keys }, window.__remixManifest?.version ?? "");
}
