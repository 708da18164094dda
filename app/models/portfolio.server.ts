import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Tx } from "~db/client";
import { addMonths, compareMonths, DEFAULT_RISK_BANDS, isoDateOfDate, monthsBetween, type IsoDate } from "~/finance";
import { DEFAULT_REPORT_DUE_DAY, reportDueDate } from "~/finance/covenants";
import { reportingStatusBoundaries, type PortfolioRunwayLevel } from "~/finance/portfolio";
import { DEFAULT_RUNWAY_THRESHOLDS } from "~/finance/runway";
import { notFound } from "~/server/http.server";
import {
  NET_BURN_CHART_MONTHS,
  PORTFOLIO_PAGE_SIZE,
  PORTFOLIO_RISK_PAGE_SIZE,
  RUNWAY_CHART_LIMIT,
  parsePortfolioQuery,
  type PortfolioFilters,
  type PortfolioQuery,
  type ReportingStatusFilter,
} from "~/domain/portfolio-query";
import type { OrgContext } from "~/auth/context";
import * as q from "./portfolio-sql.server";
import { foldNetBurn, foldRaised, mergeRateUses, missingRateMonths, type MissingRateMonths } from "~/domain/portfolio-series";
import { positionsOverview } from "./position.server";
import type { Portfolio, PortfolioRiskView, PortfolioRow, PortfolioSettings, PortfolioSummary } from "~/views/portfolio";
import { readInOrg } from "./org-read.server";

export type { Portfolio, PortfolioRiskView, PortfolioRow, PortfolioSettings, PortfolioSummary } from "~/views/portfolio";

type Raw = Record<string, unknown>;

/** A count, sum or bigint from either driver (string, number or bigint) as a safe number. */
function num(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new RangeError(`Not a number: ${String(value)}`);
  return n;
}
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : num(value));
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A json column: parsed by postgres.js and PGlite alike, but accept text too. */
const json = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value);

async function all(tx: Tx, query: SQL): Promise<Raw[]> {
  return rowsOf<Raw>(await tx.execute(query));
}

function requireInvestor(ctx: OrgContext): void {
  // A startup has no portfolio: the page does not exist for it.
  if (ctx.org.kind !== "investor") notFound();
}

type SettingsRow = PortfolioSettings & { cautionText: string; criticalText: string; latestMonth: string | null };

/**
 * The investor's settings, plus the latest month any linked company reported (before
 * filters): the net burn chart's window ends there, whatever the filters.
 */
async function readSettings(tx: Tx, ctx: OrgContext): Promise<SettingsRow> {
  const [row] = await all(
    tx,
    // jit off for the rest of this transaction: at a thousand companies the planner's cost
    // estimates cross jit_above_cost, and compiling the expressions takes longer (≈90 ms)
    // than running these set-based statements. Done here to add no statement.
    sql`select set_config('jit', 'off', true), o.base_currency, o.risk_medium_from, o.risk_high_from, o.risk_critical_from,
      ar.org_id is not null as has_rules, ar.runway_caution_months::text as caution, ar.runway_critical_months::text as critical, ar.report_due_day,
      (select max(cm.month) from access_grants g join company_metrics cm on cm.org_id = g.org_id
        where g.investor_org_id = o.id and g.status = 'approved' and 'financials' = any(g.sections)) as latest_month
    from orgs o left join alert_rules ar on ar.org_id = o.id where o.id = ${ctx.org.id}`,
  );
  if (!row) notFound();
  const hasRules = row.has_rules === true;
  const cautionText = hasRules ? String(row.caution) : String(DEFAULT_RUNWAY_THRESHOLDS.cautionBelowMonths);
  const criticalText = hasRules ? String(row.critical) : String(DEFAULT_RUNWAY_THRESHOLDS.criticalBelowMonths);
  return {
    baseCurrency: String(row.base_currency),
    runwayThresholds: { cautionBelowMonths: Number(cautionText), criticalBelowMonths: Number(criticalText) },
    thresholdsFromRules: hasRules,
    reportDueDay: hasRules ? num(row.report_due_day) : DEFAULT_REPORT_DUE_DAY,
    riskBands: {
      mediumFrom: numOrNull(row.risk_medium_from) ?? DEFAULT_RISK_BANDS.mediumFrom,
      highFrom: numOrNull(row.risk_high_from) ?? DEFAULT_RISK_BANDS.highFrom,
      criticalFrom: numOrNull(row.risk_critical_from) ?? DEFAULT_RISK_BANDS.criticalFrom,
    },
    cautionText,
    criticalText,
    latestMonth: str(row.latest_month),
  };
}

