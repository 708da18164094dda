import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, dataRequestPlans, dataRequestReminders, dataRequests } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import type { InvestorContext } from "../../app/auth/context";
import { stepTime } from "../../app/domain/data-request";
import type { DataRequestInput } from "../../app/domain/data-request.form";
import { addMonths, monthOfDate } from "../../app/finance/month";
import { createDataRequest } from "../../app/models/data-request.server";
import { issueDuePeriods, runRequestReminders } from "../../app/models/data-request-jobs.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner, type Org } from "../support/factories";
import { orgFingerprint } from "../support/hostile";

// Request plans (decision 035): the fund's list of plans, changing a running plan's schedule,
// stopping one with its confirmation and version, what the jobs do afterwards, and who may do it.

const ORIGIN = "http://desk.test";
const MONTH = monthOfDate(new Date());
const DUE = `${addMonths(MONTH, 1)}-15`;

let app: TestApp;
let fund: Org;
let company: Org;
let owner: TestClient;

const input = (overrides: Partial<DataRequestInput> = {}): DataRequestInput => ({
  month: MONTH,
  cadence: "monthly",
  dueDay: 15,
  steps: [-3, 0, 3, 7],
  note: null,
  arr: false,
  metricKeys: [],
  companyIds: null,
  ...overrides,
});

const plansPath = () => `/o/${fund.org.slug}/collection/plans`;
const planOf = async (id: string) => {
  const [plan] = await withSystem(app.database.db, (tx) => tx.select().from(dataRequestPlans).where(eq(dataRequestPlans.id, id)));
  if (!plan) throw new Error(`no plan ${id}`);
  return plan;
};
const requestsOf = (planId: string) => withSystem(app.database.db, (tx) => tx.select().from(dataRequests).where(eq(dataRequests.planId, planId)));
const stepsSent = (requestIds: string[]) =>
  withSystem(app.database.db, (tx) =>
    tx
      .select()
      .from(dataRequestReminders)
      .where(and(eq(dataRequestReminders.kind, "step"))),
  ).then((rows) => rows.filter((r) => requestIds.includes(r.requestId)));
/** Posts a stop; the refusals answer as data (JSON), as they do to the page's own fetch. */
const stop = (client: TestClient, planId: string, version: number | string, extra: Record<string, string> = { confirm: "yes" }) =>
  client.post(`${plansPath()}?index&_data=${encodeURIComponent("routes/o.$orgSlug.collection.plans._index")}`, {
    intent: "stop",
    planId,
    version: String(version),
    ...extra,
  });

beforeAll(async () => {
  app = await startTestApp();
  fund = await makeOrgWithOwner(app.database, "investor", "Plan Fund");
  company = await makeOrgWithOwner(app.database, "startup", "Plan Co");
  await grantAccess(app.database, company.org, fund.org, ["financials"]);
  owner = await app.signIn(fund.owner.email);
});
afterAll(() => app?.close());

