import { riskBand, type RiskBand, type RiskBandThresholds, DEFAULT_RISK_BANDS } from "~/finance/risk";
import type { Translator } from "~/i18n/translate";
import { RISK_BAND_CELL_CLASSES } from "./palette";
import { dashboard_heatMap_cell } from "~/paraglide/messages/dashboard_heatmap_cell1.js";
import { dashboard_heatMap_impact_1 } from "~/paraglide/messages/dashboard_heatmap_impact_11.js";
import { dashboard_heatMap_impact_2 } from "~/paraglide/messages/dashboard_heatmap_impact_21.js";
import { dashboard_heatMap_impact_3 } from "~/paraglide/messages/dashboard_heatmap_impact_31.js";
import { dashboard_heatMap_impact_4 } from "~/paraglide/messages/dashboard_heatmap_impact_41.js";
import { dashboard_heatMap_impact_5 } from "~/paraglide/messages/dashboard_heatmap_impact_51.js";
import { dashboard_heatMap_likelihood_1 } from "~/paraglide/messages/dashboard_heatmap_likelihood_11.js";
import { dashboard_heatMap_likelihood_2 } from "~/paraglide/messages/dashboard_heatmap_likelihood_21.js";
import { dashboard_heatMap_likelihood_3 } from "~/paraglide/messages/dashboard_heatmap_likelihood_31.js";
import { dashboard_heatMap_likelihood_4 } from "~/paraglide/messages/dashboard_heatmap_likelihood_41.js";
import { dashboard_heatMap_likelihood_5 } from "~/paraglide/messages/dashboard_heatmap_likelihood_51.js";
import { dashboard_risk_band_critical } from "~/paraglide/messages/dashboard_risk_band_critical.js";
import { dashboard_risk_band_high } from "~/paraglide/messages/dashboard_risk_band_high.js";
import { dashboard_risk_band_low } from "~/paraglide/messages/dashboard_risk_band_low.js";
import { dashboard_risk_band_medium } from "~/paraglide/messages/dashboard_risk_band_medium.js";

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

type Step = 1 | 2 | 3 | 4 | 5;
const isStep = (n: number): n is Step => n >= 1 && n <= 5 && Number.isInteger(n);

/** What a step of the likelihood scale means: 1 → "rare" / "罕见". */
export function likelihoodWord(t: Translator, likelihood: number): string {
  return isStep(likelihood)
    ? t(
        {
          "1": dashboard_heatMap_likelihood_1,
          "2": dashboard_heatMap_likelihood_2,
          "3": dashboard_heatMap_likelihood_3,
          "4": dashboard_heatMap_likelihood_4,
          "5": dashboard_heatMap_likelihood_5,
        }[likelihood],
      )
    : String(likelihood);
}

/** What a step of the impact scale means: 5 → "severe" / "严重". */
export function impactWord(t: Translator, impact: number): string {
  return isStep(impact)
    ? t(
        {
          "1": dashboard_heatMap_impact_1,
          "2": dashboard_heatMap_impact_2,
          "3": dashboard_heatMap_impact_3,
          "4": dashboard_heatMap_impact_4,
          "5": dashboard_heatMap_impact_5,
        }[impact],
      )
    : String(impact);
}

/** A band's name in running text: "critical" / "严重". */
export function riskBandWord(t: Translator, band: RiskBand): string {
  return t({ critical: dashboard_risk_band_critical, high: dashboard_risk_band_high, low: dashboard_risk_band_low, medium: dashboard_risk_band_medium }[band]);
}

/** A cell's tooltip: "Likelihood 4 × impact 5 = score 20 (critical): 2 risks". */
export function heatMapCellTitle(t: Translator, cell: HeatMapCell): string {
  return t(dashboard_heatMap_cell, {
    likelihood: cell.likelihood,
    impact: cell.impact,
    score: cell.score,
    band: riskBandWord(t, cell.band),
    count: cell.count,
  });
}
