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
import { messageRef, type PlainKey } from "~/i18n/translate";
import { AppError } from "~/lib/http.server";
import { INSTRUMENT_KEYS, INSTRUMENTS, isEquityInstrument } from "~/lib/instruments";
import { amountMessages, moneyField, parseMajorToMinor, type FieldLabel } from "~/lib/money";
import { recordAudit } from "./audit.server";
import type { OrgContext } from "~/auth/context";
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
 * Field names for messages (FieldLabel, app/lib/money.ts): plain English from callers not yet
 * translated, or message keys, so the message becomes a ref answered in the request's language.
 */
function fieldMessages(label: FieldLabel) {
  if (typeof label === "string") {
    return {
      enter: `Enter ${label}.`,
      date: `Enter ${label} as a real calendar date (YYYY-MM-DD).`,
      tooEarly: (year: string) => `${capitalise(label)} must be in ${year} or later.`,
      tooLate: (latest: string) => `${capitalise(label)} cannot be more than a year in the future (latest ${latest}).`,
      tooLong: (max: number) => `Keep ${label} under ${max} characters.`,
      whole: `Enter ${label} as a whole number.`,
      range: (min: number, max: number) => `${capitalise(label)} must be between ${min} and ${max.toLocaleString("en-US")}.`,
    };
  }
  const { inSentence: field, atStart } = label;
  return {
    enter: messageRef("common.validation.enterField", { field }),
    date: messageRef("records.field.date", { field }),
    tooEarly: (year: string) => messageRef("records.field.dateTooEarly", { field: atStart, year }),
    tooLate: (latest: string) => messageRef("records.field.dateTooLate", { field: atStart, latest }),
    tooLong: (max: number) => messageRef("common.validation.fieldTooLong", { field, max: String(max) }),
    whole: messageRef("records.field.whole", { field }),
    range: (min: number, max: number) => messageRef("records.field.range", { field: atStart, min: String(min), max }),
  };
}

/** A field named by message keys: in a sentence and at its start. */
const named = (inSentence: PlainKey, atStart: PlainKey): FieldLabel => ({ inSentence, atStart });

/**
 * A calendar date (YYYY-MM-DD) no more than a year after `today`: a round or draw can be
 * planned ahead, but a date years out is a typo, and it would distort every forecast.
 */
export const recentDateField = (label: FieldLabel, today: IsoDate) => {
  const messages = fieldMessages(label);
  return z
    .string({ error: messages.enter })
    .trim()
    .min(1, messages.enter)
    .superRefine((value, ctx) => {
      if (!isValidIsoDate(value)) {
        ctx.addIssue({ code: "custom", message: messages.date });
      } else if (compareIsoDates(value, EARLIEST_DATE) < 0) {
        ctx.addIssue({ code: "custom", message: messages.tooEarly(EARLIEST_DATE.slice(0, 4)) });
      } else if (compareIsoDates(value, oneYearAfter(today)) > 0) {
        ctx.addIssue({ code: "custom", message: messages.tooLate(oneYearAfter(today)) });
      }
    });
};

/** Free text that may be left blank (stored as null). */
export const optionalTextField = (label: FieldLabel, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, fieldMessages(label).tooLong(max)))
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
        .regex(/^[A-Z]{3}$/, messageRef("common.validation.currencyInvalid"))
        .refine((code) => KNOWN_CURRENCIES.size === 0 || KNOWN_CURRENCIES.has(code), {
          message: messageRef("records.field.currencyUnknown"),
        }),
    ]),
  );

/**
 * Optional positive money in major units; blank means null. (The shared `optionalMoneyField`
 * answers a bad value with zod's generic "Invalid input", because its union hides the
 * message; this one says what is wrong.)
 */
export const optionalPositiveMoneyField = (label: FieldLabel) => {
  const messages = amountMessages(label);
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = (v ?? "").trim();
      if (value === "") return null;
      const minor = parseMajorToMinor(value);
      if (minor === null) {
        ctx.addIssue({ code: "custom", message: messages.format });
        return z.NEVER;
      }
      if (minor < 0) {
        ctx.addIssue({ code: "custom", message: messages.negative });
        return z.NEVER;
      }
      if (minor === 0) {
        ctx.addIssue({ code: "custom", message: messages.positiveOrBlank });
        return z.NEVER;
      }
      return minor;
    });
};

/** Optional whole number in a range; blank means null. */
export const optionalIntegerField = (label: FieldLabel, min: number, max: number) => {
  const messages = fieldMessages(label);
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().replace(/[,_\s]/g, ""))
    .transform((v, ctx) => {
      if (v === "") return null;
      if (!/^-?\d+$/.test(v)) {
        ctx.addIssue({ code: "custom", message: messages.whole });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: messages.range(min, max) });
        return z.NEVER;
      }
      return n;
    });
};

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Cross-field rules run even when a field already failed, so the form reports every problem
 * at once. Their callbacks must therefore read only values that parsed (typeof checks).
 */