describe("request plans", () => {
  it("lists the fund's plans with what they ask, from whom and how often; an empty fund says how to start", async () => {
    const empty = await makeOrgWithOwner(app.database, "investor", "Empty Plan Fund");
    const emptyPage = await (await app.signIn(empty.owner.email)).get(`/o/${empty.org.slug}/collection/plans`);
    expect(emptyPage.status).toBe(200);
    expect(await emptyPage.text()).toContain("No request plans yet");

    const { planId } = await createDataRequest(fund.ctx as InvestorContext, input({ note: "For the board pack" }));
    // Reached from the collection page, by anyone who can read it.
    expect(await (await owner.get(`/o/${fund.org.slug}/collection`)).text()).toContain(`href="/o/${fund.org.slug}/collection/plans"`);
    const html = await (await owner.get(plansPath())).text();
    expect(html).toContain(`data-plan="${planId}"`);
    expect(html).toContain("Running");
    expect(html).toContain("Every linked company");
    expect(html).toContain("-3, 0, +3, +7 days from the due day");
    expect(html).toContain("For the board pack");
    expect(html).toContain("Requests sent: 1");
    // "Back" links go up the URL, not to the org's home (a route-relative ".." did).
    for (const [page, back] of [
      [plansPath(), `/o/${fund.org.slug}/collection`],
      [`/o/${fund.org.slug}/collection/new`, `/o/${fund.org.slug}/collection`],
      [`/o/${fund.org.slug}/collection/invite`, `/o/${fund.org.slug}/collection`],
      [`${plansPath()}/${planId}`, plansPath()],
    ] as const) {
      expect(await (await owner.get(page)).text(), page).toMatch(new RegExp(`href="${back}"[^>]*>Back to`));
    }
  });

  it("stops a plan: confirmed, at its version, audited; then no period is issued and no scheduled reminder sent, while a running plan still gets both", async () => {
    const stopped = await createDataRequest(fund.ctx as InvestorContext, input({ month: addMonths(MONTH, -1), cadence: "quarterly" }));
    const running = await makeOrgWithOwner(app.database, "investor", "Running Plan Fund");
    await grantAccess(app.database, company.org, running.org, ["financials"]);
    const kept = await createDataRequest(running.ctx as InvestorContext, input());

    // Unticked: refused on the tick box, nothing written.
    const before = await planOf(stopped.planId);
    const unticked = await stop(owner, stopped.planId, before.version, {});
    expect(unticked.status).toBe(400);
    expect(((await unticked.json()) as { fieldErrors: Record<string, string> }).fieldErrors.confirm).toMatch(/Tick the box/);
    expect(await planOf(stopped.planId)).toEqual(before);

    // Without JavaScript the page answers itself, the message on that plan's tick box only.
    const page400 = await owner.post(`${plansPath()}?index`, { intent: "stop", planId: stopped.planId, version: String(before.version) });
    expect(page400.status).toBe(400);
    const shown = await page400.text();
    expect(shown.match(/data-plan=/g)?.length ?? 0).toBeGreaterThan(1);
    expect(shown.match(/>Tick the box to confirm[^<]*</g)?.length).toBe(1);
    expect(await planOf(stopped.planId)).toEqual(before);

    // A stale version is a conflict, not a stop.
    expect((await stop(owner, stopped.planId, before.version + 1)).status).toBe(409);
    expect(await planOf(stopped.planId)).toEqual(before);

    const done = await owner.post(`${plansPath()}?index`, { intent: "stop", planId: stopped.planId, version: String(before.version), confirm: "yes" });
    expect(done.status).toBe(302);
    const after = await planOf(stopped.planId);
    expect(after.stoppedAt).not.toBeNull();
    expect(after.stoppedBy).toBe(fund.owner.id);
    expect(after.version).toBe(before.version + 1);
    // Stopping again from a second tab: refused, nothing more written.
    expect((await stop(owner, stopped.planId, after.version)).status).toBe(409);
    expect(await planOf(stopped.planId)).toEqual(after);
    const audits = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, fund.org.id), eq(auditLog.action, "data_request.stop"))),
    );
    expect(audits.map((a) => a.entityId)).toEqual([stopped.planId]);
    const page = await (await owner.get(plansPath())).text();
    expect(page).toMatch(/Stopped [^<]+ by /);
    const log = await (await owner.get(`/o/${fund.org.slug}/audit`)).text();
    expect(log).toContain("Stopped the data request that began with");

    // Half a year on: the running plan issues its next periods, the stopped one nothing.
    const later = new Date(`${addMonths(MONTH, 6)}-20T12:00:00Z`);
    const issuedBefore = (await requestsOf(stopped.planId)).length;
    await issueDuePeriods(app.database.db, later);
    expect((await requestsOf(stopped.planId)).length).toBe(issuedBefore);
    expect((await requestsOf(kept.planId)).length).toBeGreaterThan(1);

    // On the due day of this month's requests, only the running plan's company is reminded.
    const stoppedIds = (await requestsOf(stopped.planId)).map((r) => r.id);
    const keptIds = (await requestsOf(kept.planId)).map((r) => r.id);
    await runRequestReminders(app.database.db, { now: stepTime(DUE, 0), origin: ORIGIN });
    expect(await stepsSent(stoppedIds)).toEqual([]);
    expect((await stepsSent(keptIds)).length).toBeGreaterThan(0);
    // What was issued stays: the stopped plan's requests are still there to answer.
    expect(stoppedIds.length).toBeGreaterThan(0);
  });

  it("changes a running plan's due day, reminder days and note for the periods sent from now on; bad fields, a stale version and a stopped plan write nothing", async () => {
    const fundB = await makeOrgWithOwner(app.database, "investor", "Change Plan Fund");
    await grantAccess(app.database, company.org, fundB.org, ["financials"]);
    const client = await app.signIn(fundB.owner.email);
    const { planId } = await createDataRequest(fundB.ctx as InvestorContext, input({ month: addMonths(MONTH, -1) }));
    const path = `/o/${fundB.org.slug}/collection/plans/${planId}`;
    const data = `${path}?_data=${encodeURIComponent("routes/o.$orgSlug.collection.plans.$planId")}`;
    const form = await client.get(path);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('value="-3, 0, +3, +7"');
    expect(html).toContain("Requests already sent keep the due date and reminders");
    const [sentBefore] = await requestsOf(planId);

    const before = await planOf(planId);
    const bad = await client.post(data, { version: String(before.version), dueDay: "31", steps: "soon", note: "x".repeat(1001) });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fieldErrors: Record<string, string> }).fieldErrors).sort()).toEqual(["dueDay", "note", "steps"]);
    expect(await planOf(planId)).toEqual(before);
    expect((await client.post(data, { version: String(before.version + 1), dueDay: "20", steps: "0, 5", note: "" })).status).toBe(409);
    expect(await planOf(planId)).toEqual(before);

    const saved = await client.post(path, { version: String(before.version), dueDay: "20", steps: "0, 5", note: "Quarter close" });
    expect(saved.status).toBe(302);
    expect(await planOf(planId)).toMatchObject({ dueDay: 20, reminderSteps: [0, 5], note: "Quarter close", version: before.version + 1 });
    const log = await (await client.get(`/o/${fundB.org.slug}/audit`)).text();
    expect(log).toContain("Changed the data request that began with");
    expect(log).toContain("Reminder days: -3, 0, 3, 7 → 0, 5");
    // The request already sent keeps its due date and reminders; the next period gets the new ones.
    await issueDuePeriods(app.database.db, new Date(`${addMonths(MONTH, 1)}-02T12:00:00Z`));
    const sent = await requestsOf(planId);
    expect(sent.find((r) => r.id === sentBefore!.id)).toMatchObject({ dueOn: sentBefore!.dueOn, reminderSteps: sentBefore!.reminderSteps, note: null });
    const next = sent.find((r) => r.monthFrom === MONTH);
    expect(next).toMatchObject({ dueOn: `${addMonths(MONTH, 1)}-20`, reminderSteps: [0, 5], note: "Quarter close" });

    // Once stopped, the form says so and a change is refused.
    const current = await planOf(planId);
    expect(
      (await client.post(`/o/${fundB.org.slug}/collection/plans?index`, { intent: "stop", planId, version: String(current.version), confirm: "yes" })).status,
    ).toBe(302);
    const stopped = await planOf(planId);
    expect(await (await client.get(path)).text()).toContain("it can no longer be changed");
    expect((await client.post(data, { version: String(stopped.version), dueDay: "10", steps: "", note: "" })).status).toBe(409);
    expect(await planOf(planId)).toEqual(stopped);
  });

  it("a viewer reads the plans without a stop button and gets 403 for a stop; nothing is written", async () => {
    const { planId } = await createDataRequest(fund.ctx as InvestorContext, input({ month: addMonths(MONTH, -12) }));
    const viewer = await addMember(app.database, fund.ctx, "viewer");
    const client = await app.signIn(viewer.user.email);
    const page = await client.get(plansPath());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`data-plan="${planId}"`);
    expect(html).not.toContain('value="stop"');
    expect(html).not.toContain(`href="${plansPath()}/${planId}"`);
    const before = await planOf(planId);
    expect((await stop(client, planId, before.version)).status).toBe(403);
    expect((await client.get(`${plansPath()}/${planId}`)).status).toBe(403);
    expect((await client.post(`${plansPath()}/${planId}`, { version: String(before.version), dueDay: "10", steps: "", note: "" })).status).toBe(403);
    expect(await planOf(planId)).toEqual(before);
  });

  it("another fund's user gets 404 for the page and for a stop of this fund's plan, through either org's URL; nothing is written", async () => {
    const { planId } = await createDataRequest(fund.ctx as InvestorContext, input({ month: addMonths(MONTH, -13) }));
    const other = await makeOrgWithOwner(app.database, "investor", "Other Plan Fund");
    const intruder = await app.signIn(other.owner.email);
    const before = await orgFingerprint(app.database, fund.org.id);
    expect((await intruder.get(plansPath())).status).toBe(404);
    const plan = await planOf(planId);
    expect((await stop(intruder, planId, plan.version)).status).toBe(404);
    // Through its own org's page, the other fund's plan id names nothing.
    expect(
      (await intruder.post(`/o/${other.org.slug}/collection/plans?index`, { intent: "stop", planId, version: String(plan.version), confirm: "yes" })).status,
    ).toBe(404);
    expect((await intruder.get(`${plansPath()}/${planId}`)).status).toBe(404);
    expect((await intruder.post(`${plansPath()}/${planId}`, { version: String(plan.version), dueDay: "10", steps: "", note: "" })).status).toBe(404);
    expect((await intruder.get(`/o/${other.org.slug}/collection/plans/${planId}`)).status).toBe(404);
    expect(
      (await intruder.post(`/o/${other.org.slug}/collection/plans/${planId}`, { version: String(plan.version), dueDay: "10", steps: "", note: "" })).status,
    ).toBe(404);
    // A startup has no plans page.
    expect((await (await app.signIn(company.owner.email)).get(`/o/${company.org.slug}/collection/plans`)).status).toBe(404);
    expect(await orgFingerprint(app.database, fund.org.id)).toEqual(before);
    expect(await planOf(planId)).toEqual(plan);
  });
});
