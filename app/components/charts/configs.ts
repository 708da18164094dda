/**
 * Pure builders of Chart.js configurations from the plain series the loaders return.
 * No chart.js runtime here (types only), so they run and are tested without a canvas.
 * Amounts come in as minor units; Chart.js plots major units and the callbacks format
 * them back with the org's currency. Every builder takes the page's translator (`useT()`,
 * or `translator(locale)` in tests): titles, dataset labels, month labels, ticks and
 * tooltips come out in its language, and the builders stay pure.
 */
import type { ChartConfiguration } from "chart.js";
import { SPEND_CATEGORIES, type SpendCategory } from "~/finance/burn";
import { formatterFor } from "~/i18n/format";
import type { Translator } from "~/i18n/translate";
import { runwayText, spendCategoryLabel } from "~/i18n/display";
import { onCalendar } from "./calendar";
import { SERIES_COLOURS, SPEND_CATEGORY_COLOURS } from "./palette";
import { dashboard_budget_actualDataset } from "~/paraglide/messages/dashboard_budget_actualdataset1.js";
import { dashboard_budget_budgetDataset } from "~/paraglide/messages/dashboard_budget_budgetdataset1.js";
import { dashboard_budget_overrunDataset } from "~/paraglide/messages/dashboard_budget_overrundataset1.js";
import { dashboard_cashRunway_cashAxis } from "~/paraglide/messages/dashboard_cashrunway_cashaxis2.js";
import { dashboard_cashRunway_cashDataset } from "~/paraglide/messages/dashboard_cashrunway_cashdataset2.js";
import { dashboard_cashRunway_notBurning } from "~/paraglide/messages/dashboard_cashrunway_notburning2.js";
import { dashboard_cashRunway_runwayDataset } from "~/paraglide/messages/dashboard_cashrunway_runwaydataset2.js";
import { dashboard_cashRunway_runwayTooltip } from "~/paraglide/messages/dashboard_cashrunway_runwaytooltip2.js";
import { dashboard_chart_noReportTooltip } from "~/paraglide/messages/dashboard_chart_noreporttooltip2.js";
import { dashboard_chart_tooltip } from "~/paraglide/messages/dashboard_chart_tooltip.js";
import { dashboard_debt_interest } from "~/paraglide/messages/dashboard_debt_interest.js";
import { dashboard_debt_principal } from "~/paraglide/messages/dashboard_debt_principal.js";

export const toMajor = (minor: number) => minor / 100;

function moneyTick(t: Translator, currency: string) {
  const f = formatterFor(t.locale);
  return (value: string | number) => f.moneyShort(Math.round(Number(value) * 100), currency);
}

/** The part of Chart.js's TooltipItem the labels read (the same for line and bar charts). */
interface TooltipPoint {
  dataset: { label?: string };
  parsed: { y: number | null };
}

function moneyTooltip(t: Translator, currency: string) {
  const f = formatterFor(t.locale);
  return (item: TooltipPoint) =>
    t(dashboard_chart_tooltip, { label: item.dataset.label ?? "", value: f.money(Math.round(Number(item.parsed.y) * 100), currency) });
}

