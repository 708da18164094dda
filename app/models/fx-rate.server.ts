/**
 * Monthly FX rates of an investor org: 1 unit of `currency` = `rate` units of the org's
 * base currency, for amounts of that month. Entered one at a time or imported as CSV;
 * every change is audited. Rates stay decimal strings (numeric in the database, canonical
 * strings here: app/finance/fx.ts), never floats.
 */
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { oneRow, type Tx } from "~db/client";
import { fxRates, orgs } from "~db/schema";
import { withTenant } from "~db/tenant";
import { can } from "~/auth/permissions";
import { normalizeRate, type FxRate } from "~/finance";
import type { FxRateImportRow } from "~/domain/fx-rate";
import type { FxRateInput } from "~/domain/fx-rate.form";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { type AuditEntry, importedRowEntry, recordAudit, recordAudits } from "./audit.server";
import type { OrgContext } from "~/auth/context";
import type { ImportCounts } from "./import.server";
import { investor_fx_error_baseCurrency } from "~/paraglide/messages/investor_fx_error_basecurrency1.js";
import { investor_fx_error_baseInFile } from "~/paraglide/messages/investor_fx_error_baseinfile2.js";
import { investor_fx_error_forbidden } from "~/paraglide/messages/investor_fx_error_forbidden.js";
import { investor_fx_error_investorsOnly } from "~/paraglide/messages/investor_fx_error_investorsonly1.js";
import { investor_fx_error_noRate } from "~/paraglide/messages/investor_fx_error_norate1.js";
import { investor_fx_error_nothingSaved } from "~/paraglide/messages/investor_fx_error_nothingsaved1.js";
import { readInOrg } from "./org-read.server";

const BULK_BATCH = 1000;
export const FX_PAGE_SIZE = 50;

/** FX rates exist only for investor orgs: anywhere else the page does not exist. */
export function requireInvestorOrg(ctx: OrgContext) {
  if (ctx.org.kind !== "investor") throw new AppError("NOT_FOUND", messageRef(investor_fx_error_investorsOnly));
}

function requireInvestorEditor(ctx: OrgContext) {
  requireInvestorOrg(ctx);
  if (!can(ctx.role, "edit:records")) throw new AppError("FORBIDDEN", messageRef(investor_fx_error_forbidden));
}

const fxKey = (month: string, currency: string) => `${month}:${currency}`;

export type { FxRateInput };

/* ------------------------------------------------------------------------- reads */

export interface StoredFxRate extends FxRate {
  updatedAt: Date;
}

function toRate(row: { month: string; currency: string; rate: string; updatedAt: Date }): StoredFxRate {
  return { month: row.month, currency: row.currency, rate: normalizeRate(row.rate), updatedAt: row.updatedAt };
}

/** One page of rates, newest month first, then by currency. */
export async function listFxRatesPage(ctx: OrgContext, options: { page: number; pageSize?: number }) {
  requireInvestorOrg(ctx);
  const pageSize = options.pageSize ?? FX_PAGE_SIZE;
  return readInOrg(ctx, async (tx) => {
    const { total } = oneRow(await tx.select({ total: count() }).from(fxRates).where(eq(fxRates.orgId, ctx.org.id)), "fx rates count");
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Math.max(1, Math.floor(options.page) || 1), pageCount);
    const rows = await tx
      .select()
      .from(fxRates)
      .where(eq(fxRates.orgId, ctx.org.id))
      .orderBy(desc(fxRates.month), asc(fxRates.currency))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { rates: rows.map(toRate), total, page, pageCount };
  });
}

/** Every rate of the org (CSV export, conversions), oldest month first. */
export async function listAllFxRates(ctx: OrgContext): Promise<StoredFxRate[]> {
  requireInvestorOrg(ctx);
  const rows = await readInOrg(ctx, (tx) => tx.select().from(fxRates).where(eq(fxRates.orgId, ctx.org.id)).orderBy(asc(fxRates.month), asc(fxRates.currency)));
  return rows.map(toRate);
}

/* ------------------------------------------------------------------------ writes */

/** Serialises rate writers of one org (form and imports) so audit "before" values are true. */
async function lockOrgRates(tx: Tx, ctx: OrgContext) {
  await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, ctx.org.id)).for("no key update");
}

/** Records or replaces one month's rate. Saving the rate already recorded changes nothing. */
export async function saveFxRate(ctx: OrgContext, input: FxRateInput): Promise<{ status: "created" | "updated" | "unchanged"; rate: FxRate }> {
  requireInvestorEditor(ctx);
  if (input.currency === ctx.org.baseCurrency) {
    throw new AppError("INVALID", messageRef(investor_fx_error_nothingSaved), {
      currency: messageRef(investor_fx_error_baseCurrency, { currency: input.currency }),
    });
  }
  const rate = normalizeRate(input.rate);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    await lockOrgRates(tx, ctx);
    const [before] = await tx
      .select()
      .from(fxRates)
      .where(and(eq(fxRates.orgId, ctx.org.id), eq(fxRates.month, input.month), eq(fxRates.currency, input.currency)));
    const after = { month: input.month, currency: input.currency, rate };
    if (before && normalizeRate(before.rate) === rate) return { status: "unchanged" as const, rate: after };
    await tx
      .insert(fxRates)
      .values({ orgId: ctx.org.id, ...after })
      .onConflictDoUpdate({ target: [fxRates.orgId, fxRates.month, fxRates.currency], set: { rate, updatedAt: sql`now()` } });
    await recordAudit(tx, ctx, {
      action: before ? "fx_rate.update" : "fx_rate.create",
      entityType: "fx_rate",
      entityId: fxKey(input.month, input.currency),
      before: before ? { month: before.month, currency: before.currency, rate: normalizeRate(before.rate) } : null,
      after,
    });
    return { status: before ? ("updated" as const) : ("created" as const), rate: after };
  });
}

