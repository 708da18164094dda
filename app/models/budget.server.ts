import { createHash } from "node:crypto";
import { and, asc, eq, getTableColumns, gte, inArray, lte, sql } from "drizzle-orm";
import type { Tx } from "~db/client";
import { budgets, monthlyReports, orgs } from "~db/schema";
import { withTenant } from "~db/tenant";
import { budgetVariance, grossBurn, monthsBetween, type Month } from "~/finance";
import type { FieldErrors } from "~/server/forms.server";
import { literalRef } from "~/i18n/message-ref";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { SPEND_CATEGORIES, SPEND_CATEGORY_COLUMN, isSpendCategory, type SpendCategory } from "~/domain/spend-categories";
import { budgetCellName, budgetRowErrors, fiscalYearError, type BudgetCellInput } from "~/domain/budget";
import { importedRowEntry, recordAudit, recordAudits } from "./audit.server";
import type { OrgContext } from "~/auth/context";
import type { UpsertCounts } from "./monthly-report.server";
import { records_budget_cellTwice } from "~/paraglide/messages/records_budget_celltwice1.js";
import { records_budget_checkAmounts } from "~/paraglide/messages/records_budget_checkamounts1.js";
import { records_budget_conflict } from "~/paraglide/messages/records_budget_conflict.js";
import { readInOrg } from "./org-read.server";

const BULK_BATCH = 1000;

/** One budget amount (minor units) for a month and category. */
export interface BudgetRow {
  month: string;
  category: string;
  amount: number;
}

export type { BudgetCellInput };

export type BudgetGrid = Record<Month, Partial<Record<SpendCategory, number>>>;

export interface VarianceCell {
  /** Spend reported for the month (minor units); null when the month is not reported. */
  actual: number | null;
  /** null when no budget was set. */
  budget: number | null;
  /** actual − budget; null unless both are known. */
  variance: number | null;
  /** (actual − budget) / budget; null unless both are known and the budget is not 0. */
  variancePercent: number | null;
  /** More than the org's threshold over budget (or any spend against a zero budget). */
  overrun: boolean;
}

/**
 * Fiscal years are calendar years: the org settings carry no fiscal-year start month,
 * and reports are calendar months (product spec, "Definitions").
 */
export function fiscalYearMonths(fiscalYear: number): Month[] {
  return monthsBetween(`${fiscalYear}-01`, `${fiscalYear}-12`);
}

function throwIfInvalid(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new AppError("INVALID", messageRef(records_budget_checkAmounts), errors);
}

type BudgetDbRow = typeof budgets.$inferSelect;

/**
 * A fingerprint of a year's grid (every cell's amount and version): the editor sends back
 * the one it loaded, and a different one at save time means someone else saved meanwhile.
 */
function gridToken(rows: readonly BudgetDbRow[]): string {
  const lines = rows.map((r) => `${r.month}|${r.category}|${r.amount}|${r.version}`).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 32);
}

function yearRows(tx: Tx, ctx: Pick<OrgContext, "org">, fiscalYear: number) {
  return tx
    .select()
    .from(budgets)
    .where(and(eq(budgets.orgId, ctx.org.id), gte(budgets.month, `${fiscalYear}-01`), lte(budgets.month, `${fiscalYear}-12`)))
    .orderBy(asc(budgets.month), asc(budgets.category));
}

/**
 * Budget writers take the org row's lock, so a grid save's check-then-write and an import
 * cannot interleave (new rows have nothing to lock yet). `no key update` leaves other
 * tenant inserts, which only key-share the org row, unblocked.
 */
async function lockBudgets(tx: Tx, ctx: Pick<OrgContext, "org">) {
  await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, ctx.org.id)).for("no key update");
}

/** The year's budget grid: amounts by month and category, plus the token to save it with. */

export async function listBudgets(ctx: OrgContext, fiscalYear: number) {
  const rows = await readInOrg(ctx, (tx) => yearRows(tx, ctx, fiscalYear));
  const grid: BudgetGrid = Object.fromEntries(fiscalYearMonths(fiscalYear).map((m) => [m, {}]));
  for (const row of rows) {
    const month = grid[row.month];
    if (isSpendCategory(row.category) && month) month[row.category] = row.amount;
  }
  return {
    fiscalYear,
    months: fiscalYearMonths(fiscalYear),
    grid,
    token: gridToken(rows),
    rows: rows.map(({ month, category, amount }) => ({ month, category, amount })),
  };
}

/** Every budget row of the org (or of one year), by month then category order (CSV export). */
export async function listBudgetRows(ctx: OrgContext, fiscalYear?: number): Promise<BudgetRow[]> {
  const rows = await readInOrg(ctx, (tx) =>
    fiscalYear === undefined ? tx.select().from(budgets).where(eq(budgets.orgId, ctx.org.id)).orderBy(asc(budgets.month)) : yearRows(tx, ctx, fiscalYear),
  );
  const order = (c: string) => (isSpendCategory(c) ? SPEND_CATEGORIES.indexOf(c) : SPEND_CATEGORIES.length);
  return rows
    .map(({ month, category, amount }) => ({ month, category, amount }))
    .sort((a, b) => (a.month === b.month ? order(a.category) - order(b.category) : a.month < b.month ? -1 : 1));
}