function matchingFor(ctx: OrgContext, settings: SettingsRow, filters: PortfolioFilters, today: IsoDate): SQL {
  const bounds = reportingStatusBoundaries(today, settings.reportDueDay);
  return q.matchingCompanies({
    investorId: ctx.org.id,
    today,
    baseCurrency: settings.baseCurrency,
    filters,
    reportedFrom: bounds.reportedFrom,
    dueFrom: bounds.dueFrom,
    cautionBelow: settings.cautionText,
    criticalBelow: settings.criticalText,
  });
}

function toSummary(row: Raw): PortfolioSummary {
  return {
    portfolioSize: num(row.portfolio_size),
    companies: num(row.companies),
    notShared: num(row.not_shared),
    noReports: num(row.no_reports),
    withFigures: num(row.with_figures),
    rateMissing: num(row.rate_missing),
    totalCash: numOrNull(row.total_cash),
    totalNetBurn: numOrNull(row.total_net_burn),
    totalAverageNetBurn: numOrNull(row.total_average_net_burn),
    medianRunway: numOrNull(row.median_runway),
    burning: num(row.burning),
    byStatus: { reported: num(row.reported), due: num(row.due), overdue: num(row.overdue) },
    byLevel: { critical: num(row.critical), caution: num(row.caution), ok: num(row.ok), not_burning: num(row.not_burning) },
    latestMonth: str(row.latest_month),
  };
}

function toRow(r: Raw, reportDueDay: number): PortfolioRow {
  const month = str(r.month);
  const rate = str(r.rate);
  const status = str(r.status) as ReportingStatusFilter | null;
  const owedMonth = month && status !== "reported" ? addMonths(month, 1) : null;
  const budget = numOrNull(r.budget);
  return {
    slug: String(r.slug),
    name: String(r.name),
    currency: String(r.currency),
    shared: { financials: r.fin === true, risks: r.rsk === true, budgets: r.bud === true },
    month,
    rate,
    rateMissing: month !== null && rate === null,
    cash: numOrNull(r.cash),
    netBurn: numOrNull(r.net_burn),
    averageNetBurn: numOrNull(r.average_net_burn),
    shortHistory: r.short_history === true,
    runwayMonths: numOrNull(r.runway_months),
    runwayLevel: str(r.level) as PortfolioRunwayLevel | null,
    cashOutMonth: str(r.cash_out_month),
    defaultAlive: str(r.default_alive) as PortfolioRow["defaultAlive"],
    defaultAliveMonth: str(r.default_alive_month),
    defaultAliveAssumesFlatRevenue: r.verdict_assumes_growth === true,
    status,
    // A data request for the judged month names its own due date (decision 026).
    owed:
      status !== "reported" && r.request_due_on
        ? { month: String(r.request_month), dueDate: String(r.request_due_on) }
        : owedMonth
          ? { month: owedMonth, dueDate: reportDueDate(owedMonth, reportDueDay) }
          : null,
    topRisk:
      r.risk_title === null || r.risk_title === undefined
        ? null
        : { title: String(r.risk_title), likelihood: num(r.risk_likelihood), impact: num(r.risk_impact), score: num(r.risk_likelihood) * num(r.risk_impact) },
    variance:
      r.bud === true && r.fin === true && month !== null
        ? { budget, amount: budget === null ? null : numOrNull(r.variance), percent: numOrNull(r.variance_percent) }
        : null,
  };
}

