import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useNavigation,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import styles from "./tailwind.css";
import { useNonce } from "~/lib/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Capital Desk" }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === "idle") return null;
  return (
    <div role="progressbar" aria-label="Loading" className="fixed inset-x-0 top-0 z-50 h-1 animate-pulse bg-indigo-500" />
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

const STATUS_TEXT: Record<number, { title: string; body: string }> = {
  400: { title: "That request could not be understood", body: "Check the form and try again." },
  403: { title: "Not allowed", body: "Your role in this organisation does not allow that." },
  404: { title: "Not found", body: "There is nothing here, or you do not have access to it." },
  429: { title: "Too many attempts", body: "Wait a few minutes and try again." },
  503: { title: "Temporarily unavailable", body: "The database is not answering. Try again in a moment." },
};

/** One boundary for the whole app: status pages for thrown responses, no internals ever. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const text = STATUS_TEXT[status] ?? { title: "Something went wrong", body: "The error has been logged. Try again, or go back." };
  return (
    <main className="mx-auto max-w-lg p-8">
      <p className="text-sm font-semibold text-indigo-700">Error {status}</p>
      <h1 className="mt-2 text-2xl font-bold">{text.title}</h1>
      <p className="mt-2 text-slate-600">{text.body}</p>
      <a className="mt-6 inline-block text-indigo-700 underline" href="/">
        Go to the start page
      </a>
    </main>
  );
}
