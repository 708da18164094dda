import { sql } from "drizzle-orm";
import { type Db, rowsOf, type Tx } from "./client";
import { isDatabaseUnavailable, rethrowIfUnavailable } from "./unavailable";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TxOptions {
  /** Investor, partner and viewer reads run in read-only transactions. */
  readOnly?: boolean;
  /**
   * One snapshot for every statement (REPEATABLE READ, read-only): a read of many tables, such
   * as the org export, then sees them as of one moment, never a row whose parent was deleted
   * between two of its statements.
   */
  snapshot?: boolean;
}

/**
 * The one door to tenant data. Runs `work` in a transaction that has switched to the
 * non-superuser role `app_tenant` and set the transaction-local tenant, so row-level
 * security confines every statement to `orgId` — even one that forgot its `where`.
 * Both settings end with the transaction, so a pooled connection carries nothing over.
 *
 * Outages: a connection-level failure or statement timeout anywhere in the transaction
 * (including its commit) is rethrown as a 503 Response (db/unavailable.ts), and the
 * transaction is rolled back by the server — all of `work`'s writes or none of them.
 */
export async function withTenant<T>(db: Db, orgId: string, work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
  if (!UUID_RE.test(orgId)) throw new Error("withTenant: orgId must be a UUID");
  const config = options.snapshot ? ({ isolationLevel: "repeatable read", accessMode: "read only" } as const) : undefined;
  return transaction(
    db,
    async (tx) => {
      // One round trip: read-only is the transaction_read_only setting, which a transaction may
      // always turn on (never off after its first query), the same as SET TRANSACTION READ ONLY.
      await tx.execute(
        options.readOnly || options.snapshot
          ? sql`select set_config('transaction_read_only', 'on', true), set_config('role', 'app_tenant', true), set_config('app.org_id', ${orgId}, true)`
          : sql`select set_config('role', 'app_tenant', true), set_config('app.org_id', ${orgId}, true)`,
      );
      return work(tx);
    },
    config,
  );
}

/**
 * One transaction, with database outages as a 503 (db/unavailable.ts). When the
 * connection fails before BEGIN completed — nothing of `work` ran — it is tried once more:
 * postgres.js can hand a connection's first query after a server restart a stale error
 * (see `unavailableAs503`). Once `work` has started it is never repeated.
 */
async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>, config?: Parameters<Db["transaction"]>[1]): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    let started = false;
    try {
      return await db.transaction((tx) => {
        started = true;
        return work(tx);
      }, config);
    } catch (error) {
      if (attempt === 1 && !started && isDatabaseUnavailable(error)) continue;
      rethrowIfUnavailable(error);
    }
  }
}

/**
 * Work that is not one tenant's: sign-in, sessions, resolving memberships, accepting an
 * invitation by its token. It runs as the connecting role, so each caller must filter
 * explicitly; keep such functions few and named for what they do.
 */
export async function withSystem<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(db, work);
}

/**
 * A system read of ONE statement that every page view makes (the membership behind the URL's
 * org, the org switcher's list): withSystem's role and rules, without a transaction. One
 * statement is atomic on its own, and begin and commit were two more round trips per look-up
 * (decision 032). PGlite runs a lone statement only between transactions, never inside another.
 * An outage is a 503 as everywhere; nothing was written, so a stale connection error is tried
 * once more first, as before a transaction's work.
 */
export async function readSystem<T>(db: Db, read: (db: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read(db);
    } catch (error) {
      if (attempt === 1 && isDatabaseUnavailable(error)) continue;
      rethrowIfUnavailable(error);
    }
  }
}

/**
 * A system step inside a tenant transaction (decision 023): `work` runs as the connecting role,
 * in the SAME transaction, then the tenant role is back. For the one thing that crosses tenants
 * by design and must commit or roll back with the change that caused it: queuing a notification
 * to people of another org (an access request mails the startup's owners) and reading their
 * language and preferences. Like withSystem, `work` filters explicitly. Never hand `tx` on to
 * anything else while inside it.
 */
export async function systemStepWithin<T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  const [was] = rowsOf<{ role: string }>(await tx.execute(sql`select current_setting('role') as role`));
  const role = was?.role ?? "none";
  if (role === "none") return work(tx);
  await tx.execute(sql`select set_config('role', 'none', true)`);
  const result = await work(tx);
  await tx.execute(sql`select set_config('role', ${role}, true)`);
  return result;
}
