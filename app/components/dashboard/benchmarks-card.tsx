import { Badge, Card, TableScroller } from "~/components/ui/layout";
import type { BenchmarkMetric } from "~/finance";
import { useFormat, useT, type Formatter, type Translator } from "~/i18n";
import { monthText, multipleText, runwayText } from "~/lib/format";
import type { CompanyBenchmarks } from "~/models/benchmark.server";

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
export function BenchmarksCard({ companyName, benchmarks }: { companyName: string; benchmarks: CompanyBenchmarks }) {
  const t = useT();
  const f = useFormat();
  const asOf = benchmarks.asOf ? t("dashboard.benchmarks.asOf", { company: companyName, month: monthText(t, benchmarks.asOf) }) : "";
  return (
    <Card title={t("dashboard.benchmarks.title")}>
      <p className="mb-3 text-xs text-slate-600">{t("dashboard.benchmarks.intro", { company: companyName, asOf })}</p>
      <TableScroller>
        <table className="min-w-full text-sm" data-testid="benchmarks">
          <caption className="sr-only">{t("dashboard.benchmarks.caption", { company: companyName })}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("dashboard.benchmarks.metric")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {companyName}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t("dashboard.benchmarks.p25")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t("dashboard.benchmarks.median")}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t("dashboard.benchmarks.p75")}
              </th>
            </tr>
          </thead>
          <tbody>
            {benchmarks.metrics.map((m) => {
              const format = (v: number) => FORMATS[m.metric](v, t, f);
              return (
                <tr key={m.metric} className="border-b border-slate-100 align-top" data-metric={m.metric}>
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    <span className="font-medium">{t(`dashboard.benchmarks.${m.metric}.label`)}</span>
                    <span className="block text-xs text-slate-600">{t(`dashboard.benchmarks.${m.metric}.definition`)}</span>
                    {m.metric === "runway" ? (
                      <span className="block text-xs text-slate-600">
                        {t("dashboard.benchmarks.notBurningPeers", {
                          peers: benchmarks.notBurningPeers ? t("dashboard.benchmarks.notBurningCount", { count: benchmarks.notBurningPeers }) : "",
                        })}
                      </span>
                    ) : null}
                    {m.peers && m.position ? (
                      <span className="mt-1 block text-xs">
                        {t.rich("dashboard.benchmarks.position", {
                          position: <Badge tone="info">{t(`dashboard.benchmarks.${m.position}`)}</Badge>,
                          peers: m.peers.cohortSize,
                        })}
                      </span>
                    ) : null}
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {m.value !== null ? (
                      format(m.value)
                    ) : (
                      <span className="text-xs text-slate-600">
                        {benchmarks.asOf ? t(`dashboard.benchmarks.${m.metric}.missing`) : t("dashboard.benchmarks.noReport")}
                      </span>
                    )}
                  </td>
                  {m.peers ? (
                    <>
                      <td className="py-2 pr-4 text-right tabular-nums">{format(m.peers.p25)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{format(m.peers.median)}</td>
                      <td className="py-2 text-right tabular-nums">{format(m.peers.p75)}</td>
                    </>
                  ) : (
                    <td colSpan={3} className="py-2 text-right text-xs text-slate-600">
                      {t("dashboard.benchmarks.tooFew")}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroller>
    </Card>
  );
}
