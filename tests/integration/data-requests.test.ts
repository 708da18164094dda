import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { seedDemo, DEMO_USERS } from "../../db/seed";
import { accessGrants, orgs, users, dataRequestPlans, dataRequestReminders, dataRequests, mailOutbox, notificationPreferences } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import type { InvestorContext, StartupContext } from "../../app/auth/context";
import { stepTime } from "../../app/domain/data-request";
import type { DataRequestInput } from "../../app/domain/data-request.form";
import { addMonths, monthOfDate } from "../../app/finance/month";
import { createDataRequest, getCollectionView, listRequestInbox, remindNow } from "../../app/models/data-request.server";
import { issueDuePeriods, runRequestReminders } from "../../app/models/data-request-jobs.server";
import { defineMetric, saveMetricValue } from "../../app/models/metric.server";
import { getMonthlyReport, saveMonthlyReport } from "../../app/models/monthly-report.server";
import { getPortfolio } from "../../app/models/portfolio.server";
import { parsePortfolioQuery } from "../../app/domain/portfolio-query";
import { revokeGrant } from "../../app/models/access-grant.server";
import { rejection } from "../support/rejection";
import { openTestDatabase } from "../support/test-db";
import { addMember, grantAccess, makeOrgWithOwner, type Org } from "../support/factories";
import { reportFigures } from "../support/report-inputs";

// Data requests (issue #17, decision 026) on whichever driver DATABASE_URL names: a fund asks two
// companies, one answers, the other is reminded step by step (exactly once per step, even with two
// runners), "remind now" is throttled, and a revoke or another tenant sees and writes nothing.

const ORIGIN = "http://desk.test";
// The current month: a report may be saved for it, and its due day (the 15th of next month) is ahead.
const MONTH = monthOfDate(new Date());
const DUE = `${addMonths(MONTH, 1)}-15`;

let database: Database;
let fund: Org;
let otherFund: Org;
let lumen: Org;
let tensor: Org;
let stranger: Org;
let fundCtx: InvestorContext;

const input = (overrides: Partial<DataRequestInput> = {}): DataRequestInput => ({
  month: MONTH,
  cadence: "monthly",
  dueDay: 15,
  steps: [-3, 0, 3, 7],
  note: "Board pack",
  arr: true,
  metricKeys: ["tokens_served", "gpu_hours"],
  companyIds: null,
  ...overrides,
});

const count = async (table: typeof dataRequests | typeof dataRequestPlans | typeof dataRequestReminders, orgId: string) =>
  (await withSystem(database.db, (tx) => tx.select({ id: table.id }).from(table).where(eq(table.orgId, orgId)))).length;

const reminderMails = (email: string) =>
  withSystem(database.db, (tx) =>
    tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toEmail, email), eq(mailOutbox.kind, "request_reminder"))),
  );

/** The company answers everything asked: the month with ARR and both metrics (defined from the request). */
async function answerAll(company: Org) {
  const ctx = company.ctx as StartupContext;
  const existing = await getMonthlyReport(ctx, MONTH);
  await saveMonthlyReport(ctx, MONTH, existing?.version ?? null, reportFigures({ arr: 1_200_000_00 }));
  const inbox = await listRequestInbox(ctx, new Date());
  const ids = inbox[0]!.metricIds;
  await saveMetricValue(ctx, ids.tokens_served!, MONTH, null, "125000000");
  await saveMetricValue(ctx, ids.gpu_hours!, MONTH, null, "820.5");
}

beforeAll(async () => {
  database = await openTestDatabase();
  fund = await makeOrgWithOwner(database, "investor", "Request Fund");
  otherFund = await makeOrgWithOwner(database, "investor", "Other Fund");
  lumen = await makeOrgWithOwner(database, "startup", "Lumen Requests");
  tensor = await makeOrgWithOwner(database, "startup", "Tensor Requests");
  stranger = await makeOrgWithOwner(database, "startup", "Stranger Co");
  fundCtx = fund.ctx as InvestorContext;
  await grantAccess(database, lumen.org, fund.org);
  await grantAccess(database, tensor.org, fund.org);
  // Shares risks only: its figures cannot be asked for.
  await grantAccess(database, stranger.org, fund.org, ["risks"]);
  await grantAccess(database, lumen.org, otherFund.org);
  // A company-defined metric the fund may also ask for by its key.
  await defineMetric(lumen.ctx, { key: "gpu_hours", nameEn: "GPU hours", nameZh: "GPU 小时", unit: "duration", direction: "lower_is_better", rollup: "sum" });
});
afterAll(() => database?.close());

