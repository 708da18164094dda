import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, monthlyReports } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { saveMonthlyReport, type MonthlyReportInput } from "../../app/models/monthly-report.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { type TwoStartups, twoStartups } from "../support/factories";
import { routeData } from "../support/route-data";
import { reportFigures, reportForm } from "../support/report-inputs";

// issue #15 item 15: the report form reads amounts as people type them, echoes them, prefills
// from last month on request, and shows a viewer values rather than inputs.

const MONTH_ROUTE = "routes/o.$orgSlug.reports.$month";
let app: TestApp;
let { alpha, beta, alphaOwner, alphaViewer, betaOwner } = {} as TwoStartups;

const form = reportForm;

const figures = (overrides: Partial<MonthlyReportInput> = {}): MonthlyReportInput =>
  reportFigures({
    cash: 900_000_00,
    revenue: 10_000_00,
    compute: 50_000_00,
    payroll: 60_000_00,
    headcount: 9,
    arr: 120_000_00,
    highlights: "Hired a CTO",
    ...overrides,
  });

const monthUrl = (slug: string, month: string, data = true) => (data ? routeData(`/o/${slug}/reports/${month}`, MONTH_ROUTE) : `/o/${slug}/reports/${month}`);
const rowsOf = (org: { id: string }) => withSystem(app.database.db, (tx) => tx.select().from(monthlyReports).where(eq(monthlyReports.orgId, org.id)));
const auditOf = (org: { id: string }) => withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.orgId, org.id)));

beforeAll(async () => {
  app = await startTestApp();
  ({ alpha, beta, alphaOwner, alphaViewer, betaOwner } = await twoStartups(app, "Alpha Amounts", "Beta Amounts"));
});
afterAll(() => app.close());

describe("the report form reads amounts as people type them", () => {
  it.each([
    ["2021-01", "$2,400,000", 240_000_000],
    ["2021-02", "2,400,000.50", 240_000_050],
    ["2021-03", "2.4m", 240_000_000],
    ["2021-04", "2.4k", 240_000],
    ["2021-05", "240万", 240_000_000],
    ["2021-06", "1.5亿", 15_000_000_000],
  ])("%s: cash typed as %s is saved as %i cents", async (month, typed, minor) => {
    const response = await alphaOwner.post(monthUrl(alpha.org.slug, month), form({ cash: typed, payroll: "12.5k" }));
    expect(response.status).toBe(204);
    const row = (await rowsOf(alpha.org)).find((r) => r.month === month);
    expect(row).toMatchObject({ cash: minor, payroll: 1_250_000 });
  });

  it("refuses an ambiguous or unreadable amount with a field error (en and zh) and writes nothing", async () => {
    const rows = (await rowsOf(alpha.org)).length;
    const audit = (await auditOf(alpha.org)).length;
    const bad = await alphaOwner.post(monthUrl(alpha.org.slug, "2021-07"), form({ cash: "2,4", revenue: "1.234", compute: "lots" }));
    expect(bad.status).toBe(400);
    const errors = (await bad.json()).fieldErrors;
    expect(errors.cash).toMatch(/Check the commas in cash at month end/);
    expect(errors.revenue).toMatch(/at most two decimals/);
    expect(errors.compute).toMatch(/like 2,400,000.50, 2.4m or 240万/);
    const zh = await app.signIn(alpha.owner.email);
    zh.cookies.set("lang", "zh-CN");
    const zhBad = await zh.post(monthUrl(alpha.org.slug, "2021-07"), form({ cash: "2,4" }));
    expect(zhBad.status).toBe(400);
    expect((await zhBad.json()).fieldErrors.cash).toMatch(/^请检查.*中的逗号/);
    expect((await rowsOf(alpha.org)).length).toBe(rows);
    expect((await auditOf(alpha.org)).length).toBe(audit);
  });

  it("without JavaScript, a refused form comes back with what was typed and the error beside it", async () => {
    const page = await alphaOwner.post(monthUrl(alpha.org.slug, "2021-08", false), form({ cash: "2,4", payroll: "3.5k" }));
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toMatch(/name="cash"[^>]*value="2,4"|value="2,4"[^>]*name="cash"/);
    expect(html).toMatch(/name="payroll"[^>]*value="3.5k"|value="3.5k"[^>]*name="payroll"/);
    expect(html).toContain("Check the commas in cash at month end");
    // The echo under the payroll box says what 3.5k means, even before any script runs.
    expect(html).toContain("= $3,500.00");
    expect((await rowsOf(alpha.org)).some((r) => r.month === "2021-08")).toBe(false);
  });

  it("shows saved values with separators, the echo under each, and live figures seeded from the saved month", async () => {
    const html = await (await alphaOwner.get(monthUrl(alpha.org.slug, "2021-03", false))).text();
    expect(html).toMatch(/name="cash"[^>]*value="2,400,000.00"|value="2,400,000.00"[^>]*name="cash"/);
    expect(html).toContain("= $2,400,000.00");
    expect(html).toContain('data-testid="live-figures"');
    expect(html).toContain("Gross burn");
  });
});

