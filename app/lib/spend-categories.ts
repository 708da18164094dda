import { SPEND_CATEGORIES, type SpendCategory } from "~/finance";
import type { PlainKey } from "~/i18n/translate";
import { labelsIn } from "./label-keys";

export { SPEND_CATEGORIES, type SpendCategory };

/**
 * The fixed operating-spend categories (product spec, "Monthly reports"). Fixed so that
 * portfolios compare like with like; shaped for AI companies, hence compute and data first.
 * Pages show t(SPEND_CATEGORY_KEYS[c].label); SPEND_CATEGORY_INFO is the English text.
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

const ENGLISH_LABELS = labelsIn(Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, SPEND_CATEGORY_KEYS[c].label])) as Record<SpendCategory, PlainKey>);
const ENGLISH_MEANINGS = labelsIn(Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, SPEND_CATEGORY_KEYS[c].meaning])) as Record<SpendCategory, PlainKey>);

export const SPEND_CATEGORY_INFO: Record<SpendCategory, { label: string; meaning: string }> = Object.fromEntries(
  SPEND_CATEGORIES.map((c) => [c, { label: ENGLISH_LABELS[c], meaning: ENGLISH_MEANINGS[c] }]),
) as Record<SpendCategory, { label: string; meaning: string }>;

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
