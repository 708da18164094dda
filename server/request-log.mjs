// Request logs: pino-http writes one JSON line per finished request. Ours is only the shape of
// that line — what may be in it — and the ids.
import crypto from "node:crypto";
import { pino } from "pino";
import { pinoHttp } from "pino-http";

// Capability URLs: the path segment IS the credential (an invitation, a share link), so the log
// keeps the route's shape only. A new route with a token in its path belongs in this list
// (tests/integration/security.test.ts fails for any manifest route with a `:token` param).
const capabilityPaths = [
  /(\/invite\/)[^/]+/gi,
  /(\/r\/)[^/]+/gi,
  /(\/verify-email\/)[^/]+/gi,
  /(\/reset-password\/)[^/]+/gi,
  /(\/confirm-email\/)[^/]+/gi,
  /(\/unsubscribe\/)[^/]+/gi,
  /(\/join\/)[^/]+/gi,
];

/** The path a log may show: no query string (it may hold tokens), capability segments redacted. */
export function loggablePath(url) {
  const path = url.split(/[?#]/, 1)[0];
  return capabilityPaths.reduce((p, pattern) => p.replace(pattern, "$1:token"), path);
}

/**
 * The process's logger. Lines are `{"level":"info","msg":…}` like the rest of the app's logs;
 * no time, pid or host (the platform stamps lines). Written through process.stdout, not
 * pino's direct fd writer, so a test capturing stdout sees them.
 */
export function createLogger(level) {
  return pino({ level, base: null, timestamp: false, formatters: { level: (label) => ({ level: label }) } }, process.stdout);
}

/** The fields of a request line, and nothing else: never headers (cookies) or bodies. */
function requestFields(req, res, values) {
  return { method: req.method, path: loggablePath(req.originalUrl), status: res.statusCode, ms: values.responseTime };
}

export function requestLog(logger) {
  return pinoHttp({
    logger,
    // Keep a proxy's id (at most 64 characters) so it follows the request into our log.
    genReqId(req, res) {
      const given = req.headers["x-request-id"];
      const id = (typeof given === "string" && given.slice(0, 64)) || crypto.randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    // The line carries the id only, not pino-http's req/res objects (headers hold cookies).
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: "id" },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    customSuccessObject: requestFields,
    customErrorObject: (req, res, _err, values) => requestFields(req, res, values),
    customSuccessMessage: () => "request",
    customErrorMessage: () => "request",
  });
}
