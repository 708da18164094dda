import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { investorUpdates, mailOutbox, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { accessGrants } from "../../db/schema";
import { defineMetric, saveMetricValue } from "../../app/models/metric.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner, type Org } from "../support/factories";
import { routeData } from "../support/route-data";

/**
 * `{{metric:key}}` cards in investor updates (issue #17, decisions 024 and 025): the month's value
 * of a custom metric, frozen when sent, in the reader's language and formatted by its unit — and
 * withheld, on the page and in the mail, from an investor whose grant does not share financials.
 */
let app: TestApp;
let founder: Org;
let withFinancials: Org;
let updatesOnly: Org;
let founderClient: TestClient;
let fullClient: TestClient;
let partialClient: TestClient;
let updateId: string;
let zhMember: { id: string; email: string };

const MONTH = "2026-03";
const TITLE = "March metrics update";
const BODY = "Served {{metric:tokens_served}} at {{metric:cost_per_m}}; margin {{metric:gross_margin}}; churn {{metric:churn}}; {{metric:no_such}}.";

beforeAll(async () => {
  app = await startTestApp();
  founder = await makeOrgWithOwner(app.database, "startup", "Metric Cards AI");
  withFinancials = await makeOrgWithOwner(app.database, "investor", "Full View Capital");
  updatesOnly = await makeOrgWithOwner(app.database, "investor", "Updates Only Ventures");
  await grantAccess(app.database, founder.org, withFinancials.org, ["updates", "financials"]);
  await grantAccess(app.database, founder.org, updatesOnly.org, ["updates"]);
  const define = (key: string, nameEn: string, nameZh: string, unit: "count" | "currency" | "percent") =>
    defineMetric(founder.ctx, { key, nameEn, nameZh, unit, direction: "higher_is_better", rollup: "last" });
  const tokens = await define("tokens_served", "Tokens served", "服务 token 数", "count");
  const cost = await define("cost_per_m", "Cost per M tokens", "每百万 token 成本", "currency");
  const margin = await define("gross_margin", "Gross margin", "毛利率", "percent");
  await define("churn", "Churn", "流失率", "percent");
  await saveMetricValue(founder.ctx, tokens.id, MONTH, null, "1234567890123");
  await saveMetricValue(founder.ctx, cost.id, MONTH, null, "0.125");
  await saveMetricValue(founder.ctx, margin.id, MONTH, null, "62.5");
  await saveMetricValue(founder.ctx, margin.id, "2026-02", null, "55");
  // A member of the fund reads in Chinese (its owner in English).
  zhMember = (await addMember(app.database, withFinancials.ctx, "member")).user;
  await withSystem(app.database.db, (tx) => tx.update(users).set({ locale: "zh-CN" }).where(eq(users.id, zhMember.id)));
  founderClient = await app.signIn(founder.owner.email);
  fullClient = await app.signIn(withFinancials.owner.email);
  partialClient = await app.signIn(updatesOnly.owner.email);
});
afterAll(() => app?.close());

const NEW = (slug: string) => routeData(`/o/${slug}/updates/new`, "routes/o.$orgSlug.updates.new");
const mailTo = (email: string) =>
  withSystem(app.database.db, (tx) =>
    tx
      .select({ body: mailOutbox.body, locale: mailOutbox.locale })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, "investor_update"), eq(mailOutbox.toEmail, email.toLowerCase()), sql`${mailOutbox.subject} like ${`%${TITLE}%`}`)),
  );

