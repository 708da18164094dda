import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessGrants, alertRules, alerts, auditLog, budgets, companyMetrics, debtFacilities, monthlyReports, orgs, risks } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { addMonths, isoDateOfDate, monthOfDate, reportDueDate } from "../../app/finance";
import { alertReasonFromStored, alertReasonText } from "../../app/domain/alert-reasons";
import { acknowledgeAlert, listAlerts, syncAlerts } from "../../app/models/alert.server";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { saveMonthlyReport } from "../../app/models/monthly-report.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { toastCookieOf } from "../support/toast";
import { addMember, grantAccess, makeOrgWithOwner } from "../support/factories";
import { routeData } from "../support/route-data";
import { alertRulesForm } from "../support/alert-rules-form";
import { formatterFor } from "../../app/i18n/format";

/**
 * Early warnings (issue 4 item 5): rules per investor org, alerts computed from what each
 * linked company shares, an alert feed with acknowledge. Months are relative to the real
 * current month M, so the loader's own sync (which uses the real date) agrees with the
 * model-level syncs that name "today".
 */
const FEED = "routes/o.$orgSlug.alerts._index";
const RULES = "routes/o.$orgSlug.alerts.rules";
const TODAY = isoDateOfDate(new Date());
const M = monthOfDate(new Date());
const m = (k: number) => addMonths(M, k);
/** Months and dates as alert reasons say them (running text). */
const en = formatterFor("en");
const K = 100_000; // $1,000 in minor units

type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let app: TestApp;
let fund: Org;
let otherFund: Org;
const co: Record<"alpha" | "bravo" | "charlie" | "delta" | "echo" | "foxtrot" | "golf" | "hotel" | "india", Org> = {} as never;
const riskIds = { gpu: "", priceWar: "" };
let owner: TestClient, admin: TestClient, member: TestClient, viewer: TestClient, outsider: TestClient, founder: TestClient;
let memberName = "";

const rulesForm = (changes: Record<string, string | null> = {}) => {
  const form: Record<string, string | null> = { ...alertRulesForm(), ...changes };
  return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== null)) as Record<string, string>;
};

/** Months of figures written as the startup, then its company_metrics row rebuilt, as every report write does. */
async function seed(
  org: Org,
  months: { month: string; cash: number; revenue: number; payroll: number }[],
  extra?: (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<void>,
) {
  await withTenant(app.database.db, org.org.id, async (tx) => {
    await tx.insert(monthlyReports).values(months.map((r) => ({ orgId: org.org.id, ...r })));
    if (extra) await extra(tx);
    await refreshCompanyMetrics(tx, org.org.id);
  });
}
const steady = (from: number, to: number, cashAtEnd: number, revenue: number, payroll: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ month: m(from + i), cash: cashAtEnd + (to - from - i) * (payroll - revenue), revenue, payroll }));
const facility = (org: Org, minimumCash: number) => ({
  orgId: org.org.id,
  lender: "Bank",
  kind: "bank_loan",
  principal: 100 * K,
  currency: "USD",
  annualRateBp: 1200,
  drawDate: `${m(-6)}-01`,
  termMonths: 36,
  repaymentType: "bullet",
  minimumCash,
});

/**
 * Every alert row of the fund, read past RLS, with the company's name; the stored reason (a key
 * with variables) as an English reader sees it — a risk's title read from the register, as the feed does.
 */
