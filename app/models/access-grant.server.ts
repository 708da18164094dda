import { and, asc, count, desc, eq, inArray, isNotNull, isNull, min, sql } from "drizzle-orm";
import { oneRow, type Db, type Tx } from "~db/client";
import { accessGrants, memberships, orgs, users, type GrantStatus } from "~db/schema";
import type { GrantSection } from "~db/schema/rls";
import { withSystem, withTenant } from "~db/tenant";
import { can } from "~/auth/permissions";
import { parseAccessVia, parseGrantSections, sameSections, type AccessVia } from "~/domain/access-grants";
import type { MessageRef } from "~/i18n/message-ref";
import { messageRef, type PlainKey } from "~/i18n/translate";
import { isUuid } from "~/domain/bounds";
import { AppError } from "~/server/http.server";
import { recordAudit } from "./audit.server";
import { investorSideRecipients, mailOrigin, orgForMail, orgPeople, queueNotification } from "./notification.server";
import { accessMail, type AccessNews } from "~/server/mail.server";
import type { OrgContext } from "~/auth/context";
import { common_error_404_title } from "~/paraglide/messages/common_error_404_title.js";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { investor_companies_requestSent } from "~/paraglide/messages/investor_companies_requestsent1.js";
import { investor_grants_error_alreadyApproved } from "~/paraglide/messages/investor_grants_error_alreadyapproved1.js";
import { investor_grants_error_alreadyRequested } from "~/paraglide/messages/investor_grants_error_alreadyrequested1.js";
import { investor_grants_error_forbidden } from "~/paraglide/messages/investor_grants_error_forbidden.js";
import { investor_grants_error_noGrant } from "~/paraglide/messages/investor_grants_error_nogrant1.js";
import { investor_grants_error_noInvestor } from "~/paraglide/messages/investor_grants_error_noinvestor1.js";
import { investor_grants_error_raced } from "~/paraglide/messages/investor_grants_error_raced.js";
import { investor_grants_error_severalInvestors } from "~/paraglide/messages/investor_grants_error_severalinvestors1.js";
import { investor_grants_error_stale } from "~/paraglide/messages/investor_grants_error_stale.js";
import { investor_grants_error_state } from "~/paraglide/messages/investor_grants_error_state.js";
import { investor_grants_error_stateWord_approved } from "~/paraglide/messages/investor_grants_error_stateword_approved1.js";
import { investor_grants_error_stateWord_declined } from "~/paraglide/messages/investor_grants_error_stateword_declined1.js";
import { investor_grants_error_stateWord_requested } from "~/paraglide/messages/investor_grants_error_stateword_requested1.js";
import { investor_grants_error_stateWord_revoked } from "~/paraglide/messages/investor_grants_error_stateword_revoked1.js";
import { readInOrg } from "./org-read.server";

const LIVE: GrantStatus[] = ["requested", "approved"];
export const GRANT_HISTORY_SHOWN = 50;
export const COMPANIES_PAGE_SIZE = 50;

/**
 * The one answer to an access request, whatever happened: a startup matched and was asked, no
 * startup matched, or it had already been asked or had already approved. Telling these apart
 * would let anyone with an investor org probe which emails own a startup here.
 */
export const REQUEST_SENT = messageRef(investor_companies_requestSent);

/** A stale form: someone else decided on this grant first (message ref, rendered at the edge). */
const CONFLICT = () => new AppError("CONFLICT", messageRef(investor_grants_error_stale));

type GrantRow = typeof accessGrants.$inferSelect;

/** `message` is a field's message ref; the failure reply renders it with the form message. */
function invalid(field: string, message: MessageRef): AppError {
  return new AppError("INVALID", messageRef(common_validation_checkFields), { [field]: message });
}

function requireVia(input: unknown): AccessVia {
  const parsed = parseAccessVia(input);
  if (!parsed.ok) throw invalid("via", parsed.error);
  return parsed.via;
}

function requireSections(input: readonly unknown[]): GrantSection[] {
  const parsed = parseGrantSections(input);
  if (!parsed.ok) throw invalid("sections", parsed.error);
  return parsed.sections;
}

/** Where links in the notifications a change queues point (the request's origin; see mailOrigin). */
export interface MailOptions {
  origin?: string;
}

/**
 * An access request mails the startup's owners and admins, in the request's transaction (decision
 * 023). The investor learns nothing from it: the answer is REQUEST_SENT either way.
 */
