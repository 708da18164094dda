import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessGrants, auditLog, metricDefinitions, metricValues } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { findCompanyAccess } from "../../app/models/company-access.server";
import { revokeGrant } from "../../app/models/access-grant.server";
import {
  defineMetric,
  deleteMetric,
  getMetric,
  importMetricValues,
  listMetrics,
  saveMetricValue,
  updateMetric,
  type MetricDefinitionFields,
} from "../../app/models/metric.server";
import { rejection } from "../support/rejection";
import { readAlone } from "../support/company-view-parts";
import { literalRef, renderMessage, type MessageRef } from "../../app/i18n/message-ref";
import { startTestApp, type TestApp } from "../support/app-server";
import { grantAccess, makeOrgWithOwner, type TwoStartups, twoStartups } from "../support/factories";
import { routeData } from "../support/route-data";

// Custom metrics (issue #17, decision 024): the model's rules and the tenancy around them, on
// whichever driver DATABASE_URL names (PGlite by default, PostgreSQL in CI's second run).

const english = (message: MessageRef | undefined) => renderMessage("en", message ?? literalRef(""));
const LIST = "routes/o.$orgSlug.metrics._index";
const DETAIL = "routes/o.$orgSlug.metrics.$metricId";

let app: TestApp;
let { alpha, beta, alphaOwner, alphaMember, alphaViewer, betaOwner } = {} as TwoStartups;

const tokens = (overrides: Partial<MetricDefinitionFields> = {}): MetricDefinitionFields => ({
  key: "tokens_served",
  nameEn: "Tokens served",
  nameZh: "服务 token 数",
  unit: "count",
  direction: "higher_is_better",
  rollup: "sum",
  ...overrides,
});

async function stateOf(org: { id: string }) {
  return withSystem(app.database.db, async (tx) => ({
    definitions: await tx.select().from(metricDefinitions).where(eq(metricDefinitions.orgId, org.id)),
    values: await tx.select().from(metricValues).where(eq(metricValues.orgId, org.id)),
    audit: await tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), inArray(auditLog.entityType, ["metric", "metric_value"]))),
  }));
}

beforeAll(async () => {
  app = await startTestApp();
  ({ alpha, beta, alphaOwner, alphaMember, alphaViewer, betaOwner } = await twoStartups(app, "Metric Alpha", "Metric Beta"));
});
afterAll(() => app?.close());

describe("defining metrics", () => {
  it("defines, edits and deletes a metric, each audited", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "crud_metric" }));
    expect(metric).toMatchObject({ key: "crud_metric", unit: "count", rollup: "sum", version: 1, sourceOrgId: null });
    const edited = await updateMetric(alpha.ctx, metric.id, 1, tokens({ key: "crud_metric", nameEn: "Tokens served (M)", rollup: "last" }));
    expect(edited).toMatchObject({ nameEn: "Tokens served (M)", rollup: "last", version: 2 });
    await deleteMetric(alpha.ctx, metric.id, 2);
    const after = await stateOf(alpha.org);
    expect(after.definitions.find((d) => d.id === metric.id)).toBeUndefined();
    expect(after.audit.filter((a) => a.entityId === metric.id).map((a) => a.action)).toEqual(
      expect.arrayContaining(["metric.create", "metric.update", "metric.delete"]),
    );
  });

  it("refuses bad definitions with field errors and writes nothing", async () => {
    const before = await stateOf(alpha.org);
    const error = await rejection(defineMetric(alpha.ctx, tokens({ key: "Not A Key", nameEn: "", unit: "furlongs" as never })));
    expect(error.code).toBe("INVALID");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["key", "nameEn", "unit"]);
    expect(await stateOf(alpha.org)).toEqual(before);
  });

  it("keeps keys unique in the org, but another org may use the same key", async () => {
    await defineMetric(alpha.ctx, tokens({ key: "unique_key" }));
    const before = await stateOf(alpha.org);
    const error = await rejection(defineMetric(alpha.ctx, tokens({ key: "unique_key" })));
    expect(english(error.fieldErrors.key)).toMatch(/already uses the key “unique_key”/);
    expect(await stateOf(alpha.org)).toEqual(before);
    await expect(defineMetric(beta.ctx, tokens({ key: "unique_key" }))).resolves.toMatchObject({ key: "unique_key" });
  });

  it("an edit made on a stale version is a conflict and writes nothing", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "stale_edit" }));
    await updateMetric(alpha.ctx, metric.id, 1, tokens({ key: "stale_edit", nameEn: "First" }));
    const before = await stateOf(alpha.org);
    const error = await rejection(updateMetric(alpha.ctx, metric.id, 1, tokens({ key: "stale_edit", nameEn: "Second" })));
    expect(error.code).toBe("CONFLICT");
    expect(await stateOf(alpha.org)).toEqual(before);
  });
});

