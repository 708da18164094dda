/**
 * Links mailed to a person about their own account (decision 017): verify the address, reset
 * the password. Only the token's SHA-256 is stored; a link works once, until it expires, and
 * only while the account's address is still the one it was sent to. Issuing a link voids the
 * earlier unused ones of the same purpose ("a newer one replaced it"). All of it is account
 * work, so it runs through the system door and queues its mail with `orgId: null`.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "~db/client";
import { accountTokens, sessions, users, type AccountTokenPurpose } from "~db/schema";
import { withSystem } from "~db/tenant";
import type { SystemContext } from "~/auth/context";
import { hashPassword } from "~/auth/password.server";
import { storedLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { randomToken, sha256Hex } from "~/server/crypto.server";
import { passwordChangedMail, passwordResetMail, verifyEmailMail } from "~/server/mail.server";
import { accountMailKeys, counted } from "./login-throttle.server";
import { queueMail } from "./mail-outbox.server";

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
  await queueMail(tx, {
    ...verifyEmailMail(locale, { name: user.name, email: user.email, link }),
    orgId: null,
    toEmail: user.email,
    toUserId: user.id,
    kind: "verify_email",
    locale,
  });
}

/** The token's row, locked, with what it says now; `valid` only while the account's address is the one it went to. */
async function lockToken(tx: Tx, token: string, purpose: AccountTokenPurpose) {
  const [row] = await tx
    .select({ tokenHash: accountTokens.tokenHash, email: accountTokens.email, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, sha256Hex(token)), eq(accountTokens.purpose, purpose)))
    .for("update", { of: accountTokens });
  const state: LinkState = !row || row.user.email !== row.email ? "invalid" : row.usedAt ? "used" : row.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
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
    await queueMail(tx, {
      ...passwordResetMail(mailLocale, { email: user.email, link }),
      orgId: null,
      toEmail: user.email,
      toUserId: user.id,
      kind: "password_reset",
      locale: mailLocale,
    });
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
    await queueMail(tx, {
      ...passwordChangedMail(mailLocale, { email: user.email, reset: `${origin}/forgot-password` }),
      orgId: null,
      toEmail: user.email,
      toUserId: user.id,
      kind: "password_changed",
      locale: mailLocale,
    });
    return "valid";
  });
}
