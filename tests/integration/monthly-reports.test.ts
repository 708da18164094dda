import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, monthlyReports, reportUpdates } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { addMonths, averageNetBurn, monthOfDate } from "../../app/finance";
import type { OrgContext } from "../../app/auth/context";
import {
  getMonthlyReport,
  listMonthlyReports,
  listReportFigures,
  saveMonthlyReport,
  upsertMonthlyReports,
  type MonthlyReportInput,
  type MonthlyReportRow,
} from "../../app/models/monthly-report.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { toastIn } from "../support/toast";
import { makeOrgWithOwner, signedInOwner, type TwoStartups, twoStartups } from "../support/factories";
import { at } from "../support/at";
import { routeData } from "../support/route-data";
import type { MessageRef } from "../../app/i18n/message-ref";
import { english } from "../support/english";
import { reportFigures, reportForm } from "../support/report-inputs";

const MONTH_ROUTE = "routes/o.$orgSlug.reports.$month";
const THIS_MONTH = monthOfDate(new Date());
const NEXT_MONTH = addMonths(THIS_MONTH, 1);

let app: TestApp;
let { alpha, beta, alphaOwner, alphaMember, alphaViewer, betaOwner } = {} as TwoStartups;

function input(overrides: Partial<MonthlyReportInput> = {}): MonthlyReportInput {
  return {
    cash: 1_200_000_00,
    revenue: 40_000_00,
    compute: 70_000_00,
    data: 10_000_00,
    payroll: 60_000_00,
    research: 5_000_00,
    go_to_market: 15_000_00,
    general_admin: 8_000_00,
    other: 2_000_00,
    headcount: 12,
    arr: 480_000_00,
    highlights: "Shipped v2",
    lowlights: null,
    asks: null,
    ...overrides,
  };
}

/** A complete form as a browser would post it. */
function form(overrides: Record<string, string> = {}): Record<string, string> {
  const figures = { cash: "1,200,000.00", revenue: "40000", compute: "70000.50", data: "10000", payroll: "60000", research: "", go_to_market: "15000" };
  return reportForm({ ...figures, general_admin: "8000", headcount: "12", highlights: "Closed two pilots", asks: "Intros to GPU clouds", ...overrides });
}

async function rowsOf(org: { id: string }) {
  return withSystem(app.database.db, (tx) => tx.select().from(monthlyReports).where(eq(monthlyReports.orgId, org.id)));
}

async function auditOf(org: { id: string }) {
  return withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.orgId, org.id)));
}

const monthUrl = (slug: string, month: string, data = true) => (data ? routeData(`/o/${slug}/reports/${month}`, MONTH_ROUTE) : `/o/${slug}/reports/${month}`);

beforeAll(async () => {
  app = await startTestApp();
  ({ alpha, beta, alphaOwner, alphaMember, alphaViewer, betaOwner } = await twoStartups(app, "Alpha Reports", "Beta Reports"));
});
afterAll(() => app.close());

