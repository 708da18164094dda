import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, monthOfDate } from "../../app/finance";
import { formatterFor } from "../../app/i18n/format";
import { parsePortfolioQuery } from "../../app/domain/portfolio-query";
import { getPortfolio } from "../../app/models/portfolio.server";
import { riskHeatMapCounts } from "../../app/models/risk.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { grantAccess, makeOrgWithOwner, TEST_PASSWORD, type Org } from "../support/factories";
import { seedStartup } from "../support/portfolio-fixtures";
import { createLink, textOf } from "../support/share-fixtures";
import type { OrgContext } from "../../app/auth/context";

/*
 * Issue #15, items 5–7: what readers misread in the charts, on every page that draws them.
 * Three companies in USD, each burning 100,000 a month, reporting from L − 5 (L = last month):
 * - Alpha: every month up to L.
 * - Beta: up to L − 1 (L not reported yet).
 * - Gamma: L − 5, L − 4, nothing in L − 3 and L − 2, then L − 1 and L. Gamma's risk register
 *   holds, at likelihood 4 × impact 5, one open, one mitigating and one accepted risk, plus an
 *   accepted 2 × 2 and a closed 1 × 1: every heat map counts 2 in the 4 × 5 cell and nothing else.
 */
const M = monthOfDate(new Date());
const L = addMonths(M, -1);
const at = (k: number) => addMonths(L, k);
const enMonth = (month: string) => formatterFor("en").month(month);
const K = 1_000_00;
const zh = formatterFor("zh-CN");

let app: TestApp;
let fund: Org;
const co = {} as Record<"alpha" | "beta" | "gamma", Awaited<ReturnType<typeof seedStartup>>>;

const reports = (offsets: number[]) => offsets.map((k) => ({ month: at(k), spend: 100 * K, revenue: 0, cash: (2000 + k * 100) * K }));

async function signIn(email: string, lang?: string): Promise<TestClient> {
  const client = app.client();
  await client.login(email, TEST_PASSWORD);
  if (lang) client.cookies.set("lang", lang);
  return client;
}

/** Visible text, a space between table cells, runs of white space as one. */
const flat = (html: string) => textOf(html.replace(/<!-- -->/g, "").replace(/<\/(td|th)>/g, " </$1>")).replace(/\s+/g, " ");

/** The counts of a heat map (the first after `marker`, or the first on the page) as "LxI:count" for every non-empty cell. */
function heatMapCounts(html: string, marker?: string): string[] {
  const from = marker ? html.indexOf(marker) : html.indexOf("data-cell=");
  expect(from, `heat map ${marker ?? ""}`).toBeGreaterThanOrEqual(0);
  const table = html.slice(from, html.indexOf("</table>", from));
  return [...table.matchAll(/data-cell="(\dx\d)"[^>]*>([\s\S]*?)<\/td>/g)]
    .map(([, cell, inner]) => [cell, Number.parseInt(flat(inner!).trim(), 10)] as const)
    .filter(([, count]) => Number.isFinite(count) && count > 0)
    .map(([cell, count]) => `${cell}:${count}`);
}

beforeAll(async () => {
  app = await startTestApp();
  fund = await makeOrgWithOwner(app.database, "investor", "Coverage Fund");
  co.alpha = await seedStartup(app.database, { name: "Alpha Coverage AI", currency: "USD", reports: reports([-5, -4, -3, -2, -1, 0]) });
  co.beta = await seedStartup(app.database, { name: "Beta Coverage AI", currency: "USD", reports: reports([-5, -4, -3, -2, -1]) });
  co.gamma = await seedStartup(app.database, {
    name: "Gamma Gaps AI",
    currency: "USD",
    reports: reports([-5, -4, -1, 0]),
    risks: [
      { title: "GPU supply", likelihood: 4, impact: 5, status: "open" },
      { title: "Key researcher leaves", likelihood: 4, impact: 5, status: "mitigating" },
      { title: "Single cloud vendor", likelihood: 4, impact: 5, status: "accepted" },
      { title: "Office lease", likelihood: 2, impact: 2, status: "accepted" },
      { title: "Old audit finding", likelihood: 1, impact: 1, status: "closed" },
    ],
  });
  for (const c of Object.values(co)) await grantAccess(app.database, c.org, fund.org);
}, 120_000);
afterAll(() => app.close());

