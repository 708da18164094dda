import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessGrants, auditLog, budgets, companyMetrics, debtFacilities, fundingRounds, monthlyReports, reportUpdates, risks } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { findCompanyAccess } from "../../app/models/company-access.server";
import { getCompanyViewForInvestor } from "../../app/models/company-view.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { readAlone } from "../support/company-view-parts";
import { grantAccess, makeOrgWithOwner } from "../support/factories";
import { routeData } from "../support/route-data";
import { textOf } from "../support/html-text";
import { bulletLoan, major, type ReportFigures, reportRows, WORKED_EXAMPLE } from "../support/worked-example";

const ROUTE = "routes/o.$orgSlug.companies.$companySlug";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;

/** Distinctive values of each section, to look for (or not) in the page and its data. */
const RISK_TITLE = "Cooling failure at the Oslo cluster";
const ROUND_LEAD = "Obsidian Partners";
const ROUND_AMOUNT = 7_654_321;
const LENDER = "Harbour Mezzanine Bank";
const UPDATE_TEXT = "Signed the Zephyr pilot";

async function seedReports(org: Org, rows: ReportFigures[], updates: Record<string, string> = {}) {
  await withTenant(app.database.db, org.org.id, async (tx) => {
    await tx.insert(monthlyReports).values(reportRows(org.org.id, rows, "compute and payroll"));
    const texts = Object.entries(updates);
    if (texts.length > 0) await tx.insert(reportUpdates).values(texts.map(([month, highlights]) => ({ orgId: org.org.id, month, highlights })));
    await refreshCompanyMetrics(tx, org.org.id);
  });
}

async function seedRecords(org: Org, options: { facility?: boolean } = {}) {
  await withTenant(app.database.db, org.org.id, async (tx) => {
    await tx.insert(risks).values({ orgId: org.org.id, title: RISK_TITLE, category: "technical", likelihood: 4, impact: 5, status: "open" });
    await tx
      .insert(fundingRounds)
      .values({ orgId: org.org.id, instrument: "seed", closeDate: "2025-10-01", amount: major(ROUND_AMOUNT), currency: "USD", leadInvestor: ROUND_LEAD });
    await tx
      .insert(budgets)
      .values(["2026-01", "2026-02", "2026-03", "2026-04"].map((month) => ({ orgId: org.org.id, month, category: "payroll", amount: major(60_000) })));
    if (options.facility) {
      await tx.insert(debtFacilities).values(bulletLoan(org.org.id, LENDER, "venture_debt"));
    }
  });
}

async function insertGrant(startup: Org, investor: Org, status: "requested" | "revoked") {
  await withSystem(app.database.db, (tx) =>
    tx.insert(accessGrants).values({
      orgId: startup.org.id,
      investorOrgId: investor.org.id,
      status,
      initiatedBy: "investor",
      sections: status === "revoked" ? ["financials", "funding_debt", "budgets", "risks", "updates"] : [],
      decidedAt: status === "revoked" ? new Date() : null,
    }),
  );
}

async function signedIn(org: Org) {
  return app.signIn(org.owner.email);
}

const pathOf = (investor: Org, company: Org, query = "") => `/o/${investor.org.slug}/companies/${company.org.slug}${query}`;
const dataPath = (investor: Org, company: Org, query = "") => routeData(pathOf(investor, company, query ? `?${query}` : ""), ROUTE);

async function view(browser: ReturnType<TestApp["client"]>, investor: Org, company: Org, query = "") {
  const page = await browser.get(pathOf(investor, company, query ? `?${query}` : ""));
  expect(page.status).toBe(200);
  // The markup: the page's messages JSON (every label its code could show) is not what it shows.
  const html = await page.text();
  const raw = await (await browser.get(dataPath(investor, company, query))).text();
  return { html, text: textOf(html), raw, data: JSON.parse(raw) };
}

