import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { LocaleProvider } from "~/i18n";
import { isLocale } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { NonceProvider } from "~/components/nonce";

// Boot hooks for server.mjs: it calls these from the built bundle so the app and the
// server share one database handle.
export { startup, shutdown, checkReady, useDatabase } from "~/db.server";
export { getEnv } from "~/env.server";
// The import routes' body limit, which the edge enforces (server/body-limit.mjs).
export { MAX_UPLOAD_BODY_BYTES } from "~/domain/csv-import";
// How many passwords this process has verified (the throttle tests read it).
export { passwordChecks } from "~/auth/password.server";
export { inRequestScope } from "~/server/request-scope.server";

const ABORT_DELAY = 5_000;

/**
 * React 18.3's streaming renderer has a bug with multi-byte text (every Chinese page): when a
 * character does not fit at the end of its 2,048-byte buffer, it sends the whole buffer, the
 * 1–3 bytes it never wrote included, so NUL characters land in the page's text
 * (facebook/react#24985, fixed in React 19 by #26228). Such a chunk is exactly 2,048 bytes
 * and ends in those zero bytes; this drops them. A full chunk of real content never ends in
 * NUL (no text the app shows contains one: forms reject it).
 */
const REACT_VIEW_SIZE = 2048;
function withoutReactPadding(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      if (end === REACT_VIEW_SIZE) while (end > REACT_VIEW_SIZE - 3 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  // Unmatched URLs (404) and methods a route does not take (405) are ordinary answers, not errors worth a log line.
  if (isRouteErrorResponse(error) && (error.status === 404 || error.status === 405)) return;
  // Logged once here with the request id and the redacted path server.mjs computed (invitation
  // tokens never reach a log); the response itself never carries the stack.
  console.error(
    JSON.stringify({
      level: "error",
      msg: "unhandled",
      id: context.requestId,
      method: request.method,
      path: context.logPath,
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }),
  );
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const { cspNonce: nonce = "", assetsDir } = loadContext as { cspNonce?: string; assetsDir?: string };
  // The page's messages in the language the root loader chose (a page without root data: the request's).
  const rootLocale = (remixContext.staticHandlerContext.loaderData?.root as { locale?: unknown } | undefined)?.locale;
  const locale = isLocale(rootLocale) ? rootLocale : getLocale(request);
  if (!assetsDir) throw new Error("The load context has no assetsDir (server.mjs provides it).");
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        {/* The language for pages rendered without root loader data (an unknown URL's 404). */}
        <LocaleProvider value={locale}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </LocaleProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutReactPadding();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
