import { inArray, sql } from "drizzle-orm";
import type { Db } from "~db/client";
import { loginThrottle } from "~db/schema";
import { withSystem } from "~db/tenant";

/** Failures allowed in a window before the key is locked for LOCK_MINUTES. */
export const THROTTLE_LIMITS = { email: 5, ip: 30 } as const;
const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;

export function throttleKeys(email: string, ip: string) {
  return { email: `email:${email.toLowerCase()}`, ip: `ip:${ip}` };
}

/** The latest lock among the keys, or null when none is locked now. */
export async function lockedUntil(db: Db, keys: string[]): Promise<Date | null> {
  const rows = await withSystem(db, (tx) =>
    tx
      .select({ lockedUntil: loginThrottle.lockedUntil })
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, keys)),
  );
  const now = Date.now();
  const locks = rows
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => d !== null && d.getTime() > now)
    .sort((a, b) => b.getTime() - a.getTime());
  return locks[0] ?? null;
}

/** Counts one failure per key in a single upsert each, so concurrent instances agree. */
export async function recordLoginFailure(db: Db, keys: { key: string; limit: number }[]): Promise<void> {
  await withSystem(db, async (tx) => {
    for (const { key, limit } of keys) {
      await tx.execute(sql`
        insert into login_throttle (key, failures, window_started_at)
        values (${key}, 1, now())
        on conflict (key) do update set
          failures = case when login_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                          then 1 else login_throttle.failures + 1 end,
          window_started_at = case when login_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                          then now() else login_throttle.window_started_at end,
          locked_until = case when login_throttle.window_started_at >= now() - make_interval(mins => ${WINDOW_MINUTES})
                               and login_throttle.failures + 1 >= ${limit}
                          then now() + make_interval(mins => ${LOCK_MINUTES}) else login_throttle.locked_until end`);
    }
  });
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await withSystem(db, (tx) => tx.delete(loginThrottle).where(inArray(loginThrottle.key, [key])));
}
