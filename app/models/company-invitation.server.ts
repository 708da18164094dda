/**
 * A fund invites a company that is not on Capital Desk yet (issue #17, decision 028): the only door
 * to company_invitations. The fund writes the invitation in its own tenant and the mail goes through
 * the outbox; the founder's link (the token is the capability, looked up by its hash through the
 * system door) creates in ONE transaction their account (address proven by the link), the startup
 * org, the approved grant of exactly the sections the request needs, and the request for the period.
 */
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "~db/client";
import { accessGrants, companyInvitations, dataRequestPlans, memberships, orgs, users, type RequestAsks } from "~db/schema";
import type { GrantSection } from "~db/schema/rls";
import { systemStepWithin, withSystem, withTenant } from "~db/tenant";
import type { AccountContext, InvestorContext, SystemContext } from "~/auth/context";
import { hashPassword } from "~/auth/password.server";
import { canResend, COMPANY_INVITATION_DAYS, type CompanyInvitationInput, sectionsForAsks } from "~/domain/company-invitation";
import { periodOf, requestDueOn } from "~/domain/data-request";
import { storedLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { messageRef } from "~/i18n/translate";
import { dateText, monthRangeText } from "~/i18n/display";
import { randomToken, sha256Hex } from "~/server/crypto.server";
import { AppError } from "~/server/http.server";
import { companyInvitationMail } from "~/server/mail.server";
import { recordAudit } from "./audit.server";
import { adoptMetricsInto, issuePeriod } from "./data-request.server";
import { rememberAddress, signInKeys, throttled, type ThrottleKeys } from "./login-throttle.server";
import { queueMail } from "./mail-outbox.server";
import { insertOrgWithOwner } from "./org.server";
import { normalizeEmail } from "./user.server";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { investor_invite_error_alreadyLinked } from "~/paraglide/messages/investor_invite_error_alreadylinked1.js";
import { investor_invite_error_duplicate } from "~/paraglide/messages/investor_invite_error_duplicate.js";
import { investor_invite_error_notFound } from "~/paraglide/messages/investor_invite_error_notfound1.js";
import { investor_invite_error_plan } from "~/paraglide/messages/investor_invite_error_plan.js";
import { investor_invite_error_resendLater } from "~/paraglide/messages/investor_invite_error_resendlater1.js";
import { records_join_error_accountExists } from "~/paraglide/messages/records_join_error_accountexists1.js";
import { records_join_error_company } from "~/paraglide/messages/records_join_error_company.js";
import { records_join_error_wrongAddress } from "~/paraglide/messages/records_join_error_wrongaddress1.js";
import { readInOrg } from "./org-read.server";

const DAY_MS = 24 * 3600 * 1000;

function invalid(field: string, message: ReturnType<typeof messageRef>): AppError {
  return new AppError("INVALID", messageRef(common_validation_checkFields), { [field]: message });
}

// ---------------------------------------------------------------- the fund's side

export interface InvitablePlan {
  id: string;
  cadence: "monthly" | "quarterly";
  /** The period an invitation answers: the plan's latest issued one. */
  monthFrom: string;
  monthTo: string;
  dueOn: string;
  dueDay: number;
  asks: RequestAsks;
}

export interface FundInvitation {
  id: string;
  email: string;
  companyName: string;
  monthFrom: string;
  sections: GrantSection[];
  state: "pending" | "expired" | "accepted" | "cancelled";
  expiresAt: string;
  lastSentAt: string;
  canResend: boolean;
  createdAt: string;
}

function planPeriod(plan: { cadence: "monthly" | "quarterly"; issuedThrough: string; dueDay: number }) {
  const period = periodOf(plan.cadence, plan.issuedThrough);
  return { ...period, dueOn: requestDueOn(period, plan.dueDay) };
}

async function plansOf(tx: Tx, fundId: string): Promise<InvitablePlan[]> {
  const rows = await tx
    .select()
    .from(dataRequestPlans)
    .where(eq(dataRequestPlans.orgId, fundId))
    .orderBy(desc(dataRequestPlans.issuedThrough), desc(dataRequestPlans.createdAt));
  return rows.map((p) => {
    const cadence = p.cadence as "monthly" | "quarterly";
    return { id: p.id, cadence, asks: p.asks, dueDay: p.dueDay, ...planPeriod({ cadence, issuedThrough: p.issuedThrough, dueDay: p.dueDay }) };
  });
}

/** The fund's requests an invitation may answer, and its invitations (newest first, the last 100). */
export async function getInvitationsPage(ctx: InvestorContext, now: Date): Promise<{ plans: InvitablePlan[]; invitations: FundInvitation[] }> {
  return readInOrg(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(companyInvitations)
      .where(eq(companyInvitations.orgId, ctx.org.id))
      .orderBy(desc(companyInvitations.createdAt))
      .limit(100);
    return {
      plans: await plansOf(tx, ctx.org.id),
      invitations: rows.map((r) => {
        const state = r.acceptedAt ? "accepted" : r.cancelledAt ? "cancelled" : r.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
        return {
          id: r.id,
          email: r.email,
          companyName: r.companyName,
          monthFrom: r.monthFrom,
          sections: r.sections as GrantSection[],
          state,
          expiresAt: r.expiresAt.toISOString(),
          lastSentAt: r.lastSentAt.toISOString(),
          canResend: (state === "pending" || state === "expired") && canResend(r.lastSentAt, r.sendCount, now),
          createdAt: r.createdAt.toISOString(),
        };
      }),
    };
  });
}

