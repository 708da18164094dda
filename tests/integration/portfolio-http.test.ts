import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportingStatus } from "../../app/finance/covenants";
import { parsePortfolioQuery } from "../../app/domain/portfolio-query";
import { getPortfolio, listPortfolioRisks } from "../../app/models/portfolio.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { grantAccess, makeOrgWithOwner } from "../support/factories";
import { seedStartup, setAlertRules } from "../support/portfolio-fixtures";
import { ago, ALPHA, CM, SECRET_CASH, seedNorthstarPortfolio } from "../support/portfolio-seed";
import { routeData } from "../support/route-data";
import { formatterFor } from "../../app/i18n/format";
import { spacedTextOf } from "../support/html-text";
import { pageOf } from "../support/shown-page";

const enMonth = (month: string) => formatterFor("en").month(month);

// The portfolio pages through the real HTTP stack: what a user reads, what leaks (nothing),
// and who gets a 404. The model's figures are checked in portfolio.test.ts.
const ROUTE = "routes/o.$orgSlug.portfolio._index";
const RISKS_ROUTE = "routes/o.$orgSlug.portfolio.risks";
const query = (qs = "") => parsePortfolioQuery(new URLSearchParams(qs));

let app: TestApp;
let seeded: Awaited<ReturnType<typeof seedNorthstarPortfolio>>;
let fund: typeof seeded.fund;
let otherFund: typeof seeded.otherFund;

beforeAll(async () => {
  app = await startTestApp();
  seeded = await seedNorthstarPortfolio(app.database);
  ({ fund, otherFund } = seeded);
}, 120_000);
afterAll(() => app.close());

