/**
 * The investor portfolio's URL: sort, filters and page as search params. Shared by the
 * model (which turns them into SQL) and the page (which builds links from them), so both
 * accept exactly the same values; anything unknown falls back to the default.
 */

export const PORTFOLIO_PAGE_SIZE = 50;
/** The runway chart shows this many of the shortest runways: the ones an investor acts on. */
export const RUNWAY_CHART_LIMIT = 30;
/** Aggregate net burn chart: this many months up to the portfolio's latest reported month. */
export const NET_BURN_CHART_MONTHS = 24;
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
