import type { Database } from "~db/client";
import { getDatabase } from "~/db.server";
import type { AccountContext, SystemContext } from "./context";
import { requireUser, requireUserSession } from "./session.server";

/**
 * The system door: the one way a route gets to act without a tenant (sign-in, sign-up,
 * invitations, share links, the signed-in person's own account, the demo check). The tenant
 * doors (tenant.server.ts) decide an org; this one decides nothing and says so by its name, so
 * every cross-tenant path is a `systemContext` call a reviewer can find. Routes never open the
 * database themselves (tests/static/route-doors.test.ts).
 */
export async function systemContext(): Promise<SystemContext> {
  return systemContextOf(await getDatabase());
}

/** The system door for a signed-in person's own account pages: no org, their user only. */
export async function requireSystemContext(request: Request): Promise<AccountContext> {
  const user = await requireUser(request);
  return { ...(await systemContext()), user };
}

/** The same, with the handle of this request's session (the sessions page marks and keeps it). */
export async function requireSystemSession(request: Request): Promise<AccountContext & { sessionHandle: string }> {
  const { user, handle } = await requireUserSession(request);
  return { ...(await systemContext()), user, sessionHandle: handle };
}

/** For code that holds its own database handle: jobs, CLIs, tests. */
export function systemContextOf(database: Pick<Database, "db" | "driver">): SystemContext {
  return { door: "system", db: database.db, driver: database.driver };
}
