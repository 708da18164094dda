// Shared by the budget model and the grid in the browser (so not in a .server module).
/** The form field name of one grid cell, e.g. `b:2026-03:compute`. */
export function budgetCellName(month: string, category: string): string {
  return `b:${month}:${category}`;
}

export const EARLIEST_FISCAL_YEAR = 2000;
/** Budgets may be planned ahead; this far ahead is plenty and keeps the picker short. */
export const FISCAL_YEARS_AHEAD = 5;
