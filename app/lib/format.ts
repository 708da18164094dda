/**
 * Display helpers shared by the dashboard cards, chart configs and their data tables.
 * Amounts arrive as integer minor units; formatting is the last step, never an input to math.
 */
import type { SpendCategory } from "~/finance/burn";

export const SPEND_CATEGORY_LABELS: Record<SpendCategory, string> = {
  compute: "Compute",
  data: "Data",
  payroll: "Payroll",
  research: "Research",
  go_to_market: "Go-to-market",
  general_admin: "General & admin",
  other: "Other",
};

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-04" → "Apr 2026", for axis labels where space is short. */
export function formatMonthShort(month: string): string {
  const index = Number(month.slice(5, 7)) - 1;
  return `${MONTH_NAMES[index] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/** "2026-02" and "2026-04" → "2026-02 – 2026-04"; a single month stays a single month. */
export function formatMonthRange(first: string, last: string): string {
  return first === last ? first : `${first} – ${last}`;
}

/** Runway months for display (already rounded down by the finance module), or "Not burning". */
export function formatRunway(months: number | null): string {
  if (months === null) return "Not burning";
  return `${months.toFixed(1)} months`;
}

/** A ratio such as a burn multiple: "1.35×". */
export function formatMultiple(value: number, digits = 2): string {
  return `${value.toFixed(digits)}×`;
}

/** "3 months" / "1 month". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
