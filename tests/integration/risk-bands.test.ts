import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, monthlyReports, orgs, risks } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { AppError } from "../../app/server/http.server";
import { getOrgSettings, updateOrgSettings } from "../../app/models/org.server";
import { getRisk, listRisks, topRisks } from "../../app/models/risk.server";
import { getStartupDashboard } from "../../app/models/dashboard.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { type StartupCast, startupCast } from "../support/factories";
import { routeData } from "../support/route-data";
import { at, first } from "../support/at";

/**
 * Risk bands per org (product spec, "Definitions": default 1–4 low, 5–9 medium, 10–15 high,
 * 16–25 critical, configurable per org). An owner or admin sets them in the settings; the
 * register, a risk's page, the CSV and the dashboard all band scores with the org's own.
 */
const SETTINGS = "routes/o.$orgSlug.settings";
const LIST = "routes/o.$orgSlug.risks._index";
const DETAIL = "routes/o.$orgSlug.risks.$riskId";
const DASHBOARD = "routes/o.$orgSlug._index";

let app: TestApp;
type Cast = StartupCast<"admin" | "member" | "viewer">;
let { alpha, beta } = {} as Cast;
let { owner, admin, member, viewer, betaOwner: outsider } = {} as Cast["clients"];
/** Scores 12 (3 × 4), 9 (3 × 3) and 4 (2 × 2). */
const ids = { twelve: "", nine: "", four: "" };

const settingsForm = (bands: [string, string, string], name = "Alpha Labs") => ({
  name,
  baseCurrency: "USD",
  budgetOverrunThresholdPercent: "10",
  riskMediumFrom: bands[0],
  riskHighFrom: bands[1],
  riskCriticalFrom: bands[2],
});

/** The org row and its audit entries, read past RLS. */
async function stateOf(orgId: string) {
  return withSystem(app.database.db, async (tx) => ({
    org: first(await tx.select().from(orgs).where(eq(orgs.id, orgId))),
    audit: await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityType, "org"))),
  }));
}

async function bandsOf(orgId: string) {
  const { org } = await stateOf(orgId);
  return [org.riskMediumFrom, org.riskHighFrom, org.riskCriticalFrom];
}

