import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "~db/client";
import { withSystem } from "~db/tenant";
import type { Env } from "~/env.server";
import { THROTTLE } from "./login-throttle.server";

/** How long data that only ages is kept (docs/privacy.md); from the environment. */
export interface RetentionPolicy {
  /** undefined: the audit log is kept for good. */
  auditDays?: number;
  shareViewDays: number;
  throttleHours: number;
}

export function retentionPolicy(env: Pick<Env, "AUDIT_RETENTION_DAYS" | "SHARE_VIEW_RETENTION_DAYS" | "THROTTLE_RETENTION_HOURS">): RetentionPolicy {
  return { auditDays: env.AUDIT_RETENTION_DAYS, shareViewDays: env.SHARE_VIEW_RETENTION_DAYS, throttleHours: env.THROTTLE_RETENTION_HOURS };
}

export interface PurgeCounts {
  sessions: number;
  loginThrottle: number;
  shareLinkViews: number;
  auditLog: number;
  /** Unsent messages whose parts were blanked: every link in them has expired. */
  mailBodies: number;
  mailOutbox: number;
}

/**
 * Mail that never went out (held without a relay, or failed) keeps its parts until every link
 * it could hold is dead — an invitation's, the longest, lives 7 days — and then only who, what
 * and when stay for the owners' status table; any message leaves the outbox after 90 days.
 */
export const MAIL_RETENTION = { bodyDays: 7, rowDays: 90 } as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Deletes what is past retention, across every org: sessions that have ended (idle or
 * absolute expiry: they can never be used again), sign-in throttle counters whose window is
 * older than `throttleHours` and whose lock (if any) is over — except a familiar address's row
 * (a sign-in from there within 30 days, which spares the owner the account-wide delay, see
 * login-throttle.server.ts) — share-link views older than
 * `shareViewDays`, audit entries older than `auditDays` when that is set, and unsent mail's parts
 * and old outbox rows (MAIL_RETENTION). Idempotent, so
 * several app instances may run it at once. System work: it belongs to no tenant.
 */
export async function purgeExpiredData(db: Db, policy: RetentionPolicy, now = new Date()): Promise<PurgeCounts> {
  const at = (msAgo: number) => sql`${new Date(now.getTime() - msAgo).toISOString()}::timestamptz`;
  return withSystem(db, async (tx) => {
    // Counted in SQL: a first run on a large audit log must not carry every deleted id back.
    const deleted = async (statement: SQL) =>
      rowsOf<{ n: number }>(await tx.execute(sql`with gone as (${statement} returning 1) select count(*)::int as n from gone`))[0]?.n ?? 0;
    return {
      sessions: await deleted(sql`delete from sessions where expires_at <= ${at(0)} or absolute_expires_at <= ${at(0)}`),
      loginThrottle: await deleted(
        sql`delete from login_throttle where window_started_at < ${at(policy.throttleHours * HOUR_MS)} and (locked_until is null or locked_until <= ${at(0)})
              and (last_success_at is null or last_success_at < ${at(THROTTLE.familiarDays * DAY_MS)})`,
      ),
      shareLinkViews: await deleted(sql`delete from share_link_views where viewed_at < ${at(policy.shareViewDays * DAY_MS)}`),
      auditLog: policy.auditDays === undefined ? 0 : await deleted(sql`delete from audit_log where at < ${at(policy.auditDays * DAY_MS)}`),
      // Old rows go first: a message about to leave is not blanked on its way out.
      mailOutbox: await deleted(
        sql`delete from mail_outbox where status in ('sent', 'failed', 'held') and created_at < ${at(MAIL_RETENTION.rowDays * DAY_MS)}`,
      ),
      mailBodies: await deleted(
        sql`update mail_outbox set body = '', html = null
              where status in ('held', 'failed') and created_at < ${at(MAIL_RETENTION.bodyDays * DAY_MS)} and (body <> '' or html is not null)`,
      ),
    };
  });
}

export interface RetentionJob {
  stop(): void;
  /** Whether a timer of the job would keep the process alive (never). */
  keepsProcessAlive(): boolean;
}

/**
 * Runs `purgeExpiredData` in the server process: `firstMs` after start, then every `everyMs`
 * (a minute and an hour in production: boot and the first requests go first). The timers are
 * unref'd, so the job never keeps the process alive, and a failed run (the database down) is
 * logged and simply tried again at the next tick.
 */
export function startRetentionJob(
  getDb: () => Promise<Db>,
  policy: () => RetentionPolicy,
  { firstMs = 60_000, everyMs = 60 * 60_000, log = (line: string) => console.log(line) } = {},
): RetentionJob {
  const run = async () => {
    try {
      const removed = await purgeExpiredData(await getDb(), policy());
      if (Object.values(removed).some((n) => n > 0)) log(JSON.stringify({ level: "info", msg: "retention cleanup", removed }));
    } catch (error) {
      // An outage arrives as a 503 Response (db/unavailable.ts), not an Error.
      const reason = error instanceof Response ? `database unavailable (${error.status})` : (error as Error).message;
      log(JSON.stringify({ level: "warn", msg: "retention cleanup failed", error: reason }));
    }
  };
  const timers = [setTimeout(run, firstMs).unref(), setInterval(run, everyMs).unref()];
  return {
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
    },
    keepsProcessAlive: () => timers.some((timer) => timer.hasRef()),
  };
}