/**
 * Whether `email` is a proven address of a member of a company already linked to this fund (an
 * approved grant): then there is nothing to invite, the fund asks that company as it is. A narrow
 * system read that answers yes or no only, and only about the fund's own companies.
 */
async function isMemberOfLinkedCompany(tx: Tx, fundId: string, email: string): Promise<boolean> {
  const rows = await tx
    .select({ one: sql<number>`1` })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(accessGrants, and(eq(accessGrants.orgId, memberships.orgId), eq(accessGrants.investorOrgId, fundId), eq(accessGrants.status, "approved")))
    .where(and(eq(users.email, email), isNotNull(users.emailVerifiedAt)))
    .limit(1);
  return rows.length > 0;
}

/** The language of the mail: the address's own choice when it has an account with one, else the fund user's. */
async function mailLocaleFor(tx: Tx, email: string, fallback: Locale): Promise<Locale> {
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.email, email));
  return storedLocale(row) ?? fallback;
}

interface MailOptions {
  origin: string;
  locale: Locale;
}

async function queueInvitationMail(
  tx: Tx,
  ctx: InvestorContext,
  row: { email: string; companyName: string; monthFrom: string; locale: string },
  plan: InvitablePlan,
  token: string,
  origin: string,
) {
  const locale = row.locale as Locale;
  const mail = companyInvitationMail(locale, {
    fund: ctx.org.name,
    inviter: ctx.user.name,
    company: row.companyName,
    period: monthRangeText(locale, plan.monthFrom, plan.monthTo),
    due: dateText(locale, plan.dueOn),
    link: `${origin}/join/${token}`,
    days: COMPANY_INVITATION_DAYS,
  });
  await queueMail(tx, { ...mail, orgId: ctx.org.id, toEmail: row.email, kind: "invitation", locale });
}

/**
 * Invites a company by its founder's address: the request (plan) it answers is the fund's own, its
 * latest issued period; the sections follow from what the request asks. Refused with a field
 * error, writing nothing: an address with an open invitation from this fund, or a member of a
 * company already linked to it. An expired open invitation to the same address is closed first.
 */
