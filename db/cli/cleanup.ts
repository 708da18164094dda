// `npm run db:cleanup`: deletes what is past retention now (the server also does it hourly).
// On the embedded database, only while the app is stopped: PGlite is one process's database.
import path from "node:path";
import { assertEmbeddedNotInUse } from "../backup";
import { openDatabase } from "../client";
import { parseEnv } from "../../app/env.server";
import { purgeExpiredData, retentionPolicy } from "../../app/models/retention.server";

const env = parseEnv(process.env);
if (!env.DATABASE_URL) assertEmbeddedNotInUse(path.resolve(env.DATA_DIR));
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR });
try {
  const removed = await purgeExpiredData(database.db, retentionPolicy(env));
  console.log(`Retention cleanup: ${JSON.stringify(removed)}`);
} finally {
  await database.close();
}