/** Years that have budgets or reports, for the year picker. */
export async function listBudgetYears(ctx: OrgContext): Promise<number[]> {
  const rows = await readInOrg(ctx, async (tx) => [
    ...(await tx
      .selectDistinct({ year: sql<string>`substr(${budgets.month}, 1, 4)` })
      .from(budgets)
      .where(eq(budgets.orgId, ctx.org.id))),
    ...(await tx
      .selectDistinct({ year: sql<string>`substr(${monthlyReports.month}, 1, 4)` })
      .from(monthlyReports)
      .where(eq(monthlyReports.orgId, ctx.org.id))),
  ]);
  return [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
}

/** Set-based write of budget amounts; returns the rows actually inserted or changed. */
async function writeBudgetRows(tx: Tx, ctx: Pick<OrgContext, "org">, rows: readonly BudgetRow[]) {
  const written: (BudgetDbRow & { inserted: boolean })[] = [];
  for (let i = 0; i < rows.length; i += BULK_BATCH) {
    const batch = rows.slice(i, i + BULK_BATCH);
    written.push(
      ...(await tx
        .insert(budgets)
        .values(batch.map((r) => ({ orgId: ctx.org.id, month: r.month, category: r.category, amount: r.amount })))
        .onConflictDoUpdate({
          target: [budgets.orgId, budgets.month, budgets.category],
          set: { amount: sql`excluded.amount`, updatedAt: sql`now()`, version: sql`${budgets.version} + 1` },
          setWhere: sql`${budgets.amount} is distinct from excluded.amount`,
        })
        // xmax is 0 only on a freshly inserted row version: it tells inserts from updates.
        .returning({ ...getTableColumns(budgets), inserted: sql<boolean>`(xmax = 0)` })),
    );
  }
  return written;
}

const cellKey = (month: string, category: string) => `${month}:${category}`;

/**
 * Saves the edited cells of a year's grid in one transaction: changed amounts are upserted,
 * cleared cells deleted, untouched cells left alone. `expectedToken` is the grid token the
 * editor loaded; if the grid changed since, nothing is written and the caller gets a conflict.
 * One audit entry per save, with the changed cells before and after.
 */
export async function saveBudgetGrid(
  ctx: OrgContext,
  fiscalYear: number,
  cells: readonly BudgetCellInput[],
  expectedToken: string,
): Promise<{ changed: number; token: string }> {
  const yearError = fiscalYearError(fiscalYear);
  if (yearError) throw new AppError("INVALID", yearError, { year: yearError });
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  for (const cell of cells) {
    const field = budgetCellName(cell.month, cell.category);
    Object.assign(errors, budgetRowErrors(cell, field, fiscalYear));
    if (seen.has(field)) errors[field] = messageRef(records_budget_cellTwice);
    seen.add(field);
  }
  throwIfInvalid(errors);

  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    await lockBudgets(tx, ctx);
    const current = await yearRows(tx, ctx, fiscalYear);
    if (gridToken(current) !== expectedToken) {
      throw new AppError("CONFLICT", messageRef(records_budget_conflict, { year: String(fiscalYear) }));
    }
    const existing = new Map(current.map((r) => [cellKey(r.month, r.category), r.amount]));
    const upserts: BudgetRow[] = [];
    const deletions: { month: string; category: string }[] = [];
    const before: Record<string, number | null> = {};
    const after: Record<string, number | null> = {};
    for (const cell of cells) {
      const key = cellKey(cell.month, cell.category);
      const old = existing.get(key) ?? null;
      if (old === cell.amount) continue;
      before[key] = old;
      after[key] = cell.amount;
      if (cell.amount === null) deletions.push(cell);
      else upserts.push({ month: cell.month, category: cell.category, amount: cell.amount });
    }
    const changed = upserts.length + deletions.length;
    if (changed === 0) return { changed: 0, token: gridToken(current) };
    await writeBudgetRows(tx, ctx, upserts);
    if (deletions.length > 0) {
      await tx.delete(budgets).where(
        and(
          eq(budgets.orgId, ctx.org.id),
          sql`(${budgets.month}, ${budgets.category}) in (${sql.join(
            deletions.map((d) => sql`(${d.month}, ${d.category})`),
            sql`, `,
          )})`,
        ),
      );
    }
    await recordAudit(tx, ctx, {
      action: "budget.save_grid",
      entityType: "budget_grid",
      entityId: String(fiscalYear),
      before,
      after,
    });
    return { changed, token: gridToken(await yearRows(tx, ctx, fiscalYear)) };
  });
}

/**
 * Bulk insert-or-update for the CSV importer, inside its open tenant transaction. Set-based
 * (multi-row insert … on conflict … do update where the amount differs), so re-importing
 * identical data changes nothing and bumps no version. One audit entry per changed row.
 */
