import path from "node:path";
import { count } from "drizzle-orm";
import { migrateDatabase, oneRow, openDatabase, ping, type Database, type DatabaseOptions } from "~db/client";
import { orgs } from "~db/schema";
import { isDatabaseUnavailable, isDriverWriteCrash } from "~db/unavailable";
import { getEnv } from "~/env.server";
import { runAlertDigests } from "~/models/alert-digest.server";
import { runRequestReminders } from "~/models/data-request-jobs.server";
import { appNow } from "~/server/clock.server";
import { retentionPolicy, startRetentionJob, type RetentionJob } from "~/models/retention.server";
import { startPurgeSchedule, type PurgeSchedule } from "~/jobs.server";
import { type MailWorker, smtpSender, startMailDelivery } from "~/server/mail-delivery.server";
import { startUpdateSchedule, type UpdateSchedule } from "~/server/update-schedule.server";

// Kept on globalThis so a dev rebuild does not open a second embedded database on the same folder.
const holder = globalThis as unknown as { __capitalDesk?: { database: Promise<Database> } };

function databaseOptions(): DatabaseOptions {
  const env = getEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS };
  return { dataDir: path.resolve(env.DATA_DIR) };
}

async function open(): Promise<Database> {
  const options = databaseOptions();
  if ("url" in options) {
    await migrateDatabase(options);
    installDriverCrashGuard(options);
    return openDatabase(options);
  }
  const database = await openDatabase(options);
  await migrateDatabase(options, database);
  return database;
}

/**
 * postgres.js 3.4.9 has an unfixed bug (porsager/postgres#1154, #1208): when the server
 * drops a connection in the middle of a transaction (exactly what a database restart
 * does), the driver's ROLLBACK is queued for a socket it has already discarded, and a
 * `setImmediate` then throws `TypeError: Cannot read properties of null (reading 'write')`
 * outside any promise — an uncaught exception that kills the process. Even if caught,
 * that connection object is left with a half-written buffer and never connects again.
 *
 * So the app catches exactly that exception (message and the driver's `nextWrite` frame),
 * logs it, and replaces the whole pool with a fresh one; the old pool is ended, which
 * rejects anything still waiting on it (those requests answer 503). Any other uncaught
 * exception still ends the process, as Node would. Tested by `npm run test:faults`.
 */
function installDriverCrashGuard(options: DatabaseOptions): void {
  const flags = globalThis as unknown as { __capitalDeskCrashGuard?: boolean };
  if (flags.__capitalDeskCrashGuard) return;
  flags.__capitalDeskCrashGuard = true;
  process.on("uncaughtException", (error) => {
    if (!isDriverWriteCrash(error)) {
      // What Node does without a handler: report and exit 1.
      console.error(error);
      process.exit(1);
    }
    console.error(JSON.stringify({ level: "warn", msg: "database driver failed on a dropped connection; replacing the pool", error: error.message }));
    const current = holder.__capitalDesk;
    holder.__capitalDesk = { database: openDatabase(options) };
    void current?.database.then((old) => old.close()).catch(() => {});
  });
}

/**
 * The process's database, opened and migrated once. A failed open is not remembered: the
 * next call tries again, so a database that was down when the first request came recovers
 * without a restart.
 */
export function getDatabase(): Promise<Database> {
  if (!holder.__capitalDesk) {
    const entry = { database: open() };
    holder.__capitalDesk = entry;
    entry.database.catch(() => {
      if (holder.__capitalDesk === entry) holder.__capitalDesk = undefined;
    });
  }
  return holder.__capitalDesk.database;
}

/** Tests hand in their own freshly migrated database. */
export function useDatabase(database: Database): void {
  holder.__capitalDesk = { database: Promise.resolve(database) };
}

/**
 * Boot: parse the environment (fails fast), migrate, and on the embedded database seed the
 * demo once so a newcomer's first screen is alive. Never seeds a DATABASE_URL database.
 */
