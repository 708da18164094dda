import { Link } from "@remix-run/react";
import { RiskHeatMap } from "~/components/charts/risk-heat-map";
import { Badge, Card, EmptyState } from "~/components/ui/layout";
import { plural } from "~/lib/format";
import { formatMoney } from "~/lib/money";
import { riskBandsText } from "~/lib/risk-labels";
import type { RaisedView, RiskView } from "~/models/dashboard-types";

/*
 * Risk and capital-raised cards, shared by the startup's dashboard and an investor's
 * read-only company view. `base` (the startup's own `/o/<slug>`) adds links to the
 * startup's pages; the investor's view leaves it out and links nowhere.
 */

const BAND_BADGE = { low: "good", medium: "info", high: "warn", critical: "bad" } as const;

export function RiskCard({ risks, base }: { risks: RiskView; base?: string }) {
  if (risks.liveCount === 0) {
    return (
      <Card title="Risk heat map">
        <EmptyState title="No open risks">
          {base ? (
            <p>
              Record market, technical, financial, privacy, regulatory, competition and talent risks to see them here.{" "}
              <Link to={`${base}/risks`} className="text-indigo-700 underline">Go to risks</Link>
            </p>
          ) : (
            <p>The company has no open, mitigating or accepted risks in its register.</p>
          )}
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card title="Risk heat map" actions={base ? <Link to={`${base}/risks`} className="text-sm text-indigo-700 underline">All risks</Link> : undefined}>
      <RiskHeatMap
        cells={risks.heatMap}
        bands={risks.bands}
        caption={`Number of live risks (open, mitigating or accepted: ${risks.liveCount}) by likelihood and impact; score = likelihood × impact, bands ${riskBandsText(risks.bands)}.${risks.closedCount > 0 ? ` ${plural(risks.closedCount, "closed risk")} left out.` : ""}`}
      />
      {risks.overdueReviews > 0 ? (
        <p className="mt-3 text-sm font-medium text-red-800">{plural(risks.overdueReviews, "risk review")} overdue.</p>
      ) : null}
      <h3 className="mt-4 text-sm font-semibold">Highest scores</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {risks.top.map((r, i) => (
          <li key={i} className="flex items-start gap-2">
            <Badge tone={BAND_BADGE[r.band]}>
              {r.band} · {r.score}
            </Badge>
            {/* The title and its status wrap beside the badge, so on a phone each risk stays one block. */}
            <span>
              {r.title} <span className="text-xs text-slate-600">{r.status}</span>{" "}
              {r.reviewOverdue ? <Badge tone="bad">review overdue</Badge> : null}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

const INSTRUMENT_LABELS: Record<string, string> = {
  angel: "Angel",
  pre_seed: "Pre-seed",
  seed: "Seed",
  series_a: "Series A",
  series_b: "Series B",
  series_c_plus: "Series C+",
  bridge: "Bridge",
  equity_crowdfunding: "Equity crowdfunding",
  safe: "SAFE",
  convertible_note: "Convertible note",
  debt: "Debt",
  grant: "Grant",
  other: "Other",
};

export function RaisedCard({ raised, currency, base }: { raised: RaisedView; currency: string; base?: string }) {
  return (
    <Card title="Capital raised" actions={base ? <Link to={`${base}/rounds`} className="text-sm text-indigo-700 underline">All rounds</Link> : undefined}>
      {raised.roundCount === 0 ? (
        <p className="text-sm text-slate-600">No funding rounds recorded yet.</p>
      ) : (
        <>
          <p className="text-2xl font-bold">{formatMoney(raised.total, currency)}</p>
          <p className="mt-1 text-xs text-slate-600">
            Sum of the amounts of {plural(raised.roundCount - raised.otherCurrencyRounds, "round")} in {currency}
            {raised.otherCurrencyRounds > 0 ? `; ${plural(raised.otherCurrencyRounds, "round")} in other currencies not included` : ""}.
            {raised.lastClose ? ` Last close ${raised.lastClose.date} (${INSTRUMENT_LABELS[raised.lastClose.instrument] ?? raised.lastClose.instrument}).` : ""}
          </p>
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">Capital raised by instrument</caption>
            <tbody>
              {raised.byInstrument.map((r) => (
                <tr key={r.instrument} className="border-b border-slate-100">
                  <th scope="row" className="py-1 text-left font-normal">
                    {INSTRUMENT_LABELS[r.instrument] ?? r.instrument}
                  </th>
                  <td className="py-1 text-right tabular-nums">{formatMoney(r.amount, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
