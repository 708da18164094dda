// `npm run db:seed`: the explicit way to put demo data into a DATABASE_URL database.
import { migrateDatabase, openDatabase } from "../client";
import { seedDemo, DEMO_USERS, DEMO_PASSWORD } from "../seed";
import { parseEnv } from "../../app/env.server";

const env = parseEnv(process.env);
const options = env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR };
const database = await openDatabase(options);
await migrateDatabase(options, database);
await seedDemo(database.db);
await database.close();
console.log(
  `Demo data ready. Logins (password "${DEMO_PASSWORD}"): ${Object.values(DEMO_USERS)
    .map((u) => u.email)
    .join(", ")}`,
);
