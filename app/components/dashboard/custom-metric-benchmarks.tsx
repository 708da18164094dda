import { Badge } from "~/components/ui/layout";
import { Table, TableHead, Td, Th } from "~/components/ui/table";
import type { QuartilePosition } from "~/finance";
import { useLocale, useT } from "~/i18n";
import { monthText } from "~/i18n/display";
import { formatMetricValue, metricName } from "~/i18n/metric-format";
import type { PlainKey } from "~/i18n/translate";
import type { CustomMetricBenchmark } from "~/views/benchmarks";
import { dashboard_benchmarks_above_p75 } from "~/paraglide/messages/dashboard_benchmarks_above_p75.js";
import { dashboard_benchmarks_below_p25 } from "~/paraglide/messages/dashboard_benchmarks_below_p25.js";
import { dashboard_benchmarks_custom_caption } from "~/paraglide/messages/dashboard_benchmarks_custom_caption.js";
import { dashboard_benchmarks_custom_screenOnly } from "~/paraglide/messages/dashboard_benchmarks_custom_screenonly1.js";
import { dashboard_benchmarks_custom_intro } from "~/paraglide/messages/dashboard_benchmarks_custom_intro.js";
import { dashboard_benchmarks_custom_month } from "~/paraglide/messages/dashboard_benchmarks_custom_month.js";
import { dashboard_benchmarks_median } from "~/paraglide/messages/dashboard_benchmarks_median.js";
import { dashboard_benchmarks_median_to_p75 } from "~/paraglide/messages/dashboard_benchmarks_median_to_p75.js";
import { dashboard_benchmarks_metric } from "~/paraglide/messages/dashboard_benchmarks_metric.js";
import { dashboard_benchmarks_p25 } from "~/paraglide/messages/dashboard_benchmarks_p25.js";
import { dashboard_benchmarks_p25_to_median } from "~/paraglide/messages/dashboard_benchmarks_p25_to_median.js";
import { dashboard_benchmarks_p75 } from "~/paraglide/messages/dashboard_benchmarks_p75.js";
import { dashboard_benchmarks_position } from "~/paraglide/messages/dashboard_benchmarks_position.js";
import { dashboard_benchmarks_tooFew } from "~/paraglide/messages/dashboard_benchmarks_toofew1.js";

/** The benchmark tables' header row: the metric, the company, then the peers' three quartiles. */
export function PeerTableHead({ companyName }: { companyName: string }) {
  const t = useT();
  return (
    <TableHead className="border-b border-slate-200 text-left text-slate-600">
      <Th>{t(dashboard_benchmarks_metric)}</Th>
      <Th numeric>{companyName}</Th>
      <Th numeric>{t(dashboard_benchmarks_p25)}</Th>
      <Th numeric>{t(dashboard_benchmarks_median)}</Th>
      <Th numeric last>
        {t(dashboard_benchmarks_p75)}
      </Th>
    </TableHead>
  );
}

/** The peers' three quartiles as table cells, or one cell saying there are too few to show. */
export function PeerCells<V>({ peers, format }: { peers: { p25: V; median: V; p75: V } | null; format: (value: V) => string }) {
  const t = useT();
  if (!peers)
    return (
      <td colSpan={3} className="py-2 text-right text-xs text-slate-600">
        {t(dashboard_benchmarks_tooFew)}
      </td>
    );
  return (
    <>
      <Td numeric>{format(peers.p25)}</Td>
      <Td numeric>{format(peers.median)}</Td>
      <Td numeric last>
        {format(peers.p75)}
      </Td>
    </>
  );
}

const POSITIONS: Record<QuartilePosition, PlainKey> = {
  below_p25: dashboard_benchmarks_below_p25,
  p25_to_median: dashboard_benchmarks_p25_to_median,
  median_to_p75: dashboard_benchmarks_median_to_p75,
  above_p75: dashboard_benchmarks_above_p75,
};

/**
 * The company's custom metrics against peers that report the same metric (decision 027): the
 * same quartiles, the same floor of 5 and the same wording as the built-in benchmarks above it.
 */
export function CustomMetricBenchmarks({ companyName, metrics, currency }: { companyName: string; metrics: CustomMetricBenchmark[]; currency: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {/* On paper the company report keeps to two pages (docs/printing.md): this table stays on the screen, and the sheet says so. */}
      <p className="mt-3 hidden text-xs text-slate-600 print:block">{t(dashboard_benchmarks_custom_screenOnly)}</p>
      <div className="mt-6 print:hidden" data-testid="custom-metric-benchmarks">
        <p className="mb-3 text-xs text-slate-600">{t(dashboard_benchmarks_custom_intro, { company: companyName })}</p>
        <Table caption={t(dashboard_benchmarks_custom_caption, { company: companyName })}>
          <PeerTableHead companyName={companyName} />
          <tbody>
            {metrics.map((m) => {
              const format = (value: string) => formatMetricValue(locale, value, m.unit, currency);
              return (
                <tr key={m.key} className="border-b border-slate-100 align-top" data-metric={m.key}>
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    <span className="font-medium">{metricName(locale, m)}</span>
                    <span className="block text-xs text-slate-600">{t(dashboard_benchmarks_custom_month, { month: monthText(t, m.month) })}</span>
                    {m.peers && m.position ? (
                      <span className="mt-1 block text-xs">
                        {t.rich(dashboard_benchmarks_position, {
                          position: <Badge tone="info">{t(POSITIONS[m.position])}</Badge>,
                          peers: m.peers.cohortSize,
                        })}
                      </span>
                    ) : null}
                  </th>
                  <Td numeric>{format(m.value)}</Td>
                  <PeerCells peers={m.peers} format={format} />
                </tr>
              );
            })}
          </tbody>
        </Table>
      </div>
    </>
  );
}