async function notifyStartup(tx: Tx, ctx: OrgContext, startupId: string, origin: string) {
  const startup = await orgForMail(tx, startupId);
  if (!startup) return;
  await queueNotification(tx, {
    orgId: startupId,
    kind: "access_requested",
    userIds: await orgPeople(tx, startupId, ["owner", "admin"]),
    origin,
    compose: (locale, links) =>
      accessMail("access_requested", locale, { investor: ctx.org.name, company: startup.name, link: `${origin}/o/${startup.slug}/investors` }, links),
  });
}

/** A decision on a grant mails the investor's side: the person who asked, else its owners (decision 023). */
async function notifyInvestor(tx: Tx, ctx: OrgContext, grant: GrantRow, kind: Exclude<AccessNews, "access_requested">, origin: string) {
  const investor = await orgForMail(tx, grant.investorOrgId);
  if (!investor) return;
  const requester = grant.initiatedBy === "investor" ? grant.requestedByUserId : null;
  await queueNotification(tx, {
    // The person's own mail, in no tenant: it names the company, and once access ends the
    // investor's tenant must keep nothing of it (grant-revocation.test.ts).
    orgId: null,
    kind,
    userIds: await investorSideRecipients(tx, grant.investorOrgId, requester),
    origin,
    compose: (locale, links) =>
      accessMail(kind, locale, { investor: investor.name, company: ctx.org.name, link: `${origin}/o/${investor.slug}/companies` }, links),
  });
}

/** Org kind first (the other kind's page does not exist: 404), then the role (403). */
function requireManager(ctx: OrgContext, kind: "startup" | "investor") {
  if (ctx.org.kind !== kind) throw new AppError("NOT_FOUND", messageRef(common_error_404_title));
  if (!can(ctx.role, "manage:members")) throw new AppError("FORBIDDEN", messageRef(investor_grants_error_forbidden));
}

/**
 * Cross-tenant look-up, so it runs through withSystem and filters explicitly: the orgs of
 * `kind` named by a share code (exact, upper-case) or owned by a user with that email. Only
 * ids leave this function; names are read later under the caller's own tenant, where
 * row-level security decides what it may see.
 */
