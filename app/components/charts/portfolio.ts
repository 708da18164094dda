/**
 * Chart.js configurations for the investor's portfolio page, built from the plain series
 * the loader returns (types only from chart.js, so they are tested without a canvas).
 * Amounts arrive in minor units of the investor's currency; Chart.js plots major units.
 */
import type { ChartConfiguration } from "chart.js";
import { runwayLevelOfStored, type PortfolioRunwayLevel } from "~/finance/portfolio";
import type { RunwayThresholds } from "~/finance/runway";
import { formatMonthShort } from "~/lib/format";
import { instrumentLabel } from "~/lib/instruments";
import { formatMoney, formatMoneyShort } from "~/lib/money-format";
import type { NetBurnPoint, RaisedByInstrument } from "~/lib/portfolio-series";

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

const moneyTick = (currency: string) => (value: string | number) => formatMoneyShort(Math.round(Number(value) * 100), currency);
const months = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Legend text of each level, with the thresholds in words. */
export function runwayLevelLabels(t: RunwayThresholds): Record<Exclude<PortfolioRunwayLevel, "not_burning">, string> {
  return {
    critical: `Critical: under ${months(t.criticalBelowMonths)} months`,
    caution: `Caution: ${months(t.criticalBelowMonths)} to under ${months(t.cautionBelowMonths)} months`,
    ok: `OK: ${months(t.cautionBelowMonths)} months or more`,
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
export function runwayByCompanyChartConfig(bars: readonly RunwayBar[], thresholds: RunwayThresholds): BarConfig {
  const labels = runwayLevelLabels(thresholds);
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
        x: { stacked: true, beginAtZero: true, title: { display: true, text: "Runway (months)" } },
        // Every bar keeps its company's name: Chart.js would otherwise skip labels it finds crowded.
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          filter: (item) => item.raw !== null,
          callbacks: { label: (item: TooltipPoint) => `${item.label ?? ""}: ${Number(item.parsed.x).toFixed(1)} months` },
        },
      },
    },
  };
}

/** "Apr 2026", or "Apr 2026 (rate missing)" for a month the sum could not be completed. */
export function netBurnMonthLabel(point: NetBurnPoint): string {
  return `${formatMonthShort(point.month)}${point.missingCompanies > 0 ? " (rate missing)" : ""}`;
}

/**
 * Aggregate net burn per month. A month with a missing rate has no full bar: its grey bar
 * is only the part that could be converted, and its label says the rate is missing.
 */
export function aggregateNetBurnChartConfig(points: readonly NetBurnPoint[], currency: string): BarConfig {
  return {
    type: "bar",
    data: {
      labels: points.map(netBurnMonthLabel),
      datasets: [
        {
          label: `Net burn, all reporting companies (${currency})`,
          data: points.map((p) => (p.netBurn === null ? null : toMajor(p.netBurn))),
          backgroundColor: NET_BURN_COLOURS.complete,
          stack: "burn",
        },
        {
          label: `Converted part only: a rate is missing (${currency})`,
          data: points.map((p) => (p.missingCompanies > 0 && p.companies > p.missingCompanies ? toMajor(p.convertedPart) : null)),
          backgroundColor: NET_BURN_COLOURS.partial,
          stack: "burn",
        },
      ],
    },
    options: {
      ...baseOptions,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { callback: moneyTick(currency) } } },
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          filter: (item) => item.raw !== null,
          callbacks: {
            label: (item: TooltipPoint) => `${item.dataset.label ?? ""}: ${formatMoney(Math.round(Number(item.parsed.y) * 100), currency)}`,
          },
        },
      },
    },
  };
}

/** Capital raised across the portfolio by instrument, largest first. */
export function capitalRaisedChartConfig(raised: RaisedByInstrument, currency: string): BarConfig {
  return {
    type: "bar",
    data: {
      labels: raised.rows.map((r) => instrumentLabel(r.instrument)),
      datasets: [{ label: `Capital raised (${currency})`, data: raised.rows.map((r) => toMajor(r.amount)), backgroundColor: RAISED_COLOUR }],
    },
    options: {
      ...baseOptions,
      scales: { y: { beginAtZero: true, ticks: { callback: moneyTick(currency) } } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipPoint) => `${item.label ?? ""}: ${formatMoney(Math.round(Number(item.parsed.y) * 100), currency)}`,
          },
        },
      },
    },
  };
}
