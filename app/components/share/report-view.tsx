import { useMemo, type ReactNode } from "react";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import { runwayByCompanyChartConfig, runwayLevelLabels } from "~/components/charts/portfolio";
import { RiskHeatMap } from "~/components/charts/risk-heat-map";
import { BudgetCard, CashRunwayCard, DebtCard, SpendCard } from "~/components/dashboard/chart-cards";
import { HeadlineCards } from "~/components/dashboard/headline-cards";
import { RaisedCard, RiskCard } from "~/components/dashboard/record-cards";
import { Badge, Card, EmptyState, TableScroller } from "~/components/ui/layout";
import { DEFAULT_RISK_BANDS } from "~/finance/risk";
import { runwayLevelOfStored } from "~/finance/portfolio";
import { DEFAULT_RUNWAY_THRESHOLDS } from "~/finance/runway";
import { formatRunway, plural } from "~/lib/format";
import { formatMoney, formatPercent } from "~/lib/money-format";
import { combinedHeatMap, portfolioReportRow, REPORT_SECTION_LABELS, reportAsOf, runwayBars, type PortfolioReportRow } from "~/lib/share-report-rows";
import type { CompanyReport, ShareReport, UpdateView } from "~/models/share-report-types";

/*
 * The partner report: read only, no links anywhere (not into the app, not between pages),
 * every chart followed by its figures as a table. Cards print whole (break-inside-avoid).
 */

const ALIVE = { profitable: "Default alive", cash_out: "Default dead", undecided: "Undecided" } as const;