export async function deleteFxRate(ctx: OrgContext, month: string, currency: string): Promise<void> {
  requireInvestorEditor(ctx);
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    await lockOrgRates(tx, ctx);
    const [before] = await tx
      .delete(fxRates)
      .where(and(eq(fxRates.orgId, ctx.org.id), eq(fxRates.month, month), eq(fxRates.currency, currency)))
      .returning();
    if (!before) throw new AppError("NOT_FOUND", messageRef(investor_fx_error_noRate));
    await recordAudit(tx, ctx, {
      action: "fx_rate.delete",
      entityType: "fx_rate",
      entityId: fxKey(month, currency),
      before: { month: before.month, currency: before.currency, rate: normalizeRate(before.rate) },
      after: null,
    });
  });
}

/* ----------------------------------------------------------------------- imports */

async function existingRates(tx: Tx, ctx: OrgContext, rows: readonly FxRateImportRow[]) {
  const months = [...new Set(rows.map((r) => r.month))];
  const found = new Map<string, string>();
  for (let i = 0; i < months.length; i += BULK_BATCH) {
    const batch = await tx
      .select({ month: fxRates.month, currency: fxRates.currency, rate: fxRates.rate })
      .from(fxRates)
      .where(and(eq(fxRates.orgId, ctx.org.id), inArray(fxRates.month, months.slice(i, i + BULK_BATCH))));
    for (const r of batch) found.set(fxKey(r.month, r.currency), normalizeRate(r.rate));
  }
  return found;
}

function importGuards(ctx: OrgContext, rows: readonly FxRateImportRow[]) {
  requireInvestorEditor(ctx);
  // The file check refused these already; the model does not rely on its caller for it.
  const base = rows.find((r) => r.currency === ctx.org.baseCurrency);
  if (base) throw new AppError("INVALID", messageRef(investor_fx_error_baseInFile, { currency: base.currency }));
}

/** What importing these rows would do; read-only, writes nothing. */
export async function previewFxRatesImport(ctx: OrgContext, rows: readonly FxRateImportRow[]): Promise<ImportCounts> {
  importGuards(ctx, rows);
  const existing = await readInOrg(ctx, (tx) => existingRates(tx, ctx, rows));
  const counts: ImportCounts = { rows: rows.length, inserted: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const current = existing.get(fxKey(row.month, row.currency));
    if (current === undefined) counts.inserted += 1;
    else if (current !== normalizeRate(row.rate)) counts.updated += 1;
    else counts.unchanged += 1;
  }
  return counts;
}

/**
 * All rows or none, in one transaction: a rate recorded exactly as in the file is not
 * touched, so importing the same file again changes nothing. One audit entry per changed
 * rate and a summary entry with the counts (none when nothing changed).
 */
export async function importFxRates(ctx: OrgContext, rows: readonly FxRateImportRow[]): Promise<ImportCounts> {
  importGuards(ctx, rows);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    await lockOrgRates(tx, ctx);
    const previous = await existingRates(tx, ctx, rows);
    const counts: ImportCounts = { rows: rows.length, inserted: 0, updated: 0, unchanged: 0 };
    const entries: AuditEntry[] = [];
    for (let i = 0; i < rows.length; i += BULK_BATCH) {
      const written = await tx
        .insert(fxRates)
        .values(rows.slice(i, i + BULK_BATCH).map((r) => ({ orgId: ctx.org.id, month: r.month, currency: r.currency, rate: normalizeRate(r.rate) })))
        .onConflictDoUpdate({
          target: [fxRates.orgId, fxRates.month, fxRates.currency],
          set: { rate: sql`excluded.rate`, updatedAt: sql`now()` },
          // numeric equality: 1.5 and 1.5000000000 are the same rate.
          setWhere: sql`${fxRates.rate} is distinct from excluded.rate`,
        })
        .returning({ month: fxRates.month, currency: fxRates.currency, rate: fxRates.rate });
      for (const row of written) {
        const key = fxKey(row.month, row.currency);
        const before = previous.get(key);
        const after = { month: row.month, currency: row.currency, rate: normalizeRate(row.rate) };
        entries.push(importedRowEntry(counts, "fx_rate", key, before === undefined ? null : { month: row.month, currency: row.currency, rate: before }, after));
      }
    }
    counts.unchanged = rows.length - counts.inserted - counts.updated;
    await recordAudits(tx, ctx, entries);
    if (entries.length > 0) {
      const months = rows.map((r) => r.month).sort();
      await recordAudit(tx, ctx, {
        action: "fx_rate.import",
        entityType: "fx_rate",
        after: { ...counts, firstMonth: months[0], lastMonth: months[months.length - 1] },
      });
    }
    return counts;
  });
}
