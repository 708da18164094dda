import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { KEY_LITERAL } from "~/i18n/areas";
import { keysFor, pageMessagesJson, readBrowserManifest } from "~/i18n/page-messages.server";

/** A navigation never matches more routes than this, nor carries more keys as data; more is not a real request. */
const MAX_ROUTES = 12;
const MAX_KEYS = 300;
const KEY_SHAPE = new RegExp(`^${KEY_LITERAL.source.slice(KEY_LITERAL.source.indexOf("("))}$`);

/**
 * `GET /i18n?locale=zh-CN&v=<build>&routes=root,routes/o.$orgSlug,…&keys=records.round.rule.preMoney,…`
 * — the messages a client-side navigation needs for routes the page did not carry, and for
 * keys its loader data names (app/i18n/page-messages.tsx).
 * Public like the catalogues themselves (the sign-in page needs them too); the answer depends on
 * the URL alone, so the browser keeps it for the life of the build. Anything malformed is a 400.
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const locale = params.get("locale");
  const routes = (params.get("routes") ?? "").split(",").filter(Boolean);
  const keys = (params.get("keys") ?? "").split(",").filter(Boolean);
  const { assetsDir } = context as { assetsDir?: string };
  const manifest = assetsDir ? readBrowserManifest(assetsDir, params.get("v") ?? "") : null;
  if (!isLocale(locale)) return json({ error: "Unknown locale." }, { status: 400 });
  if (!manifest) return json({ error: "Unknown build version (v)." }, { status: 400 });
  if (routes.length > MAX_ROUTES || routes.some((id) => !manifest.routes[id])) {
    return json({ error: `routes must name at most ${MAX_ROUTES} routes of this build.` }, { status: 400 });
  }
  if (keys.length > MAX_KEYS || keys.some((key) => !KEY_SHAPE.test(key))) {
    return json({ error: `keys must be at most ${MAX_KEYS} message keys.` }, { status: 400 });
  }
  if (routes.length + keys.length === 0) return json({ error: "Name routes or keys." }, { status: 400 });
  return new Response(pageMessagesJson(assetsDir!, manifest, locale, routes, keysFor(keys)), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
