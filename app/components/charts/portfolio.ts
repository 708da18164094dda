/**
 * Chart.js configurations for the investor's portfolio page, built from the plain series
 * the loader returns (types only from chart.js, so they are tested without a canvas).
 * Amounts arrive in minor units of the investor's currency; Chart.js plots major units.
 * Every text (legend, axis title, tooltip, month and instrument labels) is built for the
 * `locale` passed in, so the builders stay pure and are tested in both languages.
 */
import type { ChartConfiguration } from "chart.js";
import { runwayLevelOfStored, type PortfolioRunwayLevel } from "~/finance/portfolio";
import type { RunwayThresholds } from "~/finance/runway";
import { formatterFor } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/translate";
import { runwayNumber } from "~/i18n/display";
import { instrumentName } from "~/domain/portfolio-query";
import type { NetBurnPoint, RaisedByInstrument } from "~/domain/portfolio-series";
import { investor_charts_level_caution } from "~/paraglide/messages/investor_charts_level_caution.js";
import { investor_charts_level_critical } from "~/paraglide/messages/investor_charts_level_critical.js";
import { investor_charts_level_ok } from "~/paraglide/messages/investor_charts_level_ok.js";
import { investor_charts_netBurn_complete } from "~/paraglide/messages/investor_charts_netburn_complete1.js";
import { investor_charts_netBurn_coverage } from "~/paraglide/messages/investor_charts_netburn_coverage1.js";
import { investor_charts_netBurn_coverageTooltip } from "~/paraglide/messages/investor_charts_netburn_coveragetooltip2.js";
import { investor_charts_netBurn_monthIncomplete } from "~/paraglide/messages/investor_charts_netburn_monthincomplete2.js";
import { investor_charts_netBurn_monthRateMissing } from "~/paraglide/messages/investor_charts_netburn_monthratemissing3.js";
import { investor_charts_netBurn_partial } from "~/paraglide/messages/investor_charts_netburn_partial1.js";
import { investor_charts_raised_dataset } from "~/paraglide/messages/investor_charts_raised_dataset.js";
import { investor_charts_runway_axis } from "~/paraglide/messages/investor_charts_runway_axis.js";
import { investor_charts_runway_tooltip } from "~/paraglide/messages/investor_charts_runway_tooltip.js";
import { investor_charts_tooltip } from "~/paraglide/messages/investor_charts_tooltip.js";

type BarConfig = ChartConfiguration<"bar", (number | null)[], string>;

/** The same meaning, the same colour: red critical, amber caution, green ok. */
export const RUNWAY_LEVEL_COLOURS: Record<Exclude<PortfolioRunwayLevel, "not_burning">, string> = {
  critical: "#dc2626",
  caution: "#f59e0b",
  ok: "#059669",
};
export const NET_BURN_COLOURS = { complete: "#4f46e5", partial: "#94a3b8" } as const;
export const RAISED_COLOUR = "#0891b2";

/** Minor units → major units for Chart.js (display only; the tables show exact amounts). */
const toMajor = (minor: number) => minor / 100;

const baseOptions = { responsive: true, maintainAspectRatio: false, animation: false as const };

interface TooltipPoint {
  dataset: { label?: string };
  label?: string;
  parsed: { x: number | null; y: number | null };
  raw?: unknown;
}

/**
 * Bars split over datasets on one stack (a level, complete or partial) have a value in one
 * dataset only at each place: the tooltip lists that one and not the empty others, and the
 * legend under the chart names every colour.
 */
function stackedBarPlugins(callbacks: { label: (item: TooltipPoint) => string; footer?: (items: readonly { dataIndex: number }[]) => string }) {
  return { legend: { position: "bottom" as const }, tooltip: { filter: (item: TooltipPoint) => item.raw !== null, callbacks } };
}

const moneyTick = (locale: Locale, currency: string) => (value: string | number) => formatterFor(locale).moneyShort(Math.round(Number(value) * 100), currency);
/** Thresholds are months with at most one decimal: "3", "9.5" (grouped and with the locale's decimal sign). */
const months = (locale: Locale, value: number) => formatterFor(locale).number(value, 1);

/** Legend text of each level, with the thresholds in words. */
export function runwayLevelLabels(thresholds: RunwayThresholds, locale: Locale): Record<Exclude<PortfolioRunwayLevel, "not_burning">, string> {
  const t = translator(locale);
  const critical = months(locale, thresholds.criticalBelowMonths);
  const caution = months(locale, thresholds.cautionBelowMonths);
  return {
    critical: t(investor_charts_level_critical, { critical }),
    caution: t(investor_charts_level_caution, { critical, caution }),
    ok: t(investor_charts_level_ok, { caution }),
  };
}

export interface RunwayBar {
  name: string;
  runwayMonths: number;
}

/**
 * Runway by company, horizontal bars coloured by the alert thresholds. One dataset per
 * level on a single stack, so every bar appears once and the legend names each colour.
 */
