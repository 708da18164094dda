/**
 * Throttles for guessed secrets: sign-in and password-change passwords, share-link passphrases.
 * Kept in the database (`login_throttle`) so every app instance shares them. Each attempt goes
 *
 *   reserve → verify → settle
 *
 * - reserve counts the attempt as a failure in each of its buckets BEFORE the secret is
 *   verified: one upsert per bucket that checks and counts in the same statement, under the
 *   row's lock, all in one transaction that rolls back when any bucket refuses. Parallel
 *   attempts therefore cannot all pass a check made before any of them was counted. A refused
 *   attempt is neither verified nor counted: it is answered 429 with Retry-After at once, so a
 *   delay never holds a server thread.
 * - verify runs only with a reservation.
 * - settle: a success refunds the reservation and clears the failures of that subject from
 *   that address (and remembers the address as familiar); a failure stays counted.
 *
 * Buckets for one subject (an account, a share link) tried from one address:
 * - subject + address — the hard limit: 5 failures in 15 minutes lock this pair for 15 minutes.
 * - address — 30 failures in 15 minutes lock the address for 15 minutes, whatever the subject.
 * - subject — against guessing from many addresses: 10 failures an hour are free, then each
 *   attempt must wait a delay after the one before (1 s, doubling, at most 30 s), and 100
 *   failures lock it for an hour. This bucket is skipped for an address that got in
 *   for this subject within 30 days, so other people's failures never slow the owner at home.
 * So nobody can lock an owner out from another address: they can lock only their own pair, or
 * slow (and at worst close for an hour) unfamiliar addresses. The client address is what
 * server.mjs resolves (TRUST_PROXY): behind a proxy it must be set, or everyone shares one.
 */
import { and, asc, eq, gt, inArray, like, or, sql } from "drizzle-orm";
import type { Db, Tx } from "~db/client";
import { rowsOf } from "~db/client";
import { loginThrottle } from "~db/schema";
import { withSystem } from "~db/tenant";

interface Limits {
  limit: number;
  windowSeconds: number;
  lockSeconds: number;
  /** Failures before each further attempt must wait a doubling delay, capped at maxDelaySeconds. */
  freeFailures?: number;
  maxDelaySeconds?: number;
}

export const THROTTLE = {
  pair: { limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  address: { limit: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  subject: { limit: 100, windowSeconds: 60 * 60, lockSeconds: 60 * 60, freeFailures: 10, maxDelaySeconds: 30 },
  familiarDays: 30,
} as const satisfies Record<string, Limits | number>;

export interface ThrottleKeys {
  subject: string;
  pair: string;
  address: string;
}

/** Sign-in and password change share these: both check the account's password. */
export function signInKeys(email: string, ip: string): ThrottleKeys {
  const account = email.trim().toLowerCase();
  // The address first: it never holds a space, so the key reads back unambiguously.
  return { subject: `account:${account}`, pair: `account-ip:${ip} ${account}`, address: `ip:${ip}` };
}

/**
 * The second step of a sign-in and the codes that guard two-factor changes (decision 021): the
 * same limits as passwords, in buckets of their own per account, and the client address's
 * bucket shared with passwords, so guessing codes and passwords from one address add up.
 */
export function twoFactorKeys(email: string, ip: string): ThrottleKeys {
  const account = email.trim().toLowerCase();
  return { subject: `2fa:${account}`, pair: `2fa-ip:${ip} ${account}`, address: `ip:${ip}` };
}

export function shareLinkKeys(linkId: string, ip: string): ThrottleKeys {
  return { subject: `link:${linkId}`, pair: `link-ip:${ip} ${linkId}`, address: `share-ip:${ip}` };
}

/**
 * Mail sent on request about an account (a reset link, a verification link again): the same
 * buckets, keyed by the address typed (known or not, alike) and the client address. Every
 * request counts — there is no secret to get right — so it is `counted`, never refunded.
 */
export function accountMailKeys(email: string, ip: string): ThrottleKeys {
  const account = email.trim().toLowerCase();
  return { subject: `mail:${account}`, pair: `mail-ip:${ip} ${account}`, address: `mail-addr:${ip}` };
}

/** Counts one request in every bucket of `keys`; refused (with the wait) when any is full. */
export async function counted(db: Db, keys: ThrottleKeys): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const reserved = await reserve(db, keys);
  return reserved.ok ? { ok: true } : reserved;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; reason: "wrong" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** `verify` (null when the secret is wrong) behind the throttle: reserve → verify → settle. */
export async function throttled<T>(db: Db, keys: ThrottleKeys, verify: () => Promise<T | null>): Promise<Attempt<T>> {
  const reserved = await reserve(db, keys);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAfterSeconds: reserved.retryAfterSeconds };
  const value = await verify();
  if (value === null) return { ok: false, reason: "wrong" };
  await settleSuccess(db, keys, reserved.buckets);
  return { ok: true, value };
}

/** A sign-up is a success from this address: the new account's familiar address. */
export async function rememberAddress(db: Db, keys: ThrottleKeys): Promise<void> {
  await withSystem(db, (tx) =>
    tx
      .insert(loginThrottle)
      .values({ key: keys.pair, failures: 0, lastSuccessAt: sql`now()` })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { lastSuccessAt: sql`now()` } }),
  );
}

