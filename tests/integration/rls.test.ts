import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { orgs, memberships, users, monthlyReports } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { openTestDatabase } from "../support/test-db";
import { first, leading } from "../support/at";

let database: Database;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await withSystem(database.db, async (tx) => {
    const [a, b] = leading(
      await tx
        .insert(orgs)
        .values([
          { slug: "alpha", name: "Alpha", kind: "startup" },
          { slug: "beta", name: "Beta", kind: "startup" },
        ])
        .returning({ id: orgs.id }),
      2,
    );
    orgA = a.id;
    orgB = b.id;
    const u = first(await tx.insert(users).values({ email: "a@x.test", name: "A", passwordHash: "x" }).returning());
    await tx.insert(memberships).values({ orgId: orgA, userId: u.id, role: "owner" });
    await tx.insert(monthlyReports).values([
      { orgId: orgA, month: "2026-01", cash: 100 },
      { orgId: orgB, month: "2026-01", cash: 999 },
    ]);
  });
});
afterAll(() => database.close());

describe("row-level security under the tenant role", () => {
  it("a query without a where clause sees only the current tenant's rows", async () => {
    const rows = await withTenant(database.db, orgA, (tx) => tx.select().from(monthlyReports));
    expect(rows.map((r) => r.cash)).toEqual([100]);
  });

  it("a read-only tenant transaction reads its rows and can write nothing, not even its own", async () => {
    const rows = await withTenant(database.db, orgA, (tx) => tx.select().from(monthlyReports), { readOnly: true });
    expect(rows.map((r) => r.cash)).toEqual([100]);
    const refused = await withTenant(database.db, orgA, (tx) => tx.insert(monthlyReports).values({ orgId: orgA, month: "2026-02", cash: 1 }), {
      readOnly: true,
    }).then(
      () => null,
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );
    expect(refused).toMatch(/read-only transaction/);
    const after = await withTenant(database.db, orgA, (tx) => tx.select().from(monthlyReports));
    expect(after).toHaveLength(1);
  });

  it("cannot insert a row for another tenant", async () => {
    await expect(withTenant(database.db, orgA, (tx) => tx.insert(monthlyReports).values({ orgId: orgB, month: "2026-02", cash: 1 }))).rejects.toThrow();
    const count = await withSystem(database.db, (tx) => tx.execute(sql`select count(*)::int as n from monthly_reports where org_id = ${orgB}`));
    expect((count as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? first(count as unknown as { n: number }[]).n).toBe(1);
  });

  it("sees nothing when no tenant is set", async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'app_tenant', true)`);
      return tx.select().from(monthlyReports);
    });
    expect(rows).toEqual([]);
  });

  it("sees only its own org row and its members' users", async () => {
    const [visibleOrgs, visibleUsers] = await withTenant(database.db, orgB, async (tx) => [
      await tx.select().from(orgs),
      await tx.select({ id: users.id }).from(users),
    ]);
    expect(visibleOrgs.map((o) => o.slug)).toEqual(["beta"]);
    expect(visibleUsers).toEqual([]);
  });
});
