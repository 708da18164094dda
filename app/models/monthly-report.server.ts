import { and, asc, count, desc, eq, getTableColumns, inArray, lt, sql } from "drizzle-orm";
import { oneRow, type Tx } from "~db/client";
import { monthlyReports, orgs, reportUpdates, users } from "~db/schema";
import { withTenant } from "~db/tenant";
import {
  reportFigureErrors,
  reportInputErrors,
  reportMonthError,
  type MonthlyReportFigures,
  type MonthlyReportInput,
  type MonthlyReportRow,
  type ReportTexts,
} from "~/domain/monthly-report";
import { grossBurn, isValidMonth, netBurn, type MonthlyFigures, type SpendByCategory } from "~/finance";
import type { FieldErrors } from "~/server/forms.server";
import { literalRef } from "~/i18n/message-ref";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { SPEND_CATEGORIES, SPEND_CATEGORY_COLUMN, type SpendCategory } from "~/domain/spend-categories";
import { importedRowEntry, recordAudit, recordAudits } from "./audit.server";
import { refreshCompanyMetrics } from "./company-metrics.server";
import type { OrgContext } from "~/auth/context";
import { records_report_conflict } from "~/paraglide/messages/records_report_conflict.js";
import { records_validation_checkFieldsNothingSaved } from "~/paraglide/messages/records_validation_checkfieldsnothingsaved3.js";
import { readInOrg } from "./org-read.server";

export const REPORTS_PAGE_SIZE = 24;
/** Rows per multi-row statement in bulk upserts: ~14 parameters a row stays far below Postgres' 65,535. */
const BULK_BATCH = 500;

export type { MonthlyReportFigures, MonthlyReportInput, MonthlyReportRow, ReportTexts };

const NO_TEXTS: ReportTexts = { highlights: null, lowlights: null, asks: null };

export interface MonthlyReport extends MonthlyReportInput {
  id: string;
  month: string;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
  grossBurn: number;
  netBurn: number;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export type ReportSort = "newest" | "oldest";

function throwIfInvalid(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new AppError("INVALID", messageRef(records_validation_checkFieldsNothingSaved), errors);
}

export function monthConflictError(month: string): AppError {
  return new AppError("CONFLICT", messageRef(records_report_conflict, { month }));
}

type ReportRowDb = typeof monthlyReports.$inferSelect;

/**
 * Writers that may create months (the form's first save, the importer) take the org row's
 * lock, so an import's read of the months it will overwrite and its upsert cannot interleave
 * with another creation: without it, a month created meanwhile was audited as an import
 * "create" with no before, and two overlapping imports miscounted. `no key update` leaves
 * other tenant inserts (which only key-share the org row) unblocked; budget writers take the same lock.
 */
async function lockMonthCreation(tx: Tx, ctx: Pick<OrgContext, "org">) {
  await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, ctx.org.id)).for("no key update");
}

async function readTexts(tx: Tx, orgId: string, month: string): Promise<ReportTexts> {
  const [row] = await tx
    .select({ highlights: reportUpdates.highlights, lowlights: reportUpdates.lowlights, asks: reportUpdates.asks })
    .from(reportUpdates)
    .where(and(eq(reportUpdates.orgId, orgId), eq(reportUpdates.month, month)));
  return row ?? NO_TEXTS;
}

/** Keeps the month's update in its own row; an update with no text at all has no row. */
async function writeTexts(tx: Tx, orgId: string, month: string, texts: ReportTexts): Promise<void> {
  if (texts.highlights === null && texts.lowlights === null && texts.asks === null) {
    await tx.delete(reportUpdates).where(and(eq(reportUpdates.orgId, orgId), eq(reportUpdates.month, month)));
    return;
  }
  await tx
    .insert(reportUpdates)
    .values({ orgId, month, ...texts })
    .onConflictDoUpdate({ target: [reportUpdates.orgId, reportUpdates.month], set: { ...texts, updatedAt: new Date() } });
}

