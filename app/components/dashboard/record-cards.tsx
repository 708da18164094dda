import { EmptyCard, sectionLink } from "~/components/dashboard/empty-card";
import { riskBandWord } from "~/components/charts/heat-map";
import { RiskHeatMap } from "~/components/charts/risk-heat-map";
import { Badge, Card } from "~/components/ui/layout";
import type { Instrument, RiskBandThresholds } from "~/finance";
import { useFormat, useT, type PlainKey, type Translator } from "~/i18n";
import { dateText, listText, sentencesText } from "~/i18n/display";
import type { RaisedView, RiskView } from "~/views/dashboard";
import { Td } from "~/components/ui/table";
import { dashboard_instrument_angel } from "~/paraglide/messages/dashboard_instrument_angel.js";
import { dashboard_instrument_bridge } from "~/paraglide/messages/dashboard_instrument_bridge.js";
import { dashboard_instrument_convertible_note } from "~/paraglide/messages/dashboard_instrument_convertible_note.js";
import { dashboard_instrument_debt } from "~/paraglide/messages/dashboard_instrument_debt.js";
import { dashboard_instrument_equity_crowdfunding } from "~/paraglide/messages/dashboard_instrument_equity_crowdfunding.js";
import { dashboard_instrument_grant } from "~/paraglide/messages/dashboard_instrument_grant.js";
import { dashboard_instrument_other } from "~/paraglide/messages/dashboard_instrument_other.js";
import { dashboard_instrument_pre_seed } from "~/paraglide/messages/dashboard_instrument_pre_seed.js";
import { dashboard_instrument_safe } from "~/paraglide/messages/dashboard_instrument_safe.js";
import { dashboard_instrument_seed } from "~/paraglide/messages/dashboard_instrument_seed.js";
import { dashboard_instrument_series_a } from "~/paraglide/messages/dashboard_instrument_series_a.js";
import { dashboard_instrument_series_b } from "~/paraglide/messages/dashboard_instrument_series_b.js";
import { dashboard_instrument_series_c_plus } from "~/paraglide/messages/dashboard_instrument_series_c_plus.js";
import { dashboard_raised_all } from "~/paraglide/messages/dashboard_raised_all.js";
import { dashboard_raised_caption } from "~/paraglide/messages/dashboard_raised_caption.js";
import { dashboard_raised_lastClose } from "~/paraglide/messages/dashboard_raised_lastclose1.js";
import { dashboard_raised_none } from "~/paraglide/messages/dashboard_raised_none.js";
import { dashboard_raised_others } from "~/paraglide/messages/dashboard_raised_others.js";
import { dashboard_raised_sum } from "~/paraglide/messages/dashboard_raised_sum.js";
import { dashboard_raised_title } from "~/paraglide/messages/dashboard_raised_title.js";
import { dashboard_risk_all } from "~/paraglide/messages/dashboard_risk_all.js";
import { dashboard_risk_bandRange } from "~/paraglide/messages/dashboard_risk_bandrange1.js";
import { dashboard_risk_caption } from "~/paraglide/messages/dashboard_risk_caption.js";
import { dashboard_risk_captionLegacy } from "~/paraglide/messages/dashboard_risk_captionlegacy1.js";
import { dashboard_risk_closedLeftOut } from "~/paraglide/messages/dashboard_risk_closedleftout2.js";
import { dashboard_risk_leftOut } from "~/paraglide/messages/dashboard_risk_leftout1.js";
import { dashboard_risk_none } from "~/paraglide/messages/dashboard_risk_none.js";
import { dashboard_risk_overdue } from "~/paraglide/messages/dashboard_risk_overdue.js";
import { dashboard_risk_reviewOverdue } from "~/paraglide/messages/dashboard_risk_reviewoverdue1.js";
import { dashboard_risk_status_accepted } from "~/paraglide/messages/dashboard_risk_status_accepted.js";
import { dashboard_risk_status_closed } from "~/paraglide/messages/dashboard_risk_status_closed.js";
import { dashboard_risk_status_mitigating } from "~/paraglide/messages/dashboard_risk_status_mitigating.js";
import { dashboard_risk_status_open } from "~/paraglide/messages/dashboard_risk_status_open.js";
import { dashboard_risk_title } from "~/paraglide/messages/dashboard_risk_title.js";
import { dashboard_risk_top } from "~/paraglide/messages/dashboard_risk_top.js";

/*
 * Risk and capital-raised cards, shared by the startup's dashboard and an investor's
 * read-only company view. `base` (the startup's own `/o/<slug>`) adds links to the
 * startup's pages; the investor's view leaves it out and links nowhere.
 */

const BAND_BADGE = { low: "good", medium: "info", high: "warn", critical: "bad" } as const;
const RISK_STATUSES = ["open", "mitigating", "accepted", "closed"] as const;

function scoreRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** The org's bands in words: "1–4 low, 5–9 medium, 10–15 high, 16–25 critical". */
function bandsText(t: Translator, bands: RiskBandThresholds): string {
  return listText(t, [
    t(dashboard_risk_bandRange, { range: scoreRange(1, bands.mediumFrom - 1), band: riskBandWord(t, "low") }),
    t(dashboard_risk_bandRange, { range: scoreRange(bands.mediumFrom, bands.highFrom - 1), band: riskBandWord(t, "medium") }),
    t(dashboard_risk_bandRange, { range: scoreRange(bands.highFrom, bands.criticalFrom - 1), band: riskBandWord(t, "high") }),
    t(dashboard_risk_bandRange, { range: scoreRange(bands.criticalFrom, 25), band: riskBandWord(t, "critical") }),
  ]);
}

/** A stored value's label when it is one of the known keys; an unknown (newer or older) value as stored. */
function knownLabel<K extends string>(t: Translator, value: string, labels: Record<K, PlainKey>): string {
  if (!Object.hasOwn(labels, value)) return value;
  const label: PlainKey = labels[value as K];
  return t(label);
}

const STATUS_WORDS = {
  accepted: dashboard_risk_status_accepted,
  closed: dashboard_risk_status_closed,
  mitigating: dashboard_risk_status_mitigating,
  open: dashboard_risk_status_open,
} satisfies Record<(typeof RISK_STATUSES)[number], PlainKey>;

export function RiskCard({ risks, base }: { risks: RiskView; base?: string }) {
  const t = useT();
  if (risks.liveCount === 0) {
    return <EmptyCard section="risks" empty={t(dashboard_risk_none)} base={base} />;
  }
  const caption = sentencesText(t, [
    t(risks.countsAccepted ? dashboard_risk_captionLegacy : dashboard_risk_caption, { count: risks.liveCount, bands: bandsText(t, risks.bands) }),
    risks.leftOutCount > 0 && t(risks.countsAccepted ? dashboard_risk_closedLeftOut : dashboard_risk_leftOut, { count: risks.leftOutCount }),
  ]);
  return (
    <Card title={t(dashboard_risk_title)} actions={sectionLink(base, "risks", t(dashboard_risk_all))}>
      <RiskHeatMap cells={risks.heatMap} bands={risks.bands} caption={caption} countsAccepted={risks.countsAccepted === true} />
      {risks.overdueReviews > 0 ? <p className="mt-3 text-sm font-medium text-red-800">{t(dashboard_risk_overdue, { count: risks.overdueReviews })}</p> : null}
      <h3 className="mt-4 text-sm font-semibold">{t(dashboard_risk_top)}</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {risks.top.map((r, i) => (
          <li key={i} className="flex items-start gap-2">
            <Badge tone={BAND_BADGE[r.band]}>
              {riskBandWord(t, r.band)} · {r.score}
            </Badge>
            {/* The title and its status wrap beside the badge, so on a phone each risk stays one block. */}
            <span>
              {r.title} <span className="text-xs text-slate-600">{knownLabel(t, r.status, STATUS_WORDS)}</span>{" "}
              {r.reviewOverdue ? <Badge tone="bad">{t(dashboard_risk_reviewOverdue)}</Badge> : null}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

const INSTRUMENT_LABELS = {
  angel: dashboard_instrument_angel,
  bridge: dashboard_instrument_bridge,
  convertible_note: dashboard_instrument_convertible_note,
  debt: dashboard_instrument_debt,
  equity_crowdfunding: dashboard_instrument_equity_crowdfunding,
  grant: dashboard_instrument_grant,
  other: dashboard_instrument_other,
  pre_seed: dashboard_instrument_pre_seed,
  safe: dashboard_instrument_safe,
  seed: dashboard_instrument_seed,
  series_a: dashboard_instrument_series_a,
  series_b: dashboard_instrument_series_b,
  series_c_plus: dashboard_instrument_series_c_plus,
} satisfies Record<Instrument, PlainKey>;

export function RaisedCard({ raised, currency, base }: { raised: RaisedView; currency: string; base?: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <Card title={t(dashboard_raised_title)} actions={sectionLink(base, "rounds", t(dashboard_raised_all))}>
      {raised.roundCount === 0 ? (
        <p className="text-sm text-slate-600">{t(dashboard_raised_none)}</p>
      ) : (
        <>
          <p className="text-2xl font-bold">{f.money(raised.total, currency)}</p>
          <p className="mt-1 text-xs text-slate-600">
            {sentencesText(t, [
              t(dashboard_raised_sum, {
                count: raised.roundCount - raised.otherCurrencyRounds,
                currency,
                others: raised.otherCurrencyRounds > 0 ? t(dashboard_raised_others, { count: raised.otherCurrencyRounds }) : "",
              }),
              raised.lastClose &&
                t(dashboard_raised_lastClose, {
                  date: dateText(t, raised.lastClose.date),
                  instrument: knownLabel(t, raised.lastClose.instrument, INSTRUMENT_LABELS),
                }),
            ])}
          </p>
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">{t(dashboard_raised_caption)}</caption>
            <tbody>
              {raised.byInstrument.map((r) => (
                <tr key={r.instrument} className="border-b border-slate-100">
                  <th scope="row" className="py-1 text-left font-normal">
                    {knownLabel(t, r.instrument, INSTRUMENT_LABELS)}
                  </th>
                  <Td numeric last dense>
                    {f.money(r.amount, currency)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