class Refused extends Error {}

type Bucket = Limits & { key: string };

async function reserve(db: Db, keys: ThrottleKeys): Promise<{ ok: true; buckets: Bucket[] } | { ok: false; retryAfterSeconds: number }> {
  let buckets: Bucket[] = [];
  try {
    await withSystem(db, async (tx) => {
      buckets = [
        { key: keys.pair, ...THROTTLE.pair },
        { key: keys.address, ...THROTTLE.address },
      ];
      if (!(await isFamiliar(tx, keys.pair))) buckets.push({ key: keys.subject, ...THROTTLE.subject });
      // One lock order for every transaction: two attempts never wait on each other in a circle.
      buckets.sort((a, b) => (a.key < b.key ? -1 : 1));
      for (const bucket of buckets) {
        if (rowsOf(await tx.execute(countFailure(bucket))).length === 0) throw new Refused();
      }
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { ok: false, retryAfterSeconds: await secondsUntilAllowed(db, buckets) };
  }
  return { ok: true, buckets };
}

async function isFamiliar(tx: Tx, pairKey: string): Promise<boolean> {
  const rows = await tx
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.key, pairKey), gt(loginThrottle.lastSuccessAt, sql`now() - make_interval(days => ${THROTTLE.familiarDays})`)));
  return rows.length > 0;
}

/**
 * Counts one failure in the bucket if it allows an attempt now, in one statement; returns the
 * row when counted and nothing when refused (locked, delayed, or at its limit in this window).
 */
function countFailure(b: Bucket) {
  const windowOver = sql`login_throttle.window_started_at <= now() - make_interval(secs => ${b.windowSeconds})`;
  const failures = sql`(case when ${windowOver} then 1 else login_throttle.failures + 1 end)`;
  const until = (n: ReturnType<typeof sql>) =>
    b.freeFailures === undefined
      ? sql`case when ${n} >= ${b.limit} then now() + make_interval(secs => ${b.lockSeconds}) end`
      : sql`case when ${n} >= ${b.limit} then now() + make_interval(secs => ${b.lockSeconds})
                 when ${n} > ${b.freeFailures} then now() + make_interval(secs => least(${b.maxDelaySeconds}, power(2, ${n} - ${b.freeFailures} - 1)))
            end`;
  return sql`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${b.key}, 1, now(), ${until(sql`1`)})
    on conflict (key) do update set
      failures = ${failures},
      window_started_at = case when ${windowOver} then now() else login_throttle.window_started_at end,
      locked_until = ${until(failures)}
    where (login_throttle.locked_until is null or login_throttle.locked_until <= now())
      and (${windowOver} or login_throttle.failures < ${b.limit})
    returning key`;
}

