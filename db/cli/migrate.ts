// `npm run db:migrate`: applies committed migrations; safe to run again.
import { migrateDatabase, openDatabase } from "../client";
import { parseEnv } from "../../app/env.server";

const env = parseEnv(process.env);
if (env.DATABASE_URL) {
  await migrateDatabase({ url: env.DATABASE_URL });
} else {
  const database = await openDatabase({ dataDir: env.DATA_DIR });
  await migrateDatabase({}, database);
  await database.close();
}
console.log(`Migrations applied (${env.DATABASE_URL ? "PostgreSQL" : `embedded database in ${env.DATA_DIR}`}).`);
