import { createHash } from "node:crypto";
import fs from "node:fs";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, budgets, monthlyReports, reportUpdates } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import {
  MAX_DATA_ROWS,
  parseBudgetsCsv,
  parseImportCsvInChunks,
  parseMonthlyReportsCsv,
  splitCsvAtRecords,
  type CsvImportError,
  type CsvImportResult,
  type MonthlyReportImportRow,
} from "../../app/domain/csv-import";
import { checkImportCsv } from "../../app/models/csv-import.server";
import type { OrgContext } from "../../app/auth/context";
import { importBudgets, importMonthlyReports, previewMonthlyReportsImport } from "../../app/models/import.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, makeOrgWithOwner } from "../support/factories";
import { routeData } from "../support/route-data";
import { at, first } from "../support/at";

const NOW = new Date("2026-11-28T12:00:00Z");
const MONTHLY_HEADER = "month,cash,revenue,compute,data,payroll,research,go_to_market,general_admin,other,headcount,arr";
const monthlyLine = (month: string, cash = "1200000.00", arr = "480000") => `${month},${cash},40000,60000,10000,80000,5000,10000,4000,1000,12,${arr}`;
const monthly = (...lines: string[]) => [MONTHLY_HEADER, ...lines].join("\n") + "\n";
const budgetFile = (...lines: string[]) => ["month,category,amount", ...lines].join("\n") + "\n";
const SAMPLE_MONTHLY = fs.readFileSync("public/samples/monthly-reports.csv", "utf8");
const SAMPLE_BUDGETS = fs.readFileSync("public/samples/budgets.csv", "utf8");

function errorsOf(result: CsvImportResult<unknown>): CsvImportError[] {
  if (result.ok) throw new Error("expected errors, got a valid file");
  return result.errors;
}

/** Every (month, category) a budget file may hold: 2000-01 … 2031-12 × 7 categories. */
function allBudgetLines(limit = Infinity, amount = (i: number) => `${1000 + i}.50`): string[] {
  const categories = ["compute", "data", "payroll", "research", "go_to_market", "general_admin", "other"];
  const lines: string[] = [];
  for (let year = 2000; year <= 2031; year++) {
    for (let m = 1; m <= 12; m++) {
      for (const c of categories) {
        if (lines.length >= limit) return lines;
        lines.push(`${year}-${String(m).padStart(2, "0")},${c},${amount(lines.length)}`);
      }
    }
  }
  return lines;
}

