import type { ChartConfiguration } from "chart.js";
import type { MetricUnit } from "~/domain/metric";
import { formatterFor } from "~/i18n/format";
import { formatMetricValue } from "~/i18n/metric-format";
import type { Translator } from "~/i18n/translate";
import type { MetricView } from "~/views/metrics";
import { onCalendar } from "./calendar";
import { SERIES_COLOURS } from "./palette";
import { dashboard_chart_tooltip } from "~/paraglide/messages/dashboard_chart_tooltip.js";

/**
 * One custom metric over its last `months` months with a value, as a line on the calendar
 * (a month without a value is a gap, never a zero). The line is drawn from numbers; the
 * tooltip and the ticks show the exact stored decimals, formatted with the metric's unit.
 */
export function metricChartConfig(
  metric: Pick<MetricView, "values" | "unit"> & { name: string },
  currency: string,
  t: Translator,
  months = 12,
): ChartConfiguration<"line", (number | null)[], string> {
  const f = formatterFor(t.locale);
  const slots = onCalendar(metric.values.slice(-months));
  const exact = slots.map((s) => s.point?.value ?? null);
  const unit: MetricUnit = metric.unit;
  return {
    type: "line",
    data: {
      labels: slots.map((s) => f.month(s.month)),
      datasets: [
        {
          label: metric.name,
          data: exact.map((v) => (v === null ? null : Number(v))),
          borderColor: SERIES_COLOURS.cash,
          backgroundColor: SERIES_COLOURS.cash,
          spanGaps: false,
          tension: 0,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: { y: { ticks: { callback: (value: string | number) => formatMetricValue(t.locale, String(value), unit, currency) } } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: { dataIndex: number; dataset: { label?: string } }) =>
              t(dashboard_chart_tooltip, { label: item.dataset.label ?? "", value: formatMetricValue(t.locale, exact[item.dataIndex], unit, currency) }),
          },
        },
      },
    },
  };
}
