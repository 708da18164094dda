import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";

/**
 * Backup and restore for both engines (docs/privacy.md, "Backup and restore"), used by
 * `npm run db:backup` / `npm run db:restore` and by tests/integration/backup-restore.test.ts.
 *
 * - Embedded (PGlite): the whole data directory as a gzipped tarball (PGlite's dumpDataDir),
 *   restored with loadDataDir into an empty directory. A physical copy: it restores only with
 *   the same PGlite (PostgreSQL major) version, and only while the app is stopped, since
 *   PGlite is one process's database.
 * - PostgreSQL: pg_dump's custom format, restored with pg_restore into an empty database.
 */

/** PGlite writes postmaster.pid while a data directory is open and removes it on a clean close. */
export function assertEmbeddedNotInUse(dataDir: string): void {
  if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
    throw new Error(
      `The embedded database in ${dataDir} is open (the app is running) or was not closed cleanly. Stop the app first; after a crash, start and stop it once.`,
    );
  }
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Writes next to the target, then renames: a failed backup never leaves a truncated file under the real name. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = `${file}.partial-${process.pid}`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, file);
}

export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`No embedded database in ${dataDir}.`);
  assertEmbeddedNotInUse(dataDir);
  const db = new PGlite({ dataDir });
  try {
    await db.waitReady;
    const dump = await db.dumpDataDir("gzip");
    const bytes = new Uint8Array(await dump.arrayBuffer());
    writeAtomically(file, bytes);
    return { bytes: bytes.byteLength };
  } finally {
    await db.close();
  }
}

/** Restores into `dataDir`, which must be empty or absent: a restore never overwrites a database. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (!isEmptyDir(dataDir)) throw new Error(`${dataDir} is not empty. Move it away (or choose another DATA_DIR) and restore again.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new PGlite({ dataDir, loadDataDir: new Blob([fs.readFileSync(file)]) });
  try {
    await db.waitReady;
    // Proves the copy opens and answers before anyone relies on it.
    await db.query("select count(*) from pg_class");
  } finally {
    await db.close();
  }
}

/**
 * libpq settings from a postgres:// URL, passed to pg_dump/pg_restore in the environment
 * rather than on the command line, where every user of the machine could read the password.
 */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ""));
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (database) env.PGDATABASE = database;
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new Error(`${command}: ${error.message} (is the PostgreSQL client installed?)`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}

export async function backupPostgres(url: string, file: string): Promise<{ bytes: number }> {
  const temp = `${file}.partial-${process.pid}`;
  try {
    await run("pg_dump", ["--format=custom", "--file", temp], libpqEnv(url));
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { bytes: fs.statSync(file).size };
}

/**
 * Restores a pg_dump archive into the database at `url`, which must not hold Capital Desk
 * tables yet (create an empty one first). The policies and grants name the role app_tenant,
 * which is cluster-wide and so not in a dump: it is created here when the target server lacks
 * it (as migration 0000 does), and granted to the restoring user, who the app then connects as.
 */
export async function restorePostgres(file: string, url: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  if (!new URL(url).pathname.replace(/^\//, "")) throw new Error("Name the target database in the URL (postgres://…/<database>).");
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [check] = await client<{ taken: boolean }[]>`select to_regclass('public.orgs') is not null as taken`;
    if (check?.taken) throw new Error("The target database already holds Capital Desk tables. Restore into a new, empty database.");
    await client.unsafe(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_tenant') THEN
        CREATE ROLE app_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await client.unsafe(`DO $$ BEGIN EXECUTE format('GRANT app_tenant TO %I', current_user); EXCEPTION WHEN OTHERS THEN NULL; END $$`);
  } finally {
    await client.end({ timeout: 5 });
  }
  // --no-owner: the restoring user owns what it restores (the dump's owner may not exist here);
  // one transaction, stopping at the first error, so a failed restore leaves the database empty.
  const env = libpqEnv(url);
  if (!env.PGDATABASE) throw new Error("Name the target database in the URL (postgres://…/<database>).");
  await run("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", "--dbname", env.PGDATABASE, file], env);
}