export async function inviteCompany(ctx: InvestorContext, input: CompanyInvitationInput, mail: MailOptions, now: Date) {
  const email = normalizeEmail(input.email);
  const token = randomToken();
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const plan = (await plansOf(tx, ctx.org.id)).find((p) => p.id === input.planId);
    if (!plan) throw invalid("planId", messageRef(investor_invite_error_plan));
    const [open] = await tx
      .select()
      .from(companyInvitations)
      .where(
        and(
          eq(companyInvitations.orgId, ctx.org.id),
          eq(companyInvitations.email, email),
          isNull(companyInvitations.acceptedAt),
          isNull(companyInvitations.cancelledAt),
        ),
      )
      .for("update");
    if (open && open.expiresAt.getTime() > now.getTime()) throw invalid("email", messageRef(investor_invite_error_duplicate));
    const { linked, locale } = await systemRead(tx, async (sys) => ({
      linked: await isMemberOfLinkedCompany(sys, ctx.org.id, email),
      locale: await mailLocaleFor(sys, email, mail.locale),
    }));
    if (linked) throw invalid("email", messageRef(investor_invite_error_alreadyLinked));
    if (open) {
      await tx
        .update(companyInvitations)
        .set({ cancelledAt: now })
        .where(and(eq(companyInvitations.orgId, ctx.org.id), eq(companyInvitations.id, open.id)));
    }
    const [created] = await tx
      .insert(companyInvitations)
      .values({
        orgId: ctx.org.id,
        planId: plan.id,
        monthFrom: plan.monthFrom,
        email,
        companyName: input.companyName,
        sections: sectionsForAsks(plan.asks),
        locale,
        tokenHash: sha256Hex(token),
        invitedBy: ctx.user.id,
        expiresAt: new Date(now.getTime() + COMPANY_INVITATION_DAYS * DAY_MS),
        lastSentAt: now,
      })
      .returning();
    await queueInvitationMail(tx, ctx, created!, plan, token, mail.origin);
    await recordAudit(tx, ctx, { action: "company_invitation.create", entityType: "company_invitation", entityId: created!.id, after: auditView(created!) });
    return { id: created!.id, email };
  });
}

type InvitationRow = typeof companyInvitations.$inferSelect;

function auditView(row: InvitationRow) {
  return { email: row.email, companyName: row.companyName, monthFrom: row.monthFrom, sections: row.sections, expiresAt: row.expiresAt };
}

async function lockOpen(tx: Tx, ctx: InvestorContext, id: string): Promise<InvitationRow> {
  const [row] = await tx
    .select()
    .from(companyInvitations)
    .where(and(eq(companyInvitations.orgId, ctx.org.id), sql`${companyInvitations.id}::text = ${id}`))
    .for("update");
  if (!row || row.acceptedAt || row.cancelledAt) throw new AppError("NOT_FOUND", messageRef(investor_invite_error_notFound));
  return row;
}

/**
 * Sends the link again with a NEW token (the old link stops working) and a fresh expiry; at most
 * once an hour and five times in all (checked under the row's lock, so two clicks cannot both pass).
 */
export async function resendCompanyInvitation(ctx: InvestorContext, id: string, mail: MailOptions, now: Date) {
  const token = randomToken();
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const row = await lockOpen(tx, ctx, id);
    if (!canResend(row.lastSentAt, row.sendCount, now)) throw new AppError("INVALID", messageRef(investor_invite_error_resendLater));
    const plan = (await plansOf(tx, ctx.org.id)).find((p) => p.id === row.planId);
    if (!plan) throw new AppError("NOT_FOUND", messageRef(investor_invite_error_notFound));
    const [after] = await tx
      .update(companyInvitations)
      .set({
        tokenHash: sha256Hex(token),
        expiresAt: new Date(now.getTime() + COMPANY_INVITATION_DAYS * DAY_MS),
        lastSentAt: now,
        sendCount: sql`${companyInvitations.sendCount} + 1`,
      })
      .where(and(eq(companyInvitations.orgId, ctx.org.id), eq(companyInvitations.id, row.id)))
      .returning();
    await queueInvitationMail(tx, ctx, after!, { ...plan, ...periodFor(plan, row.monthFrom) }, token, mail.origin);
    await recordAudit(tx, ctx, {
      action: "company_invitation.resend",
      entityType: "company_invitation",
      entityId: row.id,
      before: auditView(row),
      after: auditView(after!),
    });
    return { email: row.email };
  });
}

