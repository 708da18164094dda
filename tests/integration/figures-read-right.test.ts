import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debtFacilities, monthlyReports } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { addMonths, monthOfDate } from "../../app/finance";
import { formatterFor } from "../../app/i18n/format";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { grantAccess, makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { setAlertRules } from "../support/portfolio-fixtures";
import { createLink, textOf } from "../support/share-fixtures";

/*
 * Issue #15, "Definitions": the amended spec's figures read the same on every page that shows
 * them — the portfolio (en and zh), its CSV, a partner's share report and the alert feed.
 * Four companies, each reporting the three months up to last month (L):
 * - Nine Two: cash 927,000 and a net burn of 100,000 → runway 9.27 months, shown 9.2.
 * - Bullet: not burning (revenue 60,000 > spend 50,000) but a 500,000 bullet loan falls due in
 *   L + 3 and takes cash below zero: cash-out L + 3 — two whole months of cash, critical.
 * - Young Growth: revenue 12,000 → 14,500 → 17,800, no report three months back: not enough
 *   history for a growth rate; at flat revenue cash runs out in L + 7 ("dead if flat").
 * - Profitable Now: revenue 104,000 covers spend 100,000 in L: alive, profitable from L.
 */
const M = monthOfDate(new Date());
const L = addMonths(M, -1);
const at = (k: number) => addMonths(L, k);
const K = 1_000_00; // 1,000 in minor units
const zhMonth = (month: string) => formatterFor("zh-CN").month(month);
const enMonth = (month: string) => formatterFor("en").month(month);

type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let app: TestApp;
let fund: Org;
const co = {} as Record<"nineTwo" | "bullet" | "young" | "profitable", Org>;

async function seed(org: Org, rows: { cash: number; revenue: number; payroll: number }[], withBullet = false) {
  await withTenant(app.database.db, org.org.id, async (tx) => {
    await tx.insert(monthlyReports).values(rows.map((r, i) => ({ orgId: org.org.id, month: at(i - rows.length + 1), ...r })));
    if (withBullet) {
      await tx.insert(debtFacilities).values({
        orgId: org.org.id,
        lender: "Harbour Bank",
        kind: "bank_loan",
        principal: 500 * K,
        currency: "USD",
        annualRateBp: 1200,
        drawDate: `${at(-11)}-01`,
        termMonths: 14,
        repaymentType: "bullet",
        minimumCash: null,
      });
    }
    await refreshCompanyMetrics(tx, org.org.id);
  });
}

async function signIn(email: string, lang?: string) {
  const client = app.client();
  await client.login(email, TEST_PASSWORD);
  if (lang) client.cookies.set("lang", lang);
  return client;
}

const flat = (html: string) => textOf(html.replace(/<!-- -->/g, "")).replace(/\s+/g, " ");
/** One company's row of the portfolio table, as text. */
function rowText(html: string, slug: string) {
  const start = html.indexOf(`data-company="${slug}"`);
  expect(start).toBeGreaterThan(0);
  return { html: html.slice(start, html.indexOf("</tr>", start)), text: flat(html.slice(start, html.indexOf("</tr>", start))) };
}

beforeAll(async () => {
  app = await startTestApp();
  fund = await makeOrgWithOwner(app.database, "investor", "Reading Fund");
  co.nineTwo = await makeOrgWithOwner(app.database, "startup", "Nine Two AI");
  co.bullet = await makeOrgWithOwner(app.database, "startup", "Bullet Robotics");
  co.young = await makeOrgWithOwner(app.database, "startup", "Young Growth AI");
  co.profitable = await makeOrgWithOwner(app.database, "startup", "Profitable Now AI");
  await seed(
    co.nineTwo,
    [1127, 1027, 927].map((cash) => ({ cash: cash * K, revenue: 0, payroll: 100 * K })),
  );
  await seed(
    co.bullet,
    [180, 190, 200].map((cash) => ({ cash: cash * K, revenue: 60 * K, payroll: 50 * K })),
    true,
  );
  await seed(co.young, [
    { cash: 664_400 * 100, revenue: 12_000 * 100, payroll: 100 * K },
    { cash: 578_900 * 100, revenue: 14_500 * 100, payroll: 100 * K },
    { cash: 500_000 * 100, revenue: 17_800 * 100, payroll: 100 * K },
  ]);
  await seed(
    co.profitable,
    [90, 98, 104].map((revenue) => ({ cash: 520 * K, revenue: revenue * K, payroll: 100 * K })),
  );
  for (const c of Object.values(co)) await grantAccess(app.database, c.org, fund.org);
  // Caution under 12 months, so the 9.2-month runway raises an alert whose text shows it.
  await setAlertRules(app.database, fund.org.id, "12.0", "3.0");
}, 120_000);
afterAll(() => app.close());

describe("the portfolio reads the amended definitions", () => {
  it("shows runway 9.27 as 9.2, a not-burning company's cash-out month, 'dead if flat' and profitable from L (en)", async () => {
    const owner = await signIn(fund.owner.email);
    const html = await (await owner.get(`/o/${fund.org.slug}/portfolio`)).text();
    expect(rowText(html, co.nineTwo.org.slug).text).toContain("9.2 months");
    expect(flat(html)).not.toContain("9.3 months");

    const bullet = rowText(html, co.bullet.org.slug);
    expect(bullet.text).toContain("Not burning");
    // The cash-out column is not among the default columns (issue #15 item 20): the runway cell says it.
    expect(bullet.text).toMatch(new RegExp(`Not burning critical\\s*cash runs out ${enMonth(at(3))}`));
    expect(bullet.text).not.toContain("—");

    const young = rowText(html, co.young.org.slug);
    expect(young.text).toContain(`dead if revenue stays flat · ${enMonth(at(7))}`);
    expect(young.html).not.toContain("bg-red");

    expect(rowText(html, co.profitable.org.slug).text).toContain(`alive · ${enMonth(L)}`);
  });

  it("says the same in Chinese", async () => {
    const owner = await signIn(fund.owner.email, "zh-CN");
    const html = await (await owner.get(`/o/${fund.org.slug}/portfolio`)).text();
    expect(rowText(html, co.nineTwo.org.slug).text).toContain("9.2 个月");
    expect(rowText(html, co.bullet.org.slug).text).toContain(zhMonth(at(3)));
    expect(rowText(html, co.young.org.slug).text).toContain(`收入持平则不存活 · ${zhMonth(at(7))}`);
    expect(rowText(html, co.profitable.org.slug).text).toContain(`存活 · ${zhMonth(L)}`);
  });

  it("sorts by cash-out month with the not-burning company's month, and files it under the critical filter", async () => {
    const owner = await signIn(fund.owner.email);
    const order = (html: string) => [...html.matchAll(/data-company="([^"]+)"/g)].map((m) => m[1]);
    const sorted = order(await (await owner.get(`/o/${fund.org.slug}/portfolio?sort=cashOut&dir=asc`)).text());
    // Bullet L+3, Young L+7, Nine Two L+10, Profitable Now beyond 10 years.
    expect(sorted).toEqual([co.bullet, co.young, co.nineTwo, co.profitable].map((c) => c.org.slug));
    const critical = order(await (await owner.get(`/o/${fund.org.slug}/portfolio?runway=critical`)).text());
    expect(critical).toEqual([co.bullet.org.slug]);
  });

  it("exports the same figures as CSV", async () => {
    const owner = await signIn(fund.owner.email);
    const csv = await (await owner.get(`/o/${fund.org.slug}/portfolio.csv?sort=name`)).text();
    const [head, ...lines] = csv.trim().split(/\r?\n/);
    const columns = head!.split(",");
    const cell = (name: string, column: string) => lines.find((l) => l.startsWith(name))!.split(",")[columns.indexOf(column)];
    expect(cell("Nine Two AI", "runway_months")).toBe("9.2");
    expect(cell("Bullet Robotics", "runway_months")).toBe("not burning");
    expect(cell("Bullet Robotics", "cash_out_month")).toBe(at(3));
    expect(cell("Bullet Robotics", "runway_level")).toBe("critical");
    expect(cell("Young Growth AI", "default_alive")).toBe("dead");
    expect(cell("Young Growth AI", "default_alive_assumes_flat_revenue")).toBe("yes");
    expect(cell("Nine Two AI", "default_alive_assumes_flat_revenue")).toBe("no");
    expect(cell("Profitable Now AI", "default_alive_month")).toBe(L);
  });
});

describe("a partner's share report and the alert feed read them the same way", () => {
  it("shows runway 9.2 and 'dead if revenue stays flat' in the portfolio report, en and zh", async () => {
    const owner = await signIn(fund.owner.email);
    const { token } = await createLink(owner, fund.org.slug, { label: "Fund report", scope: "portfolio", sections: ["financials", "funding_debt"] });
    const partner: TestClient = app.client();
    const en = flat(await (await partner.get(`/r/${token}`)).text());
    expect(en).toContain("9.2 months");
    expect(en).not.toContain("9.3");
    expect(en).toContain(`Dead if revenue stays flat (${formatterFor("en").month(at(7))})`);
    expect(en).toContain(formatterFor("en").month(at(3)));
    const zh = flat(await (await partner.get(`/r/${token}`, { "Accept-Language": "zh-CN" })).text());
    expect(zh).toContain("9.2 个月");
    expect(zh).toContain("收入持平则默认死亡");
  });

  it("words the alerts from the same figures: 9.2 months, a repayment ahead, dead if revenue stays flat (en and zh)", async () => {
    const owner = await signIn(fund.owner.email);
    const en = flat(await (await owner.get(`/o/${fund.org.slug}/alerts`)).text());
    expect(en).toContain(`Runway 9.2 months is below the caution threshold of 12 months (as of ${enMonth(L)}).`);
    expect(en).toContain(
      `Not burning, but debt service ahead takes cash below zero in ${enMonth(at(3))}: 2 months of cash left, under the critical threshold of 3 months (as of ${enMonth(L)}).`,
    );
    expect(en).toContain(
      `Dead if revenue stays flat: there is not enough revenue history for a growth rate yet; with expenses held and revenue flat, cash runs out in ${enMonth(at(7))} (as of ${enMonth(L)}).`,
    );
    expect(en).not.toMatch(/Profitable Now AI[^.]*Default dead/);
    owner.cookies.set("lang", "zh-CN");
    const zh = flat(await (await owner.get(`/o/${fund.org.slug}/alerts`)).text());
    expect(zh).toContain(`现金跑道 9.2 个月，低于警戒阈值 12 个月（截至 ${zhMonth(L)}）。`);
    expect(zh).toContain(`未在烧钱，但未来的还本付息将使现金在 ${zhMonth(at(3))}跌破零：现金仅够 2 个月，低于严重阈值 3 个月（截至 ${zhMonth(L)}）。`);
    expect(zh).toContain("收入持平则默认死亡");
  });
});