describe("parsing and checking a monthly reports file", () => {
  it("reads a valid file into rows in exact minor units", () => {
    const result = parseMonthlyReportsCsv(monthly('2026-03,0.29,"1,234.56",0,0,0,0,0,0,0,0,', monthlyLine("2026-04")), { now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toMatchObject({ month: "2026-03", cash: 29, revenue: 123456, headcount: 0, arr: null });
    expect(result.rows[1]).toMatchObject({ month: "2026-04", cash: 120000000, compute: 6000000, go_to_market: 1000000, arr: 48000000 });
  });

  it("accepts the sample file", () => {
    const result = parseMonthlyReportsCsv(SAMPLE_MONTHLY, { now: NOW });
    expect(result.ok).toBe(true);
    expect(result.ok && result.rows.map((r) => r.month)).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
    ]);
  });

  it("handles a UTF-8 byte-order mark and CRLF line endings (as Excel saves them)", () => {
    const text = "\uFEFF" + [MONTHLY_HEADER, monthlyLine("2026-01"), monthlyLine("2026-02")].join("\r\n") + "\r\n";
    const result = parseMonthlyReportsCsv(text, { now: NOW });
    expect(result.ok).toBe(true);
    expect(result.ok && result.rows.map((r) => r.month)).toEqual(["2026-01", "2026-02"]);
  });

  it("handles quoted fields, header case and spacing, trailing empty cells and blank lines", () => {
    const text = [
      "Month, Cash ,revenue,compute,data,payroll,research,go_to_market,general_admin,other,headcount,ARR,,",
      `"2026-01","1,000,000.5","40000",60000,10000,80000,5000,10000,4000,1000,12,"",,`,
      "",
      ",,,,,,,,,,,",
      monthlyLine("2026-02"),
    ].join("\n");
    const result = parseMonthlyReportsCsv(text, { now: NOW });
    expect(result).toMatchObject({ ok: true, blankLines: 2 });
    expect(result.ok && result.rows[0]).toMatchObject({ month: "2026-01", cash: 100000050, arr: null });
  });

  it("rejects a wrong header on line 1 and says which columns are missing or unknown", () => {
    const errors = errorsOf(parseMonthlyReportsCsv("month,cash,revenue,spend\n2026-01,1,2,3\n", { now: NOW }));
    expect(errors).toHaveLength(1);
    expect(at(errors, 0).line).toBe(1);
    expect(at(errors, 0).message).toContain(MONTHLY_HEADER);
    expect(at(errors, 0).message).toMatch(/Missing: compute, data, payroll/);
    expect(at(errors, 0).message).toMatch(/Not recognised: spend/);
  });

  it("explains a semicolon-separated file and an empty file", () => {
    const semicolons = errorsOf(parseMonthlyReportsCsv(MONTHLY_HEADER.replaceAll(",", ";") + "\n", { now: NOW }));
    expect(at(semicolons, 0).message).toMatch(/semicolons/);
    expect(errorsOf(parseMonthlyReportsCsv("", { now: NOW }))[0]).toMatchObject({ line: 1, message: expect.stringMatching(/empty/) });
    expect(first(errorsOf(parseMonthlyReportsCsv(MONTHLY_HEADER + "\n", { now: NOW }))).message).toMatch(/no data rows/);
  });

  it("numbers lines as a spreadsheet does: header is 1, a multi-line quoted cell is one line", () => {
    const text = monthly(
      monthlyLine("2026-01"),
      `2026-02,"1200000",40000,60000,10000,80000,5000,10000,4000,1000,12,"not\nan amount"`,
      monthlyLine("2026-03", "-5"),
    );
    const errors = errorsOf(parseMonthlyReportsCsv(text, { now: NOW }));
    expect(errors).toEqual([
      { line: 3, column: "arr", message: expect.stringMatching(/not an amount/) },
      { line: 4, column: "cash", message: "cash cannot be negative (found -5)." },
    ]);
  });

  it("rejects negative amounts, bad numbers and bad headcounts per cell", () => {
    const text = monthly("2026-01,100,-1,60000,10000,80000,5000,10000,4000,1000,-3,", "2026-02,100,12.345,5e3,,80000,5000,10000,4000,1000,2.5,");
    const errors = errorsOf(parseMonthlyReportsCsv(text, { now: NOW }));
    expect(errors.map((e) => `${e.line}:${e.column}`)).toEqual(["2:revenue", "2:headcount", "3:revenue", "3:compute", "3:data", "3:headcount"]);
    expect(at(errors, 0).message).toMatch(/cannot be negative/);
    expect(at(errors, 2).message).toMatch(/at most two decimals/);
    expect(at(errors, 4).message).toMatch(/Enter data \(use 0 for none\)/);
  });

  it("reads amounts the way the forms do: $5, 2.4k, 240万 (issue #15 item 15)", () => {
    const text = monthly("2026-01,2.4m,$5,2.4k,240万,80000,5000,10000,4000,1000,3,");
    const result = parseMonthlyReportsCsv(text, { now: NOW });
    expect(result.ok && result.rows[0]).toMatchObject({ cash: 240_000_000, revenue: 500, compute: 240_000, data: 240_000_000 });
  });

  it("rejects months that are not YYYY-MM, 2026-13, and future months", () => {
    const text = monthly(
      monthlyLine("2026-13"),
      monthlyLine("2026-1"),
      monthlyLine("Jan-26"),
      monthlyLine("2026-12"),
      monthlyLine("2026-11"),
      monthlyLine("1999-12"),
    );
    const errors = errorsOf(parseMonthlyReportsCsv(text, { now: NOW }));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "month"],
      [3, "month"],
      [4, "month"],
      [5, "month"],
      [7, "month"],
    ]);
    expect(at(errors, 0).message).toMatch(/01 to 12/);
    expect(at(errors, 1).message).toMatch(/YYYY-MM/);
    expect(at(errors, 3).message).toMatch(/2026-12 is in the future/);
  });

  it("rejects a month that appears twice, pointing at both lines", () => {
    const errors = errorsOf(parseMonthlyReportsCsv(monthly(monthlyLine("2026-01"), monthlyLine("2026-02"), monthlyLine("2026-01")), { now: NOW }));
    expect(errors).toEqual([{ line: 4, column: "month", message: expect.stringMatching(/2026-01 appears more than once \(first on line 2\)/) }]);
  });

  it("rejects rows with extra or missing values", () => {
    const errors = errorsOf(parseMonthlyReportsCsv(monthly(monthlyLine("2026-01") + ",surprise", "2026-02,1,2,3"), { now: NOW }));
    expect(errors).toEqual([
      { line: 2, column: null, message: "This line has 13 values but the header has 12 columns." },
      { line: 3, column: null, message: "This line has 4 values but the header has 12 columns." },
    ]);
  });

  it("stops at broken quoting with the line where it starts", () => {
    const errors = errorsOf(parseMonthlyReportsCsv(monthly(monthlyLine("2026-01"), `2026-02,12"00,1,1,1,1,1,1,1,1,1,`), { now: NOW }));
    expect(errors).toEqual([{ line: 3, column: null, message: expect.stringMatching(/not valid CSV/) }]);
  });
});