export async function upsertBudgets(tx: Tx, ctx: Pick<OrgContext, "org" | "user">, rows: readonly BudgetRow[]): Promise<UpsertCounts> {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    Object.assign(errors, budgetRowErrors(row, `rows.${i}`));
    const key = cellKey(row.month, row.category);
    if (seen.has(key)) errors[`rows.${i}`] = literalRef(`${row.month} ${row.category} appears more than once.`);
    seen.add(key);
  });
  throwIfInvalid(errors);
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };

  await lockBudgets(tx, ctx);
  const months = [...new Set(rows.map((r) => r.month))];
  const previous = new Map<string, number>();
  for (let i = 0; i < months.length; i += BULK_BATCH) {
    const found = await tx
      .select({ month: budgets.month, category: budgets.category, amount: budgets.amount })
      .from(budgets)
      .where(and(eq(budgets.orgId, ctx.org.id), inArray(budgets.month, months.slice(i, i + BULK_BATCH))));
    for (const r of found) previous.set(cellKey(r.month, r.category), r.amount);
  }
  const written = await writeBudgetRows(tx, ctx, rows);
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: rows.length - written.length };
  const entries = written.map((row) => {
    const key = cellKey(row.month, row.category);
    const isInsert = row.inserted === true || !previous.has(key);
    const before = isInsert ? null : { month: row.month, category: row.category, amount: previous.get(key) };
    return importedRowEntry(counts, "budget", key, before, { month: row.month, category: row.category, amount: row.amount, version: row.version });
  });
  await recordAudits(tx, ctx, entries);
  return counts;
}

function cellOf(actual: number | null, budget: number | null, threshold: number): VarianceCell {
  if (actual === null || budget === null) return { actual, budget, variance: null, variancePercent: null, overrun: false };
  return { actual, budget, ...budgetVariance(actual, budget, threshold) };
}

/**
 * Budget vs actual for each month and category of a fiscal year, with the month totals
 * (actual = gross burn) and year-to-date totals over months that are both reported and
 * budgeted. Overruns use the org's threshold (orgs.budget_overrun_threshold_bp).
 */
export async function budgetVsActual(ctx: OrgContext, fiscalYear: number) {
  const months = fiscalYearMonths(fiscalYear);
  const { thresholdBp, reports, budgetRows } = await readInOrg(ctx, async (tx) => {
    const [org] = await tx.select({ thresholdBp: orgs.budgetOverrunThresholdBp }).from(orgs).where(eq(orgs.id, ctx.org.id));
    const reports = await tx
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.orgId, ctx.org.id), inArray(monthlyReports.month, months)));
    const budgetRows = await yearRows(tx, ctx, fiscalYear);
    return { thresholdBp: org?.thresholdBp ?? 1000, reports, budgetRows };
  });
  const threshold = thresholdBp / 10_000;
  const reportByMonth = new Map(reports.map((r) => [r.month, r]));
  const budgetByCell = new Map(budgetRows.map((b) => [cellKey(b.month, b.category), b.amount]));

  const ytd = Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, { actual: 0, budget: 0, months: 0 }])) as Record<
    SpendCategory,
    { actual: number; budget: number; months: number }
  >;
  const ytdTotal = { actual: 0, budget: 0, months: 0 };

  const rows = months.map((month) => {
    const report = reportByMonth.get(month);
    const spend = report ? (Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, report[SPEND_CATEGORY_COLUMN[c]]])) as Record<SpendCategory, number>) : null;
    const cells = {} as Record<SpendCategory, VarianceCell>;
    let monthBudget: number | null = null;
    for (const category of SPEND_CATEGORIES) {
      const budget = budgetByCell.get(cellKey(month, category)) ?? null;
      const actual = spend ? spend[category] : null;
      cells[category] = cellOf(actual, budget, threshold);
      if (budget !== null) monthBudget = (monthBudget ?? 0) + budget;
      if (actual !== null && budget !== null) {
        ytd[category].actual += actual;
        ytd[category].budget += budget;
        ytd[category].months += 1;
      }
    }
    const monthActual = spend ? grossBurn(spend) : null;
    if (monthActual !== null && monthBudget !== null) {
      ytdTotal.actual += monthActual;
      ytdTotal.budget += monthBudget;
      ytdTotal.months += 1;
    }
    return { month, reported: Boolean(report), cells, total: cellOf(monthActual, monthBudget, threshold) };
  });

  const yearToDate = Object.fromEntries(
    SPEND_CATEGORIES.map((c) => [c, ytd[c].months > 0 ? cellOf(ytd[c].actual, ytd[c].budget, threshold) : cellOf(null, null, threshold)]),
  ) as Record<SpendCategory, VarianceCell>;
  return {
    fiscalYear,
    thresholdBp,
    months: rows,
    yearToDate,
    yearToDateTotal: ytdTotal.months > 0 ? cellOf(ytdTotal.actual, ytdTotal.budget, threshold) : cellOf(null, null, threshold),
  };
}
