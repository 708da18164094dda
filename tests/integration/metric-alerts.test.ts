import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, auditLog, metricAlertRules, metricDefinitions, metricValues } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { revokeGrant } from "../../app/models/access-grant.server";
import { listAlerts, syncAlerts } from "../../app/models/alert.server";
import { addMetricAlertRule, deleteMetricAlertRule, listMetricAlertRules } from "../../app/models/metric-alert-rule.server";
import { alertReasonText } from "../../app/domain/alert-reasons";
import { startTestApp, type TestApp } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner, type Org, TEST_PASSWORD } from "../support/factories";
import { mailTo } from "../support/outbox";
import { routeData } from "../support/route-data";
import { textOf } from "../support/html-text";
import { rejection } from "../support/rejection";

// Early warnings on custom metrics (decision 027), on whichever driver DATABASE_URL names: the
// rules' model and page, the sync, the alert mail, and the grants (financials) around them.

const RULES = "routes/o.$orgSlug.alerts.rules";
const TODAY = "2026-11-20";
let app: TestApp;
let fund: Org;
let shared: Org;
let risksOnly: Org;
let sharedGrant: string;

async function reportsMargin(org: Org, values: Record<string, string>) {
  await withSystem(app.database.db, async (tx) => {
    const [definition] = await tx
      .insert(metricDefinitions)
      .values({
        orgId: org.org.id,
        key: "gross_margin",
        nameEn: "Gross margin",
        nameZh: "毛利率",
        unit: "percent",
        direction: "higher_is_better",
        rollup: "average",
      })
      .returning();
    await tx.insert(metricValues).values(Object.entries(values).map(([month, value]) => ({ orgId: org.org.id, metricId: definition!.id, month, value })));
  });
}

const rulesOf = (org: Org) => withSystem(app.database.db, (tx) => tx.select().from(metricAlertRules).where(eq(metricAlertRules.orgId, org.org.id)));

beforeAll(async () => {
  app = await startTestApp();
  fund = await makeOrgWithOwner(app.database, "investor", "Metric Alert Fund");
  shared = await makeOrgWithOwner(app.database, "startup", "Margin Shared AI");
  risksOnly = await makeOrgWithOwner(app.database, "startup", "Margin Hidden AI");
  sharedGrant = await grantAccess(app.database, shared.org, fund.org, ["financials"]);
  await grantAccess(app.database, risksOnly.org, fund.org, ["risks"]);
  await reportsMargin(shared, { "2026-09": "50", "2026-10": "38.5" });
  await reportsMargin(risksOnly, { "2026-09": "50", "2026-10": "10" });
});
afterAll(() => app?.close());