async function rowCounts(orgId: string) {
  return withSystem(app.database.db, async (tx) => ({
    reports: (await tx.select({ n: count() }).from(monthlyReports).where(eq(monthlyReports.orgId, orgId)))[0]!.n,
    risks: (await tx.select({ n: count() }).from(risks).where(eq(risks.orgId, orgId)))[0]!.n,
    updates: (await tx.select({ n: count() }).from(reportUpdates).where(eq(reportUpdates.orgId, orgId)))[0]!.n,
    audit: (await tx.select({ n: count() }).from(auditLog)).at(0)!.n,
  }));
}

describe("an investor's view of a portfolio company", () => {
  let startup: Org;
  beforeAll(async () => {
    startup = await makeOrgWithOwner(app.database, "startup", "Worked Example AI");
    await seedReports(startup, WORKED_EXAMPLE, { "2026-03": "Hired a head of sales", "2026-04": UPDATE_TEXT });
    await seedRecords(startup);
  });

  it("shows the shared sections with the spec's figures and nothing of the unshared ones", async () => {
    const investor = await makeOrgWithOwner(app.database, "investor", "Partial Fund");
    await grantAccess(app.database, startup.org, investor.org, ["financials", "risks"]);
    // Another company in the same portfolio: RLS lets this investor read it too, so only the
    // explicit company filter keeps its rows out of this page.
    const neighbour = await makeOrgWithOwner(app.database, "startup", "Neighbour Robotics");
    await seedReports(neighbour, [{ month: "2026-05", spend: 90_000, revenue: 0, cash: 3_333_333 }], { "2026-05": "Neighbour news" });
    await withTenant(app.database.db, neighbour.org.id, (tx) =>
      tx.insert(risks).values({ orgId: neighbour.org.id, title: "Neighbour's own risk", category: "market", likelihood: 2, impact: 2 }),
    );
    await grantAccess(app.database, neighbour.org, investor.org);
    const { html, text, raw, data } = await view(await signedIn(investor), investor, startup);

    expect(text).toContain("$1,200,000");
    expect(text).toContain("$130,000");
    expect(text).toContain("9.2 months");
    expect(text).toMatch(/Cash-out month\s*Feb 2027/);
    expect(text).toContain("profitable from Nov 2026");
    expect(text).toContain(RISK_TITLE);
    expect(text).toContain("Worked Example AI shares with you: Financials, Risks.");
    expect(text).toContain("Not shared: Funding & debt, Budgets, Investor updates");
    expect(text).toContain("Debt service is not included: the company does not share its funding & debt.");
    expect(data.dashboard.financials.headline).toMatchObject({
      month: "2026-04",
      cash: major(1_200_000),
      averageNetBurn: major(130_000),
      runwayMonths: 9.2,
      cashOutMonth: "2027-02",
    });
    expect(data.dashboard.risks.top[0]).toMatchObject({ title: RISK_TITLE, score: 20, band: "critical" });

    // Unshared sections are absent from the data, not just hidden.
    expect(Object.keys(data.dashboard).sort()).toEqual(["currency", "financials", "risks", "window"]);
    expect(data).not.toHaveProperty("updates");
    expect(data.shared).toEqual(["financials", "risks"]);
    for (const body of [html, raw]) {
      expect(body).not.toContain(UPDATE_TEXT);
      expect(body).not.toContain("Hired a head of sales");
      expect(body).not.toContain(ROUND_LEAD);
      expect(body).not.toContain("7,654,321");
      expect(body).not.toContain(String(major(ROUND_AMOUNT)));
      expect(body).not.toContain("Budget vs actual");
      expect(body).not.toContain(startup.org.id);
      expect(body).not.toContain("3,333,333");
      expect(body).not.toContain("2026-05");
      expect(body).not.toContain("Neighbour");
    }
    // Read only: no links into the startup's own pages, no form but the layout's log-out and language
    // switch (each twice: in the header from 640 px up and in the phone menu).
    expect(html).not.toContain(`href="/o/${startup.org.slug}`);
    const actions = [...html.matchAll(/<form[^>]*action="([^"]*)"/g)].map((m) => m[1]).sort();
    expect(actions).toEqual(["/locale", "/locale", "/logout", "/logout"]);
    expect(html.match(/<form/g)).toHaveLength(4);
  });

  it("shows every section with a full grant: rounds, budget vs actual, updates newest first", async () => {
    const investor = await makeOrgWithOwner(app.database, "investor", "Full Fund");
    await grantAccess(app.database, startup.org, investor.org);
    const { html, text, data } = await view(await signedIn(investor), investor, startup);
    expect(text).toContain("$7,654,321");
    expect(text).toContain("Budget vs actual, fiscal year 2026");
    expect(text).toContain(UPDATE_TEXT);
    expect(text.indexOf(UPDATE_TEXT)).toBeLessThan(text.indexOf("Hired a head of sales"));
    expect(data.updates).toMatchObject({ total: 2, page: 1, updates: [{ month: "2026-04", highlights: UPDATE_TEXT }, { month: "2026-03" }] });
    // Payroll: budget 240,000 year to date against actual 310,000 (half of each month's spend).
    expect(data.dashboard.budget.rows).toContainEqual(
      expect.objectContaining({ category: "payroll", budget: major(240_000), actual: major(310_000), variance: major(70_000) }),
    );
    expect(data.dashboard.fundingDebt.raised.total).toBe(major(ROUND_AMOUNT));
    expect(text).not.toContain("Not shared:");
    expect(html).not.toContain(`href="/o/${startup.org.slug}`);

    // The window switch works as on the startup's dashboard.
    const six = await view(await signedIn(investor), investor, startup, "window=6");
    expect(six.data.window).toBe(6);
    expect(six.text).toContain("Short history: only 4 of 6 months in the window are reported.");
    expect(six.html).toContain(`href="${pathOf(investor, startup)}?window=1"`);
  });

  it("answers 404 without an approved grant, for a requested or revoked one, to other orgs and to the startup itself", async () => {
    const none = await makeOrgWithOwner(app.database, "investor", "No Grant Fund");
    const requested = await makeOrgWithOwner(app.database, "investor", "Asking Fund");
    await insertGrant(startup, requested, "requested");
    const revoked = await makeOrgWithOwner(app.database, "investor", "Revoked Fund");
    await insertGrant(startup, revoked, "revoked");
    for (const investor of [none, requested, revoked]) {
      const browser = await signedIn(investor);
      const page = await browser.get(pathOf(investor, startup));
      expect(page.status, investor.org.name).toBe(404);
      expect(await page.text()).not.toContain("1,200,000");
      expect((await browser.get(dataPath(investor, startup))).status).toBe(404);
    }

    const granted = await makeOrgWithOwner(app.database, "investor", "Granted Fund");
    await grantAccess(app.database, startup.org, granted.org);
    // A user of another org, on the granted investor's URL.
    const outsider = await signedIn(none);
    expect((await outsider.get(pathOf(granted, startup))).status).toBe(404);
    expect((await outsider.get(dataPath(granted, startup))).status).toBe(404);
    // The startup's own owner: not a member of the investor, and a startup has no company view.
    const founder = await signedIn(startup);
    expect((await founder.get(pathOf(granted, startup))).status).toBe(404);
    expect((await founder.get(pathOf(startup, startup))).status).toBe(404);
    // An unknown company answers like an ungranted one.
    const grantedBrowser = await signedIn(granted);
    expect((await grantedBrowser.get(`/o/${granted.org.slug}/companies/no-such-company`)).status).toBe(404);

    // Revoking cuts access on the next request.
    expect((await grantedBrowser.get(pathOf(granted, startup))).status).toBe(200);
    await withSystem(app.database.db, (tx) =>
      tx
        .update(accessGrants)
        .set({ status: "revoked" })
        .where(and(eq(accessGrants.orgId, startup.org.id), eq(accessGrants.investorOrgId, granted.org.id))),
    );
    expect((await grantedBrowser.get(pathOf(granted, startup))).status).toBe(404);
  });

  it("checks the grant and reads the four parts in one transaction, each the same as read on its own; without a grant, null", async () => {
    const investor = await makeOrgWithOwner(app.database, "investor", "One Read Fund");
    await grantAccess(app.database, startup.org, investor.org);
    const access = (await findCompanyAccess(investor.ctx, startup.org.slug))!;
    const together = await getCompanyViewForInvestor(investor.ctx, startup.org.slug, { window: 3, updatesPage: 2 });
    expect(together).toEqual({
      access,
      dashboard: await readAlone.dashboard(investor.ctx, access, { window: 3 }),
      updates: await readAlone.updates(investor.ctx, access, { page: 2 }),
      benchmarks: await readAlone.benchmarks(investor.ctx, access),
      metrics: await readAlone.metrics(investor.ctx, access),
    });
    expect(together?.updates).toMatchObject({ total: 2, page: 1 });
    expect(together?.dashboard.fundingDebt?.raised.total).toBe(major(ROUND_AMOUNT));

    const stranger = await makeOrgWithOwner(app.database, "investor", "Stranger Fund");
    expect(await getCompanyViewForInvestor(stranger.ctx, startup.org.slug, { window: 3, updatesPage: 1 })).toBeNull();
    expect(await getCompanyViewForInvestor(investor.ctx, "no-such-company", { window: 3, updatesPage: 1 })).toBeNull();
    // The access object is only the first lock: row-level security is the second.
    const forged = await readAlone.dashboard(stranger.ctx, access, { window: 3 });
    expect(JSON.stringify(forged)).not.toContain(ROUND_LEAD);
    expect(forged.fundingDebt?.raised.total ?? 0).toBe(0);
  });

  it("has no action: a post writes nothing", async () => {
    const investor = await makeOrgWithOwner(app.database, "investor", "Posting Fund");
    await grantAccess(app.database, startup.org, investor.org);
    const browser = await signedIn(investor);
    const before = await rowCounts(startup.org.id);
    for (const path of [pathOf(investor, startup), dataPath(investor, startup)]) {
      const response = await browser.post(path, { intent: "delete", month: "2026-04", title: "Injected risk", highlights: "Injected" });
      expect(response.status).toBe(405);
    }
    expect(await rowCounts(startup.org.id)).toEqual(before);
  });

  it("shows funding & debt without financials, covenants unchecked, and no benchmarks", async () => {
    const leveraged = await makeOrgWithOwner(app.database, "startup", "Leveraged Labs");
    await seedReports(leveraged, WORKED_EXAMPLE);
    await seedRecords(leveraged, { facility: true });
    const investor = await makeOrgWithOwner(app.database, "investor", "Debt Only Fund");
    await grantAccess(app.database, leveraged.org, investor.org, ["funding_debt"]);
    const { text, raw, data } = await view(await signedIn(investor), investor, leveraged);
    expect(text).toContain(LENDER);
    expect(text).toContain("$7,654,321");
    expect(text).toContain("Minimum-cash covenants are not checked here");
    expect(text).toContain("Benchmarks need the company's financials, which are not shared.");
    expect(Object.keys(data.dashboard).sort()).toEqual(["currency", "fundingDebt", "window"]);
    expect(data).not.toHaveProperty("benchmarks");
    expect(data.dashboard.fundingDebt.debt.facilities[0]).toMatchObject({ lender: LENDER, covenant: null });
    for (const body of [text, raw]) {
      expect(body).not.toContain("1,200,000");
      expect(body).not.toContain(String(major(1_200_000)));
      expect(body).not.toContain(RISK_TITLE);
    }
  });

  it("says so when the company has no report yet", async () => {
    const fresh = await makeOrgWithOwner(app.database, "startup", "Fresh Start AI");
    const investor = await makeOrgWithOwner(app.database, "investor", "Early Fund");
    await grantAccess(app.database, fresh.org, investor.org, ["financials", "budgets", "updates"]);
    const { text, data } = await view(await signedIn(investor), investor, fresh);
    expect(text).toContain("No report yet");
    expect(text).toContain("No updates yet");
    expect(data.dashboard.financials).toEqual({ kind: "empty" });
    expect(data.dashboard.budget).toBeNull();
    expect(data.benchmarks.asOf).toBeNull();
  });

  it("pages long update histories, newest month first", async () => {
    const chatty = await makeOrgWithOwner(app.database, "startup", "Chatty Labs");
    const months = ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"];
    await seedReports(
      chatty,
      months.map((month) => ({ month, spend: 100_000, revenue: 10_000, cash: 2_000_000 })),
      Object.fromEntries(months.map((m) => [m, `Update for ${m}`])),
    );
    const investor = await makeOrgWithOwner(app.database, "investor", "Reading Fund");
    await grantAccess(app.database, chatty.org, investor.org, ["updates"]);
    const browser = await signedIn(investor);
    const first = await view(browser, investor, chatty);
    expect(first.data.updates.updates.map((u: { month: string }) => u.month)).toEqual(["2026-04", "2026-03", "2026-02", "2026-01", "2025-12", "2025-11"]);
    expect(first.text).toContain("Page 1 of 2 (8 months)");
    const second = await view(browser, investor, chatty, "window=3&page=2");
    expect(second.data.updates.updates.map((u: { month: string }) => u.month)).toEqual(["2025-10", "2025-09"]);
    expect(second.text).toContain("Update for 2025-09");
    expect(second.text).not.toContain("Update for 2026-04");
  });
});