async function alertRows() {
  const rows = await withSystem(app.database.db, (tx) =>
    tx
      .select({
        id: alerts.id,
        company: orgs.name,
        kind: alerts.kind,
        subject: alerts.subject,
        severity: alerts.severity,
        reason: alerts.reason,
        resolvedAt: alerts.resolvedAt,
        acknowledgedAt: alerts.acknowledgedAt,
        acknowledgedByUserId: alerts.acknowledgedByUserId,
        riskTitle: risks.title,
      })
      .from(alerts)
      .innerJoin(orgs, eq(orgs.id, alerts.companyOrgId))
      .leftJoin(risks, and(eq(alerts.kind, "risk_score"), eq(risks.orgId, alerts.companyOrgId), sql`${risks.id}::text = ${alerts.subject}`))
      .where(eq(alerts.orgId, fund.org.id)),
  );
  return rows.map(({ riskTitle, ...row }) => ({ ...row, reason: alertReasonText("en", alertReasonFromStored(row.reason), { title: riskTitle }) }));
}
const openRows = async () => (await alertRows()).filter((a) => a.resolvedAt === null);
const openSummary = async () => (await openRows()).map((a) => `${a.company} | ${a.kind} | ${a.severity}`).sort();
async function auditOf(orgId: string, entityType: string) {
  return withSystem(app.database.db, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityType, entityType))),
  );
}
async function rulesRow() {
  return (await withSystem(app.database.db, (tx) => tx.select().from(alertRules).where(eq(alertRules.orgId, fund.org.id))))[0];
}
async function feed(client: TestClient, query = "") {
  const response = await client.get(routeData(`/o/${fund.org.slug}/alerts${query ? `?${query}` : ""}`, FEED));
  expect(response.status).toBe(200);
  return (await response.json()) as {
    list: {
      total: number;
      pageCount: number;
      alerts: { id: string; kind: string; severity: string; companyName: string; companySlug: string; reason: string; acknowledgedBy: string | null }[];
    };
  };
}
const postFeed = (client: TestClient, form: Record<string, string>, slug = fund.org.slug) => client.post(routeData(`/o/${slug}/alerts`, FEED), form);
const postRules = (client: TestClient, form: Record<string, string>, slug = fund.org.slug) => client.post(routeData(`/o/${slug}/alerts/rules`, RULES), form);

