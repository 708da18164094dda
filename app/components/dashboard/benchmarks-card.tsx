import { Badge, Card } from "~/components/ui/layout";
import type { BenchmarkMetric } from "~/finance";
import { useFormat, useT, type Formatter, type Translator } from "~/i18n";
import { monthText, multipleText, runwayText } from "~/lib/format";
import type { CompanyBenchmarks } from "~/models/benchmark.server";
import { Table, TableHead, Td, Th } from "~/components/ui/table";

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
      <Table caption={t("dashboard.benchmarks.caption", { company: companyName })} data-testid="benchmarks">
        <TableHead className="border-b border-slate-200 text-left text-slate-600">
          <Th>
            {t("dashboard.benchmarks.metric")}
          </Th>
          <Th numeric>
            {companyName}
          </Th>
          <Th numeric>
            {t("dashboard.benchmarks.p25")}
          </Th>
          <Th numeric>
            {t("dashboard.benchmarks.median")}
          </Th>
          <Th numeric last>
            {t("dashboard.benchmarks.p75")}
          </Th>
        </TableHead>
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
                <Td numeric>
                  {m.value !== null ? (
                    format(m.value)
                  ) : (
                    <span className="text-xs text-slate-600">
                      {benchmarks.asOf ? t(`dashboard.benchmarks.${m.metric}.missing`) : t("dashboard.benchmarks.noReport")}
                    </span>
                  )}
                </Td>
                {m.peers ? (
                  <>
                    <Td numeric>{format(m.peers.p25)}</Td>
                    <Td numeric>{format(m.peers.median)}</Td>
                    <Td numeric last>{format(m.peers.p75)}</Td>
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
      </Table>
    </Card>
  );
}
