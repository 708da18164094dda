/**
 * Links mailed to a person about their own account (decision 017): verify the address, reset
 * the password, confirm a new address (decision 022). Only the token's SHA-256 is stored; a link works once, until it expires, and
 * only while the account's address is still the one it was sent to. Issuing a link voids the
 * earlier unused ones of the same purpose ("a newer one replaced it"). All of it is account
 * work, so it runs through the system door and queues its mail with `orgId: null`.
 */
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "~db/client";
import { accountTokens, sessions, users, type AccountTokenPurpose } from "~db/schema";
import { withSystem } from "~db/tenant";
import type { AccountContext, SystemContext } from "~/auth/context";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { storedLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { randomToken, sha256Hex } from "~/server/crypto.server";
import {
  emailChangeConfirmMail,
  emailChangedMail,
  emailChangeRequestedMail,
  passwordChangedMail,
  passwordResetMail,
  resetLink,
  verifyEmailMail,
} from "~/server/mail.server";
import { accountMailKeys, counted, signInKeys, throttled, type Attempt } from "./login-throttle.server";
import { queueAccountMail } from "./mail-outbox.server";

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 3600 * 1000,
  password_reset: 3600 * 1000,
  email_change: 24 * 3600 * 1000,
};

type LinkState = "valid" | "used" | "expired" | "invalid";

/** A new link for `user`: the token (only here, for the mail) and the URL. */
async function issue(tx: Tx, user: { id: string; email: string }, purpose: AccountTokenPurpose, origin: string, path: string) {
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  const token = randomToken();
  await tx.insert(accountTokens).values({
    tokenHash: sha256Hex(token),
    userId: user.id,
    purpose,
    email: user.email,
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  });
  return `${origin}${path}/${token}`;
}

/** Queues the verification link for a user (inside the transaction that made the account, at sign-up). */
export async function queueVerification(
  tx: Tx,
  user: { id: string; email: string; name: string; locale?: string | null },
  origin: string,
  fallback: Locale,
): Promise<void> {
  const link = await issue(tx, user, "verify_email", origin, "/verify-email");
  const locale = storedLocale(user) ?? fallback;
  await queueAccountMail(tx, user, "verify_email", locale, verifyEmailMail(locale, { name: user.name, email: user.email, link }));
}

/** The token's row, locked, with what it says now; `valid` only while the account's address is the one it went to. */
async function lockToken(tx: Tx, token: string, purpose: AccountTokenPurpose) {
  const [row] = await tx
    .select({ tokenHash: accountTokens.tokenHash, email: accountTokens.email, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, sha256Hex(token)), eq(accountTokens.purpose, purpose)))
    .for("update", { of: accountTokens });
  // A verification or reset link is bound to the address it went to; a change-of-address link
  // went to the new address, which is not the account's yet.
  const bound = purpose !== "email_change";
  const state: LinkState =
    !row || (bound && row.user.email !== row.email) ? "invalid" : row.usedAt ? "used" : row.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
  return { row, state };
}

/** What a link says without using it (the reset page shows its form only for a valid one). */
export async function linkState({ db }: SystemContext, token: string, purpose: AccountTokenPurpose): Promise<LinkState> {
  return withSystem(db, async (tx) => (await lockToken(tx, token, purpose)).state);
}

/**
 * Follows a verification link: the address is proven, nothing else happens (nobody is signed
 * in). A used link whose address is already proven says so rather than "used".
 */
export async function verifyEmail({ db }: SystemContext, token: string): Promise<{ state: LinkState | "verified"; email?: string }> {
  return withSystem(db, async (tx) => {
    const { row, state } = await lockToken(tx, token, "verify_email");
    if (state !== "valid" || !row) return { state };
    await tx.update(accountTokens).set({ usedAt: sql`now()` }).where(eq(accountTokens.tokenHash, row.tokenHash));
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, row.user.id));
    return { state: "verified", email: row.user.email };
  });
}

/** A signed-in, unverified person asks for the link again; throttled like reset requests. */
export async function resendVerification({ db }: SystemContext, userId: string, origin: string, locale: Locale, ip: string) {
  const [user] = await withSystem(db, (tx) => tx.select().from(users).where(eq(users.id, userId)));
  if (!user || user.emailVerifiedAt) return { ok: true as const, alreadyVerified: true };
  const allowed = await counted(db, accountMailKeys(user.email, ip));
  if (!allowed.ok) return allowed;
  await withSystem(db, (tx) => queueVerification(tx, user, origin, locale));
  return { ok: true as const, alreadyVerified: false };
}

/** Whether the signed-in person has proven their address (for the banner). */
export async function isVerified({ db }: SystemContext, userId: string): Promise<boolean> {
  const [row] = await withSystem(db, (tx) => tx.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)));
  return Boolean(row?.at);
}

/**
 * Forgot password: counted per typed address and per client address whether or not an account
 * has it; a known address gets a reset link. The caller answers every address alike.
 */
