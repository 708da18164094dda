import { SPEND_CATEGORIES, type SpendCategory } from "~/finance";
import type { PlainKey } from "~/i18n/translate";
import { records_spendMeaning_compute } from "~/paraglide/messages/records_spendmeaning_compute1.js";
import { records_spendMeaning_data } from "~/paraglide/messages/records_spendmeaning_data1.js";
import { records_spendMeaning_general_admin } from "~/paraglide/messages/records_spendmeaning_general_admin1.js";
import { records_spendMeaning_go_to_market } from "~/paraglide/messages/records_spendmeaning_go_to_market1.js";
import { records_spendMeaning_other } from "~/paraglide/messages/records_spendmeaning_other1.js";
import { records_spendMeaning_payroll } from "~/paraglide/messages/records_spendmeaning_payroll1.js";
import { records_spendMeaning_research } from "~/paraglide/messages/records_spendmeaning_research1.js";
import { records_spend_compute } from "~/paraglide/messages/records_spend_compute.js";
import { records_spend_data } from "~/paraglide/messages/records_spend_data.js";
import { records_spend_general_admin } from "~/paraglide/messages/records_spend_general_admin.js";
import { records_spend_go_to_market } from "~/paraglide/messages/records_spend_go_to_market.js";
import { records_spend_other } from "~/paraglide/messages/records_spend_other.js";
import { records_spend_payroll } from "~/paraglide/messages/records_spend_payroll.js";
import { records_spend_research } from "~/paraglide/messages/records_spend_research.js";

export { SPEND_CATEGORIES, type SpendCategory };

/**
 * The fixed operating-spend categories (product spec, "Monthly reports"). Fixed so that
 * portfolios compare like with like; shaped for AI companies, hence compute and data first.
 * Pages show t(SPEND_CATEGORY_KEYS[c].label) (spendCategoryLabel in ~/i18n/display) and the
 * meaning as its hint. The one table of these keys: the dashboard, the budget grid and the
 * report form name a category the same way.
 */
export const SPEND_CATEGORY_KEYS: Record<SpendCategory, { label: PlainKey; meaning: PlainKey }> = {
  compute: { label: records_spend_compute, meaning: records_spendMeaning_compute },
  data: { label: records_spend_data, meaning: records_spendMeaning_data },
  payroll: { label: records_spend_payroll, meaning: records_spendMeaning_payroll },
  research: { label: records_spend_research, meaning: records_spendMeaning_research },
  go_to_market: { label: records_spend_go_to_market, meaning: records_spendMeaning_go_to_market },
  general_admin: { label: records_spend_general_admin, meaning: records_spendMeaning_general_admin },
  other: { label: records_spend_other, meaning: records_spendMeaning_other },
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
