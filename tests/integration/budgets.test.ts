import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, budgets, orgs } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import type { OrgContext } from "../../app/auth/context";
import { budgetVsActual, listBudgets, saveBudgetGrid, upsertBudgets, type BudgetRow } from "../../app/models/budget.server";
import { saveMonthlyReport } from "../../app/models/monthly-report.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { toastIn } from "../support/toast";
import { makeOrgWithOwner, type TwoStartups, twoStartups } from "../support/factories";
import { routeData } from "../support/route-data";
import { at } from "../support/at";
import { reportFigures } from "../support/report-inputs";

const ROUTE = "routes/o.$orgSlug.budgets._index";
const YEAR = 2025;

let app: TestApp;
let { alpha, beta, alphaOwner, alphaMember, alphaViewer, betaOwner } = {} as TwoStartups;

const report = reportFigures;

async function budgetsOf(org: { id: string }) {
  return withSystem(app.database.db, (tx) => tx.select().from(budgets).where(eq(budgets.orgId, org.id)));
}

async function auditOf(org: { id: string }) {
  return withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.orgId, org.id)));
}

// The budget page is an index route: posts to its URL carry ?index (harmless on a GET), or the org layout would get them.
const url = (slug: string, year = YEAR, data = true) => (data ? routeData(`/o/${slug}/budgets?year=${year}`, ROUTE) : `/o/${slug}/budgets?year=${year}&index`);

async function tokenOf(client: TestClient, slug: string, year = YEAR): Promise<string> {
  const response = await client.get(url(slug, year));
  expect(response.status).toBe(200);
  return (await response.json()).budgets.token;
}

beforeAll(async () => {
  app = await startTestApp();
  ({ alpha, beta, alphaOwner, alphaMember, alphaViewer, betaOwner } = await twoStartups(app, "Alpha Budgets", "Beta Budgets"));
});
afterAll(() => app.close());

