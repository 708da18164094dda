import "~/page-kit";
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
import { localeFromMatches, renderMessage, translate, useLocale, useT, type PlainKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { useNonce } from "~/components/nonce";
import { DemoBanner } from "~/components/demo-banner";
import { Toaster } from "~/components/ui/toast";
import { systemContext } from "~/auth/system.server";
import { getEnv } from "~/env.server";
import { readToast } from "~/server/toast.server";
import { isDemoDatabase } from "~/models/demo.server";
import { common_appName } from "~/paraglide/messages/common_appname1.js";
import { common_error_400_body } from "~/paraglide/messages/common_error_400_body.js";
import { common_error_400_title } from "~/paraglide/messages/common_error_400_title.js";
import { common_error_403_body } from "~/paraglide/messages/common_error_403_body.js";
import { common_error_403_title } from "~/paraglide/messages/common_error_403_title.js";
import { common_error_404_body } from "~/paraglide/messages/common_error_404_body.js";
import { common_error_404_title } from "~/paraglide/messages/common_error_404_title.js";
import { common_error_429_body } from "~/paraglide/messages/common_error_429_body.js";
import { common_error_429_title } from "~/paraglide/messages/common_error_429_title.js";
import { common_error_500_body } from "~/paraglide/messages/common_error_500_body.js";
import { common_error_500_title } from "~/paraglide/messages/common_error_500_title.js";
import { common_error_503_body } from "~/paraglide/messages/common_error_503_body.js";
import { common_error_503_title } from "~/paraglide/messages/common_error_503_title.js";
import { common_error_home } from "~/paraglide/messages/common_error_home.js";
import { common_error_status } from "~/paraglide/messages/common_error_status.js";
import { common_state_loadingLabel } from "~/paraglide/messages/common_state_loadinglabel1.js";
import { deletion_readOnly_body } from "~/paraglide/messages/deletion_readonly_body1.js";
import { deletion_readOnly_title } from "~/paraglide/messages/deletion_readonly_title1.js";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ matches }) => [{ title: translate(localeFromMatches(matches), common_appName) }];

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
  const worded = toast && {
    ...toast,
    text: renderMessage(locale, toast.message),
    link: toast.link && { ...toast.link, text: renderMessage(locale, toast.link.message) },
  };
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
  return <div role="progressbar" aria-label={t(common_state_loadingLabel)} className="fixed inset-x-0 top-0 z-50 h-1 animate-pulse bg-indigo-500" />;
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
  400: [common_error_400_title, common_error_400_body],
  403: [common_error_403_title, common_error_403_body],
  404: [common_error_404_title, common_error_404_body],
  // Thrown only by requireOrgContext for a change to an org scheduled for deletion (decision 009).
  409: [deletion_readOnly_title, deletion_readOnly_body],
  429: [common_error_429_title, common_error_429_body],
  503: [common_error_503_title, common_error_503_body],
};
const OTHER_ERROR: [PlainKey, PlainKey] = [common_error_500_title, common_error_500_body];

/** One boundary for the whole app: status pages for thrown responses, no internals ever. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] = STATUS_TEXT[status] ?? OTHER_ERROR;
  return (
    <main className="mx-auto max-w-lg p-8">
      <p className="text-sm font-semibold text-indigo-700">{t(common_error_status, { status })}</p>
      <h1 className="mt-2 text-2xl font-bold">{t(title)}</h1>
      <p className="mt-2 text-slate-600">{t(body)}</p>
      <a className="mt-6 inline-block text-indigo-700 underline" href="/">
        {t(common_error_home)}
      </a>
    </main>
  );
}