async function dataOf<T>(client: TestClient, path: string, route: string): Promise<T> {
  const response = await client.get(routeData(path, route));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** A page as a user reads it: text only, tags and entities flattened. */
async function pageText(client: TestClient, path: string) {
  const response = await client.get(path);
  expect(response.status, path).toBe(200);
  return (await response.text())
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function html(client: TestClient, path: string) {
  const response = await client.get(path);
  expect(response.status, path).toBe(200);
  return response.text();
}

type ListData = { list: { risks: { id: string; score: number; band: string }[] } };
type DetailData = { risk: { score: number; band: string } };
type DashboardData = { dashboard: { kind: string; risks: { top: { title: string; score: number; band: string }[] } } };

function bandsByScore(data: ListData) {
  return Object.fromEntries(data.list.risks.map((r) => [r.score, r.band]));
}

beforeAll(async () => {
  app = await startTestApp();
  let clients: Cast["clients"];
  ({ alpha, beta, clients } = await startupCast(app, "Alpha Labs", "Beta AI", ["admin", "member", "viewer"]));
  ({ owner, admin, member, viewer, betaOwner: outsider } = clients);
  await withTenant(app.database.db, alpha.org.id, async (tx) => {
    // One monthly report so the dashboard has something to show (its risk card included).
    await tx.insert(monthlyReports).values({ orgId: alpha.org.id, month: "2026-04", cash: 100_000_000, revenue: 0, payroll: 5_000_000 });
    const made = await tx
      .insert(risks)
      .values([
        { orgId: alpha.org.id, title: "Score twelve", category: "financial", likelihood: 3, impact: 4, status: "open" },
        { orgId: alpha.org.id, title: "Score nine", category: "market", likelihood: 3, impact: 3, status: "open" },
        { orgId: alpha.org.id, title: "Score four", category: "talent", likelihood: 2, impact: 2, status: "mitigating" },
      ])
      .returning({ id: risks.id, title: risks.title });
    ids.twelve = made.find((r) => r.title === "Score twelve")!.id;
    ids.nine = made.find((r) => r.title === "Score nine")!.id;
    ids.four = made.find((r) => r.title === "Score four")!.id;
  });
}, 60_000);
afterAll(() => app?.close());

describe("default bands", () => {
  it("a new org has 5 / 10 / 16 and scores band as the spec's defaults everywhere", async () => {
    expect(await bandsOf(alpha.org.id)).toEqual([5, 10, 16]);
    const settings = await dataOf<{ riskBands: unknown }>(owner, `/o/${alpha.org.slug}/settings`, SETTINGS);
    expect(settings.riskBands).toEqual({ mediumFrom: 5, highFrom: 10, criticalFrom: 16 });

    const list = await dataOf<ListData>(owner, `/o/${alpha.org.slug}/risks?index`, LIST);
    expect(bandsByScore(list)).toEqual({ 12: "high", 9: "medium", 4: "low" });
    const detail = await dataOf<DetailData>(owner, `/o/${alpha.org.slug}/risks/${ids.twelve}`, DETAIL);
    expect(detail.risk).toMatchObject({ score: 12, band: "high" });
    const dashboard = await dataOf<DashboardData>(owner, `/o/${alpha.org.slug}`, DASHBOARD);
    expect(dashboard.dashboard.kind).toBe("ready");
    expect(dashboard.dashboard.risks.top[0]).toMatchObject({ title: "Score twelve", score: 12, band: "high" });

    const legend = "Bands: 1–4 low, 5–9 medium, 10–15 high, 16–25 critical.";
    expect(await pageText(owner, `/o/${alpha.org.slug}/risks`)).toContain(legend);
    expect(await pageText(owner, `/o/${alpha.org.slug}/risks/${ids.twelve}`)).toMatch(/Score 12 \( ?high ?\)/);
    expect(await pageText(owner, `/o/${alpha.org.slug}`)).toContain("bands 1–4 low, 5–9 medium, 10–15 high, 16–25 critical");
  });

  it("the settings page shows the three band fields filled with the org's bands", async () => {
    const page = await html(owner, `/o/${alpha.org.slug}/settings`);
    for (const [label, name, value] of [
      ["Medium from score", "riskMediumFrom", "5"],
      ["High from", "riskHighFrom", "10"],
      ["Critical from", "riskCriticalFrom", "16"],
    ]) {
      expect(page).toContain(`>${label}</label>`);
      expect(page).toMatch(new RegExp(`<input[^>]*name="${name}"[^>]*value="${value}"`));
    }
  });
});

describe("invalid bands", () => {
  const cases: { bands: [string, string, string]; field: string; message: RegExp }[] = [
    { bands: ["8", "8", "12"], field: "riskHighFrom", message: /above medium \(8\)/ },
    { bands: ["1", "5", "10"], field: "riskMediumFrom", message: /2 to 25/ },
    { bands: ["5", "10", "30"], field: "riskCriticalFrom", message: /2 to 25/ },
    { bands: ["abc", "10", "16"], field: "riskMediumFrom", message: /whole number/ },
    { bands: ["5", "12", "12"], field: "riskCriticalFrom", message: /above high \(12\)/ },
    { bands: ["5", "10.5", "16"], field: "riskHighFrom", message: /whole number/ },
    { bands: ["5", "", "16"], field: "riskHighFrom", message: /whole number/ },
  ];

  for (const { bands, field, message } of cases) {
    it(`${bands.join(" / ")} answers 400 with a message on ${field} and writes nothing`, async () => {
      const before = await stateOf(alpha.org.id);
      const response = await owner.post(routeData(`/o/${alpha.org.slug}/settings`, SETTINGS), settingsForm(bands, "Renamed Anyway"));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { ok: boolean; fieldErrors: Record<string, string> };
      expect(body.ok).toBe(false);
      expect(body.fieldErrors[field]).toMatch(message);
      // Not even the valid name was saved.
      expect(await stateOf(alpha.org.id)).toEqual(before);
    });
  }

  it("a form with only some of the band fields is refused on the missing ones", async () => {
    const before = await stateOf(alpha.org.id);
    const { riskHighFrom: _h, riskCriticalFrom: _c, ...partial } = settingsForm(["4", "8", "12"]);
    const response = await owner.post(routeData(`/o/${alpha.org.slug}/settings`, SETTINGS), partial);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string> };
    expect(body.fieldErrors.riskHighFrom).toMatch(/all three/);
    expect(body.fieldErrors.riskCriticalFrom).toMatch(/all three/);
    expect(await stateOf(alpha.org.id)).toEqual(before);
  });

  it("the settings page shows the message beside the field when posted without JavaScript", async () => {
    const response = await owner.post(`/o/${alpha.org.slug}/settings`, settingsForm(["8", "8", "12"]));
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("High must start above medium (8).");
    expect(page).toMatch(/id="field-riskHighFrom"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-riskHighFrom"/);
  });

  it("the model refuses bad bands too (INVALID), and the database CHECK backs it up", async () => {
    const before = await stateOf(alpha.org.id);
    const error = await updateOrgSettings(alpha.ctx, {
      name: "Alpha Labs",
      baseCurrency: "USD",
      budgetOverrunThresholdBp: 1000,
      riskBands: { mediumFrom: 8, highFrom: 8, criticalFrom: 12 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID");
    await expect(withSystem(app.database.db, (tx) => tx.execute(sql`update orgs set risk_critical_from = 26 where id = ${alpha.org.id}`))).rejects.toThrow();
    await expect(
      withSystem(app.database.db, (tx) => tx.execute(sql`update orgs set risk_medium_from = 10, risk_high_from = 10 where id = ${alpha.org.id}`)),
    ).rejects.toThrow();
    expect(await stateOf(alpha.org.id)).toEqual(before);
  });
});

describe("who may change the bands", () => {
  it("a member and a viewer get 403 and nothing is written", async () => {
    for (const client of [member, viewer]) {
      const before = await stateOf(alpha.org.id);
      const response = await client.post(routeData(`/o/${alpha.org.slug}/settings`, SETTINGS), settingsForm(["4", "8", "12"]));
      expect(response.status).toBe(403);
      expect(await stateOf(alpha.org.id)).toEqual(before);
    }
  });

  it("a user of another org gets 404 and nothing is written", async () => {
    const before = await stateOf(alpha.org.id);
    const response = await outsider.post(routeData(`/o/${alpha.org.slug}/settings`, SETTINGS), settingsForm(["4", "8", "12"]));
    expect(response.status).toBe(404);
    expect(await stateOf(alpha.org.id)).toEqual(before);
  });

  it("an admin may change them", async () => {
    const response = await admin.post(routeData(`/o/${alpha.org.slug}/settings`, SETTINGS), settingsForm(["6", "11", "17"]));
    expect(response.status).toBe(204); // saved: a redirect back to the settings page, with a toast
    expect(await bandsOf(alpha.org.id)).toEqual([6, 11, 17]);
  });
});

describe("an org's own bands", () => {
  it("after the owner sets 4 / 8 / 12, a score-12 risk is critical on the register, its page, the CSV and the dashboard", async () => {
    const updates = () =>
      withSystem(app.database.db, (tx) =>
        tx
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.orgId, alpha.org.id), eq(auditLog.action, "org.update"))),
      );
    const auditBefore = (await updates()).length;
    const response = await owner.post(routeData(`/o/${alpha.org.slug}/settings`, SETTINGS), settingsForm(["4", "8", "12"]));
    expect(response.status).toBe(204);
    expect(await bandsOf(alpha.org.id)).toEqual([4, 8, 12]);

    // Audited, before and after, in the same transaction as the change.
    const entries = await updates();
    expect(entries.length).toBe(auditBefore + 1);
    const last = entries.find((e) => (e.after as { riskCriticalFrom?: number }).riskCriticalFrom === 12);
    expect(last?.before).toMatchObject({ riskMediumFrom: 6, riskHighFrom: 11, riskCriticalFrom: 17 });
    expect(last?.after).toMatchObject({ riskMediumFrom: 4, riskHighFrom: 8, riskCriticalFrom: 12 });

    const list = await dataOf<ListData>(owner, `/o/${alpha.org.slug}/risks?index`, LIST);
    expect(bandsByScore(list)).toEqual({ 12: "critical", 9: "high", 4: "medium" });
    const detail = await dataOf<DetailData>(owner, `/o/${alpha.org.slug}/risks/${ids.twelve}`, DETAIL);
    expect(detail.risk).toMatchObject({ score: 12, band: "critical" });
    const dashboard = await dataOf<DashboardData>(owner, `/o/${alpha.org.slug}`, DASHBOARD);
    expect(dashboard.dashboard.risks.top.map((r) => [r.score, r.band])).toEqual([
      [12, "critical"],
      [9, "high"],
      [4, "medium"],
    ]);

    // What a user reads: the badges and the legends say the org's bands.
    const legend = "Bands: 1–3 low, 4–7 medium, 8–11 high, 12–25 critical.";
    const register = await pageText(owner, `/o/${alpha.org.slug}/risks`);
    expect(register).toContain(legend);
    expect(register).not.toContain("1–4 low");
    expect(register).toMatch(/Score twelve .*? 12 Critical/);
    const riskPage = await pageText(owner, `/o/${alpha.org.slug}/risks/${ids.twelve}`);
    expect(riskPage).toMatch(/Score 12 \( ?critical ?\)/);
    expect(riskPage).toContain(legend);
    const dashboardPage = await pageText(owner, `/o/${alpha.org.slug}`);
    expect(dashboardPage).toContain("bands 1–3 low, 4–7 medium, 8–11 high, 12–25 critical");
    expect(dashboardPage).toContain("critical · 12");
    // Heat-map cells are coloured by the org's bands: likelihood 3 × impact 4 is now critical.
    const dashboardHtml = await html(owner, `/o/${alpha.org.slug}`);
    expect(dashboardHtml).toContain("Likelihood 3 × impact 4 = score 12 (critical)");
    expect(dashboardHtml).toContain("Likelihood 2 × impact 2 = score 4 (medium)");
    const registerHtml = await html(owner, `/o/${alpha.org.slug}/risks`);
    expect(registerHtml).toContain("with likelihood 3 and impact 4: score 12, critical");

    const csv = await (await owner.get(`/o/${alpha.org.slug}/risks.csv`)).text();
    expect(csv).toMatch(/Score twelve,.*,12,Critical,/);

    const settingsPage = await pageText(owner, `/o/${alpha.org.slug}/settings`);
    expect(settingsPage).toContain("Now: 1–3 low, 4–7 medium, 8–11 high, 12–25 critical");
  });

  it("the models band with the org's own bands, and another org keeps the defaults", async () => {
    const list = await listRisks(alpha.ctx);
    expect(list.bands).toEqual({ mediumFrom: 4, highFrom: 8, criticalFrom: 12 });
    expect(list.risks.find((r) => r.id === ids.twelve)?.band).toBe("critical");
    expect((await getRisk(alpha.ctx, ids.four)).band).toBe("medium");
    expect((await topRisks(alpha.ctx, 1))[0]).toMatchObject({ score: 12, band: "critical" });
    const dashboard = await getStartupDashboard(alpha.ctx, { today: "2026-05-01" });
    expect(dashboard.kind === "ready" && dashboard.risks.bands).toEqual({ mediumFrom: 4, highFrom: 8, criticalFrom: 12 });

    const betaRisk = await withTenant(app.database.db, beta.org.id, (tx) =>
      tx.insert(risks).values({ orgId: beta.org.id, title: "Beta twelve", category: "market", likelihood: 4, impact: 3 }).returning({ id: risks.id }),
    );
    expect((await getRisk(beta.ctx, at(betaRisk, 0).id)).band).toBe("high");
    expect((await getOrgSettings(beta.ctx)).riskCriticalFrom).toBe(16);
  });

  it("a settings form without band fields (an older client) leaves the bands as they are", async () => {
    const response = await owner.post(routeData(`/o/${alpha.org.slug}/settings`, SETTINGS), {
      name: "Alpha Labs Renamed",
      baseCurrency: "USD",
      budgetOverrunThresholdPercent: "10",
    });
    expect(response.status).toBe(204);
    const { org } = await stateOf(alpha.org.id);
    expect(org.name).toBe("Alpha Labs Renamed");
    expect(await bandsOf(alpha.org.id)).toEqual([4, 8, 12]);
  });

  it("setting the defaults back restores the default bands", async () => {
    const response = await owner.post(routeData(`/o/${alpha.org.slug}/settings`, SETTINGS), settingsForm(["5", "10", "16"]));
    expect(response.status).toBe(204);
    const list = await dataOf<ListData>(owner, `/o/${alpha.org.slug}/risks?index`, LIST);
    expect(bandsByScore(list)).toEqual({ 12: "high", 9: "medium", 4: "low" });
  });
});
