import { useEffect, useRef, useState, type CSSProperties } from "react";
import type { ChartConfiguration } from "chart.js";
import { useT } from "~/i18n";
import { dashboard_chart_failed } from "~/paraglide/messages/dashboard_chart_failed.js";
import { dashboard_chart_loading } from "~/paraglide/messages/dashboard_chart_loading.js";

export type DashboardChartConfig = ChartConfiguration<"line", (number | null)[], string> | ChartConfiguration<"bar", (number | null)[], string>;

/** On paper a chart is at most this tall (CSS px): two pages hold a company's whole report (docs/printing.md). */
const PRINT_HEIGHT_MAX = 170;

/**
 * Renders a Chart.js config on the client only: the server sends an empty canvas with a
 * text fallback, and the effect loads Chart.js and draws. Pass a memoised config; a new
 * config object redraws the chart. `label` (the chart's accessible name) comes translated.
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
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let cancelled = false;
    let chart: { destroy(): void; resize(): void } | undefined;
    import("./chartjs")
      .then(({ chartFor }) => {
        if (cancelled || !canvas.current) return;
        const Chart = chartFor(config.type);
        chart = new Chart(canvas.current, config as ChartConfiguration);
        setState("ready");
      })
      .catch(() => {
        if (!cancelled) setState("failed");
      });
    const print = window.matchMedia("print");
    const fit = () => chart?.resize();
    print.addEventListener("change", fit);
    window.addEventListener("beforeprint", fit);
    window.addEventListener("afterprint", fit);
    return () => {
      cancelled = true;
      print.removeEventListener("change", fit);
      window.removeEventListener("beforeprint", fit);
      window.removeEventListener("afterprint", fit);
      chart?.destroy();
    };
  }, [config]);

  return (
    <div className="relative" data-chart-box="" style={{ height, "--chart-print-height": `${printHeight}px` } as CSSProperties}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
      {state !== "ready" ? (
        <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-500" aria-hidden="true">
          {state === "loading" ? t(dashboard_chart_loading) : t(dashboard_chart_failed)}
        </p>
      ) : null}
    </div>
  );
}
