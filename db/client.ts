import { fileURLToPath } from "node:url";
import path from "node:path";
import fs from "node:fs";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Driver = "postgres" | "pglite";

export interface Database {
  db: Db;
  driver: Driver;
  /** Ends the pool or closes the embedded database. */
  close(): Promise<void>;
  /** The embedded database as a tarball, for cloning test databases quickly. */
  dump?(): Promise<Blob>;
}

export type DatabaseOptions = { url: string; statementTimeoutMs?: number; maxConnections?: number } | { dataDir?: string; loadDataDir?: Blob };

// The committed migrations: beside db/ for the sources, and found by walking up from a
// bundle wherever BUILD_DIR put it (build/index.js, .builds/x/index.js).
const migrationsFolder = findMigrations(path.dirname(fileURLToPath(import.meta.url)));

function findMigrations(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "migrations");
    if (fs.existsSync(path.join(candidate, "meta/_journal.json"))) return candidate;
    if (path.dirname(dir) === dir) return path.resolve("migrations");
  }
}

/**
 * The client as drizzle sees it, with every statement prepared. Drizzle asks postgres.js not to
 * prepare a statement it did not name, and postgres.js then needs a round trip of its own before
 * each statement that has parameters (to learn their types): two round trips a statement, and a
 * parse, on every request. Prepared, a statement is parsed once per connection and then costs one
 * round trip. Statements are cached per connection by their text (max_lifetime renews
 * connections, and with them the cache); PostgreSQL re-plans a cached statement when the role or
 * the schema it depends on changes, so row-level security and migrations stay right, and
 * postgres.js re-prepares a statement the server has invalidated.
 */
function preparingStatements(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property) {
      if (property === "unsafe") {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      // A transaction (and a savepoint in it) hands drizzle a client of its own connection: wrap it too.
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const work = args.pop() as (inner: postgres.Sql) => unknown;
          const open = Reflect.get(target, property) as (...a: unknown[]) => unknown;
          return open.apply(target, [...args, (inner: postgres.Sql) => work(preparingStatements(inner))]);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ("url" in options) {
    // Deadlines, so a request meets an outage as a quick 503 rather than a hang
    // (docs/decisions/005-database-outages.md):
    // - connect_timeout: a server that does not accept a connection within 5 s is down;
    // - statement_timeout: every statement has a deadline (SQLSTATE 57014 → 503);
    // - idle_in_transaction_session_timeout: the server ends a transaction left open (a
    //   stuck or killed app instance) so its row locks cannot stall everyone else;
    // - idle_timeout / max_lifetime: idle connections are dropped and all are renewed, so
    //   connections broken by a restart are not kept around. After an outage postgres.js
    //   simply opens new connections on the next query: recovery needs no restart;
    // - backoff: postgres.js waits before reconnecting a connection that failed, by default
    //   up to 20 s (3^failures / 100 s) — a query waiting for that reconnect hangs the
    //   request far beyond connect_timeout, and recovery after the outage is as late.
    //   Capped at 1 s: a request meets an outage as a 503 within about a second, and the
    //   pool tries again at most once a second per connection.
    const statementTimeoutMs = options.statementTimeoutMs ?? 5000;
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      idle_timeout: 30,
      max_lifetime: 30 * 60,
      connect_timeout: 5,
      backoff: (failures: number) => Math.min(0.05 * 2 ** failures, 1) * (0.5 + Math.random() / 2),
      onnotice: () => {},
      connection: {
        statement_timeout: statementTimeoutMs,
        idle_in_transaction_session_timeout: Math.max(30_000, statementTimeoutMs * 2),
      },
    });
    const db = drizzlePostgres(preparingStatements(client), { schema, casing: "snake_case" }) as unknown as Db;
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  await client.waitReady;
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    close: () => client.close(),
    dump: () => client.dumpDataDir("none") as Promise<Blob>,
  };
}

/**
 * Applies the committed migrations; a no-op when they are already applied. On a shared
 * server an advisory lock keeps two starting instances from migrating at once.
 */
export async function migrateDatabase(options: DatabaseOptions, database?: Database): Promise<void> {
  if ("url" in options) {
    const client = postgres(options.url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      await client`select pg_advisory_lock(727274)`;
      await migratePostgres(drizzlePostgres(client), { migrationsFolder });
      await client`select pg_advisory_unlock(727274)`;
    } finally {
      await client.end({ timeout: 5 });
    }
    return;
  }
  if (!database) throw new Error("migrateDatabase: the embedded database must be open");
  // The pglite migrator needs the pglite-typed drizzle instance; the Db type is its supertype.
  await migratePglite(database.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder });
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * The row a statement always returns — an INSERT … RETURNING of one row, an aggregate without
 * GROUP BY — read under noUncheckedIndexedAccess. None is a bug, never a case: it throws, naming
 * the statement.
 */
export function oneRow<T>(rows: readonly T[], statement: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`${statement}: no row returned`);
  return row;
}

/** Rows of a raw `execute`: postgres.js returns an array, PGlite returns { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

export { schema };
