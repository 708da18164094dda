import { Link } from "@remix-run/react";
import type { RiskBandThresholds } from "~/finance/risk";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_BAND_LABELS } from "~/lib/risk-labels";
import { heatMapRows } from "./heat-map";
import { CellBand, RiskBandLegend } from "./risk-band-legend";

/**
 * The portfolio's 5×5 risk matrix as an HTML table (it is its own table alternative): each
 * count links to the drill-down page listing the risks behind it. `cellHref` builds that
 * link, so the drill-down keeps the page's filters.
 */
export function PortfolioHeatMap({
  cells,
  bands,
  caption,
  cellHref,
}: {
  cells: number[][];
  bands: RiskBandThresholds;
  caption: string;
  cellHref: (likelihood: number, impact: number) => string;
}) {
  const rows = heatMapRows(cells, bands);
  return (
    <>
      <table className="w-full max-w-lg table-fixed border-separate border-spacing-1 text-center text-sm" data-testid="portfolio-heat-map">
        <caption className="mb-2 text-left text-xs text-slate-600">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-20 text-left text-xs font-medium text-slate-600 sm:w-28">
              Likelihood ↓ / impact →
            </th>
            {[1, 2, 3, 4, 5].map((impact) => (
              <th key={impact} scope="col" className="text-xs font-medium text-slate-600">
                {impact}
                {/* On a phone the words do not fit the columns: screen readers still get them. */}
                <span className="sr-only text-[10px] font-normal sm:not-sr-only sm:block">{IMPACT_LABELS[impact]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]!.likelihood}>
              <th scope="row" className="text-left text-xs font-medium text-slate-600">
                {row[0]!.likelihood} <span className="sr-only text-[10px] font-normal sm:not-sr-only">{LIKELIHOOD_LABELS[row[0]!.likelihood]}</span>
              </th>
              {row.map((cell) => {
                const describe = `${cell.count} ${cell.count === 1 ? "risk" : "risks"} with likelihood ${cell.likelihood} and impact ${cell.impact}: score ${cell.score}, ${RISK_BAND_LABELS[cell.band].toLowerCase()}`;
                return (
                  <td key={cell.impact} className={`h-10 rounded p-0 ${cell.className}`} title={describe} data-cell={`${cell.likelihood}x${cell.impact}`}>
                    {cell.count > 0 ? (
                      <Link to={cellHref(cell.likelihood, cell.impact)} aria-label={describe} className="block px-0.5 py-2 font-bold sm:p-2">
                        <span className="underline">{cell.count}</span>
                        <CellBand band={cell.band} />
                      </Link>
                    ) : (
                      <span className="block px-0.5 py-2 sm:p-2">
                        0<span className="sr-only"> risks with likelihood {cell.likelihood} and impact {cell.impact}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <RiskBandLegend bands={bands} />
    </>
  );
}
