// The HTTP edge: security headers (helmet), request ids and JSON logs (pino-http), request-body
// limits, the served origin and Origin checks, health endpoints, static files and graceful
// shutdown — around the Remix request handler. The pieces live in server/ (decision 010).
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import expressStaticGzip from "express-static-gzip";
import { bodyLimits, limitRequestBodies } from "./server/body-limit.mjs";
import { appOrigin, originCheck } from "./server/origin.mjs";
import { remixHandler } from "./server/remix-handler.mjs";
import { createLogger, loggablePath, requestLog } from "./server/request-log.mjs";
import { securityHeaders } from "./server/security-headers.mjs";
import { gracefulShutdown } from "./server/shutdown.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// Matches remix.config.js: BUILD_DIR puts the server bundle and the browser assets side by side.
// An empty BUILD_DIR, or "build", means the default layout.
const customDir = process.env.BUILD_DIR && process.env.BUILD_DIR !== "build" ? process.env.BUILD_DIR : undefined;
const buildDir = path.join(here, customDir ?? "build");
const assetsDir = customDir ? path.join(buildDir, "public/build") : path.join(here, "public/build");

export function createApp({ build, env, logger = createLogger(env.LOG_LEVEL) }) {
  const production = env.NODE_ENV === "production";
  const { limitFor } = bodyLimits(build.routes, build.entry.module.MAX_UPLOAD_BODY_BYTES);
  const app = express();
  app.disable("x-powered-by");
  app.set("env", env.NODE_ENV);
  app.set("trust proxy", env.TRUST_PROXY ?? false);
  app.use(requestLog(logger));
  app.use(securityHeaders(production));
  // First, so no path escapes it: a body over its limit is never read (server/body-limit.mjs).
  app.use(limitRequestBodies(limitFor));
  // Before the Host check: a probe may address the instance by any name, and learns nothing.
  app.get("/healthz", (_req, res) => res.type("text/plain").send("ok"));
  app.get("/readyz", async (_req, res) => {
    const ready = await build.entry.module.checkReady();
    res
      .status(ready ? 200 : 503)
      .type("text/plain")
      .send(ready ? "ready" : "database unavailable");
  });
  app.use(appOrigin(env.APP_ORIGIN));
  app.use(originCheck());
  // Pages and data are compressed as they go, brotli at quality 5: 6 % smaller than the default 4
  // for a tenth of a millisecond more on the portfolio's page, which keeps that page within the
  // first round trip's 14.6 KB. The build's files are not: compressed once at build time
  // (scripts/precompress.mjs), the copy the browser accepts is sent as it is (decision 033).
  app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } } }));
  // fallthrough: false — a missing asset is a plain 404, not an HTML page served as CSS/JS.
  const buildFiles = expressStaticGzip(assetsDir, {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    serveStatic: { immutable: true, maxAge: "1y", fallthrough: false },
  });
  // express-static-gzip answers a path it cannot decode with its own HTML 400; hand it to the edge's
  // error handler first, so it gets the plain answer every other malformed URL gets.
  const decodablePath = (req, _res, next) => {
    try {
      decodeURIComponent(req.path);
      next();
    } catch {
      next(Object.assign(new Error("malformed path"), { status: 400 }));
    }
  };
  app.use("/build", decodablePath, buildFiles, (err, _req, res, next) => {
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
        logPath: loggablePath(req.originalUrl),
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
    logger.error({ id: req.id, path: loggablePath(req.originalUrl), error: err?.message }, "edge error");
    if (res.headersSent) return next(err);
    res
      .status(err?.status ?? 500)
      .type("text/plain")
      .send("Something went wrong.");
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
  const logger = createLogger(env.LOG_LEVEL);
  const boot = await build.entry.module.startup();
  const app = createApp({ build, env, logger });
  const server = app.listen(env.PORT, async () => {
    logger.info({ url: `http://localhost:${env.PORT}`, driver: boot.driver, seededDemo: boot.seeded }, "listening");
    // Under `npm run dev` (remix dev, which restarts this process on every rebuild): say the new build is up.
    if (process.env.REMIX_DEV_ORIGIN) (await import("@remix-run/node")).broadcastDevReady(build);
  });
  gracefulShutdown(server, { logger, closeDatabase: build.entry.module.shutdown });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(JSON.stringify({ level: "fatal", msg: "startup failed", error: error.message }));
    process.exit(1);
  });
}