export async function startup(): Promise<{ driver: string; seeded: boolean }> {
  const env = getEnv();
  const database = await waitForDatabase();
  let seeded = false;
  if (database.driver === "pglite" && env.DEMO_DATA === "auto") {
    const { n } = oneRow(await database.db.transaction((tx) => tx.select({ n: count() }).from(orgs)), "orgs count");
    if (n === 0) {
      const { seedDemo } = await import("~db/seed");
      await seedDemo(database.db);
      seeded = true;
    }
  }
  startCleanupJob();
  // The purge of orgs whose deletion grace period ended (decision 009), on a timer of its own.
  purgeSchedule ??= startPurgeSchedule(getDatabase);
  // The outbox's delivery worker (decision 016); without SMTP_URL it holds and logs.
  mailWorker ??= startMailDelivery(async () => (await getDatabase()).db, env.SMTP_URL && env.MAIL_FROM ? smtpSender(env.SMTP_URL, env.MAIL_FROM) : null, {
    pollMs: env.MAIL_POLL_MS,
    // Scheduled mail in the same loop (decision 023): the early-warning digest; data request
    // periods and reminders (decision 026), on the clock the statuses read.
    jobs: [(db) => runAlertDigests(db), (db) => runRequestReminders(db, { now: appNow() })],
    // Once a minute, unless a test (NODE_ENV=test only, parseEnv) asks for a shorter interval.
    ...(env.TEST_JOBS_EVERY_MS === undefined ? {} : { jobsEveryMs: env.TEST_JOBS_EVERY_MS }),
  });
  // Scheduled investor updates (decision 025); links point at APP_ORIGIN, like the digest's (publicOrigin).
  updateSchedule ??= startUpdateSchedule(async () => (await getDatabase()).db);
  return { driver: database.driver, seeded };
}

let updateSchedule: UpdateSchedule | undefined;
let retentionJob: RetentionJob | undefined;
let purgeSchedule: PurgeSchedule | undefined;
let mailWorker: MailWorker | undefined;

/** The retention cleanup (docs/privacy.md), hourly in the server process; see startRetentionJob. */
function startCleanupJob(): void {
  retentionJob ??= startRetentionJob(
    async () => (await getDatabase()).db,
    () => retentionPolicy(getEnv()),
  );
}

export async function shutdown(): Promise<void> {
  retentionJob?.stop();
  retentionJob = undefined;
  purgeSchedule?.stop();
  purgeSchedule = undefined;
  updateSchedule?.stop();
  updateSchedule = undefined;
  // Before the database closes: the send in flight finishes and is marked.
  await mailWorker?.stop();
  mailWorker = undefined;
  const current = holder.__capitalDesk;
  holder.__capitalDesk = undefined;
  if (current) await (await current.database).close();
}

/** How long boot waits for an unreachable database before giving up (and exiting 1). */
const BOOT_WAIT_MS = 60_000;

/**
 * Boot with the database down (a host restart where the app comes up first, a failover)
 * waits for it — retrying with backoff up to BOOT_WAIT_MS, one log line per attempt —
 * instead of exiting at once and crash-looping under a supervisor. Only connection-level
 * failures are retried; a wrong password or a failing migration stops boot immediately.
 */
async function waitForDatabase(): Promise<Database> {
  const deadline = Date.now() + BOOT_WAIT_MS;
  for (let attempt = 1, delay = 500; ; attempt += 1, delay = Math.min(delay * 2, 5_000)) {
    try {
      return await getDatabase();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + delay > deadline) throw error;
      console.error(
        JSON.stringify({ level: "warn", msg: "database not reachable at boot; retrying", attempt, retryInMs: delay, error: (error as Error).message }),
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

const READY_TIMEOUT_MS = 3_000;

/**
 * Readiness: the database answers a ping, within READY_TIMEOUT_MS (a probe must not hang
 * for the whole connect timeout). Boot failures are not cached, so readiness recovers too.
 */
export async function checkReady(): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const probe = (async () => {
    const database = await getDatabase();
    await ping(database.db);
    return true as const;
  })().catch(() => false as const);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