describe("monthly report model", () => {
  it("creates a month, then edits it from the version read, with an audit entry for each save", async () => {
    const created = await saveMonthlyReport(alpha.ctx, "2024-01", null, input());
    expect(created.version).toBe(1);
    expect(created.grossBurn).toBe(170_000_00);
    expect(created.netBurn).toBe(130_000_00);
    const edited = await saveMonthlyReport(alpha.ctx, "2024-01", 1, input({ cash: 1_100_000_00, lowlights: "Churned a pilot" }));
    expect(edited.version).toBe(2);
    const read = await getMonthlyReport(alpha.ctx, "2024-01");
    expect(read).toMatchObject({ cash: 1_100_000_00, lowlights: "Churned a pilot", version: 2, updatedByName: alpha.owner.name });
    const entries = (await auditOf(alpha.org)).filter((e) => e.entityId === created.id);
    expect(entries.map((e) => e.action).sort()).toEqual(["monthly_report.create", "monthly_report.update"]);
    const update = entries.find((e) => e.action === "monthly_report.update")!;
    expect(update.before).toMatchObject({ cash: 1_200_000_00, version: 1 });
    expect(update.after).toMatchObject({ cash: 1_100_000_00, version: 2, lowlights: "Churned a pilot" });
  });

  it("two saves from the same version: one wins, the other is a conflict and the winner's data stays", async () => {
    await saveMonthlyReport(alpha.ctx, "2024-02", null, input());
    const results = await Promise.allSettled([
      saveMonthlyReport(alpha.ctx, "2024-02", 1, input({ cash: 111_00 })),
      saveMonthlyReport(alpha.ctx, "2024-02", 1, input({ cash: 222_00 })),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const winnerCash = (won[0] as PromiseFulfilledResult<{ cash: number }>).value.cash;
    const stored = await getMonthlyReport(alpha.ctx, "2024-02");
    expect(stored).toMatchObject({ cash: winnerCash, version: 2 });
  });

  it("two people creating the same month at once: one creates it, the other gets a conflict", async () => {
    const results = await Promise.allSettled([
      saveMonthlyReport(alpha.ctx, "2024-03", null, input({ cash: 333_00 })),
      saveMonthlyReport(alpha.ctx, "2024-03", null, input({ cash: 444_00 })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    const rows = (await rowsOf(alpha.org)).filter((r) => r.month === "2024-03");
    expect(rows).toHaveLength(1);
    // Creating a month that already exists (no version) is a conflict too, not an overwrite.
    await expect(saveMonthlyReport(alpha.ctx, "2024-03", null, input({ cash: 1 }))).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getMonthlyReport(alpha.ctx, "2024-03"))!.cash).toBe(at(rows, 0).cash);
  });

  it("refuses a future month, a month before 2000, and negative amounts, writing nothing", async () => {
    const before = (await rowsOf(alpha.org)).length;
    const future = await saveMonthlyReport(alpha.ctx, NEXT_MONTH, null, input()).catch(
      (error: unknown) => error as { code: string; fieldErrors: Record<string, MessageRef> },
    );
    expect(future).toMatchObject({ code: "INVALID" });
    expect(english((future as { fieldErrors: Record<string, MessageRef> }).fieldErrors.month)).toMatch(/future/);
    await expect(saveMonthlyReport(alpha.ctx, "1999-12", null, input())).rejects.toMatchObject({ code: "INVALID" });
    await expect(saveMonthlyReport(alpha.ctx, "2024-13", null, input())).rejects.toMatchObject({ code: "INVALID" });
    await expect(saveMonthlyReport(alpha.ctx, "2024-04", null, input({ data: -1 }))).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { data: expect.objectContaining({ key: expect.any(String) }) },
    });
    expect((await rowsOf(alpha.org)).length).toBe(before);
  });

  it("gives the dashboard every month as finance figures, oldest first (spec worked example)", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Worked Example");
    const months: [string, number, number][] = [
      ["2026-01", 140_000_00, 20_000_00],
      ["2026-02", 150_000_00, 20_000_00],
      ["2026-03", 160_000_00, 30_000_00],
      ["2026-04", 170_000_00, 40_000_00],
    ];
    for (const [month, spend, revenue] of months.reverse()) {
      await saveMonthlyReport(
        ctx,
        month,
        null,
        input({ compute: spend, data: 0, payroll: 0, research: 0, go_to_market: 0, general_admin: 0, other: 0, revenue, cash: 1_200_000_00 }),
      );
    }
    const figures = await listReportFigures(ctx);
    expect(figures.map((f) => f.month)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(averageNetBurn(figures, "2026-04", 3)).toEqual({ value: 130_000_00, monthsUsed: 3, shortHistory: false });
  });
});

describe("bulk upsert for the importer", () => {
  const rows = (cash: number): MonthlyReportRow[] =>
    ["2023-01", "2023-02", "2023-03"].map((month, i) => ({
      month,
      cash: cash + i,
      revenue: 1_000_00,
      compute: 5_000_00,
      data: 0,
      payroll: 9_000_00,
      research: 0,
      go_to_market: 0,
      general_admin: 0,
      other: 0,
      headcount: 4,
      arr: null,
    }));
  const run = (ctx: OrgContext, batch: MonthlyReportRow[]) => withTenant(ctx.db, ctx.org.id, (tx) => upsertMonthlyReports(tx, ctx, batch));

  it("is idempotent: the same rows again insert and update nothing and bump no version", async () => {
    const { ctx, org } = await makeOrgWithOwner(app.database, "startup", "Bulk Co");
    expect(await run(ctx, rows(500_000_00))).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    const auditAfterFirst = (await auditOf(org)).length;
    const versions = (await rowsOf(org)).map((r) => r.version);
    expect(await run(ctx, rows(500_000_00))).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect((await rowsOf(org)).map((r) => r.version)).toEqual(versions);
    expect((await auditOf(org)).length).toBe(auditAfterFirst);
  });

  it("updates only the changed rows, keeps the texts, and audits each change with before and after", async () => {
    const { ctx, org } = await makeOrgWithOwner(app.database, "startup", "Bulk Two");
    await run(ctx, rows(100_00));
    const jan = await getMonthlyReport(ctx, "2023-01");
    await saveMonthlyReport(ctx, "2023-01", jan!.version, { ...input(), ...rows(100_00)[0], highlights: "Keep me" });
    const changed = rows(100_00);
    changed[1] = { ...at(changed, 1), cash: 7_00 };
    const auditBefore = (await auditOf(org)).length;
    expect(await run(ctx, changed)).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    const feb = (await rowsOf(org)).find((r) => r.month === "2023-02")!;
    expect(feb).toMatchObject({ cash: 7_00, version: 2 });
    expect((await getMonthlyReport(ctx, "2023-01"))!.highlights).toBe("Keep me");
    const entries = await auditOf(org);
    expect(entries.length).toBe(auditBefore + 1);
    const updates = entries.filter((e) => e.action === "monthly_report.import_update");
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ entityId: feb.id, before: { cash: 100_01, version: 1 }, after: { cash: 7_00, version: 2 } });
  });

  it("refuses invalid rows and writes none of them", async () => {
    const { ctx, org } = await makeOrgWithOwner(app.database, "startup", "Bulk Three");
    const bad = rows(1_00);
    bad[2] = { ...at(bad, 2), month: NEXT_MONTH };
    await expect(run(ctx, bad)).rejects.toMatchObject({ code: "INVALID" });
    expect(await rowsOf(org)).toHaveLength(0);
  });
});

