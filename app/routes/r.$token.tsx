import "~/page-kit";
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { ShareReportView } from "~/components/share/report-view";
import { DrawChartsAtOnce } from "~/components/charts/chart-canvas";
import { systemContext } from "~/auth/system.server";
import { metaTitle, translate, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { retryAfterHeader, waitMessage } from "~/server/throttle-answer.server";
import { findActiveShareLinkByToken, recordShareLinkView, unlockShareLink, type ResolvedShareLink } from "~/models/share-link.server";
import { getShareReport } from "~/models/share-report.server";
import { admin_report_checking } from "~/paraglide/messages/admin_report_checking.js";
import { admin_report_errorKicker } from "~/paraglide/messages/admin_report_errorkicker1.js";
import { admin_report_error_passphraseRequired } from "~/paraglide/messages/admin_report_error_passphraserequired1.js";
import { admin_report_error_wrongPassphrase } from "~/paraglide/messages/admin_report_error_wrongpassphrase1.js";
import { admin_report_failedBody } from "~/paraglide/messages/admin_report_failedbody1.js";
import { admin_report_failedTitle } from "~/paraglide/messages/admin_report_failedtitle1.js";
import { admin_report_kicker } from "~/paraglide/messages/admin_report_kicker.js";
import { admin_report_metaTitle } from "~/paraglide/messages/admin_report_metatitle1.js";
import { admin_report_notAvailableBody } from "~/paraglide/messages/admin_report_notavailablebody2.js";
import { admin_report_notAvailableTitle } from "~/paraglide/messages/admin_report_notavailabletitle2.js";
import { admin_report_passphrase } from "~/paraglide/messages/admin_report_passphrase.js";
import { admin_report_protectedBody } from "~/paraglide/messages/admin_report_protectedbody1.js";
import { admin_report_protectedTitle } from "~/paraglide/messages/admin_report_protectedtitle1.js";
import { admin_report_readOnlyBody } from "~/paraglide/messages/admin_report_readonlybody2.js";
import { admin_report_readOnlyTitle } from "~/paraglide/messages/admin_report_readonlytitle2.js";
import { admin_report_view } from "~/paraglide/messages/admin_report_view.js";

/*
 * The partner's report, public at /r/<token>: the token is the capability. Unknown, malformed,
 * expired and revoked tokens all get the same 404 (one hash, one look-up, one answer). The
 * report is read in the issuing org's read-only tenant transaction. No navigation into the
 * app, no forms — except the passphrase form, which unlocks viewing and changes no data.
 */

/** On every answer of this route, the 404s included. Referrer-Policy: server.mjs (no-referrer on /r/). */
const REPORT_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
} as const;

// This route has its own error boundary so that its 404s and 405s carry these headers too
// (Remix takes an error answer's headers from the route whose boundary renders it).
// A refused passphrase's Retry-After comes from the action's answer.
export const headers: HeadersFunction = ({ errorHeaders, actionHeaders }) => {
  const allow = errorHeaders?.get("Allow");
  const retryAfter = actionHeaders?.get("Retry-After");
  return { ...REPORT_HEADERS, ...(allow ? { Allow: allow } : {}), ...(retryAfter ? { "Retry-After": retryAfter } : {}) };
};

