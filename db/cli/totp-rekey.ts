// `npm run totp:rekey`: seals every two-factor secret again with the current TOTP_ENCRYPTION_KEY
// (decision 021, README "Two-factor sign-in"). Run it after a rotation, with the old key still in
// TOTP_ENCRYPTION_OLD_KEYS; once it reports done, the old key may be removed. Safe to run again.
// On the embedded database only while the app is stopped (one process owns its folder).
import { migrateDatabase, openDatabase } from "../client";
import { parseEnv } from "../../app/env.server";
import { systemContextOf } from "../../app/auth/system.server";
import { resealAllSecrets } from "../../app/models/two-factor.server";
import { totpKeyring } from "../../app/server/totp-crypto.server";

const env = parseEnv(process.env);
const options = env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR };
const database = await openDatabase(options);
try {
  await migrateDatabase(options, database);
  const resealed = await resealAllSecrets(systemContextOf(database));
  console.log(`${resealed} two-factor secret(s) sealed again with key ${totpKeyring().current.id}; every secret now uses it.`);
} finally {
  await database.close();
}
