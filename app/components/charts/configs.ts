/**
 * Pure builders of Chart.js configurations from the plain series the loaders return.
 * No chart.js runtime here (types only), so they run and are tested without a canvas.
 * Amounts come in as minor units; Chart.js plots major units and the callbacks format
 * them back with the org's currency.
 */
import type { ChartConfiguration } from "chart.js";
import { SPEND_CATEGORIES, type SpendCategory } from "~/finance/burn";
import { formatMonthShort, SPEND_CATEGORY_LABELS } from "~/lib/format";
import { formatMoney, formatMoneyShort } from "~/lib/money";
import { SERIES_COLOURS, SPEND_CATEGORY_COLOURS } from "./palette";

export const toMajor = (minor: number) => minor / 100;

function moneyTick(currency: string) {
  return (value: string | number) => formatMoneyShort(Math.round(Number(value) * 100), currency);
}

/** The part of Chart.js's TooltipItem the labels read (the same for line and bar charts). */
interface TooltipPoint {
  dataset: { label?: string };
  parsed: { y: number | null };
}

function moneyTooltip(currency: string) {
  return (item: TooltipPoint) =>
    `${item.dataset.label ?? ""}: ${formatMoney(Math.round(Number(item.parsed.y) * 100), currency)}`;
}

const baseOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  interaction: { mode: "index" as const, intersect: false },
};

// --- Cash and runway over time -----------------------------------------------------------

export interface CashRunwayPoint {
  month: string;
  cash: number;
  /** null when not burning: the line breaks instead of pretending 0 or infinity. */
  runwayMonths: number | null;
}

export function cashRunwayChartConfig(
  points: readonly CashRunwayPoint[],
  currency: string,
): ChartConfiguration<"line", (number | null)[], string> {
  return {
    type: "line",
    data: {
      labels: points.map((p) => formatMonthShort(p.month)),
      datasets: [
        {
          label: `Cash at month end (${currency})`,
          data: points.map((p) => toMajor(p.cash)),
          yAxisID: "cash",
          borderColor: SERIES_COLOURS.cash,
          backgroundColor: SERIES_COLOURS.cash,
          tension: 0.2,
        },
        {
          label: "Runway (months)",
          data: points.map((p) => p.runwayMonths),
          yAxisID: "runway",
          borderColor: SERIES_COLOURS.runway,
          backgroundColor: SERIES_COLOURS.runway,
          borderDash: [6, 4],
          spanGaps: false,
          tension: 0.2,
        },
      ],
    },
    options: {
      ...baseOptions,
      scales: {
        cash: {
          type: "linear",
          position: "left",
          beginAtZero: true,
          title: { display: true, text: `Cash (${currency})` },
          ticks: { callback: moneyTick(currency) },
        },
        runway: {
          type: "linear",
          position: "right",
          beginAtZero: true,
          title: { display: true, text: "Runway (months)" },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          callbacks: {
            label: (item) =>
              item.dataset.yAxisID === "runway"
                ? `Runway: ${item.parsed.y === null ? "not burning" : `${Number(item.parsed.y).toFixed(1)} months`}`
                : moneyTooltip(currency)(item),
          },
        },
      },
    },
  };
}

// --- Spend by category, stacked by month -------------------------------------------------

export interface SpendMonth {
  month: string;
  spend: Record<SpendCategory, number>;
}

export function spendByCategoryChartConfig(
  months: readonly SpendMonth[],
  currency: string,
): ChartConfiguration<"bar", number[], string> {
  return {
    type: "bar",
    data: {
      labels: months.map((m) => formatMonthShort(m.month)),
      datasets: SPEND_CATEGORIES.map((category) => ({
        label: SPEND_CATEGORY_LABELS[category],
        data: months.map((m) => toMajor(m.spend[category])),
        backgroundColor: SPEND_CATEGORY_COLOURS[category],
        stack: "spend",
      })),
    },
    options: {
      ...baseOptions,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { callback: moneyTick(currency) } },
      },
      plugins: { legend: { position: "bottom" }, tooltip: { callbacks: { label: moneyTooltip(currency) } } },
    },
  };
}

// --- Budget vs actual ----------------------------------------------------------------------

export interface BudgetActualRow {
  category: SpendCategory;
  budget: number;
  actual: number;
  overrun: boolean;
}

export function budgetVsActualChartConfig(
  rows: readonly BudgetActualRow[],
  currency: string,
): ChartConfiguration<"bar", (number | null)[], string> {
  // Actual spend is split into two datasets on one stack, so an over-budget bar is red and
  // the legend names both colours; each category has a value in exactly one of them.
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => SPEND_CATEGORY_LABELS[r.category]),
      datasets: [
        {
          label: "Budget",
          data: rows.map((r) => toMajor(r.budget)),
          backgroundColor: SERIES_COLOURS.budget,
          stack: "budget",
        },
        {
          label: "Actual",
          data: rows.map((r) => (r.overrun ? null : toMajor(r.actual))),
          backgroundColor: SERIES_COLOURS.actual,
          stack: "actual",
        },
        {
          label: "Actual, over budget",
          data: rows.map((r) => (r.overrun ? toMajor(r.actual) : null)),
          backgroundColor: SERIES_COLOURS.overrun,
          stack: "actual",
        },
      ],
    },
    options: {
      ...baseOptions,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { callback: moneyTick(currency) } },
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: { filter: (item) => item.raw !== null, callbacks: { label: moneyTooltip(currency) } },
      },
    },
  };
}

// --- Debt service ahead --------------------------------------------------------------------

export interface DebtServiceMonth {
  month: string;
  interest: number;
  principal: number;
}

export function debtServiceChartConfig(
  months: readonly DebtServiceMonth[],
  currency: string,
): ChartConfiguration<"bar", number[], string> {
  return {
    type: "bar",
    data: {
      labels: months.map((m) => formatMonthShort(m.month)),
      datasets: [
        { label: "Interest", data: months.map((m) => toMajor(m.interest)), backgroundColor: SERIES_COLOURS.interest, stack: "service" },
        { label: "Principal", data: months.map((m) => toMajor(m.principal)), backgroundColor: SERIES_COLOURS.principal, stack: "service" },
      ],
    },
    options: {
      ...baseOptions,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { callback: moneyTick(currency) } },
      },
      plugins: { legend: { position: "bottom" }, tooltip: { callbacks: { label: moneyTooltip(currency) } } },
    },
  };
}
