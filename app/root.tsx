import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import styles from "./tailwind.css";
import { localeFromMatches, translate, translateUnchecked, useLocale, useT, type PlainKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { useNonce } from "~/lib/nonce";
import { DemoBanner } from "~/components/demo-banner";
import { Toaster } from "~/components/ui/toast";
import { systemContext } from "~/auth/system.server";
import { getEnv } from "~/env.server";
import { readToast } from "~/lib/toast.server";
import { isDemoDatabase } from "~/models/demo.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ matches }) => [{ title: translate(localeFromMatches(matches), "common.appName") }];

/**
 * The request's language for every page (cookie, then browser); components read it with useLocale/useT.
 * And the toast a save left in the flash cookie: read once here, cleared by the answer, shown by <Toaster>.
 * And whether this is the local demo, for the banner on every page (a DATABASE_URL server never is,
 * so the question costs it nothing).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { toast, headers } = await readToast(request);
  const demo = getEnv().DATABASE_URL ? false : await isDemoDatabase(await systemContext());
  const locale = getLocale(request);
  // The toast's words in the reader's language: the cookie names the message, the page shows text.
  const worded = toast && { ...toast, text: translateUnchecked(locale, toast.key, toast.vars), link: toast.link && { ...toast.link, text: translateUnchecked(locale, toast.link.key) } };
  return json({ locale, toast: worded, demo }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const locale = useLocale();
  // Absent when the root loader failed (an error page): no banner then rather than no page.
  const demo = useRouteLoaderData<typeof loader>("root")?.demo ?? false;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {demo ? <DemoBanner /> : null}
        {children}
        <Toaster />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        {/* Only under `npm run dev` (remix dev): reloads the page after a rebuild; nothing in a production build. */}
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

function NavigationProgress() {
  const navigation = useNavigation();
  const t = useT();
  if (navigation.state === "idle") return null;
  return (
    <div role="progressbar" aria-label={t("common.state.loadingLabel")} className="fixed inset-x-0 top-0 z-50 h-1 animate-pulse bg-indigo-500" />
  );
}

export default function App() {
  return (
    <>
      <NavigationProgress />
      <Outlet />
    </>
  );
}

/** Statuses with their own words; any other status reads as 500's. */
const STATUS_TEXT: Record<number, [PlainKey, PlainKey]> = {
  400: ["common.error.400.title", "common.error.400.body"],
  403: ["common.error.403.title", "common.error.403.body"],
  404: ["common.error.404.title", "common.error.404.body"],
  // Thrown only by requireOrgContext for a change to an org scheduled for deletion (decision 009).
  409: ["deletion.readOnly.title", "deletion.readOnly.body"],
  429: ["common.error.429.title", "common.error.429.body"],
  503: ["common.error.503.title", "common.error.503.body"],
};
const OTHER_ERROR: [PlainKey, PlainKey] = ["common.error.500.title", "common.error.500.body"];

/** One boundary for the whole app: status pages for thrown responses, no internals ever. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] = STATUS_TEXT[status] ?? OTHER_ERROR;
  return (
    <main className="mx-auto max-w-lg p-8">
      <p className="text-sm font-semibold text-indigo-700">{t("common.error.status", { status })}</p>
      <h1 className="mt-2 text-2xl font-bold">{t(title)}</h1>
      <p className="mt-2 text-slate-600">{t(body)}</p>
      <a className="mt-6 inline-block text-indigo-700 underline" href="/">
        {t("common.error.home")}
      </a>
    </main>
  );
}
