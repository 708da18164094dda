/**
 * The investor portfolio's URL: sort, filters and page as search params. Shared by the
 * model (which turns them into SQL) and the page (which builds links from them), so both
 * accept exactly the same values; anything unknown falls back to the default.
 * Also the words the portfolio's filters and risk views show, as message keys (t(key)).
 */
import { NET_BURN_HISTORY_MONTHS } from "~/finance/company-metrics";
import type { Instrument } from "~/finance/metrics";
import type { PlainKey, Translator } from "~/i18n/translate";
import { investor_instrument_angel } from "~/paraglide/messages/investor_instrument_angel.js";
import { investor_instrument_bridge } from "~/paraglide/messages/investor_instrument_bridge.js";
import { investor_instrument_convertible_note } from "~/paraglide/messages/investor_instrument_convertible_note.js";
import { investor_instrument_debt } from "~/paraglide/messages/investor_instrument_debt.js";
import { investor_instrument_equity_crowdfunding } from "~/paraglide/messages/investor_instrument_equity_crowdfunding.js";
import { investor_instrument_grant } from "~/paraglide/messages/investor_instrument_grant.js";
import { investor_instrument_other } from "~/paraglide/messages/investor_instrument_other.js";
import { investor_instrument_pre_seed } from "~/paraglide/messages/investor_instrument_pre_seed.js";
import { investor_instrument_safe } from "~/paraglide/messages/investor_instrument_safe.js";
import { investor_instrument_seed } from "~/paraglide/messages/investor_instrument_seed.js";
import { investor_instrument_series_a } from "~/paraglide/messages/investor_instrument_series_a.js";
import { investor_instrument_series_b } from "~/paraglide/messages/investor_instrument_series_b.js";
import { investor_instrument_series_c_plus } from "~/paraglide/messages/investor_instrument_series_c_plus.js";
import { investor_reporting_due } from "~/paraglide/messages/investor_reporting_due.js";
import { investor_reporting_overdue } from "~/paraglide/messages/investor_reporting_overdue.js";
import { investor_reporting_reported } from "~/paraglide/messages/investor_reporting_reported.js";
import { investor_runwayLevel_caution } from "~/paraglide/messages/investor_runwaylevel_caution1.js";
import { investor_runwayLevel_critical } from "~/paraglide/messages/investor_runwaylevel_critical1.js";
import { investor_runwayLevel_not_burning } from "~/paraglide/messages/investor_runwaylevel_not_burning1.js";
import { investor_runwayLevel_ok } from "~/paraglide/messages/investor_runwaylevel_ok1.js";
import { IMPACT_KEYS as REGISTER_IMPACT_KEYS, LIKELIHOOD_KEYS as REGISTER_LIKELIHOOD_KEYS, RISK_BAND_IN_SENTENCE_KEYS, RISK_BAND_KEYS } from "./risk-labels";

export const PORTFOLIO_PAGE_SIZE = 50;
/** The runway chart shows this many of the shortest runways: the ones an investor acts on. */
export const RUNWAY_CHART_LIMIT = 30;
/**
 * Aggregate net burn chart: this many months up to the portfolio's latest reported month —
 * the months each company's metrics row keeps (NET_BURN_HISTORY_MONTHS), which the chart reads.
 */
export const NET_BURN_CHART_MONTHS = NET_BURN_HISTORY_MONTHS;
export const PORTFOLIO_RISK_PAGE_SIZE = 50;

export const PORTFOLIO_SORT_KEYS = [
  "name",
  "month",
  "cash",
  "netBurn",
  "averageNetBurn",
  "runway",
  "cashOut",
  "defaultAlive",
  "topRisk",
  "variance",
  "variancePercent",
  "status",
] as const;
export type PortfolioSortKey = (typeof PORTFOLIO_SORT_KEYS)[number];

/** Ascending for names and months, worst first for the rest (a second click flips it). */
export const PORTFOLIO_SORT_FIRST_DIRECTION: Record<PortfolioSortKey, "asc" | "desc"> = {
  name: "asc",
  month: "asc",
  cash: "desc",
  netBurn: "desc",
  averageNetBurn: "desc",
  runway: "asc",
  cashOut: "asc",
  defaultAlive: "asc",
  topRisk: "desc",
  variance: "desc",
  variancePercent: "desc",
  status: "asc",
};

export const REPORTING_STATUS_FILTERS = ["reported", "due", "overdue"] as const;
export type ReportingStatusFilter = (typeof REPORTING_STATUS_FILTERS)[number];
export const RUNWAY_LEVEL_FILTERS = ["critical", "caution", "ok", "not_burning"] as const;
export type RunwayLevelFilter = (typeof RUNWAY_LEVEL_FILTERS)[number];

