/**
 * The purge of orgs whose deletion grace period has ended (decision 009), run by the server
 * process on a timer beside the requests (the retention cleanup, app/models/retention.server.ts,
 * has its own). Every instance runs it; the purge locks each org row, so two instances never purge
 * one org twice. The timers are unref'd: they never keep the process alive, and shutdown stops them.
 */
import type { Db } from "~db/client";
import { purgeDueOrgs } from "~/models/org-deletion.server";

export interface PurgeSchedule {
  stop(): void;
  /** For tests: whether a timer would hold the process open (it must not). */
  keepsProcessAlive(): boolean;
}

/** One run: logs what went (ids only) and what could not; never throws. */
export async function runPurge(getDb: () => Promise<{ db: Db }>, now: Date, log: (line: string) => void): Promise<void> {
  try {
    const { purged, failed } = await purgeDueOrgs((await getDb()).db, now);
    for (const org of purged) log(JSON.stringify({ level: "info", msg: "org purged", orgId: org.id, kind: org.kind }));
    // An org that cannot go is a real fault (it is tried again next run).
    for (const failure of failed) log(JSON.stringify({ level: "error", msg: "org purge failed", orgId: failure.id, error: failure.error }));
  } catch (error) {
    // An outage arrives as a 503 Response (db/unavailable.ts), not an Error; the next run tries again.
    const reason = error instanceof Response ? `database unavailable (${error.status})` : (error as Error).message;
    log(JSON.stringify({ level: "warn", msg: "org purge run failed", error: reason }));
  }
}

/**
 * Hourly (a purge is due 30 days after the request, so an hour late is of no consequence), the
 * first run a minute after boot. Runs never overlap.
 */
export function startPurgeSchedule(
  getDb: () => Promise<{ db: Db }>,
  { firstMs = 60_000, everyMs = 60 * 60_000, now = () => new Date(), log = (line: string) => console.log(line) } = {},
): PurgeSchedule {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runPurge(getDb, now(), log);
    } finally {
      running = false;
    }
  };
  const timers = [setTimeout(tick, firstMs).unref(), setInterval(tick, everyMs).unref()];
  return {
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
    },
    keepsProcessAlive: () => timers.some((timer) => timer.hasRef()),
  };
}
