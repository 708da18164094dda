import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/layout";
import { SortHeader } from "~/components/ui/sort-header";
import { riskBand, type RiskBandThresholds } from "~/finance/risk";
import { useFormat, useT, type PlainKey, type Translator } from "~/i18n";
import { dateText, monthText, runwayNumber } from "~/lib/format";
import { PORTFOLIO_SORT_FIRST_DIRECTION, RISK_BAND_WORD_KEYS, type PortfolioSortKey } from "~/lib/portfolio-query";
import { RISK_BAND_TONES } from "~/lib/risk-labels";
import type { PortfolioRow } from "~/models/portfolio-types";
import { Table, TableHead, Tr } from "~/components/ui/table";

/** Runway months as the finance module rounds them (one decimal): "9.2 months" / "9.2 个月", or "Not burning". */
export function runwayMonthsText(t: Translator, months: number | null): string {
  if (months === null) return t("investor.runway.notBurning");
  return t("investor.runway.months", { months: runwayNumber(t.locale, months) });
}

const LEVEL_BADGES: Record<string, { tone: "bad" | "warn"; key: PlainKey }> = {
  critical: { tone: "bad", key: "investor.runwayBadge.critical" },
  caution: { tone: "warn", key: "investor.runwayBadge.caution" },
};

function LevelBadge({ level }: { level: PortfolioRow["runwayLevel"] }) {
  const t = useT();
  const badge = level ? LEVEL_BADGES[level] : undefined;
  return badge ? <Badge tone={badge.tone}>{t(badge.key)}</Badge> : null;
}

const STATUS_TONES = { reported: "good", due: "warn", overdue: "bad" } as const;
/** Badge words, lower case like the runway badges. */
const STATUS_BADGES: Record<keyof typeof STATUS_TONES, PlainKey> = {
  reported: "investor.reportingBadge.reported",
  due: "investor.reportingBadge.due",
  overdue: "investor.reportingBadge.overdue",
};

function NotShared({ span = 1, what }: { span?: number; what?: string }) {
  const t = useT();
  return (
    <td colSpan={span} className="px-2 py-2 text-slate-500 italic">
      {what ?? t("investor.table.notShared")}
    </td>
  );
}