/** A report row's spend by category (the finance module's input); also read by investor updates' figures. */
export function spendOf(row: Pick<ReportRowDb, (typeof SPEND_CATEGORY_COLUMN)[SpendCategory]>): Record<SpendCategory, number> {
  return Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, row[SPEND_CATEGORY_COLUMN[c]]])) as Record<SpendCategory, number>;
}

/** Figures → monthly_reports columns (camelCase keys). */
function figureColumns(figures: MonthlyReportFigures) {
  const spend = Object.fromEntries(SPEND_CATEGORIES.map((c) => [SPEND_CATEGORY_COLUMN[c], figures[c]])) as Record<
    (typeof SPEND_CATEGORY_COLUMN)[SpendCategory],
    number
  >;
  return { cash: figures.cash, revenue: figures.revenue, ...spend, headcount: figures.headcount, arr: figures.arr };
}

/** What the audit log keeps of a report: every figure and text, in minor units (the demo seed writes its history with it too). */
export function auditView(row: ReportRowDb, texts?: ReportTexts) {
  return {
    month: row.month,
    cash: row.cash,
    revenue: row.revenue,
    ...spendOf(row),
    headcount: row.headcount,
    arr: row.arr,
    ...(texts ?? {}),
    version: row.version,
  };
}

function toReport(row: ReportRowDb, texts: ReportTexts, updatedByName: string | null): MonthlyReport {
  const spend = spendOf(row);
  return {
    id: row.id,
    month: row.month,
    version: row.version,
    cash: row.cash,
    revenue: row.revenue,
    ...spend,
    headcount: row.headcount,
    arr: row.arr,
    highlights: texts.highlights,
    lowlights: texts.lowlights,
    asks: texts.asks,
    updatedAt: new Date(row.updatedAt).toISOString(),
    updatedByName,
    grossBurn: grossBurn(spend),
    netBurn: netBurn(spend, row.revenue),
  };
}

/** Months newest first (or oldest first), paged, with the burn figures the list shows. */
export async function listMonthlyReports(ctx: OrgContext, options: { page?: number; sort?: ReportSort } = {}) {
  const sort = options.sort === "oldest" ? "oldest" : "newest";
  return readInOrg(ctx, async (tx) => {
    const { total } = oneRow(await tx.select({ total: count() }).from(monthlyReports).where(eq(monthlyReports.orgId, ctx.org.id)), "monthly reports count");
    const pageCount = Math.max(1, Math.ceil(total / REPORTS_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), pageCount);
    const rows = await tx
      .select()
      .from(monthlyReports)
      .where(eq(monthlyReports.orgId, ctx.org.id))
      .orderBy(sort === "newest" ? desc(monthlyReports.month) : asc(monthlyReports.month))
      .limit(REPORTS_PAGE_SIZE)
      .offset((page - 1) * REPORTS_PAGE_SIZE);
    const reports = rows.map((r) => {
      const { month, cash, revenue, headcount, arr, version, grossBurn, netBurn } = toReport(r, NO_TEXTS, null);
      return { month, cash, revenue, headcount, arr, version, grossBurn, netBurn };
    });
    return { reports, page, pageCount, total, sort };
  });
}

/** The report for `month`, or null when none was entered yet. */
export async function getMonthlyReport(ctx: OrgContext, month: string): Promise<MonthlyReport | null> {
  if (!isValidMonth(month)) return null;
  return readInOrg(ctx, async (tx) => {
    const [found] = await tx
      .select({ report: monthlyReports, updatedByName: users.name })
      .from(monthlyReports)
      .leftJoin(users, eq(users.id, monthlyReports.updatedBy))
      .where(and(eq(monthlyReports.orgId, ctx.org.id), eq(monthlyReports.month, month)));
    return found ? toReport(found.report, await readTexts(tx, ctx.org.id, month), found.updatedByName) : null;
  });
}

/**
 * The latest `limit` reports before `month`, newest first, figures only: the report form's
 * "copy last month" (the first one) and the months its live runway averages over.
 */
