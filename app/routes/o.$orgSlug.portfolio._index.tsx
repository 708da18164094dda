import "~/page-kit";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { requireInvestor } from "~/auth/tenant.server";
import { HeatMapCard, NetBurnChartCard, RaisedChartCard, RunwayChartCard } from "~/components/portfolio-charts";
import { PortfolioTable } from "~/components/portfolio-table";
import { runwayMonthsText } from "~/components/runway-months-text";
import { Field } from "~/components/ui/form";
import { Definition } from "~/components/ui/definition";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { localeFromMatches, messageRef, translate, useFormat, useT, type PlainKey } from "~/i18n";
import { dateText, monthText, netBurnPhrase } from "~/i18n/display";
import {
  filterParams,
  isFiltered,
  parsePortfolioQuery,
  REPORTING_STATUS_FILTERS,
  REPORTING_STATUS_LABELS,
  RUNWAY_LEVEL_FILTERS,
  RUNWAY_LEVEL_LABELS,
} from "~/domain/portfolio-query";
import { getPortfolio } from "~/models/portfolio.server";
import { PortfolioColumnsPicker } from "~/components/portfolio-columns-picker";
import { PrintCover } from "~/components/print-cover";
import { common_print_report_portfolio } from "~/paraglide/messages/common_print_report_portfolio.js";
import { DEFAULT_PORTFOLIO_COLUMNS, portfolioColumnsFrom } from "~/domain/portfolio-columns";
import { safeRedirect } from "~/lib/redirects";
import { formFailure } from "~/server/forms.server";
import { getLocale } from "~/i18n/locale.server";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { investor_columns_invalid } from "~/paraglide/messages/investor_columns_invalid.js";
import { portfolioColumnsCookie, readPortfolioColumns } from "~/server/portfolio-columns.server";
import { FilterForm, FilterSelect, ListPager } from "~/components/list-filters";
import { useHrefWith } from "~/components/use-href-with";
import { common_appName } from "~/paraglide/messages/common_appname1.js";
import { investor_filter_apply } from "~/paraglide/messages/investor_filter_apply.js";
import { investor_filter_clear } from "~/paraglide/messages/investor_filter_clear.js";
import { investor_filter_pending } from "~/paraglide/messages/investor_filter_pending.js";
import { investor_listSeparator } from "~/paraglide/messages/investor_listseparator1.js";
import { investor_portfolio_amountsIn } from "~/paraglide/messages/investor_portfolio_amountsin1.js";
import { investor_portfolio_burningCompanies } from "~/paraglide/messages/investor_portfolio_burningcompanies1.js";
import { investor_portfolio_companiesCard } from "~/paraglide/messages/investor_portfolio_companiescard1.js";
import { investor_portfolio_companiesMatching } from "~/paraglide/messages/investor_portfolio_companiesmatching1.js";
import { investor_portfolio_companyCount } from "~/paraglide/messages/investor_portfolio_companycount1.js";
import { investor_portfolio_description } from "~/paraglide/messages/investor_portfolio_description.js";
import { investor_portfolio_empty_body } from "~/paraglide/messages/investor_portfolio_empty_body.js";
import { investor_portfolio_empty_companiesPage } from "~/paraglide/messages/investor_portfolio_empty_companiespage1.js";
import { investor_portfolio_empty_title } from "~/paraglide/messages/investor_portfolio_empty_title.js";
import { investor_portfolio_figure_companies } from "~/paraglide/messages/investor_portfolio_figure_companies.js";
import { investor_portfolio_figure_leftOut } from "~/paraglide/messages/investor_portfolio_figure_leftout1.js";
import { investor_portfolio_figure_medianRunway } from "~/paraglide/messages/investor_portfolio_figure_medianrunway1.js";
import { investor_table_runwayHint } from "~/paraglide/messages/investor_table_runwayhint1.js";
import { investor_portfolio_figure_netBurn } from "~/paraglide/messages/investor_portfolio_figure_netburn1.js";
import { investor_portfolio_figure_netCashGenerated } from "~/paraglide/messages/investor_portfolio_figure_netcashgenerated2.js";
import { investor_portfolio_figure_netBurnHint } from "~/paraglide/messages/investor_portfolio_figure_netburnhint2.js";
import { investor_portfolio_figure_noReports } from "~/paraglide/messages/investor_portfolio_figure_noreports1.js";
import { investor_portfolio_figure_notSharing } from "~/paraglide/messages/investor_portfolio_figure_notsharing1.js";
import { investor_portfolio_figure_reporting } from "~/paraglide/messages/investor_portfolio_figure_reporting.js";
import { investor_portfolio_figure_reportingHint } from "~/paraglide/messages/investor_portfolio_figure_reportinghint1.js";
import { investor_portfolio_figure_reportingValue } from "~/paraglide/messages/investor_portfolio_figure_reportingvalue1.js";
import { investor_portfolio_figure_runwayHint } from "~/paraglide/messages/investor_portfolio_figure_runwayhint1.js";
import { investor_portfolio_figure_totalCash } from "~/paraglide/messages/investor_portfolio_figure_totalcash1.js";
import { investor_portfolio_figure_totalCashHint } from "~/paraglide/messages/investor_portfolio_figure_totalcashhint2.js";
import { investor_portfolio_figure_withFigures } from "~/paraglide/messages/investor_portfolio_figure_withfigures1.js";
import { investor_portfolio_filter_anyRunway } from "~/paraglide/messages/investor_portfolio_filter_anyrunway1.js";
import { investor_portfolio_filter_anyStatus } from "~/paraglide/messages/investor_portfolio_filter_anystatus1.js";
import { investor_portfolio_filter_label } from "~/paraglide/messages/investor_portfolio_filter_label.js";
import { investor_portfolio_filter_name } from "~/paraglide/messages/investor_portfolio_filter_name.js";
import { investor_portfolio_filter_runway } from "~/paraglide/messages/investor_portfolio_filter_runway.js";
import { investor_portfolio_filter_status } from "~/paraglide/messages/investor_portfolio_filter_status.js";
import { investor_portfolio_metaTitle } from "~/paraglide/messages/investor_portfolio_metatitle1.js";
import { investor_portfolio_noMatch } from "~/paraglide/messages/investor_portfolio_nomatch1.js";
import { investor_portfolio_rates_count } from "~/paraglide/messages/investor_portfolio_rates_count.js";
import { investor_portfolio_rates_missing } from "~/paraglide/messages/investor_portfolio_rates_missing.js";
import { investor_portfolio_rates_missingFor } from "~/paraglide/messages/investor_portfolio_rates_missingfor1.js";
import { investor_portfolio_rates_none } from "~/paraglide/messages/investor_portfolio_rates_none.js";
import { investor_portfolio_rates_oneUnit } from "~/paraglide/messages/investor_portfolio_rates_oneunit1.js";
import { investor_portfolio_rates_show } from "~/paraglide/messages/investor_portfolio_rates_show.js";
import { investor_portfolio_rates_title } from "~/paraglide/messages/investor_portfolio_rates_title.js";
import { investor_portfolio_rates_used } from "~/paraglide/messages/investor_portfolio_rates_used.js";
import { investor_portfolio_rates_usedFor_netBurn } from "~/paraglide/messages/investor_portfolio_rates_usedfor_netburn2.js";
import { investor_portfolio_rates_usedFor_raised } from "~/paraglide/messages/investor_portfolio_rates_usedfor_raised1.js";
import { investor_portfolio_rates_usedFor_table } from "~/paraglide/messages/investor_portfolio_rates_usedfor_table1.js";
import { investor_portfolio_title } from "~/paraglide/messages/investor_portfolio_title.js";
import { investor_sentence } from "~/paraglide/messages/investor_sentence.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  return [{ title: translate(locale, investor_portfolio_metaTitle, { org: data?.org.name ?? translate(locale, common_appName) }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params, "read:org");
  const query = parsePortfolioQuery(new URL(request.url).searchParams);
  const [portfolio, columns] = await Promise.all([getPortfolio(ctx, query), readPortfolioColumns(request)]);
  return json({ org: { slug: ctx.org.slug, name: ctx.org.name }, query, portfolio, columns });
}