export const ALWAYS = { when: () => true };

export function assertCanEdit(ctx: OrgContext) {
  if (!can(ctx.role, "edit:records")) throw new AppError("FORBIDDEN", messageRef("records.readOnlyRecords"));
}

// ---------------------------------------------------------------------------------------
// Funding rounds
// ---------------------------------------------------------------------------------------

/** Hints shown beside the fields (message keys); the same rules the schema enforces. */
export const FUNDING_ROUND_RULES = {
  preMoney: "records.round.rule.preMoney",
  crowdfunding: "records.round.rule.crowdfunding",
} as const satisfies Record<string, PlainKey>;

/** The create/edit form. `today` bounds the close date (at most a year ahead). */
export function fundingRoundSchema(today: IsoDate) {
  return z
    .object({
      instrument: z.enum(INSTRUMENTS, { error: messageRef("records.round.instrumentRequired") }),
      closeDate: recentDateField(named("records.round.in.closeDate", "records.round.at.closeDate"), today),
      amount: moneyField(named("records.round.in.amount", "records.round.at.amount"), { positive: true }),
      currency: optionalCurrencyField,
      preMoneyValuation: optionalPositiveMoneyField(named("records.round.in.preMoney", "records.round.at.preMoney")),
      leadInvestor: optionalTextField(named("records.round.in.leadInvestor", "records.round.in.leadInvestor"), 200),
      otherInvestors: optionalTextField(named("records.round.in.otherInvestors", "records.round.in.otherInvestors"), 1000),
      crowdfundingPlatform: optionalTextField(named("records.round.in.platform", "records.round.in.platform"), 120),
      backerCount: optionalIntegerField(named("records.round.in.backers", "records.round.at.backers"), 1, 100_000_000),
      notes: optionalTextField(named("records.round.in.notes", "records.round.in.notes"), 2000),
    })
    .superRefine((round, ctx) => {
      // Field-level problems may already be reported; these rules read only what parsed.
      const instrument = round.instrument as string;
      if (typeof instrument !== "string" || !INSTRUMENTS.includes(instrument as Instrument)) return;
      const instrumentName = INSTRUMENT_KEYS[instrument as Instrument];
      if (typeof round.preMoneyValuation === "number" && !isEquityInstrument(instrument)) {
        ctx.addIssue({
          code: "custom",
          path: ["preMoneyValuation"],
          message: messageRef("records.round.noPreMoney", { instrument: instrumentName }),
        });
      }
      if (instrument === "equity_crowdfunding") {
        if (round.crowdfundingPlatform === null) {
          ctx.addIssue({ code: "custom", path: ["crowdfundingPlatform"], message: messageRef("records.round.platformRequired") });
        }
        if (round.backerCount === null) {
          ctx.addIssue({ code: "custom", path: ["backerCount"], message: messageRef("common.validation.enterField", { field: "records.round.in.backers" }) });
        }
      } else {
        if (typeof round.crowdfundingPlatform === "string") {
          ctx.addIssue({ code: "custom", path: ["crowdfundingPlatform"], message: messageRef("records.round.platformOnlyCrowdfunding") });
        }
        if (typeof round.backerCount === "number") {
          ctx.addIssue({ code: "custom", path: ["backerCount"], message: messageRef("records.round.backersOnlyCrowdfunding") });
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
  if (!isUuid(id)) throw new AppError("NOT_FOUND", messageRef("records.round.notFound"));
  const [row] = await tx
    .select()
    .from(fundingRounds)
    .where(and(eq(fundingRounds.orgId, ctx.org.id), eq(fundingRounds.id, id)))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND", messageRef("records.round.notFound"));
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
    if (before.version !== version) throw conflictError("records.round.what");
    const [row] = await tx
      .update(fundingRounds)
      .set({ ...columnsFrom(ctx, input), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(fundingRounds.orgId, ctx.org.id), eq(fundingRounds.id, id), eq(fundingRounds.version, version)))
      .returning();
    if (!row) throw conflictError("records.round.what");
    await recordAudit(tx, ctx, { action: "funding_round.update", entityType: "funding_round", entityId: id, before, after: row });
    return withDerived(row);
  });
}

/** Deletes the round; with `version`, only if nobody changed it since it was read. */
export async function deleteFundingRound(ctx: OrgContext, id: string, version?: number): Promise<void> {
  assertCanEdit(ctx);
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await lockRound(tx, ctx, id);
    if (version !== undefined && before.version !== version) throw conflictError("records.round.what");
    await tx.delete(fundingRounds).where(and(eq(fundingRounds.orgId, ctx.org.id), eq(fundingRounds.id, id)));
    await recordAudit(tx, ctx, { action: "funding_round.delete", entityType: "funding_round", entityId: id, before, after: null });
  });
}
