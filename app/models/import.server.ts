/**
 * CSV imports of monthly reports and budgets: all-or-nothing and idempotent.
 *
 * Rows arrive already checked by app/domain/csv-import.ts. One tenant transaction hands them
 * to the entities' set-based upserts (upsertMonthlyReports, upsertBudgets: multi-row
 * `insert … on conflict do update … where the values differ`, in batches, one audit entry
 * per changed row), so a row already recorded exactly as in the file is not touched (no
 * version bump) and re-importing a file changes nothing. A summary audit entry with the
 * counts is written in the same transaction — or none, when nothing changed.
 */
import { and, between, eq } from "drizzle-orm";
import { budgets, monthlyReports } from "~db/schema";
import type { Tx } from "~db/client";
import { withTenant } from "~db/tenant";
import { can } from "~/auth/permissions";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import type { BudgetImportRow, MonthlyReportImportRow } from "~/domain/csv-import";
import { SPEND_CATEGORIES, SPEND_CATEGORY_COLUMN } from "~/domain/spend-categories";
import { recordAudit } from "./audit.server";
import { upsertBudgets } from "./budget.server";
import type { OrgContext } from "~/auth/context";
import { upsertMonthlyReports } from "./monthly-report.server";
import { records_import_startupsOnly } from "~/paraglide/messages/records_import_startupsonly1.js";
import { records_import_viewersCannot } from "~/paraglide/messages/records_import_viewerscannot1.js";
import type { ImportCounts } from "~/views/csv-import";
import { readInOrg } from "./org-read.server";

export type { ImportCounts };

/** File field → monthly_reports column, for the numbers a monthly file sets (never the texts). */
const MONTHLY_FIELDS = [
  ["cash", "cash"],
  ["revenue", "revenue"],
  ...SPEND_CATEGORIES.map((c) => [c, SPEND_CATEGORY_COLUMN[c]] as const),
  ["headcount", "headcount"],
  ["arr", "arr"],
] as const;

function requireStartupEditor(ctx: OrgContext) {
  if (ctx.org.kind !== "startup") throw new AppError("NOT_FOUND", messageRef(records_import_startupsOnly));
  if (!can(ctx.role, "edit:records")) throw new AppError("FORBIDDEN", messageRef(records_import_viewersCannot));
}

function monthRange(rows: readonly { month: string }[]): { first: string; last: string } | null {
  const [head] = rows;
  if (!head) return null;
  let first = head.month;
  let last = head.month;
  for (const row of rows) {
    if (row.month < first) first = row.month;
    if (row.month > last) last = row.month;
  }
  return { first, last };
}

/* ------------------------------------------------------------------------- imports */

/** Writes every row or none, with one summary audit entry when anything changed. */
async function importRows<R extends { month: string }>(
  ctx: OrgContext,
  rows: readonly R[],
  entityType: "monthly_report" | "budget",
  upsert: (tx: Tx, ctx: OrgContext, rows: readonly R[]) => Promise<Omit<ImportCounts, "rows">>,
): Promise<ImportCounts> {
  requireStartupEditor(ctx);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const counts = { rows: rows.length, ...(await upsert(tx, ctx, rows)) };
    if (counts.inserted + counts.updated > 0) {
      const range = monthRange(rows);
      await recordAudit(tx, ctx, {
        action: `${entityType}.import`,
        entityType,
        after: { ...counts, firstMonth: range?.first, lastMonth: range?.last },
      });
    }
    return counts;
  });
}

export function importMonthlyReports(ctx: OrgContext, rows: readonly MonthlyReportImportRow[]): Promise<ImportCounts> {
  return importRows(ctx, rows, "monthly_report", upsertMonthlyReports);
}

export function importBudgets(ctx: OrgContext, rows: readonly BudgetImportRow[]): Promise<ImportCounts> {
  return importRows(ctx, rows, "budget", upsertBudgets);
}

/* ---------------------------------------------------------------- dry runs (preview) */

/**
 * What importing these rows would do, read in a read-only transaction; writes nothing. `saved`
 * reads what is recorded for the rows' months, each with the key a row of the file has
 * (`keyOf`); a row with no saved match would be inserted, one that `differs` updated.
 */
async function previewImport<R extends { month: string }, Saved>(
  ctx: OrgContext,
  rows: readonly R[],
  read: {
    saved: (tx: Tx, range: { first: string; last: string }) => Promise<Saved[]>;
    keyOf: (row: R | Saved) => string;
    differs: (saved: Saved, row: R) => boolean;
  },
): Promise<ImportCounts> {
  requireStartupEditor(ctx);
  const range = monthRange(rows);
  const counts: ImportCounts = { rows: rows.length, inserted: 0, updated: 0, unchanged: 0 };
  if (!range) return counts;
  const existing = await readInOrg(ctx, (tx) => read.saved(tx, range));
  const byKey = new Map(existing.map((saved) => [read.keyOf(saved), saved]));
  for (const row of rows) {
    const current = byKey.get(read.keyOf(row));
    if (current === undefined) counts.inserted += 1;
    else if (read.differs(current, row)) counts.updated += 1;
    else counts.unchanged += 1;
  }
  return counts;
}

export function previewMonthlyReportsImport(ctx: OrgContext, rows: readonly MonthlyReportImportRow[]): Promise<ImportCounts> {
  return previewImport(ctx, rows, {
    saved: (tx, range) =>
      tx
        .select()
        .from(monthlyReports)
        .where(and(eq(monthlyReports.orgId, ctx.org.id), between(monthlyReports.month, range.first, range.last))),
    keyOf: (row) => row.month,
    differs: (current, row) => MONTHLY_FIELDS.some(([field, column]) => current[column] !== row[field]),
  });
}

export function previewBudgetsImport(ctx: OrgContext, rows: readonly BudgetImportRow[]): Promise<ImportCounts> {
  return previewImport(ctx, rows, {
    saved: (tx, range) =>
      tx
        .select({ month: budgets.month, category: budgets.category, amount: budgets.amount })
        .from(budgets)
        .where(and(eq(budgets.orgId, ctx.org.id), between(budgets.month, range.first, range.last))),
    keyOf: (row) => `${row.month}|${row.category}`,
    differs: (current, row) => current.amount !== row.amount,
  });
}
