/**
 * A person's own sign-in sessions, as the sessions page shows them, and the devices they signed
 * in from (decision 022). Not tenant data: every query is keyed by the signed-in person's id, so
 * nobody can list or end anyone else's session — a handle that is not theirs names no row.
 * Sessions are created and validated by app/auth/session.server.ts (Lucia); this module only
 * reads them and ends them by handle.
 */
import { and, count, desc, eq, gt, lt, ne, sql } from "drizzle-orm";
import { sessions, signInDevices, users } from "~db/schema";
import { withSystem } from "~db/tenant";
import type { AccountContext, SystemContext } from "~/auth/context";
import { isUuid } from "~/domain/bounds";
import { storedLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { deviceKey } from "~/lib/user-agent";
import { sha256Hex } from "~/server/crypto.server";
import { newSignInMail } from "~/server/mail.server";
import { queueAccountMail } from "./mail-outbox.server";

export interface AccountSession {
  handle: string;
  userAgent: string;
  ipAddress: string;
  createdAt: Date;
  lastUsedAt: Date;
  current: boolean;
}

/** The person's live sessions, the most recently used first; `current` marks this request's. */
export async function listAccountSessions({ db, user }: AccountContext, currentHandle: string): Promise<AccountSession[]> {
  const rows = await withSystem(db, (tx) =>
    tx
      .select({
        handle: sessions.handle,
        userAgent: sessions.userAgent,
        ipAddress: sessions.ipAddress,
        createdAt: sessions.createdAt,
        lastUsedAt: sessions.lastUsedAt,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, user.id), gt(sessions.expiresAt, sql`now()`), gt(sessions.absoluteExpiresAt, sql`now()`)))
      .orderBy(desc(sessions.lastUsedAt), desc(sessions.createdAt)),
  );
  return rows.map((row) => ({ ...row, current: row.handle === currentHandle }));
}

/** Ends one of the person's own sessions; false when the handle names none of theirs (the route answers 404). */
export async function endAccountSession({ db, user }: AccountContext, handle: string): Promise<boolean> {
  if (!isUuid(handle)) return false;
  const ended = await withSystem(db, (tx) =>
    tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), eq(sessions.handle, handle)))
      .returning({ handle: sessions.handle }),
  );
  return ended.length > 0;
}

/** Ends every session of the person except this request's; how many ended. */
export async function endOtherAccountSessions({ db, user }: AccountContext, currentHandle: string): Promise<number> {
  const ended = await withSystem(db, (tx) =>
    tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.handle, currentHandle)))
      .returning({ handle: sessions.handle }),
  );
  return ended.length;
}

/** A device is remembered this long after it last signed in; after that it counts as new again. */
export const DEVICE_MEMORY_DAYS = 365;

/**
 * After a successful sign-in: remembers the device (its browser and system, as the sessions page
 * describes it) together with the client address, and — in the same transaction — queues
 * `new_sign_in` when that pair was not seen for this person within DEVICE_MEMORY_DAYS. A person
 * with no remembered device at all (their first sign-in, or the first since this existed) is not
 * mailed: there is nothing to compare with.
 */
export async function recordSignIn(
  { db }: SystemContext,
  userId: string,
  client: { userAgent: string; ip: string },
  mail: { origin: string; locale: Locale },
): Promise<{ isNew: boolean }> {
  const fingerprint = sha256Hex(`${deviceKey(client.userAgent)}|${client.ip}`);
  return withSystem(db, async (tx) => {
    await tx
      .delete(signInDevices)
      .where(and(eq(signInDevices.userId, userId), lt(signInDevices.lastSeenAt, sql`now() - make_interval(days => ${DEVICE_MEMORY_DAYS})`)));
    const [known] = await tx.select({ n: count() }).from(signInDevices).where(eq(signInDevices.userId, userId));
    const inserted = await tx.insert(signInDevices).values({ userId, fingerprint }).onConflictDoNothing().returning({ fingerprint: signInDevices.fingerprint });
    if (inserted.length === 0) {
      await tx
        .update(signInDevices)
        .set({ lastSeenAt: sql`now()` })
        .where(and(eq(signInDevices.userId, userId), eq(signInDevices.fingerprint, fingerprint)));
      return { isNew: false };
    }
    if ((known?.n ?? 0) === 0) return { isNew: false };
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) return { isNew: false };
    const locale = storedLocale(user) ?? mail.locale;
    const composed = newSignInMail(locale, {
      email: user.email,
      userAgent: client.userAgent,
      address: client.ip,
      at: new Date(),
      sessions: `${mail.origin}/account/sessions`,
    });
    await queueAccountMail(tx, user, "new_sign_in", locale, composed);
    return { isNew: true };
  });
}
