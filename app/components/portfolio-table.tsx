import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/layout";
import { SortHeader } from "~/components/ui/sort-header";
import { runwayMonthsText } from "~/components/runway-months-text";
import { riskBand, type RiskBandThresholds } from "~/finance/risk";
import { useFormat, useT, type PlainKey } from "~/i18n";
import { cashOutText, dateText, monthCell, monthText } from "~/i18n/display";
import { FINANCIAL_COLUMNS, type PortfolioColumn } from "~/domain/portfolio-columns";
import { investor_home_runway_cashOut } from "~/paraglide/messages/investor_home_runway_cashout1.js";
import { PORTFOLIO_SORT_FIRST_DIRECTION, RISK_BAND_WORD_KEYS, type PortfolioSortKey } from "~/domain/portfolio-query";
import { RISK_BAND_TONES } from "~/domain/risk-labels";
import type { PortfolioRow } from "~/views/portfolio";
import { Table, TableHead, Tr } from "~/components/ui/table";
import { investor_reportingBadge_due } from "~/paraglide/messages/investor_reportingbadge_due1.js";
import { investor_reportingBadge_overdue } from "~/paraglide/messages/investor_reportingbadge_overdue1.js";
import { investor_reportingBadge_reported } from "~/paraglide/messages/investor_reportingbadge_reported1.js";
import { investor_runwayBadge_caution } from "~/paraglide/messages/investor_runwaybadge_caution1.js";
import { investor_runwayBadge_critical } from "~/paraglide/messages/investor_runwaybadge_critical1.js";
import { investor_table_alive } from "~/paraglide/messages/investor_table_alive.js";
import { investor_table_averageNetBurn } from "~/paraglide/messages/investor_table_averagenetburn2.js";
import { investor_table_averageNetBurnHint } from "~/paraglide/messages/investor_table_averagenetburnhint3.js";
import { investor_table_caption } from "~/paraglide/messages/investor_table_caption.js";
import { investor_table_cash } from "~/paraglide/messages/investor_table_cash.js";
import { investor_table_cashHint } from "~/paraglide/messages/investor_table_cashhint1.js";
import { investor_table_cashOut } from "~/paraglide/messages/investor_table_cashout1.js";
import { investor_table_company } from "~/paraglide/messages/investor_table_company.js";
import { investor_table_currencyRateMissing } from "~/paraglide/messages/investor_table_currencyratemissing2.js";
import { investor_table_dead } from "~/paraglide/messages/investor_table_dead.js";
import { investor_table_deadIfFlat } from "~/paraglide/messages/investor_table_deadifflat2.js";
import { investor_table_defaultAlive } from "~/paraglide/messages/investor_table_defaultalive1.js";
import { investor_table_financialsNotShared } from "~/paraglide/messages/investor_table_financialsnotshared2.js";
import { investor_table_lastReport } from "~/paraglide/messages/investor_table_lastreport1.js";
import { investor_table_netBurn } from "~/paraglide/messages/investor_table_netburn1.js";
import { investor_table_netBurnHint } from "~/paraglide/messages/investor_table_netburnhint2.js";
import { investor_table_noBudget } from "~/paraglide/messages/investor_table_nobudget1.js";
import { investor_table_noOpenRisks } from "~/paraglide/messages/investor_table_noopenrisks2.js";
import { investor_table_noReports } from "~/paraglide/messages/investor_table_noreports1.js";
import { investor_table_notShared } from "~/paraglide/messages/investor_table_notshared1.js";
import { investor_table_owed } from "~/paraglide/messages/investor_table_owed.js";
import { investor_table_rateMissing } from "~/paraglide/messages/investor_table_ratemissing1.js";
import { investor_table_rateMissingTitle } from "~/paraglide/messages/investor_table_ratemissingtitle2.js";
import { investor_table_reporting } from "~/paraglide/messages/investor_table_reporting.js";
import { investor_table_runway } from "~/paraglide/messages/investor_table_runway.js";
import { investor_table_runwayHint } from "~/paraglide/messages/investor_table_runwayhint1.js";
import { investor_table_shortHistory } from "~/paraglide/messages/investor_table_shorthistory1.js";
import { investor_table_topRisk } from "~/paraglide/messages/investor_table_toprisk1.js";
import { investor_table_topRiskHint } from "~/paraglide/messages/investor_table_topriskhint2.js";
import { investor_table_undecided } from "~/paraglide/messages/investor_table_undecided.js";
import { investor_table_variance } from "~/paraglide/messages/investor_table_variance.js";
import { investor_table_varianceHint } from "~/paraglide/messages/investor_table_variancehint1.js";
import { investor_table_variancePercent } from "~/paraglide/messages/investor_table_variancepercent1.js";

