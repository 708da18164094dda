import { TextLink } from "~/components/ui/button";
import { useMemo } from "react";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import { aggregateNetBurnChartConfig, capitalRaisedChartConfig, runwayByCompanyChartConfig, runwayLevelLabels } from "~/components/charts/portfolio";
import { ChartDataTable } from "~/components/ui/chart-data-table";
import { HeatMap } from "~/components/ui/heat-map";
import { Card, EmptyState } from "~/components/ui/layout";
import type { RiskBandThresholds } from "~/finance/risk";
import type { RunwayThresholds } from "~/finance/runway";
import { useFormat, useT, type Translator } from "~/i18n";
import { monthText, runwayNumber } from "~/lib/format";
import { IMPACT_KEYS, instrumentName, LIKELIHOOD_KEYS, RISK_BAND_WORD_KEYS } from "~/lib/portfolio-query";
import type { NetBurnPoint, RaisedByInstrument } from "~/lib/portfolio-series";

/** "critical under 3 months, caution under 6 months, ok from 6 months" in the reader's language. */
function thresholdsList(t: Translator, thresholds: RunwayThresholds): string {
  return t("investor.charts.thresholds", {
    critical: t("common.unit.months", { count: thresholds.criticalBelowMonths }),
    caution: t("common.unit.months", { count: thresholds.cautionBelowMonths }),
  });
}

/** "1–4 low, 5–9 medium, 10–15 high, 16–25 critical" under the org's bands. */
export function riskBandsList(t: Translator, bands: RiskBandThresholds): string {
  const range = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);
  return [
    [range(1, bands.mediumFrom - 1), "low"],
    [range(bands.mediumFrom, bands.highFrom - 1), "medium"],
    [range(bands.highFrom, bands.criticalFrom - 1), "high"],
    [range(bands.criticalFrom, 25), "critical"],
  ]
    .map(([scores, band]) => t("investor.heatMap.bandRange", { scores: scores!, band: t(RISK_BAND_WORD_KEYS[band as keyof typeof RISK_BAND_WORD_KEYS]) }))
    .join(t("investor.listSeparator"));
}

/** "2026-02 – 2026-04"; a single month stays a single month. */
function monthRange(t: Translator, first: string, last: string): string {
  return first === last ? monthText(t, first) : t("investor.charts.monthRange", { first: monthText(t, first), last: monthText(t, last) });
}

export function RunwayChartCard({
  bars,
  burning,
  thresholds,
  fromRules,
  companyHref,
}: {
  bars: { slug: string; name: string; runwayMonths: number; level: string }[];
  burning: number;
  thresholds: RunwayThresholds;
  fromRules: boolean;
  companyHref: (slug: string) => string;
}) {
  const t = useT();
  const config = useMemo(() => runwayByCompanyChartConfig(bars, thresholds, t.locale), [bars, thresholds, t.locale]);
  const labels = runwayLevelLabels(thresholds, t.locale);
  const thresholdsText = t(fromRules ? "investor.charts.thresholdsFromRules" : "investor.charts.thresholdsDefault", { list: thresholdsList(t, thresholds) });
  return (
    <Card title={t("investor.charts.runway.title")}>
      {bars.length === 0 ? (
        <EmptyState title={t("investor.charts.runway.empty")}>
          <p>{thresholdsText}</p>
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-xs text-slate-600" data-testid="runway-thresholds">
            {bars.length < burning
              ? t("investor.charts.runway.shortest", { shown: bars.length, burning })
              : t("investor.charts.runway.all", { companies: t("investor.portfolio.burningCompanies", { count: burning }) })}{" "}
            {thresholdsText} {t("investor.charts.runway.notBurning")}
          </p>
          <ChartCanvas config={config} label={t("investor.charts.runway.label", { thresholds: thresholdsText })} height={Math.max(240, bars.length * 28 + 110)} />
          <ChartDataTable
            summary={t("investor.charts.showTable")}
            caption={t("investor.charts.runway.title")}
            head={[t("investor.table.company"), t("investor.charts.runway.axis"), t("investor.charts.runway.level")]}
            rows={bars.map((b) => [
              <TextLink key={b.slug} to={companyHref(b.slug)}>
                {b.name}
              </TextLink>,
              runwayNumber(t.locale, b.runwayMonths),
              labels[b.level as keyof typeof labels] ?? b.level,
            ])}
          />
        </>
      )}
    </Card>
  );
}

