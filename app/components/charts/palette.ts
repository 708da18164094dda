import type { SpendCategory } from "~/finance/burn";

/**
 * One colour per meaning, the same on every chart: compute is always indigo, so a reader
 * who learned it on the spend chart finds it again on the budget chart. Colour only repeats
 * what the legend and the data table say in words.
 */
export const SPEND_CATEGORY_COLOURS: Record<SpendCategory, string> = {
  compute: "#4f46e5",
  data: "#0891b2",
  payroll: "#059669",
  research: "#d97706",
  go_to_market: "#db2777",
  general_admin: "#64748b",
  other: "#a8a29e",
};

export const SERIES_COLOURS = {
  cash: "#4f46e5",
  runway: "#059669",
  budget: "#cbd5e1",
  actual: "#4f46e5",
  overrun: "#dc2626",
  interest: "#f59e0b",
  principal: "#4f46e5",
} as const;

/** Heat-map cell backgrounds by risk band (Tailwind classes, text stays dark for contrast). */
export const RISK_BAND_CELL_CLASSES = {
  low: "bg-emerald-100 text-emerald-950",
  medium: "bg-amber-100 text-amber-950",
  high: "bg-orange-200 text-orange-950",
  critical: "bg-red-300 text-red-950",
} as const;