describe("monthly values", () => {
  it("stores exact decimals, updates by version, clears, and keeps the history", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "exact_values", unit: "currency", rollup: "average" }));
    const first = await saveMetricValue(alpha.ctx, metric.id, "2025-01", null, "0.1");
    expect(first).toEqual({ month: "2025-01", value: "0.1", version: 1 });
    const big = await saveMetricValue(alpha.ctx, metric.id, "2025-02", null, "123456789012345678.123456");
    expect(big?.value).toBe("123456789012345678.123456");
    const second = await saveMetricValue(alpha.ctx, metric.id, "2025-01", 1, "0.2");
    expect(second).toEqual({ month: "2025-01", value: "0.2", version: 2 });
    await saveMetricValue(alpha.ctx, metric.id, "2025-02", 1, null);
    const read = await getMetric(alpha.ctx, metric.id);
    expect(read.values).toEqual([{ month: "2025-01", value: "0.2", version: 2 }]);
    expect(read.history.map((h) => [h.action, h.month, h.before, h.after])).toEqual([
      ["metric_value.clear", "2025-02", "123456789012345678.123456", null],
      ["metric_value.save", "2025-01", "0.1", "0.2"],
      ["metric_value.save", "2025-02", null, "123456789012345678.123456"],
      ["metric_value.save", "2025-01", null, "0.1"],
      ["metric.create", null, null, null],
    ]);
  });

  it("a stale version, or a month someone filled meanwhile, is a conflict and writes nothing", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "value_conflict" }));
    await saveMetricValue(alpha.ctx, metric.id, "2025-03", null, "10");
    const before = await stateOf(alpha.org);
    expect((await rejection(saveMetricValue(alpha.ctx, metric.id, "2025-03", null, "11"))).code).toBe("CONFLICT");
    await saveMetricValue(alpha.ctx, metric.id, "2025-03", 1, "12");
    const middle = await stateOf(alpha.org);
    expect(middle.values.length).toBe(before.values.length);
    expect((await rejection(saveMetricValue(alpha.ctx, metric.id, "2025-03", 1, "13"))).code).toBe("CONFLICT");
    expect(await stateOf(alpha.org)).toEqual(middle);
  });

  it("refuses a future month, a malformed month and a float-ish value, writing nothing", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "bad_values" }));
    const before = await stateOf(alpha.org);
    for (const [month, value, field] of [
      ["2999-01", "1", "month"],
      ["2025-13", "1", "month"],
      ["2025-01", "1e5", "value"],
      ["2025-01", "0.1234567", "value"],
      ["2025-01", "1.50", "value"],
    ] as const) {
      const error = await rejection(saveMetricValue(alpha.ctx, metric.id, month, null, value));
      expect(error.code, `${month} ${value}`).toBe("INVALID");
      expect(Object.keys(error.fieldErrors), `${month} ${value}`).toEqual([field]);
    }
    expect(await stateOf(alpha.org)).toEqual(before);
  });

  it("imports a file's values by key in one transaction", async () => {
    await defineMetric(alpha.ctx, tokens({ key: "import_a" }));
    await defineMetric(alpha.ctx, tokens({ key: "import_b", unit: "percent", rollup: "average" }));
    const counts = await importMetricValues(alpha.ctx, [
      { month: "2025-04", values: { import_a: "100", import_b: "61.5" } },
      { month: "2025-05", values: { import_a: "120" } },
    ]);
    expect(counts).toEqual({ rows: 2, inserted: 3, updated: 0, unchanged: 0 });
    const again = await importMetricValues(alpha.ctx, [{ month: "2025-04", values: { import_a: "100", import_b: "62" } }]);
    expect(again).toEqual({ rows: 1, inserted: 0, updated: 1, unchanged: 1 });
    const before = await stateOf(alpha.org);
    const error = await rejection(importMetricValues(alpha.ctx, [{ month: "2025-06", values: { import_a: "1", no_such_metric: "2" } }]));
    expect(Object.keys(error.fieldErrors)).toEqual(["no_such_metric"]);
    expect(await stateOf(alpha.org)).toEqual(before);
  });
});

