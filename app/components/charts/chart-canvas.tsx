import { createContext, useContext, useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import type { ChartConfiguration } from "chart.js";
import { useT } from "~/i18n";
import { browserDrawEnvironment, scheduleDraw } from "./draw-schedule";
import { chartLegend, type LegendItem } from "./legend";
import { dashboard_chart_failed } from "~/paraglide/messages/dashboard_chart_failed.js";
import { dashboard_chart_loading } from "~/paraglide/messages/dashboard_chart_loading.js";

export type DashboardChartConfig = ChartConfiguration<"line", (number | null)[], string> | ChartConfiguration<"bar", (number | null)[], string>;

/** On paper a chart is at most this tall (CSS px): two pages hold a company's whole report (docs/printing.md). */
const PRINT_HEIGHT_MAX = 170;

/**
 * True under a page meant for paper (the share report): its charts draw at once rather than
 * when they come near the screen (draw-schedule.ts), so a PDF or a print has every chart.
 */
export const DrawChartsAtOnce = createContext(false);

type ChartModule = typeof import("./chartjs");
/** Chart.js once it has loaded: later draws (say, right before printing) need not wait for import(). */
let loadedChartModule: ChartModule | undefined;

/**
 * Renders a Chart.js config on the client only: the server sends an empty canvas with a
 * text fallback in a box of the chart's height (nothing moves when it draws); when the chart
 * comes near the screen, an idle moment loads Chart.js and draws. Pass a memoised config; a
 * new config object redraws the chart. `label` (the chart's accessible name) comes translated.
 *
 * Printing: the box takes `--chart-print-height` on paper (app/tailwind.css), and the chart is
 * redrawn for the paper's box when print media starts and for the screen's when it ends —
 * Chart.js follows its box only through a ResizeObserver, which does not run while printing.
 */
export function ChartCanvas({
  config,
  label,
  height = 280,
  printHeight = Math.min(height, PRINT_HEIGHT_MAX),
}: {
  config: DashboardChartConfig;
  label: string;
  height?: number;
  printHeight?: number;
}) {
  const t = useT();
  const atOnce = useContext(DrawChartsAtOnce);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const legend = useMemo(() => chartLegend(config), [config]);

  useEffect(() => {
    let cancelled = false;
    let chart: { destroy(): void; resize(): void; update(mode?: "none"): void } | undefined;
    const print = window.matchMedia("print");
    const drawWith = ({ chartFor, paperLook }: ChartModule) => {
      if (cancelled || !canvas.current) return;
      const Chart = chartFor(config.type);
      paperLook(print.matches);
      chart = new Chart(canvas.current, config as ChartConfiguration);
      setState("ready");
    };
    const draw = () => {
      if (loadedChartModule) return drawWith(loadedChartModule);
      import("./chartjs")
        .then((module) => {
          loadedChartModule = module;
          drawWith(module);
        })
        .catch(() => {
          if (!cancelled) setState("failed");
        });
    };
    const cancel = box.current ? scheduleDraw(box.current, draw, browserDrawEnvironment(atOnce)) : undefined;
    // Paper type while printing (chartjs.ts paperLook), then the chart redrawn for its box.
    const redraw = (paper: boolean) => {
      if (!chart || !loadedChartModule) return;
      loadedChartModule.paperLook(paper);
      chart.update("none");
      chart.resize();
    };
    const onChange = () => redraw(print.matches);
    const onBeforePrint = () => redraw(true);
    const onAfterPrint = () => redraw(print.matches);
    print.addEventListener("change", onChange);
    window.addEventListener("beforeprint", onBeforePrint);
    window.addEventListener("afterprint", onAfterPrint);
    return () => {
      cancelled = true;
      cancel?.();
      print.removeEventListener("change", onChange);
      window.removeEventListener("beforeprint", onBeforePrint);
      window.removeEventListener("afterprint", onAfterPrint);
      chart?.destroy();
    };
  }, [config, atOnce]);

  return (
    <div ref={box} className="flex flex-col" data-chart-box="" style={{ height, "--chart-print-height": `${printHeight}px` } as CSSProperties}>
      {/* Chart.js sizes the canvas to this box, which holds nothing else (its responsive rule). */}
      <div className="relative min-h-0 flex-1">
        <canvas ref={canvas} role="img" aria-label={label}>
          {label}
        </canvas>
        {state !== "ready" ? (
          <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-500" aria-hidden="true">
            {state === "loading" ? t(dashboard_chart_loading) : t(dashboard_chart_failed)}
          </p>
        ) : null}
      </div>
      <ChartLegend items={legend} />
    </div>
  );
}

/** The colours' meanings under the chart, as text (legend.ts says why it is not Chart.js's). */
function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul
      className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700 print:mt-1 print:gap-x-2 print:text-[8px]"
      data-testid="chart-legend"
    >
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={item.line ? "inline-block w-6 border-t-2 print:w-3" : "inline-block h-3 w-6 rounded-sm print:h-2 print:w-3"}
            style={item.line ? { borderColor: item.colour, borderTopStyle: item.dashed ? "dashed" : "solid" } : { backgroundColor: item.colour }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
