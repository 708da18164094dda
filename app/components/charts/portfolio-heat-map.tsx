import { Link } from "@remix-run/react";
import type { RiskBandThresholds } from "~/finance/risk";
import { useT } from "~/i18n";
import { IMPACT_KEYS, LIKELIHOOD_KEYS, RISK_BAND_WORD_KEYS } from "~/lib/portfolio-query";
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
  const t = useT();
  const rows = heatMapRows(cells, bands);
  return (
    <>
      <table className="w-full max-w-lg table-fixed border-separate border-spacing-1 text-center text-sm" data-testid="portfolio-heat-map">
        <caption className="mb-2 text-left text-xs text-slate-600">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-20 text-left text-xs font-medium text-slate-600 sm:w-28">
              {t("investor.heatMap.corner")}
            </th>
            {[1, 2, 3, 4, 5].map((impact) => (
              <th key={impact} scope="col" className="text-xs font-medium text-slate-600">
                {impact}
                {/* On a phone the words do not fit the columns: screen readers still get them. */}
                <span className="sr-only text-[10px] font-normal sm:not-sr-only sm:block">{t(IMPACT_KEYS[impact]!)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]!.likelihood}>
              <th scope="row" className="text-left text-xs font-medium text-slate-600">
                {row[0]!.likelihood} <span className="sr-only text-[10px] font-normal sm:not-sr-only">{t(LIKELIHOOD_KEYS[row[0]!.likelihood]!)}</span>
              </th>
              {row.map((cell) => {
                const describe = t("investor.heatMap.cell", {
                  count: cell.count,
                  likelihood: cell.likelihood,
                  impact: cell.impact,
                  score: cell.score,
                  band: t(RISK_BAND_WORD_KEYS[cell.band]),
                });
                return (
                  <td key={cell.impact} className={`h-10 rounded p-0 ${cell.className}`} title={describe} data-cell={`${cell.likelihood}x${cell.impact}`}>
                    {cell.count > 0 ? (
                      <Link to={cellHref(cell.likelihood, cell.impact)} aria-label={describe} className="block px-0.5 py-2 font-bold sm:p-2">
                        <span className="underline">{cell.count}</span>
                        <CellBand band={cell.band} />
                      </Link>
                    ) : (
                      <span className="block px-0.5 py-2 sm:p-2">
                        0<span className="sr-only">{t("investor.heatMap.emptyCell", { likelihood: cell.likelihood, impact: cell.impact })}</span>
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
