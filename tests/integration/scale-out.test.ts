// Scale-out (issue #7): two app processes (`node server.mjs`, the production build) on one
// PostgreSQL database, as behind a load balancer without sticky sessions. A user signs in on
// one and carries on on the other (a save's toast too, signed with the shared COOKIE_SECRET); a sign-out on one ends the session on both; failed logins
// count towards one throttle whichever instance they hit. Nothing an instance needs lives in
// another instance's memory: sessions and throttling are rows (docs/scaling.md).
//
// Needs PostgreSQL (two processes cannot share an embedded PGlite): the server the suite
// uses when DATABASE_URL is set, else 127.0.0.1:5432; skipped when none answers.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { inject } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Database } from "../../db/client";
import { withSystem, withTenant } from "../../db/tenant";
import { TestClient } from "../support/app-server";
import { toastIn } from "../support/toast";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { withDatabase } from "../support/global-setup";
import { startServer, type RunningServer } from "../bench/harness";
import { routeData } from "../support/route-data";

const config = inject("testDb");
const adminUrl = config.kind === "postgres" ? config.adminUrl : (process.env.SCALE_OUT_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const reachable = await (async () => {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
})();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const name = `cd_scale_${process.pid}_${Date.now()}`;
const MONTH_ROUTE = "routes/o.$orgSlug.reports.$month";
let a: RunningServer;
let b: RunningServer;
let database: Database;

/** A client of instance `base` that starts with another client's cookies, as a load balancer would hand them over. */
function sameBrowserOn(base: string, from: TestClient): TestClient {
  const client = new TestClient(base);
  for (const [k, v] of from.cookies) client.cookies.set(k, v);
  return client;
}

describe.skipIf(!reachable)("two app instances on one database", () => {
  beforeAll(async () => {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = withDatabase(adminUrl, name);
    // One COOKIE_SECRET for both, as a deployment of replicas must set: a toast signed by one is shown by the other.
    const env = {
      DATABASE_URL: url,
      BUILD_DIR: process.env.BUILD_DIR ?? "",
      TRUST_PROXY: "loopback",
      LOG_LEVEL: "warn",
      COOKIE_SECRET: "scale-out-test-secret-at-least-32-characters",
    };
    const log = path.join(os.tmpdir(), `${name}.log`);
    // Started together: both migrate the empty database at boot, under the advisory lock.
    [a, b] = await Promise.all([startServer(root, env, log), startServer(root, env, log)]);
    database = await openDatabase({ url, maxConnections: 2 });
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("runs two separate processes", () => {
    expect(a.pid).not.toBe(b.pid);
    expect(a.base).not.toBe(b.base);
  });

  it("signs in on A, reads and saves on B, and A sees the save", async () => {
    const { owner, org } = await makeOrgWithOwner(database, "startup", "Scale Out Labs");
    const onA = new TestClient(a.base);
    await onA.login(owner.email, TEST_PASSWORD);
    const onB = sameBrowserOn(b.base, onA);

    const page = await onB.get(`/o/${org.slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Scale Out Labs");

    const saved = await onB.post(routeData(`/o/${org.slug}/reports/2026-03`, MONTH_ROUTE), {
      version: "",
      cash: "1250000.00",
      revenue: "40000.00",
      compute: "30000.00",
      data: "0",
      payroll: "90000.00",
      research: "0",
      go_to_market: "10000.00",
      general_admin: "5000.00",
      other: "0",
      headcount: "9",
      arr: "",
      highlights: "Saved on instance B",
      lowlights: "",
      asks: "",
    });
    expect(saved.status).toBe(204);
    expect(saved.headers.get("x-remix-redirect")).toBe(`/o/${org.slug}/reports/2026-03`);
    // The redirect lands on A: the toast B signed shows there, once.
    const onAAfter = sameBrowserOn(a.base, onB);
    expect(toastIn(await (await onAAfter.get(`/o/${org.slug}/reports/2026-03`)).text())).toBe("Saved Mar 2026.");

    const read = await onA.get(routeData(`/o/${org.slug}/reports/2026-03`, MONTH_ROUTE));
    expect(read.status).toBe(200);
    const { report } = (await read.json()) as { report: { cash: number; version: number } };
    expect(report).toMatchObject({ cash: 125_000_000, version: 1 });
  });

  it("ends the session everywhere when the user signs out on one instance", async () => {
    const { owner, org } = await makeOrgWithOwner(database, "startup", "Sign Out Labs");
    const onA = new TestClient(a.base);
    await onA.login(owner.email, TEST_PASSWORD);
    const onB = sameBrowserOn(b.base, onA);
    expect((await onB.get(`/o/${org.slug}`)).status).toBe(200);
    expect((await onB.post("/logout", {})).status).toBe(302);
    // A still holds the old cookie; the session row is gone, so A refuses it too.
    const after = await onA.get(`/o/${org.slug}`);
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
  });

  it("leaves nothing of a tenant transaction on the connection for the next one (what PgBouncer transaction mode relies on)", async () => {
    const { org } = await makeOrgWithOwner(database, "startup", "Pooled Labs");
    // One connection, so the second transaction surely runs where the first one did.
    const single = await openDatabase({ url: withDatabase(adminUrl, name), maxConnections: 1 });
    try {
      const inside = await withTenant(single.db, org.id, (tx) => tx.execute(sql`select current_user as role, current_setting('app.org_id', true) as org`));
      expect(rowsOf<{ role: string; org: string }>(inside)[0]).toEqual({ role: "app_tenant", org: org.id });
      const after = await withSystem(single.db, (tx) => tx.execute(sql`select current_user as role, coalesce(current_setting('app.org_id', true), '') as org`));
      const next = rowsOf<{ role: string; org: string }>(after)[0]!;
      expect(next.role).not.toBe("app_tenant");
      expect(next.org).toBe("");
    } finally {
      await single.close();
    }
  });

  it("counts failed logins across both instances towards one lock", async () => {
    const { owner } = await makeOrgWithOwner(database, "startup", "Throttle Labs");
    const attacker = { "X-Forwarded-For": "198.51.100.23" };
    const statuses: number[] = [];
    // Five wrong passwords from one address (the account + address limit), alternating instances.
    for (let i = 0; i < 5; i++) {
      const client = new TestClient(i % 2 === 0 ? a.base : b.base);
      statuses.push((await client.post("/login", { email: owner.email, password: `wrong-${i}` }, attacker)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // That address is locked on both instances, even with the right password: neither instance
    // kept its own count.
    for (const base of [a.base, b.base]) {
      const right = await new TestClient(base).post("/login", { email: owner.email, password: TEST_PASSWORD }, attacker);
      expect(right.status).toBe(429);
    }
    // The owner, elsewhere, is not locked out by someone else's failures (issue #13, finding 6).
    const owner2 = await new TestClient(b.base).post("/login", { email: owner.email, password: TEST_PASSWORD }, { "X-Forwarded-For": "192.0.2.77" });
    expect(owner2.status).toBe(302);
  });
});
