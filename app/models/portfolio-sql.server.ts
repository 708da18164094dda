/**
 * The portfolio's SQL: every statement starts from the same two CTEs, so the list, the
 * portfolio-wide figures and each chart cover exactly the same companies.
 *
 * - `co`: one row per company with an approved grant to this investor — its org row, which
 *   sections it shares, and its `company_metrics` row (latest month's headline figures,
 *   kept up to date on write) when it shares financials. Reporting status and runway level
 *   are classified here against boundaries computed in TS (app/finance/portfolio.ts).
 * - `m`: `co` after the page's filters, with the FX rate of each company's latest month
 *   (1 for the investor's own currency, NULL when the investor has no rate for it).
 *
 * Every company is picked by the grant join and every section by an explicit test of the
 * grant's sections; row-level security applies the same grants again underneath.
 * Conversion is numeric: round(amount × rate) rounds half away from zero to whole minor
 * units, like convertMinorUnits in app/finance/fx.ts; a NULL rate gives a NULL figure.
 */
import { sql, type SQL } from "drizzle-orm";
import { NET_BURN_HISTORY_MONTHS } from "~/finance/company-metrics";
import { HEAT_MAP_RISK_STATUSES } from "~/finance/risk";
import type { PortfolioFilters, PortfolioSortKey } from "~/domain/portfolio-query";

/**
 * The one filter of the risks a heat map counts (and the top risk is picked from), on the
 * alias `rk`: built from HEAT_MAP_RISK_STATUSES (open and mitigating), the same list the
 * dashboard's pure heatMapOfRisks and the risks page read.
 */
const LIVE_RISK_TEXT = `rk.status in (${HEAT_MAP_RISK_STATUSES.map((s) => `'${s}'`).join(", ")})`;
const LIVE_RISK = sql.raw(LIVE_RISK_TEXT);

export interface MatchingParams {
  investorId: string;
  /** The day statuses are judged on: a data request's due date is compared with it. */
  today: string;
  baseCurrency: string;
  filters: PortfolioFilters;
  reportedFrom: string;
  dueFrom: string;
  /** numeric(5,1) thresholds as stored ("6.0"), compared as numeric. */
  cautionBelow: string;
  criticalBelow: string;
}

/** monthsOfCashBeforeCashOut(cm.month, cm.cash_out_month) on `YYYY-MM` text. */
const MONTHS_OF_CASH = sql.raw(
  "((substr(cm.cash_out_month, 1, 4)::int - substr(cm.month, 1, 4)::int) * 12 + substr(cm.cash_out_month, 6, 2)::int - substr(cm.month, 6, 2)::int - 1)",
);

/**
 * A data request (decision 026) for the month the portfolio judges (`dr`, alias) is complete: every
 * month of its period has the report (with ARR when asked) and a value of each asked metric. The
 * same rule as requestProgress (app/domain/data-request.ts), on the company's rows under the grant.
 */
const REQUEST_COMPLETE = sql.raw(`not exists (
      select 1 from generate_series(to_date(dr.month_from, 'YYYY-MM'), to_date(dr.month_to, 'YYYY-MM'), interval '1 month') gs(d)
      where not exists (select 1 from monthly_reports r where r.org_id = dr.company_org_id and r.month = to_char(gs.d, 'YYYY-MM')
          and (not coalesce((dr.asks->>'arr')::boolean, false) or r.arr is not null))
        or exists (select 1 from jsonb_array_elements(dr.asks->'metrics') k where not exists (
          select 1 from metric_values v join metric_definitions d on d.org_id = v.org_id and d.id = v.metric_id
          where v.org_id = dr.company_org_id and d.key = k->>'key' and v.month = to_char(gs.d, 'YYYY-MM'))))`);