describe("custom metric cards in an investor update", () => {
  it("the composer offers the company's metrics as cards, and a draft shows their live values to the founder", async () => {
    const composer = await (await founderClient.get(`/o/${founder.org.slug}/updates/new`)).text();
    expect(composer).toContain("{{metric:tokens_served}} (Tokens served)");
    expect(composer).toContain("{{metric:gross_margin}} (Gross margin)");
    const zh = await (await founderClient.get(`/o/${founder.org.slug}/updates/new`, { "Accept-Language": "zh-CN" })).text();
    expect(zh).toContain("{{metric:gross_margin}} (毛利率)");

    const draft = await founderClient.post(NEW(founder.org.slug), { intent: "save", title: "Draft with metrics", month: MONTH, body: BODY });
    expect(draft.status).toBe(204);
    const draftId = (draft.headers.get("x-remix-redirect") ?? "").split("/").pop() ?? "";
    const page = await (await founderClient.get(`/o/${founder.org.slug}/updates/${draftId}`)).text();
    expect(page).toContain('<span class="figure-card-label">Tokens served</span> <strong class="figure-card-value">1,234,567,890,123</strong>');
    expect(page).toContain('<span class="figure-card-label">Gross margin</span> <strong class="figure-card-value">62.5%</strong>');
  });

  it("sending freezes the month's metric values; the mail shows them to an investor with financials and withholds them from one without", async () => {
    const response = await founderClient.post(NEW(founder.org.slug), {
      intent: "send",
      title: TITLE,
      month: MONTH,
      body: BODY,
      recipients: [withFinancials.org.id, updatesOnly.org.id],
    });
    expect(response.status).toBe(204);
    updateId = (response.headers.get("x-remix-redirect") ?? "").split("/").pop() ?? "";
    const [row] = await withSystem(app.database.db, (tx) => tx.select().from(investorUpdates).where(eq(investorUpdates.id, updateId)));
    expect(row?.figures?.metrics).toEqual({
      tokens_served: { nameEn: "Tokens served", nameZh: "服务 token 数", unit: "count", value: "1234567890123" },
      cost_per_m: { nameEn: "Cost per M tokens", nameZh: "每百万 token 成本", unit: "currency", value: "0.125" },
      gross_margin: { nameEn: "Gross margin", nameZh: "毛利率", unit: "percent", value: "62.5" },
      churn: { nameEn: "Churn", nameZh: "流失率", unit: "percent", value: null },
    });

    const [owner] = await mailTo(withFinancials.owner.email);
    expect(owner?.body).toContain("Tokens served: 1,234,567,890,123");
    expect(owner?.body).toContain("Cost per M tokens: $0.125");
    const [full] = await mailTo(zhMember.email);
    expect(full?.locale).toBe("zh-CN");
    expect(full?.body).toContain("服务 token 数: 1,234,567,890,123");
    expect(full?.body).toContain("毛利率: 62.5%");
    expect(full?.body).toContain("流失率: 本月未报告");
    expect(full?.body).toContain("no_such: 未知数据");

    const [partial] = await mailTo(updatesOnly.owner.email);
    expect(partial?.locale).toBe("en");
    expect(partial?.body).toContain("tokens_served: not shared with you (financials)");
    expect(partial?.body).toContain("gross_margin: not shared with you (financials)");
    expect(partial?.body).not.toMatch(/1,234,567|62\.5|Tokens served|Gross margin/);
  });

  it("an investor with financials reads the values in its language; one without sees them withheld", async () => {
    const en = await (await fullClient.get(`/o/${withFinancials.org.slug}/updates/${updateId}`, { "Accept-Language": "en" })).text();
    expect(en).toContain('<span class="figure-card-label">Tokens served</span> <strong class="figure-card-value">1,234,567,890,123</strong>');
    expect(en).toContain('<span class="figure-card-label">Cost per M tokens</span> <strong class="figure-card-value">$0.125</strong>');
    expect(en).toContain('<span class="figure-card-label">Churn</span> <strong class="figure-card-value">not reported for this month</strong>');
    expect(en).toContain('<span class="figure-card-label">no_such</span> <strong class="figure-card-value">unknown figure</strong>');
    const zh = await (await fullClient.get(`/o/${withFinancials.org.slug}/updates/${updateId}`, { "Accept-Language": "zh-CN" })).text();
    expect(zh).toContain('<span class="figure-card-label">毛利率</span> <strong class="figure-card-value">62.5%</strong>');

    const page = await partialClient.get(`/o/${updatesOnly.org.slug}/updates/${updateId}`);
    expect(page.status).toBe(200);
    const withheld = await page.text();
    expect(withheld).toContain(
      '<span class="figure-card-label">tokens_served</span> <strong class="figure-card-value">not shared with you (financials)</strong>',
    );
    expect(withheld).not.toMatch(/1,234,567,890,123|62\.5%|\$0\.125|Tokens served|Gross margin/);
  });

  it("narrowing the grant to updates only withholds the values on the next view", async () => {
    await withSystem(app.database.db, (tx) =>
      tx
        .update(accessGrants)
        .set({ sections: ["updates"] })
        .where(and(eq(accessGrants.orgId, founder.org.id), eq(accessGrants.investorOrgId, withFinancials.org.id))),
    );
    const html = await (await fullClient.get(`/o/${withFinancials.org.slug}/updates/${updateId}`, { "Accept-Language": "en" })).text();
    expect(html).toContain("not shared with you (financials)");
    expect(html).not.toContain("1,234,567,890,123");
  });
});
