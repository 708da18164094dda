import type { Tx } from "~db/client";
import { withTenant } from "~db/tenant";
import type { OrgContext } from "~/auth/context";

/**
 * A read of the org's own data (and, for an investor, of what its grants share): one read-only
 * tenant transaction, so a read path can never write. The door most model reads go through.
 */
export function readInOrg<T>(ctx: Pick<OrgContext, "db" | "org">, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant(ctx.db, ctx.org.id, work, { readOnly: true });
}
