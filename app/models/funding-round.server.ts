import { and, asc, desc, eq } from "drizzle-orm";
import { fundingRounds } from "~db/schema";
import { withTenant } from "~db/tenant";
import { can } from "~/auth/permissions";
import { isUuid } from "~/domain/bounds";
import type { FundingRoundInput } from "~/domain/funding-round";
import { roundValuation, totalRaisedByInstrument, type Instrument, type RoundValuation } from "~/finance";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { isEquityInstrument } from "~/domain/instruments";
import type { OrgContext } from "~/auth/context";
import { conflictError } from "./versioning.server";
import { type AuditedRecord, createAudited, deleteAudited, updateAudited } from "./audited-edit.server";
import { records_readOnlyRecords } from "~/paraglide/messages/records_readonlyrecords2.js";
import { records_round_notFound } from "~/paraglide/messages/records_round_notfound1.js";
import { records_round_what } from "~/paraglide/messages/records_round_what.js";
import { readInOrg } from "./org-read.server";

export function assertCanEdit(ctx: OrgContext) {
  if (!can(ctx.role, "edit:records")) throw new AppError("FORBIDDEN", messageRef(records_readOnlyRecords));
}

// ---------------------------------------------------------------------------------------
// Funding rounds
// ---------------------------------------------------------------------------------------

export type { FundingRoundInput };
export type FundingRoundRow = typeof fundingRounds.$inferSelect;
export interface FundingRound extends FundingRoundRow {
  instrument: Instrument;
  /** Derived, never stored: post-money and dilution, when a pre-money valuation is known. */
  valuation: RoundValuation | null;
}

function withDerived(row: FundingRoundRow): FundingRound {
  const valuation = row.preMoneyValuation !== null && isEquityInstrument(row.instrument) ? roundValuation(row.preMoneyValuation, row.amount) : null;
  return { ...row, instrument: row.instrument as Instrument, valuation };
}

export type RoundSort = "close_date" | "amount";
export type SortDirection = "asc" | "desc";

function orderFor(sort: RoundSort, direction: SortDirection) {
  const column = sort === "amount" ? fundingRounds.amount : fundingRounds.closeDate;
  const by = direction === "asc" ? asc : desc;
  // Ties keep a stable order so paging never shows a row twice or skips one.
  return [by(column), by(fundingRounds.createdAt), asc(fundingRounds.id)];
}

/** Every round of the org, newest close date first (or as asked). */
export async function listFundingRounds(ctx: OrgContext, options: { sort?: RoundSort; direction?: SortDirection } = {}) {
  const rows = await readInOrg(ctx, (tx) =>
    tx
      .select()
      .from(fundingRounds)
      .where(eq(fundingRounds.orgId, ctx.org.id))
      .orderBy(...orderFor(options.sort ?? "close_date", options.direction ?? "desc")),
  );
  return rows.map(withDerived);
}

export interface RaisedInCurrency {
  currency: string;
  /** Every instrument present, zero when none (finance `totalRaisedByInstrument`). */
  byInstrument: Record<Instrument, number>;
  total: number;
  roundCount: number;
}

/** Totals are per currency: adding dollars to euros would be a number nobody can use. */
function raisedByCurrency(rows: readonly { instrument: string; amount: number; currency: string }[], baseCurrency: string): RaisedInCurrency[] {
  const groups = new Map<string, { instrument: Instrument; amount: number }[]>();
  for (const row of rows) {
    const list = groups.get(row.currency) ?? [];
    list.push({ instrument: row.instrument as Instrument, amount: row.amount });
    groups.set(row.currency, list);
  }
  return [...groups]
    .map(([currency, rounds]) => {
      const byInstrument = totalRaisedByInstrument(rounds);
      return {
        currency,
        byInstrument,
        total: Object.values(byInstrument).reduce((sum, v) => sum + v, 0),
        roundCount: rounds.length,
      };
    })
    .sort((a, b) => (a.currency === baseCurrency ? -1 : b.currency === baseCurrency ? 1 : a.currency.localeCompare(b.currency)));
}

export const ROUNDS_PAGE_SIZE = 25;

