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
