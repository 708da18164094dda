import type { Database } from "~db/client";
import { DEMO_PASSWORD, DEMO_USERS } from "~db/seed";
import { findUserByEmail } from "./user.server";

/**
 * The demo logins, to show on the sign-in page — only on the embedded database, which is the
 * local demo. A server database never shows credentials, even if someone ran `npm run db:seed`.
 */
export async function demoLogins(database: Database) {
  if (database.driver !== "pglite") return null;
  if ((await findUserByEmail(database.db, DEMO_USERS.founder.email)) === null) return null;
  return { logins: Object.values(DEMO_USERS).map((u) => u.email), password: DEMO_PASSWORD };
}
