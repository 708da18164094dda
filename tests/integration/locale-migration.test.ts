import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, expect, it } from "vitest";

// Migration 0008 on a database that has users from before it: the old default ('en') could not
// be told from a choice, so it becomes null (follow the browser); Chinese stays a choice.
const MIGRATIONS = path.resolve("migrations");
const before = fs.mkdtempSync(path.join(os.tmpdir(), "cd-migrations-0007-"));
afterAll(() => fs.rmSync(before, { recursive: true, force: true }));

function migrationsUpTo(tag: string) {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8"));
  const upTo = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
  journal.entries = journal.entries.slice(0, upTo + 1);
  fs.mkdirSync(path.join(before, "meta"));
  fs.writeFileSync(path.join(before, "meta/_journal.json"), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(before, `${entry.tag}.sql`));
}

it("0008 turns the old default 'en' into null, keeps zh-CN, and new users start with no choice", async () => {
  migrationsUpTo("0007_company_metrics_recent_net_burn");
  const client = new PGlite();
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: before });
  await client.exec(`
    insert into users (email, name, password_hash) values ('default@example.test', 'Default', 'x');
    insert into users (email, name, password_hash, locale) values ('english@example.test', 'English', 'x', 'en');
    insert into users (email, name, password_hash, locale) values ('chinese@example.test', 'Chinese', 'x', 'zh-CN');
  `);

  await migrate(db, { migrationsFolder: MIGRATIONS });
  await client.exec(`insert into users (email, name, password_hash) values ('new@example.test', 'New', 'x')`);
  const { rows } = await client.query<{ email: string; locale: string | null }>("select email, locale from users order by email");
  expect(rows).toEqual([
    { email: "chinese@example.test", locale: "zh-CN" },
    { email: "default@example.test", locale: null },
    { email: "english@example.test", locale: null },
    { email: "new@example.test", locale: null },
  ]);
  await client.close();
});