// A partner has no user: the report speaks the browser's language (lang cookie or Accept-Language, read by the root loader).
export const meta: MetaFunction = ({ matches }) => [
  metaTitle(matches, admin_report_metaTitle),
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

/** Longer than any passphrase a link can have (app/domain/share-links.ts PASSPHRASE_MAX): refused unread. */
const PASSPHRASE_MAX = 200;

function notFound(): never {
  throw new Response("Not found", { status: 404, statusText: "Not Found", headers: REPORT_HEADERS });
}

async function resolve(token: string | undefined): Promise<ResolvedShareLink> {
  const link = await findActiveShareLinkByToken(await systemContext(), token ?? "");
  if (!link) notFound();
  return link;
}

async function viewReport(link: ResolvedShareLink, request: Request, origin: string) {
  const system = await systemContext();
  const report = await getShareReport(system, link);
  await recordShareLinkView(system, link, request.headers.get("user-agent"), { origin });
  return report;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const link = await resolve(params.token);
  if (link.passphraseHash) return json({ locked: true as const, report: null, error: null }, { headers: REPORT_HEADERS });
  return json({ locked: false as const, report: await viewReport(link, request, context.origin), error: null }, { headers: REPORT_HEADERS });
}

/** The one thing a POST may do here: present the passphrase. Anything else is a 405. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = await resolve(params.token);
  // Thrown, so no loader runs after it: a refused POST neither shows the report nor logs a view.
  const refuse = (): never => {
    throw new Response("Method not allowed", { status: 405, statusText: "Method Not Allowed", headers: { ...REPORT_HEADERS, Allow: "GET, HEAD" } });
  };
  if (request.method !== "POST" || !link.passphraseHash) refuse();
  const locale = getLocale(request);
  const form = await request.formData();
  if ([...form.keys()].some((key) => key !== "passphrase") || !form.has("passphrase")) refuse();
  const passphrase = form.get("passphrase");
  if (typeof passphrase !== "string" || passphrase.length === 0 || passphrase.length > PASSPHRASE_MAX) {
    return json(
      { locked: true as const, report: null, error: translate(locale, admin_report_error_passphraseRequired) },
      { status: 400, headers: REPORT_HEADERS },
    );
  }
  const result = await unlockShareLink(await systemContext(), link, passphrase, context.clientIp);
  if (!result.ok) {
    if (result.reason === "throttled") {
      const error = waitMessage(locale, result.retryAfterSeconds, "passphrase");
      return json(
        { locked: true as const, report: null, error },
        { status: 429, headers: { ...REPORT_HEADERS, ...retryAfterHeader(result.retryAfterSeconds) } },
      );
    }
    const error = translate(locale, admin_report_error_wrongPassphrase);
    return json({ locked: true as const, report: null, error }, { status: 401, headers: REPORT_HEADERS });
  }
  return json({ locked: false as const, report: await viewReport(link, request, context.origin), error: null }, { headers: REPORT_HEADERS });
}

export default function PartnerReport() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const data = submitted ?? loaded;
  // A report for paper: every chart draws at once, not when scrolled to (draw-schedule.ts), so a print has them all.
  if (data.report)
    return (
      <DrawChartsAtOnce.Provider value={true}>
        <ShareReportView report={data.report} />
      </DrawChartsAtOnce.Provider>
    );
  return (
    <main className="mx-auto max-w-md p-8">
      <p className="text-sm font-semibold text-indigo-700">{t(admin_report_kicker)}</p>
      <h1 className="mt-2 text-2xl font-bold">{t(admin_report_protectedTitle)}</h1>
      <p className="mt-2 text-sm text-slate-600">{t(admin_report_protectedBody)}</p>
      <Form method="post" className="mt-6 space-y-3" noValidate>
        <div>
          <label htmlFor="passphrase" className="block text-sm font-medium text-slate-700">
            {t(admin_report_passphrase)}
          </label>
          <input
            id="passphrase"
            name="passphrase"
            type="password"
            autoComplete="off"
            required
            aria-invalid={data.error ? true : undefined}
            aria-describedby={data.error ? "passphrase-error" : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          />
          {data.error ? (
            <p id="passphrase-error" role="alert" className="mt-1 text-sm text-red-700">
              {data.error}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={navigation.state === "submitting"}
          className="inline-flex rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
        >
          {navigation.state === "submitting" ? t(admin_report_checking) : t(admin_report_view)}
        </button>
      </Form>
    </main>
  );
}

/** One answer for every unusable link — unknown, tampered, expired or revoked alike — and no way into the app. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t(admin_report_notAvailableTitle), t(admin_report_notAvailableBody)]
      : status === 405
        ? [t(admin_report_readOnlyTitle), t(admin_report_readOnlyBody)]
        : [t(admin_report_failedTitle), t(admin_report_failedBody)];
  return (
    <main className="mx-auto max-w-lg p-8">
      <p className="text-sm font-semibold text-indigo-700">{t(admin_report_errorKicker, { status: String(status) })}</p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
    </main>
  );
}