export function runwayByCompanyChartConfig(bars: readonly RunwayBar[], thresholds: RunwayThresholds, locale: Locale): BarConfig {
  const t = translator(locale);
  const labels = runwayLevelLabels(thresholds, locale);
  const levels = bars.map((b) => runwayLevelOfStored(b.runwayMonths, thresholds));
  const levelKeys = ["critical", "caution", "ok"] as const;
  return {
    type: "bar",
    data: {
      labels: bars.map((b) => b.name),
      datasets: levelKeys.map((level) => ({
        label: labels[level],
        data: bars.map((b, i) => (levels[i] === level ? b.runwayMonths : null)),
        backgroundColor: RUNWAY_LEVEL_COLOURS[level],
        stack: "runway",
      })),
    },
    options: {
      ...baseOptions,
      indexAxis: "y",
      scales: {
        x: { stacked: true, beginAtZero: true, title: { display: true, text: t(investor_charts_runway_axis) } },
        // Every bar keeps its company's name: Chart.js would otherwise skip labels it finds crowded.
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: stackedBarPlugins({
        label: (item) => t(investor_charts_runway_tooltip, { company: item.label ?? "", months: runwayNumber(locale, Number(item.parsed.x)) }),
      }),
    },
  };
}

/** "5 of 6 companies" / "6 家公司中的 5 家": how many of the companies owed a report for the month sent it. */
export function netBurnCoverageText(point: Pick<NetBurnPoint, "companies" | "expectedCompanies">, locale: Locale): string {
  return translator(locale)(investor_charts_netBurn_coverage, { reported: point.companies, count: point.expectedCompanies });
}

/**
 * "Apr 2026"; "Apr 2026 (5/6)" for a month not every company has reported yet; "Apr 2026
 * (rate missing)" for a month the sum could not be completed for want of a rate.
 */
export function netBurnMonthLabel(point: NetBurnPoint, locale: Locale): string {
  const t = translator(locale);
  const month = formatterFor(locale).monthCell(point.month); // the table style, as on every chart axis
  if (point.companies < point.expectedCompanies)
    return t(investor_charts_netBurn_monthIncomplete, { month, reported: point.companies, expected: point.expectedCompanies });
  return point.missingCompanies > 0 ? t(investor_charts_netBurn_monthRateMissing, { month }) : month;
}

/**
 * Aggregate net burn per calendar month. Only a complete month (every company owed a report
 * reported, every rate known) has a full bar; an incomplete one has a grey bar of what is in
 * and a label with its coverage, so a report not yet sent never reads as a fall. Every
 * month's tooltip says its coverage ("Reported: 5 of 6 companies").
 */
export function aggregateNetBurnChartConfig(points: readonly NetBurnPoint[], currency: string, locale: Locale): BarConfig {
  const t = translator(locale);
  const f = formatterFor(locale);
  return {
    type: "bar",
    data: {
      labels: points.map((p) => netBurnMonthLabel(p, locale)),
      datasets: [
        {
          label: t(investor_charts_netBurn_complete, { currency }),
          data: points.map((p) => (p.netBurn === null ? null : toMajor(p.netBurn))),
          backgroundColor: NET_BURN_COLOURS.complete,
          stack: "burn",
        },
        {
          label: t(investor_charts_netBurn_partial, { currency }),
          data: points.map((p) => (!p.complete && p.companies > p.missingCompanies ? toMajor(p.convertedPart) : null)),
          backgroundColor: NET_BURN_COLOURS.partial,
          stack: "burn",
        },
      ],
    },
    options: {
      ...baseOptions,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { callback: moneyTick(locale, currency) } } },
      plugins: stackedBarPlugins({
        label: (item) => t(investor_charts_tooltip, { label: item.dataset.label ?? "", value: f.money(Math.round(Number(item.parsed.y) * 100), currency) }),
        footer: (items) => {
          const point = items[0] ? points[items[0].dataIndex] : undefined;
          return point ? t(investor_charts_netBurn_coverageTooltip, { coverage: netBurnCoverageText(point, locale) }) : "";
        },
      }),
    },
  };
}

/** Capital raised across the portfolio by instrument, largest first. */
export function capitalRaisedChartConfig(raised: RaisedByInstrument, currency: string, locale: Locale): BarConfig {
  const t = translator(locale);
  const f = formatterFor(locale);
  return {
    type: "bar",
    data: {
      labels: raised.rows.map((r) => instrumentName(t, r.instrument)),
      datasets: [{ label: t(investor_charts_raised_dataset, { currency }), data: raised.rows.map((r) => toMajor(r.amount)), backgroundColor: RAISED_COLOUR }],
    },
    options: {
      ...baseOptions,
      scales: { y: { beginAtZero: true, ticks: { callback: moneyTick(locale, currency) } } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipPoint) =>
              t(investor_charts_tooltip, { label: item.label ?? "", value: f.money(Math.round(Number(item.parsed.y) * 100), currency) }),
          },
        },
      },
    },
  };
}
