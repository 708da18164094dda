import { Badge, Card, TableScroller } from "~/components/ui/layout";
import type { BenchmarkMetric, QuartilePosition } from "~/finance";
import { formatMultiple } from "~/lib/format";
import { formatPercent } from "~/lib/money";
import type { CompanyBenchmarks } from "~/models/benchmark.server";

const METRICS: Record<BenchmarkMetric, { label: string; definition: string; format: (v: number) => string; missing: string }> = {
  runway: {
    label: "Runway",
    definition: "Cash at the latest reported month ÷ average net burn over the last 3 months, in months.",
    format: (v) => `${v.toFixed(1)} months`,
    missing: "Not burning: no runway to compare.",
  },
  net_burn_growth: {
    label: "Net burn growth",
    definition: "Average net burn of the last 3 months against the 3 months before: (recent − earlier) ÷ earlier. Needs 6 reported months and a burning earlier quarter.",
    format: (v) => `${v > 0 ? "+" : ""}${formatPercent(v)}`,
    missing: "Not available: needs 6 reported months and net burn in the earlier 3.",
  },
  compute_share: {
    label: "Compute share",
    definition: "Compute (GPU / cloud) spend ÷ gross burn in the latest reported month.",
    format: (v) => formatPercent(v),
    missing: "Not available: nothing was spent in the latest month.",
  },
  burn_multiple: {
    label: "Burn multiple",
    definition: "Net burn of the last 3 months ÷ net new ARR over them (ARR now − ARR 3 months earlier); only when ARR grew.",
    format: (v) => formatMultiple(v),
    missing: "Not available: needs ARR in both months, growing, while burning.",
  },
};

const POSITION_TEXT: Record<QuartilePosition, string> = {
  below_p25: "below the 25th percentile",
  p25_to_median: "between the 25th percentile and the median",
  median_to_p75: "between the median and the 75th percentile",
  above_p75: "above the 75th percentile",
};

/**
 * The company against its portfolio peers' quartiles. Peers are never named: the page only
 * ever receives the three percentiles and how many peers they cover, and nothing at all
 * for a cohort under 5.
 */
export function BenchmarksCard({ companyName, benchmarks }: { companyName: string; benchmarks: CompanyBenchmarks }) {
  return (
    <Card title="Benchmarks against portfolio peers">
      <p className="mb-3 text-xs text-slate-600">
        {companyName} against the 25th percentile, median and 75th percentile of the other companies in this portfolio that share their financials, each as of
        its own latest reported month{benchmarks.asOf ? ` (${companyName}: ${benchmarks.asOf})` : ""}. Peers are anonymous; a figure with fewer than 5 peers
        shows nothing.
      </p>
      <TableScroller>
        <table className="min-w-full text-sm" data-testid="benchmarks">
          <caption className="sr-only">{companyName} against portfolio peer percentiles</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-4 font-medium">Metric</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">{companyName}</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">25th</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Median</th>
              <th scope="col" className="py-2 text-right font-medium">75th</th>
            </tr>
          </thead>
          <tbody>
            {benchmarks.metrics.map((m) => {
              const meta = METRICS[m.metric];
              return (
                <tr key={m.metric} className="border-b border-slate-100 align-top" data-metric={m.metric}>
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    <span className="font-medium">{meta.label}</span>
                    <span className="block text-xs text-slate-600">{meta.definition}</span>
                    {m.metric === "runway" ? (
                      <span className="block text-xs text-slate-600">
                        Companies that are not burning have no runway and are left out of these percentiles
                        {benchmarks.notBurningPeers ? ` (${benchmarks.notBurningPeers} of the peers)` : ""}.
                      </span>
                    ) : null}
                    {m.peers && m.position ? (
                      <span className="mt-1 block text-xs">
                        <Badge tone="info">{POSITION_TEXT[m.position]}</Badge> of {m.peers.cohortSize} peers
                      </span>
                    ) : null}
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {m.value !== null ? meta.format(m.value) : <span className="text-xs text-slate-600">{benchmarks.asOf ? meta.missing : "No report yet"}</span>}
                  </td>
                  {m.peers ? (
                    <>
                      <td className="py-2 pr-4 text-right tabular-nums">{meta.format(m.peers.p25)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{meta.format(m.peers.median)}</td>
                      <td className="py-2 text-right tabular-nums">{meta.format(m.peers.p75)}</td>
                    </>
                  ) : (
                    <td colSpan={3} className="py-2 text-right text-xs text-slate-600">
                      Fewer than 5 peers have this figure: nothing is shown, so no company can be singled out.
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
