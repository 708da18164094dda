import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { requireOrgContext } from "~/auth/tenant.server";
import { can } from "~/auth/permissions";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import {
  budgetVsActualChartConfig,
  cashRunwayChartConfig,
  debtServiceChartConfig,
  spendByCategoryChartConfig,
} from "~/components/charts/configs";
import { RiskHeatMap } from "~/components/charts/risk-heat-map";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { addMonths, grossBurn, runwayLevel, SPEND_CATEGORIES, type BurnMultiple } from "~/finance";
import { formatMonthRange, formatMultiple, formatRunway, plural, SPEND_CATEGORY_LABELS } from "~/lib/format";
import { formatMoney, formatPercent } from "~/lib/money";
import { riskBandsText } from "~/lib/risk-labels";
import { getStartupDashboard, parseDashboardWindow, type StartupDashboard } from "~/models/dashboard.server";

/** The same choices parseDashboardWindow accepts (a .server module's values do not reach the browser). */
const WINDOWS = [1, 3, 6] as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.org.kind === "startup" ? "Dashboard" : "Overview"} · ${data?.org.name ?? "Capital Desk"}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:org");
  const org = { name: ctx.org.name, slug: ctx.org.slug, kind: ctx.org.kind, baseCurrency: ctx.org.baseCurrency };
  if (ctx.org.kind !== "startup") return json({ org, role: ctx.role, canEdit: false, window: 3 as const, dashboard: null });
  const window = parseDashboardWindow(new URL(request.url).searchParams.get("window"));
  const dashboard = await getStartupDashboard(ctx, { window });
  return json({ org, role: ctx.role, canEdit: can(ctx.role, "edit:records"), window, dashboard });
}

export default function OrgDashboard() {
  const { org, role, canEdit, window, dashboard } = useLoaderData<typeof loader>();
  if (dashboard === null) {
    return (
      <>
        <PageHeader title={org.name} description={`Investor · base currency ${org.baseCurrency} · you are ${role}`} />
        <Card title="Welcome">
          <p className="text-sm text-slate-700">Link portfolio companies, follow their runway, burn and risk, and get early warnings.</p>
        </Card>
      </>
    );
  }
  const base = `/o/${org.slug}`;
  if (dashboard.kind === "empty") {
    return (
      <>
        <PageHeader title={org.name} description={`Company dashboard · base currency ${org.baseCurrency}`} />
        <EmptyState title="No monthly reports yet">
          <p>Cash, burn, runway and the forecasts start from your monthly reports: cash at month end, revenue and spend by category.</p>
          {canEdit ? (
            <p className="mt-4 flex flex-wrap justify-center gap-3">
              <Link to={`${base}/reports/new`} className="rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700">
                Enter a month
              </Link>
              <Link to={`${base}/reports/import`} className="rounded-md border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
                Import a CSV
              </Link>
            </p>
          ) : (
            <p className="mt-2">As a viewer you cannot add reports; ask an owner, admin or member of {org.name} to enter the first month.</p>
          )}
        </EmptyState>
      </>
    );
  }
  return <StartupDashboardView base={base} orgName={org.name} window={window} data={dashboard} />;
}

type Ready = Extract<StartupDashboard, { kind: "ready" }>;

function StartupDashboardView({ base, orgName, window, data }: { base: string; orgName: string; window: number; data: Ready }) {
  const { headline: h, currency } = data;
  return (
    <>
      <PageHeader
        title={orgName}
        description={`Company dashboard as of ${h.month}, the latest reported month · amounts in ${currency}`}
        actions={<WindowSelector base={base} window={window} />}
      />
      <HeadlineCards data={data} />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <CashRunwayCard data={data} />
        <SpendCard data={data} />
        <BudgetCard data={data} base={base} />
        <DebtCard data={data} base={base} />
        <RiskCard data={data} base={base} />
        <RaisedCard data={data} base={base} />
      </div>
    </>
  );
}

