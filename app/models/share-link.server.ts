/**
 * Share links: made, listed and revoked by an org's owners and admins (tenant transactions),
 * and resolved from their token on the public report page (one narrowly named system
 * look-up by the token's hash, then the issuer's read-only tenant transaction).
 */
import { and, count, desc, eq, isNotNull, isNull, max, ne, or, sql } from "drizzle-orm";
import { oneRow, type Tx } from "~db/client";
import { accessGrants, orgs, ROLES, shareLinks, shareLinkViews } from "~db/schema";
import type { GrantSection } from "~db/schema/rls";
import type { ShareMode, ShareScope } from "~db/schema/sharing";
import { withSystem, withTenant } from "~db/tenant";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { compareMonths, isValidMonth, monthOfDate } from "~/finance";
import { randomToken, sha256Hex } from "~/server/crypto.server";
import { EARLIEST_REPORT_MONTH } from "~/domain/report-rules";
import { SHARE_LINK_VIEWS_SHOWN } from "~/domain/share-links";
import { AppError } from "~/server/http.server";
import type { MessageRef } from "~/i18n/message-ref";
import { messageRef } from "~/i18n/translate";
import { recordAudit } from "./audit.server";
import { mailOrigin, orgForMail, orgPeople, queueNotification } from "./notification.server";
import { shareLinkViewedMail } from "~/server/mail.server";
import { shareLinkKeys, throttled, type Attempt } from "./login-throttle.server";
import type { OrgContext, SystemContext } from "~/auth/context";
import { readCompanyReports, reportToday, resolveReportCompanies, restrictSnapshot, type ReportIssuer } from "./share-report.server";
import type { ShareSnapshot } from "~/views/share-report";
import { admin_section_budgets } from "~/paraglide/messages/admin_section_budgets.js";
import { admin_section_financials } from "~/paraglide/messages/admin_section_financials.js";
import { admin_section_funding_debt } from "~/paraglide/messages/admin_section_funding_debt.js";
import { admin_section_risks } from "~/paraglide/messages/admin_section_risks.js";
import { admin_section_updates } from "~/paraglide/messages/admin_section_updates.js";
import { admin_shareLinks_error_alreadyRevoked } from "~/paraglide/messages/admin_sharelinks_error_alreadyrevoked2.js";
import { admin_shareLinks_error_chooseCompany } from "~/paraglide/messages/admin_sharelinks_error_choosecompany2.js";
import { admin_shareLinks_error_companiesAtLeastOne } from "~/paraglide/messages/admin_sharelinks_error_companiesatleastone4.js";
import { admin_shareLinks_error_companiesNotShared } from "~/paraglide/messages/admin_sharelinks_error_companiesnotshared3.js";
import { admin_shareLinks_error_frozenMonthFuture } from "~/paraglide/messages/admin_sharelinks_error_frozenmonthfuture3.js";
import { admin_shareLinks_error_frozenMonthTooEarly } from "~/paraglide/messages/admin_sharelinks_error_frozenmonthtooearly4.js";
import { admin_shareLinks_error_noSuchLink } from "~/paraglide/messages/admin_sharelinks_error_nosuchlink3.js";
import { admin_shareLinks_error_notCreated } from "~/paraglide/messages/admin_sharelinks_error_notcreated2.js";
import { admin_shareLinks_error_notShared1 } from "~/paraglide/messages/admin_sharelinks_error_notshared12.js";
import { admin_shareLinks_error_notShared2 } from "~/paraglide/messages/admin_sharelinks_error_notshared22.js";
import { admin_shareLinks_error_notShared3 } from "~/paraglide/messages/admin_sharelinks_error_notshared32.js";
import { admin_shareLinks_error_notShared4 } from "~/paraglide/messages/admin_sharelinks_error_notshared42.js";
import { admin_shareLinks_error_notShared5 } from "~/paraglide/messages/admin_sharelinks_error_notshared52.js";
import { admin_shareLinks_error_portfolioNone } from "~/paraglide/messages/admin_sharelinks_error_portfolionone2.js";
import { admin_shareLinks_error_startupOwnOnly } from "~/paraglide/messages/admin_sharelinks_error_startupownonly3.js";
import { readInOrg } from "./org-read.server";