beforeAll(async () => {
  app = await startTestApp();
  fund = await makeOrgWithOwner(app.database, "investor", "North Fund");
  otherFund = await makeOrgWithOwner(app.database, "investor", "Other Fund");
  for (const name of Object.keys({ alpha: 1, bravo: 1, charlie: 1, delta: 1, echo: 1, foxtrot: 1, golf: 1, hotel: 1, india: 1 }) as (keyof typeof co)[]) {
    co[name] = await makeOrgWithOwner(app.database, "startup", `${name[0]!.toUpperCase()}${name.slice(1)} AI`);
  }
  // Alpha: $100k a month burn, $240k cash, no revenue → runway 2.4 (critical), cash out in M+3 (default dead).
  await seed(co.alpha, steady(-2, 0, 240 * K, 0, 100 * K));
  // Bravo: profitable, but last reported M-3 → the M-2 report is overdue.
  await seed(co.bravo, steady(-5, -3, 1000 * K, 200 * K, 100 * K));
  // Charlie: profitable; risks scoring 20 (open), 15 (open) and 25 (closed).
  await seed(co.charlie, steady(-2, 0, 1000 * K, 200 * K, 100 * K), async (tx) => {
    const made = await tx
      .insert(risks)
      .values([
        { orgId: co.charlie.org.id, title: "GPU supplier cut-off", category: "technical", likelihood: 4, impact: 5, status: "open" },
        { orgId: co.charlie.org.id, title: "Price war", category: "market", likelihood: 3, impact: 5, status: "open" },
        { orgId: co.charlie.org.id, title: "Old lawsuit", category: "regulatory", likelihood: 5, impact: 5, status: "closed" },
      ])
      .returning();
    riskIds.gpu = made[0]!.id;
    riskIds.priceWar = made[1]!.id;
  });
  // Delta: spent $120k against a $100k budget in M (20 % over).
  await seed(co.delta, [...steady(-2, -1, 1000 * K, 300 * K, 100 * K), { month: m(0), cash: 1000 * K, revenue: 300 * K, payroll: 120 * K }], (tx) =>
    tx
      .insert(budgets)
      .values({ orgId: co.delta.org.id, month: m(0), category: "payroll", amount: 100 * K })
      .then(() => undefined),
  );
  // Echo: $300k cash under a $500k minimum → breach. Foxtrot: $550k, burning $100k, minimum $300k → projected breach.
  await seed(co.echo, steady(-2, 0, 300 * K, 200 * K, 100 * K), (tx) =>
    tx
      .insert(debtFacilities)
      .values(facility(co.echo, 500 * K))
      .then(() => undefined),
  );
  await seed(co.foxtrot, steady(-2, 0, 550 * K, 0, 100 * K), (tx) =>
    tx
      .insert(debtFacilities)
      .values(facility(co.foxtrot, 300 * K))
      .then(() => undefined),
  );
  // Golf shares only financials, which are healthy; its risks, budgets and debt would alert but are not shared.
  await seed(co.golf, steady(-2, 0, 1000 * K, 200 * K, 100 * K), async (tx) => {
    await tx.insert(risks).values({ orgId: co.golf.org.id, title: "Hidden", category: "financial", likelihood: 5, impact: 5, status: "open" });
    await tx.insert(budgets).values({ orgId: co.golf.org.id, month: m(0), category: "payroll", amount: 10 * K });
    await tx.insert(debtFacilities).values(facility(co.golf, 5000 * K));
  });
  // Hotel (grant only requested) and India (no grant) are in trouble on every count.
  await seed(co.hotel, steady(-6, -4, 50 * K, 0, 100 * K));
  await seed(co.india, steady(-6, -4, 50 * K, 0, 100 * K));

  for (const name of ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"] as const) await grantAccess(app.database, co[name].org, fund.org);
  await grantAccess(app.database, co.golf.org, fund.org, ["financials"]);
  await withSystem(app.database.db, (tx) =>
    tx.insert(accessGrants).values({ orgId: co.hotel.org.id, investorOrgId: fund.org.id, status: "requested", initiatedBy: "investor" }),
  );

  const adminUser = await addMember(app.database, fund.ctx, "admin");
  const memberUser = await addMember(app.database, fund.ctx, "member");
  const viewerUser = await addMember(app.database, fund.ctx, "viewer");
  memberName = memberUser.user.name;
  owner = await app.signIn(fund.owner.email);
  admin = await app.signIn(adminUser.user.email);
  member = await app.signIn(memberUser.user.email);
  viewer = await app.signIn(viewerUser.user.email);
  outsider = await app.signIn(otherFund.owner.email);
  founder = await app.signIn(co.alpha.owner.email);
});

afterAll(async () => {
  await app?.close();
});

describe("alerts raised from what linked companies share", () => {
  it("decides overdue reports against the given day: not on the due date, the day after", async () => {
    const due = reportDueDate(m(-2)); // day 15 of M-1
    await syncAlerts(fund.ctx, due);
    expect((await openRows()).filter((a) => a.kind === "report_overdue")).toEqual([]);
    await syncAlerts(fund.ctx, addDays(due, 1));
    const [overdue] = (await openRows()).filter((a) => a.kind === "report_overdue");
    expect(overdue).toMatchObject({ company: "Bravo AI", subject: m(-2), severity: "warning" });
    expect(overdue!.reason).toBe(
      `The report for ${en.month(m(-2))} is overdue: it was due by ${en.date(due)} and the last report received is for ${en.month(m(-3))}.`,
    );
  });

  it("raises each kind with its severity and a reason with the numbers", async () => {
    const result = await syncAlerts(fund.ctx, TODAY);
    expect(result.open).toBe(9);
    expect(await openSummary()).toEqual([
      "Alpha AI | default_dead | warning",
      "Alpha AI | runway | critical",
      "Bravo AI | report_overdue | warning",
      "Charlie AI | risk_score | critical",
      "Delta AI | budget_overrun | warning",
      "Echo AI | covenant | critical",
      "Foxtrot AI | covenant | warning",
      "Foxtrot AI | default_dead | warning",
      "Foxtrot AI | runway | warning",
    ]);
    const reason = async (company: string, kind: string) => (await openRows()).find((a) => a.company === company && a.kind === kind)!;
    expect((await reason("Alpha AI", "runway")).reason).toBe(`Runway 2.4 months is below the critical threshold of 3 months (as of ${en.month(M)}).`);
    expect((await reason("Alpha AI", "default_dead")).reason).toBe(
      `Default dead: with expenses held and revenue growing at its last-3-month rate, cash runs out in ${en.month(m(3))} before revenue covers expenses (as of ${en.month(M)}).`,
    );
    expect(await reason("Charlie AI", "risk_score")).toMatchObject({
      subject: riskIds.gpu,
      reason: "Risk “GPU supplier cut-off” scores 20 (likelihood 4 × impact 5), at or above the threshold of 16; it is open.",
    });
    expect(await reason("Delta AI", "budget_overrun")).toMatchObject({
      subject: M,
      reason: `Spend in ${en.month(M)} was $120,000 against a budget of $100,000: 20.0% over budget, above the threshold of 10%.`,
    });
    expect((await reason("Echo AI", "covenant")).reason).toBe(
      `Covenant breach: cash of $300,000 at the end of ${en.month(M)} is below the minimum cash covenant of $500,000.`,
    );
    expect((await reason("Foxtrot AI", "covenant")).reason).toBe(
      `Projected covenant breach: cash of $550,000 at the end of ${en.month(M)} is forecast to fall below the minimum cash covenant of $300,000 within 3 months.`,
    );
    expect((await reason("Foxtrot AI", "runway")).reason).toBe(`Runway 5.5 months is below the caution threshold of 6 months (as of ${en.month(M)}).`);
  });

  it("keeps one row per condition across syncs: touched, not duplicated", async () => {
    const before = await alertRows();
    await syncAlerts(fund.ctx, TODAY);
    const after = await alertRows();
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
  });
});

function addDays(iso: string, days: number) {
  return isoDateOfDate(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000));
}

