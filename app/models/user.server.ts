import { eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { sessions, users } from "~db/schema";
import { withSystem } from "~db/tenant";
import { burnPasswordCheck, hashPassword, verifyPassword } from "~/auth/password.server";
import { AppError } from "~/server/http.server";
import { messageRef } from "~/i18n/translate";
import type { Locale } from "~/i18n/locales";
import { rememberAddress, signInKeys, throttled, type Attempt } from "./login-throttle.server";
import type { SystemContext } from "~/auth/context";
import { auth_signup_emailTaken } from "~/paraglide/messages/auth_signup_emailtaken1.js";
import { auth_signup_emailTakenField } from "~/paraglide/messages/auth_signup_emailtakenfield2.js";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type NewUser = { email: string; name: string; password: string; locale?: Locale };

/** The new user, or null when the address already has an account (nothing written then). */
async function insertUser(db: Db, input: NewUser) {
  // Hashed first either way, so an existing address takes as long as a new one.
  const passwordHash = await hashPassword(input.password);
  const [created] = await withSystem(db, (tx) =>
    tx
      .insert(users)
      .values({ email: normalizeEmail(input.email), name: input.name.trim(), passwordHash, locale: input.locale })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name }),
  );
  return created ?? null;
}

/** For seeds and tests: a taken address is an error here. */
export async function createUser(db: Db, input: NewUser) {
  const created = await insertUser(db, input);
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
export async function signUp({ db }: SystemContext, input: NewUser, ip: string) {
  const created = await insertUser(db, input);
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
 * same buckets: both are guesses at one password), then sets the new one.
 */
export async function changePassword(
  { db }: SystemContext,
  user: { id: string; email: string },
  currentPassword: string,
  newPassword: string,
  ip: string,
): Promise<Attempt<true>> {
  const checked = await throttled(db, signInKeys(user.email, ip), async () => {
    const [row] = await withSystem(db, (tx) => tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)));
    return row && (await verifyPassword(row.passwordHash, currentPassword)) ? true : null;
  });
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword(newPassword);
  // One transaction: the new password and the end of every existing session stand or fall
  // together, so an outage between them cannot leave old sessions alive on a new password.
  await withSystem(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
  });
  return checked;
}

/** The user's language, chosen with the switch; later sessions on any browser start in it (English too). */
export async function setUserLocale({ db }: SystemContext, userId: string, locale: Locale): Promise<void> {
  await withSystem(db, (tx) => tx.update(users).set({ locale }).where(eq(users.id, userId)));
}
