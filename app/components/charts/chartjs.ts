/**
 * The only module that imports the Chart.js runtime. Chart components load it with a
 * dynamic import from an effect, so it never runs on the server and stays out of the
 * main bundle; it registers only the parts our charts use (no "chart.js/auto").
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

const PARTS = {
  line: [LineController, LineElement, PointElement],
  bar: [BarController, BarElement],
} as const;

export type SupportedChartType = keyof typeof PARTS;

/**
 * Chart with the parts for `type` (plus axes, tooltip and legend) registered. People who ask
 * their system for reduced motion get charts drawn at once, without the grow-in animation.
 */
export function chartFor(type: SupportedChartType): typeof Chart {
  Chart.register(CategoryScale, LinearScale, Tooltip, Legend, ...PARTS[type]);
  if (typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches) Chart.defaults.animation = false;
  return Chart;
}

/** The screen's look, kept the first time paper changes it. */
let screenLook: { size: number | undefined; boxWidth: number; padding: number } | undefined;

/**
 * Paper or screen type for every chart (docs/printing.md): on paper a chart box is at most
 * 120 px high (140 on a landscape sheet), and Chart.js's 12 px ticks and 40 px legend swatches
 * would leave its plot a sliver, so while printing they are 8 px and 10 px. Redraw after it.
 */
export function paperLook(paper: boolean) {
  const labels = Chart.defaults.plugins.legend.labels;
  screenLook ??= { size: Chart.defaults.font.size, boxWidth: labels.boxWidth, padding: labels.padding };
  Chart.defaults.font.size = paper ? 8 : screenLook.size;
  labels.boxWidth = paper ? 10 : screenLook.boxWidth;
  labels.padding = paper ? 4 : screenLook.padding;
}
