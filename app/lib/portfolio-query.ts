/**
 * The investor portfolio's URL: sort, filters and page as search params. Shared by the
 * model (which turns them into SQL) and the page (which builds links from them), so both
 * accept exactly the same values; anything unknown falls back to the default.
 * Also the words the portfolio's filters and risk views show, as message keys (t(key)).
 */
import { NET_BURN_HISTORY_MONTHS } from "~/finance/company-metrics";
import type { Instrument } from "~/finance/metrics";
import type { RiskBand } from "~/finance/risk";
import type { PlainKey, Translator } from "~/i18n/translate";

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
  reported: "investor.reporting.reported",
  due: "investor.reporting.due",
  overdue: "investor.reporting.overdue",
};

export const RUNWAY_LEVEL_LABELS: Record<RunwayLevelFilter, PlainKey> = {
  critical: "investor.runwayLevel.critical",
  caution: "investor.runwayLevel.caution",
  ok: "investor.runwayLevel.ok",
  not_burning: "investor.runwayLevel.not_burning",
};

/**
 * The risk words of the portfolio's heat map and drill-down (app/lib/risk-labels.ts holds the
 * startup register's English ones). Bands in lower case, as they read inside a sentence.
 */
export const LIKELIHOOD_KEYS: Record<number, PlainKey> = {
  1: "investor.risk.likelihood.1",
  2: "investor.risk.likelihood.2",
  3: "investor.risk.likelihood.3",
  4: "investor.risk.likelihood.4",
  5: "investor.risk.likelihood.5",
};
export const IMPACT_KEYS: Record<number, PlainKey> = {
  1: "investor.risk.impact.1",
  2: "investor.risk.impact.2",
  3: "investor.risk.impact.3",
  4: "investor.risk.impact.4",
  5: "investor.risk.impact.5",
};
export const RISK_BAND_WORD_KEYS: Record<RiskBand, PlainKey> = {
  low: "investor.risk.bandWord.low",
  medium: "investor.risk.bandWord.medium",
  high: "investor.risk.bandWord.high",
  critical: "investor.risk.bandWord.critical",
};
export const RISK_BAND_TITLE_KEYS: Record<RiskBand, PlainKey> = {
  low: "common.severity.low",
  medium: "common.severity.medium",
  high: "common.severity.high",
  critical: "common.severity.critical",
};

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

export function parsePortfolioFilters(params: URLSearchParams): PortfolioFilters {
  return {
    // NUL bytes cannot reach PostgreSQL text; control characters never match a name.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    q: (params.get("q") ?? "").replace(/[\u0000-\u001f]/g, "").trim().slice(0, MAX_SEARCH_LENGTH),
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

/** Financing instruments' names as keys (app/lib/instruments.ts holds the English ones the rounds pages use). */
export const INSTRUMENT_KEYS: Record<Instrument, PlainKey> = {
  angel: "investor.instrument.angel",
  pre_seed: "investor.instrument.pre_seed",
  seed: "investor.instrument.seed",
  series_a: "investor.instrument.series_a",
  series_b: "investor.instrument.series_b",
  series_c_plus: "investor.instrument.series_c_plus",
  bridge: "investor.instrument.bridge",
  equity_crowdfunding: "investor.instrument.equity_crowdfunding",
  safe: "investor.instrument.safe",
  convertible_note: "investor.instrument.convertible_note",
  debt: "investor.instrument.debt",
  grant: "investor.instrument.grant",
  other: "investor.instrument.other",
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