describe("parsing and checking a budget file", () => {
  it("reads a valid file and accepts the sample", () => {
    const result = parseBudgetsCsv(budgetFile("2027-01,compute,150000.75", "2027-01,Payroll,90000"), { now: NOW });
    expect(result.ok && result.rows).toEqual([
      { month: "2027-01", category: "compute", amount: 15000075 },
      { month: "2027-01", category: "payroll", amount: 9000000 },
    ]);
    const sample = parseBudgetsCsv(SAMPLE_BUDGETS, { now: NOW });
    expect(sample.ok && sample.rows.length).toBe(84);
  });

  it("rejects unknown categories, negative amounts, months too far ahead and duplicate month+category", () => {
    const text = budgetFile("2026-01,marketing,100", "2026-01,compute,-100", "2032-01,compute,1", "2026-02,data,5", "2026-02,data,6");
    const errors = errorsOf(parseBudgetsCsv(text, { now: NOW }));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "category"],
      [3, "amount"],
      [4, "month"],
      [6, "category"],
    ]);
    expect(at(errors, 0).message).toMatch(/Unknown category "marketing": use one of compute, data, payroll/);
    expect(at(errors, 2).message).toMatch(/up to 2031-12/);
    expect(at(errors, 3).message).toMatch(/first on line 5/);
  });

  it("lists the first 100 errors and counts them all", () => {
    const result = parseBudgetsCsv(budgetFile(...Array.from({ length: 250 }, () => "2026-01,rent,1")), { now: NOW });
    expect(result).toMatchObject({ ok: false, errorCount: 250 });
    expect(errorsOf(result)).toHaveLength(100);
    expect(at(errorsOf(result), 99).line).toBe(101);
  });

  it("caps the file at 100,000 data rows and 10 MB", () => {
    // The server's check (csv-parse's Node build): the same rules, faster on big files.
    const lines = allBudgetLines();
    const atLimit = Array.from({ length: MAX_DATA_ROWS }, (_, i) => at(lines, i % lines.length));
    const full = checkImportCsv("budgets", budgetFile(...atLimit), { now: NOW });
    // 100,000 rows are read (their repeats are errors of their own), not refused for size.
    expect(full).toMatchObject({ ok: false, errorCount: MAX_DATA_ROWS - lines.length });
    const over = checkImportCsv("budgets", budgetFile(...atLimit, at(lines, 0)), { now: NOW });
    expect(errorsOf(over)).toEqual([{ line: 100_002, column: null, message: expect.stringMatching(/more than 100,000 data rows\. Split it/) }]);
    const huge = "month,category,amount\n" + `2026-01,compute,1${" ".repeat(64)}\n`.repeat(170_000);
    expect(errorsOf(parseBudgetsCsv(huge, { now: NOW }))).toEqual([{ line: null, column: null, message: expect.stringMatching(/larger than 10 MB/) }]);
  });

  it("gives the same answer when checked in chunks (the browser's progress bar) as in one go", async () => {
    const text = budgetFile(...allBudgetLines(2000), `2026-03,"da\nta",1`, "2026-04,compute,-1");
    expect(splitCsvAtRecords(text, 1024).length).toBeGreaterThan(10);
    const progress: number[] = [];
    const chunked = await parseImportCsvInChunks("budgets", text, { now: NOW, chunkChars: 1024, onProgress: (p) => progress.push(p.doneChars / p.totalChars) });
    expect(chunked).toEqual(parseBudgetsCsv(text, { now: NOW }));
    expect(errorsOf(chunked).map((e) => e.line)).toEqual([2002, 2003]);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
  });
});

