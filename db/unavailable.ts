/**
 * Database outages as an answer, not a crash (docs/decisions/005-database-outages.md).
 *
 * When PostgreSQL is down, restarting, unreachable or too slow, a request cannot be served —
 * but that is "try again in a moment" (503), not a bug (500). The doors every query goes
 * through (db/tenant.ts `withTenant`/`withSystem`, the session adapter in
 * app/auth/lucia.server.ts) pass their failures through `rethrowIfUnavailable`, which turns a
 * connection-level failure into a thrown 503 Response: Remix answers `?_data` requests with
 * that status and renders the root ErrorBoundary's "Temporarily unavailable" page for
 * documents. Every other error (constraint violations, bugs, AppError) passes unchanged.
 *
 * postgres.js reconnects by itself on the next query once the server is back, so nothing
 * here needs resetting after an outage.
 */

/** Node socket errors that mean "the server is not there (any more)". */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "EAI_AGAIN",
]);

/** postgres.js's own connection errors. */
const DRIVER_CODES = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED"]);

/** SQLSTATEs of an unavailable server (class 08 is matched by prefix). */
const SQLSTATES = new Set([
  "57P01", // admin_shutdown: the server is stopping (pg_ctl stop -m fast)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or in recovery
  "57014", // query_canceled: our statement_timeout fired — too slow is unavailable, not a bug
  "53300", // too_many_connections
]);

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * True when `error` (or anything in its `cause` chain — drizzle wraps driver errors in
 * DrizzleQueryError — or an AggregateError's members, as Node's happy-eyeballs connect
 * throws) is a connection-level failure or a statement timeout.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 8 || error === null || typeof error !== "object") return false;
  const code = codeOf(error);
  if (code) {
    if (NETWORK_CODES.has(code) || DRIVER_CODES.has(code) || SQLSTATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
    // A Unix socket path that vanished with the server (only when connecting, not any missing file).
    if (code === "ENOENT" && (error as { syscall?: unknown }).syscall === "connect") return true;
  }
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested) && nested.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * The uncaught TypeError postgres.js 3.4.9 throws from a `setImmediate` when a connection
 * is dropped mid-transaction (porsager/postgres#1154, #1208); see app/db.server.ts.
 */
export function isDriverWriteCrash(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const stack = error.stack ?? "";
  return /reading 'write'/.test(error.message) && /nextWrite/.test(stack) && /postgres[\\/]src[\\/]connection\.js/.test(stack);
}

export const RETRY_AFTER_SECONDS = 5;

/** The answer to a request that met an outage: 503 with Retry-After. */
export function databaseUnavailableResponse(): Response {
  return new Response("Database unavailable", {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8" },
  });
}

// Not one log line per request during an outage: a line when the failure changes (another
// code) or at most every 5 s, with the count of failures in between. Thrown Responses
// never reach Remix's handleError, so this is where an outage shows in the logs.
let lastLogged = 0;
let lastCode: string | undefined;
let suppressed = 0;
function logOutage(error: unknown): void {
  let root: unknown = error;
  while (root && typeof root === "object" && (root as { cause?: unknown }).cause) root = (root as { cause: unknown }).cause;
  const code = root && typeof root === "object" ? codeOf(root) : undefined;
  const now = Date.now();
  if (now - lastLogged < 5_000 && code === lastCode) {
    suppressed += 1;
    return;
  }
  console.error(
    JSON.stringify({
      level: "warn",
      msg: "database unavailable",
      code,
      error: root instanceof Error ? root.message : String(root),
      suppressedSinceLast: suppressed,
    }),
  );
  lastLogged = now;
  lastCode = code;
  suppressed = 0;
}

/** Rethrows `error`, as a 503 Response when it is an outage. Use in a `catch`. */
export function rethrowIfUnavailable(error: unknown): never {
  if (isDatabaseUnavailable(error)) {
    logOutage(error);
    throw databaseUnavailableResponse();
  }
  throw error;
}

/**
 * Why a failure before anything ran is tried once more: postgres.js 3.4.9 keeps the error
 * a connection received while the server shut down (57P01/57P03) and, once that
 * connection has reconnected to the restarted server, hands it to the connection's first
 * new query. Without a retry each such connection fails one request with a 503 after the
 * database is back — possibly long after. A transaction whose BEGIN failed, or an
 * idempotent query, is safe to repeat; the retry gets a healthy connection (or, in a real
 * outage, fails again within about a second and answers 503).
 *
 * `unavailableAs503(work)`: `work()`, with outages turned into a 503 Response. With
 * `retryOnce` (only for work that is safe to repeat: reads, idempotent deletes and
 * updates) a connection-level failure is first tried once more.
 */
export async function unavailableAs503<T>(work: () => Promise<T>, options: { retryOnce?: boolean } = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!options.retryOnce || !isDatabaseUnavailable(error)) rethrowIfUnavailable(error);
  }
  try {
    return await work();
  } catch (error) {
    rethrowIfUnavailable(error);
  }
}