describe("the alert feed", () => {
  it("lists alerts critical first with company, reason and the severity in words", async () => {
    const { list } = await feed(owner);
    expect(list.total).toBe(9);
    expect(list.alerts.slice(0, 3).map((a) => a.severity)).toEqual(["critical", "critical", "critical"]);
    expect((await feed(owner, "severity=critical")).list.alerts.map((a) => `${a.companyName} ${a.kind}`).sort()).toEqual([
      "Alpha AI runway",
      "Charlie AI risk_score",
      "Echo AI covenant",
    ]);
    const html = await (await owner.get(`/o/${fund.org.slug}/alerts`)).text();
    expect(html).toContain(`href="/o/${fund.org.slug}/companies/${co.alpha.org.slug}"`);
    expect(html).toMatch(/>Critical</);
    expect(html).toMatch(/>Warning</);
    expect(html).toContain("Runway 2.4 months is below the critical threshold of 3 months");
    // The risk's title is not stored with the alert: the feed reads it from the company's register.
    expect(html).toContain("Risk “GPU supplier cut-off” scores 20 (likelihood 4 × impact 5)");
  });

  it("shows the empty state to a fund with nothing to report", async () => {
    const html = await (await outsider.get(`/o/${otherFund.org.slug}/alerts`)).text();
    expect(html).toContain("No early warnings — all linked companies are within your rules");
  });
});

describe("acknowledge, and a report coming in", () => {
  it("lets members acknowledge (audited, once) and viewers only read", async () => {
    const overdue = (await openRows()).find((a) => a.kind === "report_overdue")!;
    expect((await postFeed(viewer, { intent: "acknowledge", alertId: overdue.id })).status).toBe(403);
    expect((await postFeed(member, { intent: "acknowledge", alertId: "not-an-id" })).status).toBe(400);
    expect((await postFeed(member, { intent: "acknowledge", alertId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await openRows()).find((a) => a.id === overdue.id)!.acknowledgedAt).toBeNull();
    expect(await auditOf(fund.org.id, "alert")).toHaveLength(0);

    // Acknowledged: back to the feed (204 to a JavaScript post) with a toast; a second time changes nothing.
    const acknowledged1 = await postFeed(member, { intent: "acknowledge", alertId: overdue.id });
    expect(acknowledged1.status).toBe(204);
    expect(toastCookieOf(acknowledged1)).toMatchObject({ message: { key: "investor_alerts_acknowledged" } });
    expect((await postFeed(member, { intent: "acknowledge", alertId: overdue.id })).status).toBe(204);
    const row = (await alertRows()).find((a) => a.id === overdue.id)!;
    expect(row.acknowledgedAt).not.toBeNull();
    const audit = await auditOf(fund.org.id, "alert");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "alert.acknowledge", entityId: overdue.id });
    const acknowledged = (await feed(viewer, "status=acknowledged")).list.alerts;
    expect(acknowledged.map((a) => [a.id, a.acknowledgedBy])).toEqual([[overdue.id, memberName]]);
    expect((await feed(viewer, "status=open")).list.total).toBe(8);
  });

  it("resolves the overdue alert once the missing report is submitted", async () => {
    const figures = {
      cash: 1100 * K,
      revenue: 200 * K,
      headcount: 5,
      arr: null,
      compute: 0,
      data: 0,
      payroll: 100 * K,
      research: 0,
      go_to_market: 0,
      general_admin: 0,
      other: 0,
      highlights: null,
      lowlights: null,
      asks: null,
    };
    await saveMonthlyReport(co.bravo.ctx, m(-2), null, figures);
    // On day 10 of M the next report (M-1, due day 15) is not late yet.
    await syncAlerts(fund.ctx, `${M}-10`);
    expect((await alertRows()).filter((a) => a.kind === "report_overdue").map((a) => [a.subject, a.resolvedAt !== null])).toEqual([[m(-2), true]]);
    // Keep Bravo current so the real date of the run cannot raise another one.
    await saveMonthlyReport(co.bravo.ctx, m(-1), null, figures);
    await syncAlerts(fund.ctx, TODAY);
    expect((await openRows()).filter((a) => a.company === "Bravo AI")).toEqual([]);
  });
});

