import { useMemo, type ReactNode } from "react";
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
import { runwayNumber } from "~/lib/format";
import { combinedHeatMap, portfolioReportRow, reportAsOf, runwayBars, type PortfolioReportRow } from "~/lib/share-report-rows";
import type { CompanyReport, ShareReport, UpdateView } from "~/models/share-report-types";
import { Table, TableHead, Td, Th } from "~/components/ui/table";

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
    <article className="mx-auto max-w-5xl space-y-6 p-4 sm:p-8 print:max-w-none print:p-0" data-testid="share-report">
      <header className="border-b border-slate-200 pb-4">
        <p className="text-sm font-semibold text-indigo-700 print:text-slate-700">{t("admin.report.kicker")}</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{report.label}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {t("admin.report.sharedBy", { issuer: report.issuer })} ·{" "}
          <span data-testid="report-as-of">{asOf ? t("admin.report.asOf", { month: asOf }) : t("admin.report.noMonth")}</span> ·{" "}
          {report.mode === "frozen"
            ? t("admin.report.frozenLine", { month: report.frozenMonth ?? "", time: generated })
            : t("admin.report.liveLine", { time: generated })}
        </p>
        <p className="mt-1 text-xs text-slate-600">
          {t("admin.report.sectionsLine", { sections: report.sections.map((s) => t(`admin.section.${s}`)).join(t("admin.listSeparator")) })}{" "}
          {single ? "" : t("admin.report.companiesLine", { count: report.companies.length })}
        </p>
        <button type="button" onClick={() => window.print()} className="mt-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium print:hidden">
          {t("admin.report.print")}
        </button>
      </header>
      {report.companies.length === 0 ? (
        <EmptyState title={t("admin.report.nothing")}>
          <p>{t("admin.report.nothingBody")}</p>
        </EmptyState>
      ) : single ? (
        <CompanyDetail company={report.companies[0]!} />
      ) : (
        <>
          <PortfolioOverview companies={report.companies} />
          {report.companies.map((c, i) => (
            <CompanySummary key={i} company={c} />
          ))}
        </>
      )}
      <footer className="border-t border-slate-200 pt-3 text-xs text-slate-500">
        {asOf ? t("admin.report.footerAsOf", { issuer: report.issuer, month: asOf }) : t("admin.report.footer", { issuer: report.issuer })}{" "}
        {t("admin.report.definitions")}
      </footer>
    </article>
  );
}

function Section({ children }: { children: ReactNode }) {
  return <div className="break-inside-avoid">{children}</div>;
}

function NoReport({ name }: { name: string }) {
  const t = useT();
  return (
    <EmptyState title={t("admin.report.noReport")}>
      <p>{t("admin.report.noReportBody", { name })}</p>
    </EmptyState>
  );
}

function CompanyHeading({ company }: { company: CompanyReport }) {
  const t = useT();
  return (
    <h2 className="text-xl font-semibold">
      {company.name} <span className="text-sm font-normal text-slate-600">{t("admin.report.amountsIn", { currency: company.currency })}</span>
    </h2>
  );
}

function CompanyDetail({ company }: { company: CompanyReport }) {
  const d = company.dashboard;
  const ready = d.financials?.kind === "ready" ? d.financials : null;
  const currency = company.currency;
  return (
    <section aria-label={company.name} className="space-y-6">
      <CompanyHeading company={company} />
      {d.financials === undefined ? null : ready ? (
        <HeadlineCards headline={ready.headline} currency={currency} debtServiceIncluded={ready.debtServiceIncluded} />
      ) : (
        <NoReport name={company.name} />
      )}
      <div className="grid gap-6 lg:grid-cols-2 print:block print:space-y-6">
        {ready ? <Section><CashRunwayCard cashHistory={ready.cashHistory} currency={currency} headline={ready.headline} /></Section> : null}
        {ready ? <Section><SpendCard spendHistory={ready.spendHistory} currency={currency} /></Section> : null}
        {ready && d.budget !== undefined ? <Section><BudgetCard budget={d.budget} currency={currency} month={ready.headline.month} /></Section> : null}
        {d.fundingDebt ? (
          <Section>
            <DebtCard debt={d.fundingDebt.debt} currency={currency} month={d.fundingDebt.asOf} covenantsChecked={d.fundingDebt.covenantsChecked} />
          </Section>
        ) : null}
        {d.fundingDebt ? <Section><RaisedCard raised={d.fundingDebt.raised} currency={currency} /></Section> : null}
        {d.risks ? <Section><RiskCard risks={d.risks} /></Section> : null}
      </div>
      {company.updates ? <UpdatesCard updates={company.updates} /> : null}
    </section>
  );
}