/* ----------------------------------------------------------------- models and routes */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const ROUTE_REPORTS = "routes/o.$orgSlug.reports.import";
const ROUTE_BUDGETS = "routes/o.$orgSlug.budgets.import";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function upload(client: TestClient, slug: string, section: "reports" | "budgets", text: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.append("intent", extra.intent ?? "preview");
  for (const [k, v] of Object.entries(extra)) if (k !== "intent") form.append(k, v);
  form.append("file", new Blob([text], { type: "text/csv" }), `${section}.csv`);
  const route = section === "reports" ? ROUTE_REPORTS : ROUTE_BUDGETS;
  return client.postMultipart(routeData(`/o/${slug}/${section}/import`, route), form);
}

/** Preview, then confirm with the previewed digest — what the page does. */
async function importThroughPages(client: TestClient, slug: string, section: "reports" | "budgets", text: string) {
  const preview = await upload(client, slug, section, text);
  const previewBody = await preview.json();
  if (previewBody.status !== "preview") return { response: preview, body: previewBody };
  const response = await upload(client, slug, section, text, { intent: "import", checksum: previewBody.checksum });
  return { response, body: await response.json() };
}

function reportsOf(ctx: OrgContext) {
  return withTenant(app.database.db, ctx.org.id, (tx) => tx.select().from(monthlyReports).orderBy(asc(monthlyReports.month)));
}
function budgetsOf(ctx: OrgContext) {
  return withTenant(app.database.db, ctx.org.id, (tx) => tx.select().from(budgets).orderBy(asc(budgets.month), asc(budgets.category)));
}
function importAudits(ctx: OrgContext, action: string) {
  return withTenant(app.database.db, ctx.org.id, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, ctx.org.id), eq(auditLog.action, action))),
  );
}

async function signedIn(ctx: OrgContext, user: { email: string; password: string }) {
  const client = app.client();
  await client.login(user.email, user.password);
  return { client, slug: ctx.org.slug };
}

