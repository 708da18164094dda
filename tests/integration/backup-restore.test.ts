import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, rowsOf, type Database } from "../../db/client";
import { backupEmbedded, backupPostgres, libpqEnv, restoreEmbedded, restorePostgres } from "../../db/backup";
import { fundingRounds } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { seedExportWorld } from "../support/export-fixtures";
import { scratchDatabase, testEngine, type ScratchTarget } from "../support/scratch-db";
import { lookup, first } from "../support/at";

// The CLIs as npm runs them (tsx), without npx's start-up.
const TSX = path.resolve("node_modules/.bin/tsx");
const run = promisify(execFile);
const engine = testEngine();
let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "cd-backup-"));
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** A digest of every row of every table (the migrations journal included), table by table. */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  return withSystem(database.db, async (tx) => {
    const tables = rowsOf<{ name: string }>(
      await tx.execute(sql`select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname in ('public', 'drizzle') order by 1`),
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const row = first(
        rowsOf<{ n: number; digest: string | null }>(
          await tx.execute(sql.raw(`select count(*)::int as n, md5(string_agg(t::text, ',' order by t::text)) as digest from ${name} t`)),
        ),
      );
      result[name] = `${row.n}:${row.digest ?? "empty"}`;
    }
    return result;
  });
}

/** A database of this run's engine holding a startup and an investor with a row in every table. */
async function seededSource() {
  const source = await scratchDatabase();
  const database = await source.open();
  const world = await seedExportWorld(database, "BACKUP");
  const before = await fingerprint(database);
  await database.close();
  return { source, world, before };
}

/** The restored copy reads the same data, and still answers tenant reads under row-level security. */
async function expectSameData(target: ScratchTarget, before: Record<string, string>, world: Awaited<ReturnType<typeof seededSource>>["world"]) {
  const restored = await target.open();
  try {
    expect(await fingerprint(restored)).toEqual(before);
    expect(Number(first(lookup(before, "public.funding_rounds").split(":"))), "the copy is not trivially empty").toBeGreaterThan(0);
    // The tenant role, its grants and forced RLS came back with the data.
    const own = await withTenant(restored.db, world.startup.org.id, (tx) => tx.select({ lead: fundingRounds.leadInvestor }).from(fundingRounds), {
      readOnly: true,
    });
    expect(own).toEqual([{ lead: "BACKUP-S Lead Partners" }]);
    const stranger = await withTenant(restored.db, world.investor.org.id, (tx) =>
      tx.select({ lead: fundingRounds.leadInvestor }).from(fundingRounds).where(eq(fundingRounds.orgId, world.investor.org.id)),
    );
    expect(stranger).toEqual([]);
    const forced = first(
      await withSystem(restored.db, async (tx) =>
        rowsOf<{ unforced: number }>(
          await tx.execute(sql`select count(*)::int as unforced from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id'
          where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and not (c.relrowsecurity and c.relforcerowsecurity)`),
        ),
      ),
    );
    expect(forced.unforced).toBe(0);
  } finally {
    await restored.close();
  }
  // Starting the app on it migrates: a no-op on a restored copy of the same version.
  if (engine === "pglite") {
    const reopened = await target.open();
    await migrateDatabase({}, reopened);
    await reopened.close();
  } else {
    await migrateDatabase({ url: target.url! });
  }
}

describe("npm run db:backup / db:restore on this run's engine", () => {
  it(`backs up and restores the ${engine} database: the copy reads the same data`, async () => {
    const { source, world, before } = await seededSource();
    const target = await scratchDatabase({ empty: true });
    const file = path.join(workDir, `cli-${engine}.backup`);
    const envFor = (t: ScratchTarget) => ({ ...process.env, DATABASE_URL: t.url ?? "", DATA_DIR: t.dataDir ?? "" });
    try {
      const backup = await run(TSX, ["db/cli/backup.ts", file], { env: envFor(source) });
      expect(backup.stdout).toMatch(/^Backup written to /);
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
      const restore = await run(TSX, ["db/cli/restore.ts", file], { env: envFor(target) });
      expect(restore.stdout).toMatch(/^Restored /);
      await expectSameData(target, before, world);
      // A second restore onto the now non-empty target is refused, and changes nothing.
      const again = await run(TSX, ["db/cli/restore.ts", file], { env: envFor(target) }).catch((error: { code: number; stderr: string }) => error);
      expect("code" in again ? again.code : 0).toBe(1);
      expect("stderr" in again ? again.stderr : "").toMatch(/not empty|already holds/);
      await expectSameData(target, before, world);
    } finally {
      await source.drop();
      await target.drop();
    }
  }, 180_000);

  it("without a file name, says how to call it", async () => {
    const error = await run(TSX, ["db/cli/backup.ts"]).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: npm run db:backup -- <file>") });
  });
});

/**
 * Each run checks its own engine's native tools (the other engine's run checks the other), so
 * neither run skips a test: one test whose body is the engine's case.
 */
describe("this run's engine's own backup tools", () => {
  it(`${engine === "pglite" ? "PGlite dumpDataDir / loadDataDir" : "pg_dump / pg_restore"}: restores into an empty target, refuses a non-empty one`, async () => {
    await (engine === "pglite" ? embeddedCase() : postgresCase());
  }, 120_000);
});

/** PGlite: restores into an empty directory, refuses a non-empty one, refuses to copy an open database. */
async function embeddedCase() {
  const { source, world, before } = await seededSource();
  const file = path.join(workDir, "embedded.tar.gz");
  const target = path.join(workDir, "restored-data");
  try {
    const open = await source.open();
    await expect(backupEmbedded(source.dataDir!, file)).rejects.toThrow(/Stop the app first/);
    await open.close();
    expect(fs.existsSync(file)).toBe(false);

    const { bytes } = await backupEmbedded(source.dataDir!, file);
    expect(bytes).toBe(fs.statSync(file).size);
    await restoreEmbedded(file, target);
    await expectSameData({ dataDir: target, open: () => openDatabase({ dataDir: target }), drop: async () => {} }, before, world);
    await expect(restoreEmbedded(file, target)).rejects.toThrow(/is not empty/);
    await expect(backupEmbedded(path.join(workDir, "nowhere"), file)).rejects.toThrow(/No embedded database/);
  } finally {
    await source.drop();
  }
}

/** PostgreSQL: restores a pg_dump archive into an empty database, refuses one that holds the app's tables. */
async function postgresCase() {
  const { source, world, before } = await seededSource();
  const target = await scratchDatabase({ empty: true });
  const file = path.join(workDir, "postgres.dump");
  try {
    const { bytes } = await backupPostgres(source.url!, file);
    expect(bytes).toBeGreaterThan(1000);
    await restorePostgres(file, target.url!);
    await expectSameData(target, before, world);
    await expect(restorePostgres(file, source.url!)).rejects.toThrow(/already holds Capital Desk tables/);
  } finally {
    await source.drop();
    await target.drop();
  }
}

describe("pg_dump and pg_restore's connection", () => {
  it("comes from the environment, never with the password on the command line", () => {
    const env = libpqEnv("postgres://app%40desk:s3cr%2Ft@db.example:6543/capital_desk?sslmode=require");
    expect(env).toMatchObject({
      PGHOST: "db.example",
      PGPORT: "6543",
      PGUSER: "app@desk",
      PGPASSWORD: "s3cr/t",
      PGDATABASE: "capital_desk",
      PGSSLMODE: "require",
    });
  });
});