async function findOrgIdsByVia(db: Db, via: AccessVia, kind: "startup" | "investor"): Promise<string[]> {
  // An org scheduled for deletion takes no new requests or invitations (decision 009); the answer stays the same.
  const live = isNull(orgs.purgeAfter);
  const rows = await withSystem(db, (tx) =>
    via.kind === "share_code"
      ? tx
          .select({ id: orgs.id })
          .from(orgs)
          .where(and(eq(orgs.shareCode, via.code), eq(orgs.kind, kind), live))
      : tx
          .selectDistinct({ id: orgs.id })
          .from(orgs)
          .innerJoin(memberships, and(eq(memberships.orgId, orgs.id), eq(memberships.role, "owner")))
          .innerJoin(users, eq(users.id, memberships.userId))
          // Only a proven address names anyone (decision 017): an account made with someone
          // else's address before they signed up matches nothing, exactly like no account.
          .where(and(eq(users.email, via.email), isNotNull(users.emailVerifiedAt), eq(orgs.kind, kind), live)),
  );
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------
// Investor side

/**
 * An investor asks for access. Every startup the code or owner email names gets a request
 * (an owner with several companies gets one in each; each decides for itself). The insert runs
 * as the investor's tenant, so row-level security itself guarantees the shape of what an
 * investor can write: status 'requested', no sections, initiated by the investor, undecided.
 * A pair that already has a live request or grant is skipped by the partial unique index.
 * The answer is REQUEST_SENT in every case (see there).
 */
export async function requestAccess(ctx: OrgContext, input: { via: unknown }, mail: MailOptions = {}): Promise<{ message: MessageRef }> {
  requireManager(ctx, "investor");
  const via = requireVia(input.via);
  const startupIds = await findOrgIdsByVia(ctx.db, via, "startup");
  if (startupIds.length > 0) {
    await withTenant(ctx.db, ctx.org.id, async (tx) => {
      for (const startupId of startupIds) {
        const [created] = await tx
          .insert(accessGrants)
          .values({
            orgId: startupId,
            investorOrgId: ctx.org.id,
            status: "requested",
            sections: [],
            initiatedBy: "investor",
            requestedVia: via.typed,
            requestedByUserId: ctx.user.id,
            requestedByEmail: ctx.user.email,
          })
          .onConflictDoNothing()
          .returning();
        // The investor's audit names what was typed, never the company: its name stays hidden until approval.
        if (created) {
          await recordAudit(tx, ctx, {
            action: "access_grant.request",
            entityType: "access_grant",
            entityId: created.id,
            before: null,
            after: { status: created.status, requestedVia: created.requestedVia, initiatedBy: created.initiatedBy },
          });
          await notifyStartup(tx, ctx, startupId, mailOrigin(mail.origin));
        }
      }
    });
  }
  return { message: REQUEST_SENT };
}

export interface InvestorGrantList {
  shareCode: string;
  companies: { grantId: string; name: string; slug: string; sections: GrantSection[]; since: Date | null }[];
  companiesTotal: number;
  page: number;
  pageCount: number;
  /** One entry per distinct thing typed: the company behind it stays unnamed until it approves. */
  pending: { requestedVia: string; requestedAt: Date }[];
}

/** An investor's unanswered requests, one per distinct thing typed (the company stays unnamed until it approves), newest first. */
export async function pendingRequestsOf(tx: Tx, investorOrgId: string) {
  const rows = await tx
    .select({ requestedVia: accessGrants.requestedVia, requestedAt: min(accessGrants.createdAt) })
    .from(accessGrants)
    .where(and(eq(accessGrants.investorOrgId, investorOrgId), eq(accessGrants.status, "requested")))
    .groupBy(accessGrants.requestedVia)
    .orderBy(desc(min(accessGrants.createdAt)));
  return rows.map((p) => ({ requestedVia: p.requestedVia ?? "", requestedAt: p.requestedAt as Date }));
}

/** The investor's own view: approved companies by name (paged), and pending requests by what was typed. */
export async function listGrantsForInvestor(ctx: OrgContext, options: { page?: number } = {}): Promise<InvestorGrantList> {
  if (ctx.org.kind !== "investor") throw new AppError("NOT_FOUND", messageRef(common_error_404_title));
  return readInOrg(ctx, async (tx) => {
    const approved = and(eq(accessGrants.investorOrgId, ctx.org.id), eq(accessGrants.status, "approved"));
    const { total } = oneRow(await tx.select({ total: count() }).from(accessGrants).where(approved), "approved grants count");
    const pageCount = Math.max(1, Math.ceil(total / COMPANIES_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
    const companies = await tx
      .select({ grantId: accessGrants.id, name: orgs.name, slug: orgs.slug, sections: accessGrants.sections, since: accessGrants.decidedAt })
      .from(accessGrants)
      .innerJoin(orgs, eq(orgs.id, accessGrants.orgId))
      .where(approved)
      .orderBy(asc(orgs.name), asc(orgs.slug))
      .limit(COMPANIES_PAGE_SIZE)
      .offset((page - 1) * COMPANIES_PAGE_SIZE);
    const pending = await pendingRequestsOf(tx, ctx.org.id);
    const own = oneRow(await tx.select({ shareCode: orgs.shareCode }).from(orgs).where(eq(orgs.id, ctx.org.id)), "own org share code");
    return {
      shareCode: own.shareCode,
      companies: companies.map((c) => ({ ...c, sections: c.sections as GrantSection[] })),
      companiesTotal: total,
      page,
      pageCount,
      pending,
    };
  });
}

// ---------------------------------------------------------------------------------------
// Startup side

export interface StartupGrant {
  id: string;
  version: number;
  investorOrgId: string;
  /** null when the investor's org row cannot be read (shown as "Unknown investor"). */
  investorName: string | null;
  /** What tells two funds of the same name apart: the org's short code and since when it exists. */
  investorCode: string | null;
  investorSince: Date | null;
  /** The investor-side person who asked (null when the startup shared first). */
  requestedByEmail: string | null;
  status: GrantStatus;
  sections: GrantSection[];
  initiatedBy: "investor" | "startup";
  requestedVia: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedByName: string | null;
}

export interface StartupGrantList {
  shareCode: string;
  pending: StartupGrant[];
  active: StartupGrant[];
  /** Declined and revoked, newest first, at most GRANT_HISTORY_SHOWN; the audit log has the rest. */
  history: StartupGrant[];
  historyTotal: number;
}

/** Everything a startup's members see about who has, had or wants access (read-only for all roles). */
export async function listGrantsForStartup(ctx: OrgContext): Promise<StartupGrantList> {
  if (ctx.org.kind !== "startup") throw new AppError("NOT_FOUND", messageRef(common_error_404_title));
  return readInOrg(ctx, async (tx) => {
    // Investor names come through orgs_grant_read (an investor that asked or was invited);
    // deciders through the users policy (members of this org). Left joins, so a member who
    // has since left shows as unknown rather than hiding the grant.
    const rows = await tx
      .select({
        id: accessGrants.id,
        version: accessGrants.version,
        investorOrgId: accessGrants.investorOrgId,
        investorName: orgs.name,
        investorCode: orgs.shareCode,
        investorSince: orgs.createdAt,
        requestedByEmail: sql<string | null>`case when ${accessGrants.initiatedBy} = 'investor' then ${accessGrants.requestedByEmail} end`,
        status: accessGrants.status,
        sections: accessGrants.sections,
        initiatedBy: accessGrants.initiatedBy,
        requestedVia: accessGrants.requestedVia,
        requestedAt: accessGrants.createdAt,
        decidedAt: accessGrants.decidedAt,
        decidedByName: users.name,
      })
      .from(accessGrants)
      .leftJoin(orgs, eq(orgs.id, accessGrants.investorOrgId))
      .leftJoin(users, eq(users.id, accessGrants.decidedByUserId))
      .where(eq(accessGrants.orgId, ctx.org.id))
      .orderBy(desc(sql`coalesce(${accessGrants.decidedAt}, ${accessGrants.createdAt})`), asc(accessGrants.id));
    const own = oneRow(await tx.select({ shareCode: orgs.shareCode }).from(orgs).where(eq(orgs.id, ctx.org.id)), "own org share code");
    const grants = rows.map((r) => ({ ...r, sections: r.sections as GrantSection[] }));
    const history = grants.filter((g) => g.status === "declined" || g.status === "revoked");
    return {
      shareCode: own.shareCode,
      pending: grants.filter((g) => g.status === "requested").sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime()),
      active: grants.filter((g) => g.status === "approved").sort((a, b) => (a.investorName ?? "").localeCompare(b.investorName ?? "")),
      history: history.slice(0, GRANT_HISTORY_SHOWN),
      historyTotal: history.length,
    };
  });
}

/** What the audit log keeps of a grant: enough to read on its own, including whom it concerns. */
async function auditView(tx: Tx, row: GrantRow) {
  const [investor] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.investorOrgId));
  return {
    investorOrgId: row.investorOrgId,
    investorName: investor?.name ?? null,
    status: row.status,
    sections: row.sections,
    initiatedBy: row.initiatedBy,
    requestedVia: row.requestedVia,
    version: row.version,
  };
}

