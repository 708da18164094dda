// The HTTP edge: security headers, request-body limits, the served origin and Origin checks,
// request ids and JSON logs, health endpoints, static files and graceful shutdown — around the
// Remix request handler. The larger pieces live in server/.
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { bodyLimits, limitRequestBodies } from "./server/body-limit.mjs";
import { appOrigin, originCheck } from "./server/origin.mjs";
import { remixHandler } from "./server/remix-handler.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// Matches remix.config.js: BUILD_DIR puts the server bundle and the browser assets side by side.
// An empty BUILD_DIR, or "build", means the default layout.
const customDir = process.env.BUILD_DIR && process.env.BUILD_DIR !== "build" ? process.env.BUILD_DIR : undefined;
const buildDir = path.join(here, customDir ?? "build");
const assetsDir = customDir ? path.join(buildDir, "public/build") : path.join(here, "public/build");

/** Content-Security-Policy with a per-request nonce for Remix's inline scripts. */
function securityHeaders(production) {
  return (req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        // Chart.js sizes its canvas with inline styles.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        production ? "connect-src 'self'" : "connect-src 'self' ws://localhost:*",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    // A partner report's URL is its credential (/r/<token>): never send it on as a referrer.
    res.setHeader("Referrer-Policy", /\/r\//i.test(req.path) ? "no-referrer" : "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

function requestLog(enabled) {
  // Capability URLs: the path segment IS the credential (an invitation link), so the log keeps
  // the route's shape only. A new route with a token in its path belongs in this list
  // (tests/integration/security.test.ts fails for any manifest route with a `:token` param).
  const capabilityPaths = [/(\/invite\/)[^/]+/gi, /(\/r\/)[^/]+/gi];
  const loggablePath = (path) => capabilityPaths.reduce((p, pattern) => p.replace(pattern, "$1:token"), path);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    req.id = req.get("x-request-id")?.slice(0, 64) || crypto.randomUUID();
    // Read now: by "finish", a mounted middleware (express.static at /build) has rewritten req.path.
    const path = loggablePath(req.path);
    req.logPath = path;
    res.setHeader("X-Request-Id", req.id);
    res.on("finish", () => {
      if (!enabled) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Path only: query strings and bodies may carry tokens and are never logged.
      process.stdout.write(
        JSON.stringify({ level: "info", msg: "request", id: req.id, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }) + "\n",
      );
    });
    next();
  };
}

export function createApp({ build, env }) {
  const production = env.NODE_ENV === "production";
  const { limitFor } = bodyLimits(build.routes, build.entry.module.MAX_UPLOAD_BODY_BYTES);
  const app = express();
  app.disable("x-powered-by");
  app.set("env", env.NODE_ENV);
  app.set("trust proxy", env.TRUST_PROXY ?? false);
  app.use(requestLog(env.LOG_REQUESTS));
  app.use(securityHeaders(production));
  // First, so no path escapes it: a body over its limit is never read (server/body-limit.mjs).
  app.use(limitRequestBodies(limitFor));
  // Before the Host check: a probe may address the instance by any name, and learns nothing.
  app.get("/healthz", (req, res) => res.type("text/plain").send("ok"));
  app.get("/readyz", async (req, res) => {
    const ready = await build.entry.module.checkReady();
    res.status(ready ? 200 : 503).type("text/plain").send(ready ? "ready" : "database unavailable");
  });
  app.use(appOrigin(env.APP_ORIGIN));
  app.use(originCheck());
  app.use(compression());
  // fallthrough: false — a missing asset is a plain 404, not an HTML page served as CSS/JS.
  app.use("/build", express.static(assetsDir, { immutable: true, maxAge: "1y", fallthrough: false }), (err, req, res, next) => {
    // Express's default error page would replace our CSP and, outside production, show file paths.
    if (err?.status === 404 || err?.statusCode === 404) return res.status(404).type("text/plain").send("Not found");
    next(err);
  });
  app.use(express.static(path.join(here, "public"), { maxAge: "1h" }));
  app.all(
    "*",
    remixHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce,
        requestId: req.id,
        logPath: req.logPath,
        clientIp: req.ip ?? "unknown",
        // Resolved by appOrigin: APP_ORIGIN, or this machine's name the request used — never a forged Host.
        origin: res.locals.origin,
        // Where the browser bundle is: the server reads which messages each page's code uses from it.
        assetsDir,
      }),
    }),
  );
  // Last resort for errors outside Remix (static files, middleware): a plain answer, a JSON log line.
  app.use((err, req, res, next) => {
    console.error(JSON.stringify({ level: "error", msg: "edge error", id: req.id, path: req.logPath, error: err?.message }));
    if (res.headersSent) return next(err);
    res.status(err?.status ?? 500).type("text/plain").send("Something went wrong.");
  });
  return app;
}

async function main() {
  process.env.NODE_ENV ??= "production";
  const build = await import(pathToFileURL(path.join(buildDir, "index.js")).href);
  let env;
  try {
    env = build.entry.module.getEnv();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const boot = await build.entry.module.startup();
  const app = createApp({ build, env });
  const server = app.listen(env.PORT, () => {
    console.log(
      JSON.stringify({ level: "info", msg: "listening", url: `http://localhost:${env.PORT}`, driver: boot.driver, seededDemo: boot.seeded }),
    );
  });
  // SIGTERM: stop accepting, let in-flight requests finish, then close the pool.
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ level: "info", msg: "shutting down", signal }));
    const began = Date.now();
    server.close(async () => {
      clearInterval(reaper);
      console.log(JSON.stringify({ level: "info", msg: "drained", ms: Date.now() - began }));
      await build.entry.module.shutdown();
      console.log(JSON.stringify({ level: "info", msg: "stopped", ms: Date.now() - began }));
      process.exit(0);
    });
    // close() ends only the keep-alive connections idle right now; one whose request is
    // still running would otherwise sit idle for the keep-alive timeout after its answer
    // and delay the exit. Reap connections as they go idle while draining.
    server.closeIdleConnections?.();
    const reaper = setInterval(() => server.closeIdleConnections?.(), 100);
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(JSON.stringify({ level: "fatal", msg: "startup failed", error: error.message }));
    process.exit(1);
  });
}
