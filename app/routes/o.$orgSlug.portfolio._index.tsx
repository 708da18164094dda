import { json, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireOrgContext } from "~/auth/tenant.server";
import { HeatMapCard, NetBurnChartCard, RaisedChartCard, RunwayChartCard } from "~/components/portfolio-charts";
import { PortfolioTable } from "~/components/portfolio-table";
import { Field, SelectField, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { formatRunway, plural } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { formatMoney } from "~/lib/money-format";
import { filterParams, isFiltered, parsePortfolioQuery } from "~/lib/portfolio-query";
import { getPortfolio } from "~/models/portfolio.server";
import { Pager } from "~/components/ui/pager";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Portfolio · ${data?.org.name ?? "Capital Desk"}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:org");
  if (ctx.org.kind !== "investor") notFound();
  const query = parsePortfolioQuery(new URL(request.url).searchParams);
  const portfolio = await getPortfolio(ctx, query);
  return json({ org: { slug: ctx.org.slug, name: ctx.org.name }, query, portfolio });
}

type Data = SerializeFrom<typeof loader>;

const USED_FOR = { table: "table", netBurn: "net burn chart", raised: "capital raised chart" } as const;

export default function PortfolioPage() {
  const { org, query, portfolio } = useLoaderData<typeof loader>();
  const location = useLocation();
  const base = `/o/${org.slug}`;
  const { settings, summary } = portfolio;
  const currency = settings.baseCurrency;

  /** The current URL with some params changed; any change but the page starts at page 1. */
  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(location.search);
    // The filter form, submitted without JavaScript, lands on "?index" (an index route's GET); links leave it out.
    next.delete("index");
    if (!("page" in changes)) next.delete("page");
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    const qs = next.toString();
    return qs ? `?${qs}` : location.pathname;
  };
  const companyHref = (slug: string) => `${base}/companies/${slug}`;
  const filters = filterParams(query);
  const cellHref = (likelihood: number, impact: number) => {
    const params = new URLSearchParams(filters);
    params.set("likelihood", String(likelihood));
    params.set("impact", String(impact));
    return `${base}/portfolio/risks?${params}`;
  };
  const exportParams = new URLSearchParams(filters);
  exportParams.set("sort", query.sort);
  exportParams.set("dir", query.dir);

  if (summary.portfolioSize === 0) {
    return (
      <>
        <PageHeader title="Portfolio" description={`Amounts in ${currency}`} />
        <EmptyState title="No companies in your portfolio yet">
          <p>
            Ask a startup for access on the{" "}
            <Link to={`${base}/companies`} className="text-indigo-700 underline">
              Companies page
            </Link>
            . Once it approves, its runway, burn and risks appear here.
          </p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Portfolio"
        description={`${plural(summary.portfolioSize, "company", "companies")} linked · amounts converted into ${currency} at each month's rate · reporting status as of ${portfolio.today}`}
        actions={
          <a href={`${base}/portfolio.csv?${exportParams}`} className="text-sm text-indigo-700 underline" download>
            Download CSV
          </a>
        }
      />
      <Figures data={portfolio} />
      <Card title={isFiltered(query) ? `Companies matching (${summary.companies})` : `Companies (${summary.companies})`}>
        <Filters query={query} />
        {portfolio.rows.length === 0 ? (
          <EmptyState title="No company matches these filters">
            <Link to={location.pathname} className="text-indigo-700 underline">
              Clear filters
            </Link>
          </EmptyState>
        ) : (
          <PortfolioTable
            rows={portfolio.rows}
            baseCurrency={currency}
            bands={settings.riskBands}
            sort={query.sort}
            dir={query.dir}
            hrefWith={hrefWith}
            companyHref={companyHref}
          />
        )}
        <Pager page={portfolio.page} pageCount={portfolio.pageCount} href={(p) => hrefWith({ page: String(p) })} summary={`${summary.companies} companies`} />
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <RunwayChartCard
          bars={portfolio.charts.runway}
          burning={summary.burning}
          thresholds={settings.runwayThresholds}
          fromRules={settings.thresholdsFromRules}
          companyHref={companyHref}
        />
        <NetBurnChartCard points={portfolio.charts.netBurn} currency={currency} />
        <RaisedChartCard raised={portfolio.charts.raised} currency={currency} />
        <HeatMapCard
          cells={portfolio.charts.heatMap}
          bands={settings.riskBands}
          cellHref={cellHref}
          allHref={`${base}/portfolio/risks${filters.toString() ? `?${filters}` : ""}`}
        />
      </div>
      <Rates data={portfolio} />
    </>
  );
}

function Figure({ label, value, children, testId }: { label: string; value: ReactNode; children?: ReactNode; testId: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={label} data-testid={testId}>
      <h2 className="text-sm font-medium text-slate-600">{label}</h2>
      <p className="mt-1 text-2xl font-bold tracking-tight">{value}</p>
      {children ? <div className="mt-1 space-y-1 text-xs text-slate-600">{children}</div> : null}
    </section>
  );
}

