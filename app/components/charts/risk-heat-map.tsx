import type { RiskBandThresholds } from "~/finance/risk";
import { useT } from "~/i18n";
import { heatMapCellTitle, heatMapRows, impactWord, likelihoodWord } from "./heat-map";
import { CellBand, RiskBandLegend } from "./risk-band-legend";

/** A 5×5 risk matrix as an HTML table: readable by screen readers and printable as is. */
/** `bands`: the org's risk bands, which colour each cell by its score. `caption` comes translated. */
export function RiskHeatMap({ cells, caption, bands }: { cells: number[][]; caption: string; bands: RiskBandThresholds }) {
  const t = useT();
  const rows = heatMapRows(cells, bands);
  return (
    <>
      <table className="w-full max-w-md table-fixed border-separate border-spacing-1 text-center text-sm" data-testid="risk-heat-map">
        <caption className="mb-2 text-left text-xs text-slate-600">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-20 text-left text-xs font-medium text-slate-600 sm:w-28">
              {t("dashboard.heatMap.corner")}
            </th>
            {[1, 2, 3, 4, 5].map((impact) => (
              <th key={impact} scope="col" className="text-xs font-medium text-slate-600" title={impactWord(t, impact)}>
                {impact}
                <span className="sr-only"> ({impactWord(t, impact)})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0].likelihood}>
              <th scope="row" className="text-left text-xs font-medium text-slate-600" title={likelihoodWord(t, row[0].likelihood)}>
                {row[0].likelihood}
                <span className="sr-only"> ({likelihoodWord(t, row[0].likelihood)})</span>
              </th>
              {row.map((cell) => (
                <td
                  key={cell.impact}
                  className={`h-10 rounded ${cell.className} ${cell.count === 0 ? "" : "font-bold"}`}
                  title={heatMapCellTitle(t, cell)}
                  data-cell={`${cell.likelihood}x${cell.impact}`}
                >
                  {cell.count > 0 ? (
                    <>
                      {cell.count}
                      <CellBand band={cell.band} />
                    </>
                  ) : (
                    <>
                      <span aria-hidden="true">·</span>
                      <span className="sr-only">0</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <RiskBandLegend bands={bands} />
    </>
  );
}