/** Axis labels in the table style ("2026-04" in both languages): the chart's data table below it says the same. */
function monthLabels(t: Translator, months: readonly { month: string }[]): string[] {
  const f = formatterFor(t.locale);
  return months.map((m) => f.monthCell(m.month));
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

/** The tooltip's footer on a month without a report ("No report for this month"); nothing otherwise. */
function noReportFooter(t: Translator, slots: readonly { point: unknown }[]) {
  return (items: readonly { dataIndex: number }[]) => (items[0] && slots[items[0].dataIndex]?.point === null ? t(dashboard_chart_noReportTooltip) : "");
}

/**
 * Cash (left axis) and runway (right axis) by month. The reported months may have gaps: every
 * calendar month from the first to the last keeps its place, a month without a report is null
 * in both lines and neither line is drawn across it (spanGaps false).
 */
export function cashRunwayChartConfig(
  points: readonly CashRunwayPoint[],
  currency: string,
  t: Translator,
): ChartConfiguration<"line", (number | null)[], string> {
  const slots = onCalendar(points);
  return {
    type: "line",
    data: {
      labels: monthLabels(t, slots),
      datasets: [
        {
          label: t(dashboard_cashRunway_cashDataset, { currency }),
          data: slots.map((s) => (s.point ? toMajor(s.point.cash) : null)),
          yAxisID: "cash",
          borderColor: SERIES_COLOURS.cash,
          backgroundColor: SERIES_COLOURS.cash,
          spanGaps: false,
          tension: 0.2,
        },
        {
          label: t(dashboard_cashRunway_runwayDataset),
          data: slots.map((s) => s.point?.runwayMonths ?? null),
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
          title: { display: true, text: t(dashboard_cashRunway_cashAxis, { currency }) },
          ticks: { callback: moneyTick(t, currency) },
        },
        runway: {
          type: "linear",
          position: "right",
          beginAtZero: true,
          title: { display: true, text: t(dashboard_cashRunway_runwayDataset) },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          callbacks: {
            label: (item) =>
              slots[item.dataIndex]?.point === null
                ? `${item.dataset.label ?? ""}: —`
                : item.dataset.yAxisID === "runway"
                  ? t(dashboard_cashRunway_runwayTooltip, {
                      value: item.parsed.y === null ? t(dashboard_cashRunway_notBurning) : runwayText(t, Number(item.parsed.y)),
                    })
                  : moneyTooltip(t, currency)(item),
            footer: noReportFooter(t, slots),
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

/** Spend by category, stacked per month; a calendar month without a report is an empty slot (null), not a zero bar. */
export function spendByCategoryChartConfig(
  months: readonly SpendMonth[],
  currency: string,
  t: Translator,
): ChartConfiguration<"bar", (number | null)[], string> {
  const slots = onCalendar(months);
  return {
    type: "bar",
    data: {
      labels: monthLabels(t, slots),
      datasets: SPEND_CATEGORIES.map((category) => ({
        label: spendCategoryLabel(t, category),
        data: slots.map((s) => (s.point ? toMajor(s.point.spend[category]) : null)),
        backgroundColor: SPEND_CATEGORY_COLOURS[category],
        stack: "spend",
      })),
    },
    options: {
      ...baseOptions,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { callback: moneyTick(t, currency) } },
      },
      plugins: { legend: { position: "bottom" }, tooltip: { callbacks: { label: moneyTooltip(t, currency), footer: noReportFooter(t, slots) } } },
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
  t: Translator,
): ChartConfiguration<"bar", (number | null)[], string> {
  // Actual spend is split into two datasets on one stack, so an over-budget bar is red and
  // the legend names both colours; each category has a value in exactly one of them.
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => spendCategoryLabel(t, r.category)),
      datasets: [
        {
          label: t(dashboard_budget_budgetDataset),
          data: rows.map((r) => toMajor(r.budget)),
          backgroundColor: SERIES_COLOURS.budget,
          stack: "budget",
        },
        {
          label: t(dashboard_budget_actualDataset),
          data: rows.map((r) => (r.overrun ? null : toMajor(r.actual))),
          backgroundColor: SERIES_COLOURS.actual,
          stack: "actual",
        },
        {
          label: t(dashboard_budget_overrunDataset),
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
        y: { stacked: true, beginAtZero: true, ticks: { callback: moneyTick(t, currency) } },
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: { filter: (item) => item.raw !== null, callbacks: { label: moneyTooltip(t, currency) } },
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

export function debtServiceChartConfig(months: readonly DebtServiceMonth[], currency: string, t: Translator): ChartConfiguration<"bar", number[], string> {
  return {
    type: "bar",
    data: {
      labels: monthLabels(t, months),
      datasets: [
        { label: t(dashboard_debt_interest), data: months.map((m) => toMajor(m.interest)), backgroundColor: SERIES_COLOURS.interest, stack: "service" },
        { label: t(dashboard_debt_principal), data: months.map((m) => toMajor(m.principal)), backgroundColor: SERIES_COLOURS.principal, stack: "service" },
      ],
    },
    options: {
      ...baseOptions,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { callback: moneyTick(t, currency) } },
      },
      plugins: { legend: { position: "bottom" }, tooltip: { callbacks: { label: moneyTooltip(t, currency) } } },
    },
  };
}
