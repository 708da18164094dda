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
