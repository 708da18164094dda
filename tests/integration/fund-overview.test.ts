import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { orgs, reportUpdates } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { getFundOverview, type FundOverview } from "../../app/models/fund-overview.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { ago, CM, seedNorthstarPortfolio } from "../support/portfolio-seed";
import { expectWords, pageOf } from "../support/shown-page";

/**
 * Issue #15 item 13: the fund's home page is its overview — new alerts, late reports,
 * companies under the runway thresholds, recent updates, pending access requests — each from
 * what the fund may read now and nothing else.
 */
let app: TestApp;
let seeded: Awaited<ReturnType<typeof seedNorthstarPortfolio>>;
let owner: TestClient;
let overview: FundOverview;

beforeAll(async () => {
  app = await startTestApp();
  seeded = await seedNorthstarPortfolio(app.database);
  const orgIdOf = async (slug: string) => (await withSystem(app.database.db, (tx) => tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, slug))))[0]!.id;
  // Delta shares updates; Echo does not (financials only): its update must never show.
  for (const [slug, text] of [
    [seeded.slugs.delta, "Signed our first automotive customer"],
    [seeded.slugs.echo, "Echo hidden highlight"],
  ] as const) {
    const orgId = await orgIdOf(slug);
    await withTenant(app.database.db, orgId, (tx) =>
      tx.insert(reportUpdates).values({ orgId, month: ago(slug === seeded.slugs.delta ? 1 : 5), highlights: text }),
    );
  }
  // After the due day of last month's report: Cologne (last report two months ago) and Echo are late.
  overview = await getFundOverview(seeded.fund.ctx, { today: `${CM}-20` });
  owner = app.client();
  await owner.login(seeded.fund.owner.email, TEST_PASSWORD);
}, 120_000);
afterAll(() => app?.close());

describe("the fund overview model", () => {
  it("counts only companies with an approved grant", () => {
    expect(overview.companyCount).toBe(5);
  });

  it("lists late reports, the longest overdue first, with the month owed and its due date", () => {
    expect(overview.lateReports.companies.map((c) => c.name)).toEqual(["Echo Vision", "Cologne Labs"]);
    expect(overview.lateReports.total).toBe(2);
    const cologne = overview.lateReports.companies.find((c) => c.name === "Cologne Labs")!;
    expect(cologne.owedMonth).toBe(ago(1));
    expect(cologne.dueDate).toBe(`${CM}-15`);
  });

  it("lists companies under the runway thresholds, shortest first, with their level", () => {
    // Cologne: 100,000 cash ÷ 60,000 average net burn = 1.6 months (critical below 3).
    expect(overview.lowRunway.companies).toEqual([expect.objectContaining({ name: "Cologne Labs", runwayMonths: 1.6, level: "critical" })]);
    expect(overview.runwayThresholds).toEqual({ cautionBelowMonths: 6, criticalBelowMonths: 3 });
  });

  it("shows new (unacknowledged) alerts, critical first, and their counts", () => {
    expect(overview.alerts.counts.unacknowledged).toBeGreaterThan(0);
    expect(overview.alerts.newest.length).toBe(Math.min(5, overview.alerts.counts.unacknowledged));
    expect(overview.alerts.newest[0]).toMatchObject({ severity: "critical" });
    expect(overview.alerts.newest.map((a) => a.companyName)).toContain("Cologne Labs");
    expect(overview.alerts.newest.map((a) => a.companyName)).not.toContain("Foxtrot Pending");
  });

  it("shows the updates of companies that share them, and only those", () => {
    expect(overview.recentUpdates.map((u) => [u.companyName, u.month, u.highlights])).toEqual([
      ["Delta Robotics", ago(1), "Signed our first automotive customer"],
    ]);
  });

  it("lists the fund's own unanswered access requests", () => {
    expect(overview.pendingRequests).toHaveLength(1);
  });

  it("does not exist for a startup", async () => {
    const startup = await makeOrgWithOwner(app.database, "startup", "Overview Startup");
    await expect(getFundOverview(startup.ctx)).rejects.toMatchObject({ status: 404 });
  });

  it("shows another fund none of this fund's companies", async () => {
    const other = await getFundOverview(seeded.otherFund.ctx, { today: `${CM}-20` });
    const names = [...other.lateReports.companies, ...other.lowRunway.companies, ...other.alerts.newest.map((a) => ({ name: a.companyName }))].map(
      (c) => c.name,
    );
    expect(names.filter((n) => n !== "Hotel Elsewhere")).toEqual([]);
    expect(other.recentUpdates).toEqual([]);
  });
});

describe("the fund's home page", () => {
  it("shows each list with its definition in English", async () => {
    const { html } = await pageOf(await owner.get(`/o/${seeded.fund.org.slug}/overview`));
    const shown = [
      "New early warnings",
      "Late reports",
      "A report is late once its due date has passed",
      "Runway below your thresholds",
      "Critical below 3 months, caution below 6 months",
      "Recent investor updates",
      "Signed our first automotive customer",
      "Pending access requests",
      "Echo Vision",
    ];
    expectWords(html, shown, ["Echo hidden highlight"]);
  });

  it("says the same in Chinese", async () => {
    const html = await (await owner.get(`/o/${seeded.fund.org.slug}/overview`, { "Accept-Language": "zh-CN" })).text();
    for (const shown of ["新的早期预警", "逾期未交的报告", "现金跑道低于阈值", "低于 3 个月为严重", "最新投资人更新", "待答复的访问申请"])
      expect(html, shown).toContain(shown);
  });

  it("gives a startup's member of another org a 404 for this fund's page", async () => {
    const stranger = await makeOrgWithOwner(app.database, "startup", "Stranger Startup");
    const client = app.client();
    await client.login(stranger.owner.email, TEST_PASSWORD);
    expect((await client.get(`/o/${seeded.fund.org.slug}`)).status).toBe(404);
    expect((await client.get(`/o/${seeded.fund.org.slug}/overview`)).status).toBe(404);
  });
});
