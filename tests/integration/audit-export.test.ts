import { sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../db/tenant";
import { recordAudit } from "../../app/models/audit.server";
import { auditLogBatches } from "../../app/models/audit-export.server";
import { createRisk, updateRisk } from "../../app/models/risk.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeOrgWithOwner, type StartupCast, startupCast } from "../support/factories";

let app: TestApp;
let { alpha, beta, clients } = {} as StartupCast<"admin" | "member" | "viewer">;

function rowsOf(text: string) {
  return parse(text, { columns: true }) as Record<string, string>[];
}

beforeAll(async () => {
  app = await startTestApp();
  ({ alpha, beta, clients } = await startupCast(app, "Alpha Audit", "Beta Audit", ["admin", "member", "viewer"]));
  const risk = await createRisk(alpha.ctx, { title: "Export me", category: "market", likelihood: 2, impact: 3 });
  await updateRisk(alpha.ctx, risk.id, 1, { title: "Export me", category: "market", likelihood: 4, impact: 3 });
  await createRisk(beta.ctx, { title: "Beta private risk", category: "talent", likelihood: 1, impact: 1 });
});
afterAll(() => app?.close());

describe("audit log CSV export", () => {
  it("gives the owner every entry of the org, oldest first, with who, when, what, before and after", async () => {
    const response = await clients.owner.get("/o/alpha-audit/audit.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="audit-log-alpha-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
    const text = await response.text();
    expect(text.split("\n")[0]).toBe(
      "at_utc,id,actor_user_id,actor_email,actor_name,action,entity_type,entity_id,before,after,action_label,description,changes",
    );
    const rows = rowsOf(text);
    expect(rows.map((r) => r.action)).toEqual(["org.create", "risk.create", "risk.update"]);
    const update = rows[2]!;
    expect(update.actor_email).toBe(alpha.owner.email);
    expect(update.actor_user_id).toBe(alpha.owner.id);
    expect(update.entity_type).toBe("risk");
    expect(JSON.parse(update.before!)).toMatchObject({ likelihood: 2, title: "Export me" });
    expect(JSON.parse(update.after!)).toMatchObject({ likelihood: 4 });
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(r.at_utc!))).toBe(true);
    expect(text).not.toContain("Beta private risk");
  });

  it("is open to admins too", async () => {
    const response = await clients.admin.get("/o/alpha-audit/audit.csv");
    expect(response.status).toBe(200);
    expect(rowsOf(await response.text()).some((r) => r.action === "risk.create")).toBe(true);
  });

  it("is forbidden to members and viewers, and another org's people get 404", async () => {
    for (const who of ["member", "viewer"] as const) {
      const response = await clients[who].get("/o/alpha-audit/audit.csv");
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type") ?? "").not.toMatch(/csv/);
      expect(await response.text()).not.toContain("risk.create");
    }
    const outsider = await clients.betaOwner.get("/o/alpha-audit/audit.csv");
    expect(outsider.status).toBe(404);
    expect(await outsider.text()).not.toContain("risk.create");
    const anonymous = await app.client().get("/o/alpha-audit/audit.csv");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });

  it("pages through entries written in one transaction without skipping or repeating any", async () => {
    const gamma = await makeOrgWithOwner(app.database, "startup", "Gamma Audit");
    // One transaction: all seven share the same `at`.
    await withTenant(app.database.db, gamma.org.id, async (tx) => {
      for (let i = 0; i < 7; i++) await recordAudit(tx, gamma.ctx, { action: "test.same-time", entityType: "test", entityId: String(i) });
    });
    const batches: number[] = [];
    const ids: string[] = [];
    for await (const batch of auditLogBatches(gamma.ctx, 3)) {
      batches.push(batch.length);
      ids.push(...batch.map((r) => r.id));
    }
    expect(batches).toEqual([3, 3, 2]); // org.create + 7
    expect(new Set(ids).size).toBe(8);
    const entityIds = (await collect(auditLogBatches(gamma.ctx, 3))).filter((r) => r.action === "test.same-time").map((r) => r.entityId);
    expect(entityIds.sort()).toEqual(["0", "1", "2", "3", "4", "5", "6"]);
  });

  it("streams a log longer than one batch over HTTP, complete and in order", async () => {
    const delta = await makeOrgWithOwner(app.database, "startup", "Delta Audit");
    await withTenant(app.database.db, delta.org.id, (tx) =>
      tx.execute(sql`
        insert into audit_log (org_id, actor_user_id, action, entity_type, entity_id, at)
        select ${delta.org.id}::uuid, ${delta.owner.id}::uuid, 'test.bulk', 'test', g::text, now() + (g || ' milliseconds')::interval
        from generate_series(1, 1234) g`),
    );
    const client = await app.signIn(delta.owner.email);
    const response = await client.get("/o/delta-audit/audit.csv");
    expect(response.status).toBe(200);
    const rows = rowsOf(await response.text());
    expect(rows).toHaveLength(1235);
    expect(rows[0]!.action).toBe("org.create");
    const bulk = rows.slice(1).map((r) => Number(r.entity_id));
    expect(bulk).toEqual(Array.from({ length: 1234 }, (_, i) => i + 1));
  });

  it("neutralises cells that a spreadsheet would run as formulas", async () => {
    const epsilon = await makeOrgWithOwner(app.database, "startup", "Epsilon Audit");
    await withTenant(app.database.db, epsilon.org.id, (tx) =>
      recordAudit(tx, epsilon.ctx, { action: "test.formula", entityType: "test", entityId: '=HYPERLINK("http://evil")' }),
    );
    const client = await app.signIn(epsilon.owner.email);
    const rows = rowsOf(await (await client.get("/o/epsilon-audit/audit.csv")).text());
    expect(rows.find((r) => r.action === "test.formula")!.entity_id).toBe('\'=HYPERLINK("http://evil")');
  });
});

async function collect<T>(source: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of source) all.push(...batch);
  return all;
}
