/**
 * The one place tests spell how a route's loader or action is reached without its page.
 *
 * Remix v2 answers `GET path?_data=<routeId>` with the loader's JSON and `POST path?_data=<routeId>`
 * with the action's reply (an index route also needs `index`, or the request goes to its parent
 * layout's action). React Router 7 spells it `path.data` instead: moving there changes this
 * function, not the ~150 calls that use it.
 *
 * `path` may carry its own query (`/o/acme/risks?likelihood=4`); the route id is the one from the
 * build's manifest (`routes/o.$orgSlug.risks._index`, `root`).
 */
export function routeData(path: string, routeId: string): string {
  const query = routeId.endsWith("_index") ? `index&_data=${encodeURIComponent(routeId)}` : `_data=${encodeURIComponent(routeId)}`;
  return `${path}${path.includes("?") ? "&" : "?"}${query}`;
}

interface ManifestRoute {
  id: string;
  path?: string;
  index?: boolean;
  parentId?: string;
  module: { loader?: unknown; action?: unknown };
}

/** A route of the built app: its id, its whole URL pattern (`/o/:orgSlug/risks/:riskId`), and what it answers. */
export interface BuiltRoute {
  id: string;
  pattern: string;
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
}

/**
 * Every route of the built app but root, read from the build's manifest (`npm run build` first),
 * so a test that walks the routes covers a new one the moment it is built.
 */
export async function builtRoutes(): Promise<BuiltRoute[]> {
  // Plain JS produced by `remix build`; imported by a computed path so tsc does not chase it.
  const buildPath = `../../${process.env.BUILD_DIR || "build"}/index.js`;
  const { routes } = (await import(/* @vite-ignore */ buildPath)) as { routes: Record<string, ManifestRoute> };
  const patternOf = (route: ManifestRoute) => {
    const parts: string[] = [];
    for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
    return `/${parts.join("/")}`;
  };
  return Object.values(routes)
    .filter((r) => r.id !== "root")
    .map((r) => ({ id: r.id, pattern: patternOf(r), index: !!r.index, hasLoader: !!r.module.loader, hasAction: !!r.module.action }));
}
