import { SPEND_CATEGORIES, type SpendCategory } from "~/finance";
import type { PlainKey } from "~/i18n/translate";

export { SPEND_CATEGORIES, type SpendCategory };

/**
 * The fixed operating-spend categories (product spec, "Monthly reports"). Fixed so that
 * portfolios compare like with like; shaped for AI companies, hence compute and data first.
 * Pages show t(SPEND_CATEGORY_KEYS[c].label) (spendCategoryLabel in ~/lib/format) and the
 * meaning as its hint. The one table of these keys: the dashboard, the budget grid and the
 * report form name a category the same way.
 */
export const SPEND_CATEGORY_KEYS: Record<SpendCategory, { label: PlainKey; meaning: PlainKey }> = {
  compute: { label: "records.spend.compute", meaning: "records.spendMeaning.compute" },
  data: { label: "records.spend.data", meaning: "records.spendMeaning.data" },
  payroll: { label: "records.spend.payroll", meaning: "records.spendMeaning.payroll" },
  research: { label: "records.spend.research", meaning: "records.spendMeaning.research" },
  go_to_market: { label: "records.spend.go_to_market", meaning: "records.spendMeaning.go_to_market" },
  general_admin: { label: "records.spend.general_admin", meaning: "records.spendMeaning.general_admin" },
  other: { label: "records.spend.other", meaning: "records.spendMeaning.other" },
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