export const SHARE_LINKS_PAGE_SIZE = 50;
const NOT_CREATED = messageRef(admin_shareLinks_error_notCreated);
const USER_AGENT_MAX = 300;

export interface ShareLinkInput {
  label: string;
  scope: ShareScope;
  /** company: the one company; companies: the subset; portfolio: ignored. */
  companyIds: string[];
  sections: GrantSection[];
  mode: ShareMode;
  frozenMonth: string | null;
  expiresInDays: number;
  passphrase: string | null;
}

/**
 * "Acme does not share Budgets, Risks with you." as a message ref: each section is its own
 * variable holding a ref to its name, so the names are translated with the sentence (there are
 * at most five sections: one message per count).
 */
function notSharedMessage(company: string, missing: readonly GrantSection[]): MessageRef {
  const names = missing.map(
    (s) =>
      ({
        budgets: admin_section_budgets,
        financials: admin_section_financials,
        funding_debt: admin_section_funding_debt,
        risks: admin_section_risks,
        updates: admin_section_updates,
      })[s],
  );
  const [s1, s2, s3, s4, s5] = names;
  if (names.length >= 5) return messageRef(admin_shareLinks_error_notShared5, { company, s1: s1!, s2: s2!, s3: s3!, s4: s4!, s5: s5! });
  if (names.length === 4) return messageRef(admin_shareLinks_error_notShared4, { company, s1: s1!, s2: s2!, s3: s3!, s4: s4! });
  if (names.length === 3) return messageRef(admin_shareLinks_error_notShared3, { company, s1: s1!, s2: s2!, s3: s3! });
  if (names.length === 2) return messageRef(admin_shareLinks_error_notShared2, { company, s1: s1!, s2: s2! });
  return messageRef(admin_shareLinks_error_notShared1, { company, s1: s1 ?? "" });
}

function issuerOf(ctx: OrgContext): ReportIssuer {
  return { id: ctx.org.id, kind: ctx.org.kind, name: ctx.org.name, baseCurrency: ctx.org.baseCurrency };
}

/**
 * Creates a link and returns its token — the only time the token exists outside the
 * recipient's hands: the table keeps its SHA-256, the audit log neither. A frozen link
 * renders its report now, in this transaction, and stores it.
 */
