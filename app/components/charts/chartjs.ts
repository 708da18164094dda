/**
 * The only module that imports the Chart.js runtime. Chart components load it with a
 * dynamic import from an effect, so it never runs on the server and stays out of the
 * main bundle; it registers only the parts our charts use (no "chart.js/auto"). The legend is
 * the page's HTML (legend.ts), not Chart.js's plugin.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

const PARTS = {
  line: [LineController, LineElement, PointElement],
  bar: [BarController, BarElement],
} as const;

export type SupportedChartType = keyof typeof PARTS;

/**
 * Chart with the parts for `type` (plus axes and tooltip) registered. People who ask
 * their system for reduced motion get charts drawn at once, without the grow-in animation.
 */
export function chartFor(type: SupportedChartType): typeof Chart {
  Chart.register(CategoryScale, LinearScale, Tooltip, ...PARTS[type]);
  if (typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches) Chart.defaults.animation = false;
  return Chart;
}

/** The screen's type size, kept the first time paper changes it. */
let screenSize: number | undefined;

/**
 * Paper or screen type for every chart (docs/printing.md): on paper a chart box is at most
 * 120 px high (140 on a landscape sheet), and Chart.js's 12 px ticks would leave its plot a
 * sliver, so while printing they are 8 px (the HTML legend has its own print size). Redraw after it.
 */
export function paperLook(paper: boolean) {
  screenSize ??= Chart.defaults.font.size;
  Chart.defaults.font.size = paper ? 8 : screenSize;
}
