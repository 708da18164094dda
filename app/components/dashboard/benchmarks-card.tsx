import { Badge, Card } from "~/components/ui/layout";
import type { BenchmarkMetric } from "~/finance";
import { useFormat, useT, type Formatter, type Translator } from "~/i18n";
import { monthText, multipleText, runwayText } from "~/i18n/display";
import type { CompanyBenchmarks } from "~/views/benchmarks";
import { Table, Td } from "~/components/ui/table";
import { CustomMetricBenchmarks, PeerCells, PeerTableHead } from "./custom-metric-benchmarks";
import { dashboard_benchmarks_above_p75 } from "~/paraglide/messages/dashboard_benchmarks_above_p75.js";
import { dashboard_benchmarks_asOf } from "~/paraglide/messages/dashboard_benchmarks_asof1.js";
import { dashboard_benchmarks_below_p25 } from "~/paraglide/messages/dashboard_benchmarks_below_p25.js";
import { dashboard_benchmarks_burn_multiple_definition } from "~/paraglide/messages/dashboard_benchmarks_burn_multiple_definition.js";
import { dashboard_benchmarks_burn_multiple_label } from "~/paraglide/messages/dashboard_benchmarks_burn_multiple_label.js";
import { dashboard_benchmarks_burn_multiple_missing } from "~/paraglide/messages/dashboard_benchmarks_burn_multiple_missing.js";
import { dashboard_benchmarks_caption } from "~/paraglide/messages/dashboard_benchmarks_caption.js";
import { dashboard_benchmarks_compute_share_definition } from "~/paraglide/messages/dashboard_benchmarks_compute_share_definition.js";
import { dashboard_benchmarks_compute_share_label } from "~/paraglide/messages/dashboard_benchmarks_compute_share_label.js";
import { dashboard_benchmarks_compute_share_missing } from "~/paraglide/messages/dashboard_benchmarks_compute_share_missing.js";
import { dashboard_benchmarks_intro } from "~/paraglide/messages/dashboard_benchmarks_intro.js";
import { dashboard_benchmarks_median } from "~/paraglide/messages/dashboard_benchmarks_median.js";
import { dashboard_benchmarks_median_to_p75 } from "~/paraglide/messages/dashboard_benchmarks_median_to_p75.js";
import { dashboard_benchmarks_metric } from "~/paraglide/messages/dashboard_benchmarks_metric.js";
import { dashboard_benchmarks_net_burn_growth_definition } from "~/paraglide/messages/dashboard_benchmarks_net_burn_growth_definition.js";
import { dashboard_benchmarks_net_burn_growth_label } from "~/paraglide/messages/dashboard_benchmarks_net_burn_growth_label.js";
import { dashboard_benchmarks_net_burn_growth_missing } from "~/paraglide/messages/dashboard_benchmarks_net_burn_growth_missing.js";
import { dashboard_benchmarks_noReport } from "~/paraglide/messages/dashboard_benchmarks_noreport1.js";
import { dashboard_benchmarks_notBurningCount } from "~/paraglide/messages/dashboard_benchmarks_notburningcount2.js";
import { dashboard_benchmarks_notBurningPeers } from "~/paraglide/messages/dashboard_benchmarks_notburningpeers2.js";
import { dashboard_benchmarks_p25 } from "~/paraglide/messages/dashboard_benchmarks_p25.js";
import { dashboard_benchmarks_p25_to_median } from "~/paraglide/messages/dashboard_benchmarks_p25_to_median.js";
import { dashboard_benchmarks_p75 } from "~/paraglide/messages/dashboard_benchmarks_p75.js";
import { dashboard_benchmarks_position } from "~/paraglide/messages/dashboard_benchmarks_position.js";
import { dashboard_benchmarks_runway_definition } from "~/paraglide/messages/dashboard_benchmarks_runway_definition.js";
import { dashboard_benchmarks_runway_label } from "~/paraglide/messages/dashboard_benchmarks_runway_label.js";
import { dashboard_benchmarks_runway_missing } from "~/paraglide/messages/dashboard_benchmarks_runway_missing.js";
import { dashboard_benchmarks_title } from "~/paraglide/messages/dashboard_benchmarks_title.js";
import { dashboard_benchmarks_tooFew } from "~/paraglide/messages/dashboard_benchmarks_toofew1.js";

/** Each metric's figures for display; its label, definition and "missing" text are `dashboard.benchmarks.<metric>.*`. */
const FORMATS: Record<BenchmarkMetric, (v: number, t: Translator, f: Formatter) => string> = {
  runway: (v, t) => runwayText(t, v),
  net_burn_growth: (v, _t, f) => `${v > 0 ? "+" : ""}${f.percent(v)}`,
  compute_share: (v, _t, f) => f.percent(v),
  burn_multiple: (v, t) => multipleText(t, v),
};

/**
 * The company against its portfolio peers' quartiles. Peers are never named: the page only
 * ever receives the three percentiles and how many peers they cover, and nothing at all
 * for a cohort under 5.
 */
