import { riskBand, type RiskBand, type RiskBandThresholds, DEFAULT_RISK_BANDS } from "~/finance/risk";
import { RISK_BAND_CELL_CLASSES } from "./palette";

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  count: number;
  className: string;
}

/**
 * The 5×5 grid as table rows: highest likelihood first (the top-right corner is the worst,
 * as on a paper risk matrix), impact 1…5 left to right. `cells` is riskHeatMap's output,
 * cells[likelihood − 1][impact − 1].
 */
export function heatMapRows(cells: readonly (readonly number[])[], bands: RiskBandThresholds = DEFAULT_RISK_BANDS): HeatMapCell[][] {
  return [5, 4, 3, 2, 1].map((likelihood) =>
    [1, 2, 3, 4, 5].map((impact) => {
      const score = likelihood * impact;
      const band = riskBand(score, bands);
      return { likelihood, impact, score, band, count: cells[likelihood - 1]?.[impact - 1] ?? 0, className: RISK_BAND_CELL_CLASSES[band] };
    }),
  );
}
