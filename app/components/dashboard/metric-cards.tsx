import { useMemo } from "react";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import { onCalendar } from "~/components/charts/calendar";
import { metricChartConfig } from "~/components/charts/metric";
import { ChartDataTable } from "~/components/ui/chart-data-table";
import { Card } from "~/components/ui/layout";
import { TextLink } from "~/components/ui/button";
import { useLocale, useT } from "~/i18n";
import { monthCell, monthText } from "~/i18n/display";
import { formatMetricValue, metricName } from "~/i18n/metric-format";
import { METRIC_DIRECTION_KEYS, METRIC_UNIT_KEYS } from "~/domain/metric";
import type { MetricView } from "~/views/metrics";
import { dashboard_chart_month } from "~/paraglide/messages/dashboard_chart_month.js";
import { dashboard_chart_showTable } from "~/paraglide/messages/dashboard_chart_showtable1.js";
import { dashboard_metrics_caption } from "~/paraglide/messages/dashboard_metrics_caption.js";
import { dashboard_metrics_chartLabel } from "~/paraglide/messages/dashboard_metrics_chartlabel1.js";
import { dashboard_metrics_latest } from "~/paraglide/messages/dashboard_metrics_latest.js";
import { dashboard_metrics_noMonth } from "~/paraglide/messages/dashboard_metrics_nomonth1.js";
import { dashboard_metrics_noValues } from "~/paraglide/messages/dashboard_metrics_novalues1.js";
import { dashboard_metrics_title } from "~/paraglide/messages/dashboard_metrics_title.js";
import { dashboard_metrics_value } from "~/paraglide/messages/dashboard_metrics_value.js";

/** How many months a metric card shows. */
const CARD_MONTHS = 12;

/** One custom metric: its latest value, a small chart of its last year and the same figures as a table. */
export function MetricCard({ metric, currency, href }: { metric: MetricView; currency: string; href?: string }) {
  const t = useT();
  const locale = useLocale();
  const name = metricName(locale, metric);
  const config = useMemo(() => metricChartConfig({ ...metric, name }, currency, t, CARD_MONTHS), [metric, name, currency, t]);
  const latest = metric.values.at(-1);
  const format = (value: string | null | undefined) => formatMetricValue(locale, value, metric.unit, currency);
  const slots = onCalendar(metric.values.slice(-CARD_MONTHS));
  return (
    <Card title={name} actions={href ? <TextLink to={href}>{t(dashboard_metrics_value)}</TextLink> : undefined}>
      <p className="mb-2 text-xs text-slate-600">
        {t(METRIC_UNIT_KEYS[metric.unit])} · {t(METRIC_DIRECTION_KEYS[metric.direction])}
      </p>
      {latest ? (
        <>
          <p className="mb-2 text-sm">{t(dashboard_metrics_latest, { value: format(latest.value), month: monthText(t, latest.month) })}</p>
          {/* On paper a metric is its latest value: the reports' page limits leave no room for a chart per metric (decision 020). */}
          <div className="print:hidden">
            <ChartCanvas config={config} label={t(dashboard_metrics_chartLabel, { name })} height={160} />
          </div>
          <ChartDataTable
            summary={t(dashboard_chart_showTable)}
            caption={t(dashboard_metrics_caption, { name })}
            head={[t(dashboard_chart_month), name]}
            rows={[...slots].reverse().map(({ month, point }) => [monthCell(t, month), point ? format(point.value) : t(dashboard_metrics_noMonth)])}
          />
        </>
      ) : (
        <p className="text-sm text-slate-600">{t(dashboard_metrics_noValues)}</p>
      )}
    </Card>
  );
}

/** The custom metrics section of a dashboard: nothing at all when the org has none. */
export function MetricCards({ metrics, currency, hrefOf }: { metrics: MetricView[]; currency: string; hrefOf?: (metric: MetricView) => string }) {
  const t = useT();
  if (metrics.length === 0) return null;
  return (
    <section aria-labelledby="custom-metrics-heading" className="space-y-3">
      <h2 id="custom-metrics-heading" className="text-lg font-semibold">
        {t(dashboard_metrics_title)}
      </h2>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3 print:grid-cols-3 print:gap-2">
        {metrics.map((metric) => (
          <MetricCard key={metric.id} metric={metric} currency={currency} href={hrefOf?.(metric)} />
        ))}
      </div>
    </section>
  );
}