function WindowSelector({ base, window }: { base: string; window: number }) {
  return (
    <nav aria-label="Burn window" className="flex items-center gap-2 text-sm">
      <span className="text-slate-600" id="window-label">
        Average burn over
      </span>
      <ul className="flex overflow-hidden rounded-md border border-slate-300" aria-labelledby="window-label">
        {WINDOWS.map((w) => (
          <li key={w}>
            <Link
              to={`${base}?window=${w}`}
              aria-current={w === window ? "true" : undefined}
              className={`block px-3 py-1 ${w === window ? "bg-indigo-600 font-semibold text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {plural(w, "month")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// --- Headline cards --------------------------------------------------------------------------

function MetricCard({ label, value, badge, children, testId }: { label: string; value: ReactNode; badge?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId} aria-label={label}>
      <h2 className="text-sm font-medium text-slate-600">{label}</h2>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-bold tracking-tight">
        {value}
        {badge}
      </p>
      <div className="mt-2 space-y-1 text-xs text-slate-600">{children}</div>
    </section>
  );
}

function HeadlineCards({ data }: { data: Ready }) {
  const { headline: h, currency } = data;
  const money = (minor: number) => formatMoney(minor, currency);
  const windowText =
    h.window === 1
      ? `the latest reported month (${h.month})`
      : `the last ${h.window} reported months (${formatMonthRange(h.windowFirstMonth, h.month)})`;
  const level = h.runwayMonths === null ? "ok" : runwayLevel({ kind: "months", months: h.runwayMonths });
  const debtText = h.facilitiesInForecast > 0 ? `, plus scheduled debt service of ${plural(h.facilitiesInForecast, "facility", "facilities")}` : "";
  const shortHistory = h.shortHistory ? (
    <p className="font-medium text-amber-800">
      Short history: only {h.monthsUsed} of {h.window} months in the window are reported.
    </p>
  ) : null;
  const alive = h.defaultAlive;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <MetricCard label="Cash" value={money(h.cash)} badge={h.cash < 0 ? <Badge tone="bad">below zero</Badge> : null} testId="card-cash">
        <p>Cash at the end of {h.month}, the latest reported month.</p>
      </MetricCard>
      <MetricCard label="Net burn" value={<>{money(h.averageNetBurn)}<span className="text-sm font-normal text-slate-600"> / month</span></>} testId="card-net-burn">
        <p>Average net burn (operating spend − revenue) over {windowText}.</p>
        {shortHistory}
        <p>
          {h.month}: net burn {money(h.netBurn)}, gross burn {money(h.grossBurn)}
          {h.computeShare !== null ? `, compute ${formatPercent(h.computeShare)} of spend` : ""}.
        </p>
      </MetricCard>
      <MetricCard
        label="Runway"
        value={formatRunway(h.runwayMonths)}
        badge={level === "critical" ? <Badge tone="bad">Critical: under 3 months</Badge> : level === "caution" ? <Badge tone="warn">Caution: under 6 months</Badge> : null}
        testId="card-runway"
      >
        {h.runwayMonths === null ? (
          <p>Average net burn over {windowText} is zero or negative, so cash is not running down.</p>
        ) : (
          <p>Cash at {h.month} ÷ average net burn over {windowText}, rounded down.</p>
        )}
        {shortHistory}
      </MetricCard>
      <MetricCard
        label="Cash-out month"
        value={h.cashOutMonth ?? "Beyond 10 years"}
        testId="card-cash-out"
      >
        <p>
          First month whose projected closing cash is below zero: from cash at {h.month}, each month subtracts the average net burn
          ({money(h.averageNetBurn)}){debtText}. Horizon: 120 months.
        </p>
      </MetricCard>
      <MetricCard
        label="Default alive?"
        value={alive.outcome === "profitable" ? "Default alive" : alive.outcome === "cash_out" ? "Default dead" : "Undecided"}
        badge={
          alive.outcome === "profitable" ? (
            <Badge tone="good">profitable from {alive.month}</Badge>
          ) : alive.outcome === "cash_out" ? (
            <Badge tone="bad">cash runs out {alive.month}</Badge>
          ) : (
            <Badge>not within 10 years</Badge>
          )
        }
        testId="card-default-alive"
      >
        <p>
          Expenses held at {h.month}&apos;s gross burn ({money(h.grossBurn)}); revenue grows {formatPercent(alive.growthRate, "en-US", 2)} a month (compound
          growth over the last 3 months){h.facilitiesInForecast > 0 ? "; debt service subtracted" : ""}. Alive if revenue reaches expenses before cash
          falls below zero.
        </p>
        {alive.outcome === "profitable" ? (
          <p>
            Lowest projected cash on the way: {money(alive.lowestCash.cash)} (end of {alive.lowestCash.month}).
          </p>
        ) : null}
      </MetricCard>
      <BurnMultipleCard value={h.burnMultiple} month={h.month} />
    </div>
  );
}

const BAND_TONES = { amazing: "good", great: "good", good: "info", suspect: "warn", bad: "bad" } as const;
const BAND_RANGES = { amazing: "under 1", great: "1–1.5", good: "1.5–2", suspect: "2–3", bad: "over 3" } as const;

function BurnMultipleCard({ value, month }: { value: BurnMultiple; month: string }) {
  const definition = (
    <p>
      Net burn of {formatMonthRange(addMonths(month, -2), month)} ÷ net new ARR (ARR {month} − ARR {addMonths(month, -3)}).
    </p>
  );
  if (value.kind === "value") {
    return (
      <MetricCard
        label="Burn multiple"
        value={formatMultiple(value.value)}
        badge={<Badge tone={BAND_TONES[value.band]}>{value.band} ({BAND_RANGES[value.band]})</Badge>}
        testId="card-burn-multiple"
      >
        {definition}
        <p>Bands: under 1 amazing, 1–1.5 great, 1.5–2 good, 2–3 suspect, over 3 bad.</p>
      </MetricCard>
    );
  }
  const reason =
    value.kind === "not_burning"
      ? "Net burn over the three months is zero or negative: growth is not being bought with cash."
      : value.reason === "arr_missing"
        ? `Needs ARR in both ${month} and ${addMonths(month, -3)}.`
        : value.reason === "arr_not_growing"
          ? "ARR did not grow over the last three months."
          : `Needs reports for each of ${formatMonthRange(addMonths(month, -2), month)}.`;
  return (
    <MetricCard label="Burn multiple" value={value.kind === "not_burning" ? "Not burning" : "Not available"} testId="card-burn-multiple">
      {definition}
      <p>{reason}</p>
    </MetricCard>
  );
}

// --- Charts, each with its data as a table -------------------------------------------------

function DataTable({ caption, head, rows, foot }: { caption: string; head: string[]; rows: ReactNode[][]; foot?: ReactNode[] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-indigo-700">Show the data as a table</summary>
      <TableScroller>
        <table className="mt-2 min-w-full text-right text-xs">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              {head.map((cell, i) => (
                <th key={i} scope="col" className={`px-2 py-1 font-medium text-slate-600 ${i === 0 ? "text-left" : ""}`}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className="border-b border-slate-100">
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-1 text-left font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-2 py-1 tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {foot ? (
            <tfoot>
              <tr className="font-semibold">
                {foot.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-1 text-left">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-2 py-1 tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroller>
    </details>
  );
}

function CashRunwayCard({ data }: { data: Ready }) {
  const { cashHistory, currency, headline } = data;
  const config = useMemo(() => cashRunwayChartConfig(cashHistory, currency), [cashHistory, currency]);
  const first = cashHistory[0]!.month;
  return (
    <Card title="Cash and runway">
      <p className="mb-3 text-xs text-slate-600">
        Cash at each reported month end ({formatMonthRange(first, headline.month)}) and the runway it gave at the time, with net burn averaged over{" "}
        {plural(headline.window, "month")}. Gaps in the runway line are months when the company was not burning.
      </p>
      <ChartCanvas config={config} label={`Line chart of cash and runway by month, ${formatMonthRange(first, headline.month)}`} />
      <DataTable
        caption="Cash and runway by month"
        head={["Month", "Cash", "Runway"]}
        rows={cashHistory.map((p) => [p.month, formatMoney(p.cash, currency), formatRunway(p.runwayMonths)])}
      />
    </Card>
  );
}

function SpendCard({ data }: { data: Ready }) {
  const { spendHistory, currency } = data;
  const config = useMemo(() => spendByCategoryChartConfig(spendHistory, currency), [spendHistory, currency]);
  const range = formatMonthRange(spendHistory[0]!.month, spendHistory.at(-1)!.month);
  return (
    <Card title="Spend by category">
      <p className="mb-3 text-xs text-slate-600">
        Operating spend of each reported month ({range}), stacked by category; the stack&apos;s height is gross burn. Debt interest and principal are not
        operating spend.
      </p>
      <ChartCanvas config={config} label={`Stacked bar chart of operating spend by category and month, ${range}`} />
      <DataTable
        caption="Operating spend by category and month"
        head={["Month", ...SPEND_CATEGORIES.map((c) => SPEND_CATEGORY_LABELS[c]), "Gross burn"]}
        rows={spendHistory.map((m) => [m.month, ...SPEND_CATEGORIES.map((c) => formatMoney(m.spend[c], currency)), formatMoney(grossBurn(m.spend), currency)])}
      />
    </Card>
  );
}

function BudgetCard({ data, base }: { data: Ready; base: string }) {
  const { budget, currency, headline } = data;
  const config = useMemo(() => (budget ? budgetVsActualChartConfig(budget.rows, currency) : null), [budget, currency]);
  if (!budget || !config) {
    return (
      <Card title="Budget vs actual">
        <EmptyState title={`No budget for ${headline.month.slice(0, 4)} yet`}>
          <p>
            Set a budget per month and category to compare it with what you spent. <Link to={`${base}/budgets`} className="text-indigo-700 underline">Go to budgets</Link>
          </p>
        </EmptyState>
      </Card>
    );
  }
  const money = (minor: number) => formatMoney(minor, currency);
  const status = (overrun: boolean, variance: number) =>
    overrun ? <Badge tone="bad">over budget</Badge> : variance > 0 ? <Badge tone="warn">above budget</Badge> : <Badge tone="good">within budget</Badge>;
  const compared = budget.monthsCompared;
  const overruns = budget.rows.filter((r) => r.overrun);
  return (
    <Card title={`Budget vs actual, fiscal year ${budget.fiscalYear}`}>
      <p className="mb-3 text-xs text-slate-600">
        Year to date: budget and actual spend for the {plural(compared.length, "reported month")} of {budget.fiscalYear} (
        {formatMonthRange(compared[0]!, compared.at(-1)!)}). Variance = actual − budget; over budget means more than {formatPercent(budget.overrunThresholdBp / 10_000)} over.
        {overruns.length > 0 ? ` Over budget: ${overruns.map((r) => SPEND_CATEGORY_LABELS[r.category]).join(", ")}.` : " No category is over budget."}
      </p>
      <ChartCanvas config={config} label={`Bar chart of budget and actual spend by category, ${budget.fiscalYear} year to date`} />
      <DataTable
        caption={`Budget vs actual by category, ${budget.fiscalYear} year to date`}
        head={["Category", "Budget (YTD)", "Actual (YTD)", "Variance", "Variance %", "Status", "Full-year budget"]}
        rows={budget.rows.map((r) => [
          SPEND_CATEGORY_LABELS[r.category],
          money(r.budget),
          money(r.actual),
          money(r.variance),
          formatPercent(r.variancePercent),
          status(r.overrun, r.variance),
          money(r.fullYearBudget),
        ])}
        foot={["Total", money(budget.total.budget), money(budget.total.actual), money(budget.total.variance), formatPercent(budget.total.variancePercent), status(budget.total.overrun, budget.total.variance), money(budget.total.fullYearBudget)]}
      />
    </Card>
  );
}

const COVENANT_TEXT = { ok: "minimum cash met", breach: "below minimum cash", projected_breach: "projected below minimum cash" } as const;

function DebtCard({ data, base }: { data: Ready; base: string }) {
  const { debt, currency } = data;
  const config = useMemo(() => (debt ? debtServiceChartConfig(debt.months, currency) : null), [debt, currency]);
  if (!debt || !config) {
    return (
      <Card title="Debt service ahead">
        <EmptyState title="No debt facilities">
          <p>
            Loans, venture debt and bonds you record appear here with their interest and repayments, and go into the forecasts.{" "}
            <Link to={`${base}/debt`} className="text-indigo-700 underline">Go to debt</Link>
          </p>
        </EmptyState>
      </Card>
    );
  }
  const money = (minor: number) => formatMoney(minor, currency);
  const range = formatMonthRange(debt.firstMonth, debt.lastMonth);
  const total = debt.months.reduce((a, m) => a + m.interest + m.principal, 0);
  return (
    <Card title="Debt service ahead">
      <p className="mb-3 text-xs text-slate-600">
        Interest and principal the schedules of all {plural(debt.facilities.length, "facility", "facilities")} put in each of the next 24 months ({range}):{" "}
        {money(total)} in all. The cash-out and default-alive forecasts subtract it.
        {debt.foreignCurrencyFacilities > 0
          ? ` ${plural(debt.foreignCurrencyFacilities, "facility is", "facilities are")} recorded in another currency and counted unconverted.`
          : ""}
      </p>
      <ChartCanvas config={config} label={`Stacked bar chart of debt interest and principal due by month, ${range}`} />
      <DataTable
        caption={`Debt service by month, ${range}`}
        head={["Month", "Interest", "Principal", "Total"]}
        rows={debt.months.map((m) => [m.month, money(m.interest), money(m.principal), money(m.interest + m.principal)])}
      />
      <ul className="mt-4 space-y-2 text-sm">
        {debt.facilities.map((f, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{f.lender}</span>
            <span className="text-slate-600">
              {formatMoney(f.principal, f.currency)} drawn, {formatMoney(f.outstanding, f.currency)} outstanding after {data.headline.month}
            </span>
            {f.covenant ? (
              <Badge tone={f.covenant.kind === "ok" ? "good" : "bad"}>
                {COVENANT_TEXT[f.covenant.kind]}
                {f.covenant.kind === "projected_breach" ? ` in ${f.covenant.month}` : ""} ({formatMoney(f.minimumCash, f.currency)})
              </Badge>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

const BAND_BADGE = { low: "good", medium: "info", high: "warn", critical: "bad" } as const;

function RiskCard({ data, base }: { data: Ready; base: string }) {
  const { risks } = data;
  if (risks.liveCount === 0) {
    return (
      <Card title="Risk heat map">
        <EmptyState title="No open risks">
          <p>
            Record market, technical, financial, privacy, regulatory, competition and talent risks to see them here.{" "}
            <Link to={`${base}/risks`} className="text-indigo-700 underline">Go to risks</Link>
          </p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card title="Risk heat map" actions={<Link to={`${base}/risks`} className="text-sm text-indigo-700 underline">All risks</Link>}>
      <RiskHeatMap
        cells={risks.heatMap}
        bands={risks.bands}
        caption={`Number of live risks (open, mitigating or accepted: ${risks.liveCount}) by likelihood and impact; score = likelihood × impact, bands ${riskBandsText(risks.bands)}.${risks.closedCount > 0 ? ` ${plural(risks.closedCount, "closed risk")} left out.` : ""}`}
      />
      {risks.overdueReviews > 0 ? (
        <p className="mt-3 text-sm font-medium text-red-800">{plural(risks.overdueReviews, "risk review")} overdue.</p>
      ) : null}
      <h3 className="mt-4 text-sm font-semibold">Highest scores</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {risks.top.map((r, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2">
            <Badge tone={BAND_BADGE[r.band]}>
              {r.band} · {r.score}
            </Badge>
            <span>{r.title}</span>
            <span className="text-xs text-slate-500">{r.status}</span>
            {r.reviewOverdue ? <Badge tone="bad">review overdue</Badge> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

const INSTRUMENT_LABELS: Record<string, string> = {
  angel: "Angel",
  pre_seed: "Pre-seed",
  seed: "Seed",
  series_a: "Series A",
  series_b: "Series B",
  series_c_plus: "Series C+",
  bridge: "Bridge",
  equity_crowdfunding: "Equity crowdfunding",
  safe: "SAFE",
  convertible_note: "Convertible note",
  debt: "Debt",
  grant: "Grant",
  other: "Other",
};

function RaisedCard({ data, base }: { data: Ready; base: string }) {
  const { raised, currency } = data;
  return (
    <Card title="Capital raised" actions={<Link to={`${base}/rounds`} className="text-sm text-indigo-700 underline">All rounds</Link>}>
      {raised.roundCount === 0 ? (
        <p className="text-sm text-slate-600">No funding rounds recorded yet.</p>
      ) : (
        <>
          <p className="text-2xl font-bold">{formatMoney(raised.total, currency)}</p>
          <p className="mt-1 text-xs text-slate-600">
            Sum of the amounts of {plural(raised.roundCount - raised.otherCurrencyRounds, "round")} in {currency}
            {raised.otherCurrencyRounds > 0 ? `; ${plural(raised.otherCurrencyRounds, "round")} in other currencies not included` : ""}.
            {raised.lastClose ? ` Last close ${raised.lastClose.date} (${INSTRUMENT_LABELS[raised.lastClose.instrument] ?? raised.lastClose.instrument}).` : ""}
          </p>
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">Capital raised by instrument</caption>
            <tbody>
              {raised.byInstrument.map((r) => (
                <tr key={r.instrument} className="border-b border-slate-100">
                  <th scope="row" className="py-1 text-left font-normal">
                    {INSTRUMENT_LABELS[r.instrument] ?? r.instrument}
                  </th>
                  <td className="py-1 text-right tabular-nums">{formatMoney(r.amount, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
