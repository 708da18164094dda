// `npm run db:backup -- <file>`: a backup of the configured database (DATABASE_URL: pg_dump's
// custom format; otherwise the embedded database in DATA_DIR, which the app must not have open).
import path from "node:path";
import { backupEmbedded, backupPostgres } from "../backup";
import { runFileCommand } from "./file-command";

await runFileCommand("backup", async (file, env) => {
  const { bytes } = env.DATABASE_URL ? await backupPostgres(env.DATABASE_URL, file) : await backupEmbedded(path.resolve(env.DATA_DIR), file);
  console.log(
    `Backup written to ${file} (${bytes} bytes, ${env.DATABASE_URL ? "PostgreSQL, pg_dump custom format" : `embedded database in ${env.DATA_DIR}`}).`,
  );
});
