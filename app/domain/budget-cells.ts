// Shared by the budget model and the grid in the browser (so not in a .server module).
/** The form field name of one grid cell, e.g. `b:2026-03:compute`. */
export function budgetCellName(month: string, category: string): string {
  return `b:${month}:${category}`;
}

// The year bounds are the shared ones (app/domain/bounds.ts): the earliest month's year, and
// budgets may be planned this far ahead (plenty, and it keeps the picker short).
export { BUDGET_YEARS_AHEAD as FISCAL_YEARS_AHEAD, EARLIEST_YEAR as EARLIEST_FISCAL_YEAR } from "~/domain/bounds";
