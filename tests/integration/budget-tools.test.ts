import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, budgets } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { listBudgets, saveBudgetGrid } from "../../app/models/budget.server";
import { saveMonthlyReport } from "../../app/models/monthly-report.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { type TwoStartups, twoStartups } from "../support/factories";
import { routeData } from "../support/route-data";
import { reportFigures } from "../support/report-inputs";

// issue #15 item 16: the budget page offers the years that make sense, and copies a year,
// spreads an annual amount and fills the later months without saving until Save.

const ROUTE = "routes/o.$orgSlug.budgets._index";
const THIS_YEAR = new Date().getUTCFullYear();
let app: TestApp;
let { alpha, beta, alphaOwner, alphaViewer, betaOwner } = {} as TwoStartups;

const url = (slug: string, year: number, data = true) => (data ? routeData(`/o/${slug}/budgets?year=${year}`, ROUTE) : `/o/${slug}/budgets?year=${year}&index`);
const rowsOf = (org: { id: string }) => withSystem(app.database.db, (tx) => tx.select().from(budgets).where(eq(budgets.orgId, org.id)));
const auditOf = (org: { id: string }) => withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.orgId, org.id)));

beforeAll(async () => {
  app = await startTestApp();
  ({ alpha, beta, alphaOwner, alphaViewer, betaOwner } = await twoStartups(app, "Alpha Budget Tools", "Beta Budget Tools"));
  await saveMonthlyReport(alpha.ctx, `${THIS_YEAR - 3}-06`, null, reportFigures({ cash: 1_000_00, headcount: 1 }));
  const { token } = await listBudgets(alpha.ctx, THIS_YEAR - 1);
  await saveBudgetGrid(
    alpha.ctx,
    THIS_YEAR - 1,
    [
      { month: `${THIS_YEAR - 1}-01`, category: "compute", amount: 10_000_00 },
      { month: `${THIS_YEAR - 1}-12`, category: "payroll", amount: 55_555_55 },
    ],
    token,
  );
});
afterAll(() => app.close());

describe("fiscal years offered", () => {
  it("runs from the year before the first data to next year, not 2000–2031", async () => {
    const data = await (await alphaOwner.get(url(alpha.org.slug, THIS_YEAR))).json();
    const expected: number[] = [];
    for (let y = THIS_YEAR + 1; y >= THIS_YEAR - 4; y--) expected.push(y);
    expect(data.years).toEqual(expected);
    const html = await (await alphaOwner.get(`/o/${alpha.org.slug}/budgets?year=${THIS_YEAR}`)).text();
    expect(html).not.toContain('<option value="2000">');
    expect(html).toContain(`<option value="${THIS_YEAR + 1}">`);
    const fresh = await (await betaOwner.get(url(beta.org.slug, THIS_YEAR))).json();
    expect(fresh.years).toEqual([THIS_YEAR + 1, THIS_YEAR, THIS_YEAR - 1]);
  });
});

