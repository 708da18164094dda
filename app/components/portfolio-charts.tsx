import { Link } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import { PortfolioHeatMap } from "~/components/charts/portfolio-heat-map";
import { aggregateNetBurnChartConfig, capitalRaisedChartConfig, runwayByCompanyChartConfig, runwayLevelLabels } from "~/components/charts/portfolio";
import { Card, EmptyState, TableScroller } from "~/components/ui/layout";
import { runwayThresholdsText } from "~/finance/portfolio";
import type { RiskBandThresholds } from "~/finance/risk";
import type { RunwayThresholds } from "~/finance/runway";
import { formatMonthRange, plural } from "~/lib/format";
import { instrumentLabel } from "~/lib/instruments";
import { formatMoney } from "~/lib/money-format";
import type { NetBurnPoint, RaisedByInstrument } from "~/lib/portfolio-series";
import { HEAT_MAP_HINT, riskBandsText } from "~/lib/risk-labels";

/** A chart's figures as a table, folded away under the chart. */
export function DataTable({ caption, head, rows, foot }: { caption: string; head: string[]; rows: ReactNode[][]; foot?: ReactNode[] }) {
  const cell = (value: ReactNode, i: number, strong = false) =>
    i === 0 ? (
      <th key={i} scope="row" className={`px-2 py-1 text-left ${strong ? "" : "font-normal"}`}>
        {value}
      </th>
    ) : (
      <td key={i} className="px-2 py-1 tabular-nums">
        {value}
      </td>
    );
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-indigo-700">Show the data as a table</summary>
      <TableScroller>
        <table className="mt-2 min-w-full text-right text-xs">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              {head.map((h, i) => (
                <th key={i} scope="col" className={`px-2 py-1 font-medium text-slate-600 ${i === 0 ? "text-left" : ""}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className="border-b border-slate-100">
                {row.map((value, i) => cell(value, i))}
              </tr>
            ))}
          </tbody>
          {foot ? (
            <tfoot>
              <tr className="font-semibold">{foot.map((value, i) => cell(value, i, true))}</tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroller>
    </details>
  );
}

export function RunwayChartCard({
  bars,
  burning,
  thresholds,
  fromRules,
  companyHref,
}: {
  bars: { slug: string; name: string; runwayMonths: number; level: string }[];
  burning: number;
  thresholds: RunwayThresholds;
  fromRules: boolean;
  companyHref: (slug: string) => string;
}) {
  const config = useMemo(() => runwayByCompanyChartConfig(bars, thresholds), [bars, thresholds]);
  const labels = runwayLevelLabels(thresholds);
  const thresholdsText = `Thresholds: ${runwayThresholdsText(thresholds)} (${fromRules ? "your alert rules" : "the defaults; change them in your alert rules"}).`;
  return (
    <Card title="Runway by company">
      {bars.length === 0 ? (
        <EmptyState title="No company is burning cash">
          <p>{thresholdsText}</p>
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-xs text-slate-600" data-testid="runway-thresholds">
            {bars.length < burning ? `The ${bars.length} shortest runways of ${burning} burning companies. ` : `All ${plural(burning, "burning company", "burning companies")}. `}
            {thresholdsText} Companies not burning have no runway to draw.
          </p>
          <ChartCanvas config={config} label={`Bar chart of runway in months by company, shortest first; ${thresholdsText}`} height={Math.max(240, bars.length * 28 + 110)} />
          <DataTable
            caption="Runway by company"
            head={["Company", "Runway (months)", "Level"]}
            rows={bars.map((b) => [
              <Link key={b.slug} to={companyHref(b.slug)} className="text-indigo-700 underline">
                {b.name}
              </Link>,
              b.runwayMonths.toFixed(1),
              labels[b.level as keyof typeof labels] ?? b.level,
            ])}
          />
        </>
      )}
    </Card>
  );
}

export function NetBurnChartCard({ points, currency }: { points: NetBurnPoint[]; currency: string }) {
  const config = useMemo(() => aggregateNetBurnChartConfig(points, currency), [points, currency]);
  if (points.length === 0 || points.every((p) => p.companies === 0)) {
    return (
      <Card title="Aggregate net burn">
        <EmptyState title="No monthly reports shared yet" />
      </Card>
    );
  }
  const range = formatMonthRange(points[0]!.month, points.at(-1)!.month);
  const missing = points.filter((p) => p.missingCompanies > 0);
  return (
    <Card title="Aggregate net burn">
      <p className="mb-3 text-xs text-slate-600">
        Net burn (operating spend − revenue) summed over the companies that share financials and reported each month ({range}), each converted into {currency} at
        that month&apos;s rate.
        {missing.length > 0 ? (
          <strong className="font-medium text-amber-800" data-testid="net-burn-missing">
            {" "}
            Rate missing for {missing.map((p) => `${p.month} (${p.missingCurrencies.join(", ")})`).join("; ")}: those months show only the part that could be
            converted, in grey, and no total.
          </strong>
        ) : null}
      </p>
      <ChartCanvas config={config} label={`Bar chart of aggregate net burn by month, ${range}, in ${currency}`} />
      <DataTable
        caption={`Aggregate net burn by month, ${range}`}
        head={["Month", `Net burn (${currency})`, "Companies reporting", "Rate missing"]}
        rows={points.map((p) => [
          p.month,
          p.netBurn !== null ? formatMoney(p.netBurn, currency) : p.missingCompanies > 0 ? `rate missing (converted part ${formatMoney(p.convertedPart, currency)})` : "no reports",
          p.companies,
          p.missingCompanies > 0 ? `${plural(p.missingCompanies, "company", "companies")}: ${p.missingCurrencies.join(", ")}` : "—",
        ])}
      />
    </Card>
  );
}

export function RaisedChartCard({ raised, currency }: { raised: RaisedByInstrument; currency: string }) {
  const config = useMemo(() => capitalRaisedChartConfig(raised, currency), [raised, currency]);
  if (raised.rounds === 0) {
    return (
      <Card title="Capital raised by instrument">
        <EmptyState title="No funding rounds shared yet">
          <p>Companies that share “funding &amp; debt” show their rounds here.</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card title="Capital raised by instrument">
      <p className="mb-3 text-xs text-slate-600">
        {formatMoney(raised.total, currency)} over {plural(raised.rounds - raised.missingRounds, "round")} of the companies that share funding &amp; debt, each
        round converted into {currency} at its close month&apos;s rate.
        {raised.missingRounds > 0 ? (
          <strong className="font-medium text-amber-800"> {plural(raised.missingRounds, "round")} left out: rate missing for its close month.</strong>
        ) : null}
      </p>
      <ChartCanvas config={config} label={`Bar chart of capital raised by instrument in ${currency}`} />
      <DataTable
        caption="Capital raised by instrument"
        head={["Instrument", `Raised (${currency})`, "Rounds", "Rate missing"]}
        rows={raised.rows.map((r) => [instrumentLabel(r.instrument), formatMoney(r.amount, currency), r.rounds, r.missingRounds > 0 ? plural(r.missingRounds, "round") : "—"])}
        foot={["Total", formatMoney(raised.total, currency), raised.rounds, raised.missingRounds > 0 ? plural(raised.missingRounds, "round") : "—"]}
      />
    </Card>
  );
}

export function HeatMapCard({
  cells,
  bands,
  cellHref,
  allHref,
}: {
  cells: number[][];
  bands: RiskBandThresholds;
  cellHref: (likelihood: number, impact: number) => string;
  allHref: string;
}) {
  const total = cells.flat().reduce((a, b) => a + b, 0);
  return (
    <Card title="Portfolio risk heat map" actions={total > 0 ? <Link to={allHref} className="text-sm text-indigo-700 underline">All {total} risks</Link> : undefined}>
      {total === 0 ? (
        <EmptyState title="No open risks shared">
          <p>Companies that share their risk register show their open and mitigating risks here.</p>
        </EmptyState>
      ) : (
        <PortfolioHeatMap
          cells={cells}
          bands={bands}
          cellHref={cellHref}
          caption={`Open and mitigating risks of the companies that share risks, by likelihood and impact: ${total} in all. ${HEAT_MAP_HINT} Score = likelihood × impact, bands ${riskBandsText(bands)}. Choose a count to list its risks.`}
        />
      )}
    </Card>
  );
}
