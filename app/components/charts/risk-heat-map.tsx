import { HeatMap } from "~/components/ui/heat-map";
import type { RiskBandThresholds } from "~/finance/risk";
import { useT } from "~/i18n";
import { heatMapCellTitle, impactWord, likelihoodWord } from "./heat-map";
import { dashboard_heatMap_corner } from "~/paraglide/messages/dashboard_heatmap_corner1.js";

/**
 * The dashboard's heat map (also in a company's share report): the HeatMap in a card, cells
 * not linked, in the dashboard's words. `bands`: the org's risk bands; `caption` comes translated.
 */
export function RiskHeatMap({
  cells,
  caption,
  bands,
  countsAccepted = false,
}: {
  cells: number[][];
  caption: string;
  bands: RiskBandThresholds;
  countsAccepted?: boolean;
}) {
  const t = useT();
  return (
    <HeatMap
      look="card"
      testId="risk-heat-map"
      cells={cells}
      bands={bands}
      caption={caption}
      corner={t(dashboard_heatMap_corner)}
      impactWord={(impact) => impactWord(t, impact)}
      likelihoodWord={(likelihood) => likelihoodWord(t, likelihood)}
      describeCell={(cell) => heatMapCellTitle(t, cell)}
      countsAccepted={countsAccepted}
    />
  );
}
