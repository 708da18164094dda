// `npm run db:purge`: purges now every org whose deletion grace period has ended (decision 009).
// The server does the same hourly; this is for a cron job, or to see it happen. Safe to run again.
// On the embedded database only while the app is stopped (one process owns its folder).
import { migrateDatabase, openDatabase } from "../client";
import { parseEnv } from "../../app/env.server";
import { purgeDueOrgs } from "../../app/models/org-deletion.server";

const env = parseEnv(process.env);
const options = env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR };
const database = await openDatabase(options);
await migrateDatabase(options, database);
const { purged, failed } = await purgeDueOrgs(database.db, new Date());
await database.close();
for (const org of purged) console.log(`Purged ${org.kind} org ${org.slug} (${org.id}).`);
for (const failure of failed) console.error(`Could not purge org ${failure.id}: ${failure.error}`);
console.log(`${purged.length} org(s) purged${failed.length > 0 ? `, ${failed.length} failed` : ""}.`);
process.exitCode = failed.length > 0 ? 1 : 0;