/**
 * The columns picker: a personal preference kept in a cookie, so any member who may read the
 * portfolio may set it; nothing is written to the database. Back to the same portfolio page
 * (filters and sort kept); anywhere else falls back to the portfolio itself.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params, "read:org");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "columns" && intent !== "columns-default") return formFailure({ locale: getLocale(request), formError: messageRef(investor_columns_invalid) });
  const columns = intent === "columns-default" ? [...DEFAULT_PORTFOLIO_COLUMNS] : portfolioColumnsFrom(form.getAll("columns").map(String));
  const page = `/o/${ctx.org.slug}/portfolio`;
  const target = safeRedirect(form.get("redirectTo"), page);
  const back = target === page || target.startsWith(`${page}?`) ? target : page;
  return redirect(back, { headers: { "Set-Cookie": await portfolioColumnsCookie(columns) } });
}

type Data = SerializeFrom<typeof loader>;

const USED_FOR: Record<"table" | "netBurn" | "raised", PlainKey> = {
  table: investor_portfolio_rates_usedFor_table,
  netBurn: investor_portfolio_rates_usedFor_netBurn,
  raised: investor_portfolio_rates_usedFor_raised,
};

export default function PortfolioPage() {
  const { org, query, portfolio, columns } = useLoaderData<typeof loader>();
  const location = useLocation();
  const t = useT();
  const base = `/o/${org.slug}`;
  const { settings, summary } = portfolio;
  const currency = settings.baseCurrency;

  const hrefWith = useHrefWith();
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
        <PageHeader title={t(investor_portfolio_title)} description={t(investor_portfolio_amountsIn, { currency })} />
        <EmptyState title={t(investor_portfolio_empty_title)}>
          <p>
            {t.rich(investor_portfolio_empty_body, {
              link: <TextLink to={`${base}/companies`}>{t(investor_portfolio_empty_companiesPage)}</TextLink>,
            })}
          </p>
        </EmptyState>
      </>
    );
  }

  // The newest month any company on this page reported: what the printed sheet is "as of".
  const asOf = portfolio.rows.reduce<string | null>((latest, r) => (r.month !== null && (latest === null || r.month > latest) ? r.month : latest), null);
  return (
    // One landscape sheet on paper: the table keeps its columns (docs/printing.md).
    <div className="print-landscape">
      <PrintCover report={t(common_print_report_portfolio, { fund: org.name })} month={asOf === null ? null : monthText(t, asOf)} />
      <PageHeader
        title={t(investor_portfolio_title)}
        description={t(investor_portfolio_description, {
          companies: t(investor_portfolio_companyCount, { count: summary.portfolioSize }),
          currency,
          date: dateText(t, portfolio.today),
        })}
        actions={
          <a href={`${base}/portfolio.csv?${exportParams}`} className="text-sm text-indigo-700 underline" download>
            {t(common_action_exportCsv)}
          </a>
        }
      />
      <Figures data={portfolio} />
      <Card
        title={
          isFiltered(query)
            ? t(investor_portfolio_companiesMatching, { count: summary.companies })
            : t(investor_portfolio_companiesCard, { count: summary.companies })
        }
      >
        <div className="flex flex-wrap items-start justify-between gap-3">
          <Filters query={query} />
          <PortfolioColumnsPicker columns={columns} />
        </div>
        {portfolio.rows.length === 0 ? (
          <EmptyState title={t(investor_portfolio_noMatch)}>
            <TextLink to={location.pathname}>{t(investor_filter_clear)}</TextLink>
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
            columns={columns}
          />
        )}
        <ListPager list={portfolio} hrefWith={hrefWith} summary={t(investor_portfolio_companyCount, { count: summary.companies })} />
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-2 print:mt-3 print:gap-3">
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
    </div>
  );
}

/** A portfolio figure: what it covers (`children`) and, one click away, how it is calculated. */
function Figure({
  label,
  value,
  children,
  definition,
  testId,
}: {
  label: string;
  value: ReactNode;
  children?: ReactNode;
  definition?: ReactNode;
  testId: string;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={label} data-testid={testId}>
      <h2 className="text-sm font-medium text-slate-600">{label}</h2>
      <p className="mt-1 text-2xl font-bold tracking-tight">{value}</p>
      {children ? <div className="mt-1 space-y-1 text-xs text-slate-600">{children}</div> : null}
      {definition ? <Definition>{definition}</Definition> : null}
    </section>
  );
}

