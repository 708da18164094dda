/** What a legend reads of a chart config (any of the builders' configs has it). */
interface LegendSource {
  type: string;
  data: { datasets: readonly { label?: string; borderColor?: unknown; backgroundColor?: unknown; borderDash?: unknown }[] };
  options?: { plugins?: { legend?: { display?: boolean } } };
}

/** One entry of a chart's legend: what a colour means, and whether it is a (dashed) line or a box. */
export interface LegendItem {
  label: string;
  colour: string;
  line: boolean;
  dashed: boolean;
}

/**
 * The legend of a chart config, read from its datasets (decision 019's addendum): the page draws
 * it as HTML under the canvas, so it is there before Chart.js loads, reads aloud, translates with
 * the page, prints as text — and Chart.js's canvas legend plugin (≈ 3 KB gzipped on every chart
 * page) is not shipped. A config that hides its legend (`legend.display: false`, one series) has none.
 */
export function chartLegend(config: LegendSource): LegendItem[] {
  if (config.options?.plugins?.legend?.display === false) return [];
  return config.data.datasets.map((dataset) => {
    const line = config.type === "line";
    const colour = line ? dataset.borderColor : dataset.backgroundColor;
    return {
      label: dataset.label ?? "",
      colour: typeof colour === "string" ? colour : "#64748b",
      line,
      dashed: line && Array.isArray(dataset.borderDash),
    };
  });
}