describe("item 5: the portfolio's aggregate net burn says how many companies each month covers", () => {
  it("counts per month the companies owed a report and totals only the complete months (model)", async () => {
    const p = await getPortfolio(fund.ctx, parsePortfolioQuery(new URLSearchParams()));
    // Starts at the first month any company reported, not 24 empty months back.
    expect(p.charts.netBurn.map((point) => [point.month, point.companies, point.expectedCompanies, point.complete, point.netBurn])).toEqual([
      [at(-5), 3, 3, true, 300 * K],
      [at(-4), 3, 3, true, 300 * K],
      [at(-3), 2, 3, false, null],
      [at(-2), 2, 3, false, null],
      [at(-1), 3, 3, true, 300 * K],
      [at(0), 2, 3, false, null],
    ]);
    // What is in an incomplete month is kept (grey bar, table), never presented as the total.
    expect(p.charts.netBurn.at(-1)!.convertedPart).toBe(200 * K);
  });

  it("names the incomplete months with their coverage, and the table shows every month's coverage (en)", async () => {
    const owner = await signIn(fund.owner.email);
    const text = flat(await (await owner.get(`/o/${fund.org.slug}/portfolio`)).text());
    expect(text).toContain(
      `Incomplete months, where not every company has reported yet: ${enMonth(at(-3))} (2 of 3 companies); ${enMonth(at(-2))} (2 of 3 companies); ${enMonth(at(0))} (2 of 3 companies).`,
    );
    expect(text).toContain(`${at(-1)} $300,000 3 of 3 companies`);
    expect(text).toContain(`${at(0)} incomplete (only $200,000) 2 of 3 companies`);
  });

  it("says the same in Chinese", async () => {
    const owner = await signIn(fund.owner.email, "zh-CN");
    const text = flat(await (await owner.get(`/o/${fund.org.slug}/portfolio`)).text());
    expect(text).toContain(`不完整月份（尚非所有公司都已提交报告）：${zh.month(at(-3))}（3 家公司中的 2 家）`);
    expect(text).toContain(`${at(0)} 不完整（仅 US$200,000） 3 家公司中的 2 家`);
  });
});

describe("item 6: months without a report keep their place on the calendar, and are named", () => {
  it("tells the founder which months are missing, with a link to the first one's form (en and zh)", async () => {
    const founder = await signIn(co.gamma.owner.email);
    const html = await (await founder.get(`/o/${co.gamma.org.slug}`)).text();
    const text = flat(html);
    expect(text).toContain(`No report for ${enMonth(at(-3))} – ${enMonth(at(-2))}. The charts keep these months empty`);
    expect(html).toContain(`href="/o/${co.gamma.org.slug}/reports/${at(-3)}"`);
    expect(text).toContain(`Enter the report for ${enMonth(at(-3))}`);
    // The charts' tables list every calendar month, the gaps as "No report".
    expect(text).toContain(`${at(-3)} No report —`);
    expect(text).toContain(`No report for ${enMonth(at(-3))} – ${enMonth(at(-2))}: the chart leaves these months empty.`);

    founder.cookies.set("lang", "zh-CN");
    const zhText = flat(await (await founder.get(`/o/${co.gamma.org.slug}`)).text());
    expect(zhText).toContain(`${zh.month(at(-3))}至${zh.month(at(-2))}没有月度报告。`);
    expect(zhText).toContain(`${at(-3)} 未报告`);
  });

  it("shows no notice to a company without gaps", async () => {
    const founder = await signIn(co.alpha.owner.email);
    const html = await (await founder.get(`/o/${co.alpha.org.slug}`)).text();
    expect(html).not.toContain('data-testid="missing-months"');
    expect(html).not.toContain('data-testid="chart-gaps"');
  });

  it("keeps the gaps in the investor's company view and in a partner's report", async () => {
    const investor = await signIn(fund.owner.email);
    const view = flat(await (await investor.get(`/o/${fund.org.slug}/companies/${co.gamma.org.slug}`)).text());
    expect(view).toContain(`No report for ${enMonth(at(-3))} – ${enMonth(at(-2))}.`);
    expect(view).toContain(`${at(-2)} No report —`);

    const founder = await signIn(co.gamma.owner.email);
    const { token } = await createLink(founder, co.gamma.org.slug, { label: "Gaps report" });
    const report = flat(await (await app.client().get(`/r/${token}`)).text());
    expect(report).toContain(`No report for ${enMonth(at(-3))} – ${enMonth(at(-2))}: the chart leaves these months empty.`);
    expect(report).toContain(`${at(-3)} No report —`);
  });
});