describe("importing monthly reports", () => {
  it("previews without writing, then imports every month of a valid file with one summary audit entry", async () => {
    const { owner, ctx } = await makeOrgWithOwner(app.database, "startup", "Sample AI");
    const { client, slug } = await signedIn(ctx, owner);
    const preview = await upload(client, slug, "reports", SAMPLE_MONTHLY);
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body).toMatchObject({
      status: "preview",
      counts: { rows: 12, inserted: 12, updated: 0, unchanged: 0 },
      firstMonth: "2025-01",
      lastMonth: "2025-12",
    });
    expect(body.previewRows[0]).toEqual([
      "2025-01",
      "4820600.00",
      "18500.00",
      "142000.00",
      "24000.00",
      "186000.00",
      "12400.00",
      "8500.00",
      "21800.00",
      "3200.00",
      "14",
      "",
    ]);
    expect(await reportsOf(ctx)).toHaveLength(0);

    const imported = await upload(client, slug, "reports", SAMPLE_MONTHLY, { intent: "import", checksum: body.checksum });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ status: "imported", counts: { rows: 12, inserted: 12, updated: 0, unchanged: 0 } });
    const rows = await reportsOf(ctx);
    expect(rows).toHaveLength(12);
    expect(rows[6]).toMatchObject({ month: "2025-07", cash: 1619905000, goToMarket: 3150000, headcount: 18, arr: 66480000, version: 1 });
    const audits = await importAudits(ctx, "monthly_report.import");
    expect(audits).toHaveLength(1);
    expect(at(audits, 0).after).toMatchObject({ rows: 12, inserted: 12, updated: 0, unchanged: 0, firstMonth: "2025-01", lastMonth: "2025-12" });
  });

  it("writes nothing when one row of the file is bad, and says which line", async () => {
    const { owner, ctx } = await makeOrgWithOwner(app.database);
    const { client, slug } = await signedIn(ctx, owner);
    const text = monthly(monthlyLine("2026-01"), monthlyLine("2026-02"), monthlyLine("2026-03", "-10"), monthlyLine("2026-04"));
    const preview = await upload(client, slug, "reports", text);
    expect(preview.status).toBe(400);
    expect(await preview.json()).toMatchObject({ status: "errors", errorCount: 1, errors: [{ line: 4, column: "cash" }] });
    // Even a forged confirm (with the digest of that content) is checked again and refused.
    const forced = await upload(client, slug, "reports", text, { intent: "import", checksum: sha256(text) });
    expect(forced.status).toBe(400);
    expect(await reportsOf(ctx)).toHaveLength(0);
    expect(await importAudits(ctx, "monthly_report.import")).toHaveLength(0);
  });

  it("changes nothing when the same file is imported twice", async () => {
    const { owner, ctx } = await makeOrgWithOwner(app.database);
    const { client, slug } = await signedIn(ctx, owner);
    expect((await importThroughPages(client, slug, "reports", SAMPLE_MONTHLY)).body.counts.inserted).toBe(12);
    const before = await reportsOf(ctx);
    const preview = await upload(client, slug, "reports", SAMPLE_MONTHLY);
    expect((await preview.json()).counts).toEqual({ rows: 12, inserted: 0, updated: 0, unchanged: 12 });
    const again = await importThroughPages(client, slug, "reports", SAMPLE_MONTHLY);
    expect(again.body).toMatchObject({ status: "imported", counts: { rows: 12, inserted: 0, updated: 0, unchanged: 12 } });
    const after = await reportsOf(ctx);
    expect(after.map((r) => [r.month, r.version, String(r.updatedAt)])).toEqual(before.map((r) => [r.month, r.version, String(r.updatedAt)]));
    expect(await importAudits(ctx, "monthly_report.import")).toHaveLength(1);
  });

  it("updates changed months, bumps only their version, and keeps the investor update text", async () => {
    const { ctx } = await makeOrgWithOwner(app.database);
    const parsed = parseMonthlyReportsCsv(monthly(monthlyLine("2026-01"), monthlyLine("2026-02")), { now: NOW });
    if (!parsed.ok) throw new Error("fixture invalid");
    await importMonthlyReports(ctx, parsed.rows);
    await withTenant(app.database.db, ctx.org.id, (tx) =>
      tx.insert(reportUpdates).values({ orgId: ctx.org.id, month: "2026-02", highlights: "Closed our first enterprise pilot", asks: "Intros to GPU brokers" }),
    );
    const changed: MonthlyReportImportRow[] = [at(parsed.rows, 0), { ...at(parsed.rows, 1), cash: 99, arr: null }, { ...at(parsed.rows, 1), month: "2026-03" }];
    expect(await previewMonthlyReportsImport(ctx, changed)).toEqual({ rows: 3, inserted: 1, updated: 1, unchanged: 1 });
    expect(await importMonthlyReports(ctx, changed)).toEqual({ rows: 3, inserted: 1, updated: 1, unchanged: 1 });
    const rows = await reportsOf(ctx);
    expect(rows.map((r) => [r.month, r.version, r.cash, r.arr])).toEqual([
      ["2026-01", 1, 120000000, 48000000],
      ["2026-02", 2, 99, null],
      ["2026-03", 1, 120000000, 48000000],
    ]);
    const texts = await withTenant(app.database.db, ctx.org.id, (tx) => tx.select().from(reportUpdates));
    expect(texts).toMatchObject([{ month: "2026-02", highlights: "Closed our first enterprise pilot", asks: "Intros to GPU brokers" }]);
  });

  it("refuses to import content other than the previewed file, answering with a fresh preview", async () => {
    const { owner, ctx } = await makeOrgWithOwner(app.database);
    const { client, slug } = await signedIn(ctx, owner);
    const previewed = monthly(monthlyLine("2026-01"));
    const digest = (await (await upload(client, slug, "reports", previewed)).json()).checksum;
    const other = monthly(monthlyLine("2026-01", "1.00"));
    const response = await upload(client, slug, "reports", other, { intent: "import", checksum: digest });
    expect(await response.json()).toMatchObject({ status: "preview", notice: expect.stringMatching(/not the one you checked/) });
    expect(await reportsOf(ctx)).toHaveLength(0);
  });

  it("shows the page with the sample link to editors", async () => {
    const { owner, ctx } = await makeOrgWithOwner(app.database);
    const { client, slug } = await signedIn(ctx, owner);
    const page = await client.get(`/o/${slug}/reports/import`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Import monthly reports");
    expect(html).toContain('href="/samples/monthly-reports.csv"');
    expect((await client.get("/samples/monthly-reports.csv")).status).toBe(200);
  });

  it("answers 403 to a viewer and writes nothing", async () => {
    const { ctx } = await makeOrgWithOwner(app.database);
    const viewer = await addMember(app.database, ctx, "viewer");
    const { client, slug } = await signedIn(ctx, viewer.user);
    expect((await client.get(`/o/${slug}/reports/import`)).status).toBe(403);
    const response = await upload(client, slug, "reports", SAMPLE_MONTHLY, { intent: "import", checksum: sha256(SAMPLE_MONTHLY) });
    expect(response.status).toBe(403);
    expect(await reportsOf(ctx)).toHaveLength(0);
    await expect(importMonthlyReports(viewer.ctx, [])).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers 404 to a user of another org and writes nothing", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Victim AI");
    const intruder = await makeOrgWithOwner(app.database, "startup", "Intruder AI");
    const client = app.client();
    await client.login(intruder.owner.email, intruder.owner.password);
    expect((await client.get(`/o/${ctx.org.slug}/reports/import`)).status).toBe(404);
    const response = await upload(client, ctx.org.slug, "reports", SAMPLE_MONTHLY, { intent: "import", checksum: sha256(SAMPLE_MONTHLY) });
    expect(response.status).toBe(404);
    expect(await reportsOf(ctx)).toHaveLength(0);
    expect(await reportsOf(intruder.ctx)).toHaveLength(0);
  });

  it("answers 404 on an investor org, which keeps no monthly reports", async () => {
    const investor = await makeOrgWithOwner(app.database, "investor", "Fund One");
    const { client, slug } = await signedIn(investor.ctx, investor.owner);
    expect((await client.get(`/o/${slug}/reports/import`)).status).toBe(404);
    expect((await upload(client, slug, "reports", SAMPLE_MONTHLY)).status).toBe(404);
  });
});

