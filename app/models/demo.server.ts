import { DEMO_PASSWORD, DEMO_USERS } from "~db/seed";
import type { SystemContext } from "~/auth/context";
import { findUserByEmail } from "./user.server";

/** Embedded databases known to hold the demo accounts: they stay once seeded, so one look-up each. */
const demoDatabases = new WeakSet<SystemContext["db"]>();

/**
 * Whether this is the local demo: the embedded database with the demo accounts in it (their
 * password is public). Then every page says so (the banner in root.tsx) and the sign-in page
 * lists the logins. A server database is never the demo, even if someone ran `npm run db:seed`.
 */
export async function isDemoDatabase(ctx: SystemContext): Promise<boolean> {
  if (ctx.driver !== "pglite") return false;
  if (demoDatabases.has(ctx.db)) return true;
  if ((await findUserByEmail(ctx.db, DEMO_USERS.founder.email)) === null) return false;
  demoDatabases.add(ctx.db);
  return true;
}

/** The demo logins, to show on the sign-in page of the demo only. */
export async function demoLogins(ctx: SystemContext) {
  if (!(await isDemoDatabase(ctx))) return null;
  return { logins: Object.values(DEMO_USERS).map((u) => u.email), password: DEMO_PASSWORD };
}