describe("tenancy", () => {
  it("another org's metric is NOT_FOUND for reads and writes, and nothing is written", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "tenant_probe" }));
    await saveMetricValue(alpha.ctx, metric.id, "2025-01", null, "5");
    const before = await stateOf(alpha.org);
    expect((await rejection(getMetric(beta.ctx, metric.id))).code).toBe("NOT_FOUND");
    expect((await rejection(saveMetricValue(beta.ctx, metric.id, "2025-01", 1, "6"))).code).toBe("NOT_FOUND");
    expect((await rejection(updateMetric(beta.ctx, metric.id, 1, tokens({ key: "tenant_probe" })))).code).toBe("NOT_FOUND");
    expect((await rejection(deleteMetric(beta.ctx, metric.id, 1))).code).toBe("NOT_FOUND");
    expect((await listMetrics(beta.ctx)).some((m) => m.id === metric.id)).toBe(false);
    expect(await stateOf(alpha.org)).toEqual(before);
  });

  it("over HTTP, another tenant's owner gets 404 on the pages and writes nothing", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "http_probe" }));
    const before = await stateOf(alpha.org);
    expect((await betaOwner.get(`/o/${alpha.org.slug}/metrics`)).status).toBe(404);
    expect((await betaOwner.get(`/o/${alpha.org.slug}/metrics/${metric.id}`)).status).toBe(404);
    expect((await betaOwner.get(`/o/${beta.org.slug}/metrics/${metric.id}`)).status).toBe(404);
    const post = await betaOwner.post(routeData(`/o/${beta.org.slug}/metrics/${metric.id}`, DETAIL), { intent: "value", month: "2025-01", value: "9" });
    expect(post.status).toBe(404);
    expect((await betaOwner.post(routeData(`/o/${alpha.org.slug}/metrics`, LIST), { ...tokens({ key: "hijack" }) })).status).toBe(404);
    expect(await stateOf(alpha.org)).toEqual(before);
  });

  it("an investor reads metrics only while its grant shares financials, and nothing after revoke", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "shared_metric" }));
    await saveMetricValue(alpha.ctx, metric.id, "2025-01", null, "42");
    const withFinancials = await makeOrgWithOwner(app.database, "investor", "Metrics Fund");
    const withoutFinancials = await makeOrgWithOwner(app.database, "investor", "Risk-only Fund");
    const grantId = await grantAccess(app.database, alpha.org, withFinancials.org, ["financials"]);
    await grantAccess(app.database, alpha.org, withoutFinancials.org, ["risks"]);

    const access = await findCompanyAccess(withFinancials.ctx, alpha.org.slug);
    const shared = await readAlone.metrics(withFinancials.ctx, access!);
    expect(shared.find((m) => m.id === metric.id)?.values).toEqual([{ month: "2025-01", value: "42", version: 1 }]);

    const narrow = await findCompanyAccess(withoutFinancials.ctx, alpha.org.slug);
    expect(await readAlone.metrics(withoutFinancials.ctx, narrow!)).toEqual([]);
    // Row-level security says the same even when the section check is skipped.
    expect(await readAlone.metrics(withoutFinancials.ctx, { ...narrow!, sections: ["financials"] })).toEqual([]);
    // And an investor can write nothing into the company's metrics.
    expect((await rejection(saveMetricValue(withFinancials.ctx, metric.id, "2025-02", null, "1"))).code).toBe("NOT_FOUND");

    // The company view shows the metric's card to the fund with financials, and not to the other.
    const fundBrowser = await app.signIn(withFinancials.owner.email);
    const otherBrowser = await app.signIn(withoutFinancials.owner.email);
    const shownPage = await (await fundBrowser.get(`/o/${withFinancials.org.slug}/companies/${alpha.org.slug}`)).text();
    expect(shownPage).toContain("Custom metrics");
    expect(shownPage).toContain("Latest: 42 (Jan 2025)");
    const hiddenPage = await otherBrowser.get(`/o/${withoutFinancials.org.slug}/companies/${alpha.org.slug}`);
    expect(hiddenPage.status).toBe(200);
    expect(await hiddenPage.text()).not.toContain("Custom metrics");

    const [grant] = await withSystem(app.database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.id, grantId)));
    await revokeGrant(alpha.ctx, grantId, grant!.version);
    expect(await readAlone.metrics(withFinancials.ctx, access!)).toEqual([]);
    expect((await fundBrowser.get(`/o/${withFinancials.org.slug}/companies/${alpha.org.slug}`)).status).toBe(404);
  });
});

