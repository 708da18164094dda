// The budget grid's helpers, pure and browser-safe: which fiscal years to offer, spreading an
// annual amount over the months, filling a month's amount into the months after it, and
// copying another year. The grid (app/routes/o.$orgSlug.budgets._index.tsx) applies them to
// what is typed and shows the result; nothing is saved until the user saves.

import { isSpendCategory, SPEND_CATEGORIES, SPEND_CATEGORY_KEYS } from "~/domain/spend-categories";
import { messageRef, type MessageRef } from "~/i18n/translate";
import { budgetCellName } from "./budget-cells";
import { minorToGroupedString, parseAmount } from "./money";
import { records_budgets_allCategories } from "~/paraglide/messages/records_budgets_allcategories1.js";
import { records_budgets_amountFormat } from "~/paraglide/messages/records_budgets_amountformat1.js";
import { records_budgets_negative } from "~/paraglide/messages/records_budgets_negative.js";
import { records_budgets_tools_annualMissing } from "~/paraglide/messages/records_budgets_tools_annualmissing1.js";
import { records_budgets_tools_choose } from "~/paraglide/messages/records_budgets_tools_choose.js";
import { records_budgets_tools_copied } from "~/paraglide/messages/records_budgets_tools_copied.js";
import { records_budgets_tools_copyNone } from "~/paraglide/messages/records_budgets_tools_copynone1.js";
import { records_budgets_tools_filled } from "~/paraglide/messages/records_budgets_tools_filled.js";
import { records_budgets_tools_spread } from "~/paraglide/messages/records_budgets_tools_spread.js";

/**
 * The fiscal years the picker offers, newest first: from the year before the org's first
 * budget or report (or before this year, for an org with no data yet) to next year, plus any
 * year that already has data and the year on screen. Last year is there to look back, this
 * year and next to plan; a year before the first data lets a founder enter what they had
 * planned before they reported here. Other years (2000 … this year + 5) stay reachable by URL;
 * a list of 32 years mostly offered years nobody budgets.
 */
export function budgetYearsOffered(yearsWithData: readonly number[], currentYear: number, selected?: number): number[] {
  const first = Math.min(currentYear, ...yearsWithData);
  const years = new Set<number>(yearsWithData);
  for (let y = first - 1; y <= currentYear + 1; y++) years.add(y);
  if (selected !== undefined && Number.isInteger(selected)) years.add(selected);
  return [...years].sort((a, b) => b - a);
}

/**
 * An annual amount in minor units over `months` months, exactly: each month gets the whole
 * cents of annual / months, and the remainder's cents go one each to the first months, so
 * the months sum to the annual amount and the same input always gives the same months
 * (100,000.00 over 12 → 8,333.34 × 4 then 8,333.33 × 8).
 */
