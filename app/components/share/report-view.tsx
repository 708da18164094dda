import { Children, useMemo, type ReactNode } from "react";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import { runwayByCompanyChartConfig, runwayLevelLabels } from "~/components/charts/portfolio";
import { RiskHeatMap } from "~/components/charts/risk-heat-map";
import { BudgetCard, CashRunwayCard, DebtCard, SpendCard } from "~/components/dashboard/chart-cards";
import { HeadlineCards } from "~/components/dashboard/headline-cards";
import { RaisedCard, RiskCard } from "~/components/dashboard/record-cards";
import { Badge, Card, EmptyState } from "~/components/ui/layout";
import { DEFAULT_RISK_BANDS } from "~/finance/risk";
import { runwayLevelOfStored } from "~/finance/portfolio";
import { DEFAULT_RUNWAY_THRESHOLDS } from "~/finance/runway";
import { useFormat, useLocale, useT } from "~/i18n";
import { cashOutText, runwayNumber } from "~/i18n/display";
import { combinedHeatMap, portfolioReportRow, reportAsOf, runwayBars, type PortfolioReportRow } from "~/components/share/report-rows";
import type { CompanyReport, ShareReport, UpdateView } from "~/views/share-report";
import { Table, TableHead, Td, Th } from "~/components/ui/table";
import { SharedPrintCover } from "~/components/print-cover";
import { common_print_report_shared } from "~/paraglide/messages/common_print_report_shared.js";
import { admin_listSeparator } from "~/paraglide/messages/admin_listseparator1.js";
import { admin_report_aliveWithMonth } from "~/paraglide/messages/admin_report_alivewithmonth2.js";
import { admin_report_alive_cash_out } from "~/paraglide/messages/admin_report_alive_cash_out.js";
import { admin_report_alive_deadIfFlat } from "~/paraglide/messages/admin_report_alive_deadifflat2.js";
import { admin_report_alive_profitable } from "~/paraglide/messages/admin_report_alive_profitable.js";
import { admin_report_alive_undecided } from "~/paraglide/messages/admin_report_alive_undecided.js";
import { admin_report_amountsIn } from "~/paraglide/messages/admin_report_amountsin1.js";
import { admin_report_asOf } from "~/paraglide/messages/admin_report_asof1.js";
import { admin_report_asks } from "~/paraglide/messages/admin_report_asks.js";
import { admin_report_checking } from "~/paraglide/messages/admin_report_checking.js";
import { admin_report_col_budgetVariance } from "~/paraglide/messages/admin_report_col_budgetvariance1.js";
import { admin_report_col_cash } from "~/paraglide/messages/admin_report_col_cash.js";
import { admin_report_col_cashOut } from "~/paraglide/messages/admin_report_col_cashout1.js";
import { admin_report_col_company } from "~/paraglide/messages/admin_report_col_company.js";
import { admin_report_col_defaultAlive } from "~/paraglide/messages/admin_report_col_defaultalive1.js";
import { admin_report_col_level } from "~/paraglide/messages/admin_report_col_level.js";
import { admin_report_col_month } from "~/paraglide/messages/admin_report_col_month.js";
import { admin_report_col_netBurn } from "~/paraglide/messages/admin_report_col_netburn1.js";
import { admin_report_col_runway } from "~/paraglide/messages/admin_report_col_runway.js";
import { admin_report_col_runwayMonths } from "~/paraglide/messages/admin_report_col_runwaymonths1.js";
import { admin_report_col_topRisk } from "~/paraglide/messages/admin_report_col_toprisk1.js";
import { admin_report_companiesLine } from "~/paraglide/messages/admin_report_companiesline1.js";
import { admin_report_definitions } from "~/paraglide/messages/admin_report_definitions.js";
import { admin_report_errorKicker } from "~/paraglide/messages/admin_report_errorkicker1.js";
import { admin_report_error_passphraseRequired } from "~/paraglide/messages/admin_report_error_passphraserequired1.js";
import { admin_report_error_throttled } from "~/paraglide/messages/admin_report_error_throttled.js";
import { admin_report_error_wait } from "~/paraglide/messages/admin_report_error_wait.js";
import { admin_report_error_wrongPassphrase } from "~/paraglide/messages/admin_report_error_wrongpassphrase1.js";
import { admin_report_failedBody } from "~/paraglide/messages/admin_report_failedbody1.js";
import { admin_report_failedTitle } from "~/paraglide/messages/admin_report_failedtitle1.js";
import { admin_report_footer } from "~/paraglide/messages/admin_report_footer.js";
import { admin_report_footerAsOf } from "~/paraglide/messages/admin_report_footerasof2.js";
import { admin_report_frozenLine } from "~/paraglide/messages/admin_report_frozenline1.js";
import { admin_report_heatMapCaption } from "~/paraglide/messages/admin_report_heatmapcaption2.js";
import { admin_report_heatMapCaptionLegacy } from "~/paraglide/messages/admin_report_heatmapcaptionlegacy3.js";
import { admin_report_heatMapTitle } from "~/paraglide/messages/admin_report_heatmaptitle2.js";
import { admin_report_highlights } from "~/paraglide/messages/admin_report_highlights.js";
import { admin_report_kicker } from "~/paraglide/messages/admin_report_kicker.js";
import { admin_report_liveLine } from "~/paraglide/messages/admin_report_liveline1.js";
import { admin_report_lowlights } from "~/paraglide/messages/admin_report_lowlights.js";
import { admin_report_metaTitle } from "~/paraglide/messages/admin_report_metatitle1.js";
import { admin_report_noBudget } from "~/paraglide/messages/admin_report_nobudget1.js";
import { admin_report_noMonth } from "~/paraglide/messages/admin_report_nomonth1.js";
import { admin_report_noReport } from "~/paraglide/messages/admin_report_noreport1.js";
import { admin_report_noReportBody } from "~/paraglide/messages/admin_report_noreportbody2.js";
import { admin_report_noReportShort } from "~/paraglide/messages/admin_report_noreportshort2.js";
import { admin_report_noUpdates } from "~/paraglide/messages/admin_report_noupdates1.js";
import { admin_report_noneOpen } from "~/paraglide/messages/admin_report_noneopen1.js";
import { admin_report_notAvailableBody } from "~/paraglide/messages/admin_report_notavailablebody2.js";
import { admin_report_notAvailableTitle } from "~/paraglide/messages/admin_report_notavailabletitle2.js";
import { admin_report_notBurning } from "~/paraglide/messages/admin_report_notburning1.js";
import { admin_report_notBurningShort } from "~/paraglide/messages/admin_report_notburningshort2.js";
import { admin_report_notShared } from "~/paraglide/messages/admin_report_notshared1.js";
import { admin_report_nothing } from "~/paraglide/messages/admin_report_nothing.js";
import { admin_report_nothingBody } from "~/paraglide/messages/admin_report_nothingbody1.js";
import { admin_report_overBudget } from "~/paraglide/messages/admin_report_overbudget1.js";
import { admin_report_passphrase } from "~/paraglide/messages/admin_report_passphrase.js";
import { admin_report_portfolio } from "~/paraglide/messages/admin_report_portfolio.js";
import { admin_report_portfolioCaption } from "~/paraglide/messages/admin_report_portfoliocaption1.js";
import { admin_report_print } from "~/paraglide/messages/admin_report_print.js";
import { admin_report_protectedBody } from "~/paraglide/messages/admin_report_protectedbody1.js";
import { admin_report_protectedTitle } from "~/paraglide/messages/admin_report_protectedtitle1.js";
import { admin_report_readOnlyBody } from "~/paraglide/messages/admin_report_readonlybody2.js";
import { admin_report_readOnlyTitle } from "~/paraglide/messages/admin_report_readonlytitle2.js";
import { admin_report_runwayByCompany } from "~/paraglide/messages/admin_report_runwaybycompany2.js";
import { admin_report_runwayChartLabel } from "~/paraglide/messages/admin_report_runwaychartlabel2.js";
import { admin_report_runwayIntro } from "~/paraglide/messages/admin_report_runwayintro1.js";
import { admin_report_runwayMonths } from "~/paraglide/messages/admin_report_runwaymonths1.js";
import { admin_report_sectionsLine } from "~/paraglide/messages/admin_report_sectionsline1.js";
import { admin_report_sharedBy } from "~/paraglide/messages/admin_report_sharedby1.js";
import { admin_report_topRisk } from "~/paraglide/messages/admin_report_toprisk1.js";
import { admin_report_updates } from "~/paraglide/messages/admin_report_updates.js";
import { admin_report_variance } from "~/paraglide/messages/admin_report_variance.js";
import { admin_report_view } from "~/paraglide/messages/admin_report_view.js";
import { admin_section_budgets } from "~/paraglide/messages/admin_section_budgets.js";
import { admin_section_financials } from "~/paraglide/messages/admin_section_financials.js";
import { admin_section_funding_debt } from "~/paraglide/messages/admin_section_funding_debt.js";
import { admin_section_risks } from "~/paraglide/messages/admin_section_risks.js";
import { admin_section_updates } from "~/paraglide/messages/admin_section_updates.js";
import { common_severity_critical } from "~/paraglide/messages/common_severity_critical.js";
import { common_severity_high } from "~/paraglide/messages/common_severity_high.js";
import { common_severity_info } from "~/paraglide/messages/common_severity_info.js";
import { common_severity_low } from "~/paraglide/messages/common_severity_low.js";
import { common_severity_medium } from "~/paraglide/messages/common_severity_medium.js";
import { common_severity_warning } from "~/paraglide/messages/common_severity_warning.js";

