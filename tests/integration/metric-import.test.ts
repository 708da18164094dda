import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, metricDefinitions, metricValues } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import type { OrgContext } from "../../app/auth/context";
import type { CsvImportError, CsvImportResult } from "../../app/domain/csv-import";
import type { MetricColumn } from "../../app/domain/metric-import";
import { checkImportCsv } from "../../app/models/csv-import.server";
import { defineMetric, getMetric, importMetricValues, saveMetricValue, type MetricDefinitionFields } from "../../app/models/metric.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner, type Org } from "../support/factories";
import { routeData } from "../support/route-data";
import { normalizeDecimal } from "../../app/finance/metric-rollup";

// The metrics CSV import (issue #17, decision 024): `month` and a column per metric key, the shape
// the export writes; checked row by row, previewed, then written all at once or not at all. On
// whichever driver DATABASE_URL names (PGlite by default, PostgreSQL in CI's second run).

const ROUTE = "routes/o.$orgSlug.metrics.import";
const NOW = new Date("2026-11-28T12:00:00Z");

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const metric = (key: string, unit: MetricDefinitionFields["unit"], rollup: MetricDefinitionFields["rollup"] = "sum"): MetricDefinitionFields => ({
  key,
  nameEn: `Metric ${key}`,
  nameZh: `指标 ${key}`,
  unit,
  direction: "higher_is_better",
  rollup,
});

/** A startup with three metrics of different units. */
async function startupWithMetrics(name: string) {
  const org = await makeOrgWithOwner(app.database, "startup", name);
  for (const m of [metric("tokens_served", "count"), metric("gross_margin", "percent", "average"), metric("cost_per_m", "currency", "average")]) {
    await defineMetric(org.ctx, m);
  }
  return org;
}

async function signedIn(org: Org, lang?: "zh-CN") {
  const client = await app.signIn(org.owner.email);
  if (lang) client.cookies.set("lang", lang);
  return client;
}

async function upload(client: TestClient, slug: string, text: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.append("intent", extra.intent ?? "preview");
  for (const [k, v] of Object.entries(extra)) if (k !== "intent") form.append(k, v);
  form.append("file", new Blob([text], { type: "text/csv" }), "metrics.csv");
  return client.postMultipart(routeData(`/o/${slug}/metrics/import`, ROUTE), form);
}

async function importThroughPages(client: TestClient, slug: string, text: string) {
  const preview = await (await upload(client, slug, text)).json();
  if (preview.status !== "preview") return preview;
  return (await upload(client, slug, text, { intent: "import", checksum: preview.checksum })).json();
}

/** Every value of the org by key and month, with its version; and its metric audit entries. */
async function stateOf(org: { id: string }) {
  return withSystem(app.database.db, async (tx) => {
    const values = await tx
      .select({ key: metricDefinitions.key, month: metricValues.month, value: metricValues.value, version: metricValues.version })
      .from(metricValues)
      .innerJoin(metricDefinitions, eq(metricDefinitions.id, metricValues.metricId))
      .where(eq(metricValues.orgId, org.id))
      .orderBy(asc(metricDefinitions.key), asc(metricValues.month));
    const audit = await tx
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.orgId, org.id),
          inArray(auditLog.entityType, ["metric_value", "metric"]),
          inArray(auditLog.action, ["metric_value.save", "metric.import"]),
        ),
      );
    return { values: values.map((v) => ({ ...v, value: normalizeDecimal(v.value) })), audit };
  });
}

const valuesOf = async (org: { id: string }) => (await stateOf(org)).values.map((v) => [v.key, v.month, v.value]);

function errorsOf(result: CsvImportResult<unknown>): CsvImportError[] {
  if (result.ok) throw new Error("expected errors, got a valid file");
  return result.errors;
}

const COLUMNS: MetricColumn[] = [
  { key: "cost_per_m", unit: "currency" },
  { key: "gross_margin", unit: "percent" },
  { key: "tokens_served", unit: "count" },
];