export interface PortfolioOptions {
  /** The day reporting status is judged on; injectable for tests. Default: today (UTC). */
  today?: IsoDate;
}

/**
 * An investor's read of its portfolio: one read-only tenant transaction that starts from the
 * fund's settings, as of `today` (default: now).
 */
function readPortfolio<T>(ctx: OrgContext, today: IsoDate | undefined, read: (tx: Tx, settings: SettingsRow, today: IsoDate) => Promise<T>): Promise<T> {
  requireInvestor(ctx);
  const asOf = today ?? isoDateOfDate(new Date());
  return readInOrg(ctx, async (tx) => read(tx, await readSettings(tx, ctx), asOf));
}

/**
 * The investor's portfolio page: one read-only tenant transaction, two set-based statements
 * whatever the number of companies — the settings, then every portfolio-wide figure, every
 * chart and the page of rows in one (so the companies are matched once).
 */
export async function getPortfolio(ctx: OrgContext, query: PortfolioQuery, options: PortfolioOptions = {}): Promise<Portfolio> {
  return readPortfolio(ctx, options.today, async (tx, settings, today) => {
    const matching = matchingFor(ctx, settings, query, today);
    const months = settings.latestMonth ? monthsBetween(addMonths(settings.latestMonth, 1 - NET_BURN_CHART_MONTHS), settings.latestMonth) : [];
    const [agg] = await all(
      tx,
      q.aggregatesSql(matching, {
        investorId: ctx.org.id,
        baseCurrency: settings.baseCurrency,
        runwayLimit: RUNWAY_CHART_LIMIT,
        // No reports at all: an empty window.
        burnFrom: months[0] ?? "9999-12",
        burnTo: months.at(-1) ?? "0000-01",
        rows: { sort: query.sort, dir: query.dir, page: query.page, pageSize: PORTFOLIO_PAGE_SIZE },
      }),
    );
    const summary = toSummary(json(agg!.summary) as Raw);
    const pageCount = Math.max(1, Math.ceil(summary.companies / PORTFOLIO_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const rows = json(agg!.rows) as Raw[];
    const tableRates = json(agg!.table_rates) as Raw[];
    const runway = json(agg!.runway) as Raw[];
    const netBurn = (json(agg!.net_burn) as Raw[]).map((r) => ({
      month: String(r.month),
      currency: String(r.currency),
      rate: str(r.rate),
      companies: num(r.companies),
      netBurn: numOrNull(r.net_burn),
    }));
    const raised = (json(agg!.raised) as Raw[]).map((r) => ({
      instrument: String(r.instrument),
      currency: String(r.currency),
      month: str(r.month),
      rate: str(r.rate),
      rounds: num(r.rounds),
      amount: numOrNull(r.amount),
    }));
    const heatMap = Array.from({ length: 5 }, () => Array<number>(5).fill(0));
    for (const c of json(agg!.heat) as Raw[]) heatMap[num(c.likelihood) - 1]![num(c.impact) - 1] = num(c.risks);
    const { cautionText: _c, criticalText: _k, latestMonth: _l, ...publicSettings } = settings;
    return {
      settings: publicSettings,
      today,
      summary,
      rows: rows.map((r) => toRow(r, settings.reportDueDay)),
      page,
      pageCount,
      pageSize: PORTFOLIO_PAGE_SIZE,
      rates: mergeRateUses(settings.baseCurrency, [
        ...tableRates.map((r) => ({ kind: "table" as const, currency: String(r.currency), month: str(r.month), rate: str(r.rate) })),
        ...netBurn.map((r) => ({ kind: "netBurn" as const, ...r })),
        ...raised.map((r) => ({ kind: "raised" as const, ...r })),
      ]),
      charts: {
        runway: runway.map((r) => ({
          slug: String(r.slug),
          name: String(r.name),
          runwayMonths: num(r.runway_months),
          level: String(r.level) as PortfolioRunwayLevel,
        })),
        netBurn: foldNetBurn(
          months,
          netBurn,
          (json(agg!.first_months) as Raw[]).map((r) => ({ month: String(r.first_month), companies: num(r.companies) })),
        ),
        raised: foldRaised(raised),
        heatMap,
      },
    };
  });
}

/**
 * Every month the fund lacks a rate for, per currency, as the portfolio needs them: the rates
 * behind the portfolio's figures, charts and table over every linked company (no filters:
 * getPortfolio's own list), and those the positions need (the amount at the month it was
 * invested; the current value at the latest rate up to now, which last month's rate
 * satisfies). One rule for all of them (missingRateMonths): months still running are left out.
 */
export async function listMissingPortfolioRates(ctx: OrgContext, options: PortfolioOptions = {}): Promise<MissingRateMonths[]> {
  requireInvestor(ctx);
  const today = options.today ?? isoDateOfDate(new Date());
  const currentMonth = today.slice(0, 7);
  const [portfolio, positions] = await Promise.all([
    getPortfolio(ctx, parsePortfolioQuery(new URLSearchParams()), { today }),
    positionsOverview(ctx, { sort: "company", direction: "asc", page: 1, now: new Date(`${today}T12:00:00Z`) }),
  ]);
  const lastOver = addMonths(currentMonth, -1);
  return missingRateMonths(
    [
      ...portfolio.rates,
      ...positions.missingRates.map((m) => ({
        currency: m.currency,
        month: m.use === "current_value" && compareMonths(m.month, lastOver) > 0 ? lastOver : m.month,
        rate: null,
      })),
    ],
    currentMonth,
  );
}

/** Every matching row, sorted like the page, for the CSV export (same transaction rules). */
export async function exportPortfolio(ctx: OrgContext, query: Omit<PortfolioQuery, "page">, options: PortfolioOptions = {}) {
  return readPortfolio(ctx, options.today, async (tx, settings, today) => {
    const rows = await all(tx, q.rowsSql(matchingFor(ctx, settings, query, today), query.sort, query.dir, null, 0));
    return {
      baseCurrency: settings.baseCurrency,
      runwayThresholds: settings.runwayThresholds,
      today,
      rows: rows.map((r) => toRow(r, settings.reportDueDay)),
    };
  });
}

/** The risks behind one heat-map cell (either level null = any), over the same matching companies. */
export async function listPortfolioRisks(
  ctx: OrgContext,
  options: { filters: PortfolioFilters; likelihood: number | null; impact: number | null; page: number; today?: IsoDate },
) {
  const cell = { likelihood: options.likelihood, impact: options.impact };
  return readPortfolio(ctx, options.today, async (tx, settings, today) => {
    const matching = matchingFor(ctx, settings, options.filters, today);
    const total = num((await all(tx, q.cellRiskCountSql(matching, cell)))[0]!.total);
    const pageCount = Math.max(1, Math.ceil(total / PORTFOLIO_RISK_PAGE_SIZE));
    const page = Math.min(options.page, pageCount);
    const rows = await all(tx, q.cellRisksSql(matching, cell, PORTFOLIO_RISK_PAGE_SIZE, (page - 1) * PORTFOLIO_RISK_PAGE_SIZE));
    const risks: PortfolioRiskView[] = rows.map((r) => ({
      companySlug: String(r.slug),
      companyName: String(r.name),
      title: String(r.title),
      category: String(r.category),
      likelihood: num(r.likelihood),
      impact: num(r.impact),
      score: num(r.likelihood) * num(r.impact),
      status: String(r.status),
      owner: str(r.owner),
    }));
    return { risks, total, page, pageCount, pageSize: PORTFOLIO_RISK_PAGE_SIZE, riskBands: settings.riskBands, cell };
  });
}
