/**
 * Which messages a page's browser code needs, so the browser gets those and nothing else
 * (issue #7: both catalogues in the bundle cost every page 61 KB gzipped).
 *
 * The build's browser manifest lists each route's module and the chunks it imports; every
 * message key the route's code can ask for is a string literal in those files — whole
 * ("investor.portfolio.title"), the base of a plural ("common.unit.months" → .one/.other) or
 * the fixed start of a template (`investor.alert.kind.${kind}` → every key under it). So the
 * keys of a route are found by reading its files once, and a page's messages are the keys
 * of its matched routes in the page's language. Computed once per build, route set and
 * language, then served from memory.
 */
import fs from "node:fs";
import path from "node:path";
import type { PageMessages } from "./browser-messages";
import type { Locale } from "./locales";
import { keyCandidates } from "./areas";
import { SERVER_CATALOGUES } from "./messages/catalogues.server";

/** The parts of Remix's browser manifest this needs (window.__remixManifest). */
export interface ManifestForMessages {
  version: string;
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[] } | undefined>;
}

const STATIC_IMPORT = /(?:from|import)\s*"(\/build\/[^"]+\.js)"/g;
const ALL_KEYS = Object.keys(SERVER_CATALOGUES.en).sort();

/**
 * The catalogue keys that candidates (key literals found by keyCandidates) stand for: the key
 * itself, and every key under it — plural forms, keys a template completes.
 */
export function keysFor(candidates: Iterable<string>, into = new Set<string>()): Set<string> {
  for (const candidate of candidates) {
    if (candidate in SERVER_CATALOGUES.en) into.add(candidate);
    const prefix = candidate.endsWith(".") ? candidate : `${candidate}.`;
    for (let i = lowerBound(ALL_KEYS, prefix); i < ALL_KEYS.length && ALL_KEYS[i]!.startsWith(prefix); i++) into.add(ALL_KEYS[i]!);
  }
  return into;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

const keysByRoute = new Map<string, Set<string>>();

/** Keys of one route: its module and every chunk it imports statically (root: the entry too). */
function routeKeys(assetsDir: string, manifest: ManifestForMessages, routeId: string): Set<string> {
  const cacheKey = `${manifest.version}\u0000${routeId}`;
  const cached = keysByRoute.get(cacheKey);
  if (cached) return cached;
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`Unknown route ${routeId}`);
  const queue = [route.module, ...(route.imports ?? [])];
  if (routeId === "root") queue.push(manifest.entry.module, ...(manifest.entry.imports ?? []));
  const seen = new Set<string>();
  const keys = new Set<string>();
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = fs.readFileSync(path.join(assetsDir, url.replace(/^\/build\//, "")), "utf8");
    keysFor(keyCandidates(code), keys);
    for (const [, next] of code.matchAll(STATIC_IMPORT)) queue.push(next!);
  }
  keysByRoute.set(cacheKey, keys);
  return keys;
}

/** Bounded: /i18n lets a caller pick route sets, and memory must not grow with their whims. */
const PAGE_CACHE_LIMIT = 1_000;
const pageCache = new Map<string, Record<string, string>>();

/**
 * The page's messages as the JSON the browser reads (`<script type="application/json">` in the
 * page, or the body of /i18n): the keys of `routeIds`, plus `extraKeys` — keys that reach the
 * browser as data (a loader's table of message keys, an error's message ref) — in `locale`.
 * `<` is escaped so the JSON can sit inside a script element.
 */
export function pageMessagesJson(
  assetsDir: string,
  manifest: ManifestForMessages,
  locale: Locale,
  routeIds: readonly string[],
  extraKeys: ReadonlySet<string> = new Set(),
): string {
  const ids = [...new Set(routeIds)].sort();
  const catalogue = SERVER_CATALOGUES[locale] as Record<string, string>;
  const cacheKey = [manifest.version, locale, ...ids].join("\u0000");
  let routeMessages = pageCache.get(cacheKey);
  if (!routeMessages) {
    routeMessages = {};
    for (const id of ids) for (const key of routeKeys(assetsDir, manifest, id)) routeMessages[key] = catalogue[key]!;
    if (pageCache.size >= PAGE_CACHE_LIMIT) pageCache.clear();
    pageCache.set(cacheKey, routeMessages);
  }
  let messages = routeMessages;
  const extra = [...extraKeys].filter((key) => !(key in routeMessages!));
  if (extra.length > 0) {
    messages = { ...routeMessages };
    for (const key of extra) messages[key] = catalogue[key]!;
  }
  const body: PageMessages = { locale, routes: ids, messages };
  return JSON.stringify(body).replace(/</g, "\\u003c");
}

const manifestsByVersion = new Map<string, ManifestForMessages>();

/** The browser manifest of build `version` from the assets folder; null when there is none. */
export function readBrowserManifest(assetsDir: string, version: string): ManifestForMessages | null {
  if (!/^[0-9a-f]{8}$/.test(version)) return null;
  const cached = manifestsByVersion.get(version);
  if (cached) return cached;
  let text: string;
  try {
    text = fs.readFileSync(path.join(assetsDir, `manifest-${version.toUpperCase()}.js`), "utf8");
  } catch {
    return null; // not cached: unknown versions must not fill memory
  }
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as ManifestForMessages;
  manifestsByVersion.set(version, manifest);
  return manifest;
}