describe("metric alert rules", () => {
  it("are added by owners and admins only, checked per field with nothing written, and audited", async () => {
    const member = await addMember(app.database, fund.ctx, "member");
    expect((await rejection(addMetricAlertRule(member.ctx, { metricKey: "gross_margin", condition: "floor", threshold: "40" }))).code).toBe("FORBIDDEN");
    const invalid = await rejection(addMetricAlertRule(fund.ctx, { metricKey: "Gross Margin", condition: "floor", threshold: "4x" }));
    expect(invalid.code).toBe("INVALID");
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(["metricKey", "threshold"]);
    expect(await rulesOf(fund)).toEqual([]);
    // A startup has no alert rules at all.
    expect((await rejection(addMetricAlertRule(shared.ctx, { metricKey: "gross_margin", condition: "floor", threshold: "40" }))).code).toBe("NOT_FOUND");

    const rule = await addMetricAlertRule(fund.ctx, { metricKey: "gross_margin", condition: "floor", threshold: "40", severity: "critical" });
    expect(rule).toMatchObject({ metricKey: "gross_margin", condition: "floor", measure: "amount", threshold: "40", severity: "critical" });
    const audit = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, fund.org.id), eq(auditLog.entityId, rule.id))),
    );
    expect(audit.map((a) => a.action)).toEqual(["metric_alert_rule.create"]);
    // The page offers the keys the fund's companies share under financials, not the hidden company's.
    expect(await listMetricAlertRules(fund.ctx)).toEqual({ rules: [rule], keys: ["gross_margin"] });
  });

  it("raise an alert only for companies that share financials, mailed through the alert path, and nothing after revoke", async () => {
    const result = await syncAlerts(fund.ctx, TODAY);
    expect(result.raised).toBe(1);
    const { alerts: list } = await listAlerts(fund.ctx);
    expect(list.map((a) => [a.companyName, a.kind, a.severity])).toEqual([["Margin Shared AI", "metric", "critical"]]);
    expect(alertReasonText("en", list[0]!.reason)).toBe("gross_margin was 38.5% in Oct 2026, below the floor of 40%.");
    expect(alertReasonText("zh-CN", list[0]!.reason)).toBe("gross_margin 在 2026年10月 为 38.5%，低于下限 40%。");
    // Critical: mailed at once, through the same notification as every early warning.
    const bodies = (await mailTo(app.database, fund.owner.email)).map((m) => m.body).join("\n");
    expect(bodies).toContain("Margin Shared AI — Custom metric");
    expect(bodies).not.toContain("Margin Hidden AI");

    await revokeGrant(shared.ctx, sharedGrant, 1);
    await syncAlerts(fund.ctx, TODAY);
    expect((await listAlerts(fund.ctx, { status: "all" })).alerts).toEqual([]);
    expect(await withSystem(app.database.db, (tx) => tx.select().from(alerts).where(eq(alerts.orgId, fund.org.id)))).toEqual([]);
  });

  it("are deleted by their own fund only; the page lists them and refuses a bad threshold with its field error", async () => {
    const other = await makeOrgWithOwner(app.database, "investor", "Other Alert Fund");
    const [rule] = await rulesOf(fund);
    expect((await rejection(deleteMetricAlertRule(other.ctx, rule!.id))).code).toBe("NOT_FOUND");
    expect(await rulesOf(fund)).toHaveLength(1);

    const client = app.client();
    await client.login(fund.owner.email, TEST_PASSWORD);
    const page = textOf(await (await client.get(`/o/${fund.org.slug}/alerts/rules`)).text());
    expect(page).toContain("gross_margin: Below a floor of 40 (Critical)");
    const refused = await client.post(routeData(`/o/${fund.org.slug}/alerts/rules`, RULES), {
      intent: "metricRule.add",
      metricKey: "gross_margin",
      condition: "rise",
      threshold: "0",
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ threshold: "A fall or rise must be more than 0." });
    expect(await rulesOf(fund)).toHaveLength(1);

    const outsider = app.client();
    await outsider.login(other.owner.email, TEST_PASSWORD);
    const foreign = await outsider.post(routeData(`/o/${fund.org.slug}/alerts/rules`, RULES), { intent: "metricRule.delete", id: rule!.id });
    expect(foreign.status).toBe(404);
    const wrongFund = await outsider.post(routeData(`/o/${other.org.slug}/alerts/rules`, RULES), {
      intent: "metricRule.delete",
      id: rule!.id,
      confirm: "yes",
    });
    expect(wrongFund.status).toBe(404);
    expect(await rulesOf(fund)).toHaveLength(1);

    // Like every delete, it is confirmed (the dialog, or the tick box without JavaScript).
    const unconfirmed = await client.post(routeData(`/o/${fund.org.slug}/alerts/rules`, RULES), { intent: "metricRule.delete", id: rule!.id });
    expect(unconfirmed.status).toBe(400);
    expect(((await unconfirmed.json()) as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      confirm: "Tick the box to confirm you want to delete this rule.",
    });
    expect(await rulesOf(fund)).toHaveLength(1);

    const deleted = await client.post(routeData(`/o/${fund.org.slug}/alerts/rules`, RULES), { intent: "metricRule.delete", id: rule!.id, confirm: "yes" });
    expect([200, 204, 302]).toContain(deleted.status);
    expect(await rulesOf(fund)).toEqual([]);
  });
});