describe("importing budgets", () => {
  it("imports the sample year, then re-importing it changes nothing", async () => {
    const { owner, ctx } = await makeOrgWithOwner(app.database);
    const { client, slug } = await signedIn(ctx, owner);
    const first = await importThroughPages(client, slug, "budgets", SAMPLE_BUDGETS);
    expect(first.body).toMatchObject({ status: "imported", counts: { rows: 84, inserted: 84, updated: 0, unchanged: 0 } });
    const rows = await budgetsOf(ctx);
    expect(rows).toHaveLength(84);
    expect(rows.find((r) => r.month === "2025-02" && r.category === "compute")).toMatchObject({ amount: 15370000, version: 1 });
    const second = await importThroughPages(client, slug, "budgets", SAMPLE_BUDGETS);
    expect(second.body).toMatchObject({ status: "imported", counts: { inserted: 0, updated: 0, unchanged: 84 } });
    expect((await budgetsOf(ctx)).every((r) => r.version === 1)).toBe(true);
    expect(await importAudits(ctx, "budget.import")).toHaveLength(1);
  });

  it("writes nothing when one line has an unknown category", async () => {
    const { owner, ctx } = await makeOrgWithOwner(app.database);
    const { client, slug } = await signedIn(ctx, owner);
    const text = SAMPLE_BUDGETS.replace("2025-06,research,", "2025-06,rnd,");
    const result = await importThroughPages(client, slug, "budgets", text);
    expect(result.response.status).toBe(400);
    expect(result.body).toMatchObject({ status: "errors", errorCount: 1, errors: [{ line: 40, column: "category" }] });
    expect(await budgetsOf(ctx)).toHaveLength(0);
  });

  it("rejects a 10,000-row file quickly with its errors counted and writes nothing", async () => {
    const { owner, ctx } = await makeOrgWithOwner(app.database);
    const { client, slug } = await signedIn(ctx, owner);
    // Budgets span 2000-01 … 2031-12 × 7 categories = 2,688 distinct lines, so a
    // 10,000-line file necessarily repeats lines; every repeat is reported.
    const lines = allBudgetLines();
    const text = budgetFile(...Array.from({ length: 10_000 }, (_, i) => at(lines, i % lines.length)));
    const started = Date.now();
    const response = await upload(client, slug, "budgets", text);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errorCount).toBe(10_000 - lines.length);
    expect(body.errors).toHaveLength(100);
    expect(body.errors[0]).toMatchObject({ line: lines.length + 2, column: "category" });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await budgetsOf(ctx)).toHaveLength(0);
  });

  it("imports the largest possible budget file (every month 2000-01 … 2031-12 × 7 categories) in batches, within the timeout", async () => {
    const { owner, ctx } = await makeOrgWithOwner(app.database);
    const { client, slug } = await signedIn(ctx, owner);
    const lines = allBudgetLines();
    expect(lines).toHaveLength(2688);
    const started = Date.now();
    const result = await importThroughPages(client, slug, "budgets", budgetFile(...lines));
    expect(result.body).toMatchObject({ status: "imported", counts: { rows: 2688, inserted: 2688, updated: 0, unchanged: 0 } });
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(await budgetsOf(ctx)).toHaveLength(2688);
    const changedOne = budgetFile(...lines.map((line, i) => (i === 2000 ? line.replace(/,[^,]*$/, ",1.00") : line)));
    const again = await importThroughPages(client, slug, "budgets", changedOne);
    expect(again.body.counts).toEqual({ rows: 2688, inserted: 0, updated: 1, unchanged: 2687 });
  });

  it("answers 403 to a viewer and 404 to another org's user, writing nothing", async () => {
    const { ctx } = await makeOrgWithOwner(app.database);
    const viewer = await addMember(app.database, ctx, "viewer");
    const viewerSession = await signedIn(ctx, viewer.user);
    expect((await upload(viewerSession.client, ctx.org.slug, "budgets", SAMPLE_BUDGETS)).status).toBe(403);
    await expect(importBudgets(viewer.ctx, [])).rejects.toMatchObject({ code: "FORBIDDEN" });
    const intruder = await makeOrgWithOwner(app.database);
    const client = app.client();
    await client.login(intruder.owner.email, intruder.owner.password);
    expect((await client.get(`/o/${ctx.org.slug}/budgets/import`)).status).toBe(404);
    expect((await upload(client, ctx.org.slug, "budgets", SAMPLE_BUDGETS, { intent: "import", checksum: sha256(SAMPLE_BUDGETS) })).status).toBe(404);
    expect(await budgetsOf(ctx)).toHaveLength(0);
  });
});