export function matchingCompanies(p: MatchingParams): SQL {
  const conditions: SQL[] = [sql`true`];
  if (p.filters.q) conditions.push(sql`strpos(lower(co.name), lower(${p.filters.q})) > 0`);
  if (p.filters.status) conditions.push(sql`co.status = ${p.filters.status}`);
  if (p.filters.runway) conditions.push(sql`co.level = ${p.filters.runway}`);
  return sql`
with dr as (
  -- The request each company is asked for the judged month: its first, if several (decision 026).
  -- Read once for the fund and hash-joined, rather than probed once per company.
  select distinct on (r.company_org_id) r.id, r.company_org_id, r.month_from, r.month_to, r.due_on, r.asks from data_requests r
  where r.org_id = ${p.investorId} and r.month_to = ${p.reportedFrom}
  order by r.company_org_id, r.created_at, r.id
), co as (
  select o.id, o.slug, o.name, o.base_currency as currency,
    'financials' = any(g.sections) as fin,
    'risks' = any(g.sections) as rsk,
    'budgets' = any(g.sections) as bud,
    'funding_debt' = any(g.sections) as fnd,
    cm.month, cm.cash, cm.net_burn, cm.average_net_burn, cm.gross_burn, cm.short_history,
    cm.runway_months, cm.cash_out_month, cm.default_alive, cm.default_alive_month, cm.verdict_assumes_growth,
    cm.recent_net_burn, cm.first_month,
    dr.month_to as request_month, dr.due_on::text as request_due_on,
    case when cm.month is null then null
      -- A data request for the judged month decides instead of the report-due rule: its own asks and due date.
      when dr.id is not null then (case when ${REQUEST_COMPLETE} then 'reported' when ${p.today}::date <= dr.due_on then 'due' else 'overdue' end)
      when cm.month >= ${p.reportedFrom} then 'reported'
      when cm.month >= ${p.dueFrom} then 'due'
      else 'overdue' end as status,
    case when cm.month is null then null
      when cm.runway_months is null then (
        -- Not burning: debt service ahead may still exhaust the cash. The whole months of cash
        -- before the cash-out month stand in for the runway (runwayLevelOfStored, app/finance/portfolio.ts).
        case when cm.cash_out_month is null then 'not_burning'
          when ${MONTHS_OF_CASH} < ${p.criticalBelow}::numeric then 'critical'
          when ${MONTHS_OF_CASH} < ${p.cautionBelow}::numeric then 'caution'
          else 'not_burning' end)
      when cm.runway_months < ${p.criticalBelow}::numeric then 'critical'
      when cm.runway_months < ${p.cautionBelow}::numeric then 'caution'
      else 'ok' end as level
  from access_grants g
  join orgs o on o.id = g.org_id
  left join company_metrics cm on cm.org_id = g.org_id and 'financials' = any(g.sections)
  left join dr on dr.company_org_id = g.org_id
  where g.investor_org_id = ${p.investorId} and g.status = 'approved'
), m as materialized (
  select co.*, case when co.currency = ${p.baseCurrency} then 1::numeric else fx.rate end as rate
  from co
  left join fx_rates fx on fx.org_id = ${p.investorId} and fx.currency = co.currency and fx.month = co.month
  where ${sql.join(conditions, sql` and `)}
)`;
}

const HISTORY_POSITIONS = Array.from({ length: NET_BURN_HISTORY_MONTHS }, (_, i) => i + 1);
/** `array[count(m.recent_net_burn[1]), …] as companies, array[sum(m.recent_net_burn[1]), …] as net_burn` */
const BURN_SUMS = sql.raw(
  `array[${HISTORY_POSITIONS.map((i) => `count(m.recent_net_burn[${i}])`).join(", ")}] as companies, ` +
    `array[${HISTORY_POSITIONS.map((i) => `sum(m.recent_net_burn[${i}])`).join(", ")}] as net_burn`,
);

