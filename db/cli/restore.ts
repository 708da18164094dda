// `npm run db:restore -- <file>`: restores a backup made by `npm run db:backup` into an empty
// target: the database named by DATABASE_URL, or the embedded database's DATA_DIR.
import path from "node:path";
import { restoreEmbedded, restorePostgres } from "../backup";
import { runFileCommand } from "./file-command";

await runFileCommand("restore", async (file, env) => {
  if (env.DATABASE_URL) await restorePostgres(file, env.DATABASE_URL);
  else await restoreEmbedded(file, path.resolve(env.DATA_DIR));
  console.log(
    `Restored ${file} into ${env.DATABASE_URL ? "the PostgreSQL database" : `the embedded database in ${env.DATA_DIR}`}. Start the app as usual; it applies any newer migrations.`,
  );
});
