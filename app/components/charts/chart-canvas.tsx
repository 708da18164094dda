import { useEffect, useRef, useState } from "react";
import type { ChartConfiguration } from "chart.js";
import { useT } from "~/i18n";
import { dashboard_chart_failed } from "~/paraglide/messages/dashboard_chart_failed.js";
import { dashboard_chart_loading } from "~/paraglide/messages/dashboard_chart_loading.js";

export type DashboardChartConfig = ChartConfiguration<"line", (number | null)[], string> | ChartConfiguration<"bar", (number | null)[], string>;

/**
 * Renders a Chart.js config on the client only: the server sends an empty canvas with a
 * text fallback, and the effect loads Chart.js and draws. Pass a memoised config; a new
 * config object redraws the chart. `label` (the chart's accessible name) comes translated.
 */
export function ChartCanvas({ config, label, height = 280 }: { config: DashboardChartConfig; label: string; height?: number }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let cancelled = false;
    let chart: { destroy(): void } | undefined;
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
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [config]);

  return (
    <div className="relative" style={{ height }}>
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