describe("checking a metrics file (the same check in the browser and on the server)", () => {
  it("reads exact decimals by key, a % on a percent metric, blank cells as absent, and any subset of the columns", () => {
    const text = 'month,tokens_served,gross_margin\n2026-01,"1,234,567,890,123",62.5%\n2026-02,,0.000001\n';
    const result = checkImportCsv("metrics", text, { metrics: COLUMNS, now: NOW });
    expect(result).toMatchObject({
      ok: true,
      rows: [
        { month: "2026-01", values: { tokens_served: "1234567890123", gross_margin: "62.5" } },
        { month: "2026-02", values: { gross_margin: "0.000001" } },
      ],
    });
  });

  it("names the line and column of each unknown key, bad month and bad number, in English and in Chinese", () => {
    const unknown = errorsOf(checkImportCsv("metrics", "month,tokens_served,arr_growth,nps\n2026-01,1,2,3\n", { metrics: COLUMNS, now: NOW }));
    expect(unknown.map((e) => [e.line, e.column])).toEqual([
      [1, "arr_growth"],
      [1, "nps"],
    ]);
    expect(unknown[0]?.message).toMatch(/No metric has the key "arr_growth"/);
    const zhUnknown = errorsOf(checkImportCsv("metrics", "month,arr_growth\n2026-01,1\n", { metrics: COLUMNS, now: NOW, locale: "zh-CN" }));
    expect(zhUnknown[0]?.message).toContain("没有键为“arr_growth”的指标");

    const text = [
      "month,tokens_served,gross_margin,cost_per_m",
      "2026-13,1,2,3",
      "2026-02,12abc,50,1.5",
      "2026-03,5%,50,0.1234567",
      "2027-01,1,1,1",
      "2026-04,1234567890123456789,50,1",
      "2026-05,1,1,1",
      "2026-05,2,2,2",
    ].join("\n");
    const errors = errorsOf(checkImportCsv("metrics", text, { metrics: COLUMNS, now: NOW }));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "month"],
      [3, "tokens_served"],
      [4, "tokens_served"],
      [4, "cost_per_m"],
      [5, "month"],
      [6, "tokens_served"],
      [8, "month"],
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/2026-13/),
      expect.stringMatching(/"12abc" is not a number/),
      expect.stringMatching(/% sign, but tokens_served is not a percent metric/),
      expect.stringMatching(/too many decimals: use at most 6/),
      expect.stringMatching(/2027-01 is in the future/),
      expect.stringMatching(/too large: at most 18 digits/),
      expect.stringMatching(/more than once \(first on line 7\)/),
    ]);
    const zh = errorsOf(checkImportCsv("metrics", text, { metrics: COLUMNS, now: NOW, locale: "zh-CN" }));
    expect(zh.map((e) => [e.line, e.column])).toEqual(errors.map((e) => [e.line, e.column]));
    expect(zh[1]?.message).toContain("“12abc”不是数字");
    expect(zh[4]?.message).toContain("是未来月份");
  });

  it("wants a month column", () => {
    const errors = errorsOf(checkImportCsv("metrics", "tokens_served\n1\n", { metrics: COLUMNS, now: NOW }));
    expect(errors).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/Missing: month/) })]);
  });
});

