/**
 * Time axes follow the calendar: a month without a report keeps its place on the axis as an
 * empty slot (null points, never joined across), so a seven-month gap looks like seven
 * months. Pure; used by the chart builders and by the cards' data tables alike, so a chart
 * and its table always show the same months.
 */
import { missingMonths, monthsBetween, monthRuns } from "~/finance/month";

export interface CalendarSlot<T> {
  month: string;
  /** null: no report for this month. */
  point: T | null;
}

/** One slot per calendar month from the first point's month to the last's (points in any order). */
export function onCalendar<T extends { month: string }>(points: readonly T[]): CalendarSlot<T>[] {
  if (points.length === 0) return [];
  const byMonth = new Map(points.map((p) => [p.month, p]));
  const months = [...byMonth.keys()].sort();
  return monthsBetween(months[0]!, months.at(-1)!).map((month) => ({ month, point: byMonth.get(month) ?? null }));
}

/** The months a series leaves empty, grouped into runs ("2026-03 … 2026-09"), for the line under a chart. */
export function gapRuns(points: readonly { month: string }[]): { first: string; last: string }[] {
  return monthRuns(missingMonths(points.map((p) => p.month)));
}