describe("grid tools answer a filled grid and save nothing", () => {
  it("copies another year into this one, month by month", async () => {
    const before = await rowsOf(alpha.org);
    const audit = (await auditOf(alpha.org)).length;
    const response = await alphaOwner.post(url(alpha.org.slug, THIS_YEAR), {
      year: String(THIS_YEAR),
      token: "",
      intent: "copyYear",
      copyFrom: String(THIS_YEAR - 1),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.preview.values).toEqual({ [`b:${THIS_YEAR}-01:compute`]: "10,000.00", [`b:${THIS_YEAR}-12:payroll`]: "55,555.55" });
    expect(body.preview.notice).toBe(`Copied the ${THIS_YEAR - 1} budget into ${THIS_YEAR}: check it, then save. Nothing is saved yet.`);
    expect(await rowsOf(alpha.org)).toEqual(before);
    expect((await auditOf(alpha.org)).length).toBe(audit);
  });

  it("says when the year to copy has no budget, in English and Chinese", async () => {
    const response = await alphaOwner.post(url(alpha.org.slug, THIS_YEAR), { year: String(THIS_YEAR), intent: "copyYear", copyFrom: String(THIS_YEAR - 3) });
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.copyFrom).toBe(`${THIS_YEAR - 3} has no budget to copy.`);
    const zh = await app.signIn(alpha.owner.email);
    zh.cookies.set("lang", "zh-CN");
    const zhResponse = await zh.post(url(alpha.org.slug, THIS_YEAR), { year: String(THIS_YEAR), intent: "copyYear", copyFrom: String(THIS_YEAR - 3) });
    expect((await zhResponse.json()).fieldErrors.copyFrom).toBe(`${THIS_YEAR - 3} 年没有可复制的预算。`);
  });

  it("spreads an annual amount exactly: remainder cents to the first months, the sum is the annual amount", async () => {
    const before = await rowsOf(alpha.org);
    const response = await alphaOwner.post(url(alpha.org.slug, THIS_YEAR), {
      year: String(THIS_YEAR),
      intent: "spread",
      spreadCategory: "compute",
      spreadAmount: "100k",
      [`b:${THIS_YEAR}-01:payroll`]: "9k",
    });
    expect(response.status).toBe(200);
    const values: Record<string, string> = (await response.json()).preview.values;
    expect(values[`b:${THIS_YEAR}-01:compute`]).toBe("8,333.34");
    expect(values[`b:${THIS_YEAR}-05:compute`]).toBe("8,333.33");
    expect(values[`b:${THIS_YEAR}-01:payroll`]).toBe("9k");
    const cents = Object.entries(values)
      .filter(([k]) => k.endsWith(":compute"))
      .map(([, v]) => Number(v.replace(/[,.]/g, "")));
    expect(cents.reduce((a, b) => a + b, 0)).toBe(100_000_00);
    expect(await rowsOf(alpha.org)).toEqual(before);
    const bad = await alphaOwner.post(url(alpha.org.slug, THIS_YEAR), {
      year: String(THIS_YEAR),
      intent: "spread",
      spreadCategory: "compute",
      spreadAmount: "1,00",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.spreadAmount).toMatch(/Enter an amount like 12,500.50/);
  });

  it("fills a month's typed value into the later months (fill right) and then saves only on Save", async () => {
    const response = await alphaOwner.post(url(alpha.org.slug, THIS_YEAR), {
      year: String(THIS_YEAR),
      intent: "fillRight",
      fillMonth: `${THIS_YEAR}-10`,
      fillCategory: "data",
      [`b:${THIS_YEAR}-09:data`]: "1",
      [`b:${THIS_YEAR}-10:data`]: "2.5k",
    });
    expect(response.status).toBe(200);
    const values: Record<string, string> = (await response.json()).preview.values;
    expect([9, 10, 11, 12].map((m) => values[`b:${THIS_YEAR}-${String(m).padStart(2, "0")}:data`])).toEqual(["1", "2.5k", "2.5k", "2.5k"]);
    // Saving the filled grid writes it: 2.5k is read by the same parser.
    const { token } = await listBudgets(alpha.ctx, THIS_YEAR);
    const saved = await alphaOwner.post(url(alpha.org.slug, THIS_YEAR), { year: String(THIS_YEAR), token, ...values });
    expect(saved.status).toBe(204);
    expect((await listBudgets(alpha.ctx, THIS_YEAR)).grid[`${THIS_YEAR}-12`]).toEqual({ data: 2_500_00 });
  });

  it("without JavaScript, the page comes back with the filled grid and the notice", async () => {
    const page = await alphaOwner.post(url(alpha.org.slug, THIS_YEAR + 1, false), {
      year: String(THIS_YEAR + 1),
      intent: "spread",
      spreadCategory: "payroll",
      spreadAmount: "120万",
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Spread 1,200,000.00 of Payroll over ${THIS_YEAR + 1}`);
    expect(html).toMatch(new RegExp(`name="b:${THIS_YEAR + 1}-07:payroll"[^>]*value="100,000.00"`));
  });

  it("a viewer gets no tools and a 403; another org gets 404; nothing is written", async () => {
    const before = await rowsOf(alpha.org);
    const html = await (await alphaViewer.get(`/o/${alpha.org.slug}/budgets?year=${THIS_YEAR}`)).text();
    expect(html).not.toContain('data-testid="budget-tools"');
    const viewer = await alphaViewer.post(url(alpha.org.slug, THIS_YEAR), { year: String(THIS_YEAR), intent: "copyYear", copyFrom: String(THIS_YEAR - 1) });
    expect(viewer.status).toBe(403);
    const other = await betaOwner.post(url(alpha.org.slug, THIS_YEAR), { year: String(THIS_YEAR), intent: "copyYear", copyFrom: String(THIS_YEAR - 1) });
    expect(other.status).toBe(404);
    const copyOther = await (
      await betaOwner.post(url(beta.org.slug, THIS_YEAR), { year: String(THIS_YEAR), intent: "copyYear", copyFrom: String(THIS_YEAR - 1) })
    ).json();
    expect(copyOther.fieldErrors.copyFrom).toBe(`${THIS_YEAR - 1} has no budget to copy.`);
    expect(await rowsOf(alpha.org)).toEqual(before);
  });
});