describe("alert rules", () => {
  it("shows the defaults, read-only to viewers, and only owners and admins may change them", async () => {
    const read = async (client: TestClient) =>
      (await (await client.get(routeData(`/o/${fund.org.slug}/alerts/rules`, RULES))).json()) as {
        version: number;
        canEdit: boolean;
        rules: Record<string, unknown>;
      };
    expect(await read(owner)).toMatchObject({
      version: 0,
      canEdit: true,
      rules: { runwayCautionMonths: 6, runwayCriticalMonths: 3, reportDueDay: 15, riskScoreMin: 16, budgetOverrunBp: 1000 },
    });
    expect(await read(viewer)).toMatchObject({ version: 0, canEdit: false });
    const page = async (client: TestClient) => (await client.get(`/o/${fund.org.slug}/alerts/rules`)).text();
    const ownerPage = await page(owner);
    expect(ownerPage).toContain("Save rules");
    expect(ownerPage).toContain("Runway = cash at the last reported month ÷ average net burn");
    const viewerPage = await page(viewer);
    expect(viewerPage).not.toContain("Save rules");
    expect(viewerPage).toContain("Only owners and admins can change these rules");
    expect((await postRules(viewer, rulesForm())).status).toBe(403);
    expect((await postRules(member, rulesForm())).status).toBe(403);
    expect(await rulesRow()).toBeUndefined();
  });

  it("refuses out-of-range values per field with 400, writing nothing", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ runwayCriticalMonths: "6" }, "runwayCriticalMonths"],
      [{ runwayCriticalMonths: "0" }, "runwayCriticalMonths"],
      [{ runwayCautionMonths: "121" }, "runwayCautionMonths"],
      [{ runwayCautionMonths: "six" }, "runwayCautionMonths"],
      [{ reportDueDay: "29" }, "reportDueDay"],
      [{ riskScoreMin: "0" }, "riskScoreMin"],
      [{ riskScoreMin: "26" }, "riskScoreMin"],
      [{ budgetOverrunPercent: "1000.01" }, "budgetOverrunPercent"],
      [{ budgetOverrunPercent: "-5" }, "budgetOverrunPercent"],
      [{ runwayEnabled: "maybe" }, "runwayEnabled"],
    ];
    for (const [change, field] of cases) {
      const response = await postRules(admin, rulesForm(change));
      expect(response.status, JSON.stringify(change)).toBe(400);
      expect(Object.keys(((await response.json()) as { fieldErrors: object }).fieldErrors), JSON.stringify(change)).toContain(field);
    }
    expect((await postRules(admin, rulesForm({ version: "" }))).status).toBe(400);
    expect(await rulesRow()).toBeUndefined();
    expect(await auditOf(fund.org.id, "alert_rules")).toHaveLength(0);
  });

  it("a disabled rule raises nothing; a stale version is a 409", async () => {
    const saved = await postRules(admin, rulesForm({ runwayEnabled: null }));
    expect(saved.status).toBe(204);
    expect(toastCookieOf(saved)).toMatchObject({ message: { key: "investor_alertRules_saved" } });
    expect(await rulesRow()).toMatchObject({ version: 1, runwayEnabled: false });
    expect((await postRules(owner, rulesForm({ version: "0" }))).status).toBe(409);
    expect(await rulesRow()).toMatchObject({ version: 1, runwayEnabled: false });
    const audit = await auditOf(fund.org.id, "alert_rules");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "alert_rules.update", before: { runwayEnabled: true }, after: { runwayEnabled: false } });
    await syncAlerts(fund.ctx, TODAY);
    expect((await openRows()).filter((a) => a.kind === "runway")).toEqual([]);
  });

  it("changed thresholds take effect on the next sync; an escalation asks for a fresh acknowledgement", async () => {
    const changed = rulesForm({ version: "1", runwayCautionMonths: "3", runwayCriticalMonths: "2", riskScoreMin: "15", budgetOverrunPercent: "25" });
    expect((await postRules(owner, changed)).status).toBe(204);
    await syncAlerts(fund.ctx, TODAY);
    const open = await openRows();
    const alphaRunway = open.find((a) => a.company === "Alpha AI" && a.kind === "runway")!;
    expect(alphaRunway).toMatchObject({ severity: "warning", reason: `Runway 2.4 months is below the caution threshold of 3 months (as of ${en.month(M)}).` });
    expect(open.filter((a) => a.company === "Foxtrot AI" && a.kind === "runway")).toEqual([]);
    expect(
      open
        .filter((a) => a.kind === "risk_score")
        .map((a) => a.subject)
        .sort(),
    ).toEqual([riskIds.gpu, riskIds.priceWar].sort());
    expect(open.filter((a) => a.kind === "budget_overrun")).toEqual([]);

    await acknowledgeAlert(fund.ctx, alphaRunway.id);
    expect((await postRules(owner, rulesForm({ version: "2" }))).status).toBe(204);
    await syncAlerts(fund.ctx, TODAY);
    const escalated = (await alertRows()).find((a) => a.id === alphaRunway.id)!;
    expect(escalated).toMatchObject({ severity: "critical", resolvedAt: null, acknowledgedAt: null, acknowledgedByUserId: null });
    expect(escalated.reason).toBe(`Runway 2.4 months is below the critical threshold of 3 months (as of ${en.month(M)}).`);
    expect((await openRows()).filter((a) => a.kind === "risk_score").map((a) => a.subject)).toEqual([riskIds.gpu]);
    expect((await openRows()).filter((a) => a.kind === "budget_overrun")).toHaveLength(1);
  });
});

