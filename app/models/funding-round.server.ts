import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "~db/client";
import { fundingRounds } from "~db/schema";
import { withTenant } from "~db/tenant";
import { can } from "~/auth/permissions";
import {
  compareIsoDates,
  isValidIsoDate,
  roundValuation,
  totalRaisedByInstrument,
  type Instrument,
  type IsoDate,
  type RoundValuation,
} from "~/finance";
import { AppError } from "~/lib/http.server";
import { INSTRUMENTS, INSTRUMENT_LABELS, isEquityInstrument } from "~/lib/instruments";
import { moneyField, parseMajorToMinor } from "~/lib/money";
import { recordAudit } from "./audit.server";
import type { OrgContext } from "./context";
import { conflictError } from "./versioning.server";

// ---------------------------------------------------------------------------------------
// Form fields shared by the rounds and debt forms.
// ---------------------------------------------------------------------------------------

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs; anything that is not a UUID simply names no row. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** The same calendar day a year later (29 February → 28 February). */
export function oneYearAfter(today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4)) + 1;
  const candidate = `${year}${today.slice(4)}`;
  return isValidIsoDate(candidate) ? candidate : `${year}-02-28`;
}

const EARLIEST_DATE = "1950-01-01";

/**
 * A calendar date (YYYY-MM-DD) no more than a year after `today`: a round or draw can be
 * planned ahead, but a date years out is a typo, and it would distort every forecast.
 */
export const recentDateField = (label: string, today: IsoDate) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .superRefine((value, ctx) => {
      if (!isValidIsoDate(value)) {
        ctx.addIssue({ code: "custom", message: `Enter ${label} as a real calendar date (YYYY-MM-DD).` });
      } else if (compareIsoDates(value, EARLIEST_DATE) < 0) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} must be in ${EARLIEST_DATE.slice(0, 4)} or later.` });
      } else if (compareIsoDates(value, oneYearAfter(today)) > 0) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} cannot be more than a year in the future (latest ${oneYearAfter(today)}).` });
      }
    });

/** Free text that may be left blank (stored as null). */
export const optionalTextField = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, `Keep ${label} under ${max} characters.`))
    .transform((v) => (v === "" ? null : v));

const KNOWN_CURRENCIES = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : []);

/** An ISO 4217 code; blank means "the org's base currency" (null here, filled in by the model). */
export const optionalCurrencyField = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(
    z.union([
      z.literal("").transform(() => null),
      z
        .string()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code, like USD or CNY.")
        .refine((code) => KNOWN_CURRENCIES.size === 0 || KNOWN_CURRENCIES.has(code), {
          message: "That is not an ISO 4217 currency code. Use one like USD, EUR or CNY.",
        }),
    ]),
  );

/**
 * Optional positive money in major units; blank means null. (The shared `optionalMoneyField`
 * answers a bad value with zod's generic "Invalid input", because its union hides the
 * message; this one says what is wrong.)
 */
export const optionalPositiveMoneyField = (label: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = (v ?? "").trim();
      if (value === "") return null;
      const minor = parseMajorToMinor(value);
      if (minor === null) {
        ctx.addIssue({ code: "custom", message: `Enter ${label} as a number with at most two decimals, like 12500.50.` });
        return z.NEVER;
      }
      if (minor < 0) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} cannot be negative.` });
        return z.NEVER;
      }
      if (minor === 0) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} must be more than zero; leave it blank if there is none.` });
        return z.NEVER;
      }
      return minor;
    });