/**
 * Everything portfolio-wide in one statement, so the matching companies (`m`, materialized)
 * are worked out once: the figures, the rates behind the table, and the data of the four
 * charts, each as a JSON value of one row. Amounts stay text inside the JSON (exact).
 *
 * - summary: counts, converted totals, median runway, counts by status and runway level.
 * - table_rates: each foreign (currency, month) the table's figures needed, with its rate.
 * - runway: the shortest runways among burning companies (`runwayLimit`).
 * - net_burn: per month from `burnFrom` to `burnTo` and per currency, the net burn summed
 *   in that currency and converted once at that month's rate — from the 24 months of net
 *   burn each `company_metrics` row keeps (`recent_net_burn`).
 * - first_months: how many companies sharing financials first reported in each month (the
 *   first month is kept on `company_metrics`): a company is owed a report for every month from
 *   its first on, so TS tells each month's coverage ("5 of 6").
 * - raised: rounds per instrument, currency and close month (none for the investor's own
 *   currency), each sum converted at the close month's rate.
 * - heat: open and mitigating risks per likelihood × impact, companies sharing risks only.
 * - rows: the table's page of rows (rowsParts), so the companies are matched once per page view.
 * A NULL rate leaves the converted figure NULL; TS flags it instead of adding it.
 */
export function aggregatesSql(
  matching: SQL,
  p: { investorId: string; baseCurrency: string; runwayLimit: number; burnFrom: string; burnTo: string; rows: RowsOfPage },
): SQL {
  const { page, pageSize } = p.rows;
  const offset = sql`(least(${page}::bigint, greatest(1, ((select count(*) from m) + ${pageSize} - 1) / ${pageSize})) - 1) * ${pageSize}`;
  const rows = rowsParts(p.rows.sort, p.rows.dir, pageSize, offset);
  return sql`${matching},
${rows.ctes},
burn_by_latest as (
  -- Each company's last 24 months of net burn, kept on write and aligned to its latest month:
  -- element i summed over the companies that share a latest month and currency. No report rows
  -- are read and nothing is unnested per company.
  select m.month as latest, m.currency, ${BURN_SUMS}
  from m
  where m.fin and m.month is not null
  group by 1, 2
),
burn as (
  -- "C" collation: grouping by plain bytes, not by locale rules.
  select to_char(to_date(b.latest, 'YYYY-MM') + make_interval(months => (h.i - ${NET_BURN_HISTORY_MONTHS})::int), 'YYYY-MM') collate "C" as month,
    b.currency collate "C" as currency, sum(h.companies) as companies, sum(h.net_burn) as net_burn
  from burn_by_latest b
  cross join lateral unnest(b.companies, b.net_burn) with ordinality as h(companies, net_burn, i)
  where h.companies > 0
  group by 1, 2
),
raised as (
  select fr.instrument, fr.currency,
    case when fr.currency = ${p.baseCurrency} then null else to_char(fr.close_date, 'YYYY-MM') end as month,
    count(*) as rounds, sum(fr.amount) as amount
  from m join funding_rounds fr on fr.org_id = m.id
  where m.fnd
  group by 1, 2, 3
)
select
  (select json_build_object(
    'portfolio_size', (select count(*) from co),
    'companies', count(*),
    'not_shared', count(*) filter (where not fin),
    'no_reports', count(*) filter (where fin and month is null),
    'with_figures', count(*) filter (where month is not null),
    'rate_missing', count(*) filter (where month is not null and rate is null),
    'total_cash', sum(round(cash * rate))::text,
    'total_net_burn', sum(round(net_burn * rate))::text,
    'total_average_net_burn', sum(round(average_net_burn * rate))::text,
    'median_runway', round(percentile_cont(0.5) within group (order by runway_months)::numeric, 2)::text,
    'burning', count(runway_months),
    'reported', count(*) filter (where status = 'reported'),
    'due', count(*) filter (where status = 'due'),
    'overdue', count(*) filter (where status = 'overdue'),
    'critical', count(*) filter (where level = 'critical'),
    'caution', count(*) filter (where level = 'caution'),
    'ok', count(*) filter (where level = 'ok'),
    'not_burning', count(*) filter (where level = 'not_burning'),
    'latest_month', max(month)
  ) from m) as summary,
  (select coalesce(json_agg(t order by t.currency, t.month), '[]') from (
    select currency, month, trim_scale(rate)::text as rate from m
    where month is not null and currency <> ${p.baseCurrency}
    group by currency, month, rate
  ) t) as table_rates,
  (select coalesce(json_agg(t order by t.runway_months, lower(t.name), t.id), '[]') from (
    select id, slug, name, runway_months, level from m where runway_months is not null
    order by runway_months, lower(name), id limit ${p.runwayLimit}
  ) t) as runway,
  (select coalesce(json_agg(t order by t.month, t.currency), '[]') from (
    select b.month, b.currency, b.companies,
      case when b.currency = ${p.baseCurrency} then '1' else trim_scale(fx.rate)::text end as rate,
      round(b.net_burn * case when b.currency = ${p.baseCurrency} then 1::numeric else fx.rate end)::text as net_burn
    from burn b
    left join fx_rates fx on fx.org_id = ${p.investorId} and fx.currency = b.currency and fx.month = b.month
    where b.month between ${p.burnFrom} and ${p.burnTo}
  ) t) as net_burn,
  (select coalesce(json_agg(t order by t.first_month), '[]') from (
    select m.first_month, count(*) as companies
    from m
    where m.fin and m.month is not null
    group by m.first_month
  ) t) as first_months,
  (select coalesce(json_agg(t order by t.instrument, t.currency, t.month), '[]') from (
    select rd.instrument, rd.currency, rd.month, rd.rounds,
      case when rd.currency = ${p.baseCurrency} then '1' else trim_scale(fx.rate)::text end as rate,
      round(rd.amount * case when rd.currency = ${p.baseCurrency} then 1::numeric else fx.rate end)::text as amount
    from raised rd
    left join fx_rates fx on fx.org_id = ${p.investorId} and fx.currency = rd.currency and fx.month = rd.month
  ) t) as raised,
  (select coalesce(json_agg(t), '[]') from (
    select rk.likelihood, rk.impact, count(*) as risks
    from m join risks rk on rk.org_id = m.id
    where m.rsk and ${LIVE_RISK}
    group by rk.likelihood, rk.impact
  ) t) as heat,
  (select coalesce(json_agg(t order by t.position), '[]') from (${rows.select}) t) as rows`;
}