export function NetBurnChartCard({ points, currency }: { points: NetBurnPoint[]; currency: string }) {
  const t = useT();
  const f = useFormat();
  const config = useMemo(() => aggregateNetBurnChartConfig(points, currency, t.locale), [points, currency, t.locale]);
  if (points.length === 0 || points.every((p) => p.companies === 0)) {
    return (
      <Card title={t("investor.charts.netBurn.title")}>
        <EmptyState title={t("investor.charts.netBurn.empty")} />
      </Card>
    );
  }
  const range = monthRange(t, points[0]!.month, points.at(-1)!.month);
  const missing = points.filter((p) => p.missingCompanies > 0);
  return (
    <Card title={t("investor.charts.netBurn.title")}>
      <p className="mb-3 text-xs text-slate-600">
        {t("investor.charts.netBurn.explain", { range, currency })}
        {missing.length > 0 ? (
          <strong className="font-medium text-amber-800" data-testid="net-burn-missing">
            {" "}
            {t("investor.charts.netBurn.missing", {
              list: missing
                .map((p) => t("investor.charts.netBurn.missingMonth", { month: monthText(t, p.month), currencies: p.missingCurrencies.join(t("investor.listSeparator")) }))
                .join(t("investor.listSemicolon")),
            })}
          </strong>
        ) : null}
      </p>
      <ChartCanvas config={config} label={t("investor.charts.netBurn.label", { range, currency })} />
      <ChartDataTable
        summary={t("investor.charts.showTable")}
        caption={t("investor.charts.netBurn.caption", { range })}
        head={[t("investor.charts.month"), t("investor.charts.netBurn.head", { currency }), t("investor.charts.netBurn.companies"), t("investor.table.rateMissing")]}
        rows={points.map((p) => [
          monthText(t, p.month),
          p.netBurn !== null
            ? f.money(p.netBurn, currency)
            : p.missingCompanies > 0
              ? t("investor.charts.netBurn.convertedPart", { amount: f.money(p.convertedPart, currency) })
              : t("investor.charts.netBurn.noReports"),
          f.number(p.companies),
          p.missingCompanies > 0
            ? t("investor.charts.netBurn.missingCompanies", {
                companies: t("investor.portfolio.companyCount", { count: p.missingCompanies }),
                currencies: p.missingCurrencies.join(t("investor.listSeparator")),
              })
            : "—",
        ])}
      />
    </Card>
  );
}

export function RaisedChartCard({ raised, currency }: { raised: RaisedByInstrument; currency: string }) {
  const t = useT();
  const f = useFormat();
  const config = useMemo(() => capitalRaisedChartConfig(raised, currency, t.locale), [raised, currency, t.locale]);
  const rounds = (count: number) => t("investor.charts.raised.rounds", { count });
  if (raised.rounds === 0) {
    return (
      <Card title={t("investor.charts.raised.title")}>
        <EmptyState title={t("investor.charts.raised.empty")}>
          <p>{t("investor.charts.raised.emptyBody")}</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card title={t("investor.charts.raised.title")}>
      <p className="mb-3 text-xs text-slate-600">
        {t("investor.charts.raised.explain", { total: f.money(raised.total, currency), rounds: rounds(raised.rounds - raised.missingRounds), currency })}
        {raised.missingRounds > 0 ? (
          <strong className="font-medium text-amber-800">
            {" "}
            {t("investor.charts.raised.leftOut", { rounds: rounds(raised.missingRounds) })}
          </strong>
        ) : null}
      </p>
      <ChartCanvas config={config} label={t("investor.charts.raised.label", { currency })} />
      <ChartDataTable
        summary={t("investor.charts.showTable")}
        caption={t("investor.charts.raised.title")}
        head={[t("investor.charts.raised.instrument"), t("investor.charts.raised.head", { currency }), t("investor.charts.raised.roundsHead"), t("investor.table.rateMissing")]}
        rows={raised.rows.map((r) => [instrumentName(t, r.instrument), f.money(r.amount, currency), f.number(r.rounds), r.missingRounds > 0 ? rounds(r.missingRounds) : "—"])}
        foot={[t("investor.charts.raised.total"), f.money(raised.total, currency), f.number(raised.rounds), raised.missingRounds > 0 ? rounds(raised.missingRounds) : "—"]}
      />
    </Card>
  );
}

export function HeatMapCard({
  cells,
  bands,
  cellHref,
  allHref,
}: {
  cells: number[][];
  bands: RiskBandThresholds;
  cellHref: (likelihood: number, impact: number) => string;
  allHref: string;
}) {
  const t = useT();
  const total = cells.flat().reduce((a, b) => a + b, 0);
  return (
    <Card
      title={t("investor.heatMap.title")}
      actions={
        total > 0 ? (
          <TextLink to={allHref} className="text-sm">
            {t("investor.heatMap.all", { count: total })}
          </TextLink>
        ) : undefined
      }
    >
      {total === 0 ? (
        <EmptyState title={t("investor.heatMap.empty")}>
          <p>{t("investor.heatMap.emptyBody")}</p>
        </EmptyState>
      ) : (
        <HeatMap
          look="wide"
          testId="portfolio-heat-map"
          cells={cells}
          bands={bands}
          cellHref={cellHref}
          caption={t("investor.heatMap.caption", { total, bands: riskBandsList(t, bands) })}
          corner={t("investor.heatMap.corner")}
          impactWord={(impact) => t(IMPACT_KEYS[impact]!)}
          likelihoodWord={(likelihood) => t(LIKELIHOOD_KEYS[likelihood]!)}
          describeCell={(cell) =>
            t("investor.heatMap.cell", {
              count: cell.count,
              likelihood: cell.likelihood,
              impact: cell.impact,
              score: cell.score,
              band: t(RISK_BAND_WORD_KEYS[cell.band]),
            })
          }
          emptyText={(cell) => t("investor.heatMap.emptyCell", { likelihood: cell.likelihood, impact: cell.impact })}
        />
      )}
    </Card>
  );
}