const STATUS_WORDS: Record<GrantStatus, PlainKey> = {
  requested: investor_grants_error_stateWord_requested,
  approved: investor_grants_error_stateWord_approved,
  declined: investor_grants_error_stateWord_declined,
  revoked: investor_grants_error_stateWord_revoked,
};

/**
 * One decision on one grant, in one transaction: lock the row, check the version the form was
 * loaded with (409 when stale) and that the grant is in a state the decision applies to, write,
 * audit before and after. A grant of another startup is simply not found (RLS and the explicit
 * org filter agree), so it answers 404.
 */
async function decide(
  ctx: OrgContext,
  grantId: string,
  version: number,
  step: { from: GrantStatus; to: GrantStatus; sections?: GrantSection[]; action: string; stamp: boolean; news?: Exclude<AccessNews, "access_requested"> },
  mail: MailOptions,
) {
  requireManager(ctx, "startup");
  if (!isUuid(grantId)) throw new AppError("NOT_FOUND", messageRef(investor_grants_error_noGrant));
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [before] = await tx
      .select()
      .from(accessGrants)
      .where(and(eq(accessGrants.orgId, ctx.org.id), eq(accessGrants.id, grantId)))
      .for("update");
    if (!before) throw new AppError("NOT_FOUND", messageRef(investor_grants_error_noGrant));
    if (before.version !== version) throw CONFLICT();
    if (before.status !== step.from) {
      // The state word is itself a message: a ref inside the ref, rendered with the sentence.
      throw new AppError("CONFLICT", messageRef(investor_grants_error_state, { state: STATUS_WORDS[before.status] }));
    }
    const sections = step.sections ?? before.sections;
    if (step.from === step.to && sameSections(sections, before.sections)) return before;
    const [after] = await tx
      .update(accessGrants)
      .set({
        status: step.to,
        sections,
        ...(step.stamp ? { decidedByUserId: ctx.user.id, decidedAt: sql`now()` } : {}),
        updatedAt: sql`now()`,
        version: sql`${accessGrants.version} + 1`,
      })
      .where(and(eq(accessGrants.orgId, ctx.org.id), eq(accessGrants.id, grantId), eq(accessGrants.version, version)))
      .returning();
    if (!after) throw CONFLICT();
    await recordAudit(tx, ctx, {
      action: step.action,
      entityType: "access_grant",
      entityId: grantId,
      before: await auditView(tx, before),
      after: await auditView(tx, after),
    });
    if (step.news) await notifyInvestor(tx, ctx, after, step.news, mailOrigin(mail.origin));
    return after;
  });
}