describe("defining a request", () => {
  it("issues one request per company sharing financials, for the period, due on the 15th after it", async () => {
    const created = await createDataRequest(fundCtx, input());
    expect(created.issued).toBe(2);
    const rows = await withSystem(database.db, (tx) => tx.select().from(dataRequests).where(eq(dataRequests.orgId, fund.org.id)));
    expect(rows.map((r) => r.companyOrgId).sort()).toEqual([lumen.org.id, tensor.org.id].sort());
    expect(rows[0]).toMatchObject({ monthFrom: MONTH, monthTo: MONTH, dueOn: DUE, reminderSteps: [-3, 0, 3, 7], note: "Board pack" });
    expect(rows[0]!.asks.metrics.map((m) => m.key).sort()).toEqual(["gpu_hours", "tokens_served"]);
  });

  it("one request per company and period: asking again writes nothing", async () => {
    const plans = await count(dataRequestPlans, fund.org.id);
    const error = await rejection(createDataRequest(fundCtx, input()));
    expect(error.code).toBe("INVALID");
    expect(await count(dataRequestPlans, fund.org.id)).toBe(plans);
    expect(await count(dataRequests, fund.org.id)).toBe(2);
  });

  it("refuses a company that does not share financials (or another tenant's), writing nothing", async () => {
    const plans = await count(dataRequestPlans, otherFund.org.id);
    for (const id of [stranger.org.id, tensor.org.id]) {
      const error = await rejection(createDataRequest(otherFund.ctx as InvestorContext, input({ companyIds: [id] })));
      expect(error.code).toBe("INVALID");
      expect(error.fieldErrors.companies).toBeDefined();
    }
    expect(await count(dataRequestPlans, otherFund.org.id)).toBe(plans);
    expect(await count(dataRequests, otherFund.org.id)).toBe(0);
  });

  it("the database refuses a request row the other tenant writes into the fund's tenant", async () => {
    const result = await withTenant(database.db, otherFund.org.id, (tx) =>
      tx.execute(sql`update data_requests set note = 'changed' where org_id = ${fund.org.id} returning id`),
    );
    expect(rowsOf(result)).toEqual([]);
    const notes = await withSystem(database.db, (tx) => tx.select({ note: dataRequests.note }).from(dataRequests).where(eq(dataRequests.orgId, fund.org.id)));
    expect(notes.every((n) => n.note === "Board pack")).toBe(true);
  });
});

describe("the company's inbox and fulfilment", () => {
  it("shows the request from the fund; another startup sees none of it", async () => {
    const inbox = await listRequestInbox(lumen.ctx as StartupContext, new Date());
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ fundName: "Request Fund", monthFrom: MONTH, dueOn: DUE, progress: { status: "not_started", asked: 4, answered: 0 } });
    expect(await listRequestInbox(stranger.ctx as StartupContext, new Date())).toEqual([]);
    const seen = await withTenant(database.db, stranger.org.id, (tx) => tx.select().from(dataRequests));
    expect(seen).toEqual([]);
  });

  it("copies a requested metric the company lacks into it, from the fund, and keeps its own", async () => {
    const inbox = await listRequestInbox(tensor.ctx as StartupContext, new Date());
    expect(Object.keys(inbox[0]!.metricIds).sort()).toEqual(["gpu_hours", "tokens_served"]);
    const [own] = (await listRequestInbox(lumen.ctx as StartupContext, new Date())).map((r) => r.metricIds.gpu_hours);
    expect(own).toBeDefined();
  });

  it("is partly answered by the report alone, fulfilled once every asked item is in", async () => {
    const ctx = lumen.ctx as StartupContext;
    await saveMonthlyReport(ctx, MONTH, null, reportFigures({ arr: 1_000_000_00 }));
    expect((await listRequestInbox(ctx, new Date()))[0]!.progress).toMatchObject({ status: "partly", answered: 2 });
    const ids = (await listRequestInbox(ctx, new Date()))[0]!.metricIds;
    await saveMetricValue(ctx, ids.tokens_served!, MONTH, null, "125000000");
    await saveMetricValue(ctx, ids.gpu_hours!, MONTH, null, "820.5");
    const [done] = await listRequestInbox(ctx, new Date());
    expect(done!.progress.status).toBe("fulfilled");
    expect(done!.progress.answeredAt).not.toBeNull();
  });
});

describe("the fund's collection view", () => {
  it("shows each company's status from its data: fulfilled, and late once the due day has passed", async () => {
    const now = await getCollectionView(fundCtx, {}, new Date());
    expect(now.month).toBe(MONTH);
    expect(now.rows.map((r) => [r.companyName, r.status])).toEqual([
      ["Tensor Requests", "not_started"],
      ["Lumen Requests", "fulfilled"],
    ]);
    const later = await getCollectionView(fundCtx, { sort: "company", dir: "asc" }, stepTime(DUE, 2));
    expect(later.rows.map((r) => [r.companyName, r.status])).toEqual([
      ["Lumen Requests", "fulfilled"],
      ["Tensor Requests", "late"],
    ]);
    expect(later.counts).toEqual({ fulfilled: 1, late: 1, partly: 0, not_started: 0 });
  });
});

