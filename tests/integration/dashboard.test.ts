import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgets, debtFacilities, fundingRounds, monthlyReports, reportUpdates, risks } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import type { OrgContext } from "../../app/auth/context";
import { startTestApp, type TestApp } from "../support/app-server";
import { addMember, makeOrgWithOwner, signedInOwner } from "../support/factories";
import { routeData } from "../support/route-data";
import { textOf } from "../support/html-text";
import { bulletLoan, major, type ReportFigures, reportRows, WORKED_EXAMPLE } from "../support/worked-example";

const ROUTE = "routes/o.$orgSlug._index";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Monthly reports with all spend in one category (payroll), each month with the same highlights if given. */
async function seedReports(ctx: OrgContext, rows: ReportFigures[], extra: { highlights?: string } = {}) {
  await withTenant(app.database.db, ctx.org.id, async (tx) => {
    await tx.insert(monthlyReports).values(reportRows(ctx.org.id, rows));
    if (extra.highlights) {
      await tx.insert(reportUpdates).values(rows.map((r) => ({ orgId: ctx.org.id, month: r.month, highlights: extra.highlights })));
    }
  });
}

/** A startup with these monthly reports, and its owner signed in. */
async function startupWithReports(name: string, rows: ReportFigures[], extra: { highlights?: string } = {}) {
  const made = await makeOrgWithOwner(app.database, "startup", name);
  await seedReports(made.ctx, rows, extra);
  return { ...made, browser: await app.signIn(made.owner.email) };
}

async function dashboardJson(browser: ReturnType<TestApp["client"]>, slug: string, query = "") {
  const response = await browser.get(routeData(`/o/${slug}${query ? `?${query}` : ""}`, ROUTE));
  expect(response.status).toBe(200);
  return response.json();
}

/** The page as a user reads it: text only, tags and HTML entities flattened. */
async function pageText(browser: ReturnType<TestApp["client"]>, path: string) {
  const response = await browser.get(path);
  expect(response.status).toBe(200);
  return textOf(await response.text());
}