function Figures({ data }: { data: Data["portfolio"] }) {
  const { summary: s, settings } = data;
  const currency = settings.baseCurrency;
  const left = s.rateMissing > 0 ? <p className="text-amber-800">{plural(s.rateMissing, "company", "companies")} left out: rate missing.</p> : null;
  return (
    <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
      <Figure label="Companies" value={s.companies} testId="figure-companies">
        <p>
          {s.withFigures} with figures
          {s.notShared > 0 ? `, ${s.notShared} not sharing financials` : ""}
          {s.noReports > 0 ? `, ${s.noReports} without reports` : ""}.
        </p>
      </Figure>
      <Figure label="Total cash" value={s.totalCash === null ? "—" : formatMoney(s.totalCash, currency)} testId="figure-cash">
        <p>Cash at each company&apos;s last reported month, in {currency}.</p>
        {left}
      </Figure>
      <Figure label="Aggregate net burn" value={s.totalNetBurn === null ? "—" : formatMoney(s.totalNetBurn, currency)} testId="figure-net-burn">
        <p>
          Net burn of each company&apos;s last reported month, summed; averaged over 3 months: {s.totalAverageNetBurn === null ? "—" : formatMoney(s.totalAverageNetBurn, currency)}.
        </p>
        {left}
      </Figure>
      <Figure label="Median runway" value={s.medianRunway === null ? "—" : formatRunway(Math.floor(s.medianRunway * 10) / 10)} testId="figure-runway">
        <p>
          Of {plural(s.burning, "burning company", "burning companies")}; {s.byLevel.not_burning} not burning. {s.byLevel.critical} critical, {s.byLevel.caution} caution,{" "}
          {s.byLevel.ok} ok.
        </p>
      </Figure>
      <Figure
        label="Reporting"
        value={`${s.byStatus.reported} reported · ${s.byStatus.due} due · ${s.byStatus.overdue} overdue`}
        testId="figure-status"
      >
        <p>The report for a month is due by day {settings.reportDueDay} of the next month.</p>
      </Figure>
    </div>
  );
}

function Filters({ query }: { query: Data["query"] }) {
  return (
    <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter companies">
      <div className="w-56">
        <Field id="filter-q" label="Company name" name="q" type="search" defaultValue={query.q} />
      </div>
      <div className="w-44">
        <SelectField
          id="filter-status"
          label="Reporting status"
          name="status"
          defaultValue={query.status ?? ""}
          options={[
            { value: "", label: "Any status" },
            { value: "reported", label: "Reported" },
            { value: "due", label: "Due" },
            { value: "overdue", label: "Overdue" },
          ]}
        />
      </div>
      <div className="w-44">
        <SelectField
          id="filter-runway"
          label="Runway"
          name="runway"
          defaultValue={query.runway ?? ""}
          options={[
            { value: "", label: "Any runway" },
            { value: "critical", label: "Critical" },
            { value: "caution", label: "Caution" },
            { value: "ok", label: "OK" },
            { value: "not_burning", label: "Not burning" },
          ]}
        />
      </div>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <SubmitButton variant="secondary" pendingText="Filtering…">
        Apply filters
      </SubmitButton>
      {isFiltered(query) ? (
        <Link to="?" className="py-2 text-sm text-indigo-700 underline">
          Clear filters
        </Link>
      ) : null}
    </Form>
  );
}

function ratesByCurrency(rates: Data["portfolio"]["rates"]) {
  const groups = new Map<string, Data["portfolio"]["rates"]>();
  for (const r of rates) groups.set(r.currency, [...(groups.get(r.currency) ?? []), r]);
  return [...groups];
}

function Rates({ data }: { data: Data["portfolio"] }) {
  const missing = data.rates.filter((r) => r.rate === null);
  const currency = data.settings.baseCurrency;
  return (
    <Card title="Exchange rates">
      <p className="text-sm text-slate-700" data-testid="rates-summary">
        {data.rates.length === 0
          ? `Every figure is in ${currency}: no conversion was needed.`
          : `${plural(data.rates.length - missing.length, "rate")} used (1 unit of the currency = rate ${currency}, for amounts of that month).`}
        {missing.length > 0 ? (
          <strong className="font-medium text-amber-800">
            {" "}
            Missing: {missing.map((r) => `${r.currency} ${r.month}`).join(", ")}. Figures that need them are shown as “rate missing”, never as zero; add the rates
            in your FX settings.
          </strong>
        ) : null}
      </p>
      {data.rates.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-indigo-700">Show the rates</summary>
          {/* One line per currency: a long history of monthly rates stays a few lines of text. */}
          <dl className="mt-2 space-y-2 text-xs" data-testid="rates-used">
            {ratesByCurrency(data.rates).map(([code, rates]) => (
              <div key={code}>
                <dt className="font-semibold">
                  1 {code} in {currency}
                </dt>
                <dd className="tabular-nums text-slate-700">
                  {rates.map((r, i) => (
                    <span key={r.month}>
                      {i > 0 ? " · " : ""}
                      {r.month}:{" "}
                      {r.rate ?? (
                        <strong className="text-amber-800">missing ({r.usedFor.map((u) => USED_FOR[u]).join(", ")})</strong>
                      )}
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </Card>
  );
}
