/**
 * An investor org's positions: what it put into each portfolio company and what that is
 * worth now, with MOIC per company and for the portfolio in the investor's base currency
 * (app/finance/positions.ts states which FX rate converts what).
 *
 * A position may only be opened in a company that currently shares its data through an
 * approved grant; the check runs in the same transaction as the write. A position outlives a
 * later revocation (the fund still holds the stake): it stays editable, but cannot be moved
 * to a company that is not shared.
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "~db/client";
import { accessGrants, orgs, positions } from "~db/schema";
import { withTenant } from "~db/tenant";
import { can } from "~/auth/permissions";
import { monthOfDate, portfolioReturns, positionReturn, type PortfolioReturns, type PositionReturn } from "~/finance";
import { messageRef } from "~/i18n/translate";
import { isUuid } from "~/domain/bounds";
import type { PositionInput } from "~/domain/position";
import { AppError } from "~/server/http.server";
import { type EditRefusals, lockAtVersion, saveAtVersion } from "./versioning.server";
import { type AuditedRecord, createAudited, deleteAudited } from "./audited-edit.server";
import type { Instrument } from "~/domain/instruments";
import { DELETED_COMPANY } from "~/domain/positions";
import { recordAudit } from "./audit.server";
import type { OrgContext } from "~/auth/context";
import { listAllFxRates, requireInvestorOrg } from "./fx-rate.server";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { investor_positions_error_forbidden } from "~/paraglide/messages/investor_positions_error_forbidden.js";
import { investor_positions_error_noPosition } from "~/paraglide/messages/investor_positions_error_noposition1.js";
import { investor_positions_error_notShared } from "~/paraglide/messages/investor_positions_error_notshared1.js";
import { investor_positions_error_nothingSaved } from "~/paraglide/messages/investor_positions_error_nothingsaved1.js";
import { investor_positions_error_stale } from "~/paraglide/messages/investor_positions_error_stale.js";
import { readInOrg } from "./org-read.server";

export const POSITIONS_PAGE_SIZE = 25;

export type { PositionInput };
type PositionRow = typeof positions.$inferSelect;

export interface Position extends PositionRow {
  instrument: Instrument;
  /**
   * null once the company no longer shares its data with this investor (grant revoked, or its
   * org scheduled for deletion); after the purge `companyName` holds the name it had.
   */
  company: { name: string; slug: string } | null;
}

/** Groups positions by company; a deleted company has no id any more, only its name. */
function companyKey(p: Pick<PositionRow, "companyOrgId" | "companyName">): string {
  return p.companyOrgId ?? `${DELETED_COMPANY}:${p.companyName ?? ""}`;
}

/* ------------------------------------------------------------------------- reads */

function positionsQuery(tx: Tx, ctx: OrgContext, id?: string) {
  // orgs rows are readable only for companies that approved this investor: a revoked one joins to null.
  return tx
    .select({ position: positions, name: orgs.name, slug: orgs.slug })
    .from(positions)
    .leftJoin(orgs, eq(orgs.id, positions.companyOrgId))
    .where(and(eq(positions.orgId, ctx.org.id), id === undefined ? undefined : eq(positions.id, id)));
}

function toPosition(row: { position: PositionRow; name: string | null; slug: string | null }): Position {
  return {
    ...row.position,
    instrument: row.position.instrument as Instrument,
    company: row.name !== null && row.slug !== null ? { name: row.name, slug: row.slug } : null,
  };
}

export async function listPositions(ctx: OrgContext): Promise<Position[]> {
  requireInvestorOrg(ctx);
  const rows = await readInOrg(ctx, (tx) => positionsQuery(tx, ctx).orderBy(positions.investedOn, positions.createdAt, positions.id));
  return rows.map(toPosition);
}

/** The position, or null when this org has none with that id (another org's included). */
export async function getPosition(ctx: OrgContext, id: string): Promise<Position | null> {
  requireInvestorOrg(ctx);
  if (!isUuid(id)) return null;
  const [row] = await readInOrg(ctx, (tx) => positionsQuery(tx, ctx, id));
  return row ? toPosition(row) : null;
}