const SORT_EXPRESSIONS: Record<PortfolioSortKey, string> = {
  name: "lower(r.name)",
  month: "r.month",
  cash: "r.cash_conv",
  netBurn: "r.net_burn_conv",
  averageNetBurn: "r.average_net_burn_conv",
  // Not burning sorts as the longest runway; companies without figures go last either way.
  runway: "case when r.month is null then null else coalesce(r.runway_months, 1000000) end",
  // A company that is not burning has a cash-out month too when debt service ahead exhausts its cash.
  cashOut: "case when r.month is null then null else coalesce(r.cash_out_month, '9999-12') end",
  defaultAlive: "case r.default_alive when 'cash_out' then 0 when 'undecided' then 1 when 'profitable' then 2 end",
  topRisk: "r.risk_score",
  variance: "r.variance_conv",
  variancePercent: "r.variance_percent",
  status: "case r.status when 'overdue' then 0 when 'due' then 1 when 'reported' then 2 end",
};

const TOP_RISK = sql.raw(`left join lateral (
    select rk.title, rk.likelihood, rk.impact, rk.likelihood * rk.impact as score
    from risks rk
    where r.rsk and rk.org_id = r.id and ${LIVE_RISK_TEXT}
    order by rk.likelihood * rk.impact desc, rk.impact desc, rk.title, rk.id
    limit 1
  ) tr on true`);
const BUDGET = sql.raw(`left join lateral (
    select sum(b.amount) as budget from budgets b
    where r.bud and r.fin and b.org_id = r.id and b.month = r.month
  ) bu on true`);

/**
 * The table's rows: figures converted, the top risk (highest likelihood × impact among
 * open and mitigating risks, when risks are shared) and the last month's budget variance
 * (when budgets and financials are shared). `limit` null: every row (the CSV export).
 *
 * The page is chosen first, and the per-company look-ups (top risk, budget) run for its
 * rows only — unless the sort itself needs them, in which case that one runs for all.
 * Returned as CTEs to follow `matching` and the select that reads them, so the portfolio
 * page can ask for its rows inside the aggregate statement (rowsOfPage).
 */