/** One page of rounds for the list, plus the totals over all of them. */
export async function listFundingRoundsPage(ctx: OrgContext, options: { sort: RoundSort; direction: SortDirection; page: number; pageSize?: number }) {
  const pageSize = options.pageSize ?? ROUNDS_PAGE_SIZE;
  return readInOrg(ctx, async (tx) => {
    const all = await tx
      .select({ instrument: fundingRounds.instrument, amount: fundingRounds.amount, currency: fundingRounds.currency })
      .from(fundingRounds)
      .where(eq(fundingRounds.orgId, ctx.org.id));
    const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
    const page = Math.min(Math.max(1, Math.floor(options.page) || 1), pageCount);
    const rows = await tx
      .select()
      .from(fundingRounds)
      .where(eq(fundingRounds.orgId, ctx.org.id))
      .orderBy(...orderFor(options.sort, options.direction))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return {
      rounds: rows.map(withDerived),
      total: all.length,
      page,
      pageCount,
      totals: raisedByCurrency(all, ctx.org.baseCurrency),
    };
  });
}

/** Totals raised per currency and instrument, for dashboards and investor views. */
export async function fundingTotals(ctx: OrgContext): Promise<RaisedInCurrency[]> {
  const rows = await readInOrg(ctx, (tx) =>
    tx
      .select({ instrument: fundingRounds.instrument, amount: fundingRounds.amount, currency: fundingRounds.currency })
      .from(fundingRounds)
      .where(eq(fundingRounds.orgId, ctx.org.id)),
  );
  return raisedByCurrency(rows, ctx.org.baseCurrency);
}

/** The round, or null when this org has no such round (another org's id included). */
export async function getFundingRound(ctx: OrgContext, id: string): Promise<FundingRound | null> {
  if (!isUuid(id)) return null;
  const [row] = await readInOrg(ctx, (tx) =>
    tx
      .select()
      .from(fundingRounds)
      .where(and(eq(fundingRounds.orgId, ctx.org.id), eq(fundingRounds.id, id))),
  );
  return row ? withDerived(row) : null;
}

function columnsFrom(ctx: OrgContext, input: FundingRoundInput) {
  const crowdfunding = input.instrument === "equity_crowdfunding";
  return {
    instrument: input.instrument,
    closeDate: input.closeDate,
    amount: input.amount,
    currency: input.currency ?? ctx.org.baseCurrency,
    // The schema already rejects these where they do not apply; never store them there.
    preMoneyValuation: isEquityInstrument(input.instrument) ? input.preMoneyValuation : null,
    leadInvestor: input.leadInvestor,
    otherInvestors: input.otherInvestors,
    crowdfundingPlatform: crowdfunding ? input.crowdfundingPlatform : null,
    backerCount: crowdfunding ? input.backerCount : null,
    notes: input.notes,
  };
}

/** How rows are created, edited and deleted: each change with its audit entry. */
const ROUNDS: AuditedRecord<typeof fundingRounds> = {
  table: fundingRounds,
  entity: "funding_round",
  refusals: { notFound: messageRef(records_round_notFound), conflict: () => conflictError(records_round_what) },
};

export async function createFundingRound(ctx: OrgContext, input: FundingRoundInput): Promise<FundingRound> {
  assertCanEdit(ctx);
  return withTenant(ctx.db, ctx.org.id, async (tx) => withDerived(await createAudited(tx, ctx, ROUNDS, { orgId: ctx.org.id, ...columnsFrom(ctx, input) })));
}

/**
 * Saves an edit made on `version`. If someone saved in between, nothing is written and the
 * caller gets a conflict to show, never a silent overwrite.
 */
export async function updateFundingRound(ctx: OrgContext, id: string, version: number, input: FundingRoundInput): Promise<FundingRound> {
  assertCanEdit(ctx);
  return withTenant(ctx.db, ctx.org.id, async (tx) => withDerived(await updateAudited(tx, ctx, ROUNDS, id, version, columnsFrom(ctx, input))));
}

/** Deletes the round; with `version`, only if nobody changed it since it was read. */
export async function deleteFundingRound(ctx: OrgContext, id: string, version?: number): Promise<void> {
  assertCanEdit(ctx);
  await withTenant(ctx.db, ctx.org.id, (tx) => deleteAudited(tx, ctx, ROUNDS, id, version));
}
