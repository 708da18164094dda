// What the browser must download to run a page: the Remix manifest, the entry module and,
// for each route from the root down to the page, its module and every chunk those import
// (followed through the files' own static imports). With lazy route discovery (decision 030)
// the page carries only its own routes' part of the manifest, inline in its HTML: that script is
// counted instead of the whole manifest file. Sizes gzipped at the level the server's
// `compression()` uses (zlib's default), like the bytes a first visit transfers.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface BrowserManifest {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean; module: string; imports?: string[] }>;
  /** Added by readManifest: the manifest's own URL, which the browser downloads too. */
  manifestFile: string;
  /** Added by readManifest: remix.config.js turns on lazy route discovery (no manifest file to download). */
  lazyRouteDiscovery: boolean;
}

/** Whether the build's config asks for lazy route discovery (`v3_lazyRouteDiscovery: true` in remix.config.js). */
function lazyRouteDiscoveryOn(root = process.cwd()): boolean {
  const config = fs.readFileSync(path.join(root, "remix.config.js"), "utf8");
  return /v3_lazyRouteDiscovery:\s*true/.test(config);
}

/** The newest browser manifest in a build's assets folder (`public/build` or `<BUILD_DIR>/public/build`). */
export function readManifest(assetsDir: string): BrowserManifest {
  const candidates = fs
    .readdirSync(assetsDir)
    .filter((name) => /^manifest-[A-Z0-9]+\.js$/i.test(name))
    .map((name) => ({ name, mtime: fs.statSync(path.join(assetsDir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  if (candidates.length === 0) throw new Error(`no manifest-*.js in ${assetsDir}: run the build first`);
  const text = fs.readFileSync(path.join(assetsDir, candidates[0]!.name), "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  return {
    ...(JSON.parse(json) as Omit<BrowserManifest, "manifestFile" | "lazyRouteDiscovery">),
    manifestFile: `/build/${candidates[0]!.name}`,
    lazyRouteDiscovery: lazyRouteDiscoveryOn(),
  };
}

/** The URL pattern of a route, from the root: `o/:orgSlug/portfolio`. */
export function routePattern(manifest: BrowserManifest, routeId: string): string {
  const parts: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const p = manifest.routes[id]?.path;
    if (p) parts.unshift(p);
  }
  return parts.join("/");
}

/** The route whose full pattern is `pattern` (a page, not a layout: index routes win). */
export function findRoute(manifest: BrowserManifest, pattern: string): string | null {
  const matches = Object.keys(manifest.routes).filter((id) => routePattern(manifest, id) === pattern);
  const hasChild = (id: string) => Object.values(manifest.routes).some((r) => r.parentId === id && r.index);
  return matches.find((id) => manifest.routes[id]!.index) ?? matches.find((id) => !hasChild(id)) ?? matches[0] ?? null;
}

export interface JsSize {
  files: number;
  rawBytes: number;
  /** Everything the page runs: static imports plus what they import() after hydration (Chart.js). */
  gzipBytes: number;
  /** Of which loaded by dynamic import() after the first render. */
  lazyGzipBytes: number;
  /** The largest files, gzipped, to say where the weight is. */
  largest: { file: string; gzipBytes: number }[];
}

export function routeJsSize(assetsDir: string, manifest: BrowserManifest, routeId: string): JsSize {
  const chain: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) chain.unshift(id);
  const start = new Set<string>([
    ...(manifest.lazyRouteDiscovery ? [] : [manifest.manifestFile]),
    manifest.entry.module,
    ...(manifest.entry.imports ?? []),
    ...chain.flatMap((id) => [manifest.routes[id]!.module, ...(manifest.routes[id]!.imports ?? [])]),
  ]);
  const seen = new Set<string>();
  const queue = [...start].map((url) => ({ url, lazy: false }));
  const sizes: { file: string; raw: number; gzip: number; lazy: boolean }[] = [];
  if (manifest.lazyRouteDiscovery) {
    // The inline `window.__remixManifest = …` of the page's own routes (Remix pretty-prints it).
    const partial = { entry: manifest.entry, routes: Object.fromEntries(chain.map((id) => [id, manifest.routes[id]])) };
    const inline = Buffer.from(`window.__remixManifest = ${JSON.stringify(partial, null, 2)};`);
    sizes.push({ file: "(inline route manifest)", raw: inline.length, gzip: zlib.gzipSync(inline).length, lazy: false });
  }
  while (queue.length) {
    // Static imports first, so a file reached both ways counts as static.
    queue.sort((a, b) => Number(b.lazy) - Number(a.lazy));
    const { url, lazy } = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = path.join(assetsDir, url.replace(/^\/build\//, ""));
    const body = fs.readFileSync(file);
    sizes.push({ file: url, raw: body.length, gzip: zlib.gzipSync(body).length, lazy });
    const text = body.toString("utf8");
    // `import … from"/build/…"` and bare `import"/build/…"` load with the page; `import("/build/…")`
    // right after it renders (the charts' Chart.js) — the page needs both.
    for (const match of text.matchAll(/(?:from|import)\s*"(\/build\/[^"]+\.js)"/g)) queue.push({ url: match[1]!, lazy });
    for (const match of text.matchAll(/import\(\s*"(\/build\/[^"]+\.js)"\s*\)/g)) queue.push({ url: match[1]!, lazy: true });
  }
  return {
    files: sizes.length,
    rawBytes: sizes.reduce((a, s) => a + s.raw, 0),
    gzipBytes: sizes.reduce((a, s) => a + s.gzip, 0),
    lazyGzipBytes: sizes.filter((s) => s.lazy).reduce((a, s) => a + s.gzip, 0),
    largest: sizes
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 5)
      .map((s) => ({ file: s.file, gzipBytes: s.gzip })),
  };
}

/** Gzipped JavaScript a main page may download, in KB of 1,024 bytes (issue #7, held for every main page since #14). */
export const JS_BUDGET_KB = 200;

/**
 * The main pages the budget holds, by URL pattern (findRoute picks the page's route). An org's
 * home is a startup's dashboard or, for a fund, its overview (`/o/:orgSlug` sends a fund there):
 * two route modules, each held to the budget.
 */
export const MAIN_PAGES: readonly { name: string; pattern: string }[] = [
  { name: "sign-in", pattern: "login" },
  { name: "startup dashboard (a startup's home)", pattern: "o/:orgSlug" },
  { name: "fund overview (a fund's home)", pattern: "o/:orgSlug/overview" },
  { name: "portfolio", pattern: "o/:orgSlug/portfolio" },
  { name: "company view", pattern: "o/:orgSlug/companies/:companySlug" },
  { name: "month report", pattern: "o/:orgSlug/reports/:month" },
  { name: "budgets", pattern: "o/:orgSlug/budgets" },
  { name: "audit log", pattern: "o/:orgSlug/audit" },
  { name: "share-link report", pattern: "r/:token" },
];

export interface BudgetLine {
  name: string;
  /** Null: the page's route is not in this build. */
  kb: number | null;
  met: boolean | null;
}

/** Each page's gzipped JavaScript against the budget (KB rounded to 0.1 for the reader, compared unrounded). */
export function budgetLines(pages: readonly { name: string; gzipBytes: number | null }[], budgetKb = JS_BUDGET_KB): BudgetLine[] {
  return pages.map(({ name, gzipBytes }) =>
    gzipBytes === null ? { name, kb: null, met: null } : { name, kb: Math.round((gzipBytes / 1024) * 10) / 10, met: gzipBytes <= budgetKb * 1024 },
  );
}

/** Every main page of a build with its JavaScript size (null when the route is missing). */
export function mainPageSizes(assetsDir: string, manifest: BrowserManifest): { name: string; pattern: string; routeId: string | null; size: JsSize | null }[] {
  return MAIN_PAGES.map(({ name, pattern }) => {
    const routeId = findRoute(manifest, pattern);
    return { name, pattern, routeId, size: routeId ? routeJsSize(assetsDir, manifest, routeId) : null };
  });
}
