import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { withDatabase } from "./global-setup";

let counter = 0;

/** The test run's engine: PGlite unless DATABASE_URL is set (tests/support/global-setup.ts). */
export function testEngine(): "pglite" | "postgres" {
  return inject("testDb").kind;
}

export interface ScratchTarget {
  /** PostgreSQL: a connection URL of a database of its own; PGlite: an on-disk data directory. */
  url?: string;
  dataDir?: string;
  /** Opens it (migrated: a copy of the run's template) — close before handing it to a CLI. */
  open(): Promise<Database>;
  /** Removes it. */
  drop(): Promise<void>;
}

/**
 * A migrated database addressable from outside this process — a URL or a data directory, for
 * the CLIs and pg_dump — of the run's engine. `empty: true` gives an empty one (a restore target).
 */
export async function scratchDatabase({ empty = false } = {}): Promise<ScratchTarget> {
  const config = inject("testDb");
  counter += 1;
  if (config.kind === "pglite") {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cd-scratch-")), "data");
    let seeded = empty;
    return {
      dataDir,
      open: async () => {
        const loadDataDir = seeded ? undefined : new Blob([fs.readFileSync(config.dumpPath)]);
        seeded = true;
        return openDatabase({ dataDir, loadDataDir });
      },
      drop: async () => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }),
    };
  }
  // Named like openTestDatabase's copies, so the run's teardown drops a leftover too.
  const name = `${config.template.replace("cd_tmpl_", "cd_t_")}_scratch_${process.pid}_${counter}`;
  const admin = postgres(config.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(empty ? `create database "${name}"` : `create database "${name}" template "${config.template}"`);
  await admin.end();
  const url = withDatabase(config.adminUrl, name);
  return {
    url,
    open: () => openDatabase({ url, maxConnections: 2 }),
    drop: async () => {
      const dropper = postgres(config.adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
