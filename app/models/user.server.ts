import { eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { sessions, users } from "~db/schema";
import { withSystem } from "~db/tenant";
import { burnPasswordCheck, hashPassword, verifyPassword } from "~/auth/password.server";
import { AppError } from "~/lib/http.server";
import { messageRef } from "~/i18n/translate";
import type { Locale } from "~/i18n/locales";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(db: Db, input: { email: string; name: string; password: string; locale?: Locale }) {
  const passwordHash = await hashPassword(input.password);
  return withSystem(db, async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: normalizeEmail(input.email), name: input.name.trim(), passwordHash, locale: input.locale })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!created) {
      throw new AppError("CONFLICT", messageRef("auth.signup.emailTaken"), {
        email: messageRef("auth.signup.emailTakenField"),
      });
    }
    return created;
  });
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
export async function verifyLogin(db: Db, email: string, password: string) {
  const [user] = await withSystem(db, (tx) =>
    tx.select().from(users).where(eq(users.email, normalizeEmail(email))),
  );
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string) {
  const [user] = await withSystem(db, (tx) => tx.select().from(users).where(eq(users.id, userId)));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("INVALID", messageRef("auth.password.currentWrong"), {
      currentPassword: messageRef("auth.password.currentWrong"),
    });
  }
  const passwordHash = await hashPassword(newPassword);
  // One transaction: the new password and the end of every existing session stand or fall
  // together, so an outage between them cannot leave old sessions alive on a new password.
  await withSystem(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}

/** The user's language, chosen with the switch; later sessions on any browser start in it (English too). */
export async function setUserLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await withSystem(db, (tx) => tx.update(users).set({ locale }).where(eq(users.id, userId)));
}