/** One position with its MOIC in the base currency and the rates used (the detail page). */
export async function getPositionWithReturn(ctx: OrgContext, id: string, now = new Date()) {
  const position = await getPosition(ctx, id);
  if (!position) return null;
  const currentMonth = monthOfDate(now);
  const returns = positionReturn(
    {
      id: position.id,
      companyId: companyKey(position),
      investedOn: position.investedOn,
      amount: position.amount,
      currentValue: position.currentValue,
      currency: position.currency,
    },
    await listAllFxRates(ctx),
    ctx.org.baseCurrency,
    currentMonth,
  );
  return { position, returns, currentMonth };
}

/** Every currency the org's positions are held in (for the FX page's missing-rate list). */
export async function listPositionCurrencies(ctx: OrgContext): Promise<string[]> {
  requireInvestorOrg(ctx);
  const rows = await readInOrg(ctx, (tx) => tx.selectDistinct({ currency: positions.currency }).from(positions).where(eq(positions.orgId, ctx.org.id)));
  return rows.map((r) => r.currency).sort();
}

export type PositionSort = "company" | "invested_on" | "invested" | "moic";
export type SortDirection = "asc" | "desc";

export interface PositionWithReturn extends Position {
  returns: PositionReturn;
}

export interface PositionsOverview {
  positions: PositionWithReturn[];
  companies: (PortfolioReturns["companies"][number] & { name: string | null; slug: string | null; deletedName: string | null; positionCount: number })[];
  portfolio: PortfolioReturns["portfolio"];
  missingRates: PortfolioReturns["missingRates"];
  total: number;
  page: number;
  pageCount: number;
  currentMonth: string;
}

function sortKey(sort: PositionSort): (p: PositionWithReturn) => string | number | null {
  switch (sort) {
    case "company":
      return (p) => p.company?.name ?? p.companyName ?? null;
    case "invested":
      return (p) => p.returns.investedBase;
    case "moic":
      return (p) => p.returns.moic;
    case "invested_on":
      return (p) => p.investedOn;
  }
}

/** Sorted by `sort`; unknowns (rate missing, company no longer shared) last either way, so they never pass for the smallest. */
function comparePositions(sort: PositionSort, direction: SortDirection) {
  const key = sortKey(sort);
  const sign = direction === "asc" ? 1 : -1;
  return (a: PositionWithReturn, b: PositionWithReturn) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else {
      const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb));
      if (c !== 0) return sign * c;
    }
    return a.investedOn.localeCompare(b.investedOn) || a.id.localeCompare(b.id);
  };
}

/** portfolioReturns maps its positions one for one and in order, so the i-th return is the i-th row's. */
function pairWithReturns<P>(rows: readonly P[], returns: readonly PositionReturn[]): (P & { returns: PositionReturn })[] {
  return rows.map((row, i) => {
    const r = returns[i];
    if (!r) throw new Error("portfolioReturns: one return per position");
    return { ...row, returns: r };
  });
}

/**
 * The positions page: every position converted into the base currency, MOIC per company
 * and for the portfolio (over all positions, whatever page is shown), and one sorted page.
 */
export async function positionsOverview(
  ctx: OrgContext,
  options: { sort: PositionSort; direction: SortDirection; page: number; now?: Date; pageSize?: number },
): Promise<PositionsOverview> {
  const [all, rates] = await Promise.all([listPositions(ctx), listAllFxRates(ctx)]);
  const currentMonth = monthOfDate(options.now ?? new Date());
  const figures = all.map((p) => ({
    id: p.id,
    companyId: companyKey(p),
    investedOn: p.investedOn,
    amount: p.amount,
    currentValue: p.currentValue,
    currency: p.currency,
  }));
  const result = portfolioReturns(figures, rates, ctx.org.baseCurrency, currentMonth);
  const withReturns = pairWithReturns(all, result.positions);
  withReturns.sort(comparePositions(options.sort, options.direction));
  const pageSize = options.pageSize ?? POSITIONS_PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(withReturns.length / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page) || 1), pageCount);
  const companyOf = new Map(all.map((p) => [companyKey(p), p]));
  const companies = result.companies
    .map((c) => ({
      ...c,
      name: companyOf.get(c.companyId)?.company?.name ?? null,
      slug: companyOf.get(c.companyId)?.company?.slug ?? null,
      deletedName: companyOf.get(c.companyId)?.companyName ?? null,
      positionCount: c.includedCount + c.excludedCount,
    }))
    .sort((a, b) => (a.name ?? a.deletedName ?? "\uffff").localeCompare(b.name ?? b.deletedName ?? "\uffff"));
  return {
    positions: withReturns.slice((page - 1) * pageSize, page * pageSize),
    companies,
    portfolio: result.portfolio,
    missingRates: result.missingRates,
    total: withReturns.length,
    page,
    pageCount,
    currentMonth,
  };
}