/** The period the invitation was made for (the plan may have issued later ones since). */
function periodFor(plan: InvitablePlan, monthFrom: string) {
  const period = periodOf(plan.cadence, monthFrom);
  return { ...period, dueOn: requestDueOn(period, plan.dueDay) };
}

export async function cancelCompanyInvitation(ctx: InvestorContext, id: string, now: Date) {
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const row = await lockOpen(tx, ctx, id);
    await tx
      .update(companyInvitations)
      .set({ cancelledAt: now, cancelledBy: ctx.user.id })
      .where(and(eq(companyInvitations.orgId, ctx.org.id), eq(companyInvitations.id, row.id)));
    await recordAudit(tx, ctx, { action: "company_invitation.cancel", entityType: "company_invitation", entityId: row.id, before: auditView(row) });
    return { email: row.email };
  });
}

/** A read across tenants inside the fund's transaction (the system step of decision 023): a yes/no and a language only. */
function systemRead<T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return systemStepWithin(tx, work);
}

// ---------------------------------------------------------------- the founder's side (the link)

export type JoinLinkState = "valid" | "used" | "expired" | "invalid";

export interface JoinView {
  fundName: string;
  inviterEmail: string | null;
  email: string;
  companyName: string;
  monthFrom: string;
  monthTo: string;
  dueOn: string;
  asks: RequestAsks;
  note: string | null;
  sections: GrantSection[];
  expiresAt: string;
  /** The invited address already has an account: sign in first. */
  accountExists: boolean;
}

/** The throttle's buckets for guessed links (login-throttle.server.ts): an unknown token counts; the address bucket closes guessing. */
function joinKeys(token: string, ip: string): ThrottleKeys {
  const hash = sha256Hex(token).slice(0, 16);
  return { subject: `join:${hash}`, pair: `join-ip:${ip} ${hash}`, address: `join-addr:${ip}` };
}

async function lockByToken(tx: Tx, token: string, lock: boolean) {
  const query = tx
    .select({ invitation: companyInvitations, fund: { name: orgs.name, purgeAfter: orgs.purgeAfter }, plan: dataRequestPlans })
    .from(companyInvitations)
    .innerJoin(orgs, eq(orgs.id, companyInvitations.orgId))
    .innerJoin(dataRequestPlans, and(eq(dataRequestPlans.orgId, companyInvitations.orgId), eq(dataRequestPlans.id, companyInvitations.planId)))
    .where(eq(companyInvitations.tokenHash, sha256Hex(token)));
  const [row] = lock ? await query.for("update", { of: companyInvitations }) : await query;
  const state: JoinLinkState =
    !row || row.invitation.cancelledAt || row.fund.purgeAfter
      ? "invalid"
      : row.invitation.acceptedAt
        ? "used"
        : row.invitation.expiresAt.getTime() <= Date.now()
          ? "expired"
          : "valid";
  return { row, state };
}

/**
 * What the link says, behind the token throttle: an unknown token counts as a failed guess from
 * this client address; a known one (valid, used or expired) does not. Nothing names an address
 * unless the link is valid, and then only the one it was sent to.
 */
export async function readJoinLink(
  { db }: SystemContext,
  token: string,
  ip: string,
): Promise<{ ok: true; state: JoinLinkState; view: JoinView | null } | { ok: false; retryAfterSeconds: number }> {
  const attempt = await throttled(db, joinKeys(token, ip), () =>
    withSystem(db, async (tx) => {
      const { row, state } = await lockByToken(tx, token, false);
      if (!row) return null;
      if (state !== "valid") return { state, view: null };
      const inv = row.invitation;
      const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
      const [inviter] = inv.invitedBy ? await tx.select({ email: users.email }).from(users).where(eq(users.id, inv.invitedBy)) : [];
      const period = periodOf(row.plan.cadence as "monthly" | "quarterly", inv.monthFrom);
      const view: JoinView = {
        fundName: row.fund.name,
        inviterEmail: inviter?.email ?? null,
        email: inv.email,
        companyName: inv.companyName,
        monthFrom: period.monthFrom,
        monthTo: period.monthTo,
        dueOn: requestDueOn(period, row.plan.dueDay),
        asks: row.plan.asks,
        note: row.plan.note,
        sections: inv.sections as GrantSection[],
        expiresAt: inv.expiresAt.toISOString(),
        accountExists: Boolean(account),
      };
      return { state, view };
    }),
  );
  if (attempt.ok) return { ok: true, ...attempt.value };
  if (attempt.reason === "throttled") return { ok: false, retryAfterSeconds: attempt.retryAfterSeconds };
  return { ok: true, state: "invalid", view: null };
}