/** How long until every refusing bucket allows an attempt again (for Retry-After): at least 1 s. */
async function secondsUntilAllowed(db: Db, buckets: Bucket[]): Promise<number> {
  const rows = await withSystem(db, (tx) =>
    tx
      .select()
      .from(loginThrottle)
      .where(
        inArray(
          loginThrottle.key,
          buckets.map((b) => b.key),
        ),
      ),
  );
  const now = Date.now();
  let wait = 0;
  for (const row of rows) {
    const bucket = buckets.find((b) => b.key === row.key)!;
    if (row.lockedUntil) wait = Math.max(wait, row.lockedUntil.getTime() - now);
    const windowEnds = row.windowStartedAt.getTime() + bucket.windowSeconds * 1000;
    if (row.failures >= bucket.limit && windowEnds > now) wait = Math.max(wait, windowEnds - now);
  }
  return Math.max(1, Math.ceil(wait / 1000));
}

/**
 * The attempt was right: refund its reservation; this subject's failures from this address are
 * forgiven. Row by row in reserve's key order: parallel attempts on the same buckets (one link
 * posted ten times at once) must take the row locks in one order, or they deadlock.
 */
async function settleSuccess(db: Db, keys: ThrottleKeys, buckets: Bucket[]): Promise<void> {
  const ordered = buckets.map((b) => b.key).sort();
  await withSystem(db, async (tx) => {
    for (const key of ordered) {
      const settled =
        key === keys.pair ? { failures: 0, lockedUntil: null, lastSuccessAt: sql`now()` } : { failures: sql`greatest(${loginThrottle.failures} - 1, 0)` };
      await tx.update(loginThrottle).set(settled).where(eq(loginThrottle.key, key));
    }
  });
}

/** The rows of an account: its own counter and one per address tried (`account-ip:<ip> <account>`). */
function rowsOfAccount(email: string) {
  const { subject } = signInKeys(email, "");
  const account = subject.slice("account:".length);
  const where = or(
    eq(loginThrottle.key, subject),
    and(like(loginThrottle.key, "account-ip:%"), eq(sql`right(${loginThrottle.key}, ${account.length + 1})`, ` ${account}`)),
  );
  return { subject, where };
}

/**
 * What the sign-in throttle keeps about an account, for the person's own data export: the
 * account's counter and one per address tried. An address is named only where this account
 * signed in from it (a familiar address); where there were only failures it may be someone
 * else's, and only the counter is given.
 */
export async function throttleRowsOfAccount(tx: Tx, email: string) {
  const { subject, where } = rowsOfAccount(email);
  const rows = await tx.select().from(loginThrottle).where(where).orderBy(asc(loginThrottle.windowStartedAt));
  return rows.map((row) => ({
    counter: row.key === subject ? ("account" as const) : ("account and address" as const),
    address: row.key !== subject && row.lastSuccessAt ? row.key.slice("account-ip:".length, row.key.indexOf(" ")) : null,
    failures: row.failures,
    windowStartedAt: row.windowStartedAt,
    lockedUntil: row.lockedUntil,
    lastSignInFromAddress: row.key !== subject ? row.lastSuccessAt : null,
  }));
}

/** An account deleted: its counters and familiar addresses go with it (they name its address). */
export async function forgetAccount(tx: Tx, email: string): Promise<void> {
  await tx.delete(loginThrottle).where(rowsOfAccount(email).where);
  // The account-mail and second-factor counters name the address too (accountMailKeys, twoFactorKeys).
  for (const [keys, prefix] of [
    [accountMailKeys(email, ""), "mail:"],
    [twoFactorKeys(email, ""), "2fa:"],
  ] as const) {
    const account = keys.subject.slice(prefix.length);
    const pairPrefix = keys.pair.slice(0, keys.pair.indexOf(":") + 1);
    await tx
      .delete(loginThrottle)
      .where(
        or(
          eq(loginThrottle.key, keys.subject),
          and(like(loginThrottle.key, `${pairPrefix}%`), eq(sql`right(${loginThrottle.key}, ${account.length + 1})`, ` ${account}`)),
        ),
      );
  }
}
