import type { RiskBandThresholds } from "~/finance/risk";
import { heatMapRows } from "./heat-map";
import { CellBand, RiskBandLegend } from "./risk-band-legend";

const LIKELIHOOD_WORDS = ["", "rare", "unlikely", "possible", "likely", "almost certain"];
const IMPACT_WORDS = ["", "minor", "moderate", "significant", "major", "severe"];

/** A 5×5 risk matrix as an HTML table: readable by screen readers and printable as is. */
/** `bands`: the org's risk bands, which colour each cell by its score. */
export function RiskHeatMap({ cells, caption, bands }: { cells: number[][]; caption: string; bands: RiskBandThresholds }) {
  const rows = heatMapRows(cells, bands);
  return (
    <>
      <table className="w-full max-w-md table-fixed border-separate border-spacing-1 text-center text-sm" data-testid="risk-heat-map">
        <caption className="mb-2 text-left text-xs text-slate-600">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-20 text-left text-xs font-medium text-slate-600 sm:w-28">
              Likelihood ↓ / impact →
            </th>
            {[1, 2, 3, 4, 5].map((impact) => (
              <th key={impact} scope="col" className="text-xs font-medium text-slate-600" title={IMPACT_WORDS[impact]}>
                {impact}
                <span className="sr-only"> ({IMPACT_WORDS[impact]})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0].likelihood}>
              <th scope="row" className="text-left text-xs font-medium text-slate-600" title={LIKELIHOOD_WORDS[row[0].likelihood]}>
                {row[0].likelihood}
                <span className="sr-only"> ({LIKELIHOOD_WORDS[row[0].likelihood]})</span>
              </th>
              {row.map((cell) => (
                <td
                  key={cell.impact}
                  className={`h-10 rounded ${cell.className} ${cell.count === 0 ? "" : "font-bold"}`}
                  title={`Likelihood ${cell.likelihood} × impact ${cell.impact} = score ${cell.score} (${cell.band}): ${cell.count} risk${cell.count === 1 ? "" : "s"}`}
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
