// Which origin the app is served at, and the Origin check that rests on it (issue #13,
// finding 8: without APP_ORIGIN both trusted the Host header, so `Host: evil.example` with
// `Origin: http://evil.example` passed the check and made invitation links to evil.example).
import { refuse } from "./refuse.mjs";

/** This machine's names, with an optional port; nothing else may be in the Host header. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i;

/**
 * Resolves `res.locals.origin` for each request.
 * - APP_ORIGIN set: that origin, whatever the Host says (a proxy may send its own Host).
 * - Unset: this machine only. The Host must name localhost, 127.0.0.1 or [::1] at the port the
 *   request came in on (so `npm start` on localhost needs no setting), and the origin is what
 *   it names; any other Host gets 421 and a message saying to set APP_ORIGIN.
 */
export function appOrigin(configured) {
  return (req, res, next) => {
    // The origin is joined to the request target: an absolute-form target (GET http://x/ HTTP/1.1) is not ours to serve.
    if (!req.originalUrl.startsWith("/")) return refuse(res, 400, "Bad request.\n请求无效。\n", { close: true });
    if (configured) {
      res.locals.origin = configured;
      return next();
    }
    const host = LOOPBACK_HOST.exec(req.headers.host ?? "");
    const defaultPort = req.socket.encrypted ? 443 : 80;
    if (!host || Number(host[2] ?? defaultPort) !== req.socket.localPort) {
      return refuse(
        res,
        421,
        "This server answers only at localhost. To serve it at another address, set APP_ORIGIN to that address (see the README).\n" +
          "此服务器只响应 localhost 的请求。如需通过其他地址访问，请将 APP_ORIGIN 设为该地址（见 README）。\n",
        { close: true },
      );
    }
    res.locals.origin = `${req.protocol}://${host[1].toLowerCase()}${host[2] ? `:${host[2]}` : ""}`;
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs to the List-Unsubscribe URL with no
 * cookie and usually no Origin. Only this exact shape — /unsubscribe/ and one token segment —
 * is let through; the token is the capability and the action only ever turns a notification
 * off (decision 023). Every other path stays checked.
 */
const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[A-Za-z0-9_-]{1,100}$/;

/**
 * Every mutation must come from our own pages: the browser's Origin (or, failing that,
 * Sec-Fetch-Site) must match the origin resolved above. SameSite=Lax cookies already stop most
 * cross-site posts; this closes the rest (same-site subdomains, older browsers).
 */
export function originCheck() {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.method === "POST" && ONE_CLICK_UNSUBSCRIBE.test(req.path)) {
      // Whoever posts is irrelevant here, so the Origin goes: Remix would otherwise abort a
      // document post whose Origin is not this host with a 500 instead of answering it.
      delete req.headers.origin;
      return next();
    }
    const origin = req.get("origin");
    const fetchSite = req.get("sec-fetch-site");
    const ok = origin ? origin === res.locals.origin : fetchSite ? fetchSite === "same-origin" || fetchSite === "none" : false;
    if (ok) return next();
    // The body is never read: close the connection rather than leave its rest on the socket.
    refuse(res, 403, "Cross-origin request refused.", { close: true });
  };
}
