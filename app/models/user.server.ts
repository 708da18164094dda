import { eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client";
import { sessions, users } from "~db/schema";
import { withSystem } from "~db/tenant";
import { burnPasswordCheck, hashPassword, verifyPassword } from "~/auth/password.server";
import { AppError } from "~/server/http.server";
import { messageRef } from "~/i18n/translate";
import type { Locale } from "~/i18n/locales";
import { storedLocale } from "~/i18n/locale.server";
import { accountExistsMail, passwordChangedMail, resetLink } from "~/server/mail.server";
import { queueVerification } from "./account-token.server";
import { queueAccountMail } from "./mail-outbox.server";
import { rememberAddress, signInKeys, throttled, type Attempt } from "./login-throttle.server";
import type { SystemContext } from "~/auth/context";
import { auth_signup_emailTaken } from "~/paraglide/messages/auth_signup_emailtaken1.js";
import { auth_signup_emailTakenField } from "~/paraglide/messages/auth_signup_emailtakenfield2.js";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type NewUser = { email: string; name: string; password: string; locale?: Locale };

function insertUser(tx: Tx, input: NewUser, passwordHash: string, emailVerifiedAt: Date | null) {
  return tx
    .insert(users)
    .values({ email: normalizeEmail(input.email), name: input.name.trim(), passwordHash, locale: input.locale, emailVerifiedAt })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale });
}

/**
 * For seeds and tests: a taken address is an error here. The account counts as verified
 * (`verified: false` for one that is not): seeded people and test fixtures stand for people
 * who followed their link (decision 017).
 */
export async function createUser(db: Db, input: NewUser & { verified?: boolean }) {
  const passwordHash = await hashPassword(input.password);
  const [created] = await withSystem(db, (tx) => insertUser(tx, input, passwordHash, input.verified === false ? null : new Date()));
  if (!created) {
    throw new AppError("CONFLICT", messageRef(auth_signup_emailTaken), {
      email: messageRef(auth_signup_emailTakenField),
    });
  }
  return created;
}

/**
 * Sign-up from `ip`: the new user (their address becomes a familiar one for the sign-in
 * throttle), or null when the address already has an account. Only this function tells the
 * two apart; the route answers both alike, so sign-up does not reveal who has an account.
 */
export async function signUp({ db }: SystemContext, input: NewUser, ip: string, mail: { origin: string; locale: Locale }) {
  // Hashed first either way, so an existing address takes as long as a new one.
  const passwordHash = await hashPassword(input.password);
  // One transaction: the account and its verification link, or the existing account's notice,
  // stand or fall together (and both paths write one message, so they take alike).
  const created = await withSystem(db, async (tx) => {
    const [user] = await insertUser(tx, input, passwordHash, null);
    if (user) {
      await queueVerification(tx, user, mail.origin, mail.locale);
      return user;
    }
    const [existing] = await tx
      .select()
      .from(users)
      .where(eq(users.email, normalizeEmail(input.email)));
    if (existing) {
      const locale = storedLocale(existing) ?? mail.locale;
      const composed = accountExistsMail(locale, { email: existing.email, signIn: `${mail.origin}/login`, reset: resetLink(mail.origin) });
      await queueAccountMail(tx, existing, "account_exists", locale, composed);
    }
    return null;
  });
  if (created) await rememberAddress(db, signInKeys(created.email, ip));
  return created;
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await withSystem(db, (tx) =>
    tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(users.email, normalizeEmail(email))),
  );
  return user ?? null;
}

/** The user when the password matches; null otherwise, in the same time either way. */
async function verifyLogin(db: Db, email: string, password: string) {
  const [user] = await withSystem(db, (tx) =>
    tx
      .select()
      .from(users)
      .where(eq(users.email, normalizeEmail(email))),
  );
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

/**
 * Sign-in from `ip`, behind the sign-in throttle (login-throttle.server.ts): the user, a wrong
 * password, or a refusal with the seconds to wait (the password was not checked). An unknown
 * address is throttled and timed exactly like a known one.
 */
export function signIn({ db }: SystemContext, email: string, password: string, ip: string) {
  return throttled(db, signInKeys(normalizeEmail(email), ip), () => verifyLogin(db, email, password));
}

/**
 * The password change checks the current password behind the same throttle as sign-in (the
 * same buckets: both are guesses at one password), then sets the new one, ends every session
 * and queues the `password_changed` notice (in the person's language, else `mail.locale`).
 */
export async function changePassword(
  { db }: SystemContext,
  user: { id: string; email: string },
  currentPassword: string,
  newPassword: string,
  ip: string,
  mail: { origin: string; locale: Locale },
): Promise<Attempt<true>> {
  const checked = await throttled(db, signInKeys(user.email, ip), async () => {
    const [row] = await withSystem(db, (tx) => tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)));
    return row && (await verifyPassword(row.passwordHash, currentPassword)) ? true : null;
  });
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword(newPassword);
  // One transaction: the new password and the end of every existing session stand or fall
  // together, so an outage between them cannot leave old sessions alive on a new password.
  // The `password_changed` notice is queued in the same transaction (decision 022).
  await withSystem(db, async (tx) => {
    const [row] = await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).returning();
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    if (row) {
      const locale = storedLocale(row) ?? mail.locale;
      const composed = passwordChangedMail(locale, { email: row.email, reset: resetLink(mail.origin) });
      await queueAccountMail(tx, row, "password_changed", locale, composed);
    }
  });
  return checked;
}

/** The user's language, chosen with the switch; later sessions on any browser start in it (English too). */
export async function setUserLocale({ db }: SystemContext, userId: string, locale: Locale): Promise<void> {
  await withSystem(db, (tx) => tx.update(users).set({ locale }).where(eq(users.id, userId)));
}