describe("no alert from data the investor may not see", () => {
  it("raises nothing for an unshared section, a requested grant or no grant", async () => {
    const open = await openRows();
    expect(open.filter((a) => ["Golf AI", "Hotel AI", "India AI"].includes(a.company))).toEqual([]);
    // The data is there: Golf's own metrics say breach, and it has a 25 risk and an overrun…
    const [golfMetrics] = await withSystem(app.database.db, (tx) => tx.select().from(companyMetrics).where(eq(companyMetrics.orgId, co.golf.org.id)));
    expect(golfMetrics!.covenant).toBe("breach");
    // …but the fund's tenant transaction cannot read those sections at all.
    const seen = await withTenant(
      app.database.db,
      fund.org.id,
      async (tx) => ({
        risks: (await tx.select({ n: sql<number>`count(*)::int` }).from(risks).where(eq(risks.orgId, co.golf.org.id)))[0]!.n,
        budgets: (await tx.select({ n: sql<number>`count(*)::int` }).from(budgets).where(eq(budgets.orgId, co.golf.org.id)))[0]!.n,
        debt: (await tx.select({ n: sql<number>`count(*)::int` }).from(debtFacilities).where(eq(debtFacilities.orgId, co.golf.org.id)))[0]!.n,
        hotelReports: (await tx.select({ n: sql<number>`count(*)::int` }).from(monthlyReports).where(eq(monthlyReports.orgId, co.hotel.org.id)))[0]!.n,
      }),
      { readOnly: true },
    );
    expect(seen).toEqual({ risks: 0, budgets: 0, debt: 0, hotelReports: 0 });
  });

  it("deletes alerts when a section is unshared or a grant revoked, and lists nothing of them in any status", async () => {
    await withSystem(app.database.db, (tx) =>
      tx
        .update(accessGrants)
        .set({ sections: ["financials", "funding_debt", "budgets", "updates"] })
        .where(eq(accessGrants.orgId, co.charlie.org.id)),
    );
    const alphaIds = (await openRows()).filter((a) => a.company === "Alpha AI").map((a) => a.id);
    expect(alphaIds).toHaveLength(2);
    await withSystem(app.database.db, (tx) => tx.update(accessGrants).set({ status: "revoked" }).where(eq(accessGrants.orgId, co.alpha.org.id)));

    const { list } = await feed(owner, "status=all"); // the loader syncs first
    expect(list.alerts.filter((a) => a.companyName === "Alpha AI")).toEqual([]);
    // Charlie still shares its other sections but no longer its risks: its risk alerts are gone from every status.
    expect(list.alerts.filter((a) => a.kind === "risk_score")).toEqual([]);
    expect(list.alerts.some((a) => a.companyName === "Charlie AI")).toBe(false); // Charlie raised only risk alerts
    // Deleted by the sync, not merely resolved: the fund's tenant keeps no copy (decision 006).
    const rows = await alertRows();
    expect(rows.filter((a) => alphaIds.includes(a.id))).toEqual([]);
    expect(rows.filter((a) => a.kind === "risk_score")).toEqual([]);
    expect((await listAlerts(fund.ctx, { status: "resolved" })).alerts.some((a) => a.companyName === "Alpha AI")).toBe(false);
    expect((await postFeed(member, { intent: "acknowledge", alertId: alphaIds[0]! })).status).toBe(404);
  });
});