/** The startups a signed-in person owns (not being deleted): where they may answer instead of a new company. */
export async function ownedStartups({ db }: SystemContext, userId: string) {
  return withSystem(db, (tx) =>
    tx
      .select({ id: orgs.id, name: orgs.name, slug: orgs.slug })
      .from(memberships)
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .where(and(eq(memberships.userId, userId), eq(memberships.role, "owner"), eq(orgs.kind, "startup"), isNull(orgs.purgeAfter)))
      .orderBy(asc(orgs.name)),
  );
}

export type JoinAs =
  | { kind: "new"; name: string; password: string; companyName: string; baseCurrency: string; locale: Locale | null }
  | { kind: "signed-in"; user: AccountContext["user"]; company: string; companyName: string; baseCurrency: string };

export type JoinResult =
  | { ok: true; userId: string; newAccount: boolean; orgSlug: string; month: string }
  | { ok: false; state: Exclude<JoinLinkState, "valid"> };

/**
 * Accepts the invitation in ONE transaction: the account (new: address proven by the link) or the
 * signed-in one with the invited address, the startup (new, or one they own), the fund's approved
 * grant of exactly the invitation's sections (an existing grant is approved or widened, never
 * narrowed), the company joined to the plan when the plan names its companies, the request for
 * the period, the invitation used, and audit entries on both sides. The invitation row is locked,
 * so a link used twice at once makes one of everything.
 */