export function ShareReportView({ report }: { report: ShareReport }) {
  const asOf = reportAsOf(report);
  const generated = new Date(report.generatedAt).toISOString().slice(0, 16).replace("T", " ");
  const single = report.scope === "company";
  return (
    <article className="mx-auto max-w-5xl space-y-6 p-4 sm:p-8 print:max-w-none print:p-0" data-testid="share-report">
      <header className="border-b border-slate-200 pb-4">
        <p className="text-sm font-semibold text-indigo-700 print:text-slate-700">Partner report · read only</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{report.label}</h1>
        <p className="mt-1 text-sm text-slate-700">
          Shared by {report.issuer} ·{" "}
          <span data-testid="report-as-of">{asOf ? `as of ${asOf}` : "no reported month yet"}</span> ·{" "}
          {report.mode === "frozen" ? `frozen at ${report.frozenMonth}, figures rendered ${generated} UTC` : `live, figures read ${generated} UTC`}
        </p>
        <p className="mt-1 text-xs text-slate-600">
          Sections: {report.sections.map((s) => REPORT_SECTION_LABELS[s]).join(", ")}.{" "}
          {single ? "" : `${plural(report.companies.length, "company", "companies")}; amounts in each company's own currency.`}
        </p>
        <button type="button" onClick={() => window.print()} className="mt-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium print:hidden">
          Print or save as PDF
        </button>
      </header>
      {report.companies.length === 0 ? (
        <EmptyState title="Nothing to show">
          <p>No company in this report shares any of its sections any more.</p>
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
        Confidential. Read-only report shared by {report.issuer} through Capital Desk{asOf ? `, as of ${asOf}` : ""}. Definitions: net burn = operating spend − revenue;
        runway = cash ÷ average net burn over 3 months; cash-out month = first month projected cash falls below zero.
      </footer>
    </article>
  );
}

function Section({ children }: { children: ReactNode }) {
  return <div className="break-inside-avoid">{children}</div>;
}

function NoReport({ name }: { name: string }) {
  return (
    <EmptyState title="No report yet">
      <p>{name} has not entered a monthly report, so there are no cash, burn or runway figures.</p>
    </EmptyState>
  );
}

function CompanyDetail({ company }: { company: CompanyReport }) {
  const d = company.dashboard;
  const ready = d.financials?.kind === "ready" ? d.financials : null;
  const currency = company.currency;
  return (
    <section aria-label={company.name} className="space-y-6">
      <h2 className="text-xl font-semibold">
        {company.name} <span className="text-sm font-normal text-slate-600">· amounts in {currency}</span>
      </h2>
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
      <h2 className="text-xl font-semibold">
        {company.name} <span className="text-sm font-normal text-slate-600">· amounts in {company.currency}</span>
      </h2>
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
  const rows = useMemo(() => companies.map(portfolioReportRow), [companies]);
  const bars = useMemo(() => runwayBars(rows), [rows]);
  const config = useMemo(() => runwayByCompanyChartConfig(bars, DEFAULT_RUNWAY_THRESHOLDS), [bars]);
  const heatMap = useMemo(() => combinedHeatMap(companies), [companies]);
  const levels = runwayLevelLabels(DEFAULT_RUNWAY_THRESHOLDS);
  const showRisk = rows.some((r) => r.topRisk !== undefined);
  const showBudget = rows.some((r) => r.budgetVariance !== undefined);
  return (
    <>
      <Card title="Portfolio">
        <TableScroller>
          <table className="min-w-full text-sm" data-testid="portfolio-report-table">
            <caption className="sr-only">Companies in this report with their latest figures</caption>
            <thead>
              <tr className="border-b text-left text-slate-600">
                {["Company", "Month", "Cash", "Net burn / month", "Runway", "Cash-out", "Default alive?", ...(showRisk ? ["Top risk"] : []), ...(showBudget ? ["Budget variance (YTD)"] : [])].map((h) => (
                  <th key={h} scope="col" className="py-2 pr-3 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <PortfolioRow key={i} row={r} showRisk={showRisk} showBudget={showBudget} />
              ))}
            </tbody>
          </table>
        </TableScroller>
      </Card>
      {bars.length > 0 ? (
        <Section>
          <Card title="Runway by company">
            <p className="mb-3 text-xs text-slate-600">Burning companies, shortest runway first; companies not burning have no bar. {levels.critical}; {levels.caution}; {levels.ok}.</p>
            <ChartCanvas config={config} label="Bar chart of runway in months by company, shortest first" height={Math.max(180, bars.length * 24 + 80)} />
            <table className="mt-3 min-w-full text-xs">
              <caption className="sr-only">Runway by company</caption>
              <thead>
                <tr className="border-b text-left text-slate-600">
                  <th scope="col" className="py-1 pr-3 font-medium">Company</th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">Runway (months)</th>
                  <th scope="col" className="py-1 font-medium">Level</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((b, i) => {
                  const level = runwayLevelOfStored(b.runwayMonths, DEFAULT_RUNWAY_THRESHOLDS);
                  return (
                    <tr key={i} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-3 text-left font-normal">{b.name}</th>
                      <td className="py-1 pr-3 text-right tabular-nums">{b.runwayMonths.toFixed(1)}</td>
                      <td className="py-1">{level === "not_burning" ? "not burning" : levels[level]}</td>
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
          <Card title="Risk heat map, all companies">
            <RiskHeatMap cells={heatMap} bands={DEFAULT_RISK_BANDS} caption="Live risks (open, mitigating or accepted) of the companies sharing risks, counted by likelihood and impact; colours use the default bands." />
          </Card>
        </Section>
      ) : null}
    </>
  );
}

function PortfolioRow({ row: r, showRisk, showBudget }: { row: PortfolioReportRow; showRisk: boolean; showBudget: boolean }) {
  const money = (v: number | null) => (v === null ? "—" : formatMoney(v, r.currency));
  const figures = r.month !== null;
  const blank = r.financials ? "no report" : "not shared";
  return (
    <tr className="border-b border-slate-100 align-top" data-testid="portfolio-report-row">
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        {r.name} <span className="text-xs font-normal text-slate-500">{r.currency}</span>
      </th>
      <td className="py-2 pr-3">{r.month ?? blank}</td>
      <td className="py-2 pr-3 tabular-nums">{figures ? money(r.cash) : "—"}</td>
      <td className="py-2 pr-3 tabular-nums">{figures ? money(r.averageNetBurn) : "—"}</td>
      <td className="py-2 pr-3">{figures ? formatRunway(r.runwayMonths) : "—"}</td>
      <td className="py-2 pr-3">{figures ? (r.cashOutMonth ?? "Beyond 10 years") : "—"}</td>
      <td className="py-2 pr-3">{figures && r.defaultAlive ? `${ALIVE[r.defaultAlive]}${r.defaultAliveMonth ? ` (${r.defaultAliveMonth})` : ""}` : "—"}</td>
      {showRisk ? <td className="py-2 pr-3">{r.topRisk === undefined ? "not shared" : r.topRisk === null ? "none open" : `${r.topRisk.title} (${r.topRisk.band}, ${r.topRisk.score})`}</td> : null}
      {showBudget ? (
        <td className="py-2 pr-3">
          {r.budgetVariance === undefined ? (
            "not shared"
          ) : r.budgetVariance === null ? (
            "no budget"
          ) : (
            <>
              {money(r.budgetVariance.variance)} ({formatPercent(r.budgetVariance.percent)}) {r.budgetVariance.overrun ? <Badge tone="bad">over budget</Badge> : null}
            </>
          )}
        </td>
      ) : null}
    </tr>
  );
}

const PARTS = [
  { key: "highlights", label: "Highlights" },
  { key: "lowlights", label: "Lowlights" },
  { key: "asks", label: "Asks" },
] as const;

function UpdatesCard({ updates }: { updates: UpdateView[] }) {
  return (
    <Section>
      <Card title="Investor updates">
        {updates.length === 0 ? (
          <p className="text-sm text-slate-600">No highlights, lowlights or asks written yet.</p>
        ) : (
          <ol className="space-y-4">
            {updates.map((u) => (
              <li key={u.month} className="border-b border-slate-100 pb-4 last:border-0">
                <h3 className="font-semibold">{u.month}</h3>
                <dl className="mt-1 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
                  {PARTS.filter((p) => u[p.key]).map((p) => (
                    <div key={p.key} className="contents">
                      <dt className="font-medium text-slate-600">{p.label}</dt>
                      <dd className="whitespace-pre-line">{u[p.key]}</dd>
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