/*
 * The partner report: read only, no links anywhere (not into the app, not between pages),
 * every chart followed by its figures as a table. Cards print whole (break-inside-avoid).
 * Its words are the viewer's language (a partner has no user: the lang cookie or the browser's
 * Accept-Language); a frozen report's stored snapshot is data, labelled here at view time.
 * "As of" and "frozen at" keep the ISO month (2026-03): the date stamp of a document that
 * travels between people, read the same in both languages.
 */

const BANDS = ["low", "medium", "high", "critical"] as const;
const bandOf = (band: string) => BANDS.find((b) => b === band);

export function ShareReportView({ report }: { report: ShareReport }) {
  const t = useT();
  const f = useFormat();
  const asOf = reportAsOf(report);
  const generated = f.dateTime(report.generatedAt);
  const single = report.scope === "company";
  return (
    <article className="mx-auto max-w-5xl space-y-6 p-4 sm:p-8 print:max-w-none print:space-y-3 print:p-0" data-testid="share-report">
      {/* A portfolio's first sheet is its summary, landscape for the wide table; each company follows, four to a portrait page. */}
      <div className={single ? "space-y-6 print:space-y-3" : "print-landscape space-y-6 print:space-y-3"}>
        <SharedPrintCover report={t(common_print_report_shared, { label: report.label })} issuer={report.issuer} month={asOf ? f.month(asOf) : null} />
        <header className="border-b border-slate-200 pb-4 print:pb-2">
          <p className="text-sm font-semibold text-indigo-700 print:hidden">{t(admin_report_kicker)}</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">{report.label}</h1>
          <p className="mt-1 text-sm text-slate-700">
            {t(admin_report_sharedBy, { issuer: report.issuer })} ·{" "}
            <span data-testid="report-as-of">{asOf ? t(admin_report_asOf, { month: f.month(asOf) }) : t(admin_report_noMonth)}</span> ·{" "}
            {report.mode === "frozen"
              ? t(admin_report_frozenLine, { month: report.frozenMonth ?? "", time: generated })
              : t(admin_report_liveLine, { time: generated })}
          </p>
          <p className="mt-1 text-xs text-slate-600">
            {t(admin_report_sectionsLine, {
              sections: report.sections
                .map((s) =>
                  t(
                    {
                      budgets: admin_section_budgets,
                      financials: admin_section_financials,
                      funding_debt: admin_section_funding_debt,
                      risks: admin_section_risks,
                      updates: admin_section_updates,
                    }[s],
                  ),
                )
                .join(t(admin_listSeparator)),
            })}{" "}
            {single ? "" : t(admin_report_companiesLine, { count: report.companies.length })}
          </p>
          <button
            type="button"
            onClick={() => window.print()}
            className="mt-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium print:hidden"
          >
            {t(admin_report_print)}
          </button>
        </header>
        {report.companies.length === 0 ? (
          <EmptyState title={t(admin_report_nothing)}>
            <p>{t(admin_report_nothingBody)}</p>
          </EmptyState>
        ) : single ? (
          <CompanyDetail company={report.companies[0]!} />
        ) : (
          <PortfolioOverview companies={report.companies} />
        )}
      </div>
      {!single && report.companies.length > 0 ? (
        <div className="print-companies space-y-6 print:space-y-0">
          {report.companies.map((c, i) => (
            <CompanySummary key={i} company={c} />
          ))}
        </div>
      ) : null}
      <footer className="border-t border-slate-200 pt-3 text-xs text-slate-500">
        {asOf ? t(admin_report_footerAsOf, { issuer: report.issuer, month: f.month(asOf) }) : t(admin_report_footer, { issuer: report.issuer })}{" "}
        {t(admin_report_definitions)}
      </footer>
    </article>
  );
}