const LEVEL_BADGES: Record<string, { tone: "bad" | "warn"; key: PlainKey }> = {
  critical: { tone: "bad", key: investor_runwayBadge_critical },
  caution: { tone: "warn", key: investor_runwayBadge_caution },
};

function LevelBadge({ level }: { level: PortfolioRow["runwayLevel"] }) {
  const t = useT();
  const badge = level ? LEVEL_BADGES[level] : undefined;
  return badge ? <Badge tone={badge.tone}>{t(badge.key)}</Badge> : null;
}

const STATUS_TONES = { reported: "good", due: "warn", overdue: "bad" } as const;
/** Badge words, lower case like the runway badges. */
const STATUS_BADGES: Record<keyof typeof STATUS_TONES, PlainKey> = {
  reported: investor_reportingBadge_reported,
  due: investor_reportingBadge_due,
  overdue: investor_reportingBadge_overdue,
};

function NotShared({ span = 1, what }: { span?: number; what?: string }) {
  const t = useT();
  return (
    <td colSpan={span} className="px-2 py-2 text-slate-500 italic">
      {what ?? t(investor_table_notShared)}
    </td>
  );
}

function RateMissing({ row }: { row: PortfolioRow }) {
  const t = useT();
  return (
    <span className="text-amber-800" title={t(investor_table_rateMissingTitle, { currency: row.currency, month: row.month ? monthText(t, row.month) : "—" })}>
      {t(investor_table_rateMissing)}
    </span>
  );
}

