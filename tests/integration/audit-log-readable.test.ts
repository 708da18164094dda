/**
 * Issue #15 item 11: the audit log reads as sentences in the reader's language — who, what in
 * words, money formatted, names instead of ids — with filters by person, action and date
 * range, paging and sorting; the CSV keeps its machine-readable columns and adds the words.
 */
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { AUDIT_ACTIONS } from "../../app/domain/audit";
import { isTranslationKey } from "../../app/i18n/translate";
import { requestAccess, approveGrant } from "../../app/models/access-grant.server";
import { changeMemberRole } from "../../app/models/member.server";
import { createDebtFacility, updateDebtFacility, type DebtFacilityInput } from "../../app/models/debt-facility.server";
import { createDataRequest, remindNow } from "../../app/models/data-request.server";
import type { InvestorContext } from "../../app/auth/context";
import { dataRequests } from "../../db/schema";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, makeOrgWithOwner, makeUser } from "../support/factories";
import { grantsBetween } from "../support/grant-fixtures";
import { routeData } from "../support/route-data";
import { memberships } from "../../db/schema";
import { spacedTextOf } from "../support/html-text";
import { auditTexts } from "../../app/server/audit-text.server";

const ROUTE = "routes/o.$orgSlug.audit";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let app: TestApp;
type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let startup: Org;
let fund: Org;
let stranger: Org;
let owner: TestClient;
let analyst: Awaited<ReturnType<typeof addMember>>;
let leaverEmail: string;

const facility: DebtFacilityInput = {
  lender: "Harbour Bank",
  kind: "venture_debt",
  principal: 1_000_000_00,
  annualRatePercent: 1200,
  drawDate: "2025-01-15",
  termMonths: 24,
  repaymentType: "amortizing",
  interestOnlyMonths: null,
  minimumCash: null,
  reportingDeadlineDay: null,
};

beforeAll(async () => {
  app = await startTestApp();
  startup = await makeOrgWithOwner(app.database, "startup", "Lumenite AI");
  fund = await makeOrgWithOwner(app.database, "investor", "Northwind Capital");
  stranger = await makeOrgWithOwner(app.database, "startup", "Audit Stranger");
  analyst = await addMember(app.database, startup.ctx, "member");
  // Someone who acts, then deletes their account: their entry stays, as "a former member".
  const leaver = await makeUser(app.database, "Lee Leaver");
  leaverEmail = leaver.email;
  await withSystem(app.database.db, (tx) => tx.insert(memberships).values({ orgId: startup.org.id, userId: leaver.id, role: "admin" }));
  const leaverCtx = { ...startup.ctx, user: { id: leaver.id, email: leaver.email, name: leaver.name }, role: "admin" as const };
  await changeMemberRole(leaverCtx, analyst.user.id, "admin");
  await withSystem(app.database.db, (tx) => tx.delete(users).where(eq(users.id, leaver.id)));

  const created = await createDebtFacility(startup.ctx, facility);
  await updateDebtFacility(startup.ctx, created.id, 1, { ...facility, principal: 1_200_000_00, annualRatePercent: 1250 });
  await requestAccess(fund.ctx, { via: startup.owner.email });
  const [grant] = await grantsBetween(app.database, startup.org.id, fund.org.id);
  await approveGrant(startup.ctx, grant!.id, grant!.version, ["financials", "risks"]);
  // An entry from long ago, for the date filter.
  await withSystem(app.database.db, (tx) =>
    tx
      .insert(auditLog)
      .values({ orgId: startup.org.id, actorUserId: startup.owner.id, action: "org.update", entityType: "org", at: new Date("2025-03-10T09:00:00Z") }),
  );
  owner = await app.signIn(startup.owner.email);
});
afterAll(() => app.close());