describe("importing metric values through the page", () => {
  it("round-trips the export: another company with the same keys gets exactly the same values, audited as value edits", async () => {
    const source = await startupWithMetrics("Export AI");
    const ids = new Map(
      (await withSystem(app.database.db, (tx) => tx.select().from(metricDefinitions).where(eq(metricDefinitions.orgId, source.org.id)))).map((d) => [
        d.key,
        d.id,
      ]),
    );
    const save = (key: string, month: string, value: string) => saveMetricValue(source.ctx, ids.get(key) ?? "", month, null, value, NOW);
    await save("tokens_served", "2026-01", "1234567890123");
    await save("tokens_served", "2026-02", "-3");
    await save("gross_margin", "2026-02", "62.5");
    await save("cost_per_m", "2026-03", "0.000125");
    const exporter = await signedIn(source);
    const exported = await (await exporter.get(`/o/${source.org.slug}/metrics.csv`)).text();
    expect(exported).toContain("month,cost_per_m,gross_margin,tokens_served");

    // Importing its own export changes nothing.
    const before = await stateOf(source.org);
    const same = await importThroughPages(exporter, source.org.slug, exported);
    expect(same).toMatchObject({ status: "imported", counts: { rows: 3, inserted: 0, updated: 0, unchanged: 4 } });
    expect(await stateOf(source.org)).toEqual(before);

    const target = await startupWithMetrics("Import AI");
    const client = await signedIn(target);
    const preview = await (await upload(client, target.org.slug, exported)).json();
    expect(preview).toMatchObject({
      status: "preview",
      counts: { rows: 3, inserted: 4, updated: 0, unchanged: 0 },
      firstMonth: "2026-01",
      lastMonth: "2026-03",
      columns: ["month", "cost_per_m", "gross_margin", "tokens_served"],
      notice: null,
    });
    expect(preview.previewRows[1]).toEqual(["2026-02", "", "62.5", "-3"]);
    expect((await stateOf(target.org)).values).toEqual([]);
    const imported = await (await upload(client, target.org.slug, exported, { intent: "import", checksum: preview.checksum })).json();
    expect(imported).toMatchObject({ status: "imported", counts: { rows: 3, inserted: 4, updated: 0, unchanged: 0 } });
    const exact = (rows: Awaited<ReturnType<typeof stateOf>>["values"]) => rows.map(({ key, month, value }) => ({ key, month, value }));
    expect(exact((await stateOf(target.org)).values)).toEqual(exact((await stateOf(source.org)).values));
    expect(exact((await stateOf(target.org)).values)).toContainEqual({ key: "cost_per_m", month: "2026-03", value: "0.000125" });
    const { audit } = await stateOf(target.org);
    expect(audit.filter((a) => a.action === "metric_value.save")).toHaveLength(4);
    expect(audit.filter((a) => a.action === "metric.import")).toEqual([
      { action: "metric.import", after: { rows: 3, inserted: 4, updated: 0, unchanged: 0, firstMonth: "2026-01", lastMonth: "2026-03" } },
    ]);
    // The metric's history (read from the audit log) shows the imported value like an edit.
    const tokens = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(metricDefinitions)
        .where(and(eq(metricDefinitions.orgId, target.org.id), eq(metricDefinitions.key, "tokens_served"))),
    );
    const history = (await getMetric(target.ctx, tokens[0]?.id ?? "")).history;
    expect(history.map((h) => [h.action, h.month, h.after])).toEqual(
      expect.arrayContaining([
        ["metric_value.save", "2026-01", "1234567890123"],
        ["metric_value.save", "2026-02", "-3"],
      ]),
    );

    // Changing one value and re-importing: one changed, the rest unchanged, the version bumped once.
    const edited = exported.replace("1234567890123", "1234567890124");
    const again = await importThroughPages(client, target.org.slug, edited);
    expect(again).toMatchObject({ status: "imported", counts: { rows: 3, inserted: 0, updated: 1, unchanged: 3 } });
    const after = (await stateOf(target.org)).values.find((v) => v.key === "tokens_served" && v.month === "2026-01");
    expect(after).toMatchObject({ version: 2, value: "1234567890124" });
  });

  it("writes nothing when any cell is bad, listing line and column in the page's language; a forged confirm is refused too", async () => {
    const org = await startupWithMetrics("Bad File AI");
    await importMetricValues(org.ctx, [{ month: "2026-01", values: { tokens_served: "10" } }]);
    const before = await stateOf(org.org);
    const client = await signedIn(org, "zh-CN");
    const text = "month,tokens_served,gross_margin,nps\n2026-02,11,50,3\n";
    const response = await upload(client, org.org.slug, text);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: "errors",
      errorCount: 1,
      errors: [{ line: 1, column: "nps", message: expect.stringContaining("没有键为“nps”的指标") }],
    });
    const bad = "month,tokens_served,gross_margin\n2026-02,11,50\n2026-03,eleven,50\n";
    const forced = await upload(client, org.org.slug, bad, { intent: "import", checksum: "0".repeat(64) });
    expect(forced.status).toBe(400);
    expect(await forced.json()).toMatchObject({ errors: [{ line: 3, column: "tokens_served", message: expect.stringContaining("“eleven”不是数字") }] });
    expect(await stateOf(org.org)).toEqual(before);
    // The model refuses a key the org has no metric for (a metric deleted since the check), writing nothing.
    await expect(importMetricValues(org.ctx, [{ month: "2026-02", values: { tokens_served: "11", gone: "1" } }])).rejects.toMatchObject({ code: "INVALID" });
    expect(await stateOf(org.org)).toEqual(before);
  });

  it("a value edited between preview and confirm is not overwritten: nothing is written and a fresh preview shows it", async () => {
    const org = await startupWithMetrics("Race AI");
    const member = await addMember(app.database, org.ctx, "member");
    await importMetricValues(org.ctx, [{ month: "2026-01", values: { tokens_served: "10" } }]);
    const client = await signedIn(org);
    const text = "month,tokens_served\n2026-01,20\n2026-02,30\n";
    const preview = await (await upload(client, org.org.slug, text)).json();
    expect(preview.counts).toEqual({ rows: 2, inserted: 1, updated: 1, unchanged: 0 });

    const tokensId = (await withSystem(app.database.db, (tx) => tx.select().from(metricDefinitions).where(eq(metricDefinitions.orgId, org.org.id)))).find(
      (d) => d.key === "tokens_served",
    )?.id;
    await saveMetricValue(member.ctx, tokensId ?? "", "2026-01", 1, "15", NOW);
    const before = await stateOf(org.org);

    const stale = await upload(client, org.org.slug, text, { intent: "import", checksum: preview.checksum });
    expect(stale.status).toBe(200);
    const fresh = await stale.json();
    expect(fresh).toMatchObject({ status: "preview", notice: expect.stringMatching(/someone may have edited a value/) });
    expect(fresh.checksum).not.toBe(preview.checksum);
    expect(await stateOf(org.org)).toEqual(before);

    // Confirming what the fresh preview showed goes through.
    const done = await (await upload(client, org.org.slug, text, { intent: "import", checksum: fresh.checksum })).json();
    expect(done).toMatchObject({ status: "imported", counts: { rows: 2, inserted: 1, updated: 1, unchanged: 0 } });
    expect(await valuesOf(org.org)).toEqual([
      ["tokens_served", "2026-01", "20"],
      ["tokens_served", "2026-02", "30"],
    ]);
  });

  it("members import, viewers get 403 and write nothing; the page and the metrics list link to it for editors only", async () => {
    const org = await startupWithMetrics("Roles AI");
    const member = await addMember(app.database, org.ctx, "member");
    const viewer = await addMember(app.database, org.ctx, "viewer");
    const text = "month,tokens_served\n2026-01,5\n";

    const viewerClient = await app.signIn(viewer.user.email);
    expect((await viewerClient.get(`/o/${org.org.slug}/metrics/import`)).status).toBe(403);
    expect((await upload(viewerClient, org.org.slug, text)).status).toBe(403);
    expect((await upload(viewerClient, org.org.slug, text, { intent: "import", checksum: "0".repeat(64) })).status).toBe(403);
    expect(await (await viewerClient.get(`/o/${org.org.slug}/metrics`)).text()).not.toContain(`/o/${org.org.slug}/metrics/import`);
    await expect(importMetricValues(viewer.ctx, [{ month: "2026-01", values: { tokens_served: "5" } }])).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await stateOf(org.org)).values).toEqual([]);

    const memberClient = await app.signIn(member.user.email);
    const page = await memberClient.get(`/o/${org.org.slug}/metrics/import`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Import metric values");
    expect(html).toContain("month,cost_per_m,gross_margin,tokens_served");
    expect(html).toContain(`href="/o/${org.org.slug}/metrics.csv"`);
    expect(await (await memberClient.get(`/o/${org.org.slug}/metrics`)).text()).toContain(`href="/o/${org.org.slug}/metrics/import"`);
    expect(await importThroughPages(memberClient, org.org.slug, text)).toMatchObject({ status: "imported", counts: { inserted: 1 } });
  });

  it("another tenant gets 404 and nothing is written in either org; an investor with financials cannot import either", async () => {
    const victim = await startupWithMetrics("Victim Metrics AI");
    const intruder = await startupWithMetrics("Intruder Metrics AI");
    const before = { victim: await stateOf(victim.org), intruder: await stateOf(intruder.org) };
    const client = await signedIn(intruder);
    const text = "month,tokens_served\n2026-01,666\n";
    expect((await client.get(`/o/${victim.org.slug}/metrics/import`)).status).toBe(404);
    expect((await upload(client, victim.org.slug, text)).status).toBe(404);
    expect((await upload(client, victim.org.slug, text, { intent: "import", checksum: "0".repeat(64) })).status).toBe(404);

    const fund = await makeOrgWithOwner(app.database, "investor", "Metrics Fund");
    await grantAccess(app.database, victim.org, fund.org, ["financials"]);
    const investor = await signedIn(fund);
    expect((await investor.get(`/o/${victim.org.slug}/metrics/import`)).status).toBe(404);
    expect((await upload(investor, fund.org.slug, text)).status).toBe(404);
    expect((await upload(investor, victim.org.slug, text, { intent: "import", checksum: "0".repeat(64) })).status).toBe(404);
    await expect(importMetricValues({ ...fund.ctx } as OrgContext, [{ month: "2026-01", values: { tokens_served: "1" } }])).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect({ victim: await stateOf(victim.org), intruder: await stateOf(intruder.org) }).toEqual(before);
  });
});