describe("anonymised benchmarks", () => {
  type Metrics = { runway: number | null; growthBp: number | null; computeBp: number | null; multiple: number | null };

  async function companyWithMetrics(name: string, m: Metrics) {
    const company = await makeOrgWithOwner(app.database, "startup", name);
    await withSystem(app.database.db, (tx) =>
      tx.insert(companyMetrics).values({
        orgId: company.org.id,
        month: "2026-04",
        cash: major(1_000_000),
        revenue: 0,
        grossBurn: major(100_000),
        netBurn: major(100_000),
        averageNetBurn: major(100_000),
        shortHistory: false,
        runwayMonths: m.runway === null ? null : m.runway.toFixed(1),
        cashOutMonth: null,
        defaultAlive: "undecided",
        computeShareBp: m.computeBp,
        burnMultiple: m.multiple === null ? null : m.multiple.toFixed(2),
        netBurnGrowthBp: m.growthBp,
        headcount: 10,
        reportCount: 12,
        firstMonth: "2025-05",
        recentNetBurn: Array(24).fill(null),
      }),
    );
    return company;
  }

  const PEERS: Metrics[] = [
    { runway: 4, growthBp: -1000, computeBp: 1000, multiple: 1.2 },
    { runway: 6, growthBp: 500, computeBp: 2000, multiple: 1.5 },
    { runway: 9, growthBp: 1000, computeBp: 3500, multiple: 2.0 },
    { runway: 12, growthBp: 2000, computeBp: 4000, multiple: 2.5 },
    { runway: 18, growthBp: null, computeBp: 5000, multiple: 3.0 },
    { runway: null, growthBp: null, computeBp: 8000, multiple: null }, // not burning
  ];

  it("matches hand-computed percentiles of a 6-company portfolio, names no peer, and shows nothing for a cohort of 4", async () => {
    const investor = await makeOrgWithOwner(app.database, "investor", "Benchmark Fund");
    const viewed = await companyWithMetrics("Viewed Vision AI", { runway: 7.5, growthBp: 1500, computeBp: 5000, multiple: 1.8 });
    await grantAccess(app.database, viewed.org, investor.org, ["financials"]);
    const peers = [];
    for (const [i, metrics] of PEERS.entries()) {
      const peer = await companyWithMetrics(`Peer Secret ${String.fromCharCode(65 + i)} Robotics`, metrics);
      await grantAccess(app.database, peer.org, investor.org, ["financials", "risks"]);
      peers.push(peer);
    }
    // Outliers that must not count: financials not shared, a pending grant, another investor's company.
    const noFinancials = await companyWithMetrics("Outlier Risks Only", { runway: 100, growthBp: 90_000, computeBp: 9900, multiple: 40 });
    await grantAccess(app.database, noFinancials.org, investor.org, ["risks"]);
    const pending = await companyWithMetrics("Outlier Pending", { runway: 110, growthBp: 90_000, computeBp: 9900, multiple: 40 });
    await insertGrant(pending, investor, "requested");
    const otherFund = await makeOrgWithOwner(app.database, "investor", "Other Fund");
    const elsewhere = await companyWithMetrics("Outlier Elsewhere", { runway: 120, growthBp: 90_000, computeBp: 9900, multiple: 40 });
    await grantAccess(app.database, elsewhere.org, otherFund.org);

    const { html, text, raw, data } = await view(await signedIn(investor), investor, viewed);
    const [runway, growth, compute, multiple] = data.benchmarks.metrics;
    // Runway: 4, 6, 9, 12, 18 (the peer not burning left out) → 6, 9, 12.
    expect(runway).toEqual({ metric: "runway", value: 7.5, peers: { p25: 6, median: 9, p75: 12, cohortSize: 5 }, position: "p25_to_median" });
    expect(data.benchmarks.notBurningPeers).toBe(1);
    // Net burn growth: only 4 peers have it → nothing.
    expect(growth).toEqual({ metric: "net_burn_growth", value: 0.15, peers: null, position: null });
    // Compute share of 10, 20, 35, 40, 50, 80 %: ranks 1.25, 2.5, 3.75 → 23.75 %, 37.5 %, 47.5 %.
    expect(compute.value).toBe(0.5);
    expect(compute.peers.p25).toBeCloseTo(0.2375, 10);
    expect(compute.peers.median).toBeCloseTo(0.375, 10);
    expect(compute.peers.p75).toBeCloseTo(0.475, 10);
    expect(compute.peers.cohortSize).toBe(6);
    expect(compute.position).toBe("above_p75");
    // Burn multiple of 1.2, 1.5, 2.0, 2.5, 3.0 → 1.5, 2.0, 2.5.
    expect(multiple).toEqual({ metric: "burn_multiple", value: 1.8, peers: { p25: 1.5, median: 2, p75: 2.5, cohortSize: 5 }, position: "p25_to_median" });

    expect(text).toMatch(/Runway.*not burning.*left out of these percentiles \(1 of the peers\)/s);
    expect(text).toContain("6.0 months");
    expect(text).toContain("12.0 months");
    expect(text).toContain("47.5%");
    expect(text).toContain("above the 75th percentile of 6 peers");
    expect(html).toMatch(/data-metric="net_burn_growth"[\s\S]*?Fewer than 5 peers have this figure: nothing is shown/);
    expect(text).toContain("Compute (GPU / cloud) spend ÷ gross burn in the latest reported month.");
    for (const body of [html, raw]) {
      for (const peer of [...peers, noFinancials, pending, elsewhere]) {
        expect(body).not.toContain(peer.org.name);
        expect(body).not.toContain(peer.org.slug);
        expect(body).not.toContain(peer.org.id);
      }
      expect(body).not.toContain("Peer Secret");
    }

    // A portfolio of the viewed company and 4 peers: every cohort is under 5, nothing is shown.
    const small = await makeOrgWithOwner(app.database, "investor", "Small Fund");
    await grantAccess(app.database, viewed.org, small.org, ["financials"]);
    for (const peer of peers.slice(0, 4)) await grantAccess(app.database, peer.org, small.org, ["financials"]);
    const smallView = await view(await signedIn(small), small, viewed);
    expect(smallView.data.benchmarks.metrics.map((m: { peers: unknown }) => m.peers)).toEqual([null, null, null, null]);
    expect(smallView.data.benchmarks.notBurningPeers).toBeNull();
    expect(smallView.html.match(/Fewer than 5 peers have this figure/g)).toHaveLength(4);
    expect(smallView.text).not.toContain("9.0 months");
  });
});