export async function listReportsBefore(ctx: OrgContext, month: string, limit = 5): Promise<MonthlyReportRow[]> {
  if (!isValidMonth(month)) return [];
  return readInOrg(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.orgId, ctx.org.id), lt(monthlyReports.month, month)))
      .orderBy(desc(monthlyReports.month))
      .limit(limit);
    return rows.map((row) => ({ month: row.month, ...figureColumnsOf(row) }));
  });
}

function figureColumnsOf(row: ReportRowDb): MonthlyReportFigures {
  return { cash: row.cash, revenue: row.revenue, ...spendOf(row), headcount: row.headcount, arr: row.arr };
}

/**
 * Creates the month (expectedVersion null) or updates it from the version the editor
 * loaded. A stale version — or a "new" month that someone else created meanwhile — is a
 * conflict, never a silent overwrite. Creation relies on the (org_id, month) unique key, so
 * two people creating the same month at once cannot both win.
 */
export async function saveMonthlyReport(
  ctx: OrgContext,
  month: string,
  expectedVersion: number | null,
  input: MonthlyReportInput,
  now = new Date(),
): Promise<MonthlyReport> {
  const monthError = reportMonthError(month, now);
  throwIfInvalid({ ...(monthError ? { month: monthError } : {}), ...reportInputErrors(input) });
  const values = { ...figureColumns(input), updatedBy: ctx.user.id };
  const texts: ReportTexts = { highlights: input.highlights, lowlights: input.lowlights, asks: input.asks };
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    if (expectedVersion === null) {
      await lockMonthCreation(tx, ctx);
      const [created] = await tx
        .insert(monthlyReports)
        .values({ orgId: ctx.org.id, month, ...values })
        .onConflictDoNothing({ target: [monthlyReports.orgId, monthlyReports.month] })
        .returning();
      if (!created) throw monthConflictError(month);
      await writeTexts(tx, ctx.org.id, month, texts);
      await recordAudit(tx, ctx, {
        action: "monthly_report.create",
        entityType: "monthly_report",
        entityId: created.id,
        before: null,
        after: auditView(created, texts),
      });
      await refreshCompanyMetrics(tx, ctx.org.id);
      return toReport(created, texts, ctx.user.name);
    }
    const [before] = await tx
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.orgId, ctx.org.id), eq(monthlyReports.month, month)))
      .for("update");
    if (!before || before.version !== expectedVersion) throw monthConflictError(month);
    const [updated] = await tx
      .update(monthlyReports)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${monthlyReports.version} + 1` })
      .where(and(eq(monthlyReports.orgId, ctx.org.id), eq(monthlyReports.month, month), eq(monthlyReports.version, expectedVersion)))
      .returning();
    if (!updated) throw monthConflictError(month);
    const textsBefore = await readTexts(tx, ctx.org.id, month);
    await writeTexts(tx, ctx.org.id, month, texts);
    await recordAudit(tx, ctx, {
      action: "monthly_report.update",
      entityType: "monthly_report",
      entityId: updated.id,
      before: auditView(before, textsBefore),
      after: auditView(updated, texts),
    });
    await refreshCompanyMetrics(tx, ctx.org.id);
    return toReport(updated, texts, ctx.user.name);
  });
}

/** Every reported month, oldest first, as the finance module's input (dashboard, forecasts). */
export async function listReportFigures(ctx: OrgContext): Promise<(MonthlyFigures & { headcount: number })[]> {
  const rows = await readInOrg(ctx, (tx) => tx.select().from(monthlyReports).where(eq(monthlyReports.orgId, ctx.org.id)).orderBy(asc(monthlyReports.month)));
  return rows.map((row) => ({
    month: row.month,
    spend: spendOf(row) satisfies SpendByCategory,
    revenue: row.revenue,
    cash: row.cash,
    arr: row.arr,
    headcount: row.headcount,
  }));
}

/** Every month as import rows, oldest first (the CSV export). */
export async function listMonthlyReportRows(ctx: OrgContext): Promise<MonthlyReportRow[]> {
  const rows = await readInOrg(ctx, (tx) => tx.select().from(monthlyReports).where(eq(monthlyReports.orgId, ctx.org.id)).orderBy(asc(monthlyReports.month)));
  return rows.map((row) => ({ month: row.month, cash: row.cash, revenue: row.revenue, ...spendOf(row), headcount: row.headcount, arr: row.arr }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Bulk insert-or-update for the CSV importer, inside the importer's open tenant transaction.
 * Set-based: one multi-row `insert … on conflict (org_id, month) do update … where the
 * figures differ` per batch, so re-importing identical data changes nothing and bumps no
 * version. The texts (highlights, lowlights, asks) are not part of the import and are kept.
 * Writes one audit entry per changed month with its before and after.
 */
export async function upsertMonthlyReports(
  tx: Tx,
  ctx: Pick<OrgContext, "org" | "user">,
  rows: readonly MonthlyReportRow[],
  now = new Date(),
): Promise<UpsertCounts> {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const monthError = reportMonthError(row.month, now);
    if (monthError) errors[`rows.${i}.month`] = monthError;
    else if (seen.has(row.month)) errors[`rows.${i}.month`] = literalRef(`${row.month} appears more than once.`);
    seen.add(row.month);
    Object.assign(errors, reportFigureErrors(row, `rows.${i}.`));
  });
  throwIfInvalid(errors);

  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (rows.length > 0) await lockMonthCreation(tx, ctx);
  for (const batch of chunks(rows, BULK_BATCH)) {
    const before = await tx
      .select()
      .from(monthlyReports)
      .where(
        and(
          eq(monthlyReports.orgId, ctx.org.id),
          inArray(
            monthlyReports.month,
            batch.map((r) => r.month),
          ),
        ),
      )
      .for("update");
    const beforeByMonth = new Map(before.map((r) => [r.month, r]));
    const t = monthlyReports;
    const written = await tx
      .insert(monthlyReports)
      .values(batch.map((row) => ({ orgId: ctx.org.id, month: row.month, ...figureColumns(row), updatedBy: ctx.user.id })))
      .onConflictDoUpdate({
        target: [t.orgId, t.month],
        set: {
          cash: sql`excluded.cash`,
          revenue: sql`excluded.revenue`,
          compute: sql`excluded.compute`,
          data: sql`excluded.data`,
          payroll: sql`excluded.payroll`,
          research: sql`excluded.research`,
          goToMarket: sql`excluded.go_to_market`,
          generalAdmin: sql`excluded.general_admin`,
          other: sql`excluded.other`,
          headcount: sql`excluded.headcount`,
          arr: sql`excluded.arr`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`now()`,
          version: sql`${t.version} + 1`,
        },
        setWhere: sql`(${t.cash}, ${t.revenue}, ${t.compute}, ${t.data}, ${t.payroll}, ${t.research}, ${t.goToMarket}, ${t.generalAdmin}, ${t.other}, ${t.headcount}, ${t.arr})
          is distinct from (excluded.cash, excluded.revenue, excluded.compute, excluded.data, excluded.payroll, excluded.research, excluded.go_to_market, excluded.general_admin, excluded.other, excluded.headcount, excluded.arr)`,
      })
      // xmax is 0 only on a freshly inserted row version: it tells inserts from updates.
      .returning({ ...getTableColumns(t), inserted: sql<boolean>`(xmax = 0)` });
    const entries = written.map(({ inserted, ...row }) => {
      const previous = beforeByMonth.get(row.month);
      const isInsert = inserted === true || !previous;
      return importedRowEntry(counts, "monthly_report", row.id, isInsert || !previous ? null : auditView(previous), auditView(row));
    });
    counts.unchanged += batch.length - written.length;
    await recordAudits(tx, ctx, entries);
  }
  if (counts.inserted + counts.updated > 0) await refreshCompanyMetrics(tx, ctx.org.id);
  return counts;
}