export async function createShareLink(ctx: OrgContext, input: ShareLinkInput): Promise<{ id: string; token: string }> {
  const scope = input.scope;
  if (ctx.org.kind === "startup" && scope !== "company")
    throw new AppError("INVALID", NOT_CREATED, { scope: messageRef(admin_shareLinks_error_startupOwnOnly) });
  const companyIds = ctx.org.kind === "startup" ? [ctx.org.id] : scope === "portfolio" ? [] : [...new Set(input.companyIds)];
  if (scope === "company" && companyIds.length !== 1)
    throw new AppError("INVALID", NOT_CREATED, { companyId: messageRef(admin_shareLinks_error_chooseCompany) });
  if (scope === "companies" && companyIds.length === 0)
    throw new AppError("INVALID", NOT_CREATED, { companyIds: messageRef(admin_shareLinks_error_companiesAtLeastOne) });
  if (input.mode === "frozen") {
    const month = input.frozenMonth;
    if (!isValidMonth(month) || compareMonths(month, EARLIEST_REPORT_MONTH) < 0)
      throw new AppError("INVALID", NOT_CREATED, { frozenMonth: messageRef(admin_shareLinks_error_frozenMonthTooEarly, { month: EARLIEST_REPORT_MONTH }) });
    if (compareMonths(month, monthOfDate(new Date())) > 0)
      throw new AppError("INVALID", NOT_CREATED, { frozenMonth: messageRef(admin_shareLinks_error_frozenMonthFuture) });
  }
  const passphraseHash = input.passphrase ? await hashPassword(input.passphrase) : null;
  const token = randomToken(32);
  const throughMonth = input.mode === "frozen" ? input.frozenMonth : null;
  // What the link is, as stored and as the audit log records it.
  const described = { label: input.label, scope, companyOrgIds: companyIds, sections: input.sections, mode: input.mode, frozenMonth: throughMonth };

  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const companies = await resolveReportCompanies(tx, issuerOf(ctx), { scope, companyOrgIds: companyIds, sections: input.sections });
    if (ctx.org.kind === "investor") {
      const found = new Set(companies.map((c) => c.id));
      if (companyIds.some((id) => !found.has(id))) {
        throw new AppError("INVALID", NOT_CREATED, {
          [scope === "company" ? "companyId" : "companyIds"]: messageRef(admin_shareLinks_error_companiesNotShared),
        });
      }
      if (scope === "company") {
        const missing = input.sections.filter((s) => !companies[0]!.sections.includes(s));
        if (missing.length > 0) {
          throw new AppError("INVALID", NOT_CREATED, { sections: notSharedMessage(companies[0]!.name, missing) });
        }
      }
      if (scope === "portfolio" && companies.length === 0)
        throw new AppError("INVALID", NOT_CREATED, { sections: messageRef(admin_shareLinks_error_portfolioNone) });
    }
    let snapshot: ShareSnapshot | null = null;
    let snapshotGrants: string | null = null;
    if (throughMonth) {
      const now = new Date();
      const today = reportToday(now, throughMonth);
      snapshot = {
        version: 1,
        generatedAt: now.toISOString(),
        companies: await readCompanyReports(tx, companies, { throughMonth, today, keepHeadlineWithoutDebt: true }),
      };
      if (ctx.org.kind === "investor") snapshotGrants = (await currentGrants(tx, ctx.org.id)).digest;
    }
    const [created] = await tx
      .insert(shareLinks)
      .values({
        orgId: ctx.org.id,
        tokenHash: sha256Hex(token),
        ...described,
        snapshot,
        snapshotGrants,
        expiresAt: sql`now() + make_interval(days => ${input.expiresInDays})`,
        passphraseHash,
        createdBy: ctx.user.id,
      })
      .returning({ id: shareLinks.id, expiresAt: shareLinks.expiresAt });
    await recordAudit(tx, ctx, {
      action: "share_link.create",
      entityType: "share_link",
      entityId: created!.id,
      after: {
        ...described,
        expiresAt: created!.expiresAt,
        passphrase: passphraseHash !== null,
      },
    });
    return { id: created!.id, token };
  });
}

/** The investor's approved grants (company → sections), and a digest that changes whenever they do. */
async function currentGrants(tx: Tx, investorOrgId: string) {
  const rows = await tx
    .select({ orgId: accessGrants.orgId, sections: accessGrants.sections })
    .from(accessGrants)
    .where(and(eq(accessGrants.investorOrgId, investorOrgId), eq(accessGrants.status, "approved")))
    .orderBy(accessGrants.orgId);
  const allowed = new Map(rows.map((r) => [r.orgId, [...r.sections].sort() as GrantSection[]]));
  const digest = sha256Hex([...allowed].map(([orgId, sections]) => `${orgId}:${sections.join(",")}`).join(";"));
  return { allowed, digest };
}

/**
 * Cuts the investor's frozen reports down to its current grants, in the caller's (write)
 * transaction: a company that revoked drops out, one that narrowed keeps only what it still
 * shares (share-report.server.ts restrictSnapshot). Views already apply the grants; this makes
 * the stored snapshot itself no copy of what a startup stopped sharing. Only links whose
 * snapshot was cut to other grants than today's are read (snapshot_grants), so an unchanged
 * portfolio costs one small query. Revoked and expired links are cut too: they are still stored.
 */
export async function pruneFrozenSnapshots(tx: Tx, investorOrgId: string): Promise<number> {
  const { allowed, digest } = await currentGrants(tx, investorOrgId);
  const stale = await tx
    .select({ id: shareLinks.id, snapshot: shareLinks.snapshot })
    .from(shareLinks)
    .where(
      and(eq(shareLinks.orgId, investorOrgId), isNotNull(shareLinks.snapshot), or(isNull(shareLinks.snapshotGrants), ne(shareLinks.snapshotGrants, digest))),
    );
  for (const link of stale) {
    const snapshot = restrictSnapshot(link.snapshot as ShareSnapshot, allowed);
    await tx
      .update(shareLinks)
      .set({ snapshot, snapshotGrants: digest })
      .where(and(eq(shareLinks.orgId, investorOrgId), eq(shareLinks.id, link.id)));
  }
  return stale.length;
}

