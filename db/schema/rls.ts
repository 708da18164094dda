import { sql } from "drizzle-orm";
import { pgPolicy, pgRole } from "drizzle-orm/pg-core";

/**
 * The non-superuser role every tenant transaction switches to. It is created by
 * the first (hand-written) migration, because roles are cluster-wide and must be
 * created idempotently when several databases share one server.
 */
export const appTenant = pgRole("app_tenant").existing();

/**
 * Row-level security for a table that carries `org_id`: rows are visible and
 * writable only when `org_id` matches the transaction-local tenant setting.
 * `app_current_org_id()` is NULL outside a tenant transaction, so a query
 * without a tenant matches nothing.
 */
export function tenantIsolation(table: string) {
  return pgPolicy(`${table}_tenant_isolation`, {
    as: "permissive",
    for: "all",
    to: appTenant,
    using: sql`org_id = app_current_org_id()`,
    withCheck: sql`org_id = app_current_org_id()`,
  });
}