export async function acceptCompanyInvitation({ db }: SystemContext, token: string, who: JoinAs, ip: string): Promise<JoinResult> {
  const passwordHash = who.kind === "new" ? await hashPassword(who.password) : null;
  const result = await withSystem(db, async (tx): Promise<JoinResult & { email?: string }> => {
    const { row, state } = await lockByToken(tx, token, true);
    if (!row || state !== "valid") return { ok: false, state: state === "valid" ? "invalid" : state };
    const inv = row.invitation;
    // The person
    let user: { id: string; email: string; name: string };
    if (who.kind === "new") {
      const [created] = await tx
        .insert(users)
        .values({ email: inv.email, name: who.name.trim(), passwordHash: passwordHash!, locale: who.locale, emailVerifiedAt: sql`now()` })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id, email: users.email, name: users.name });
      if (!created) throw new AppError("INVALID", messageRef(records_join_error_accountExists));
      user = created;
    } else {
      if (normalizeEmail(who.user.email) !== inv.email) throw new AppError("FORBIDDEN", messageRef(records_join_error_wrongAddress, { email: inv.email }));
      await tx
        .update(users)
        .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
        .where(eq(users.id, who.user.id));
      user = who.user;
    }
    // The company
    let company: { id: string; slug: string; name: string };
    if (who.kind === "new" || who.company === "new") {
      company = await insertOrgWithOwner(tx, user, { name: who.companyName, kind: "startup", baseCurrency: who.baseCurrency });
    } else {
      const [owned] = await tx
        .select({ id: orgs.id, slug: orgs.slug, name: orgs.name })
        .from(orgs)
        .innerJoin(memberships, and(eq(memberships.orgId, orgs.id), eq(memberships.userId, user.id), eq(memberships.role, "owner")))
        .where(and(eq(orgs.id, who.company), eq(orgs.kind, "startup"), isNull(orgs.purgeAfter)));
      if (!owned) throw invalid("company", messageRef(records_join_error_company));
      company = owned;
    }
    const actor = { org: company, user };
    // The grant: exactly the invitation's sections, or what the company already shares plus them.
    const [live] = await tx
      .select()
      .from(accessGrants)
      .where(and(eq(accessGrants.orgId, company.id), eq(accessGrants.investorOrgId, inv.orgId), sql`${accessGrants.status} in ('requested', 'approved')`))
      .for("update");
    const grantAudit = (g: typeof accessGrants.$inferSelect) => ({
      investorOrgId: g.investorOrgId,
      investorName: row.fund.name,
      status: g.status,
      sections: g.sections,
      initiatedBy: g.initiatedBy,
      requestedVia: g.requestedVia,
      version: g.version,
    });
    if (!live) {
      const [inviter] = inv.invitedBy ? await tx.select({ email: users.email }).from(users).where(eq(users.id, inv.invitedBy)) : [];
      const [grant] = await tx
        .insert(accessGrants)
        .values({
          orgId: company.id,
          investorOrgId: inv.orgId,
          status: "approved",
          sections: inv.sections,
          initiatedBy: "investor",
          requestedVia: inv.email,
          requestedByUserId: inv.invitedBy,
          requestedByEmail: inviter?.email ?? null,
          decidedByUserId: user.id,
          decidedAt: sql`now()`,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: "access_grant.approve",
        entityType: "access_grant",
        entityId: grant!.id,
        before: null,
        after: grantAudit(grant!),
      });
    } else {
      const sections = [...new Set([...live.sections, ...inv.sections])];
      if (live.status !== "approved" || sections.length !== live.sections.length) {
        const [after] = await tx
          .update(accessGrants)
          .set({
            status: "approved",
            sections,
            ...(live.status === "approved" ? {} : { decidedByUserId: user.id, decidedAt: sql`now()` }),
            updatedAt: sql`now()`,
            version: sql`${accessGrants.version} + 1`,
          })
          .where(and(eq(accessGrants.orgId, company.id), eq(accessGrants.id, live.id)))
          .returning();
        await recordAudit(tx, actor, {
          action: live.status === "approved" ? "access_grant.update_sections" : "access_grant.approve",
          entityType: "access_grant",
          entityId: live.id,
          before: grantAudit(live),
          after: grantAudit(after!),
        });
      }
    }
    // The request for the period (and later periods, when the plan names its companies).
    const plan = row.plan;
    if (plan.companyOrgIds && !plan.companyOrgIds.includes(company.id)) {
      await tx
        .update(dataRequestPlans)
        .set({ companyOrgIds: sql`array_append(${dataRequestPlans.companyOrgIds}, ${company.id}::uuid)` })
        .where(and(eq(dataRequestPlans.orgId, plan.orgId), eq(dataRequestPlans.id, plan.id)));
    }
    await issuePeriod(tx, { ...plan, cadence: plan.cadence as "monthly" | "quarterly" }, inv.monthFrom, [company.id]);
    // The requested custom metrics are defined in the company now, as its inbox would (decision 026), so the answer form has them.
    await adoptMetricsInto(tx, company.id, [{ orgId: inv.orgId, asks: plan.asks }]);
    await tx
      .update(companyInvitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: user.id, companyOrgId: company.id })
      .where(and(eq(companyInvitations.orgId, inv.orgId), eq(companyInvitations.id, inv.id)));
    // The fund's record names the person who invited as its actor: the founder is no member of the fund.
    await recordAudit(
      tx,
      { org: { id: inv.orgId }, user: { id: inv.invitedBy ?? user.id } },
      {
        action: "company_invitation.accept",
        entityType: "company_invitation",
        entityId: inv.id,
        before: auditView(inv),
        after: { ...auditView(inv), companyOrgId: company.id, company: company.name },
      },
    );
    return { ok: true, userId: user.id, newAccount: who.kind === "new", orgSlug: company.slug, month: inv.monthFrom, email: user.email };
  });
  if (result.ok && result.newAccount && result.email) await rememberAddress(db, signInKeys(result.email, ip));
  if (!result.ok) return result;
  const { email: _email, ...done } = result;
  return done;
}