function Section({ children }: { children: ReactNode }) {
  return <div className="break-inside-avoid">{children}</div>;
}

/**
 * Cards that a printed page must not split: each card present gets its own unbreakable box, and
 * one left out (`null`) leaves no empty box in the grid.
 */
function Sections({ className, children }: { className: string; children: ReactNode }) {
  return (
    <div className={className}>
      {Children.toArray(children).map((card, i) => (
        // The cards' order is fixed by the code, so the position is a stable key.
        <Section key={i}>{card}</Section>
      ))}
    </div>
  );
}

type ReadyFinancials = Extract<NonNullable<CompanyReport["dashboard"]["financials"]>, { kind: "ready" }>;

/** A company's headline figures, or why there are none (no report yet); nothing where the link leaves figures out. */
function Headline({ company, ready }: { company: CompanyReport; ready: ReadyFinancials | null }) {
  if (company.dashboard.financials === undefined) return null;
  return ready ? (
    <HeadlineCards headline={ready.headline} currency={company.currency} debtServiceIncluded={ready.debtServiceIncluded} />
  ) : (
    <NoReport name={company.name} />
  );
}

function NoReport({ name }: { name: string }) {
  const t = useT();
  return (
    <EmptyState title={t(admin_report_noReport)}>
      <p>{t(admin_report_noReportBody, { name })}</p>
    </EmptyState>
  );
}