describe("the portfolio pages over HTTP", () => {
  it("shows the table, the charts' tables and the rates, and leaks nothing unshared", async () => {
    const browser = await app.signIn(fund.owner.email);
    const response = await browser.get(`/o/${fund.org.slug}/portfolio`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const name of ["Alpha AI", "Berlin Models", "Cologne Labs", "Delta Robotics", "Echo Vision"]) expect(html).toContain(name);
    expect(html).toContain(`href="/o/${fund.org.slug}/companies/${seeded.slugs.alpha}"`);
    expect(html).toContain("$1,200,000");
    expect(html).toContain("$1,100,000"); // Berlin's cash, 1,100,000.06 USD, shown whole
    expect(html).toContain("Financials not shared");
    expect(html).toContain("Rate missing");
    const text = spacedTextOf(html);
    expect(text).toContain(`Missing: EUR ${enMonth(ago(2))}.`);
    expect(text).toContain("Thresholds: critical under 3 months, caution under 6 months, ok from 6 months");
    expect(text).toContain(`Rate missing for ${enMonth(ago(2))} (EUR)`);
    expect(text).toMatch(/Total cash \$4,330,000/);
    expect(html).toContain(`/o/${fund.org.slug}/portfolio/risks?likelihood=4&amp;impact=5`);
    const json = await (await browser.get(routeData(`/o/${fund.org.slug}/portfolio`, ROUTE))).text();
    for (const body of [html, json]) {
      expect(body).not.toContain(String(SECRET_CASH));
      expect(body).not.toContain("987,654,321");
      expect(body).not.toContain("Echo hidden risk title");
      expect(body).not.toContain("Pending company risk");
      expect(body).not.toContain("777,777");
      for (const name of ["Foxtrot Pending", "Golf Revoked", "Hotel Elsewhere"]) expect(body).not.toContain(name);
    }
    const data = JSON.parse(json);
    expect(data.portfolio.summary.companies).toBe(5);
    const status = reportingStatus(ago(1), false, new Date().toISOString().slice(0, 10)).status;
    expect(data.portfolio.rows.find((r: { name: string }) => r.name === "Cologne Labs").status).toBe(status);
  });

  it("drills down from a heat-map cell to the risks behind it", async () => {
    const browser = await app.signIn(fund.owner.email);
    const { html } = await pageOf(await browser.get(`/o/${fund.org.slug}/portfolio/risks?likelihood=4&impact=5`));
    expect(html).toContain("GPU supply crunch");
    expect(html).toContain("Data licence dispute");
    expect(html).toContain("General counsel");
    expect(html).toContain("Regulatory &amp; legal");
    const data = await (await browser.get(routeData(`/o/${fund.org.slug}/portfolio/risks?likelihood=4&impact=5`, RISKS_ROUTE))).json();
    expect(data.list.total).toBe(2);
    expect(data.list.risks.map((r: { companyName: string; title: string; score: number }) => [r.companyName, r.title, r.score])).toEqual([
      ["Alpha AI", "GPU supply crunch", 20],
      ["Cologne Labs", "Data licence dispute", 20],
    ]);
    const none = await (await browser.get(routeData(`/o/${fund.org.slug}/portfolio/risks?likelihood=5&impact=5`, RISKS_ROUTE))).json();
    expect(none.list.total).toBe(0);
    const all = await listPortfolioRisks(fund.ctx, { filters: query(), likelihood: null, impact: null, page: 1 });
    expect(all.total).toBe(5);
    expect(JSON.stringify(all)).not.toContain("Echo hidden risk title");
  });

  it("exports the table as CSV with 'not shared' and 'rate missing' in place of figures", async () => {
    const browser = await app.signIn(fund.owner.email);
    const response = await browser.get(`/o/${fund.org.slug}/portfolio.csv?sort=runway&dir=asc`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toContain("cash_USD");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["Cologne Labs", "Berlin Models", "Alpha AI", "Echo Vision", "Delta Robotics"]);
    expect(lines[1]).toContain("rate missing");
    expect(lines[2]).toContain("1100000.06");
    expect(lines[3]).toContain(",1200000,");
    expect(lines[4]).toContain("-30000");
    expect(lines[5]).toContain("not shared");
    expect(lines.join("\n")).not.toContain("987654321");
  });

  it("reads the runway thresholds from the investor's alert rules when it has them", async () => {
    const rules = await makeOrgWithOwner(app.database, "investor", "Rules Fund");
    const startup = await seedStartup(app.database, { name: "Rule Subject", currency: "USD", reports: ALPHA });
    await grantAccess(app.database, startup.org, rules.org, ["financials"]);
    await setAlertRules(app.database, rules.org.id, "9.5", "2");
    const p = await getPortfolio(rules.ctx, query(), { today: `${CM}-10` });
    expect(p.settings).toMatchObject({ runwayThresholds: { cautionBelowMonths: 9.5, criticalBelowMonths: 2 }, thresholdsFromRules: true });
    expect(p.rows[0]).toMatchObject({ runwayMonths: 9.2, runwayLevel: "caution" });
    const browser = await app.signIn(rules.owner.email);
    expect(spacedTextOf(await (await browser.get(`/o/${rules.org.slug}/portfolio`)).text())).toContain("critical under 2 months, caution under 9.5 months");
  });

  it("shows an empty state that points to the Companies page when nothing is linked", async () => {
    const empty = await makeOrgWithOwner(app.database, "investor", "Empty Fund");
    const browser = await app.signIn(empty.owner.email);
    const html = await (await browser.get(`/o/${empty.org.slug}/portfolio`)).text();
    expect(html).toContain("Ask a startup for access on the");
    expect(html).toContain(`href="/o/${empty.org.slug}/companies"`);
  });

  it("answers 404 to a startup org and to another tenant", async () => {
    const fundOwner = await app.signIn(fund.owner.email);
    const other = await app.signIn(otherFund.owner.email);
    const startup = await makeOrgWithOwner(app.database, "startup", "Some Startup");
    const founder = await app.signIn(startup.owner.email);
    for (const path of ["portfolio", "portfolio/risks?likelihood=4&impact=5", "portfolio.csv"]) {
      // Another investor's member.
      expect((await other.get(`/o/${fund.org.slug}/${path}`)).status, path).toBe(404);
      // A startup org has no portfolio, even for its own owner.
      expect((await founder.get(`/o/${startup.org.slug}/${path}`)).status, path).toBe(404);
      // And the fund's owner cannot reach another org's portfolio either.
      expect((await fundOwner.get(`/o/${otherFund.org.slug}/${path}`)).status, path).toBe(404);
    }
    const data = await (await other.get(routeData(`/o/${otherFund.org.slug}/portfolio`, ROUTE))).json();
    expect(data.portfolio.rows.map((r: { name: string }) => r.name)).toEqual(["Hotel Elsewhere"]);
  });
});
