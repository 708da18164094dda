import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { withTenant } from "../../db/tenant";
import { recordAudit } from "~/models/audit.server";
import { makeOrgWithOwner } from "../support/factories";
import { openTestDatabase } from "../support/test-db";

/**
 * Issue #13, finding 8: what the tenant role may do to its own rows. RLS confines it to its
 * org; these are the privileges inside that org. The audit log is append-only (a member who
 * can write records must not be able to rewrite who did what), and an org's kind is fixed
 * (a startup that became an "investor" would pass the grant-pair checks the other way round).
 */
let database: Database;
let ctx: Awaited<ReturnType<typeof makeOrgWithOwner>>["ctx"];

beforeAll(async () => {
  database = await openTestDatabase();
  ({ ctx } = await makeOrgWithOwner(database, "startup", "Append Only Labs"));
  await withTenant(database.db, ctx.org.id, (tx) =>
    recordAudit(tx, ctx, { action: "org.update", entityType: "org", entityId: ctx.org.id, before: { name: "a" }, after: { name: "b" } }),
  );
});
afterAll(() => database.close());

/** Runs one statement as the tenant and says how it ended: the error's message, or "ok". */
async function asTenant(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await withTenant(database.db, ctx.org.id, (tx) => tx.execute(statement));
    return "ok";
  } catch (error) {
    return String((error as { cause?: Error }).cause?.message ?? (error as Error).message);
  }
}

async function auditRows() {
  return rowsOf<{ action: string; after: unknown }>(
    await database.db.execute(sql`select action, after from audit_log where org_id = ${ctx.org.id} order by at`),
  );
}

describe("the tenant role's privileges on its own rows", () => {
  it("can add to the audit log and read it", async () => {
    expect(
      await asTenant(sql`insert into audit_log (org_id, action, entity_type, entity_id) values (${ctx.org.id}, 'test.append', 'org', ${ctx.org.id})`),
    ).toBe("ok");
    const rows = rowsOf<{ n: number }>(await withTenant(database.db, ctx.org.id, (tx) => tx.execute(sql`select count(*)::int as n from audit_log`)));
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it("cannot rewrite or delete audit entries (append-only in the database)", async () => {
    const before = await auditRows();
    expect(await asTenant(sql`update audit_log set after = '{"name":"forged"}'::jsonb`)).toMatch(/permission denied/);
    expect(await asTenant(sql`delete from audit_log`)).toMatch(/permission denied/);
    expect(await asTenant(sql`truncate audit_log`)).toMatch(/permission denied|must be owner/);
    expect(await auditRows()).toEqual(before);
  });

  it("cannot change its org's kind, though it may rename the org", async () => {
    expect(await asTenant(sql`update orgs set kind = 'investor' where id = ${ctx.org.id}`)).toMatch(/kind/);
    expect(await asTenant(sql`update orgs set name = 'Renamed Labs' where id = ${ctx.org.id}`)).toBe("ok");
    const [row] = rowsOf<{ kind: string; name: string }>(await database.db.execute(sql`select kind, name from orgs where id = ${ctx.org.id}`));
    expect(row).toEqual({ kind: "startup", name: "Renamed Labs" });
  });

  it("the catalog agrees: the tenant role holds only SELECT and INSERT on audit_log", async () => {
    const rows = rowsOf<{ privilege: string }>(
      await database.db.execute(sql`
        select privilege_type as privilege from information_schema.role_table_grants
        where grantee = 'app_tenant' and table_name = 'audit_log' order by 1`),
    );
    expect(rows.map((r) => r.privilege)).toEqual(["INSERT", "SELECT"]);
  });
});