describe("item 7: every heat map counts open and mitigating risks, and says so", () => {
  const definition = "Counts open and mitigating risks; accepted and closed risks are left out.";
  const zhDefinition = "统计未处理和缓解中的风险；已接受和已关闭的风险不计入。";

  it("the risks page's model counts 2 in 4 × 5 and nothing for accepted or closed risks", async () => {
    const ctx: OrgContext = {
      db: app.database.db,
      user: { id: co.gamma.owner.id, email: co.gamma.owner.email, name: co.gamma.owner.name },
      org: { id: co.gamma.org.id, slug: co.gamma.org.slug, name: co.gamma.org.name, kind: "startup", baseCurrency: "USD" },
      role: "owner",
    };
    const cells = await riskHeatMapCounts(ctx);
    expect(cells[3]![4]).toBe(2);
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("the founder's dashboard and risks page agree (en and zh)", async () => {
    const founder = await signIn(co.gamma.owner.email);
    const dashboard = await (await founder.get(`/o/${co.gamma.org.slug}`)).text();
    expect(heatMapCounts(dashboard, 'data-testid="risk-heat-map"')).toEqual(["4x5:2"]);
    expect(flat(dashboard)).toContain(definition);
    expect(flat(dashboard)).toContain("Open and mitigating risks (2)");
    expect(flat(dashboard)).toContain("3 accepted or closed risks left out.");
    const risksPage = await (await founder.get(`/o/${co.gamma.org.slug}/risks`)).text();
    expect(heatMapCounts(risksPage)).toEqual(["4x5:2"]);
    expect(flat(risksPage)).toContain(definition);

    founder.cookies.set("lang", "zh-CN");
    const zhDashboard = await (await founder.get(`/o/${co.gamma.org.slug}`)).text();
    expect(heatMapCounts(zhDashboard, 'data-testid="risk-heat-map"')).toEqual(["4x5:2"]);
    expect(flat(zhDashboard)).toContain(zhDefinition);
    expect(flat(await (await founder.get(`/o/${co.gamma.org.slug}/risks`)).text())).toContain(zhDefinition);
  });

  it("the investor's portfolio and company view agree", async () => {
    const investor = await signIn(fund.owner.email);
    const portfolio = await (await investor.get(`/o/${fund.org.slug}/portfolio`)).text();
    expect(heatMapCounts(portfolio, 'data-testid="portfolio-heat-map"')).toEqual(["4x5:2"]);
    expect(flat(portfolio)).toContain(definition);
    const view = await (await investor.get(`/o/${fund.org.slug}/companies/${co.gamma.org.slug}`)).text();
    expect(heatMapCounts(view, 'data-testid="risk-heat-map"')).toEqual(["4x5:2"]);
    expect(flat(view)).toContain(definition);
  });

  it("a partner's company and portfolio reports agree (en and zh)", async () => {
    const founder = await signIn(co.gamma.owner.email);
    const company = await createLink(founder, co.gamma.org.slug, { label: "Risk report" });
    const investor = await signIn(fund.owner.email);
    const portfolio = await createLink(investor, fund.org.slug, { label: "Fund risks", scope: "portfolio", sections: ["risks"] });
    const partner = app.client();
    for (const token of [company.token, portfolio.token]) {
      const html = await (await partner.get(`/r/${token}`)).text();
      expect(heatMapCounts(html, 'data-testid="risk-heat-map"')).toEqual(["4x5:2"]);
      expect(flat(html)).toContain(definition);
      const zhHtml = await (await partner.get(`/r/${token}`, { "Accept-Language": "zh-CN" })).text();
      expect(flat(zhHtml)).toContain(zhDefinition);
    }
    // The portfolio report's combined map: Gamma is the only company with risks.
    const combined = await (await partner.get(`/r/${portfolio.token}`)).text();
    expect(flat(combined)).toContain("Open and mitigating risks of the companies sharing risks");
  });

  it("a frozen report stored before the change says its counts include accepted risks", async () => {
    const { restrictCompanyReport } = await import("../../app/models/share-report.server");
    const legacyRisks = { heatMap: [[0]], liveCount: 3, closedCount: 1, overdueReviews: 0, top: [], bands: { mediumFrom: 5, highFrom: 10, criticalFrom: 16 } };
    const restricted = restrictCompanyReport(
      { name: "Old", currency: "USD", sections: ["risks"], dashboard: { currency: "USD", window: 3, risks: legacyRisks as never } },
      ["risks"],
    );
    expect(restricted.dashboard.risks).toMatchObject({ leftOutCount: 1, countsAccepted: true, liveCount: 3 });
  });
});