function CompanyHeading({ company }: { company: CompanyReport }) {
  const t = useT();
  return (
    <h2 className="text-xl font-semibold">
      {company.name} <span className="text-sm font-normal text-slate-600">{t(admin_report_amountsIn, { currency: company.currency })}</span>
    </h2>
  );
}

function CompanyDetail({ company }: { company: CompanyReport }) {
  const d = company.dashboard;
  const ready = d.financials?.kind === "ready" ? d.financials : null;
  const currency = company.currency;
  return (
    <section aria-label={company.name} className="space-y-6 print:space-y-3">
      <CompanyHeading company={company} />
      <Headline company={company} ready={ready} />
      <Sections className="grid gap-6 lg:grid-cols-2 print:grid-cols-2 print:gap-3">
        {ready ? <CashRunwayCard cashHistory={ready.cashHistory} currency={currency} headline={ready.headline} /> : null}
        {ready ? <SpendCard spendHistory={ready.spendHistory} currency={currency} /> : null}
        {ready && d.budget !== undefined ? <BudgetCard budget={d.budget} currency={currency} month={ready.headline.month} /> : null}
        {d.fundingDebt ? (
          <DebtCard debt={d.fundingDebt.debt} currency={currency} month={d.fundingDebt.asOf} covenantsChecked={d.fundingDebt.covenantsChecked} />
        ) : null}
        {d.fundingDebt ? <RaisedCard raised={d.fundingDebt.raised} currency={currency} /> : null}
        {d.risks ? <RiskCard risks={d.risks} /> : null}
      </Sections>
      {company.updates ? <UpdatesCard updates={company.updates} /> : null}
    </section>
  );
}

