import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What one page view looks up once, whichever of its loaders asks first. Remix runs the root's,
 * the layout's and the page's loaders side by side, each with its own copy of the request, and
 * each resolves the session and the org membership for itself: the same few statements two or
 * three times a page. A scope per request lets them share one answer.
 *
 * Only for reads (GET and HEAD): a form posted without JavaScript runs its action and then the
 * loaders in the same request, and an action may change exactly what would be remembered (sign
 * out, leave an org, a role). Outside a scope (a POST, a test calling a model) nothing is kept.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

const READS = new Set(["GET", "HEAD"]);

/** Runs `handle` (the whole Remix request: loaders and rendering) in a fresh scope for a read. */
export function inRequestScope<T>(method: string, handle: () => T): T {
  return READS.has(method.toUpperCase()) ? scope.run(new Map(), handle) : handle();
}

/** `make()` once per request and `key`; its promise (answer or failure) is shared by the request's loaders. */
export function oncePerRequest<T>(key: string, make: () => Promise<T>): Promise<T> {
  const remembered = scope.getStore();
  if (!remembered) return make();
  let answer = remembered.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = make();
    remembered.set(key, answer);
  }
  return answer;
}