export async function approveGrant(ctx: OrgContext, grantId: string, version: number, sections: readonly unknown[], mail: MailOptions = {}) {
  const chosen = requireSections(sections);
  const step = { from: "requested", to: "approved", sections: chosen, action: "access_grant.approve", stamp: true, news: "access_approved" } as const;
  return decide(ctx, grantId, version, step, mail);
}

/** Widening or narrowing takes effect on the investor's next statement: the policies read grants every time. */
export async function updateGrantSections(ctx: OrgContext, grantId: string, version: number, sections: readonly unknown[], mail: MailOptions = {}) {
  const chosen = requireSections(sections);
  const step = { from: "approved", to: "approved", sections: chosen, action: "access_grant.update_sections", stamp: false, news: "access_changed" } as const;
  return decide(ctx, grantId, version, step, mail);
}

export async function declineGrant(ctx: OrgContext, grantId: string, version: number) {
  // No mail: a declined request never names the company to the investor (requestAccess keeps it hidden).
  return decide(ctx, grantId, version, { from: "requested", to: "declined", action: "access_grant.decline", stamp: true }, {});
}

/** Sections stay on the row as the record of what was shared; status alone ends the access. */
export async function revokeGrant(ctx: OrgContext, grantId: string, version: number, mail: MailOptions = {}) {
  return decide(ctx, grantId, version, { from: "approved", to: "revoked", action: "access_grant.revoke", stamp: true, news: "access_revoked" }, mail);
}

/**
 * The startup shares with an investor it names, without waiting for a request: an approved
 * grant straight away. Unlike requestAccess this says plainly when no investor org matches.
 * The startup is about to hand its figures over, so a silent "sent if it exists" would let a
 * typo pass for a share; the caller is an owner or admin of a startup, and what it learns —
 * that a fund with that code or owner email uses Capital Desk — is what a fund publishes
 * anyway, unlike a startup's presence, which requestAccess keeps hidden.
 */
export async function inviteInvestor(ctx: OrgContext, input: { via: unknown; sections: readonly unknown[] }, mail: MailOptions = {}) {
  requireManager(ctx, "startup");
  const via = requireVia(input.via);
  const sections = requireSections(input.sections);
  const investorIds = await findOrgIdsByVia(ctx.db, via, "investor");
  const [investorOrgId] = investorIds;
  if (investorOrgId === undefined) throw invalid("via", messageRef(investor_grants_error_noInvestor));
  if (investorIds.length > 1) {
    throw invalid("via", messageRef(investor_grants_error_severalInvestors));
  }
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [live] = await tx
      .select({ status: accessGrants.status })
      .from(accessGrants)
      .where(and(eq(accessGrants.orgId, ctx.org.id), eq(accessGrants.investorOrgId, investorOrgId), inArray(accessGrants.status, LIVE)));
    if (live?.status === "requested") throw invalid("via", messageRef(investor_grants_error_alreadyRequested));
    if (live?.status === "approved") throw invalid("via", messageRef(investor_grants_error_alreadyApproved));
    const [created] = await tx
      .insert(accessGrants)
      .values({
        orgId: ctx.org.id,
        investorOrgId,
        status: "approved",
        sections,
        initiatedBy: "startup",
        requestedVia: via.typed,
        requestedByUserId: ctx.user.id,
        requestedByEmail: ctx.user.email,
        decidedByUserId: ctx.user.id,
        decidedAt: sql`now()`,
      })
      .onConflictDoNothing()
      .returning();
    // Someone else created a live grant for this pair between the check and the insert.
    if (!created) throw new AppError("CONFLICT", messageRef(investor_grants_error_raced));
    const after = await auditView(tx, created);
    await recordAudit(tx, ctx, { action: "access_grant.invite", entityType: "access_grant", entityId: created.id, before: null, after });
    await notifyInvestor(tx, ctx, created, "access_approved", mailOrigin(mail.origin));
    return { id: created.id, investorName: after.investorName };
  });
}