export const REPORTING_STATUS_LABELS: Record<ReportingStatusFilter, PlainKey> = {
  reported: investor_reporting_reported,
  due: investor_reporting_due,
  overdue: investor_reporting_overdue,
};

export const RUNWAY_LEVEL_LABELS: Record<RunwayLevelFilter, PlainKey> = {
  critical: investor_runwayLevel_critical,
  caution: investor_runwayLevel_caution,
  ok: investor_runwayLevel_ok,
  not_burning: investor_runwayLevel_not_burning,
};

/**
 * The risk words of the portfolio's heat map and drill-down: the startup register's own
 * (app/domain/risk-labels.ts), indexed by any score. Bands in lower case, as they read inside a
 * sentence; as a title, the register's band names.
 */
export const LIKELIHOOD_KEYS: Record<number, PlainKey> = REGISTER_LIKELIHOOD_KEYS;
export const IMPACT_KEYS: Record<number, PlainKey> = REGISTER_IMPACT_KEYS;
export const RISK_BAND_WORD_KEYS = RISK_BAND_IN_SENTENCE_KEYS;
export const RISK_BAND_TITLE_KEYS = RISK_BAND_KEYS;

export interface PortfolioFilters {
  /** Part of the company's name, any case; "" = every company. */
  q: string;
  status: ReportingStatusFilter | null;
  runway: RunwayLevelFilter | null;
}

export interface PortfolioQuery extends PortfolioFilters {
  sort: PortfolioSortKey;
  dir: "asc" | "desc";
  page: number;
}

const MAX_SEARCH_LENGTH = 100;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;

export function parsePortfolioFilters(params: URLSearchParams): PortfolioFilters {
  return {
    // NUL bytes cannot reach PostgreSQL text; control characters never match a name.
    q: (params.get("q") ?? "").replace(CONTROL_CHARACTERS, "").trim().slice(0, MAX_SEARCH_LENGTH),
    status: oneOf(REPORTING_STATUS_FILTERS, params.get("status")),
    runway: oneOf(RUNWAY_LEVEL_FILTERS, params.get("runway")),
  };
}

/** `?sort=runway&dir=asc&page=2&q=lab&status=overdue&runway=critical`. */
export function parsePortfolioQuery(params: URLSearchParams): PortfolioQuery {
  const sort = oneOf(PORTFOLIO_SORT_KEYS, params.get("sort")) ?? "name";
  const dir = oneOf(["asc", "desc"] as const, params.get("dir")) ?? PORTFOLIO_SORT_FIRST_DIRECTION[sort];
  const page = Number(params.get("page"));
  return {
    ...parsePortfolioFilters(params),
    sort,
    dir,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** The filters as search params (for links that keep them, like the heat map drill-down). */
export function filterParams(filters: PortfolioFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.runway) params.set("runway", filters.runway);
  return params;
}

export function isFiltered(filters: PortfolioFilters): boolean {
  return Boolean(filters.q || filters.status || filters.runway);
}

/** `?likelihood=4&impact=5` on the drill-down; a missing or bad level means "any". */
export function parseRiskCell(params: URLSearchParams): { likelihood: number | null; impact: number | null; page: number } {
  const level = (name: string) => {
    const value = params.get(name);
    return value !== null && /^[1-5]$/.test(value) ? Number(value) : null;
  };
  const page = Number(params.get("page"));
  return { likelihood: level("likelihood"), impact: level("impact"), page: Number.isSafeInteger(page) && page >= 1 ? page : 1 };
}

/** Financing instruments' names as keys (app/domain/instruments.ts holds the English ones the rounds pages use). */
export const INSTRUMENT_KEYS: Record<Instrument, PlainKey> = {
  angel: investor_instrument_angel,
  pre_seed: investor_instrument_pre_seed,
  seed: investor_instrument_seed,
  series_a: investor_instrument_series_a,
  series_b: investor_instrument_series_b,
  series_c_plus: investor_instrument_series_c_plus,
  bridge: investor_instrument_bridge,
  equity_crowdfunding: investor_instrument_equity_crowdfunding,
  safe: investor_instrument_safe,
  convertible_note: investor_instrument_convertible_note,
  debt: investor_instrument_debt,
  grant: investor_instrument_grant,
  other: investor_instrument_other,
};

/** The key of a stored instrument, or null for a value the app does not know. */
export function instrumentKey(value: string): PlainKey | null {
  return Object.hasOwn(INSTRUMENT_KEYS, value) ? INSTRUMENT_KEYS[value as Instrument] : null;
}

/** An instrument's name ("Series A" / "A 轮"); a value the app does not know is shown as stored. */
export function instrumentName(t: Translator, instrument: string): string {
  const key = instrumentKey(instrument);
  return key ? t(key) : instrument;
}
