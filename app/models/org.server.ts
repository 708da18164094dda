import { and, asc, eq, sql } from "drizzle-orm";
import { oneRow, rowsOf, type Db, type Tx } from "~db/client";
import { memberships, orgs, type OrgKind, type Role } from "~db/schema";
import { readSystem, withSystem, withTenant } from "~db/tenant";
import { DEFAULT_RISK_BANDS, validateRiskBands, type RiskBandThresholds } from "~/finance";
import { AppError } from "~/server/http.server";
import { messageRef } from "~/i18n/translate";
import { recordAudit } from "./audit.server";
import { hasTwoFactor } from "./two-factor.server";
import type { OrgContext, SystemContext } from "~/auth/context";
import { admin_settings_twoFactor_ownFirst } from "~/paraglide/messages/admin_settings_twofactor_ownfirst2.js";
import { admin_settings_error_bandsOrder } from "~/paraglide/messages/admin_settings_error_bandsorder1.js";

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}

/** Creates the org and makes its creator the owner, in one transaction. */
export async function createOrg({ db }: SystemContext, user: OrgContext["user"], input: { name: string; kind: OrgKind; baseCurrency: string }) {
  return withSystem(db, (tx) => insertOrgWithOwner(tx, user, input));
}

/**
 * The org and its owner's membership inside the caller's system transaction: for createOrg, and for
 * accepting a fund's invitation, where the company is made with the account, grant and request (decision 028).
 */
export async function insertOrgWithOwner(tx: Tx, user: { id: string }, input: { name: string; kind: OrgKind; baseCurrency: string }) {
  const base = slugify(input.name);
  // Try the plain slug, then numbered ones; the unique index settles any race.
  const taken = await tx.execute<{ slug: string }>(sql`select slug from orgs where slug = ${base} or slug like ${base + "-%"}`);
  const takenSet = new Set(rowsOf<{ slug: string }>(taken).map((r) => r.slug));
  let slug = base;
  for (let i = 2; takenSet.has(slug); i++) slug = `${base}-${i}`;
  const org = oneRow(
    await tx.insert(orgs).values({ slug, name: input.name.trim(), kind: input.kind, baseCurrency: input.baseCurrency }).returning(),
    "insert org",
  );
  await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: "owner" });
  await recordAudit(tx, { org, user }, { action: "org.create", entityType: "org", entityId: org.id, after: org });
  return org;
}

/** The orgs a user belongs to, for the switcher and the post-login landing. */
export async function listOrgsForUser(db: Db, userId: string) {
  return readSystem(db, (read) =>
    read
      .select({ id: orgs.id, slug: orgs.slug, name: orgs.name, kind: orgs.kind, role: memberships.role })
      .from(memberships)
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(orgs.name)),
  );
}

/** Where a signed-in user starts: their first org (by name), or creating one. */
export async function homePathFor({ db }: SystemContext, userId: string): Promise<string> {
  const [first] = await listOrgsForUser(db, userId);
  return first ? `/o/${first.slug}` : "/orgs/new";
}

/**
 * The org named by the URL, with the user's role in it — or null when the org does not
 * exist or the user is not a member (callers answer 404 either way).
 */
export async function findMembershipBySlug(db: Db, userId: string, slug: string) {
  const [row] = await readSystem(db, (read) =>
    read
      .select({
        org: {
          id: orgs.id,
          slug: orgs.slug,
          name: orgs.name,
          kind: orgs.kind,
          baseCurrency: orgs.baseCurrency,
          purgeAfter: orgs.purgeAfter,
        },
        role: memberships.role,
        // "Members must use two-factor" (decision 021) and whether this person has it on.
        twoFactorRequired: orgs.requireTwoFactor,
        hasTwoFactor: sql<boolean>`exists (select 1 from user_two_factor t where t.user_id = ${userId} and t.enabled_at is not null)`,
      })
      .from(orgs)
      .innerJoin(memberships, and(eq(memberships.orgId, orgs.id), eq(memberships.userId, userId)))
      .where(eq(orgs.slug, slug)),
  );
  return row ? { org: row.org, role: row.role as Role, twoFactorMissing: row.twoFactorRequired && !row.hasTwoFactor } : null;
}

export async function getOrgSettings(ctx: OrgContext) {
  return oneRow(await withTenant(ctx.db, ctx.org.id, (tx) => tx.select().from(orgs).where(eq(orgs.id, ctx.org.id))), "org settings");
}

/**
 * The org's risk bands (the lowest score of medium, high and critical), read inside the
 * caller's tenant transaction so they come with the data they colour. Falls back to the
 * defaults only if the org row is not visible (it always is in the org's own transaction).
 */
export async function readRiskBands(tx: Tx, orgId: string): Promise<RiskBandThresholds> {
  const [row] = await tx
    .select({ mediumFrom: orgs.riskMediumFrom, highFrom: orgs.riskHighFrom, criticalFrom: orgs.riskCriticalFrom })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  return row ?? DEFAULT_RISK_BANDS;
}

export async function updateOrgSettings(
  ctx: OrgContext,
  input: { name: string; baseCurrency: string; budgetOverrunThresholdBp: number; riskBands?: RiskBandThresholds; requireTwoFactor?: boolean },
) {
  // Requiring two-factor of everyone starts with the person who asks (or they would lock themselves out at once).
  if (input.requireTwoFactor && !(await hasTwoFactor(ctx.db, ctx.user.id))) {
    throw new AppError("INVALID", messageRef(admin_settings_twoFactor_ownFirst), { requireTwoFactor: messageRef(admin_settings_twoFactor_ownFirst) });
  }
  if (input.riskBands) {
    try {
      validateRiskBands(input.riskBands);
    } catch {
      throw new AppError("INVALID", messageRef(admin_settings_error_bandsOrder));
    }
  }
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [before] = await tx.select().from(orgs).where(eq(orgs.id, ctx.org.id)).for("update");
    const [after] = await tx
      .update(orgs)
      .set({
        name: input.name.trim(),
        baseCurrency: input.baseCurrency,
        budgetOverrunThresholdBp: input.budgetOverrunThresholdBp,
        ...(input.requireTwoFactor !== undefined ? { requireTwoFactor: input.requireTwoFactor } : {}),
        ...(input.riskBands
          ? {
              riskMediumFrom: input.riskBands.mediumFrom,
              riskHighFrom: input.riskBands.highFrom,
              riskCriticalFrom: input.riskBands.criticalFrom,
            }
          : {}),
      })
      .where(eq(orgs.id, ctx.org.id))
      .returning();
    await recordAudit(tx, ctx, { action: "org.update", entityType: "org", entityId: ctx.org.id, before, after });
    return after;
  });
}