export function PortfolioTable({
  rows,
  baseCurrency,
  bands,
  sort,
  dir,
  hrefWith,
  companyHref,
  columns,
}: {
  /** The optional columns to show, in table order (the company is always shown). */
  columns: readonly PortfolioColumn[];
  rows: PortfolioRow[];
  baseCurrency: string;
  bands: RiskBandThresholds;
  sort: PortfolioSortKey;
  dir: "asc" | "desc";
  hrefWith: (changes: Record<string, string | null>) => string;
  companyHref: (slug: string) => string;
}) {
  const t = useT();
  const f = useFormat();
  const header = (key: PortfolioSortKey, label: ReactNode, hint?: string) => {
    const active = sort === key;
    const next = active ? (dir === "asc" ? "desc" : "asc") : PORTFOLIO_SORT_FIRST_DIRECTION[key];
    return <SortHeader label={label} sorted={active ? dir : null} href={hrefWith({ sort: key, dir: next })} hint={hint} className="px-2 py-2" />;
  };
  const money = (row: PortfolioRow, value: number | null) => (row.rateMissing ? <RateMissing row={row} /> : f.money(value, baseCurrency));
  const show = (column: PortfolioColumn) => columns.includes(column);
  // One "not shared" / "no reports" cell spans whichever financial columns are shown.
  const financialSpan = FINANCIAL_COLUMNS.filter(show).length;
  return (
    <Table caption={t(investor_table_caption, { currency: baseCurrency })} data-testid="portfolio-table">
      <TableHead>
        {header("name", t(investor_table_company))}
        {show("month") ? header("month", t(investor_table_lastReport)) : null}
        {show("cash") ? header("cash", t(investor_table_cash), t(investor_table_cashHint)) : null}
        {show("netBurn") ? header("netBurn", t(investor_table_netBurn), t(investor_table_netBurnHint)) : null}
        {show("averageNetBurn") ? header("averageNetBurn", t(investor_table_averageNetBurn), t(investor_table_averageNetBurnHint)) : null}
        {show("runway") ? header("runway", t(investor_table_runway), t(investor_table_runwayHint)) : null}
        {show("cashOut") ? header("cashOut", t(investor_table_cashOut)) : null}
        {show("defaultAlive") ? header("defaultAlive", t(investor_table_defaultAlive)) : null}
        {show("topRisk") ? header("topRisk", t(investor_table_topRisk), t(investor_table_topRiskHint)) : null}
        {show("variance") ? header("variance", t(investor_table_variance), t(investor_table_varianceHint)) : null}
        {show("variance") ? header("variancePercent", t(investor_table_variancePercent)) : null}
        {show("status") ? header("status", t(investor_table_reporting)) : null}
      </TableHead>
      <tbody>
        {rows.map((row) => (
          <Tr key={row.slug} top data-company={row.slug}>
            <th scope="row" className="whitespace-nowrap px-2 py-2 text-left font-medium">
              <TextLink to={companyHref(row.slug)}>{row.name}</TextLink>
            </th>
            {financialSpan === 0 ? null : !row.shared.financials ? (
              <NotShared span={financialSpan} what={t(investor_table_financialsNotShared)} />
            ) : row.month === null ? (
              <NotShared span={financialSpan} what={t(investor_table_noReports)} />
            ) : (
              <>
                {show("month") ? (
                  <td className="whitespace-nowrap px-2 py-2">
                    {monthCell(t, row.month)}
                    {row.currency !== baseCurrency ? (
                      <span className="block text-xs text-slate-500">
                        {row.rate ? `${row.currency} @ ${row.rate}` : t(investor_table_currencyRateMissing, { currency: row.currency })}
                      </span>
                    ) : null}
                  </td>
                ) : null}
                {show("cash") ? <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{money(row, row.cash)}</td> : null}
                {show("netBurn") ? <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{money(row, row.netBurn)}</td> : null}
                {show("averageNetBurn") ? (
                  <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
                    {money(row, row.averageNetBurn)}
                    {row.shortHistory ? <span className="block text-xs text-amber-800">{t(investor_table_shortHistory)}</span> : null}
                  </td>
                ) : null}
                {show("runway") ? (
                  // Wraps (the months stay on one line): the level badge and the cash-out line may go under it.
                  <td className="min-w-[6.5rem] px-2 py-2">
                    {/* Without the cash-out column, a non-burning company whose debt service exhausts its cash shows that month and level here. */}
                    <span className="whitespace-nowrap">{runwayMonthsText(t, row.runwayMonths)}</span>{" "}
                    {row.runwayMonths !== null || !show("cashOut") ? <LevelBadge level={row.runwayLevel} /> : null}
                    {row.runwayMonths === null && row.cashOutMonth && !show("cashOut") ? (
                      <span className="block text-xs text-slate-600">{t(investor_home_runway_cashOut, { month: monthText(t, row.cashOutMonth) })}</span>
                    ) : null}
                  </td>
                ) : null}
                {show("cashOut") ? (
                  <td className="whitespace-nowrap px-2 py-2">
                    {cashOutText(t, row.cashOutMonth, "cell")} {/* Not burning, yet debt service ahead exhausts the cash: the level sits with the month. */}
                    {row.runwayMonths === null ? <LevelBadge level={row.runwayLevel} /> : null}
                  </td>
                ) : null}
                {show("defaultAlive") ? (
                  <td className="whitespace-nowrap px-2 py-2">
                    {row.defaultAlive === "profitable" ? (
                      <Badge tone="good">{t(investor_table_alive, { month: row.defaultAliveMonth ? monthText(t, row.defaultAliveMonth) : "—" })}</Badge>
                    ) : row.defaultAlive === "cash_out" && row.defaultAliveAssumesFlatRevenue ? (
                      <Badge tone="warn">{t(investor_table_deadIfFlat, { month: row.defaultAliveMonth ? monthText(t, row.defaultAliveMonth) : "—" })}</Badge>
                    ) : row.defaultAlive === "cash_out" ? (
                      <Badge tone="bad">{t(investor_table_dead, { month: row.defaultAliveMonth ? monthText(t, row.defaultAliveMonth) : "—" })}</Badge>
                    ) : (
                      <Badge>{t(investor_table_undecided)}</Badge>
                    )}
                  </td>
                ) : null}
              </>
            )}
            {!show("topRisk") ? null : !row.shared.risks ? (
              <NotShared />
            ) : row.topRisk ? (
              <td className="min-w-[12rem] px-2 py-2">
                <Badge tone={RISK_BAND_TONES[riskBand(row.topRisk.score, bands)]}>
                  {row.topRisk.score} {t(RISK_BAND_WORD_KEYS[riskBand(row.topRisk.score, bands)])}
                </Badge>{" "}
                {row.topRisk.title}
              </td>
            ) : (
              <td className="px-2 py-2 text-slate-500">{t(investor_table_noOpenRisks)}</td>
            )}
            {!show("variance") ? null : row.variance === null ? (
              <NotShared span={2} />
            ) : row.variance.budget === null ? (
              <td colSpan={2} className="px-2 py-2 text-slate-500">
                {t(investor_table_noBudget, { month: row.month ? monthText(t, row.month) : "—" })}
              </td>
            ) : (
              <>
                <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{money(row, row.variance.amount)}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{f.percent(row.variance.percent)}</td>
              </>
            )}
            {!show("status") ? null : !row.shared.financials ? (
              <NotShared />
            ) : row.status === null ? (
              <td className="px-2 py-2 text-slate-500">{t(investor_table_noReports)}</td>
            ) : (
              <td className="whitespace-nowrap px-2 py-2">
                <Badge tone={STATUS_TONES[row.status]}>{t(STATUS_BADGES[row.status])}</Badge>
                {row.owed ? (
                  <span className="block text-xs text-slate-600">
                    {t(investor_table_owed, { month: monthText(t, row.owed.month), date: dateText(t, row.owed.dueDate) })}
                  </span>
                ) : null}
              </td>
            )}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
