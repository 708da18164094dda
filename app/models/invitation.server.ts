import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { oneRow, type Db } from "~db/client";
import { invitations, memberships, orgs, users, type Role } from "~db/schema";
import { withSystem, withTenant } from "~db/tenant";
import { randomToken, sha256Hex } from "~/server/crypto.server";
import { AppError } from "~/server/http.server";
import { invitationMail } from "~/server/mail.server";
import { queueMail } from "./mail-outbox.server";
import { storedLocale } from "~/i18n/locale.server";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { messageRef } from "~/i18n/translate";
import { recordAudit } from "./audit.server";
import type { OrgContext, SystemContext } from "~/auth/context";
import { normalizeEmail } from "./user.server";
import { admin_members_error_invitationInvalid } from "~/paraglide/messages/admin_members_error_invitationinvalid1.js";
import { admin_members_error_noInvitation } from "~/paraglide/messages/admin_members_error_noinvitation1.js";
import { auth_invite_wrongEmail } from "~/paraglide/messages/auth_invite_wrongemail1.js";

export const INVITATION_DAYS = 7;

/**
 * The language an invitation e-mail goes out in: the invitee's stored choice when they already
 * have an account (docs/i18n.md: English counts as no choice), else `fallback`, the inviter's
 * current language. A narrow system read of one column: the invitee is not a member yet, so
 * the org's tenant transaction cannot see their row; nothing of it reaches the inviter.
 */
export async function invitationLocale(db: Db, email: string, fallback: Locale): Promise<Locale> {
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.email, normalizeEmail(email))),
  );
  return storedLocale(row) ?? fallback;
}

/**
 * Creates a single-use invitation and queues its mail. Returns the token once. The
 * invitations table keeps only the token's hash; the queued mail necessarily carries the link
 * until the delivery worker sends it and blanks it (decision 016).
 * `locale` is the inviter's current language, used unless the invitee chose one.
 */
export async function createInvitation(ctx: OrgContext, input: { email: string; role: Role }, origin: string, locale: Locale = DEFAULT_LOCALE) {
  const token = randomToken();
  const email = normalizeEmail(input.email);
  const link = `${origin}/invite/${token}`;
  const mailLocale = await invitationLocale(ctx.db, email, locale);
  const mail = invitationMail(mailLocale, {
    inviter: ctx.user.name,
    org: ctx.org.name,
    role: input.role,
    link,
    days: INVITATION_DAYS,
  });
  const invitation = await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const created = oneRow(
      await tx
        .insert(invitations)
        .values({
          orgId: ctx.org.id,
          email,
          role: input.role,
          tokenHash: sha256Hex(token),
          invitedBy: ctx.user.id,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
        })
        .returning(),
      "insert invitation",
    );
    await queueMail(tx, { ...mail, orgId: ctx.org.id, toEmail: email, kind: "invitation", locale: mailLocale });
    const { tokenHash: _hidden, ...safe } = created;
    await recordAudit(tx, ctx, { action: "invitation.create", entityType: "invitation", entityId: created.id, after: safe });
    return created;
  });
  return { invitation, link };
}

export async function listPendingInvitations(ctx: OrgContext) {
  return withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
      .orderBy(desc(invitations.createdAt)),
  );
}

export async function revokeInvitation(ctx: OrgContext, invitationId: string) {
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, email: invitations.email });
    if (!revoked) throw new AppError("NOT_FOUND", messageRef(admin_members_error_noInvitation));
    await recordAudit(tx, ctx, { action: "invitation.revoke", entityType: "invitation", entityId: revoked.id, before: revoked });
  });
}

/** The token is the capability: looked up across tenants by its hash, pending ones only. */
export async function findPendingInvitation({ db }: SystemContext, token: string) {
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ id: invitations.id, email: invitations.email, role: invitations.role, orgId: orgs.id, orgName: orgs.name, orgSlug: orgs.slug })
      .from(invitations)
      .innerJoin(orgs, eq(orgs.id, invitations.orgId))
      .where(
        and(
          eq(invitations.tokenHash, sha256Hex(token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
          // Nobody joins an org that is about to be deleted (decision 009); an undo revives the link.
          isNull(orgs.purgeAfter),
        ),
      ),
  );
  return row ?? null;
}

/**
 * Accepts for the signed-in user, whose email must be the invited one. The invitation row
 * is locked, so a link used twice at once yields one membership.
 */
export async function acceptInvitation({ db }: SystemContext, token: string, user: OrgContext["user"]) {
  return withSystem(db, async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, sha256Hex(token)))
      .for("update");
    const pending = invitation && !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt.getTime() > Date.now();
    const [target] = invitation ? await tx.select({ purgeAfter: orgs.purgeAfter }).from(orgs).where(eq(orgs.id, invitation.orgId)) : [];
    if (!pending || target?.purgeAfter) throw new AppError("NOT_FOUND", messageRef(admin_members_error_invitationInvalid));
    if (normalizeEmail(user.email) !== invitation.email) {
      throw new AppError("FORBIDDEN", messageRef(auth_invite_wrongEmail, { email: invitation.email }));
    }
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    // The link was mailed to this address and the account has it: the address is proven (decision 017).
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, user.id));
    await tx.insert(memberships).values({ orgId: invitation.orgId, userId: user.id, role: invitation.role }).onConflictDoNothing();
    const org = oneRow(await tx.select().from(orgs).where(eq(orgs.id, invitation.orgId)), "invited org");
    await recordAudit(
      tx,
      { org, user },
      {
        action: "invitation.accept",
        entityType: "membership",
        entityId: user.id,
        after: { role: invitation.role },
      },
    );
    return org;
  });
}
