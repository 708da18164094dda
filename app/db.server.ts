import path from "node:path";
import { count } from "drizzle-orm";
import { migrateDatabase, openDatabase, ping, type Database, type DatabaseOptions } from "~db/client";
import { orgs } from "~db/schema";
import { getEnv } from "~/env.server";

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
    return openDatabase(options);
  }
  const database = await openDatabase(options);
  await migrateDatabase(options, database);
  return database;
}

/** The process's database, opened and migrated once. */
export function getDatabase(): Promise<Database> {
  holder.__capitalDesk ??= { database: open() };
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
  const database = await getDatabase();
  let seeded = false;
  if (database.driver === "pglite" && env.DEMO_DATA === "auto") {
    const [{ n }] = await database.db.transaction((tx) => tx.select({ n: count() }).from(orgs));
    if (n === 0) {
      const { seedDemo } = await import("~db/seed");
      await seedDemo(database.db);
      seeded = true;
    }
  }
  return { driver: database.driver, seeded };
}

export async function shutdown(): Promise<void> {
  const current = holder.__capitalDesk;
  holder.__capitalDesk = undefined;
  if (current) await (await current.database).close();
}

/** Readiness: the database answers within the statement timeout. */
export async function checkReady(): Promise<boolean> {
  try {
    const database = await getDatabase();
    await ping(database.db);
    return true;
  } catch {
    return false;
  }
}