describe("company dashboard", () => {
  it("shows the spec's worked example: cash, average net burn, runway, cash-out month, default alive", async () => {
    const { org, browser } = await startupWithReports("Worked Example AI", WORKED_EXAMPLE);
    const text = await pageText(browser, `/o/${org.slug}`);
    expect(text).toContain("$1,200,000");
    expect(text).toContain("Cash at the end of Apr 2026, the latest reported month.");
    expect(text).toContain("$130,000");
    expect(text).toContain("over the last 3 reported months (Feb 2026 – Apr 2026)");
    expect(text).toContain("9.2 months");
    expect(text).toMatch(/Cash-out month\s*Feb 2027/);
    expect(text).toContain("Default alive");
    expect(text).toContain("profitable from Nov 2026");
    expect(text).not.toContain("Short history");
    // Burn multiple needs ARR: the card explains why there is none instead of a number.
    expect(text).toMatch(/Burn multiple\s*Not available/);
    expect(text).toContain("Needs ARR in both Apr 2026 and Jan 2026.");

    const data = await dashboardJson(browser, org.slug);
    expect(data.window).toBe(3);
    expect(data.dashboard.headline).toMatchObject({
      month: "2026-04",
      cash: major(1_200_000),
      averageNetBurn: major(130_000),
      runwayMonths: 9.2,
      cashOutMonth: "2027-02",
      shortHistory: false,
      defaultAlive: { outcome: "profitable", month: "2026-11" },
    });
  });

  it("calls a company whose revenue already covers its spending alive and profitable from that month itself (en and zh)", async () => {
    const { org, browser } = await startupWithReports("Already Profitable AI", [
      { month: "2026-02", spend: 100_000, revenue: 90_000, cash: 520_000 },
      { month: "2026-03", spend: 100_000, revenue: 98_000, cash: 518_000 },
      { month: "2026-04", spend: 100_000, revenue: 104_000, cash: 522_000 },
    ]);
    const data = await dashboardJson(browser, org.slug);
    expect(data.dashboard.headline.defaultAlive).toMatchObject({
      outcome: "profitable",
      month: "2026-04",
      lowestCash: { month: "2026-04", cash: major(522_000) },
    });
    const text = await pageText(browser, `/o/${org.slug}`);
    expect(text).toContain("profitable from Apr 2026");
    expect(text).toContain(
      "Revenue in Apr 2026 ($104,000) already covers its gross burn ($100,000): default alive and profitable from that month, with no projection.",
    );
    expect(text).not.toContain("May 2026");
    browser.cookies.set("lang", "zh-CN");
    const zh = await pageText(browser, `/o/${org.slug}`);
    expect(zh).toContain("自2026年4月起盈利");
    expect(zh).toContain("2026年4月的收入（US$104,000）已覆盖当月总消耗（US$100,000）：默认存活，自该月起盈利，无需预测。");
  });

  it("says there is not enough history for a growth rate with three months of revenue, and what the projection assumed (en and zh)", async () => {
    // Revenue 12.0k → 14.5k → 17.8k: no report for 2026-01, so no revenue(m−3).
    const { org, browser } = await startupWithReports("Young Growth AI", [
      { month: "2026-02", spend: 100_000, revenue: 12_000, cash: 664_400 },
      { month: "2026-03", spend: 100_000, revenue: 14_500, cash: 578_900 },
      { month: "2026-04", spend: 100_000, revenue: 17_800, cash: 500_000 },
    ]);
    const data = await dashboardJson(browser, org.slug);
    expect(data.dashboard.headline.defaultAlive).toMatchObject({
      outcome: "cash_out",
      month: "2026-11",
      growth: "not_enough_history",
      verdictAssumesGrowth: true,
    });
    const html = await (await browser.get(`/o/${org.slug}`)).text();
    const text = await pageText(browser, `/o/${org.slug}`);
    expect(text).not.toMatch(/grows 0/);
    expect(text).toContain(
      "Not enough history for a growth rate: it needs revenue for Jan 2026, three months before Apr 2026, and that month was not reported.",
    );
    expect(text).toContain("The projection assumes revenue stays at $17,800 a month and expenses at $100,000 (Apr 2026's gross burn).");
    expect(text).toMatch(/Default alive\?\s*Dead if revenue stays flat\s*cash runs out Nov 2026/);
    // Not the red "Default dead" of a verdict the history supports: an amber badge.
    const card = html.slice(html.indexOf('data-testid="card-default-alive"'), html.indexOf('data-testid="card-burn-multiple"'));
    expect(card).not.toContain("Default dead");
    expect(card).not.toContain("bg-red");
    expect(card).toContain("bg-amber");
    browser.cookies.set("lang", "zh-CN");
    const zh = await pageText(browser, `/o/${org.slug}`);
    expect(zh).toContain("历史不足，无法计算增长率：需要 2026年1月（2026年4月之前第三个月）的收入，而该月未报告。");
    expect(zh).toContain("预测假设收入保持每月 US$17,800，支出保持 US$100,000（2026年4月的总消耗）。");
    expect(zh).toContain("收入持平则默认死亡");
    expect(zh).not.toMatch(/增长 0/);
  });

  it("shows a runway of 9.27 months as 9.2, rounded down", async () => {
    const { org, browser } = await startupWithReports("Nine Point Two AI", [
      { month: "2026-02", spend: 100_000, revenue: 0, cash: 1_127_000 },
      { month: "2026-03", spend: 100_000, revenue: 0, cash: 1_027_000 },
      { month: "2026-04", spend: 100_000, revenue: 0, cash: 927_000 },
    ]);
    const text = await pageText(browser, `/o/${org.slug}`);
    expect(text).toMatch(/Runway\s*9\.2 months/);
    expect(text).not.toContain("9.3 months");
  });

  it("changes the average with the window and flags a window longer than the history", async () => {
    // Net burns 100k, 100k, 190k: the 1-month and 3-month averages differ.
    const { org, browser } = await startupWithReports("Window Labs", [
      { month: "2026-02", spend: 120_000, revenue: 20_000, cash: 1_000_000 },
      { month: "2026-03", spend: 120_000, revenue: 20_000, cash: 900_000 },
      { month: "2026-04", spend: 210_000, revenue: 20_000, cash: 710_000 },
    ]);

    const three = await dashboardJson(browser, org.slug);
    expect(three.dashboard.headline.averageNetBurn).toBe(major(130_000));

    const one = await dashboardJson(browser, org.slug, "window=1");
    expect(one.window).toBe(1);
    expect(one.dashboard.headline.averageNetBurn).toBe(major(190_000));
    const oneText = await pageText(browser, `/o/${org.slug}?window=1`);
    expect(oneText).toContain("$190,000");
    expect(oneText).toContain("over the latest reported month (Apr 2026)");
    expect(oneText).toContain("3.7 months"); // 710,000 / 190,000 = 3.73…, rounded down

    const sixText = await pageText(browser, `/o/${org.slug}?window=6`);
    expect(sixText).toContain("over the last 6 reported months (Nov 2025 – Apr 2026)");
    expect(sixText).toContain("Short history: only 3 of 6 months in the window are reported.");

    // Anything else falls back to the default window.
    expect((await dashboardJson(browser, org.slug, "window=5")).window).toBe(3);
  });

  it("moves the cash-out month earlier when a debt facility's service is due", async () => {
    const { owner, org, ctx } = await makeOrgWithOwner(app.database, "startup", "Leveraged AI");
    await seedReports(ctx, WORKED_EXAMPLE);
    // Bullet loan of 500,000 at 12 %: 5,000 interest a month from 2026-05, principal at the end.
    await withTenant(app.database.db, ctx.org.id, (tx) => tx.insert(debtFacilities).values(bulletLoan(ctx.org.id, "Harbour Bank")));
    const browser = await app.signIn(owner.email);
    const data = await dashboardJson(browser, org.slug);
    // 1,200,000 − 9 × (130,000 + 5,000) = −15,000 at the end of 2027-01.
    expect(data.dashboard.headline.cashOutMonth).toBe("2027-01");
    expect(data.dashboard.headline.facilitiesInForecast).toBe(1);
    expect(data.dashboard.debt.months).toHaveLength(24);
    expect(data.dashboard.debt.months[0]).toEqual({ month: "2026-05", interest: major(5_000), principal: 0 });

    const text = await pageText(browser, `/o/${org.slug}`);
    expect(text).toMatch(/Cash-out month\s*Jan 2027/);
    expect(text).toContain("plus scheduled debt service of 1 facility");
    expect(text).toContain("Debt service ahead");
    expect(text).toContain("Harbour Bank");
    // Projected cash 1,065,000 (2026-05), 930,000 (2026-06): below the 1,000,000 minimum within 3 months.
    expect(text).toContain("projected below minimum cash in Jun 2026");
  });

  it("shows budget vs actual, the risk heat map and capital raised from the org's records", async () => {
    const { owner, org, ctx } = await makeOrgWithOwner(app.database, "startup", "Recorded Co");
    await seedReports(ctx, WORKED_EXAMPLE);
    await withTenant(app.database.db, ctx.org.id, async (tx) => {
      await tx
        .insert(budgets)
        .values(
          ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"].map((month) => ({ orgId: ctx.org.id, month, category: "payroll", amount: major(140_000) })),
        );
      await tx.insert(risks).values([
        { orgId: ctx.org.id, title: "GPU supply squeeze", category: "technical", likelihood: 4, impact: 4, status: "open" },
        { orgId: ctx.org.id, title: "Old closed risk", category: "market", likelihood: 5, impact: 5, status: "closed" },
      ]);
      await tx.insert(fundingRounds).values({ orgId: ctx.org.id, instrument: "seed", closeDate: "2025-12-01", amount: major(2_000_000), currency: "USD" });
    });
    const browser = await app.signIn(owner.email);
    const data = await dashboardJson(browser, org.slug);
    // Year to date over the four reported months: budget 560,000, actual 620,000 → +60,000, 10.7 % over.
    expect(data.dashboard.budget.monthsCompared).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(data.dashboard.budget.rows).toEqual([
      expect.objectContaining({
        category: "payroll",
        budget: major(560_000),
        actual: major(620_000),
        variance: major(60_000),
        overrun: true,
        fullYearBudget: major(700_000),
      }),
    ]);
    expect(data.dashboard.risks.heatMap[3][3]).toBe(1);
    expect(data.dashboard.risks.heatMap[4][4]).toBe(0);

    const text = await pageText(browser, `/o/${org.slug}`);
    expect(text).toContain("Budget vs actual, fiscal year 2026");
    expect(text).toContain("Over budget: Payroll.");
    expect(text).toContain("GPU supply squeeze");
    expect(text).not.toContain("Old closed risk");
    expect(text).toContain("1 accepted or closed risk left out.");
    expect(text).toContain("$2,000,000");
    const html = await (await browser.get(`/o/${org.slug}`)).text();
    expect(html).toMatch(/data-cell="4x4"[^>]*>1</);
  });

  it("sends the browser only what the page shows", async () => {
    const { org, ctx, browser } = await startupWithReports("Quiet Co", WORKED_EXAMPLE, { highlights: "Confidential pilot with a bank" });
    const raw = await (await browser.get(routeData(`/o/${org.slug}`, ROUTE))).text();
    expect(raw).not.toContain("Confidential pilot");
    expect(raw).not.toContain(ctx.org.id);
    expect(raw).not.toContain("orgId");
  });

  it("lets a viewer read the dashboard, without edit links in the empty state", async () => {
    const { org, ctx } = await makeOrgWithOwner(app.database, "startup", "Viewer Visible");
    await seedReports(ctx, WORKED_EXAMPLE);
    const { user } = await addMember(app.database, ctx, "viewer");
    const browser = await app.signIn(user.email);
    const text = await pageText(browser, `/o/${org.slug}`);
    expect(text).toContain("$1,200,000");
    expect(text).toContain("9.2 months");

    const empty = await makeOrgWithOwner(app.database, "startup", "Viewer Empty");
    const viewer = await addMember(app.database, empty.ctx, "viewer");
    const viewerBrowser = await app.signIn(viewer.user.email);
    const html = await (await viewerBrowser.get(`/o/${empty.org.slug}`)).text();
    expect(html).toContain("No monthly reports yet");
    expect(html).not.toContain(`/o/${empty.org.slug}/reports/new`);
  });

  it("answers 404 to a user of another org, for the page and its data", async () => {
    const { org, ctx } = await makeOrgWithOwner(app.database, "startup", "Private Numbers");
    await seedReports(ctx, WORKED_EXAMPLE);
    const { org: otherOrg, client: browser } = await signedInOwner(app, "startup", "Nosy Neighbour");
    const page = await browser.get(`/o/${org.slug}`);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("1,200,000");
    const data = await browser.get(routeData(`/o/${org.slug}`, ROUTE));
    expect(data.status).toBe(404);
    // Their own dashboard shows their own (empty) records, not the other org's.
    expect(await (await browser.get(`/o/${otherOrg.slug}`)).text()).toContain("No monthly reports yet");
  });

  it("shows what to do next when the org has no reports yet", async () => {
    const { org, client: browser } = await signedInOwner(app, "startup", "Fresh Start");
    const html = await (await browser.get(`/o/${org.slug}`)).text();
    expect(html).toContain("No monthly reports yet");
    expect(html).toContain(`href="/o/${org.slug}/reports/new"`);
    expect(html).toContain(`href="/o/${org.slug}/reports/import"`);
    expect(html).toContain("Enter a month");
    expect(html).toContain("Import a CSV");
    const data = await dashboardJson(browser, org.slug);
    expect(data.dashboard).toEqual({ kind: "empty", currency: "USD" });
  });

  it("shows an investor org without companies its empty overview (what to do next, its requests), not a company dashboard", async () => {
    const { org, client: browser } = await signedInOwner(app, "investor", "Some Fund");
    // A fund's home is its overview, a page of its own: the org's address sends it there.
    const home = await browser.get(`/o/${org.slug}`);
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe(`/o/${org.slug}/overview`);
    const text = await pageText(browser, `/o/${org.slug}/overview`);
    expect(text).toContain("No company has approved access yet.");
    expect(text).toContain("No companies yet");
    expect(text).toContain("No request of yours is waiting for an answer.");
    expect(text).not.toContain("No monthly reports yet");
  });

  it("has no fund overview for a startup: its address is a 404 there", async () => {
    const { org, client: browser } = await signedInOwner(app, "startup", "Not A Fund");
    expect((await browser.get(`/o/${org.slug}/overview`)).status).toBe(404);
  });
});