describe("monthly reports over HTTP", () => {
  it("enters a new month from the form and shows it in the list with gross and net burn", async () => {
    const response = await alphaMember.post(monthUrl(alpha.org.slug, "2025-05"), form());
    // Saved: back to the month's page (204 + X-Remix-Redirect to a JavaScript post), which shows the toast once.
    expect(response.status).toBe(204);
    expect(response.headers.get("x-remix-redirect")).toBe(`/o/${alpha.org.slug}/reports/2025-05`);
    const saved = await (await alphaMember.get(`/o/${alpha.org.slug}/reports/2025-05`)).text();
    expect(toastIn(saved)).toBe("Saved May 2025.");
    expect(toastIn(await (await alphaMember.get(`/o/${alpha.org.slug}/reports/2025-05`)).text())).toBeNull();
    const stored = (await rowsOf(alpha.org)).find((r) => r.month === "2025-05")!;
    expect(stored).toMatchObject({ cash: 1_200_000_00, compute: 70_000_50, research: 0, headcount: 12, arr: null });
    const texts = await withTenant(app.database.db, alpha.org.id, (tx) => tx.select().from(reportUpdates).where(eq(reportUpdates.month, "2025-05")));
    expect(texts).toMatchObject([{ lowlights: null, asks: "Intros to GPU clouds" }]);
    const list = await alphaMember.get(`/o/${alpha.org.slug}/reports`);
    const html = await list.text();
    expect(html).toContain("2025-05");
    expect(html).toContain("$163,001"); // gross burn 70,000.50 + 10,000 + 60,000 + 15,000 + 8,000
    expect(html).toContain("$123,001"); // net burn = gross burn − 40,000 revenue
  });

  it("a stale version answers 409 with the other person's values, and their save stays", async () => {
    await alphaOwner.post(monthUrl(alpha.org.slug, "2025-06"), form({ cash: "500000" }));
    const first = await alphaOwner.post(monthUrl(alpha.org.slug, "2025-06"), form({ version: "1", cash: "510000" }));
    expect(first.status).toBe(204);
    const second = await alphaMember.post(monthUrl(alpha.org.slug, "2025-06"), form({ version: "1", cash: "999999" }));
    expect(second.status).toBe(409);
    const body = await second.json();
    expect(body.formError).toMatch(/someone else saved 2025-06/i);
    expect(body.conflict.current).toMatchObject({ cash: 510_000_00, version: 2 });
    expect(body.conflict.yours.cash).toBe("999999");
    expect((await rowsOf(alpha.org)).find((r) => r.month === "2025-06")).toMatchObject({ cash: 510_000_00, version: 2 });
    // The page a browser gets shows their values in the form and lists the ones not saved.
    const page = await alphaMember.post(monthUrl(alpha.org.slug, "2025-06", false), form({ version: "1", cash: "888888" }));
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain("Someone else saved 2025-06");
    expect(html).toContain("Your entries that were not saved");
    expect(html).toContain("888888");
    expect(html).toMatch(/name="cash"[^>]*value="510,000.00"|value="510,000.00"[^>]*name="cash"/);
    expect(html).toMatch(/name="version" value="2"|value="2"[^>]*name="version"/);
    // The retry carries their version, so overwriting them is a deliberate choice.
    const retry = await alphaMember.post(monthUrl(alpha.org.slug, "2025-06"), form({ version: "2", cash: "999999" }));
    expect(retry.status).toBe(204);
  });

  it("posting a 'new' month that someone else created meanwhile is a conflict, not an overwrite", async () => {
    await alphaOwner.post(monthUrl(alpha.org.slug, "2025-07"), form({ cash: "1" }));
    const late = await alphaMember.post(monthUrl(alpha.org.slug, "2025-07"), form({ cash: "2" }));
    expect(late.status).toBe(409);
    expect((await rowsOf(alpha.org)).find((r) => r.month === "2025-07")!.cash).toBe(1_00);
  });

  it("answers 400 per field and writes nothing for invalid input", async () => {
    const countBefore = (await rowsOf(alpha.org)).length;
    const auditBefore = (await auditOf(alpha.org)).length;
    const negative = await alphaOwner.post(monthUrl(alpha.org.slug, "2025-08"), form({ payroll: "-100", headcount: "1.5", arr: "-3", cash: "12.345" }));
    expect(negative.status).toBe(400);
    const errors = (await negative.json()).fieldErrors;
    expect(errors.payroll).toMatch(/cannot be negative/);
    expect(errors.headcount).toMatch(/whole number/);
    expect(errors.arr).toMatch(/cannot be negative/);
    expect(errors.cash).toMatch(/two decimals/);
    const future = await alphaOwner.post(monthUrl(alpha.org.slug, NEXT_MONTH), form());
    expect(future.status).toBe(400);
    expect((await future.json()).fieldErrors.month).toMatch(/future/);
    const badMonth = await alphaOwner.post(monthUrl(alpha.org.slug, "2026-13"), form());
    expect(badMonth.status).toBe(400);
    expect((await badMonth.json()).fieldErrors.month).toMatch(/YYYY-MM/);
    const ancient = await alphaOwner.post(monthUrl(alpha.org.slug, "1999-12"), form());
    expect(ancient.status).toBe(400);
    const long = await alphaOwner.post(monthUrl(alpha.org.slug, "2025-08"), form({ highlights: "x".repeat(5001) }));
    expect(long.status).toBe(400);
    expect((await long.json()).fieldErrors.highlights).toMatch(/5,000 characters/);
    expect((await rowsOf(alpha.org)).length).toBe(countBefore);
    expect((await auditOf(alpha.org)).length).toBe(auditBefore);
  });

  it("accepts the current month", async () => {
    const response = await alphaOwner.post(monthUrl(alpha.org.slug, THIS_MONTH), form());
    expect(response.status).toBe(204);
  });

  it("'new' picks a month and redirects to its form; an invalid pick is explained", async () => {
    const picked = await alphaOwner.get(`/o/${alpha.org.slug}/reports/new?month=2025-03`);
    expect(picked.status).toBe(302);
    expect(picked.headers.get("location")).toBe(`/o/${alpha.org.slug}/reports/2025-03`);
    const invalidPick = await alphaOwner.get(`/o/${alpha.org.slug}/reports/new?month=2026-13`);
    expect(invalidPick.status).toBe(400);
    expect(await invalidPick.text()).toContain("YYYY-MM");
    const page = await alphaOwner.get(`/o/${alpha.org.slug}/reports/new`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Enter a month");
  });

  it("a viewer reads the month without edit controls and gets 403 on save, with nothing written", async () => {
    const page = await alphaViewer.get(monthUrl(alpha.org.slug, "2025-05", false));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("read-only access");
    expect(html).not.toContain("Save changes");
    const list = await alphaViewer.get(`/o/${alpha.org.slug}/reports`);
    expect(await list.text()).not.toContain("Enter a month");
    const before = await rowsOf(alpha.org);
    const response = await alphaViewer.post(monthUrl(alpha.org.slug, "2025-05"), form({ version: "1", cash: "1" }));
    expect(response.status).toBe(403);
    const created = await alphaViewer.post(monthUrl(alpha.org.slug, "2025-09"), form());
    expect(created.status).toBe(403);
    expect(await rowsOf(alpha.org)).toEqual(before);
  });

  it("another org's member gets 404 for this org's list, months, export and saves, and nothing is written", async () => {
    const before = await rowsOf(alpha.org);
    expect((await betaOwner.get(`/o/${alpha.org.slug}/reports`)).status).toBe(404);
    expect((await betaOwner.get(monthUrl(alpha.org.slug, "2025-05"))).status).toBe(404);
    expect((await betaOwner.get(`/o/${alpha.org.slug}/reports.csv`)).status).toBe(404);
    expect((await betaOwner.post(monthUrl(alpha.org.slug, "2025-05"), form({ version: "1" }))).status).toBe(404);
    expect((await betaOwner.post(monthUrl(alpha.org.slug, "2025-10"), form())).status).toBe(404);
    expect(await rowsOf(alpha.org)).toEqual(before);
  });

  it("another org's month never shows under one's own slug", async () => {
    await saveMonthlyReport(beta.ctx, "2022-02", null, input({ cash: 987_654_32 }));
    const own = await alphaOwner.get(monthUrl(alpha.org.slug, "2022-02"));
    expect(own.status).toBe(200);
    expect((await own.json()).report).toBeNull();
    const csv = await (await alphaOwner.get(`/o/${alpha.org.slug}/reports.csv`)).text();
    expect(csv).not.toContain("2022-02");
    expect(csv).not.toContain("987654.32");
  });

  it("exports CSV in exactly the import header, amounts in major units with two decimals", async () => {
    const { ctx, owner, org } = await makeOrgWithOwner(app.database, "startup", "Csv Co");
    await saveMonthlyReport(ctx, "2024-05", null, input({ cash: 1_234_567_89, revenue: 5, arr: null, research: 1_000_00 }));
    await saveMonthlyReport(ctx, "2024-04", null, input({ arr: 12_00 }));
    const client = await app.signIn(owner.email);
    const response = await client.get(`/o/${org.slug}/reports.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("month,cash,revenue,compute,data,payroll,research,go_to_market,general_admin,other,headcount,arr");
    expect(lines[1]).toBe("2024-04,1200000.00,40000.00,70000.00,10000.00,60000.00,5000.00,15000.00,8000.00,2000.00,12,12.00");
    expect(lines[2]).toBe("2024-05,1234567.89,0.05,70000.00,10000.00,60000.00,1000.00,15000.00,8000.00,2000.00,12,");
  });

  it("pages the list newest first, 24 months a page", async () => {
    const { ctx, owner, org } = await makeOrgWithOwner(app.database, "startup", "Paging Co");
    const months = Array.from({ length: 30 }, (_, i) => addMonths("2020-01", i));
    await withTenant(ctx.db, ctx.org.id, (tx) =>
      upsertMonthlyReports(
        tx,
        ctx,
        months.map((month) => {
          const { highlights: _h, lowlights: _l, asks: _a, ...figures } = reportFigures({ cash: 1, headcount: 1 });
          return { month, ...figures };
        }),
      ),
    );
    const first = await listMonthlyReports(ctx, { page: 1 });
    expect(first).toMatchObject({ total: 30, pageCount: 2, page: 1 });
    expect(at(first.reports, 0).month).toBe("2022-06");
    expect(first.reports).toHaveLength(24);
    const second = await listMonthlyReports(ctx, { page: 2 });
    expect(second.reports.map((r) => r.month)).toEqual(months.slice(0, 6).reverse());
    const oldest = await listMonthlyReports(ctx, { page: 1, sort: "oldest" });
    expect(at(oldest.reports, 0).month).toBe("2020-01");
    const client = await app.signIn(owner.email);
    const html = await (await client.get(`/o/${org.slug}/reports?page=2`)).text();
    expect(html).toContain("Page 2 of 2");
    expect(html).toContain("2020-06");
    expect(html).not.toContain("2022-06");
  });

  it("shows an empty state when no month is reported, and 404s for an investor org", async () => {
    const { org, client } = await signedInOwner(app, "startup", "Empty Co");
    expect(await (await client.get(`/o/${org.slug}/reports`)).text()).toContain("No monthly reports yet");
    const { client: fund, ...investor } = await signedInOwner(app, "investor", "Fund Reports");
    expect((await fund.get(`/o/${investor.org.slug}/reports`)).status).toBe(404);
    expect((await fund.post(monthUrl(investor.org.slug, "2025-01"), form())).status).toBe(404);
    expect(
      await withSystem(app.database.db, (tx) =>
        tx
          .select()
          .from(monthlyReports)
          .where(and(eq(monthlyReports.orgId, investor.org.id))),
      ),
    ).toHaveLength(0);
  });
});
