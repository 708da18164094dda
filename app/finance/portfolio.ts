/**
 * Portfolio-level rules that the investor's SQL applies to a thousand companies at once.
 * Each rule is stated here once as a pure function (the definition), and once as the
 * boundaries the SQL compares against; the tests prove both say the same.
 */
import { DEFAULT_REPORT_DUE_DAY, reportDueDate, reportingStatus, type ReportingStatus } from "./covenants";
import { addMonths, compareMonths, monthDiff, type IsoDate, type Month } from "./month";
import type { RunwayLevel, RunwayThresholds } from "./runway";

export interface PortfolioReportingStatus {
  readonly status: ReportingStatus;
  /** The report the company owes next: the month after its last reported month. */
  readonly expectedMonth: Month;
  readonly dueDate: IsoDate;
}

/**
 * Where a company stands with its reports on `today`, judged by the month after its last
 * reported month (the report for month m is due by `dueDay` of m + 1). While that month
 * has not ended yet, nothing is owed: "reported" (up to date). Otherwise that month's
 * report is "due" until its due date and "overdue" after it.
 */
export function portfolioReportingStatus(lastReportedMonth: Month, today: IsoDate, dueDay = DEFAULT_REPORT_DUE_DAY): PortfolioReportingStatus {
  const expectedMonth = addMonths(lastReportedMonth, 1);
  const stillRunning = compareMonths(expectedMonth, today.slice(0, 7)) >= 0;
  const { status, dueDate } = reportingStatus(expectedMonth, stillRunning, today, dueDay);
  return { status, expectedMonth, dueDate };
}

/**
 * The same rule as two month boundaries, so SQL can classify every company with plain
 * text comparisons of `YYYY-MM` (which sort like the months they name):
 * last month ≥ reportedFrom → reported; ≥ dueFrom → due; otherwise overdue.
 * dueFrom = reportedFrom when no company can be merely "due" today (past the due day).
 */
export function reportingStatusBoundaries(today: IsoDate, dueDay = DEFAULT_REPORT_DUE_DAY): { reportedFrom: Month; dueFrom: Month } {
  const previous = addMonths(today.slice(0, 7), -1);
  // Only last month's report can still be inside its grace period: a company whose last
  // report is the month before that owes it until last month's report's due date.
  const graceOpen = today <= reportDueDate(previous, dueDay);
  return { reportedFrom: previous, dueFrom: graceOpen ? addMonths(previous, -1) : previous };
}

export function classifyByBoundaries(lastReportedMonth: Month, bounds: { reportedFrom: Month; dueFrom: Month }): ReportingStatus {
  if (compareMonths(lastReportedMonth, bounds.reportedFrom) >= 0) return "reported";
  if (compareMonths(lastReportedMonth, bounds.dueFrom) >= 0) return "due";
  return "overdue";
}

export type PortfolioRunwayLevel = RunwayLevel | "not_burning";

/**
 * The level of a stored runway (months rounded down to 0.1, null = not burning) against
 * thresholds with at most one decimal. Rounding down to 0.1 keeps "below 3" exact: a
 * runway of 2.99 months is stored as 2.9, and 3.0 stays 3.0.
 */
export function runwayLevelOfStored(
  runwayMonths: number | null,
  thresholds: RunwayThresholds,
  cashOut?: { readonly month: Month; readonly cashOutMonth: Month | null },
): PortfolioRunwayLevel {
  if (runwayMonths === null) {
    // Not burning, yet debt service ahead can exhaust the cash (a refinancing need): the
    // whole months of cash before that month stand in for the runway.
    if (!cashOut || cashOut.cashOutMonth === null) return "not_burning";
    const months = monthsOfCashBeforeCashOut(cashOut.month, cashOut.cashOutMonth);
    if (months < thresholds.criticalBelowMonths) return "critical";
    if (months < thresholds.cautionBelowMonths) return "caution";
    return "not_burning";
  }
  if (runwayMonths < thresholds.criticalBelowMonths) return "critical";
  if (runwayMonths < thresholds.cautionBelowMonths) return "caution";
  return "ok";
}

/**
 * Whole months of cash left before the cash-out month: cash closes below zero in m + k, so it
 * covers k − 1 months in full. The same count a burning company's runway rounds to (a runway of
 * 3.0 months runs out in m + 4), and never more than the cash pays for.
 */
export function monthsOfCashBeforeCashOut(month: Month, cashOutMonth: Month): number {
  return monthDiff(month, cashOutMonth) - 1;
}

/** The thresholds in words, as the runway chart and filter say them. */
export function runwayThresholdsText(t: RunwayThresholds): string {
  return `critical under ${formatMonths(t.criticalBelowMonths)} months, caution under ${formatMonths(t.cautionBelowMonths)} months, ok from ${formatMonths(t.cautionBelowMonths)} months`;
}

function formatMonths(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
