import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge, TableScroller } from "~/components/ui/layout";
import { riskBand, type RiskBandThresholds } from "~/finance/risk";
import { formatRunway } from "~/lib/format";
import { formatMoney, formatPercent } from "~/lib/money-format";
import { PORTFOLIO_SORT_FIRST_DIRECTION, type PortfolioSortKey } from "~/lib/portfolio-query";
import { RISK_BAND_LABELS, RISK_BAND_TONES } from "~/lib/risk-labels";
import type { PortfolioRow } from "~/models/portfolio-types";

const LEVEL_BADGES = {
  critical: <Badge tone="bad">critical</Badge>,
  caution: <Badge tone="warn">caution</Badge>,
} as Record<string, ReactNode>;

const STATUS_TONES = { reported: "good", due: "warn", overdue: "bad" } as const;

function NotShared({ span = 1, what = "Not shared" }: { span?: number; what?: string }) {
  return (
    <td colSpan={span} className="px-2 py-2 text-slate-500 italic">
      {what}
    </td>
  );
}

function RateMissing({ row }: { row: PortfolioRow }) {
  return (
    <span className="text-amber-800" title={`No ${row.currency} rate for ${row.month}: the figure cannot be converted`}>
      Rate missing
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
  const header = (key: PortfolioSortKey, label: ReactNode, hint?: string) => {
    const active = sort === key;
    const next = active ? (dir === "asc" ? "desc" : "asc") : PORTFOLIO_SORT_FIRST_DIRECTION[key];
    return (
      <th scope="col" className="px-2 py-2 font-medium" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} title={hint}>
        <Link to={hrefWith({ sort: key, dir: next })} className="underline decoration-dotted">
          {label}
          {active ? (dir === "asc" ? " ▲" : " ▼") : ""}
        </Link>
      </th>
    );
  };
  const money = (row: PortfolioRow, value: number | null) => (row.rateMissing ? <RateMissing row={row} /> : formatMoney(value, baseCurrency));
  return (
    <TableScroller>
      <table className="min-w-full text-sm" data-testid="portfolio-table">
        <caption className="sr-only">Portfolio companies; amounts in {baseCurrency}</caption>
        <thead>
          <tr className="border-b text-left text-slate-600">
            {header("name", "Company")}
            {header("month", "Last report")}
            {header("cash", "Cash", "Cash at the end of the last reported month")}
            {header("netBurn", "Net burn", "Operating spend − revenue in the last reported month")}
            {header("averageNetBurn", "Avg net burn", "Mean net burn over the last 3 reported months")}
            {header("runway", "Runway", "Cash ÷ average net burn, rounded down")}
            {header("cashOut", "Cash-out")}
            {header("defaultAlive", "Default alive?")}
            {header("topRisk", "Top risk", "Highest likelihood × impact among open and mitigating risks")}
            {header("variance", "Budget variance", "Actual − budget over all categories, last reported month")}
            {header("variancePercent", "Variance %")}
            {header("status", "Reporting")}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} className="border-b align-top last:border-0" data-company={row.slug}>
              <th scope="row" className="whitespace-nowrap px-2 py-2 text-left font-medium">
                <Link to={companyHref(row.slug)} className="text-indigo-700 underline">
                  {row.name}
                </Link>
              </th>
              {!row.shared.financials ? (
                <NotShared span={7} what="Financials not shared" />
              ) : row.month === null ? (
                <NotShared span={7} what="No reports yet" />
              ) : (
                <>
                  <td className="whitespace-nowrap px-2 py-2">
                    {row.month}
                    {row.currency !== baseCurrency ? (
                      <span className="block text-xs text-slate-500">
                        {row.currency}
                        {row.rate ? ` @ ${row.rate}` : ", rate missing"}
                      </span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{money(row, row.cash)}</td>
                  <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{money(row, row.netBurn)}</td>
                  <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
                    {money(row, row.averageNetBurn)}
                    {row.shortHistory ? <span className="block text-xs text-amber-800">short history</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-2 py-2">
                    {formatRunway(row.runwayMonths)} {row.runwayLevel ? LEVEL_BADGES[row.runwayLevel] : null}
                  </td>
                  <td className="whitespace-nowrap px-2 py-2">{row.runwayMonths === null ? "—" : (row.cashOutMonth ?? "Beyond 10 years")}</td>
                  <td className="whitespace-nowrap px-2 py-2">
                    {row.defaultAlive === "profitable" ? (
                      <Badge tone="good">alive · {row.defaultAliveMonth}</Badge>
                    ) : row.defaultAlive === "cash_out" ? (
                      <Badge tone="bad">dead · {row.defaultAliveMonth}</Badge>
                    ) : (
                      <Badge>undecided</Badge>
                    )}
                  </td>
                </>
              )}
              {!row.shared.risks ? (
                <NotShared />
              ) : row.topRisk ? (
                <td className="min-w-[14rem] px-2 py-2">
                  <Badge tone={RISK_BAND_TONES[riskBand(row.topRisk.score, bands)]}>
                    {row.topRisk.score} {RISK_BAND_LABELS[riskBand(row.topRisk.score, bands)].toLowerCase()}
                  </Badge>{" "}
                  {row.topRisk.title}
                </td>
              ) : (
                <td className="px-2 py-2 text-slate-500">No open risks</td>
              )}
              {row.variance === null ? (
                <NotShared span={2} />
              ) : row.variance.budget === null ? (
                <td colSpan={2} className="px-2 py-2 text-slate-500">
                  No budget for {row.month}
                </td>
              ) : (
                <>
                  <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{money(row, row.variance.amount)}</td>
                  <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{formatPercent(row.variance.percent)}</td>
                </>
              )}
              {!row.shared.financials ? (
                <NotShared />
              ) : row.status === null ? (
                <td className="px-2 py-2 text-slate-500">No reports yet</td>
              ) : (
                <td className="whitespace-nowrap px-2 py-2">
                  <Badge tone={STATUS_TONES[row.status]}>{row.status}</Badge>
                  {row.owed ? (
                    <span className="block text-xs text-slate-600">
                      {row.owed.month} due {row.owed.dueDate}
                    </span>
                  ) : null}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
