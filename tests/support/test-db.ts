import fs from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { withDatabase } from "./global-setup";

let counter = 0;

/** A fresh, migrated database of the driver this run uses, dropped on close. */
export async function openTestDatabase(): Promise<Database> {
  const config = inject("testDb");
  if (config.kind === "pglite") {
    const bytes = fs.readFileSync(config.dumpPath);
    return openDatabase({ loadDataDir: new Blob([bytes]) });
  }
  const name = `${config.template.replace("cd_tmpl_", "cd_t_")}_${process.pid}_${counter++}`;
  const admin = postgres(config.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${config.template}"`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(config.adminUrl, name), maxConnections: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = postgres(config.adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
