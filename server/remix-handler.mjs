// The Remix request handler: @remix-run/express's createRequestHandler (MIT, v2.17), with what
// the edge needs changed:
// - the app reads the body through the edge's byte count (body-limit.mjs), never the raw socket;
// - the request's URL is built on the origin the edge resolved (origin.mjs), never on a Host
//   or X-Forwarded-Host header;
// - an answer without its own Cache-Control is `private, no-store`: every page, data request
//   and export is someone's figures (or carries a per-request CSP nonce).
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import { limitedBody } from "./body-limit.mjs";

export function remixHandler({ build, mode, getLoadContext }) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req, res, next) => {
    // Set when the body went over its limit: the edge has answered 413 and the app's result is moot.
    let refused = false;
    try {
      let controller = new AbortController();
      // Abort loaders and actions once the answer can no longer be written (closed before finishing).
      res.on("finish", () => (controller = null));
      res.on("close", () => controller?.abort());
      const init = { method: req.method, headers: headersOf(req.headers), signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        const body = limitedBody(req, res, () => {
          refused = true;
          controller?.abort();
        });
        init.body = createReadableStreamFromReadable(body);
        init.duplex = "half";
      }
      const request = new Request(res.locals.origin + req.originalUrl, init);
      const context = await getLoadContext(req, res);
      // A page view's loaders share what they look up alike (app/server/request-scope.server.ts).
      const response = await build.entry.module.inRequestScope(req.method, () => handleRequest(request, context));
      if (refused) return;
      if (!response.headers.has("Cache-Control")) res.setHeader("Cache-Control", "private, no-store");
      await send(res, response);
    } catch (error) {
      if (!refused) next(error);
    }
  };
}

function headersOf(requestHeaders) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  return headers;
}

async function send(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
