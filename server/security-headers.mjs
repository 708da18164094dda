// Security headers: helmet sets them; this file only states our policy. What helmet cannot
// know is here: the per-request nonce, the share page's stricter referrer, Permissions-Policy.
import crypto from "node:crypto";
import helmet, { referrerPolicy } from "helmet";

/** A fresh CSP nonce per response, for Remix's inline scripts (entry.server reads res.locals). */
function cspNonce(_req, res, next) {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
}

export function securityHeaders(production) {
  const headers = helmet({
    contentSecurityPolicy: {
      // Only what we list: helmet's defaults would add upgrade-insecure-requests, which breaks
      // a production build tried over plain http (README: COOKIE_SECURE=false).
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        // Chart.js sizes its canvas with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        // The Remix dev server's live reload talks over a local websocket.
        connectSrc: production ? ["'self'"] : ["'self'", "ws://localhost:*"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // Plain http must stay reachable outside production (a development server, tests).
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // X-XSS-Protection: helmet's "0" turns the legacy filter off (browsers dropped it; it caused leaks).
  });
  // A partner report's URL is its credential (/r/<token>): never send it on as a referrer.
  const shareReferrer = referrerPolicy({ policy: "no-referrer" });
  return [
    cspNonce,
    headers,
    (req, res, next) => {
      res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
      if (/^\/r\//i.test(req.path)) return shareReferrer(req, res, next);
      next();
    },
  ];
}