function rowsParts(sort: PortfolioSortKey, dir: "asc" | "desc", limit: number | null, offset: SQL): { ctes: SQL; select: SQL } {
  const order = sql.raw(`${SORT_EXPRESSIONS[sort]} ${dir === "desc" ? "desc" : "asc"} nulls last, lower(r.name), r.id`);
  const page = limit === null ? sql`` : sql`limit ${limit} offset ${offset}`;
  const byRisk = sort === "topRisk";
  const byBudget = sort === "variance" || sort === "variancePercent";
  const ctes = sql`base as (
  select m.*,
    round(m.cash * m.rate) as cash_conv,
    round(m.net_burn * m.rate) as net_burn_conv,
    round(m.average_net_burn * m.rate) as average_net_burn_conv
  from m
), page as (
  select r.*, row_number() over (order by ${order}) as position
  from (
    select r.*
      ${byRisk ? sql`, tr.score as risk_score` : sql``}
      ${byBudget ? sql`, round((r.gross_burn - bu.budget) * r.rate) as variance_conv, round((r.gross_burn - bu.budget) / nullif(bu.budget, 0), 6) as variance_percent` : sql``}
    from base r
    ${byRisk ? TOP_RISK : sql``}
    ${byBudget ? BUDGET : sql``}
  ) r
  order by position
  ${page}
)`;
  const select = sql`select r.position, r.slug, r.name, r.currency, r.fin, r.rsk, r.bud, r.month, trim_scale(r.rate)::text as rate,
  r.cash_conv::text as cash, r.net_burn_conv::text as net_burn, r.average_net_burn_conv::text as average_net_burn,
  r.short_history, r.runway_months::text as runway_months, r.cash_out_month, r.default_alive, r.default_alive_month,
  r.verdict_assumes_growth, r.status, r.request_month, r.request_due_on, r.level, tr.title as risk_title, tr.likelihood as risk_likelihood, tr.impact as risk_impact,
  bu.budget::text as budget,
  round((r.gross_burn - bu.budget) * r.rate)::text as variance,
  round((r.gross_burn - bu.budget) / nullif(bu.budget, 0), 6)::text as variance_percent
from page r
${TOP_RISK}
${BUDGET}`;
  return { ctes, select };
}

/** Every row (or one page of them), as a statement of its own: the CSV export. */
export function rowsSql(matching: SQL, sort: PortfolioSortKey, dir: "asc" | "desc", limit: number | null, offset: number): SQL {
  const { ctes, select } = rowsParts(sort, dir, limit, sql`${offset}`);
  return sql`${matching}, ${ctes}
${select}
order by r.position`;
}

/**
 * One page of rows for aggregatesSql: page `page` of `pageSize`, or the last page when there
 * are fewer (the same clamp as the page count the model computes from the summary).
 */
export interface RowsOfPage {
  sort: PortfolioSortKey;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

function cellConditions(cell: { likelihood: number | null; impact: number | null }): SQL {
  const parts: SQL[] = [sql`m.rsk`, LIVE_RISK];
  if (cell.likelihood !== null) parts.push(sql`rk.likelihood = ${cell.likelihood}`);
  if (cell.impact !== null) parts.push(sql`rk.impact = ${cell.impact}`);
  return sql.join(parts, sql` and `);
}

/** How many risks are behind a heat-map cell (for paging the drill-down). */
export function cellRiskCountSql(matching: SQL, cell: { likelihood: number | null; impact: number | null }): SQL {
  return sql`${matching}
select count(*) as total from m join risks rk on rk.org_id = m.id where ${cellConditions(cell)}`;
}

/** The risks behind a heat-map cell, worst first, one page. */
export function cellRisksSql(matching: SQL, cell: { likelihood: number | null; impact: number | null }, limit: number, offset: number): SQL {
  return sql`${matching}
select m.slug, m.name, rk.title, rk.category, rk.likelihood, rk.impact, rk.status, rk.owner
from m join risks rk on rk.org_id = m.id
where ${cellConditions(cell)}
order by rk.likelihood * rk.impact desc, rk.impact desc, lower(m.name), rk.title, rk.id
limit ${limit} offset ${offset}`;
}
