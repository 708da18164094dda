// Request-body limits, enforced while the body streams in (issue #13, finding 1: a 400 MB
// POST /login was read whole into memory, stalling every other request).
import { Transform } from "node:stream";
import { refuse } from "./refuse.mjs";

/**
 * Every form and data request. The largest form the app has, a monthly report with its three
 * 5,000-character texts written in Chinese, is about 136 KB URL-encoded (9 bytes a character),
 * so 64 KB would refuse real reports; 256 KB leaves room and still bounds what a request can hold.
 */
export const FORM_BODY_LIMIT = 256 * 1024;

/**
 * The limit for each path. Upload routes are the manifest's `.import` routes (file names such as
 * `o.$orgSlug.budgets.import.tsx`), so a new import page gets the upload limit the moment it is
 * built, and every other path — pages, data requests, static files, unknown URLs — the form limit.
 * `uploadLimit` comes from the app (the CSV file limit plus room for the multipart framing).
 */
export function bodyLimits(routes, uploadLimit) {
  const uploadPaths = Object.values(routes)
    .filter((route) => route.id.endsWith(".import"))
    .map((route) => pathPattern(fullPath(routes, route)));
  return {
    uploadPaths,
    limitFor: (path) => (uploadPaths.some((pattern) => pattern.test(path)) ? uploadLimit : FORM_BODY_LIMIT),
  };
}

function fullPath(routes, route) {
  const parts = [];
  for (let r = route; r; r = r.parentId ? routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
  return parts.join("/");
}

/** A route path as Remix matches it: `:param` is one segment, `*` the rest; case-insensitive, optional trailing slash. */
function pathPattern(routePath) {
  const segments = routePath
    .split("/")
    .filter(Boolean)
    .map((segment) => (segment === "*" ? ".*" : segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^/${segments.join("/")}/?$`, "i");
}

function size(bytes) {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Plain text in both languages: the edge answers before any page (or its language) exists.
 * Connection: close, because the rest of the body is never read.
 */
function tooLarge(res, limit, { close = true } = {}) {
  const text =
    `Request too large: this address accepts at most ${size(limit)}. Nothing was saved.\n` + `请求内容过大：此地址最多接受 ${size(limit)}，未保存任何内容。\n`;
  refuse(res, 413, text, { close });
}

/**
 * How long a connection whose body went over its limit mid-stream is kept after the 413, its
 * further bytes read and dropped (never stored). Closing a socket with unread bytes makes TCP
 * reset the connection, and a client still sending would often lose the 413 with it; a short
 * linger lets it read the answer and stop (as web servers' "lingering close" does).
 */
export const LINGER_MS = 1_000;

/**
 * Refuses a declared Content-Length over the path's limit at once, before reading a byte, and
 * remembers the limit for the body stream the app reads (`limitedBody`). (An answer sent while
 * the body is still arriving — a refusal, an early redirect — ends the connection: Node adds
 * `Connection: close` itself and does not read the rest; body-limit.test.ts holds it to that.)
 */
export function limitRequestBodies(limitFor) {
  return (req, res, next) => {
    const limit = limitFor(req.path);
    res.locals.bodyLimit = limit;
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) return tooLarge(res, limit);
    next();
  };
}

export class BodyTooLargeError extends Error {
  constructor(limit) {
    super(`Request body over its ${limit}-byte limit`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The request's body as the app reads it: counted as it streams. Past the limit the count
 * stops the stream with an error — so whatever was reading it fails instead of acting on a
 * truncated form — answers 413 and calls `onRefused`; the rest is never read.
 */
export function limitedBody(req, res, onRefused) {
  const limit = res.locals.bodyLimit ?? FORM_BODY_LIMIT;
  let received = 0;
  const counted = new Transform({
    transform(chunk, _encoding, done) {
      received += chunk.length;
      if (received <= limit) return done(null, chunk);
      req.unpipe(counted);
      if (!res.headersSent) {
        // No `Connection: close` here: Node then reads the rest of the body and drops it, so the
        // client can read the 413. A body still arriving after the linger ends the connection; one
        // that ended in time leaves it clean for the next request.
        tooLarge(res, limit, { close: false });
        req.resume();
        const socket = req.socket;
        setTimeout(() => {
          if (!req.complete) socket?.destroy();
        }, LINGER_MS).unref();
      } else {
        req.pause();
        req.socket?.destroy();
      }
      onRefused();
      done(new BodyTooLargeError(limit));
    },
  });
  return req.pipe(counted);
}
