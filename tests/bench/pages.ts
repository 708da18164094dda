// What the benchmark requests: each page as a browser asks for it (a document request with
// gzip), and the founder's monthly report save as the form posts it. Pages that do not exist
// in this build are reported as missing rather than measured.
import type { AcRequest } from "./harness";
import { findRoute, type BrowserManifest } from "./js-size";
import { SPEND_CATEGORIES } from "../../app/finance/burn";
import { addMonths, type Month } from "../../app/finance/month";
import { routeData } from "../support/route-data";

export const DOCUMENT_HEADERS = { Accept: "text/html,application/xhtml+xml", "Accept-Encoding": "gzip" };
const MONTH_ROUTE = "routes/o.$orgSlug.reports.$month";

export interface PageSpec {
  key: string;
  label: string;
  /** The route pattern that must exist in the build, or null for edge endpoints. */
  pattern: string | null;
  requests: AcRequest[];
  /** Connection counts to measure at. */
  connections: number[];
  /** For the preflight: a GET that must answer 200 (the save's preflight reads its month). */
  preflightPath: string;
  preflightCookie?: string;
}

export interface Sessions {
  investor: string;
  founder: string;
}

export function documentRequest(path: string, cookie?: string): AcRequest {
  return { method: "GET", path, headers: { ...DOCUMENT_HEADERS, ...(cookie ? { Cookie: cookie } : {}) } };
}

const major = (minor: unknown) => {
  const n = typeof minor === "number" ? minor : 0;
  const abs = Math.abs(n);
  return `${n < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};

/** The month form's fields as the browser posts them, from the report the loader returned. */
export function reportForm(report: Record<string, unknown>, version: number, edit: number): string {
  const form = new URLSearchParams();
  form.set("version", String(version));
  form.set("cash", major(report.cash));
  form.set("revenue", major(report.revenue));
  for (const c of SPEND_CATEGORIES) form.set(c, major(report[c]));
  form.set("headcount", String(report.headcount));
  form.set("arr", report.arr === null || report.arr === undefined ? "" : major(report.arr));
  form.set("highlights", `Bench edit #${edit}: shipped the eval harness.`);
  form.set("lowlights", typeof report.lowlights === "string" ? report.lowlights : "");
  form.set("asks", typeof report.asks === "string" ? report.asks : "");
  return form.toString();
}

/**
 * The founder saves an existing month again with one text changed, as the form does. A
 * connection reads a month (not measured), then saves it nine times with the version each
 * save returns; autocannon clears the context after each such cycle, and the next cycle
 * takes the next month of `span`, so concurrent connections rarely save the same month
 * (a 409 when they do is counted, as the form would show it).
 */
export function reportSubmission(companySlug: string, lastMonth: Month, cookie: string, origin: string, span: number): AcRequest[] {
  let cycle = 0;
  let edits = 0;
  const path = (month: string) => routeData(`/o/${companySlug}/reports/${month}`, MONTH_ROUTE);
  const read: AcRequest = {
    method: "GET",
    headers: { Cookie: cookie },
    measure: false,
    setupRequest: (req, context) => {
      context.month ??= addMonths(lastMonth, -(1 + (cycle++ % span)));
      return { ...req, path: path(context.month as string) };
    },
    onResponse: (status, body, context) => {
      if (status !== 200) return;
      const report = (JSON.parse(body) as { report: Record<string, unknown> | null }).report;
      context.report = report;
      context.version = report?.version;
    },
  };
  const save: AcRequest = {
    method: "POST",
    headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    setupRequest: (req, context) => {
      if (!context.report) return null;
      return { ...req, path: path(context.month as string), body: reportForm(context.report as Record<string, unknown>, context.version as number, ++edits) };
    },
    onResponse: (status, _body, context) => {
      // A save answers with a redirect (204 + X-Remix-Redirect for a data request) and a toast;
      // each save moves the report's version on by one.
      if (status === 204) context.version = (context.version as number) + 1;
    },
  };
  return [read, ...Array.from({ length: 9 }, () => save)];
}

/** The pages of the main run. */
export function mainPages(
  fund: string,
  company: string,
  founderCompany: string,
  lastMonth: Month,
  months: number,
  sessions: Sessions,
  origin: string,
  share: string | null,
): PageSpec[] {
  return [
    {
      key: "baseline",
      label: "GET /login (trivial page, baseline)",
      pattern: "login",
      requests: [documentRequest("/login")],
      connections: [1, 8],
      preflightPath: "/login",
    },
    {
      key: "healthz",
      label: "GET /healthz (edge only, no Remix)",
      pattern: null,
      requests: [documentRequest("/healthz")],
      connections: [1, 8],
      preflightPath: "/healthz",
    },
    {
      key: "portfolio",
      label: `GET /o/${fund}/portfolio (first page)`,
      pattern: "o/:orgSlug/portfolio",
      requests: [documentRequest(`/o/${fund}/portfolio`, sessions.investor)],
      connections: [1, 8],
      preflightPath: `/o/${fund}/portfolio`,
      preflightCookie: sessions.investor,
    },
    {
      key: "company",
      label: `GET /o/${fund}/companies/${company}`,
      pattern: "o/:orgSlug/companies/:companySlug",
      requests: [documentRequest(`/o/${fund}/companies/${company}`, sessions.investor)],
      connections: [1, 8],
      preflightPath: `/o/${fund}/companies/${company}`,
      preflightCookie: sessions.investor,
    },
    {
      key: "submit",
      label: `POST /o/${founderCompany}/reports/<month> (founder saves a report)`,
      pattern: "o/:orgSlug/reports/:month",
      requests: reportSubmission(founderCompany, lastMonth, sessions.founder, origin, Math.max(1, Math.min(months - 1, 48))),
      connections: [1, 8],
      preflightPath: routeData(`/o/${founderCompany}/reports/${addMonths(lastMonth, -1)}`, MONTH_ROUTE),
      preflightCookie: sessions.founder,
    },
    {
      key: "share",
      label: "GET /r/<token> (share-link report, one company)",
      pattern: "r/:token",
      requests: share ? [documentRequest(`/r/${share}`)] : [],
      connections: [1, 8],
      preflightPath: share ? `/r/${share}` : "",
    },
  ];
}

export function routeExists(manifest: BrowserManifest, pattern: string | null): boolean {
  return pattern === null || findRoute(manifest, pattern) !== null;
}