/** What a link shares, with whom, and whether live or frozen at a month. */
const sharingColumns = {
  label: shareLinks.label,
  scope: shareLinks.scope,
  companyOrgIds: shareLinks.companyOrgIds,
  sections: shareLinks.sections,
  mode: shareLinks.mode,
  frozenMonth: shareLinks.frozenMonth,
};

const listColumns = {
  id: shareLinks.id,
  ...sharingColumns,
  expiresAt: shareLinks.expiresAt,
  revokedAt: shareLinks.revokedAt,
  createdAt: shareLinks.createdAt,
  hasPassphrase: sql<boolean>`${shareLinks.passphraseHash} is not null`,
};

/** Newest first, a page at a time, with each link's view count and last view. Never the hashes. */
export async function listShareLinks(ctx: OrgContext, page = 1) {
  const offset = (Math.max(1, page) - 1) * SHARE_LINKS_PAGE_SIZE;
  return readInOrg(ctx, async (tx) => {
    const rows = await tx
      .select({ ...listColumns, views: count(shareLinkViews.id), lastViewedAt: max(shareLinkViews.viewedAt) })
      .from(shareLinks)
      .leftJoin(shareLinkViews, and(eq(shareLinkViews.orgId, shareLinks.orgId), eq(shareLinkViews.linkId, shareLinks.id)))
      .where(eq(shareLinks.orgId, ctx.org.id))
      .groupBy(shareLinks.orgId, shareLinks.id)
      .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id))
      .limit(SHARE_LINKS_PAGE_SIZE + 1)
      .offset(offset);
    return { links: rows.slice(0, SHARE_LINKS_PAGE_SIZE), hasMore: rows.length > SHARE_LINKS_PAGE_SIZE };
  });
}

/** One link and its latest views, or null (another tenant's id looks exactly like no id). */
export async function getShareLinkWithViews(ctx: OrgContext, linkId: string) {
  return readInOrg(ctx, async (tx) => {
    const [link] = await tx
      .select(listColumns)
      .from(shareLinks)
      .where(and(eq(shareLinks.orgId, ctx.org.id), eq(shareLinks.id, linkId)));
    if (!link) return null;
    const { total } = oneRow(
      await tx
        .select({ total: count() })
        .from(shareLinkViews)
        .where(and(eq(shareLinkViews.orgId, ctx.org.id), eq(shareLinkViews.linkId, linkId))),
      "share link views count",
    );
    const views = await tx
      .select({ viewedAt: shareLinkViews.viewedAt, userAgent: shareLinkViews.userAgent })
      .from(shareLinkViews)
      .where(and(eq(shareLinkViews.orgId, ctx.org.id), eq(shareLinkViews.linkId, linkId)))
      .orderBy(desc(shareLinkViews.viewedAt), desc(shareLinkViews.id))
      .limit(SHARE_LINK_VIEWS_SHOWN);
    return { link, views, totalViews: total };
  });
}

/** Revoking is final: the next view of the link is a 404. */
export async function revokeShareLink(ctx: OrgContext, linkId: string): Promise<void> {
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [revoked] = await tx
      .update(shareLinks)
      .set({ revokedAt: new Date(), revokedBy: ctx.user.id })
      .where(and(eq(shareLinks.orgId, ctx.org.id), eq(shareLinks.id, linkId), isNull(shareLinks.revokedAt)))
      .returning({ id: shareLinks.id, label: shareLinks.label, expiresAt: shareLinks.expiresAt });
    if (!revoked) {
      const [exists] = await tx
        .select({ id: shareLinks.id })
        .from(shareLinks)
        .where(and(eq(shareLinks.orgId, ctx.org.id), eq(shareLinks.id, linkId)));
      if (!exists) throw new AppError("NOT_FOUND", messageRef(admin_shareLinks_error_noSuchLink));
      throw new AppError("CONFLICT", messageRef(admin_shareLinks_error_alreadyRevoked));
    }
    await recordAudit(tx, ctx, {
      action: "share_link.revoke",
      entityType: "share_link",
      entityId: revoked.id,
      before: { label: revoked.label, expiresAt: revoked.expiresAt, revokedAt: null },
    });
  });
}

// ---------------------------------------------------------------------------------------
// The public side.

