import { SPEND_CATEGORIES, type SpendCategory } from "~/finance/burn";
import { compareMonths } from "~/finance/month";
import type { MessageRef } from "~/i18n/message-ref";
import { messageRef } from "~/i18n/translate";
import { budgetCellName } from "~/domain/budget-cells";
import { parseMajorToMinor } from "./money";
import { isSpendCategory } from "~/domain/spend-categories";
import { BUDGET_YEARS_AHEAD, EARLIEST_MONTH, EARLIEST_YEAR, isRecordableMonth } from "./bounds";
import { readAmount, readMonth, type ImportSpec } from "./csv-cells";
import { records_budget_amountInvalid } from "~/paraglide/messages/records_budget_amountinvalid1.js";
import { records_budget_categoryUnknown } from "~/paraglide/messages/records_budget_categoryunknown1.js";
import { records_budget_monthInvalid } from "~/paraglide/messages/records_budget_monthinvalid1.js";
import { records_budget_monthOutsideYear } from "~/paraglide/messages/records_budget_monthoutsideyear2.js";
import { records_budget_yearInvalid } from "~/paraglide/messages/records_budget_yearinvalid1.js";
import { records_budgets_amountFormat } from "~/paraglide/messages/records_budgets_amountformat1.js";
import { records_budgets_negative } from "~/paraglide/messages/records_budgets_negative.js";
import { records_budgets_unknownCell } from "~/paraglide/messages/records_budgets_unknowncell1.js";
import { records_import_error_budgetDuplicate } from "~/paraglide/messages/records_import_error_budgetduplicate1.js";
import { records_import_error_budgetTooFar } from "~/paraglide/messages/records_import_error_budgettoofar2.js";
import { records_import_error_categoryMissing } from "~/paraglide/messages/records_import_error_categorymissing1.js";
import { records_import_error_categoryUnknown } from "~/paraglide/messages/records_import_error_categoryunknown1.js";

// A budget's rules, once: the grid form (app/routes/o.$orgSlug.budgets._index.tsx), the CSV
// importer's row check and the model's own check (app/models/budget.server.ts).

export { BUDGET_YEARS_AHEAD };
export const BUDGET_COLUMNS = ["month", "category", "amount"] as const;

/** One budget amount (minor units) for a month and category: the CSV row. */
export interface BudgetImportRow {
  month: string;
  category: SpendCategory;
  amount: number;
}

/** A grid cell as the editor submits it: null clears the budget. */
export interface BudgetCellInput {
  month: string;
  category: string;
  amount: number | null;
}

/** The last month a budget may be planned for, seen from `currentYear`. */
export function latestBudgetMonth(currentYear: number): string {
  return `${currentYear + BUDGET_YEARS_AHEAD}-12`;
}

export function fiscalYearError(fiscalYear: number, now = new Date()): MessageRef | null {
  const latest = now.getUTCFullYear() + BUDGET_YEARS_AHEAD;
  if (!Number.isInteger(fiscalYear) || fiscalYear < EARLIEST_YEAR || fiscalYear > latest) {
    return messageRef(records_budget_yearInvalid, {
      earliest: String(EARLIEST_YEAR),
      latest: String(latest),
    });
  }
  return null;
}

/** The model's check of one cell or row: `field` names it in the errors. */
export function budgetRowErrors(
  row: { month: string; category: string; amount: number | null },
  field: string,
  fiscalYear?: number,
): Record<string, MessageRef> {
  if (!isRecordableMonth(row.month)) {
    return {
      [field]: messageRef(records_budget_monthInvalid, {
        month: row.month,
        earliest: EARLIEST_MONTH,
      }),
    };
  }
  if (fiscalYear !== undefined && Number(row.month.slice(0, 4)) !== fiscalYear) {
    return {
      [field]: messageRef(records_budget_monthOutsideYear, {
        month: row.month,
        year: String(fiscalYear),
      }),
    };
  }
  if (!isSpendCategory(row.category)) {
    return {
      [field]: messageRef(records_budget_categoryUnknown, {
        value: row.category,
        categories: SPEND_CATEGORIES.join(", "),
      }),
    };
  }
  if (row.amount !== null && (!Number.isSafeInteger(row.amount) || row.amount < 0)) {
    return { [field]: messageRef(records_budget_amountInvalid) };
  }
  return {};
}

/**
 * The grid form: every `b:<month>:<category>` field, blank = clear the budget. Field errors
 * are message refs (formFailure renders them); `yours` is what was typed, for a conflict.
 */
export function parseBudgetGrid(formData: FormData) {
  const fieldErrors: Record<string, MessageRef> = {};
  const cells: BudgetCellInput[] = [];
  const yours: Record<string, string> = {};
  for (const [key, raw] of formData.entries()) {
    if (!key.startsWith("b:") || typeof raw !== "string") continue;
    const [, month = "", category = "", ...extra] = key.split(":");
    const text = raw.trim();
    yours[key] = text;
    const amount = text === "" ? null : parseMajorToMinor(text);
    if (extra.length > 0) fieldErrors[key] = messageRef(records_budgets_unknownCell);
    else if (text !== "" && amount === null) fieldErrors[key] = messageRef(records_budgets_amountFormat);
    else if (amount !== null && amount < 0) fieldErrors[key] = messageRef(records_budgets_negative);
    else cells.push({ month, category, amount });
  }
  return { cells, fieldErrors, yours };
}

export { budgetCellName };

export const budgetImportSpec: ImportSpec<BudgetImportRow, (typeof BUDGET_COLUMNS)[number]> = {
  columns: BUDGET_COLUMNS,
  toRow(cells, issue, currentMonth, _options, t) {
    const month = readMonth(cells.month, issue, t);
    const latest = latestBudgetMonth(Number(currentMonth.slice(0, 4)));
    const tooFar = month !== null && compareMonths(month, latest) > 0;
    if (tooFar) issue("month", t(records_import_error_budgetTooFar, { month, latest }));
    const category = cells.category.toLowerCase();
    const known = isSpendCategory(category);
    const categories = SPEND_CATEGORIES.join(", ");
    if (category === "") issue("category", t(records_import_error_categoryMissing, { categories }));
    else if (!known)
      issue(
        "category",
        t(records_import_error_categoryUnknown, {
          value: cells.category,
          categories,
        }),
      );
    const amount = readAmount(cells.amount, "amount", issue, t);
    if (month === null || tooFar || !known || amount === null) return null;
    return { month, category, amount };
  },
  key: (row) => `${row.month}|${row.category}`,
  duplicate: (row, firstLine, t) => ({
    column: "category",
    message: t(records_import_error_budgetDuplicate, {
      month: row.month,
      category: row.category,
      line: String(firstLine),
    }),
  }),
};
