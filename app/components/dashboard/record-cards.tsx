import { TextLink } from "~/components/ui/button";
import { riskBandWord } from "~/components/charts/heat-map";
import { RiskHeatMap } from "~/components/charts/risk-heat-map";
import { Badge, Card, EmptyState } from "~/components/ui/layout";
import { INSTRUMENTS, type Instrument, type RiskBandThresholds } from "~/finance";
import { useFormat, useT, type Translator } from "~/i18n";
import { dateText, listText, sentencesText } from "~/lib/format";
import type { RaisedView, RiskView } from "~/models/dashboard-types";
import { Td } from "~/components/ui/table";

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
    t("dashboard.risk.bandRange", { range: scoreRange(1, bands.mediumFrom - 1), band: riskBandWord(t, "low") }),
    t("dashboard.risk.bandRange", { range: scoreRange(bands.mediumFrom, bands.highFrom - 1), band: riskBandWord(t, "medium") }),
    t("dashboard.risk.bandRange", { range: scoreRange(bands.highFrom, bands.criticalFrom - 1), band: riskBandWord(t, "high") }),
    t("dashboard.risk.bandRange", { range: scoreRange(bands.criticalFrom, 25), band: riskBandWord(t, "critical") }),
  ]);
}

function statusWord(t: Translator, status: string): string {
  return (RISK_STATUSES as readonly string[]).includes(status) ? t(`dashboard.risk.status.${status as (typeof RISK_STATUSES)[number]}`) : status;
}

export function RiskCard({ risks, base }: { risks: RiskView; base?: string }) {
  const t = useT();
  if (risks.liveCount === 0) {
    return (
      <Card title={t("dashboard.risk.title")}>
        <EmptyState title={t("dashboard.risk.none")}>
          {base ? (
            <p>
              {t("dashboard.risk.noneStartup")}{" "}
              <TextLink to={`${base}/risks`}>
                {t("dashboard.risk.goTo")}
              </TextLink>
            </p>
          ) : (
            <p>{t("dashboard.risk.noneInvestor")}</p>
          )}
        </EmptyState>
      </Card>
    );
  }
  const caption = sentencesText(t, [
    t("dashboard.risk.caption", { count: risks.liveCount, bands: bandsText(t, risks.bands) }),
    risks.closedCount > 0 && t("dashboard.risk.closedLeftOut", { count: risks.closedCount }),
  ]);
  return (
    <Card
      title={t("dashboard.risk.title")}
      actions={
        base ? (
          <TextLink to={`${base}/risks`} className="text-sm">
            {t("dashboard.risk.all")}
          </TextLink>
        ) : undefined
      }
    >
      <RiskHeatMap cells={risks.heatMap} bands={risks.bands} caption={caption} />
      {risks.overdueReviews > 0 ? <p className="mt-3 text-sm font-medium text-red-800">{t("dashboard.risk.overdue", { count: risks.overdueReviews })}</p> : null}
      <h3 className="mt-4 text-sm font-semibold">{t("dashboard.risk.top")}</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {risks.top.map((r, i) => (
          <li key={i} className="flex items-start gap-2">
            <Badge tone={BAND_BADGE[r.band]}>
              {riskBandWord(t, r.band)} · {r.score}
            </Badge>
            {/* The title and its status wrap beside the badge, so on a phone each risk stays one block. */}
            <span>
              {r.title} <span className="text-xs text-slate-600">{statusWord(t, r.status)}</span>{" "}
              {r.reviewOverdue ? <Badge tone="bad">{t("dashboard.risk.reviewOverdue")}</Badge> : null}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function instrumentLabel(t: Translator, instrument: string): string {
  return (INSTRUMENTS as readonly string[]).includes(instrument) ? t(`dashboard.instrument.${instrument as Instrument}`) : instrument;
}

export function RaisedCard({ raised, currency, base }: { raised: RaisedView; currency: string; base?: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <Card
      title={t("dashboard.raised.title")}
      actions={
        base ? (
          <TextLink to={`${base}/rounds`} className="text-sm">
            {t("dashboard.raised.all")}
          </TextLink>
        ) : undefined
      }
    >
      {raised.roundCount === 0 ? (
        <p className="text-sm text-slate-600">{t("dashboard.raised.none")}</p>
      ) : (
        <>
          <p className="text-2xl font-bold">{f.money(raised.total, currency)}</p>
          <p className="mt-1 text-xs text-slate-600">
            {sentencesText(t, [
              t("dashboard.raised.sum", {
                count: raised.roundCount - raised.otherCurrencyRounds,
                currency,
                others: raised.otherCurrencyRounds > 0 ? t("dashboard.raised.others", { count: raised.otherCurrencyRounds }) : "",
              }),
              raised.lastClose &&
                t("dashboard.raised.lastClose", { date: dateText(t, raised.lastClose.date), instrument: instrumentLabel(t, raised.lastClose.instrument) }),
            ])}
          </p>
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">{t("dashboard.raised.caption")}</caption>
            <tbody>
              {raised.byInstrument.map((r) => (
                <tr key={r.instrument} className="border-b border-slate-100">
                  <th scope="row" className="py-1 text-left font-normal">
                    {instrumentLabel(t, r.instrument)}
                  </th>
                  <Td numeric last dense>{f.money(r.amount, currency)}</Td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