export async function requestPasswordReset({ db }: SystemContext, email: string, origin: string, locale: Locale, ip: string) {
  // Normalised as user.server.ts does (not imported: user.server.ts imports this module).
  const address = email.trim().toLowerCase();
  const allowed = await counted(db, accountMailKeys(address, ip));
  if (!allowed.ok) return allowed;
  await withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, address));
    if (!user) return;
    const link = await issue(tx, user, "password_reset", origin, "/reset-password");
    const mailLocale = storedLocale(user) ?? locale;
    await queueAccountMail(tx, user, "password_reset", mailLocale, passwordResetMail(mailLocale, { email: user.email, link }));
  });
  return { ok: true as const };
}

/**
 * Follows a reset link: the new password, the end of every session of the account, the link
 * used, the address proven (the link reached it) and the notice queued — one transaction.
 * Nobody is signed in: the person signs in with the new password (decision 017).
 */
export async function resetPassword({ db }: SystemContext, token: string, newPassword: string, origin: string, locale: Locale): Promise<LinkState> {
  const passwordHash = await hashPassword(newPassword);
  return withSystem(db, async (tx) => {
    const { row, state } = await lockToken(tx, token, "password_reset");
    if (state !== "valid" || !row) return state;
    const user = row.user;
    await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(accountTokens.userId, user.id), isNull(accountTokens.usedAt), eq(accountTokens.purpose, "password_reset")));
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    const mailLocale = storedLocale(user) ?? locale;
    await queueAccountMail(tx, user, "password_changed", mailLocale, passwordChangedMail(mailLocale, { email: user.email, reset: resetLink(origin) }));
    return "valid";
  });
}

/*
 * Change of address (decision 022). Asking needs the current password (behind the sign-in
 * throttle) and is counted like other account mail per new address and client address. The
 * link goes to the NEW address; the OLD one is told at once ("a change was asked for; nothing
 * changed") and again when it takes effect. An address that belongs to another account gets the
 * same answer and the same notice to the old address, but no link: nothing tells the asker
 * whether someone has an account. Only following the link changes the address, and proves it.
 */
/** What a change-of-address link says without using it, and the address it would make the account's. */
export async function emailChangeLink({ db }: SystemContext, token: string): Promise<{ state: LinkState; email: string | null }> {
  return withSystem(db, async (tx) => {
    const { row, state } = await lockToken(tx, token, "email_change");
    return { state, email: state === "valid" && row ? row.email : null };
  });
}

export type EmailChangeRequest = Attempt<true> | { ok: false; reason: "same" };

export async function requestEmailChange(
  { db, user }: AccountContext,
  input: { newEmail: string; currentPassword: string },
  ip: string,
  mail: { origin: string; locale: Locale },
): Promise<EmailChangeRequest> {
  const newEmail = input.newEmail.trim().toLowerCase();
  const checked = await throttled(db, signInKeys(user.email, ip), async () => {
    const [row] = await withSystem(db, (tx) => tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)));
    return row && (await verifyPassword(row.passwordHash, input.currentPassword)) ? true : null;
  });
  if (!checked.ok) return checked;
  if (newEmail === user.email.toLowerCase()) return { ok: false, reason: "same" };
  const allowed = await counted(db, accountMailKeys(newEmail, ip));
  if (!allowed.ok) return { ok: false, reason: "throttled", retryAfterSeconds: allowed.retryAfterSeconds };
  await withSystem(db, async (tx) => {
    const [me] = await tx.select().from(users).where(eq(users.id, user.id));
    if (!me) return;
    const locale = storedLocale(me) ?? mail.locale;
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, newEmail), ne(users.id, me.id)));
    if (!taken) {
      const link = await issue(tx, { id: me.id, email: newEmail }, "email_change", mail.origin, "/confirm-email");
      await queueAccountMail(
        tx,
        { id: me.id, email: newEmail },
        "verify_email",
        locale,
        emailChangeConfirmMail(locale, { name: me.name, email: newEmail, link }),
      );
    }
    await queueAccountMail(tx, me, "email_changed", locale, emailChangeRequestedMail(locale, { email: me.email, newEmail, reset: resetLink(mail.origin) }));
  });
  return checked;
}

/**
 * Follows a change-of-address link: the account's address becomes the one the link went to,
 * proven (the link reached it), and the old address gets the `email_changed` notice — one
 * transaction. Sessions stay (the person proved both the password and the new mailbox); the
 * old address's unused links are void from now on (they name an address that is no longer the
 * account's). An address another account took meanwhile makes the link "invalid".
 */
export async function confirmEmailChange({ db }: SystemContext, token: string, fallback: Locale): Promise<{ state: LinkState | "changed"; email?: string }> {
  return withSystem(db, async (tx) => {
    const { row, state } = await lockToken(tx, token, "email_change");
    if (state !== "valid" || !row) return { state };
    await tx.update(accountTokens).set({ usedAt: sql`now()` }).where(eq(accountTokens.tokenHash, row.tokenHash));
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, row.email), ne(users.id, row.user.id)));
    if (taken) return { state: "invalid" as const };
    const old = row.user;
    await tx.update(users).set({ email: row.email, emailVerifiedAt: sql`now()` }).where(eq(users.id, old.id));
    const locale = storedLocale(old) ?? fallback;
    await queueAccountMail(tx, old, "email_changed", locale, emailChangedMail(locale, { email: old.email, newEmail: row.email }));
    return { state: "changed" as const, email: row.email };
  });
}
