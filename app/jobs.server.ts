/**
 * Work the server process does on a timer, beside the requests. Today: the purge of orgs whose
 * deletion grace period has ended (decision 009). Every instance runs it; the purge locks each
 * org row, so two instances never purge one org twice. The timer is unref'd: it never keeps
 * the process alive, and shutdown stops it.
 */
import type { Db } from "~db/client";
import { purgeDueOrgs } from "~/models/org-deletion.server";

/** Hourly: a purge is due 30 days after a request, so an hour late is of no consequence. */
export const PURGE_EVERY_MS = 60 * 60 * 1000;
/** The first run soon after boot, not during it (migrations and the first requests first). */
const FIRST_RUN_MS = 60 * 1000;

function log(level: "info" | "error", msg: string, fields: Record<string, unknown>) {
  const line = JSON.stringify({ level, msg, ...fields }) + "\n";
  if (level === "error") process.stderr.write(line);
  else process.stdout.write(line);
}

/** One purge run: logs what went (ids only) and what could not, never throws. */
export async function runPurge(getDb: () => Promise<{ db: Db }>, now = new Date()): Promise<void> {
  try {
    const { db } = await getDb();
    const { purged, failed } = await purgeDueOrgs(db, now);
    for (const org of purged) log("info", "org purged", { orgId: org.id, kind: org.kind });
    for (const failure of failed) log("error", "org purge failed", { orgId: failure.id, error: failure.error });
  } catch (error) {
    // A database outage: the next run tries again.
    log("error", "org purge run failed", { error: error instanceof Error ? error.message : String(error) });
  }
}

/** Starts the schedule; the returned function stops it. */
export function startPurgeSchedule(getDb: () => Promise<{ db: Db }>, everyMs = PURGE_EVERY_MS): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runPurge(getDb);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), Math.min(FIRST_RUN_MS, everyMs));
  const timer = setInterval(() => void tick(), everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