export interface ResolvedShareLink {
  id: string;
  orgId: string;
  label: string;
  scope: ShareScope;
  companyOrgIds: string[];
  sections: GrantSection[];
  mode: ShareMode;
  frozenMonth: string | null;
  snapshot: ShareSnapshot | null;
  passphraseHash: string | null;
  issuer: ReportIssuer;
}

/**
 * The capability check of the report page, and its only cross-tenant read: the token is
 * hashed and looked up once, whatever it looks like, so unknown, malformed, expired and
 * revoked tokens all cost the same and all come back as the same null.
 */
export async function findActiveShareLinkByToken({ db }: SystemContext, token: string): Promise<ResolvedShareLink | null> {
  const tokenHash = sha256Hex(token);
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({
        id: shareLinks.id,
        orgId: shareLinks.orgId,
        ...sharingColumns,
        snapshot: shareLinks.snapshot,
        passphraseHash: shareLinks.passphraseHash,
        issuer: { id: orgs.id, kind: orgs.kind, name: orgs.name, baseCurrency: orgs.baseCurrency },
      })
      .from(shareLinks)
      .innerJoin(orgs, eq(orgs.id, shareLinks.orgId))
      // An issuer scheduled for deletion shares nothing any more (decision 009): its links are the same 404.
      .where(and(eq(shareLinks.tokenHash, tokenHash), isNull(shareLinks.revokedAt), sql`${shareLinks.expiresAt} > now()`, isNull(orgs.purgeAfter))),
  );
  if (!row) return null;
  return { ...row, sections: row.sections as GrantSection[], snapshot: row.snapshot as ShareSnapshot | null };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL cannot be stored in PostgreSQL text
const NUL = /\u0000/g;

/**
 * A successful view: when, and the browser's user agent (truncated), in the issuer's tenant. The
 * first one also marks the link and, in the same transaction, mails its creator (decision 023);
 * the mark is set once (a conditional update), so two first views at once mail once.
 */
export async function recordShareLinkView(
  { db }: SystemContext,
  link: Pick<ResolvedShareLink, "id" | "orgId">,
  userAgent: string | null,
  mail: { origin?: string } = {},
): Promise<void> {
  const agent = userAgent ? Array.from(userAgent.replace(NUL, "")).slice(0, USER_AGENT_MAX).join("") : null;
  await withTenant(db, link.orgId, async (tx) => {
    await tx.insert(shareLinkViews).values({ orgId: link.orgId, linkId: link.id, userAgent: agent || null });
    const [first] = await tx
      .update(shareLinks)
      .set({ firstViewedAt: sql`now()` })
      .where(and(eq(shareLinks.orgId, link.orgId), eq(shareLinks.id, link.id), isNull(shareLinks.firstViewedAt)))
      .returning({ label: shareLinks.label, createdBy: shareLinks.createdBy });
    if (!first?.createdBy) return;
    const org = await orgForMail(tx, link.orgId);
    if (!org) return;
    const origin = mailOrigin(mail.origin);
    await queueNotification(tx, {
      orgId: link.orgId,
      kind: "share_link_viewed",
      // The creator, while still a member: someone who left the org hears nothing more of it.
      userIds: (await orgPeople(tx, link.orgId, ROLES)).filter((id) => id === first.createdBy),
      origin,
      compose: (locale, links) =>
        shareLinkViewedMail(locale, { label: first.label, org: org.name, link: `${origin}/o/${org.slug}/share-links/${link.id}` }, links),
    });
  });
}

/**
 * Checks a passphrase behind the throttle (login-throttle.server.ts), with its own buckets so a
 * partner's typos never touch anyone's sign-in: 5 wrong tries from one address lock that address
 * out of this link for 15 minutes, 30 from one address lock it out of every link; failures from
 * many addresses slow unfamiliar ones (a growing delay, 100 an hour at most). The partner who
 * opened the link before from their address is not slowed by others' guesses.
 */
export async function unlockShareLink(
  { db }: SystemContext,
  link: Pick<ResolvedShareLink, "id" | "passphraseHash">,
  passphrase: string,
  ip: string,
): Promise<Attempt<true>> {
  const hash = link.passphraseHash;
  if (!hash) return { ok: true, value: true };
  return throttled(db, shareLinkKeys(link.id, ip), async () => ((await verifyPassword(hash, passphrase)) ? true : null));
}