/** Optional whole number in a range; blank means null. */
export const optionalIntegerField = (label: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().replace(/[,_\s]/g, ""))
    .transform((v, ctx) => {
      if (v === "") return null;
      if (!/^-?\d+$/.test(v)) {
        ctx.addIssue({ code: "custom", message: `Enter ${label} as a whole number.` });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} must be between ${min} and ${max.toLocaleString("en-US")}.` });
        return z.NEVER;
      }
      return n;
    });

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Cross-field rules run even when a field already failed, so the form reports every problem
 * at once. Their callbacks must therefore read only values that parsed (typeof checks).
 */
export const ALWAYS = { when: () => true };

export function assertCanEdit(ctx: OrgContext) {
  if (!can(ctx.role, "edit:records")) throw new AppError("FORBIDDEN", "You can read this organisation's records but not change them.");
}

// ---------------------------------------------------------------------------------------
// Funding rounds
// ---------------------------------------------------------------------------------------

/** Hints shown beside the fields; the same rules the schema enforces. */
export const FUNDING_ROUND_RULES = {
  preMoney: "Only for priced equity rounds (angel to Series C+, bridge, equity crowdfunding). Leave blank for SAFEs, notes, debt and grants: they set no price.",
  crowdfunding: "Required for equity crowdfunding, and only for it: leave blank for other instruments.",
} as const;

/** The create/edit form. `today` bounds the close date (at most a year ahead). */
export function fundingRoundSchema(today: IsoDate) {
  return z
    .object({
      instrument: z.enum(INSTRUMENTS, { error: "Choose an instrument from the list." }),
      closeDate: recentDateField("the close date", today),
      amount: moneyField("the amount raised", { positive: true }),
      currency: optionalCurrencyField,
      preMoneyValuation: optionalPositiveMoneyField("the pre-money valuation"),
      leadInvestor: optionalTextField("the lead investor", 200),
      otherInvestors: optionalTextField("the other investors", 1000),
      crowdfundingPlatform: optionalTextField("the platform", 120),
      backerCount: optionalIntegerField("the number of backers", 1, 100_000_000),
      notes: optionalTextField("the notes", 2000),
    })
    .superRefine((round, ctx) => {
      // Field-level problems may already be reported; these rules read only what parsed.
      const instrument = round.instrument as string;
      if (typeof instrument !== "string" || !INSTRUMENTS.includes(instrument as Instrument)) return;
      const label = INSTRUMENT_LABELS[instrument as Instrument];
      if (typeof round.preMoneyValuation === "number" && !isEquityInstrument(instrument)) {
        ctx.addIssue({
          code: "custom",
          path: ["preMoneyValuation"],
          message: `A ${label} round has no pre-money valuation: it sells no priced shares. Leave it blank.`,
        });
      }
      if (instrument === "equity_crowdfunding") {
        if (round.crowdfundingPlatform === null) {
          ctx.addIssue({ code: "custom", path: ["crowdfundingPlatform"], message: "Enter the crowdfunding platform, like Crowdcube or Republic." });
        }
        if (round.backerCount === null) {
          ctx.addIssue({ code: "custom", path: ["backerCount"], message: "Enter the number of backers." });
        }
      } else {
        if (typeof round.crowdfundingPlatform === "string") {
          ctx.addIssue({ code: "custom", path: ["crowdfundingPlatform"], message: "A platform applies only to equity crowdfunding. Leave it blank or change the instrument." });
        }
        if (typeof round.backerCount === "number") {
          ctx.addIssue({ code: "custom", path: ["backerCount"], message: "A number of backers applies only to equity crowdfunding. Leave it blank or change the instrument." });
        }
      }
    }, ALWAYS);
}

export type FundingRoundInput = z.output<ReturnType<typeof fundingRoundSchema>>;
export type FundingRoundRow = typeof fundingRounds.$inferSelect;
export interface FundingRound extends FundingRoundRow {
  instrument: Instrument;
  /** Derived, never stored: post-money and dilution, when a pre-money valuation is known. */
  valuation: RoundValuation | null;
}

function withDerived(row: FundingRoundRow): FundingRound {
  const valuation =
    row.preMoneyValuation !== null && isEquityInstrument(row.instrument) ? roundValuation(row.preMoneyValuation, row.amount) : null;
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
  const rows = await withTenant(
    ctx.db,
    ctx.org.id,
    (tx) =>
      tx
        .select()
        .from(fundingRounds)
        .where(eq(fundingRounds.orgId, ctx.org.id))
        .orderBy(...orderFor(options.sort ?? "close_date", options.direction ?? "desc")),
    { readOnly: true },
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
export async function listFundingRoundsPage(
  ctx: OrgContext,
  options: { sort: RoundSort; direction: SortDirection; page: number; pageSize?: number },
) {
  const pageSize = options.pageSize ?? ROUNDS_PAGE_SIZE;
  return withTenant(
    ctx.db,
    ctx.org.id,
    async (tx) => {
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
    },
    { readOnly: true },
  );
}

/** Totals raised per currency and instrument, for dashboards and investor views. */
export async function fundingTotals(ctx: OrgContext): Promise<RaisedInCurrency[]> {
  const rows = await withTenant(
    ctx.db,
    ctx.org.id,
    (tx) =>
      tx
        .select({ instrument: fundingRounds.instrument, amount: fundingRounds.amount, currency: fundingRounds.currency })
        .from(fundingRounds)
        .where(eq(fundingRounds.orgId, ctx.org.id)),
    { readOnly: true },
  );
  return raisedByCurrency(rows, ctx.org.baseCurrency);
}

/** The round, or null when this org has no such round (another org's id included). */
export async function getFundingRound(ctx: OrgContext, id: string): Promise<FundingRound | null> {
  if (!isUuid(id)) return null;
  const [row] = await withTenant(
    ctx.db,
    ctx.org.id,
    (tx) => tx.select().from(fundingRounds).where(and(eq(fundingRounds.orgId, ctx.org.id), eq(fundingRounds.id, id))),
    { readOnly: true },
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

export async function createFundingRound(ctx: OrgContext, input: FundingRoundInput): Promise<FundingRound> {
  assertCanEdit(ctx);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [row] = await tx
      .insert(fundingRounds)
      .values({ orgId: ctx.org.id, ...columnsFrom(ctx, input) })
      .returning();
    await recordAudit(tx, ctx, { action: "funding_round.create", entityType: "funding_round", entityId: row.id, after: row });
    return withDerived(row);
  });
}

async function lockRound(tx: Tx, ctx: OrgContext, id: string) {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "No such funding round.");
  const [row] = await tx
    .select()
    .from(fundingRounds)
    .where(and(eq(fundingRounds.orgId, ctx.org.id), eq(fundingRounds.id, id)))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND", "No such funding round.");
  return row;
}

/**
 * Saves an edit made on `version`. If someone saved in between, nothing is written and the
 * caller gets a conflict to show, never a silent overwrite.
 */
export async function updateFundingRound(ctx: OrgContext, id: string, version: number, input: FundingRoundInput): Promise<FundingRound> {
  assertCanEdit(ctx);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await lockRound(tx, ctx, id);
    if (before.version !== version) throw conflictError("funding round");
    const [row] = await tx
      .update(fundingRounds)
      .set({ ...columnsFrom(ctx, input), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(fundingRounds.orgId, ctx.org.id), eq(fundingRounds.id, id), eq(fundingRounds.version, version)))
      .returning();
    if (!row) throw conflictError("funding round");
    await recordAudit(tx, ctx, { action: "funding_round.update", entityType: "funding_round", entityId: id, before, after: row });
    return withDerived(row);
  });
}

/** Deletes the round; with `version`, only if nobody changed it since it was read. */
export async function deleteFundingRound(ctx: OrgContext, id: string, version?: number): Promise<void> {
  assertCanEdit(ctx);
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await lockRound(tx, ctx, id);
    if (version !== undefined && before.version !== version) throw conflictError("funding round");
    await tx.delete(fundingRounds).where(and(eq(fundingRounds.orgId, ctx.org.id), eq(fundingRounds.id, id)));
    await recordAudit(tx, ctx, { action: "funding_round.delete", entityType: "funding_round", entityId: id, before, after: null });
  });
}