function CompanySummary({ company }: { company: CompanyReport }) {
  const d = company.dashboard;
  const ready = d.financials?.kind === "ready" ? d.financials : null;
  return (
    <section aria-label={company.name} className="space-y-4 break-before-auto border-t border-slate-200 pt-6">
      <CompanyHeading company={company} />
      {d.financials === undefined ? null : ready ? (
        <HeadlineCards headline={ready.headline} currency={company.currency} debtServiceIncluded={ready.debtServiceIncluded} />
      ) : (
        <NoReport name={company.name} />
      )}
      <div className="grid gap-4 lg:grid-cols-2 print:block print:space-y-4">
        {d.fundingDebt ? <Section><RaisedCard raised={d.fundingDebt.raised} currency={company.currency} /></Section> : null}
        {d.risks ? <Section><RiskCard risks={d.risks} /></Section> : null}
      </div>
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
  const levels = runwayLevelLabels(DEFAULT_RUNWAY_THRESHOLDS, locale);
  const headings = [
    t("admin.report.col.company"),
    t("admin.report.col.month"),
    t("admin.report.col.cash"),
    t("admin.report.col.netBurn"),
    t("admin.report.col.runway"),
    t("admin.report.col.cashOut"),
    t("admin.report.col.defaultAlive"),
  ];
  const showRisk = rows.some((r) => r.topRisk !== undefined);
  const showBudget = rows.some((r) => r.budgetVariance !== undefined);
  return (
    <>
      <Card title={t("admin.report.portfolio")}>
        <Table caption={t("admin.report.portfolioCaption")} data-testid="portfolio-report-table">
          <TableHead>
            {[...headings, ...(showRisk ? [t("admin.report.col.topRisk")] : []), ...(showBudget ? [t("admin.report.col.budgetVariance")] : [])].map((h) => (
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
      {bars.length > 0 ? (
        <Section>
          <Card title={t("admin.report.runwayByCompany")}>
            <p className="mb-3 text-xs text-slate-600">{t("admin.report.runwayIntro", levels)}</p>
            <ChartCanvas config={config} label={t("admin.report.runwayChartLabel")} height={Math.max(180, bars.length * 24 + 80)} />
            <table className="mt-3 min-w-full text-xs">
              <caption className="sr-only">{t("admin.report.runwayByCompany")}</caption>
              <TableHead>
                <Th narrow dense>{t("admin.report.col.company")}</Th>
                <Th narrow numeric dense>{t("admin.report.col.runwayMonths")}</Th>
                <Th last dense>{t("admin.report.col.level")}</Th>
              </TableHead>
              <tbody>
                {bars.map((b, i) => {
                  const level = runwayLevelOfStored(b.runwayMonths, DEFAULT_RUNWAY_THRESHOLDS);
                  return (
                    <tr key={i} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-3 text-left font-normal">{b.name}</th>
                      <Td narrow numeric dense>{runwayNumber(locale, b.runwayMonths)}</Td>
                      <Td last dense>{level === "not_burning" ? t("admin.report.notBurningShort") : levels[level]}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
        </Section>
      ) : null}
      {heatMap ? (
        <Section>
          <Card title={t("admin.report.heatMapTitle")}>
            <RiskHeatMap cells={heatMap} bands={DEFAULT_RISK_BANDS} caption={t("admin.report.heatMapCaption")} />
          </Card>
        </Section>
      ) : null}
    </>
  );
}

function PortfolioRow({ row: r, showRisk, showBudget }: { row: PortfolioReportRow; showRisk: boolean; showBudget: boolean }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const money = (v: number | null) => f.money(v, r.currency);
  const figures = r.month !== null;
  const notShared = t("admin.report.notShared");
  const blank = r.financials ? t("admin.report.noReportShort") : notShared;
  const runway = r.runwayMonths === null ? t("admin.report.notBurning") : t("admin.report.runwayMonths", { months: runwayNumber(locale, r.runwayMonths) });
  const alive =
    figures && r.defaultAlive
      ? r.defaultAlive === "cash_out" && r.defaultAliveAssumesFlatRevenue
        ? t("admin.report.alive.deadIfFlat")
        : t(`admin.report.alive.${r.defaultAlive}`)
      : null;
  const band = r.topRisk ? bandOf(r.topRisk.band) : undefined;
  return (
    <tr className="border-b border-slate-100 align-top" data-testid="portfolio-report-row">
      <Th narrow row>
        {r.name} <span className="text-xs font-normal text-slate-500">{r.currency}</span>
      </Th>
      <Td narrow>{r.month ? f.month(r.month) : blank}</Td>
      <td className="py-2 pr-3 tabular-nums">{figures ? money(r.cash) : "—"}</td>
      <td className="py-2 pr-3 tabular-nums">{figures ? money(r.averageNetBurn) : "—"}</td>
      <Td narrow>{figures ? runway : "—"}</Td>
      <Td narrow>{figures ? (r.cashOutMonth ? f.month(r.cashOutMonth) : t("admin.report.beyondTenYears")) : "—"}</Td>
      <Td narrow>
        {alive === null ? "—" : r.defaultAliveMonth ? t("admin.report.aliveWithMonth", { outcome: alive, month: f.month(r.defaultAliveMonth) }) : alive}
      </Td>
      {showRisk ? (
        <Td narrow>
          {r.topRisk === undefined
            ? notShared
            : r.topRisk === null
              ? t("admin.report.noneOpen")
              : t("admin.report.topRisk", { title: r.topRisk.title, band: band ? t(`common.severity.${band}`) : r.topRisk.band, score: r.topRisk.score })}
        </Td>
      ) : null}
      {showBudget ? (
        <Td narrow>
          {r.budgetVariance === undefined ? (
            notShared
          ) : r.budgetVariance === null ? (
            t("admin.report.noBudget")
          ) : (
            <>
              {t("admin.report.variance", { amount: money(r.budgetVariance.variance), percent: f.percent(r.budgetVariance.percent) })}{" "}
              {r.budgetVariance.overrun ? <Badge tone="bad">{t("admin.report.overBudget")}</Badge> : null}
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
      <Card title={t("admin.report.updates")}>
        {updates.length === 0 ? (
          <p className="text-sm text-slate-600">{t("admin.report.noUpdates")}</p>
        ) : (
          <ol className="space-y-4">
            {updates.map((u) => (
              <li key={u.month} className="border-b border-slate-100 pb-4 last:border-0">
                <h3 className="font-semibold">{f.month(u.month)}</h3>
                <dl className="mt-1 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
                  {PARTS.filter((part) => u[part]).map((part) => (
                    <div key={part} className="contents">
                      <dt className="font-medium text-slate-600">{t(`admin.report.${part}`)}</dt>
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