describe("copy last month", () => {
  it("prefills a new month from the latest earlier report, writes nothing, and leaves the update empty", async () => {
    await saveMonthlyReport(alpha.ctx, "2022-01", null, figures());
    const rows = (await rowsOf(alpha.org)).length;
    const plain = await (await alphaOwner.get(monthUrl(alpha.org.slug, "2022-03", false))).text();
    expect(plain).toContain("Copy figures from January 2022");
    expect(plain).not.toMatch(/value="900,000.00"/);
    const response = await alphaOwner.get(`${monthUrl(alpha.org.slug, "2022-03", false)}?copy=last`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Prefilled with the figures of January 2022");
    expect(html).toMatch(/name="cash"[^>]*value="900,000.00"|value="900,000.00"[^>]*name="cash"/);
    expect(html).toMatch(/name="payroll"[^>]*value="60,000.00"|value="60,000.00"[^>]*name="payroll"/);
    expect(html).toMatch(/name="headcount"[^>]*value="9"|value="9"[^>]*name="headcount"/);
    expect(html).not.toContain("Hired a CTO");
    expect((await rowsOf(alpha.org)).length).toBe(rows);
    expect((await rowsOf(alpha.org)).some((r) => r.month === "2022-03")).toBe(false);
    const data = await (await alphaOwner.get(`${monthUrl(alpha.org.slug, "2022-03")}&copy=last`)).json();
    expect(data.copied).toMatchObject({ month: "2022-01", cash: 900_000_00 });
  });

  it("never copies over a month that is already reported, and never from another org", async () => {
    await saveMonthlyReport(beta.ctx, "2023-05", null, figures({ cash: 777_777_00 }));
    const data = await (await alphaOwner.get(`${monthUrl(alpha.org.slug, "2023-06")}&copy=last`)).json();
    expect(data.copied?.cash).not.toBe(777_777_00);
    const reported = await (await alphaOwner.get(`${monthUrl(alpha.org.slug, "2021-03")}&copy=last`)).json();
    expect(reported.copied).toBeNull();
    expect((await betaOwner.get(`${monthUrl(alpha.org.slug, "2022-03")}&copy=last`)).status).toBe(404);
  });

  it("in Chinese, the offer and the prefill notice are Chinese", async () => {
    const zh = await app.signIn(alpha.owner.email);
    zh.cookies.set("lang", "zh-CN");
    const html = await (await zh.get(`${monthUrl(alpha.org.slug, "2022-03", false)}?copy=last`)).text();
    expect(html).toContain("已填入 2022年1月 的数据");
    expect(html).toContain("输入时的实时数据");
  });
});

describe("a viewer sees values, not inputs", () => {
  it("shows the saved month as formatted values with no amount inputs and no copy offer", async () => {
    const html = await (await alphaViewer.get(monthUrl(alpha.org.slug, "2022-01", false))).text();
    expect(html).toContain('data-testid="report-values"');
    expect(html).toContain("$900,000");
    expect(html).not.toMatch(/<input[^>]*name="cash"/);
    expect(html).not.toMatch(/<input[^>]*name="payroll"/);
    expect(html).not.toContain("Copy figures from");
    expect(html).not.toContain('data-testid="live-figures"');
  });
});