describe("the audit log in words", () => {
  it("has a label and a sentence for every action, in English and Chinese", () => {
    for (const action of AUDIT_ACTIONS) {
      const key = action.replace(/\./g, "_");
      expect(isTranslationKey(`admin_audit_act_${key}`), action).toBe(true);
      expect(isTranslationKey(`admin_audit_say_${key}`), action).toBe(true);
    }
  });

  it("shows who, a sentence per change, money formatted and names instead of ids (English)", async () => {
    const html = await (await owner.get(`/o/${startup.org.slug}/audit`)).text();
    const text = spacedTextOf(html);
    expect(text).toContain(startup.owner.name);
    expect(text).toContain(startup.owner.email);
    expect(text).toContain("a former member");
    expect(text).not.toContain(leaverEmail);
    expect(text).toContain("Approved Northwind Capital’s access to financials and risks");
    expect(text).toContain("Recorded a $1,000,000 venture debt from Harbour Bank");
    expect(text).toContain("Updated the venture debt from Harbour Bank");
    expect(text).toContain("Principal: $1,000,000 → $1,200,000");
    // Rates in the house's one percent style ("12.5%"), never "12.5 %".
    expect(text).toMatch(/12% → 12\.5%/);
    expect(text).not.toMatch(/\d %/);
    expect(text).toContain(`Changed ${analyst.user.name}’s role from member to admin`);
    expect(text).toContain("Access approved");
    // No code keys, raw JSON, cents or ids in what a reader sees.
    expect(text).not.toContain("access_grant.approve");
    expect(text).not.toContain("120000000");
    expect(text).not.toMatch(/"principal"|\{"/);
    expect(text).not.toMatch(UUID);
  });

  it("reads in Chinese: sentences, labels and money", async () => {
    const text = spacedTextOf(await (await owner.get(`/o/${startup.org.slug}/audit`, { "Accept-Language": "zh-CN" })).text());
    expect(text).toContain("批准 Northwind Capital 访问财务和风险");
    expect(text).toContain("录入了来自 Harbour Bank 的风险债务，本金 US$1,000,000");
    expect(text).toContain("本金：US$1,000,000 → US$1,200,000");
    expect(text).toMatch(/12% → 12\.5%/);
    expect(text).toContain("一位前成员");
    expect(text).toContain("批准访问");
    expect(text).not.toContain("Approved");
    expect(text).not.toContain("access_grant.approve");
    expect(text).not.toMatch(UUID);
  });
});

describe("data requests in the fund's log", () => {
  it("defining a request and reminding a company read as sentences in both languages, and the CSV keeps what was asked", async () => {
    const fundCtx = fund.ctx as InvestorContext;
    const plan = await createDataRequest(fundCtx, {
      month: "2026-04",
      cadence: "quarterly",
      dueDay: 20,
      steps: [-3, 0, 3],
      note: null,
      arr: true,
      metricKeys: ["gpu_hours"],
      companyIds: null,
    });
    const [request] = await withSystem(app.database.db, (tx) =>
      tx.select({ id: dataRequests.id }).from(dataRequests).where(eq(dataRequests.planId, plan.planId)),
    );
    await remindNow(fundCtx, request!.id, new Date(), "http://desk.test");
    const partner = await app.signIn(fund.owner.email);
    const text = spacedTextOf(await (await partner.get(`/o/${fund.org.slug}/audit`)).text());
    expect(text).toContain("Asked Lumenite AI for their figures for Apr 2026 – Jun 2026, due Jul 20, 2026");
    expect(text).toContain("Reminded Lumenite AI of the request for Apr 2026 – Jun 2026");
    expect(text).toContain("Data request sent");
    expect(text).toContain("Request reminder sent");
    expect(text).not.toMatch(UUID);
    const zh = spacedTextOf(await (await partner.get(`/o/${fund.org.slug}/audit`, { "Accept-Language": "zh-CN" })).text());
    expect(zh).toContain("请 Lumenite AI 提交 2026年4月至2026年6月 的数据，截止 2026年7月20日");
    expect(zh).toContain("提醒 Lumenite AI 回复 2026年4月至2026年6月 的数据请求");
    expect(zh).toContain("发出数据请求");
    const rows = parse(await (await partner.get(`/o/${fund.org.slug}/audit.csv`)).text(), { columns: true }) as Record<string, string>[];
    const created = rows.find((r) => r.action === "data_request.create")!;
    expect(created.entity_id).toBe(plan.planId);
    expect(JSON.parse(created.after!)).toMatchObject({
      cadence: "quarterly",
      monthFrom: "2026-04",
      monthTo: "2026-06",
      dueOn: "2026-07-20",
      arr: true,
      metrics: ["gpu_hours"],
      everyCompany: true,
      companyOrgIds: [startup.org.id],
      companies: 1,
    });
    // Several companies are counted, never named: names come only from the log's join while shared.
    const several = {
      id: "x",
      at: new Date(),
      action: "data_request.create",
      entityType: "data_request_plan",
      entityId: null,
      before: null,
      after: { companies: 3, monthFrom: "2026-04", monthTo: "2026-04", dueOn: "2026-05-15" },
      actorUserId: null,
      actorName: null,
      actorEmail: null,
      counterpartName: null,
      subjectUserName: null,
    };
    expect(auditTexts("en", "USD")(several).sentence).toBe("Asked 3 companies for their figures for Apr 2026, due May 15, 2026");
    expect(auditTexts("zh-CN", "USD")(several).sentence).toBe("请 3 家公司 提交 2026年4月 的数据，截止 2026年5月15日");
    const reminded = rows.find((r) => r.action === "data_request.remind")!;
    expect(reminded.entity_id).toBe(request!.id);
    expect(reminded.actor_email).toBe(fund.owner.email);
  });
});

describe("filters, paging and sorting", () => {
  const data = async (query: string) => (await owner.get(routeData(`/o/${startup.org.slug}/audit${query}`, ROUTE))).json();

  it("filters by person, action and date range", async () => {
    const byOwner = await data(`?actor=${startup.owner.id}`);
    expect(byOwner.entries.length).toBeGreaterThan(0);
    expect(byOwner.entries.every((e: { who: string }) => e.who === startup.owner.name)).toBe(true);
    const approvals = await data("?action=access_grant.approve");
    expect(approvals.entries.map((e: { sentence: string }) => e.sentence)).toEqual(["Approved Northwind Capital’s access to financials and risks"]);
    const old = await data("?from=2025-03-01&to=2025-03-10");
    expect(old.entries.map((e: { at: string }) => e.at)).toEqual(["2025-03-10T09:00:00.000Z"]);
    const none = await data("?from=2025-03-11&to=2025-03-12");
    expect(none.entries).toEqual([]);
    expect(spacedTextOf(await (await owner.get(`/o/${startup.org.slug}/audit?from=2025-03-11&to=2025-03-12`)).text())).toContain(
      "No entries match these filters",
    );
  });

  it("answers a bad filter with 400 and its field error, in either language, listing nothing", async () => {
    const bad = await owner.get(routeData(`/o/${startup.org.slug}/audit?from=2025-02-30&to=2025-01-01&action=drop_table&actor=nobody`, ROUTE));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.entries).toEqual([]);
    expect(body.fieldErrors).toEqual({
      actor: "Choose a person from the list.",
      action: "Choose an action from the list.",
      from: "Enter a date like 2026-11-30.",
    });
    const range = await (await owner.get(routeData(`/o/${startup.org.slug}/audit?from=2025-03-10&to=2025-03-01`, ROUTE))).json();
    expect(range.fieldErrors).toEqual({ to: "The end date must be on or after the start date." });
    const zh = await owner.get(`/o/${startup.org.slug}/audit?from=2025-13-01`, { "Accept-Language": "zh-CN" });
    expect(zh.status).toBe(400);
    expect(spacedTextOf(await zh.text())).toContain("请输入日期，格式如 2026-11-30。");
  });

  it("sorts by time either way and pages", async () => {
    const oldestFirst = await data("?sort=at&dir=asc");
    expect(oldestFirst.entries[0].at).toBe("2025-03-10T09:00:00.000Z");
    const newestFirst = await data("");
    expect(newestFirst.entries.at(-1).at).toBe("2025-03-10T09:00:00.000Z");
    const byPerson = await data("?sort=actor&dir=asc");
    const names = byPerson.entries.map((e: { who: string | null }) => e.who).filter((n: string | null) => n !== null);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" }) || 0));
    expect(byPerson.entries.at(-1).who).toBeNull(); // a former member last
    expect(newestFirst).toMatchObject({ page: 1, pageCount: 1 });
  });
});

describe("the CSV export", () => {
  it("keeps the machine-readable columns and adds the readable ones", async () => {
    const csv = await (await owner.get(`/o/${startup.org.slug}/audit.csv`)).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "at_utc",
      "id",
      "actor_user_id",
      "actor_email",
      "actor_name",
      "action",
      "entity_type",
      "entity_id",
      "before",
      "after",
      "action_label",
      "description",
      "changes",
    ]);
    const approval = rows.find((r) => r.action === "access_grant.approve")!;
    expect(approval.description).toBe("Approved Northwind Capital’s access to financials and risks");
    expect(approval.action_label).toBe("Access approved");
    expect(JSON.parse(approval.after!)).toMatchObject({ investorOrgId: fund.org.id, sections: ["financials", "risks"] });
    const update = rows.find((r) => r.action === "debt_facility.update")!;
    expect(update.changes).toContain("Principal: $1,000,000 → $1,200,000");
    expect(JSON.parse(update.after!)).toMatchObject({ principal: 1_200_000_00 });
    const zh = parse(await (await owner.get(`/o/${startup.org.slug}/audit.csv`, { "Accept-Language": "zh-CN" })).text(), { columns: true }) as Record<
      string,
      string
    >[];
    expect(zh.find((r) => r.action === "access_grant.approve")!.description).toBe("批准 Northwind Capital 访问财务和风险");
  });
});

describe("tenancy", () => {
  it("another tenant's user gets 404 on the audit page (with any filter) and its CSV", async () => {
    const other = await app.signIn(stranger.owner.email);
    for (const path of [
      `/o/${startup.org.slug}/audit`,
      `/o/${startup.org.slug}/audit?action=access_grant.approve&from=2025-01-01`,
      `/o/${startup.org.slug}/audit?sort=actor&page=2`,
      `/o/${startup.org.slug}/audit.csv`,
    ]) {
      expect((await other.get(path)).status, path).toBe(404);
    }
    // Filtering its own log by another org's person shows nothing of them.
    const own = await (await other.get(routeData(`/o/${stranger.org.slug}/audit?actor=${startup.owner.id}`, ROUTE))).json();
    expect(own.entries).toEqual([]);
  });
});
