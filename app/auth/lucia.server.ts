import { and, eq, lt, sql } from "drizzle-orm";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession } from "lucia";
import { DrizzlePostgreSQLAdapter, type PostgreSQLUserTable } from "@lucia-auth/adapter-drizzle";
import type { Db } from "~db/client";
import { sessions, users } from "~db/schema";
import { unavailableAs503 } from "~db/unavailable";
import { sha256Hex } from "~/server/crypto.server";

/**
 * Lucia v3 keeps the session id as the cookie value. We store only its SHA-256, so a
 * leaked sessions table cannot be replayed: every id crossing into the database is hashed,
 * and the plain id is handed back to Lucia so it stays consistent.
 *
 * Lucia's adapter queries the database directly (not through withSystem), so this wrapper is
 * also where a database outage on the session path becomes a 503 (db/unavailable.ts).
 * Reads and deletes are retried once on a connection failure; creating a session is not.
 */
const IDEMPOTENT = { retryOnce: true };

class HashedSessionIdAdapter implements Adapter {
  constructor(private inner: Adapter) {}
  async getSessionAndUser(sessionId: string) {
    const [session, user] = await unavailableAs503(() => this.inner.getSessionAndUser(sha256Hex(sessionId)), IDEMPOTENT);
    return [session ? { ...session, id: sessionId } : null, user] as [DatabaseSession | null, typeof user];
  }
  getUserSessions(userId: string) {
    return unavailableAs503(() => this.inner.getUserSessions(userId), IDEMPOTENT);
  }
  setSession(session: DatabaseSession) {
    return unavailableAs503(() => this.inner.setSession({ ...session, id: sha256Hex(session.id) }));
  }
  updateSessionExpiration(sessionId: string, expiresAt: Date) {
    return unavailableAs503(() => this.inner.updateSessionExpiration(sha256Hex(sessionId), expiresAt), IDEMPOTENT);
  }
  deleteSession(sessionId: string) {
    return unavailableAs503(() => this.inner.deleteSession(sha256Hex(sessionId)), IDEMPOTENT);
  }
  deleteUserSessions(userId: string) {
    return unavailableAs503(() => this.inner.deleteUserSessions(userId), IDEMPOTENT);
  }
  deleteExpiredSessions() {
    return unavailableAs503(() => this.inner.deleteExpiredSessions(), IDEMPOTENT);
  }
}

/** How stale `last_used_at` may get before a request writes it again: reads stay reads. */
export const LAST_USED_EVERY_MS = 5 * 60 * 1000;

/**
 * Records that the session served a request, at most once per LAST_USED_EVERY_MS (the
 * condition is in the statement too, so parallel requests write once). Best effort: a failure
 * here never fails the request it rides on.
 */
export async function markSessionUsed(db: Db, sessionId: string): Promise<void> {
  try {
    await db
      .update(sessions)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(sessions.id, sha256Hex(sessionId)), lt(sessions.lastUsedAt, sql`now() - make_interval(secs => ${LAST_USED_EVERY_MS / 1000})`)));
  } catch {
    // The next request tries again.
  }
}

export interface LuciaOptions {
  idleMinutes: number;
  secureCookie: boolean;
}

export function createLucia(db: Db, options: LuciaOptions) {
  const adapter = new HashedSessionIdAdapter(new DrizzlePostgreSQLAdapter(db, sessions, users as unknown as PostgreSQLUserTable));
  return new Lucia(adapter, {
    // Lucia's expiry slides with activity: this is the inactivity timeout.
    sessionExpiresIn: new TimeSpan(options.idleMinutes, "m"),
    sessionCookie: {
      name: "cd_session",
      // The cookie carries Max-Age = the absolute lifetime (set in session.server.ts);
      // the server enforces the idle timeout, so the cookie need not be re-sent on each request.
      expires: false,
      attributes: { secure: options.secureCookie, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({ email: attributes.email, name: attributes.name, emailVerified: attributes.emailVerifiedAt !== null }),
    getSessionAttributes: (attributes) => ({
      absoluteExpiresAt: attributes.absoluteExpiresAt,
      handle: attributes.handle,
      lastUsedAt: attributes.lastUsedAt,
    }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    DatabaseUserAttributes: { email: string; name: string; emailVerifiedAt: Date | null };
    // The columns of `sessions` beyond Lucia's own; the optional ones have defaults in the table.
    DatabaseSessionAttributes: { absoluteExpiresAt: Date; handle?: string; userAgent?: string; ipAddress?: string; lastUsedAt?: Date };
  }
}