describe("the pages", () => {
  it("a member enters a value but cannot define; a viewer reads only", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "page_roles" }));
    const before = await stateOf(alpha.org);
    expect((await alphaViewer.get(`/o/${alpha.org.slug}/metrics`)).status).toBe(200);
    expect(
      (await alphaViewer.post(routeData(`/o/${alpha.org.slug}/metrics/${metric.id}`, DETAIL), { intent: "value", month: "2025-01", value: "1" })).status,
    ).toBe(403);
    expect((await alphaMember.post(routeData(`/o/${alpha.org.slug}/metrics`, LIST), { ...tokens({ key: "member_defines" }) })).status).toBe(403);
    expect(await stateOf(alpha.org)).toEqual(before);
    const saved = await alphaMember.post(routeData(`/o/${alpha.org.slug}/metrics/${metric.id}`, DETAIL), {
      intent: "value",
      month: "2025-01",
      value: "1,234.5",
    });
    expect(saved.status).toBe(204);
    expect((await getMetric(alpha.ctx, metric.id)).values).toEqual([{ month: "2025-01", value: "1234.5", version: 1 }]);
  });

  it("the define form answers 400 with field errors and writes nothing", async () => {
    const before = await stateOf(alpha.org);
    const response = await alphaOwner.post(routeData(`/o/${alpha.org.slug}/metrics`, LIST), { ...tokens(), key: "9bad", nameZh: "" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["key", "nameZh"]);
    expect(await stateOf(alpha.org)).toEqual(before);
  });

  it("the value form answers 400 for a bad number, and 409 for a stale version, writing nothing", async () => {
    const metric = await defineMetric(alpha.ctx, tokens({ key: "page_values" }));
    await saveMetricValue(alpha.ctx, metric.id, "2025-02", null, "7");
    const before = await stateOf(alpha.org);
    const url = routeData(`/o/${alpha.org.slug}/metrics/${metric.id}`, DETAIL);
    const bad = await alphaOwner.post(url, { intent: "value", month: "2025-02", value: "seven", version: "1" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.value).toMatch(/Enter a number/);
    const stale = await alphaOwner.post(url, { intent: "value", month: "2025-02", value: "8" });
    expect(stale.status).toBe(409);
    expect(await stateOf(alpha.org)).toEqual(before);
  });
});
