import { TextLink } from "~/components/ui/button";
import { useMemo } from "react";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import {
  aggregateNetBurnChartConfig,
  capitalRaisedChartConfig,
  netBurnCoverageText,
  runwayByCompanyChartConfig,
  runwayLevelLabels,
} from "~/components/charts/portfolio";
import { ChartDataTable } from "~/components/ui/chart-data-table";
import { HeatMap } from "~/components/ui/heat-map";
import { Card, EmptyState } from "~/components/ui/layout";
import type { RiskBandThresholds } from "~/finance/risk";
import type { RunwayThresholds } from "~/finance/runway";
import { useFormat, useT, type Translator } from "~/i18n";
import { monthCell, monthText, runwayNumber } from "~/i18n/display";
import { IMPACT_KEYS, instrumentName, LIKELIHOOD_KEYS, RISK_BAND_WORD_KEYS } from "~/domain/portfolio-query";
import { incompleteMonths, type NetBurnPoint, type RaisedByInstrument } from "~/domain/portfolio-series";
import { common_unit_months } from "~/paraglide/messages/common_unit_months.js";
import { investor_charts_month } from "~/paraglide/messages/investor_charts_month.js";
import { investor_charts_monthRange } from "~/paraglide/messages/investor_charts_monthrange1.js";
import { investor_charts_netBurn_caption } from "~/paraglide/messages/investor_charts_netburn_caption1.js";
import { investor_charts_netBurn_companies } from "~/paraglide/messages/investor_charts_netburn_companies1.js";
import { investor_charts_netBurn_convertedPart } from "~/paraglide/messages/investor_charts_netburn_convertedpart2.js";
import { investor_charts_netBurn_empty } from "~/paraglide/messages/investor_charts_netburn_empty1.js";
import { investor_charts_netBurn_incomplete } from "~/paraglide/messages/investor_charts_netburn_incomplete1.js";
import { investor_charts_netBurn_incompleteCell } from "~/paraglide/messages/investor_charts_netburn_incompletecell2.js";
import { investor_charts_netBurn_incompleteMonth } from "~/paraglide/messages/investor_charts_netburn_incompletemonth2.js";
import { investor_charts_netBurn_explain } from "~/paraglide/messages/investor_charts_netburn_explain1.js";
import { investor_charts_netBurn_head } from "~/paraglide/messages/investor_charts_netburn_head1.js";
import { investor_charts_netBurn_label } from "~/paraglide/messages/investor_charts_netburn_label1.js";
import { investor_charts_netBurn_missing } from "~/paraglide/messages/investor_charts_netburn_missing1.js";
import { investor_charts_netBurn_missingCompanies } from "~/paraglide/messages/investor_charts_netburn_missingcompanies2.js";
import { investor_charts_netBurn_missingMonth } from "~/paraglide/messages/investor_charts_netburn_missingmonth2.js";
import { investor_charts_netBurn_noReports } from "~/paraglide/messages/investor_charts_netburn_noreports2.js";
import { investor_charts_netBurn_title } from "~/paraglide/messages/investor_charts_netburn_title1.js";
import { investor_charts_raised_empty } from "~/paraglide/messages/investor_charts_raised_empty.js";
import { investor_charts_raised_emptyBody } from "~/paraglide/messages/investor_charts_raised_emptybody1.js";
import { investor_charts_raised_explain } from "~/paraglide/messages/investor_charts_raised_explain.js";
import { investor_charts_raised_head } from "~/paraglide/messages/investor_charts_raised_head.js";
import { investor_charts_raised_instrument } from "~/paraglide/messages/investor_charts_raised_instrument.js";
import { investor_charts_raised_label } from "~/paraglide/messages/investor_charts_raised_label.js";
import { investor_charts_raised_leftOut } from "~/paraglide/messages/investor_charts_raised_leftout1.js";
import { investor_charts_raised_rounds } from "~/paraglide/messages/investor_charts_raised_rounds.js";
import { investor_charts_raised_roundsHead } from "~/paraglide/messages/investor_charts_raised_roundshead1.js";
import { investor_charts_raised_title } from "~/paraglide/messages/investor_charts_raised_title.js";
import { investor_charts_raised_total } from "~/paraglide/messages/investor_charts_raised_total.js";
import { investor_charts_runway_all } from "~/paraglide/messages/investor_charts_runway_all.js";
import { investor_charts_runway_axis } from "~/paraglide/messages/investor_charts_runway_axis.js";
import { investor_charts_runway_empty } from "~/paraglide/messages/investor_charts_runway_empty.js";
import { investor_charts_runway_label } from "~/paraglide/messages/investor_charts_runway_label.js";
import { investor_charts_runway_level } from "~/paraglide/messages/investor_charts_runway_level.js";
import { investor_charts_runway_notBurning } from "~/paraglide/messages/investor_charts_runway_notburning1.js";
import { investor_charts_runway_shortest } from "~/paraglide/messages/investor_charts_runway_shortest.js";
import { investor_charts_runway_title } from "~/paraglide/messages/investor_charts_runway_title.js";
import { investor_charts_showTable } from "~/paraglide/messages/investor_charts_showtable1.js";
import { investor_charts_thresholds } from "~/paraglide/messages/investor_charts_thresholds.js";
import { investor_charts_thresholdsDefault } from "~/paraglide/messages/investor_charts_thresholdsdefault1.js";
import { investor_charts_thresholdsFromRules } from "~/paraglide/messages/investor_charts_thresholdsfromrules2.js";
import { investor_heatMap_all } from "~/paraglide/messages/investor_heatmap_all1.js";
import { investor_heatMap_bandRange } from "~/paraglide/messages/investor_heatmap_bandrange2.js";
import { investor_heatMap_caption } from "~/paraglide/messages/investor_heatmap_caption1.js";
import { investor_heatMap_cell } from "~/paraglide/messages/investor_heatmap_cell1.js";
import { investor_heatMap_corner } from "~/paraglide/messages/investor_heatmap_corner1.js";
import { investor_heatMap_empty } from "~/paraglide/messages/investor_heatmap_empty1.js";
import { investor_heatMap_emptyBody } from "~/paraglide/messages/investor_heatmap_emptybody2.js";
import { investor_heatMap_emptyCell } from "~/paraglide/messages/investor_heatmap_emptycell2.js";
import { investor_heatMap_title } from "~/paraglide/messages/investor_heatmap_title1.js";
import { investor_listSemicolon } from "~/paraglide/messages/investor_listsemicolon1.js";
import { investor_listSeparator } from "~/paraglide/messages/investor_listseparator1.js";
import { investor_portfolio_burningCompanies } from "~/paraglide/messages/investor_portfolio_burningcompanies1.js";
import { investor_portfolio_companyCount } from "~/paraglide/messages/investor_portfolio_companycount1.js";
import { investor_table_company } from "~/paraglide/messages/investor_table_company.js";
import { investor_table_rateMissing } from "~/paraglide/messages/investor_table_ratemissing1.js";