describe("budget grid over HTTP", () => {
  it("saves edited cells in one go, with one audit entry holding before and after", async () => {
    const token = await tokenOf(alphaMember, alpha.org.slug);
    const response = await alphaMember.post(url(alpha.org.slug), {
      year: String(YEAR),
      token,
      "b:2025-01:compute": "100,000.00",
      "b:2025-01:payroll": "200000",
      "b:2025-02:compute": "",
      "b:2025-02:data": "12.5",
    });
    expect(response.status).toBe(204); // a redirect to the same year, answered to a JavaScript submission
    expect(response.headers.get("x-remix-redirect")).toBe(`/o/${alpha.org.slug}/budgets?year=${YEAR}`);
    expect(toastIn(await (await alphaMember.get(`/o/${alpha.org.slug}/budgets?year=${YEAR}`)).text())).toBe(`Saved the ${YEAR} budget (3 cells changed).`);
    const grid = await listBudgets(alpha.ctx, YEAR);
    expect(grid.grid["2025-01"]).toEqual({ compute: 100_000_00, payroll: 200_000_00 });
    expect(grid.grid["2025-02"]).toEqual({ data: 12_50 });
    const entries = (await auditOf(alpha.org)).filter((e) => e.action === "budget.save_grid");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entityId: "2025",
      before: { "2025-01:compute": null, "2025-01:payroll": null, "2025-02:data": null },
      after: { "2025-01:compute": 100_000_00, "2025-01:payroll": 200_000_00, "2025-02:data": 12_50 },
    });
  });

  it("clears a cell left empty and leaves unchanged cells untouched", async () => {
    const token = await tokenOf(alphaOwner, alpha.org.slug);
    const versionBefore = (await budgetsOf(alpha.org)).find((b) => b.month === "2025-01" && b.category === "payroll")!.version;
    const response = await alphaOwner.post(url(alpha.org.slug), {
      year: String(YEAR),
      token,
      "b:2025-01:compute": "100000",
      "b:2025-01:payroll": "200000.00",
      "b:2025-02:data": "",
    });
    expect(response.status).toBe(204);
    const rows = await budgetsOf(alpha.org);
    expect(rows.find((b) => b.month === "2025-02")).toBeUndefined();
    expect(rows.find((b) => b.month === "2025-01" && b.category === "payroll")!.version).toBe(versionBefore);
  });

  it("two saves from the same grid: the second gets 409 and the first one's figures stay", async () => {
    const token = await tokenOf(alphaOwner, alpha.org.slug);
    const first = await alphaOwner.post(url(alpha.org.slug), { year: String(YEAR), token, "b:2025-03:research": "5000" });
    expect(first.status).toBe(204);
    const second = await alphaMember.post(url(alpha.org.slug), { year: String(YEAR), token, "b:2025-03:research": "9999" });
    expect(second.status).toBe(409);
    const body = await second.json();
    expect(body.formError).toMatch(/someone else saved the 2025 budget/i);
    expect(body.conflict.current.grid["2025-03"]).toEqual({ research: 5_000_00 });
    expect((await budgetsOf(alpha.org)).find((b) => b.month === "2025-03")).toMatchObject({ category: "research", amount: 5_000_00 });
    const page = await alphaMember.post(url(alpha.org.slug, YEAR, false), { year: String(YEAR), token, "b:2025-03:research": "7777" });
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain("Your entries that were not saved");
    expect(html).toContain("2025-03 Research: yours 7777, saved 5,000.00");
  });

  it("answers 400 and writes nothing for negative amounts, unknown categories and impossible months", async () => {
    const token = await tokenOf(alphaOwner, alpha.org.slug);
    const before = await budgetsOf(alpha.org);
    const auditBefore = (await auditOf(alpha.org)).length;
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ "b:2025-04:compute": "-1" }, "b:2025-04:compute", /cannot be negative/],
      [{ "b:2025-04:compute": "1.234" }, "b:2025-04:compute", /two decimals/],
      [{ "b:2025-04:marketing": "10" }, "b:2025-04:marketing", /Unknown category/],
      [{ "b:2026-13:compute": "10" }, "b:2026-13:compute", /YYYY-MM/],
      [{ "b:2024-12:compute": "10" }, "b:2024-12:compute", /not in fiscal year 2025/],
    ];
    for (const [cells, field, message] of cases) {
      const response = await alphaOwner.post(url(alpha.org.slug), { year: String(YEAR), token, "b:2025-04:payroll": "1", ...cells });
      expect(response.status).toBe(400);
      expect((await response.json()).fieldErrors[field]).toMatch(message);
    }
    const badYear = await alphaOwner.post(url(alpha.org.slug), { year: "1999", token, "b:1999-01:compute": "1" });
    expect(badYear.status).toBe(400);
    expect(await budgetsOf(alpha.org)).toEqual(before);
    expect((await auditOf(alpha.org)).length).toBe(auditBefore);
  });

  it("a viewer sees the grid read-only and gets 403 on save, with nothing written", async () => {
    const page = await alphaViewer.get(url(alpha.org.slug, YEAR, false));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("read-only access");
    expect(html).not.toContain("Save budget");
    const token = await tokenOf(alphaViewer, alpha.org.slug);
    const before = await budgetsOf(alpha.org);
    const response = await alphaViewer.post(url(alpha.org.slug), { year: String(YEAR), token, "b:2025-05:compute": "1" });
    expect(response.status).toBe(403);
    expect(await budgetsOf(alpha.org)).toEqual(before);
  });

  it("another org's member gets 404 for this org's budgets, export and saves, and nothing is written", async () => {
    const before = await budgetsOf(alpha.org);
    expect((await betaOwner.get(url(alpha.org.slug))).status).toBe(404);
    expect((await betaOwner.get(`/o/${alpha.org.slug}/budgets.csv`)).status).toBe(404);
    const token = await tokenOf(betaOwner, beta.org.slug);
    expect((await betaOwner.post(url(alpha.org.slug), { year: String(YEAR), token, "b:2025-05:compute": "1" })).status).toBe(404);
    expect(await budgetsOf(alpha.org)).toEqual(before);
    // Org B's own page never shows org A's cells.
    const own = await (await betaOwner.get(url(beta.org.slug))).json();
    expect(own.budgets.grid["2025-01"]).toEqual({});
  });

  it("exports month,category,amount in major units", async () => {
    const response = await alphaViewer.get(`/o/${alpha.org.slug}/budgets.csv`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split("\n");
    expect(lines).toEqual(["month,category,amount", "2025-01,compute,100000.00", "2025-01,payroll,200000.00", "2025-03,research,5000.00"]);
  });

  it("404s for an unknown year and for an investor org", async () => {
    expect((await alphaOwner.get(url(alpha.org.slug, 1999))).status).toBe(404);
    const investor = await makeOrgWithOwner(app.database, "investor", "Fund Budgets");
    const fund = await app.signIn(investor.owner.email);
    expect((await fund.get(url(investor.org.slug))).status).toBe(404);
  });
});

