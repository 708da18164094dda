import { type BuildExtraConfigColumns, sql } from "drizzle-orm";
import { type PgColumnBuilderBase, type PgTableExtraConfigValue, pgPolicy, pgRole, pgTable } from "drizzle-orm/pg-core";

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
//
// Policies name the tenant as `(select app_current_org_id())`, not `app_current_org_id()`: the
// sub-select is an InitPlan, worked out once per statement, where a bare call is evaluated for
// every row a scan reads (5× the cost of scanning a fund's 1,000 grants; issue #7). Same value:
// the setting is transaction-local and no statement changes it.
export function tenantIsolation(table: string) {
  return pgPolicy(`${table}_tenant_isolation`, {
    as: "permissive",
    for: "all",
    to: appTenant,
    using: sql`org_id = (select app_current_org_id())`,
    withCheck: sql`org_id = (select app_current_org_id())`,
  });
}

/** What a startup can share with an investor; each tenant table belongs to at most one. */
export const GRANT_SECTIONS = ["financials", "funding_debt", "budgets", "risks", "updates"] as const;
export type GrantSection = (typeof GRANT_SECTIONS)[number];

/**
 * The investor's read path (tenancy rules 5–6): a row of a startup table is readable by an
 * investor org's tenant transaction only while an approved access grant from that startup
 * names the row's section. SELECT only — writes stay under `tenantIsolation`, whose USING
 * and WITH CHECK still demand `org_id = app_current_org_id()`, so an investor can change
 * nothing even outside a read-only transaction. Revoking or narrowing a grant takes effect
 * on the next statement, because the policy reads `access_grants` every time.
 */
export function sharedWithInvestors(table: string, section: GrantSection) {
  return pgPolicy(`${table}_investor_read`, {
    as: "permissive",
    for: "select",
    to: appTenant,
    using: sql.raw(
      `org_id in (select g.org_id from access_grants g where g.investor_org_id = (select app_current_org_id()) and g.status = 'approved' and '${section}' = any(g.sections))`,
    ),
  });
}

/**
 * A table whose rows belong to an org (`org_id`): row-level security enabled (the migrations
 * force it) with the tenant isolation policy and, for a startup's data shared under a grant
 * section, the investor read path. The rule every tenant table follows, in one place; the
 * table adds its own keys, checks and any further policies.
 */
export function tenantTable<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
  constraints: (t: BuildExtraConfigColumns<TName, TColumns, "pg">) => PgTableExtraConfigValue[],
  sharedAs?: GrantSection,
) {
  return pgTable(name, columns, (t) => [...constraints(t), tenantIsolation(name), ...(sharedAs ? [sharedWithInvestors(name, sharedAs)] : [])]).enableRLS();
}