export function spreadAnnual(annualMinor: number, months = 12): number[] {
  if (!Number.isSafeInteger(annualMinor) || annualMinor < 0) throw new RangeError(`An annual amount is whole non-negative minor units, got ${annualMinor}`);
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`Months must be a positive whole number, got ${months}`);
  const base = Math.floor(annualMinor / months);
  const remainder = annualMinor - base * months;
  return Array.from({ length: months }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** The values with the one at `from` copied into every later position ("fill right"); earlier ones stay. */
export function fillRight<T>(values: readonly T[], from: number): T[] {
  const source = values[from];
  if (!Number.isInteger(from) || from < 0 || source === undefined) throw new RangeError(`No month at position ${from}`);
  return values.map((v, i) => (i > from ? source : v));
}

/** Grid cell values (cell name → text) for `toYear`, from another year's saved amounts, month by month. */
export function copyYearValues(rows: readonly { month: string; category: string; amount: number }[], toYear: number): Record<string, string> {
  const values: Record<string, string> = {};
  for (const row of rows) values[budgetCellName(`${toYear}-${row.month.slice(5, 7)}`, row.category)] = minorToGroupedString(row.amount);
  return values;
}

/** The twelve months of a fiscal year (calendar year). */
export function yearMonths(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
}

/** Spread `annualMinor` over one category's twelve cells of the typed grid. */
export function spreadIntoGrid(values: Record<string, string>, year: number, category: string, annualMinor: number): Record<string, string> {
  const amounts = spreadAnnual(annualMinor, 12);
  const next = { ...values };
  yearMonths(year).forEach((month, i) => {
    next[budgetCellName(month, category)] = minorToGroupedString(amounts[i] ?? 0);
  });
  return next;
}

/** Copies `fromMonth`'s typed value into the later months of the year, for one category or all. */
export function fillRightInGrid(values: Record<string, string>, year: number, fromMonth: string, category: string | "all"): Record<string, string> {
  const months = yearMonths(year);
  const from = months.indexOf(fromMonth);
  const categories = category === "all" ? [...SPEND_CATEGORIES] : [category];
  const next = { ...values };
  for (const c of categories) {
    const filled = fillRight(
      months.map((m) => values[budgetCellName(m, c)] ?? ""),
      from,
    );
    months.forEach((m, i) => {
      next[budgetCellName(m, c)] = filled[i] ?? "";
    });
  }
  return next;
}

export const BUDGET_TOOLS = ["copyYear", "spread", "fillRight"] as const;
export type BudgetTool = (typeof BUDGET_TOOLS)[number];
export const isBudgetTool = (value: unknown): value is BudgetTool => (BUDGET_TOOLS as readonly unknown[]).includes(value);

/** What a tool produced: the grid to show (not saved) and a notice, or field errors; texts are message refs. */
export type BudgetToolResult = { ok: true; values: Record<string, string>; notice: MessageRef } | { ok: false; fieldErrors: Record<string, MessageRef> };

/**
 * Applies one grid tool to what was typed (`typed`: cell name → text). `copyRows` are the
 * saved rows of the year to copy (the route reads them through the budget model).
 */
export function applyBudgetTool(
  tool: BudgetTool,
  form: { get(name: string): unknown },
  typed: Record<string, string>,
  year: number,
  copyRows: readonly { month: string; category: string; amount: number }[] = [],
): BudgetToolResult {
  const field = (name: string) => String(form.get(name) ?? "").trim();
  const choose = messageRef(records_budgets_tools_choose);
  if (tool === "copyYear") {
    const from = field("copyFrom");
    if (!/^\d{4}$/.test(from)) return { ok: false, fieldErrors: { copyFrom: choose } };
    if (copyRows.length === 0) return { ok: false, fieldErrors: { copyFrom: messageRef(records_budgets_tools_copyNone, { year: from }) } };
    return { ok: true, values: copyYearValues(copyRows, year), notice: messageRef(records_budgets_tools_copied, { from, year: String(year) }) };
  }
  if (tool === "spread") {
    const category = field("spreadCategory");
    if (!isSpendCategory(category)) return { ok: false, fieldErrors: { spreadCategory: choose } };
    const text = field("spreadAmount");
    if (text === "") return { ok: false, fieldErrors: { spreadAmount: messageRef(records_budgets_tools_annualMissing) } };
    const parsed = parseAmount(text);
    if (!parsed.ok) return { ok: false, fieldErrors: { spreadAmount: messageRef(records_budgets_amountFormat) } };
    if (parsed.minor < 0) return { ok: false, fieldErrors: { spreadAmount: messageRef(records_budgets_negative) } };
    return {
      ok: true,
      values: spreadIntoGrid(typed, year, category, parsed.minor),
      notice: messageRef(records_budgets_tools_spread, {
        amount: minorToGroupedString(parsed.minor),
        category: SPEND_CATEGORY_KEYS[category].label,
        year: String(year),
      }),
    };
  }
  const month = field("fillMonth");
  const category = field("fillCategory");
  if (!yearMonths(year).includes(month)) return { ok: false, fieldErrors: { fillMonth: choose } };
  if (category !== "all" && !isSpendCategory(category)) return { ok: false, fieldErrors: { fillCategory: choose } };
  return {
    ok: true,
    values: fillRightInGrid(typed, year, month, category),
    notice: messageRef(records_budgets_tools_filled, {
      month,
      category: category === "all" ? records_budgets_allCategories : SPEND_CATEGORY_KEYS[category].label,
    }),
  };
}