describe("budget vs actual", () => {
  let ctx: OrgContext;
  let client: TestClient;
  let slug: string;

  beforeAll(async () => {
    const made = await makeOrgWithOwner(app.database, "startup", "Variance Co");
    ctx = made.ctx;
    slug = made.org.slug;
    client = await app.signIn(made.owner.email);
    await saveMonthlyReport(ctx, "2025-03", null, report({ compute: 115_000_00, payroll: 210_000_00, data: 5_00 }));
    await saveMonthlyReport(ctx, "2025-04", null, report({ compute: 80_000_00 }));
    const { token } = await listBudgets(ctx, YEAR);
    await saveBudgetGrid(
      ctx,
      YEAR,
      [
        { month: "2025-03", category: "compute", amount: 100_000_00 },
        { month: "2025-03", category: "payroll", amount: 200_000_00 },
        { month: "2025-03", category: "data", amount: 0 },
        { month: "2025-04", category: "compute", amount: 100_000_00 },
        { month: "2025-05", category: "compute", amount: 100_000_00 },
      ],
      token,
    );
  });

  it("gives variance = actual − budget and variance % = (actual − budget) / budget, flagging overruns above 10 %", async () => {
    const result = await budgetVsActual(ctx, YEAR);
    expect(result.thresholdBp).toBe(1000);
    const march = result.months.find((m) => m.month === "2025-03")!;
    expect(march.cells.compute).toEqual({ actual: 115_000_00, budget: 100_000_00, variance: 15_000_00, variancePercent: 0.15, overrun: true });
    expect(march.cells.payroll).toEqual({ actual: 210_000_00, budget: 200_000_00, variance: 10_000_00, variancePercent: 0.05, overrun: false });
    // Spend against a zero budget is an overrun with no percentage.
    expect(march.cells.data).toEqual({ actual: 5_00, budget: 0, variance: 5_00, variancePercent: null, overrun: true });
    // No budget set: shown, never compared.
    expect(march.cells.research).toEqual({ actual: 0, budget: null, variance: null, variancePercent: null, overrun: false });
    expect(march.total).toMatchObject({ actual: 325_005_00, budget: 300_000_00, variance: 25_005_00, overrun: false });
    const april = result.months.find((m) => m.month === "2025-04")!;
    expect(april.cells.compute).toMatchObject({ variance: -20_000_00, variancePercent: -0.2, overrun: false });
    // May has a budget but no report: not compared, not counted in the year to date.
    expect(result.months.find((m) => m.month === "2025-05")!.cells.compute).toMatchObject({ actual: null, budget: 100_000_00, variance: null });
    expect(result.yearToDate.compute).toMatchObject({ actual: 195_000_00, budget: 200_000_00, variance: -5_000_00, variancePercent: -0.025 });
  });

  it("uses the org's own overrun threshold", async () => {
    await withSystem(app.database.db, (tx) => tx.update(orgs).set({ budgetOverrunThresholdBp: 2000 }).where(eq(orgs.id, ctx.org.id)));
    const march = (await budgetVsActual(ctx, YEAR)).months.find((m) => m.month === "2025-03")!;
    expect(march.cells.compute.overrun).toBe(false);
    await withSystem(app.database.db, (tx) => tx.update(orgs).set({ budgetOverrunThresholdBp: 1000 }).where(eq(orgs.id, ctx.org.id)));
  });

  it("marks overruns on the page with a word, not only a colour", async () => {
    const html = await (await client.get(url(slug, YEAR, false))).text();
    expect(html).toContain("Over budget");
    expect(html).toContain("Within budget");
    expect(html).toContain("Over budget in Compute, Data");
  });
});

describe("bulk upsert for the importer", () => {
  const rows: BudgetRow[] = [
    { month: "2024-01", category: "compute", amount: 10_00 },
    { month: "2024-01", category: "payroll", amount: 20_00 },
    { month: "2024-02", category: "other", amount: 0 },
  ];
  const run = (ctx: OrgContext, batch: BudgetRow[]) => withTenant(ctx.db, ctx.org.id, (tx) => upsertBudgets(tx, ctx, batch));

  it("is idempotent: the same rows again insert and update nothing", async () => {
    const { ctx, org } = await makeOrgWithOwner(app.database, "startup", "Bulk Budgets");
    expect(await run(ctx, rows)).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    const auditCount = (await auditOf(org)).length;
    expect(auditCount).toBe(3 + 1); // one per row, plus the org's creation
    expect(await run(ctx, rows)).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect((await budgetsOf(org)).every((b) => b.version === 1)).toBe(true);
    expect((await auditOf(org)).length).toBe(auditCount);
    const changed = [...rows.slice(0, 2), { ...at(rows, 2), amount: 1 }, { month: "2024-03", category: "data", amount: 5 }];
    expect(await run(ctx, changed)).toEqual({ inserted: 1, updated: 1, unchanged: 2 });
    const update = (await auditOf(org)).find((e) => e.action === "budget.import_update")!;
    expect(update).toMatchObject({ entityId: "2024-02:other", before: { amount: 0 }, after: { amount: 1, version: 2 } });
  });

  it("refuses an unknown category and writes nothing", async () => {
    const { ctx, org } = await makeOrgWithOwner(app.database, "startup", "Bulk Budgets Two");
    await expect(run(ctx, [...rows, { month: "2024-01", category: "marketing", amount: 1 }])).rejects.toMatchObject({ code: "INVALID" });
    expect(await budgetsOf(org)).toHaveLength(0);
  });
});