describe("the portfolio's reporting status", () => {
  it("uses the request for the month it judges: a report without the asked items is still owed, by the request's due day", async () => {
    // Tensor saves the month's figures but not ARR or the metrics: the report rule alone would say "reported".
    await saveMonthlyReport(tensor.ctx, MONTH, null, reportFigures({ arr: null }));
    const statuses = async (today: string) =>
      Object.fromEntries(
        (await getPortfolio(fundCtx, parsePortfolioQuery(new URLSearchParams()), { today })).rows.map((r) => [r.name, [r.status, r.owed?.dueDate ?? null]]),
      );
    expect(await statuses(`${addMonths(MONTH, 1)}-05`)).toMatchObject({ "Lumen Requests": ["reported", null], "Tensor Requests": ["due", DUE] });
    expect(await statuses(`${addMonths(MONTH, 1)}-16`)).toMatchObject({ "Lumen Requests": ["reported", null], "Tensor Requests": ["overdue", DUE] });
  });
});

describe("reminders", () => {
  it("sends each step once, only to the company still owing, even with two runners at once", async () => {
    const before = stepTime(DUE, -3);
    expect(await runRequestReminders(database.db, { now: new Date(before.getTime() - 1000), origin: ORIGIN })).toBe(0);
    const results = await Promise.all([
      runRequestReminders(database.db, { now: before, origin: ORIGIN }),
      runRequestReminders(database.db, { now: before, origin: ORIGIN }),
    ]);
    expect(results[0]! + results[1]!).toBe(1);
    expect(await runRequestReminders(database.db, { now: before, origin: ORIGIN })).toBe(0);
    const mails = await reminderMails(tensor.owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Reminder: Request Fund asks for your figures for /);
    expect(mails[0]!.listUnsubscribe).toMatch(/^http:\/\/desk\.test\/unsubscribe\//);
    expect(await reminderMails(lumen.owner.email)).toEqual([]);
    const onDueDay = await Promise.all([
      runRequestReminders(database.db, { now: stepTime(DUE, 0), origin: ORIGIN }),
      runRequestReminders(database.db, { now: stepTime(DUE, 0), origin: ORIGIN }),
    ]);
    expect(onDueDay[0]! + onDueDay[1]!).toBe(1);
    expect(await reminderMails(tensor.owner.email)).toHaveLength(2);
    const steps = await withSystem(database.db, (tx) =>
      tx.select({ step: dataRequestReminders.step }).from(dataRequestReminders).where(eq(dataRequestReminders.companyOrgId, tensor.org.id)),
    );
    expect(steps.map((s) => s.step).sort()).toEqual([-3, 0]);
  });

  it("a person who muted reminders gets none; the others still do; the inbox lists the reminders", async () => {
    const member = await addMember(database, tensor.ctx, "member");
    await withSystem(database.db, (tx) => tx.insert(notificationPreferences).values({ userId: tensor.owner.id, kind: "request_reminder", setting: "off" }));
    expect(await runRequestReminders(database.db, { now: stepTime(DUE, 3), origin: ORIGIN })).toBe(1);
    expect(await reminderMails(tensor.owner.email)).toHaveLength(2);
    expect(await reminderMails(member.user.email)).toHaveLength(1);
    const [inbox] = await listRequestInbox(tensor.ctx as StartupContext, stepTime(DUE, 3));
    expect(inbox!.reminders.map((r) => r.step)).toEqual([-3, 0, 3]);
    expect(inbox!.progress).toMatchObject({ status: "late", answered: 1 });
  });

  it("stops once the request is answered", async () => {
    await answerAll(tensor);
    expect(await runRequestReminders(database.db, { now: stepTime(DUE, 7), origin: ORIGIN })).toBe(0);
    // Answered now, before the due day: fulfilled, not late.
    const view = await getCollectionView(fundCtx, { sort: "company" }, new Date());
    expect(view.rows.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
  });
});

describe("remind now", () => {
  it("queues one reminder, then refuses another within a day; an answered request needs none", async () => {
    const plan = await createDataRequest(fundCtx, input({ month: addMonths(MONTH, -1), metricKeys: [], arr: false }));
    const [tensorRequest] = await withSystem(database.db, (tx) =>
      tx
        .select({ id: dataRequests.id })
        .from(dataRequests)
        .where(and(eq(dataRequests.planId, plan.planId), eq(dataRequests.companyOrgId, tensor.org.id))),
    );
    const now = new Date();
    expect(await remindNow(fundCtx, tensorRequest!.id, now, ORIGIN)).toEqual({ companyName: "Tensor Requests" });
    const again = await rejection(remindNow(fundCtx, tensorRequest!.id, new Date(now.getTime() + 3_600_000), ORIGIN));
    expect(again.code).toBe("INVALID");
    expect(await remindNow(fundCtx, tensorRequest!.id, new Date(now.getTime() + 86_400_000), ORIGIN)).toEqual({ companyName: "Tensor Requests" });
    const manual = await withSystem(database.db, (tx) =>
      tx
        .select()
        .from(dataRequestReminders)
        .where(and(eq(dataRequestReminders.requestId, tensorRequest!.id), eq(dataRequestReminders.kind, "manual"))),
    );
    expect(manual).toHaveLength(2);
  });

  it("another fund's remind now is a 404 and writes nothing", async () => {
    const [row] = await withSystem(database.db, (tx) => tx.select({ id: dataRequests.id }).from(dataRequests).where(eq(dataRequests.orgId, fund.org.id)));
    const before = await count(dataRequestReminders, otherFund.org.id);
    const error = await rejection(remindNow(otherFund.ctx as InvestorContext, row!.id, new Date(), ORIGIN));
    expect(error.code).toBe("NOT_FOUND");
    expect(await count(dataRequestReminders, otherFund.org.id)).toBe(before);
    expect(await count(dataRequestReminders, fund.org.id)).toBeGreaterThan(0);
  });
});

describe("recurring requests and revocation", () => {
  it("issues the next period once the last has ended; a company linked later gets that one, not the first", async () => {
    const late = await makeOrgWithOwner(database, "startup", "Latecomer Co");
    await grantAccess(database, late.org, fund.org);
    // The first day after next month ended: next month's period is owed.
    const firstDay = new Date(`${addMonths(MONTH, 2)}-01T08:00:00Z`);
    const issued = await issueDuePeriods(database.db, firstDay);
    expect(issued).toBeGreaterThanOrEqual(3);
    const next = await withSystem(database.db, (tx) =>
      tx.select({ company: dataRequests.companyOrgId, month: dataRequests.monthFrom }).from(dataRequests).where(eq(dataRequests.companyOrgId, late.org.id)),
    );
    expect(next.every((r) => r.month === addMonths(MONTH, 1))).toBe(true);
    expect(next.length).toBeGreaterThan(0);
    expect(await issueDuePeriods(database.db, firstDay)).toBe(0);
  });

  it("after a revoke the fund sees nothing of the company's answers and the company no request; no reminder goes", async () => {
    const [grant] = await withSystem(database.db, (tx) =>
      tx
        .select({ id: accessGrants.id, version: accessGrants.version })
        .from(accessGrants)
        .where(and(eq(accessGrants.orgId, lumen.org.id), eq(accessGrants.investorOrgId, fund.org.id))),
    );
    await revokeGrant(lumen.ctx, grant!.id, grant!.version);
    const view = await getCollectionView(fundCtx, { month: MONTH }, new Date());
    expect(view.rows.map((r) => r.companyName)).not.toContain("Lumen Requests");
    // Under the fund's tenant the company's report is gone too (the financials policy).
    const reports = await withTenant(database.db, fund.org.id, (tx) => tx.execute(sql`select 1 from monthly_reports where org_id = ${lumen.org.id}`));
    expect(rowsOf(reports)).toEqual([]);
    const inbox = await listRequestInbox(lumen.ctx as StartupContext, new Date());
    expect(inbox.map((r) => r.fundName)).toEqual([]);
    const mailsBefore = (await reminderMails(lumen.owner.email)).length;
    await runRequestReminders(database.db, { now: stepTime(DUE, 7), origin: ORIGIN });
    expect(await reminderMails(lumen.owner.email)).toHaveLength(mailsBefore);
  });
});

describe("the demo", () => {
  it("has requests in every status", async () => {
    const demo = await openTestDatabase();
    try {
      await seedDemo(demo.db);
      const [northwind] = await withSystem(demo.db, (tx) => tx.select().from(orgs).where(eq(orgs.slug, "northwind-ventures")));
      const [investor] = await withSystem(demo.db, (tx) => tx.select().from(users).where(eq(users.email, DEMO_USERS.investor.email)));
      const ctx = {
        db: demo.db,
        user: { id: investor!.id, email: investor!.email, name: investor!.name },
        org: { id: northwind!.id, slug: northwind!.slug, name: northwind!.name, kind: "investor", baseCurrency: "USD" },
        role: "owner",
      } as InvestorContext;
      const statuses = new Set<string>();
      const view = await getCollectionView(ctx, {}, new Date());
      for (const month of view.periods) for (const row of (await getCollectionView(ctx, { month }, new Date())).rows) statuses.add(row.status);
      expect([...statuses].sort()).toEqual(["fulfilled", "late", "not_started", "partly"]);
    } finally {
      await demo.close();
    }
  });
});