/* ------------------------------------------------------------------------ writes */

function requireInvestorEditor(ctx: OrgContext) {
  requireInvestorOrg(ctx);
  if (!can(ctx.role, "edit:records")) throw new AppError("FORBIDDEN", messageRef(investor_positions_error_forbidden));
}

const NOT_SHARED = messageRef(investor_positions_error_notShared);
const CHECK_FIELDS = messageRef(common_validation_checkFields);
const NOTHING_SAVED = messageRef(investor_positions_error_nothingSaved);
/** Someone saved or deleted the position since the form was loaded. */
const conflict = () => new AppError("CONFLICT", messageRef(investor_positions_error_stale));

/** The company must share its data with this investor now (unless the position already holds it). */
async function assertCompanyAllowed(tx: Tx, ctx: OrgContext, companyId: string, alreadyHeld?: string) {
  if (companyId === alreadyHeld) return;
  const [grant] = await tx
    .select({ id: accessGrants.id })
    .from(accessGrants)
    .where(and(eq(accessGrants.orgId, companyId), eq(accessGrants.investorOrgId, ctx.org.id), eq(accessGrants.status, "approved")));
  if (!grant) throw new AppError("INVALID", CHECK_FIELDS, { companyOrgId: NOT_SHARED });
}

function columnsFrom(ctx: OrgContext, input: PositionInput) {
  return {
    companyOrgId: input.companyOrgId,
    investedOn: input.investedOn,
    amount: input.amount,
    currency: input.currency ?? ctx.org.baseCurrency,
    instrument: input.instrument,
    ownershipBp: input.ownershipPercent,
    currentValue: input.currentValue,
    notes: input.notes,
  };
}

export async function createPosition(ctx: OrgContext, input: PositionInput): Promise<PositionRow> {
  requireInvestorEditor(ctx);
  if (!isUuid(input.companyOrgId)) throw new AppError("INVALID", NOTHING_SAVED, { companyOrgId: NOT_SHARED });
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    await assertCompanyAllowed(tx, ctx, input.companyOrgId);
    return createAudited(tx, ctx, POSITIONS, { orgId: ctx.org.id, ...columnsFrom(ctx, input) });
  });
}

const REFUSALS: EditRefusals = { notFound: messageRef(investor_positions_error_noPosition), conflict };
const POSITIONS: AuditedRecord<typeof positions> = { table: positions, entity: "position", refusals: REFUSALS };

/** Saves an edit made on `version`; a save in between makes it a conflict, never an overwrite. */
export async function updatePosition(ctx: OrgContext, id: string, version: number, input: PositionInput): Promise<PositionRow> {
  requireInvestorEditor(ctx);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await lockAtVersion(tx, positions, ctx.org.id, id, version, REFUSALS);
    // A position in a company whose org was deleted stays editable (a write-off), on that company.
    const keepsDeletedCompany = input.companyOrgId === DELETED_COMPANY && before.companyOrgId === null;
    if (!keepsDeletedCompany) {
      if (!isUuid(input.companyOrgId)) throw new AppError("INVALID", NOTHING_SAVED, { companyOrgId: NOT_SHARED });
      await assertCompanyAllowed(tx, ctx, input.companyOrgId, before.companyOrgId ?? undefined);
    }
    const company = keepsDeletedCompany ? { companyOrgId: null, companyName: before.companyName } : { companyOrgId: input.companyOrgId, companyName: null };
    const row = await saveAtVersion(tx, positions, ctx.org.id, id, version, { ...columnsFrom(ctx, input), ...company }, conflict);
    await recordAudit(tx, ctx, { action: "position.update", entityType: "position", entityId: id, before, after: row });
    return row;
  });
}

/** Deletes the position if nobody changed it since `version` was read. */
export async function deletePosition(ctx: OrgContext, id: string, version: number): Promise<void> {
  requireInvestorEditor(ctx);
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    await deleteAudited(tx, ctx, POSITIONS, id, version);
  });
}
