import { SPEND_CATEGORIES, type SpendCategory } from "~/finance";

export { SPEND_CATEGORIES, type SpendCategory };

/**
 * The fixed operating-spend categories (product spec, "Monthly reports"). Fixed so that
 * portfolios compare like with like; shaped for AI companies, hence compute and data first.
 */
export const SPEND_CATEGORY_INFO: Record<SpendCategory, { label: string; meaning: string }> = {
  compute: { label: "Compute", meaning: "GPU / cloud for training and inference" },
  data: { label: "Data", meaning: "Data acquisition, labelling, licensing" },
  payroll: { label: "Payroll", meaning: "Salaries, benefits, contractors" },
  research: { label: "Research", meaning: "Other R&D: tools, research services" },
  go_to_market: { label: "Go-to-market", meaning: "Sales and marketing" },
  general_admin: { label: "General & admin", meaning: "Rent, legal, finance, insurance" },
  other: { label: "Other", meaning: "Anything else" },
};

/** The camelCase column of monthly_reports that holds each category's spend. */
export const SPEND_CATEGORY_COLUMN = {
  compute: "compute",
  data: "data",
  payroll: "payroll",
  research: "research",
  go_to_market: "goToMarket",
  general_admin: "generalAdmin",
  other: "other",
} as const satisfies Record<SpendCategory, string>;

export type SpendColumn = (typeof SPEND_CATEGORY_COLUMN)[SpendCategory];

export function isSpendCategory(value: unknown): value is SpendCategory {
  return typeof value === "string" && (SPEND_CATEGORIES as readonly string[]).includes(value);
}

export function spendCategoryLabel(category: SpendCategory): string {
  return SPEND_CATEGORY_INFO[category].label;
}