export function BenchmarksCard({ companyName, benchmarks, currency }: { companyName: string; benchmarks: CompanyBenchmarks; currency: string }) {
  const t = useT();
  const f = useFormat();
  const asOf = benchmarks.asOf ? t(dashboard_benchmarks_asOf, { company: companyName, month: monthText(t, benchmarks.asOf) }) : "";
  return (
    <Card title={t(dashboard_benchmarks_title)}>
      <p className="mb-3 text-xs text-slate-600">{t(dashboard_benchmarks_intro, { company: companyName, asOf })}</p>
      <Table caption={t(dashboard_benchmarks_caption, { company: companyName })} data-testid="benchmarks">
        <PeerTableHead companyName={companyName} />
        <tbody>
          {benchmarks.metrics.map((m) => {
            const format = (v: number) => FORMATS[m.metric](v, t, f);
            return (
              <tr key={m.metric} className="border-b border-slate-100 align-top" data-metric={m.metric}>
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  <span className="font-medium">
                    {t(
                      {
                        burn_multiple: dashboard_benchmarks_burn_multiple_label,
                        compute_share: dashboard_benchmarks_compute_share_label,
                        net_burn_growth: dashboard_benchmarks_net_burn_growth_label,
                        runway: dashboard_benchmarks_runway_label,
                      }[m.metric],
                    )}
                  </span>
                  <span className="block text-xs text-slate-600">
                    {t(
                      {
                        burn_multiple: dashboard_benchmarks_burn_multiple_definition,
                        compute_share: dashboard_benchmarks_compute_share_definition,
                        net_burn_growth: dashboard_benchmarks_net_burn_growth_definition,
                        runway: dashboard_benchmarks_runway_definition,
                      }[m.metric],
                    )}
                  </span>
                  {m.metric === "runway" ? (
                    <span className="block text-xs text-slate-600">
                      {t(dashboard_benchmarks_notBurningPeers, {
                        peers: benchmarks.notBurningPeers ? t(dashboard_benchmarks_notBurningCount, { count: benchmarks.notBurningPeers }) : "",
                      })}
                    </span>
                  ) : null}
                  {m.peers && m.position ? (
                    <span className="mt-1 block text-xs">
                      {t.rich(dashboard_benchmarks_position, {
                        position: (
                          <Badge tone="info">
                            {t(
                              {
                                above_p75: dashboard_benchmarks_above_p75,
                                asOf: dashboard_benchmarks_asOf,
                                below_p25: dashboard_benchmarks_below_p25,
                                burn_multiple_definition: dashboard_benchmarks_burn_multiple_definition,
                                burn_multiple_label: dashboard_benchmarks_burn_multiple_label,
                                burn_multiple_missing: dashboard_benchmarks_burn_multiple_missing,
                                caption: dashboard_benchmarks_caption,
                                compute_share_definition: dashboard_benchmarks_compute_share_definition,
                                compute_share_label: dashboard_benchmarks_compute_share_label,
                                compute_share_missing: dashboard_benchmarks_compute_share_missing,
                                intro: dashboard_benchmarks_intro,
                                median: dashboard_benchmarks_median,
                                median_to_p75: dashboard_benchmarks_median_to_p75,
                                metric: dashboard_benchmarks_metric,
                                net_burn_growth_definition: dashboard_benchmarks_net_burn_growth_definition,
                                net_burn_growth_label: dashboard_benchmarks_net_burn_growth_label,
                                net_burn_growth_missing: dashboard_benchmarks_net_burn_growth_missing,
                                noReport: dashboard_benchmarks_noReport,
                                notBurningCount: dashboard_benchmarks_notBurningCount,
                                notBurningPeers: dashboard_benchmarks_notBurningPeers,
                                p25: dashboard_benchmarks_p25,
                                p25_to_median: dashboard_benchmarks_p25_to_median,
                                p75: dashboard_benchmarks_p75,
                                position: dashboard_benchmarks_position,
                                runway_definition: dashboard_benchmarks_runway_definition,
                                runway_label: dashboard_benchmarks_runway_label,
                                runway_missing: dashboard_benchmarks_runway_missing,
                                title: dashboard_benchmarks_title,
                                tooFew: dashboard_benchmarks_tooFew,
                              }[m.position],
                            )}
                          </Badge>
                        ),
                        peers: m.peers.cohortSize,
                      })}
                    </span>
                  ) : null}
                </th>
                <Td numeric>
                  {m.value !== null ? (
                    format(m.value)
                  ) : (
                    <span className="text-xs text-slate-600">
                      {benchmarks.asOf
                        ? t(
                            {
                              burn_multiple: dashboard_benchmarks_burn_multiple_missing,
                              compute_share: dashboard_benchmarks_compute_share_missing,
                              net_burn_growth: dashboard_benchmarks_net_burn_growth_missing,
                              runway: dashboard_benchmarks_runway_missing,
                            }[m.metric],
                          )
                        : t(dashboard_benchmarks_noReport)}
                    </span>
                  )}
                </Td>
                <PeerCells peers={m.peers} format={format} />
              </tr>
            );
          })}
        </tbody>
      </Table>
      {benchmarks.customMetrics.length > 0 ? <CustomMetricBenchmarks companyName={companyName} metrics={benchmarks.customMetrics} currency={currency} /> : null}
    </Card>
  );
}