/** "critical under 3 months, caution under 6 months, ok from 6 months" in the reader's language. */
function thresholdsList(t: Translator, thresholds: RunwayThresholds): string {
  return t(investor_charts_thresholds, {
    critical: t(common_unit_months, { count: thresholds.criticalBelowMonths }),
    caution: t(common_unit_months, { count: thresholds.cautionBelowMonths }),
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
    .map(([scores, band]) => t(investor_heatMap_bandRange, { scores: scores!, band: t(RISK_BAND_WORD_KEYS[band as keyof typeof RISK_BAND_WORD_KEYS]) }))
    .join(t(investor_listSeparator));
}

/** "2026-02 – 2026-04"; a single month stays a single month. */
function monthRange(t: Translator, first: string, last: string): string {
  return first === last ? monthText(t, first) : t(investor_charts_monthRange, { first: monthText(t, first), last: monthText(t, last) });
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
  const thresholdsText = t(fromRules ? investor_charts_thresholdsFromRules : investor_charts_thresholdsDefault, { list: thresholdsList(t, thresholds) });
  return (
    <Card title={t(investor_charts_runway_title)}>
      {bars.length === 0 ? (
        <EmptyState title={t(investor_charts_runway_empty)} body={thresholdsText} />
      ) : (
        <>
          <p className="mb-3 text-xs text-slate-600" data-testid="runway-thresholds">
            {bars.length < burning
              ? t(investor_charts_runway_shortest, { shown: bars.length, burning })
              : t(investor_charts_runway_all, { companies: t(investor_portfolio_burningCompanies, { count: burning }) })}{" "}
            {thresholdsText} {t(investor_charts_runway_notBurning)}
          </p>
          <ChartCanvas config={config} label={t(investor_charts_runway_label, { thresholds: thresholdsText })} height={Math.max(240, bars.length * 28 + 110)} />
          <ChartDataTable
            summary={t(investor_charts_showTable)}
            caption={t(investor_charts_runway_title)}
            head={[t(investor_table_company), t(investor_charts_runway_axis), t(investor_charts_runway_level)]}
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
      <Card title={t(investor_charts_netBurn_title)}>
        <EmptyState title={t(investor_charts_netBurn_empty)} />
      </Card>
    );
  }
  const range = monthRange(t, points[0]!.month, points.at(-1)!.month);
  const missing = points.filter((p) => p.missingCompanies > 0);
  const incomplete = incompleteMonths(points);
  return (
    <Card title={t(investor_charts_netBurn_title)}>
      <p className="mb-3 text-xs text-slate-600">
        {t(investor_charts_netBurn_explain, { range, currency })}
        {incomplete.length > 0 ? (
          <strong className="font-medium text-amber-800" data-testid="net-burn-incomplete">
            {" "}
            {t(investor_charts_netBurn_incomplete, {
              list: incomplete
                .map((p) => t(investor_charts_netBurn_incompleteMonth, { month: monthText(t, p.month), coverage: netBurnCoverageText(p, t.locale) }))
                .join(t(investor_listSemicolon)),
            })}
          </strong>
        ) : null}
        {missing.length > 0 ? (
          <strong className="font-medium text-amber-800" data-testid="net-burn-missing">
            {" "}
            {t(investor_charts_netBurn_missing, {
              list: missing
                .map((p) =>
                  t(investor_charts_netBurn_missingMonth, { month: monthText(t, p.month), currencies: p.missingCurrencies.join(t(investor_listSeparator)) }),
                )
                .join(t(investor_listSemicolon)),
            })}
          </strong>
        ) : null}
      </p>
      <ChartCanvas config={config} label={t(investor_charts_netBurn_label, { range, currency })} />
      <ChartDataTable
        summary={t(investor_charts_showTable)}
        caption={t(investor_charts_netBurn_caption, { range })}
        head={[t(investor_charts_month), t(investor_charts_netBurn_head, { currency }), t(investor_charts_netBurn_companies), t(investor_table_rateMissing)]}
        rows={points.map((p) => [
          monthCell(t, p.month),
          p.netBurn !== null
            ? f.money(p.netBurn, currency)
            : p.missingCompanies > 0
              ? t(investor_charts_netBurn_convertedPart, { amount: f.money(p.convertedPart, currency) })
              : p.companies > 0
                ? t(investor_charts_netBurn_incompleteCell, { amount: f.money(p.convertedPart, currency) })
                : t(investor_charts_netBurn_noReports),
          netBurnCoverageText(p, t.locale),
          p.missingCompanies > 0
            ? t(investor_charts_netBurn_missingCompanies, {
                companies: t(investor_portfolio_companyCount, { count: p.missingCompanies }),
                currencies: p.missingCurrencies.join(t(investor_listSeparator)),
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
  const rounds = (count: number) => t(investor_charts_raised_rounds, { count });
  if (raised.rounds === 0) {
    return (
      <Card title={t(investor_charts_raised_title)}>
        <EmptyState title={t(investor_charts_raised_empty)} body={t(investor_charts_raised_emptyBody)} />
      </Card>
    );
  }
  return (
    <Card title={t(investor_charts_raised_title)}>
      <p className="mb-3 text-xs text-slate-600">
        {t(investor_charts_raised_explain, { total: f.money(raised.total, currency), rounds: rounds(raised.rounds - raised.missingRounds), currency })}
        {raised.missingRounds > 0 ? (
          <strong className="font-medium text-amber-800"> {t(investor_charts_raised_leftOut, { rounds: rounds(raised.missingRounds) })}</strong>
        ) : null}
      </p>
      <ChartCanvas config={config} label={t(investor_charts_raised_label, { currency })} />
      <ChartDataTable
        summary={t(investor_charts_showTable)}
        caption={t(investor_charts_raised_title)}
        head={[
          t(investor_charts_raised_instrument),
          t(investor_charts_raised_head, { currency }),
          t(investor_charts_raised_roundsHead),
          t(investor_table_rateMissing),
        ]}
        rows={raised.rows.map((r) => [
          instrumentName(t, r.instrument),
          f.money(r.amount, currency),
          f.number(r.rounds),
          r.missingRounds > 0 ? rounds(r.missingRounds) : "—",
        ])}
        foot={[
          t(investor_charts_raised_total),
          f.money(raised.total, currency),
          f.number(raised.rounds),
          raised.missingRounds > 0 ? rounds(raised.missingRounds) : "—",
        ]}
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
      title={t(investor_heatMap_title)}
      actions={
        total > 0 ? (
          <TextLink to={allHref} className="text-sm">
            {t(investor_heatMap_all, { count: total })}
          </TextLink>
        ) : undefined
      }
    >
      {total === 0 ? (
        <EmptyState title={t(investor_heatMap_empty)} body={t(investor_heatMap_emptyBody)} />
      ) : (
        <HeatMap
          look="wide"
          testId="portfolio-heat-map"
          cells={cells}
          bands={bands}
          cellHref={cellHref}
          caption={t(investor_heatMap_caption, { total, bands: riskBandsList(t, bands) })}
          corner={t(investor_heatMap_corner)}
          impactWord={(impact) => t(IMPACT_KEYS[impact]!)}
          likelihoodWord={(likelihood) => t(LIKELIHOOD_KEYS[likelihood]!)}
          describeCell={(cell) =>
            t(investor_heatMap_cell, {
              count: cell.count,
              likelihood: cell.likelihood,
              impact: cell.impact,
              score: cell.score,
              band: t(RISK_BAND_WORD_KEYS[cell.band]),
            })
          }
          emptyText={(cell) => t(investor_heatMap_emptyCell, { likelihood: cell.likelihood, impact: cell.impact })}
        />
      )}
    </Card>
  );
}