function CompanySummary({ company }: { company: CompanyReport }) {
  const d = company.dashboard;
  const ready = d.financials?.kind === "ready" ? d.financials : null;
  return (
    <section aria-label={company.name} className="print-compact space-y-4 border-t border-slate-200 pt-6 print:space-y-2 print:pt-2">
      <CompanyHeading company={company} />
      <Headline company={company} ready={ready} />
      <Sections className="grid gap-4 lg:grid-cols-2 print:grid-cols-2 print:gap-2">
        {d.fundingDebt ? <RaisedCard raised={d.fundingDebt.raised} currency={company.currency} /> : null}
        {d.risks ? <RiskCard risks={d.risks} /> : null}
      </Sections>
      {company.updates ? <UpdatesCard updates={company.updates.slice(0, 1)} /> : null}
    </section>
  );
}

function PortfolioOverview({ companies }: { companies: CompanyReport[] }) {
  const t = useT();
  const locale = useLocale();
  const rows = useMemo(() => companies.map(portfolioReportRow), [companies]);
  const bars = useMemo(() => runwayBars(rows), [rows]);
  const config = useMemo(() => runwayByCompanyChartConfig(bars, DEFAULT_RUNWAY_THRESHOLDS, locale), [bars, locale]);
  const heatMap = useMemo(() => combinedHeatMap(companies), [companies]);
  // A frozen report stored before accepted risks left the heat map counts them (storedRiskView).
  const countsAccepted = companies.some((c) => c.dashboard.risks?.countsAccepted === true);
  const levels = runwayLevelLabels(DEFAULT_RUNWAY_THRESHOLDS, locale);
  const headings = [
    t(admin_report_col_company),
    t(admin_report_col_month),
    t(admin_report_col_cash),
    t(admin_report_col_netBurn),
    t(admin_report_col_runway),
    t(admin_report_col_cashOut),
    t(admin_report_col_defaultAlive),
  ];
  const showRisk = rows.some((r) => r.topRisk !== undefined);
  const showBudget = rows.some((r) => r.budgetVariance !== undefined);
  return (
    <>
      <Card title={t(admin_report_portfolio)}>
        <Table caption={t(admin_report_portfolioCaption)} data-testid="portfolio-report-table">
          <TableHead>
            {[...headings, ...(showRisk ? [t(admin_report_col_topRisk)] : []), ...(showBudget ? [t(admin_report_col_budgetVariance)] : [])].map((h) => (
              <Th key={h} narrow>
                {h}
              </Th>
            ))}
          </TableHead>
          <tbody>
            {rows.map((r, i) => (
              <PortfolioRow key={i} row={r} showRisk={showRisk} showBudget={showBudget} />
            ))}
          </tbody>
        </Table>
      </Card>
      {/* On paper the chart and the heat map share the summary sheet's lower half. */}
      <Sections className="space-y-6 print:grid print:grid-cols-2 print:gap-3 print:space-y-0">
        {bars.length > 0 ? (
          <Card title={t(admin_report_runwayByCompany)}>
            <p className="mb-3 text-xs text-slate-600">{t(admin_report_runwayIntro, levels)}</p>
            <ChartCanvas config={config} label={t(admin_report_runwayChartLabel)} height={Math.max(180, bars.length * 24 + 80)} />
            {/* Not on paper: the summary table above it has each company's runway. */}
            <table className="mt-3 min-w-full text-xs print:hidden">
              <caption className="sr-only">{t(admin_report_runwayByCompany)}</caption>
              <TableHead>
                <Th narrow dense>
                  {t(admin_report_col_company)}
                </Th>
                <Th narrow numeric dense>
                  {t(admin_report_col_runwayMonths)}
                </Th>
                <Th last dense>
                  {t(admin_report_col_level)}
                </Th>
              </TableHead>
              <tbody>
                {bars.map((b, i) => {
                  const level = runwayLevelOfStored(b.runwayMonths, DEFAULT_RUNWAY_THRESHOLDS);
                  return (
                    <tr key={i} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-3 text-left font-normal">
                        {b.name}
                      </th>
                      <Td narrow numeric dense>
                        {runwayNumber(locale, b.runwayMonths)}
                      </Td>
                      <Td last dense>
                        {level === "not_burning" ? t(admin_report_notBurningShort) : levels[level]}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
        ) : null}
        {heatMap ? (
          <Card title={t(admin_report_heatMapTitle)}>
            <RiskHeatMap
              cells={heatMap}
              bands={DEFAULT_RISK_BANDS}
              caption={t(countsAccepted ? admin_report_heatMapCaptionLegacy : admin_report_heatMapCaption)}
              countsAccepted={countsAccepted}
            />
          </Card>
        ) : null}
      </Sections>
    </>
  );
}

function PortfolioRow({ row: r, showRisk, showBudget }: { row: PortfolioReportRow; showRisk: boolean; showBudget: boolean }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const money = (v: number | null) => f.money(v, r.currency);
  const figures = r.month !== null;
  const notShared = t(admin_report_notShared);
  const blank = r.financials ? t(admin_report_noReportShort) : notShared;
  const runway = r.runwayMonths === null ? t(admin_report_notBurning) : t(admin_report_runwayMonths, { months: runwayNumber(locale, r.runwayMonths) });
  const alive =
    figures && r.defaultAlive
      ? r.defaultAlive === "cash_out" && r.defaultAliveAssumesFlatRevenue
        ? t(admin_report_alive_deadIfFlat)
        : t(
            {
              cash_out: admin_report_alive_cash_out,
              deadIfFlat: admin_report_alive_deadIfFlat,
              profitable: admin_report_alive_profitable,
              undecided: admin_report_alive_undecided,
            }[r.defaultAlive],
          )
      : null;
  const band = r.topRisk ? bandOf(r.topRisk.band) : undefined;
  return (
    <tr className="border-b border-slate-100 align-top" data-testid="portfolio-report-row">
      <Th narrow row>
        {r.name} <span className="text-xs font-normal text-slate-500">{r.currency}</span>
      </Th>
      <Td narrow>{r.month ? f.monthCell(r.month) : blank}</Td>
      <td className="py-2 pr-3 tabular-nums">{figures ? money(r.cash) : "—"}</td>
      <td className="py-2 pr-3 tabular-nums">{figures ? money(r.averageNetBurn) : "—"}</td>
      <Td narrow>{figures ? runway : "—"}</Td>
      <Td narrow>{figures ? cashOutText(t, r.cashOutMonth, "cell") : "—"}</Td>
      <Td narrow>
        {alive === null ? "—" : r.defaultAliveMonth ? t(admin_report_aliveWithMonth, { outcome: alive, month: f.month(r.defaultAliveMonth) }) : alive}
      </Td>
      {showRisk ? (
        // data-column: on paper the top risk takes the summary sheet's spare width (app/tailwind.css).
        <Td narrow data-column="top-risk">
          {r.topRisk === undefined
            ? notShared
            : r.topRisk === null
              ? t(admin_report_noneOpen)
              : t(admin_report_topRisk, {
                  title: r.topRisk.title,
                  band: band
                    ? t(
                        {
                          critical: common_severity_critical,
                          high: common_severity_high,
                          info: common_severity_info,
                          low: common_severity_low,
                          medium: common_severity_medium,
                          warning: common_severity_warning,
                        }[band],
                      )
                    : r.topRisk.band,
                  score: r.topRisk.score,
                })}
        </Td>
      ) : null}
      {showBudget ? (
        <Td narrow data-column="budget">
          {r.budgetVariance === undefined ? (
            notShared
          ) : r.budgetVariance === null ? (
            t(admin_report_noBudget)
          ) : (
            <>
              {t(admin_report_variance, { amount: money(r.budgetVariance.variance), percent: f.percent(r.budgetVariance.percent) })}{" "}
              {r.budgetVariance.overrun ? <Badge tone="bad">{t(admin_report_overBudget)}</Badge> : null}
            </>
          )}
        </Td>
      ) : null}
    </tr>
  );
}

const PARTS = ["highlights", "lowlights", "asks"] as const;

function UpdatesCard({ updates }: { updates: UpdateView[] }) {
  const t = useT();
  const f = useFormat();
  return (
    <Section>
      <Card title={t(admin_report_updates)}>
        {updates.length === 0 ? (
          <p className="text-sm text-slate-600">{t(admin_report_noUpdates)}</p>
        ) : (
          <ol className="space-y-4">
            {updates.map((u) => (
              <li key={u.month} className="border-b border-slate-100 pb-4 last:border-0">
                <h3 className="font-semibold">{f.month(u.month)}</h3>
                <dl className="mt-1 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
                  {PARTS.filter((part) => u[part]).map((part) => (
                    <div key={part} className="contents">
                      <dt className="font-medium text-slate-600">
                        {t(
                          {
                            aliveWithMonth: admin_report_aliveWithMonth,
                            alive_cash_out: admin_report_alive_cash_out,
                            alive_deadIfFlat: admin_report_alive_deadIfFlat,
                            alive_profitable: admin_report_alive_profitable,
                            alive_undecided: admin_report_alive_undecided,
                            amountsIn: admin_report_amountsIn,
                            asOf: admin_report_asOf,
                            asks: admin_report_asks,
                            checking: admin_report_checking,
                            col_budgetVariance: admin_report_col_budgetVariance,
                            col_cash: admin_report_col_cash,
                            col_cashOut: admin_report_col_cashOut,
                            col_company: admin_report_col_company,
                            col_defaultAlive: admin_report_col_defaultAlive,
                            col_level: admin_report_col_level,
                            col_month: admin_report_col_month,
                            col_netBurn: admin_report_col_netBurn,
                            col_runway: admin_report_col_runway,
                            col_runwayMonths: admin_report_col_runwayMonths,
                            col_topRisk: admin_report_col_topRisk,
                            companiesLine: admin_report_companiesLine,
                            definitions: admin_report_definitions,
                            errorKicker: admin_report_errorKicker,
                            error_passphraseRequired: admin_report_error_passphraseRequired,
                            error_throttled: admin_report_error_throttled,
                            error_wait: admin_report_error_wait,
                            error_wrongPassphrase: admin_report_error_wrongPassphrase,
                            failedBody: admin_report_failedBody,
                            failedTitle: admin_report_failedTitle,
                            footer: admin_report_footer,
                            footerAsOf: admin_report_footerAsOf,
                            frozenLine: admin_report_frozenLine,
                            heatMapCaption: admin_report_heatMapCaption,
                            heatMapTitle: admin_report_heatMapTitle,
                            highlights: admin_report_highlights,
                            kicker: admin_report_kicker,
                            liveLine: admin_report_liveLine,
                            lowlights: admin_report_lowlights,
                            metaTitle: admin_report_metaTitle,
                            noBudget: admin_report_noBudget,
                            noMonth: admin_report_noMonth,
                            noReport: admin_report_noReport,
                            noReportBody: admin_report_noReportBody,
                            noReportShort: admin_report_noReportShort,
                            noUpdates: admin_report_noUpdates,
                            noneOpen: admin_report_noneOpen,
                            notAvailableBody: admin_report_notAvailableBody,
                            notAvailableTitle: admin_report_notAvailableTitle,
                            notBurning: admin_report_notBurning,
                            notBurningShort: admin_report_notBurningShort,
                            notShared: admin_report_notShared,
                            nothing: admin_report_nothing,
                            nothingBody: admin_report_nothingBody,
                            overBudget: admin_report_overBudget,
                            passphrase: admin_report_passphrase,
                            portfolio: admin_report_portfolio,
                            portfolioCaption: admin_report_portfolioCaption,
                            print: admin_report_print,
                            protectedBody: admin_report_protectedBody,
                            protectedTitle: admin_report_protectedTitle,
                            readOnlyBody: admin_report_readOnlyBody,
                            readOnlyTitle: admin_report_readOnlyTitle,
                            runwayByCompany: admin_report_runwayByCompany,
                            runwayChartLabel: admin_report_runwayChartLabel,
                            runwayIntro: admin_report_runwayIntro,
                            runwayMonths: admin_report_runwayMonths,
                            sectionsLine: admin_report_sectionsLine,
                            sharedBy: admin_report_sharedBy,
                            topRisk: admin_report_topRisk,
                            updates: admin_report_updates,
                            variance: admin_report_variance,
                            view: admin_report_view,
                          }[part],
                        )}
                      </dt>
                      <dd className="whitespace-pre-line">{u[part]}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </Section>
  );
}