function RateMissing({ row }: { row: PortfolioRow }) {
  const t = useT();
  return (
    <span className="text-amber-800" title={t("investor.table.rateMissingTitle", { currency: row.currency, month: row.month ? monthText(t, row.month) : "—" })}>
      {t("investor.table.rateMissing")}
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
}: {
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
  return (
    <Table caption={t("investor.table.caption", { currency: baseCurrency })} data-testid="portfolio-table">
      <TableHead>
        {header("name", t("investor.table.company"))}
        {header("month", t("investor.table.lastReport"))}
        {header("cash", t("investor.table.cash"), t("investor.table.cashHint"))}
        {header("netBurn", t("investor.table.netBurn"), t("investor.table.netBurnHint"))}
        {header("averageNetBurn", t("investor.table.averageNetBurn"), t("investor.table.averageNetBurnHint"))}
        {header("runway", t("investor.table.runway"), t("investor.table.runwayHint"))}
        {header("cashOut", t("investor.table.cashOut"))}
        {header("defaultAlive", t("investor.table.defaultAlive"))}
        {header("topRisk", t("investor.table.topRisk"), t("investor.table.topRiskHint"))}
        {header("variance", t("investor.table.variance"), t("investor.table.varianceHint"))}
        {header("variancePercent", t("investor.table.variancePercent"))}
        {header("status", t("investor.table.reporting"))}
      </TableHead>
      <tbody>
        {rows.map((row) => (
          <Tr key={row.slug} top data-company={row.slug}>
            <th scope="row" className="whitespace-nowrap px-2 py-2 text-left font-medium">
              <TextLink to={companyHref(row.slug)}>
                {row.name}
              </TextLink>
            </th>
            {!row.shared.financials ? (
              <NotShared span={7} what={t("investor.table.financialsNotShared")} />
            ) : row.month === null ? (
              <NotShared span={7} what={t("investor.table.noReports")} />
            ) : (
              <>
                <td className="whitespace-nowrap px-2 py-2">
                  {monthText(t, row.month)}
                  {row.currency !== baseCurrency ? (
                    <span className="block text-xs text-slate-500">
                      {row.rate ? `${row.currency} @ ${row.rate}` : t("investor.table.currencyRateMissing", { currency: row.currency })}
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{money(row, row.cash)}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{money(row, row.netBurn)}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
                  {money(row, row.averageNetBurn)}
                  {row.shortHistory ? <span className="block text-xs text-amber-800">{t("investor.table.shortHistory")}</span> : null}
                </td>
                <td className="whitespace-nowrap px-2 py-2">
                  {runwayMonthsText(t, row.runwayMonths)}{" "}
                  {row.runwayMonths !== null ? <LevelBadge level={row.runwayLevel} /> : null}
                </td>
                <td className="whitespace-nowrap px-2 py-2">
                  {row.cashOutMonth ? monthText(t, row.cashOutMonth) : t("investor.table.beyondTenYears")}{" "}
                  {/* Not burning, yet debt service ahead exhausts the cash: the level sits with the month. */}
                  {row.runwayMonths === null ? <LevelBadge level={row.runwayLevel} /> : null}
                </td>
                <td className="whitespace-nowrap px-2 py-2">
                  {row.defaultAlive === "profitable" ? (
                    <Badge tone="good">{t("investor.table.alive", { month: row.defaultAliveMonth ? monthText(t, row.defaultAliveMonth) : "—" })}</Badge>
                  ) : row.defaultAlive === "cash_out" && row.defaultAliveAssumesFlatRevenue ? (
                    <Badge tone="warn">{t("investor.table.deadIfFlat", { month: row.defaultAliveMonth ? monthText(t, row.defaultAliveMonth) : "—" })}</Badge>
                  ) : row.defaultAlive === "cash_out" ? (
                    <Badge tone="bad">{t("investor.table.dead", { month: row.defaultAliveMonth ? monthText(t, row.defaultAliveMonth) : "—" })}</Badge>
                  ) : (
                    <Badge>{t("investor.table.undecided")}</Badge>
                  )}
                </td>
              </>
            )}
            {!row.shared.risks ? (
              <NotShared />
            ) : row.topRisk ? (
              <td className="min-w-[14rem] px-2 py-2">
                <Badge tone={RISK_BAND_TONES[riskBand(row.topRisk.score, bands)]}>
                  {row.topRisk.score} {t(RISK_BAND_WORD_KEYS[riskBand(row.topRisk.score, bands)])}
                </Badge>{" "}
                {row.topRisk.title}
              </td>
            ) : (
              <td className="px-2 py-2 text-slate-500">{t("investor.table.noOpenRisks")}</td>
            )}
            {row.variance === null ? (
              <NotShared span={2} />
            ) : row.variance.budget === null ? (
              <td colSpan={2} className="px-2 py-2 text-slate-500">
                {t("investor.table.noBudget", { month: row.month ? monthText(t, row.month) : "—" })}
              </td>
            ) : (
              <>
                <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{money(row, row.variance.amount)}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{f.percent(row.variance.percent)}</td>
              </>
            )}
            {!row.shared.financials ? (
              <NotShared />
            ) : row.status === null ? (
              <td className="px-2 py-2 text-slate-500">{t("investor.table.noReports")}</td>
            ) : (
              <td className="whitespace-nowrap px-2 py-2">
                <Badge tone={STATUS_TONES[row.status]}>{t(STATUS_BADGES[row.status])}</Badge>
                {row.owed ? (
                  <span className="block text-xs text-slate-600">
                    {t("investor.table.owed", { month: monthText(t, row.owed.month), date: dateText(t, row.owed.dueDate) })}
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
