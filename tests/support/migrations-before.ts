import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const MIGRATIONS = path.resolve("migrations");

/**
 * The migrations folder as it was just before the migration whose tag ends with `suffix`,
 * copied into a temporary folder: migrate a database with it, write rows the way the version
 * before wrote them, then migrate with the real folder to test what that one migration does.
 */
export function migrationsBefore(suffix: string): { folder: string; remove: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cd-migrations-before-"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8"));
  const mine = journal.entries.findIndex((entry: { tag: string }) => entry.tag.endsWith(suffix));
  if (mine < 1) throw new Error(`No migration before one ending in ${suffix}`);
  journal.entries = journal.entries.slice(0, mine);
  fs.mkdirSync(path.join(folder, "meta"));
  fs.writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