describe("tenancy", () => {
  it("answers 404 to another tenant on both routes and writes nothing", async () => {
    const target = (await openRows()).find((a) => a.acknowledgedAt === null)!;
    const ruleVersion = (await rulesRow())!.version;
    const auditBefore = (await auditOf(fund.org.id, "alert")).length + (await auditOf(fund.org.id, "alert_rules")).length;
    expect((await outsider.get(`/o/${fund.org.slug}/alerts`)).status).toBe(404);
    expect((await outsider.get(`/o/${fund.org.slug}/alerts/rules`)).status).toBe(404);
    expect((await postFeed(outsider, { intent: "acknowledge", alertId: target.id })).status).toBe(404);
    expect((await postRules(outsider, rulesForm({ version: String(ruleVersion), riskEnabled: null }))).status).toBe(404);
    // Naming our alert from its own org finds nothing either.
    expect((await postFeed(outsider, { intent: "acknowledge", alertId: target.id }, otherFund.org.slug)).status).toBe(404);
    expect((await rulesRow())!.version).toBe(ruleVersion);
    expect((await alertRows()).find((a) => a.id === target.id)!.acknowledgedAt).toBeNull();
    expect((await auditOf(fund.org.id, "alert")).length + (await auditOf(fund.org.id, "alert_rules")).length).toBe(auditBefore);
    expect(await auditOf(otherFund.org.id, "alert")).toHaveLength(0);
  });

  it("answers 404 in a startup org", async () => {
    const slug = co.alpha.org.slug;
    expect((await founder.get(`/o/${slug}/alerts`)).status).toBe(404);
    expect((await founder.get(`/o/${slug}/alerts/rules`)).status).toBe(404);
    expect((await postFeed(founder, { intent: "acknowledge", alertId: "00000000-0000-4000-8000-000000000000" }, slug)).status).toBe(404);
    expect((await postRules(founder, rulesForm(), slug)).status).toBe(404);
    const [none] = await withSystem(app.database.db, (tx) =>
      tx.select({ n: sql<number>`count(*)::int` }).from(alertRules).where(eq(alertRules.orgId, co.alpha.org.id)),
    );
    expect(none!.n).toBe(0);
  });
});

describe("paging", () => {
  it("pages the feed 25 at a time", async () => {
    await withTenant(app.database.db, co.delta.org.id, (tx) =>
      tx.insert(risks).values(
        Array.from({ length: 26 }, (_, i) => ({
          orgId: co.delta.org.id,
          title: `Risk ${i + 1}`,
          category: "market",
          likelihood: 4,
          impact: 4,
          status: "open",
        })),
      ),
    );
    const first = await feed(viewer);
    const open = (
      await withSystem(app.database.db, (tx) =>
        tx
          .select({ id: alerts.id })
          .from(alerts)
          .where(and(eq(alerts.orgId, fund.org.id), isNull(alerts.resolvedAt))),
      )
    ).length;
    expect(first.list.total).toBe(open);
    expect(open).toBeGreaterThan(26);
    expect(first.list.alerts).toHaveLength(25);
    expect(first.list.pageCount).toBe(2);
    const second = await feed(viewer, "page=2");
    expect(second.list.alerts).toHaveLength(open - 25);
    expect(new Set([...first.list.alerts, ...second.list.alerts].map((a) => a.id)).size).toBe(open);
  });
});