function Figures({ data }: { data: Data["portfolio"] }) {
  const t = useT();
  const f = useFormat();
  const { summary: s, settings } = data;
  const currency = settings.baseCurrency;
  const left = s.rateMissing > 0 ? <p className="text-amber-800">{t(investor_portfolio_figure_leftOut, { count: s.rateMissing })}</p> : null;
  const companiesParts = [
    t(investor_portfolio_figure_withFigures, { count: s.withFigures }),
    s.notShared > 0 ? t(investor_portfolio_figure_notSharing, { count: s.notShared }) : null,
    s.noReports > 0 ? t(investor_portfolio_figure_noReports, { count: s.noReports }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5 print:mb-3 print:grid-cols-5 print:gap-2">
      <Figure label={t(investor_portfolio_figure_companies)} value={f.number(s.companies)} testId="figure-companies">
        <p>{t(investor_sentence, { text: companiesParts.join(t(investor_listSeparator)) })}</p>
      </Figure>
      <Figure
        label={t(investor_portfolio_figure_totalCash)}
        value={f.money(s.totalCash, currency)}
        testId="figure-cash"
        definition={<p>{t(investor_portfolio_figure_totalCashHint, { currency })}</p>}
      >
        {left}
      </Figure>
      {/* Revenue above spend across the portfolio is cash generated, said so: never a negative burn. */}
      <Figure
        label={s.totalNetBurn !== null && s.totalNetBurn < 0 ? t(investor_portfolio_figure_netCashGenerated) : t(investor_portfolio_figure_netBurn)}
        value={f.money(s.totalNetBurn === null ? null : Math.abs(s.totalNetBurn), currency)}
        testId="figure-net-burn"
        definition={
          <p>{t(investor_portfolio_figure_netBurnHint, { average: netBurnPhrase(t, s.totalAverageNetBurn, (minor) => f.money(minor, currency)) })}</p>
        }
      >
        {left}
      </Figure>
      <Figure
        label={t(investor_portfolio_figure_medianRunway)}
        // No burning company: "Not burning", as every runway says it; "—" only when no company has figures.
        value={s.medianRunway === null && s.withFigures === 0 ? "—" : runwayMonthsText(t, s.medianRunway)}
        testId="figure-runway"
        definition={<p>{t(investor_table_runwayHint)}</p>}
      >
        <p>
          {t(investor_portfolio_figure_runwayHint, {
            burning: t(investor_portfolio_burningCompanies, { count: s.burning }),
            notBurning: s.byLevel.not_burning,
            critical: s.byLevel.critical,
            caution: s.byLevel.caution,
            ok: s.byLevel.ok,
          })}
        </p>
      </Figure>
      <Figure
        label={t(investor_portfolio_figure_reporting)}
        value={t(investor_portfolio_figure_reportingValue, { reported: s.byStatus.reported, due: s.byStatus.due, overdue: s.byStatus.overdue })}
        testId="figure-status"
        definition={<p>{t(investor_portfolio_figure_reportingHint, { day: settings.reportDueDay })}</p>}
      />
    </div>
  );
}

function Filters({ query }: { query: Data["query"] }) {
  const t = useT();
  const texts = { apply: t(investor_filter_apply), pending: t(investor_filter_pending), clear: t(investor_filter_clear) };
  return (
    <FilterForm label={t(investor_portfolio_filter_label)} filtered={isFiltered(query)} clearTo="?" texts={texts}>
      <div className="w-56">
        <Field id="filter-q" label={t(investor_portfolio_filter_name)} name="q" type="search" defaultValue={query.q} />
      </div>
      <FilterSelect
        name="status"
        label={t(investor_portfolio_filter_status)}
        width="w-44"
        value={query.status ?? ""}
        any={t(investor_portfolio_filter_anyStatus)}
        options={REPORTING_STATUS_FILTERS.map((value) => ({ value, label: t(REPORTING_STATUS_LABELS[value]) }))}
      />
      <FilterSelect
        name="runway"
        label={t(investor_portfolio_filter_runway)}
        width="w-44"
        value={query.runway ?? ""}
        any={t(investor_portfolio_filter_anyRunway)}
        options={RUNWAY_LEVEL_FILTERS.map((value) => ({ value, label: t(RUNWAY_LEVEL_LABELS[value]) }))}
      />
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
    </FilterForm>
  );
}

function ratesByCurrency(rates: Data["portfolio"]["rates"]) {
  const groups = new Map<string, Data["portfolio"]["rates"]>();
  for (const r of rates) groups.set(r.currency, [...(groups.get(r.currency) ?? []), r]);
  return [...groups];
}

function Rates({ data }: { data: Data["portfolio"] }) {
  const t = useT();
  const missing = data.rates.filter((r) => r.rate === null);
  const currency = data.settings.baseCurrency;
  return (
    <Card title={t(investor_portfolio_rates_title)}>
      <p className="text-sm text-slate-700" data-testid="rates-summary">
        {data.rates.length === 0
          ? t(investor_portfolio_rates_none, { currency })
          : t(investor_portfolio_rates_used, { rates: t(investor_portfolio_rates_count, { count: data.rates.length - missing.length }), currency })}
        {missing.length > 0 ? (
          <strong className="font-medium text-amber-800">
            {" "}
            {t(investor_portfolio_rates_missing, { list: missing.map((r) => `${r.currency} ${monthText(t, r.month)}`).join(t(investor_listSeparator)) })}
          </strong>
        ) : null}
      </p>
      {data.rates.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-indigo-700">{t(investor_portfolio_rates_show)}</summary>
          {/* One line per currency: a long history of monthly rates stays a few lines of text. */}
          <dl className="mt-2 space-y-2 text-xs" data-testid="rates-used">
            {ratesByCurrency(data.rates).map(([code, rates]) => (
              <div key={code}>
                <dt className="font-semibold">{t(investor_portfolio_rates_oneUnit, { code, currency })}</dt>
                <dd className="tabular-nums text-slate-700">
                  {rates.map((r, i) => (
                    <span key={r.month}>
                      {i > 0 ? " · " : ""}
                      {monthText(t, r.month)}:{" "}
                      {r.rate ?? (
                        <strong className="text-amber-800">
                          {t(investor_portfolio_rates_missingFor, { uses: r.usedFor.map((u) => t(USED_FOR[u])).join(t(investor_listSeparator)) })}
                        </strong>
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
