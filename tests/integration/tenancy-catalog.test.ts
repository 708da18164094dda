import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { openTestDatabase } from "../support/test-db";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function query<T>(statement: ReturnType<typeof sql>) {
  return rowsOf<T>(await database.db.transaction((tx) => tx.execute(statement)));
}

describe("the schema's tenancy guarantees, read from the catalog", () => {
  it("every table with org_id has RLS enabled and forced, and a policy on org_id", async () => {
    const tables = await query<{ table: string; enabled: boolean; forced: boolean; policies: number; qual: string | null }>(sql`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policies p where p.tablename = c.relname) as policies,
             (select string_agg(p.qual, ' ') from pg_policies p where p.tablename = c.relname) as qual
      from pg_class c
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
      order by 1`);
    expect(tables.length).toBeGreaterThanOrEqual(10);
    for (const t of tables) {
      expect({ table: t.table, enabled: t.enabled, forced: t.forced }).toEqual({ table: t.table, enabled: true, forced: true });
      expect(t.policies, `${t.table} has a policy`).toBeGreaterThan(0);
      expect(t.qual, `${t.table} policy reads the tenant`).toMatch(/app_current_org_id\(\)/);
    }
  });

  it("every policy reads the tenant once per statement (an InitPlan), never once per row", async () => {
    const policies = await query<{ name: string; text: string }>(sql`
      select tablename || '.' || policyname as name, coalesce(qual, '') || ' ' || coalesce(with_check, '') as text
      from pg_policies where schemaname = 'public' order by 1`);
    const reading = policies.filter((p) => p.text.includes("app_current_org_id()"));
    expect(reading.length).toBeGreaterThanOrEqual(20);
    for (const p of reading) {
      const calls = p.text.match(/app_current_org_id\(\)/g)!.length;
      const once = p.text.match(/\(\s*SELECT app_current_org_id\(\)\s*(AS app_current_org_id\s*)?\)/gi)?.length ?? 0;
      expect(once, `${p.name}: ${p.text}`).toBe(calls);
    }
  });

  it("orgs and users are protected too", async () => {
    const rows = await query<{ relname: string; enabled: boolean; forced: boolean }>(sql`
      select relname, relrowsecurity as enabled, relforcerowsecurity as forced from pg_class
      where relnamespace = 'public'::regnamespace and relname in ('orgs', 'users') order by 1`);
    expect(rows).toEqual([
      { relname: "orgs", enabled: true, forced: true },
      { relname: "users", enabled: true, forced: true },
    ]);
  });

  it("the tenant role is not a superuser, cannot bypass RLS, and cannot read password hashes or sessions", async () => {
    const [role] = await query<{ rolsuper: boolean; rolbypassrls: boolean }>(sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'app_tenant'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const [grants] = await query<{ hash: boolean; sessions: boolean; throttle: boolean; tokens: boolean; verified: boolean; devices: boolean }>(sql`
      select has_column_privilege('app_tenant', 'users', 'password_hash', 'select') as hash,
             has_table_privilege('app_tenant', 'sessions', 'select') as sessions,
             has_table_privilege('app_tenant', 'login_throttle', 'select') as throttle,
             has_table_privilege('app_tenant', 'account_tokens', 'select, insert, update, delete') as tokens,
             has_table_privilege('app_tenant', 'user_two_factor', 'select, insert, update, delete')
               or has_table_privilege('app_tenant', 'two_factor_recovery_codes', 'select, insert, update, delete')
               or has_table_privilege('app_tenant', 'two_factor_challenges', 'select, insert, update, delete') as two_factor,
             has_column_privilege('app_tenant', 'users', 'email_verified_at', 'select') as verified,
             has_table_privilege('app_tenant', 'sign_in_devices', 'select, insert, update, delete') as devices`);
    // Account links (decision 017) are a person's own, like sessions: no tenant privilege at all.
    // Second factors (decision 021) likewise, and the devices a person signed in from (decision 022).
    expect(grants).toEqual({ hash: false, sessions: false, throttle: false, tokens: false, two_factor: false, verified: false, devices: false });
  });

  it("unique and foreign keys between tenant tables include org_id", async () => {
    const keys = await query<{ table: string; name: string; def: string }>(sql`
      select cl.relname as table, co.conname as name, pg_get_constraintdef(co.oid) as def
      from pg_constraint co join pg_class cl on cl.oid = co.conrelid
      where cl.relnamespace = 'public'::regnamespace and co.contype in ('p', 'u', 'f')
        and exists (select 1 from pg_attribute a where a.attrelid = cl.oid and a.attname = 'org_id')`);
    const offenders = keys.filter((k) => {
      if (/REFERENCES (orgs|users)\(id\)/.test(k.def)) return false; // the tenant itself, or a global person
      return !/org_id/.test(k.def);
    });
    // The one exception, and why it is safe: the outbox also holds account mail with no org
    // (decision 016), so its keys cannot include org_id; both are random values the server
    // makes, never a value a tenant chooses, so a clash can tell no tenant anything.
    const outboxKeys = offenders.filter((k) => k.table === "mail_outbox").map((k) => k.def);
    expect(outboxKeys.sort()).toEqual(["PRIMARY KEY (id)", "UNIQUE (message_id)"]);
    expect(offenders.filter((k) => k.table !== "mail_outbox")).toEqual([]);
  });
});
