import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { accessGrants, investorUpdates, investorUpdateViews, mailOutbox } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { type MailWorker, smtpSender, startMailDelivery } from "../../app/server/mail-delivery.server";
import { createUpdate, sendDueUpdates } from "../../app/models/investor-update.server";
import { saveMonthlyReport } from "../../app/models/monthly-report.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner, type Org } from "../support/factories";
import { reportFigures } from "../support/report-inputs";
import { routeData } from "../support/route-data";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

/**
 * Investor updates (issue #17, decision 025): the composer refuses bad input and writes nothing,
 * sending queues one mail per person of exactly the chosen investors that hold an "updates" grant,
 * an investor reads only what was sent to it while the grant lasts, first views are recorded once
 * per person, and nobody of another tenant reaches any of it.
 */
let app: TestApp;
let smtp: TestSmtp;
let worker: MailWorker;
let founder: Org;
let fundA: Org;
let fundB: Org;
let other: Org;
let aMember: { user: { email: string; name: string } };
let aViewer: { user: { email: string } };
let founderClient: TestClient;
let aOwnerClient: TestClient;
let aMemberClient: TestClient;
let bOwnerClient: TestClient;
let otherClient: TestClient;
let grantA: string;

const MONTH = "2026-03";

beforeAll(async () => {
  app = await startTestApp();
  smtp = await startTestSmtp();
  worker = startMailDelivery(async () => app.database.db, smtpSender(smtp.url, "Capital Desk <no-reply@desk.example.test>"), { pollMs: 100, log: () => {} });
  founder = await makeOrgWithOwner(app.database, "startup", "Updates Robotics");
  fundA = await makeOrgWithOwner(app.database, "investor", "Alder Ventures");
  fundB = await makeOrgWithOwner(app.database, "investor", "Birch Capital");
  other = await makeOrgWithOwner(app.database, "startup", "Other Startup");
  aMember = await addMember(app.database, fundA.ctx, "member");
  aViewer = await addMember(app.database, fundA.ctx, "viewer");
  grantA = await grantAccess(app.database, founder.org, fundA.org, ["updates"]);
  await grantAccess(app.database, founder.org, fundB.org, ["financials"]);
  for (const [month, cash, payroll] of [
    ["2026-01", 1_000_000_00, 100_000_00],
    ["2026-02", 900_000_00, 100_000_00],
    [MONTH, 800_000_00, 100_000_00],
  ] as const) {
    await saveMonthlyReport(founder.ctx, month, null, reportFigures({ cash, payroll, revenue: 0 }));
  }
  founderClient = await app.signIn(founder.owner.email);
  aOwnerClient = await app.signIn(fundA.owner.email);
  aMemberClient = await app.signIn(aMember.user.email);
  bOwnerClient = await app.signIn(fundB.owner.email);
  otherClient = await app.signIn(other.owner.email);
});
afterAll(async () => {
  await worker.stop();
  await smtp.stop();
  await app.close();
});

async function updatesOf(orgId: string) {
  return withSystem(app.database.db, (tx) => tx.select().from(investorUpdates).where(eq(investorUpdates.orgId, orgId)));
}
async function updateMail(updateTitle: string) {
  return withSystem(app.database.db, (tx) =>
    tx
      .select({ to: mailOutbox.toEmail })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, "investor_update"), sql`${mailOutbox.subject} like ${`%${updateTitle}%`}`)),
  );
}
async function viewsOf(updateId: string) {
  return withSystem(app.database.db, (tx) => tx.select().from(investorUpdateViews).where(eq(investorUpdateViews.updateId, updateId)));
}
/** The action's own answer (JSON), as the browser's fetch gets it. */
const NEW = (slug: string) => routeData(`/o/${slug}/updates/new`, "routes/o.$orgSlug.updates.new");
const EDIT = (slug: string, id: string) => routeData(`/o/${slug}/updates/${id}/edit`, "routes/o.$orgSlug.updates.$updateId.edit");
const idFrom = (response: Response) => (response.headers.get("x-remix-redirect") ?? response.headers.get("location") ?? "").split("/").pop() ?? "";

describe("composing", () => {
  it("refuses bad input with field errors and writes nothing", async () => {
    const before = (await updatesOf(founder.org.id)).length;
    const response = await founderClient.post(NEW(founder.org.slug), { intent: "save", title: "  ", month: "2026-13", body: "x" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["month", "title"]);
    const noRecipients = await founderClient.post(NEW(founder.org.slug), { intent: "send", title: "T", month: MONTH });
    expect(noRecipients.status).toBe(400);
    // An investor without the "updates" section (B) or without any grant cannot be chosen.
    const notGranted = await founderClient.post(NEW(founder.org.slug), { intent: "send", title: "T", month: MONTH, recipients: [fundB.org.id] });
    expect(notGranted.status).toBe(400);
    expect(((await notGranted.json()) as { fieldErrors: Record<string, string> }).fieldErrors.recipients).toBeTruthy();
    const past = await founderClient.post(NEW(founder.org.slug), {
      intent: "schedule",
      title: "T",
      month: MONTH,
      recipients: [fundA.org.id],
      scheduledAt: "2020-01-01T10:00",
    });
    expect(past.status).toBe(400);
    expect((await updatesOf(founder.org.id)).length).toBe(before);
  });

  it("saves a draft, and a stale version is a conflict that writes nothing", async () => {
    const created = await founderClient.post(NEW(founder.org.slug), { intent: "save", title: "Draft one", month: MONTH, body: "Hello" });
    expect(created.status).toBe(204);
    const id = idFrom(created);
    const edit = EDIT(founder.org.slug, id);
    expect((await founderClient.post(edit, { intent: "save", version: "1", title: "Draft two", month: MONTH })).status).toBe(204);
    const stale = await founderClient.post(edit, { intent: "save", version: "1", title: "Draft three", month: MONTH });
    expect(stale.status).toBe(409);
    const [row] = (await updatesOf(founder.org.id)).filter((u) => u.id === id);
    expect(row).toMatchObject({ title: "Draft two", version: 2, status: "draft" });
    // A viewer of the startup reads but cannot write.
    const viewer = await addMember(app.database, founder.ctx, "viewer");
    const viewerClient = await app.signIn(viewer.user.email);
    expect((await viewerClient.get(`/o/${founder.org.slug}/updates`)).status).toBe(200);
    expect((await viewerClient.post(edit, { intent: "save", version: "2", title: "Viewer", month: MONTH })).status).toBe(403);
  });
});

describe("sending and reading", () => {
  let updateId: string;
  const title = "March update";

  it("queues one mail per owner/admin/member of exactly the chosen, granted investors, delivered with the text and a link", async () => {
    const response = await founderClient.post(NEW(founder.org.slug), {
      intent: "send",
      title,
      month: MONTH,
      body: "Runway is {{runway}}. <script>alert(1)</script> [evil](javascript:alert(1))",
      highlights: "Shipped v2",
      recipients: [fundA.org.id],
    });
    expect(response.status).toBe(204);
    updateId = idFrom(response);
    const to = (await updateMail(title)).map((m) => m.to).sort();
    expect(to).toEqual([fundA.owner.email, aMember.user.email].map((e) => e.toLowerCase()).sort());
    expect(to).not.toContain(aViewer.user.email.toLowerCase());
    expect(to).not.toContain(fundB.owner.email.toLowerCase());
    const [row] = (await updatesOf(founder.org.id)).filter((u) => u.id === updateId);
    expect(row?.status).toBe("sent");
    // Runway at 2026-03: 800,000 ÷ 100,000 = 8 months.
    expect(row?.figures).toMatchObject({ runway: 8, cash: 800_000_00, net_burn: 100_000_00 });

    const deadline = Date.now() + 15_000;
    while (smtp.to(fundA.owner.email).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [mail] = smtp.to(fundA.owner.email);
    expect(mail?.subject).toBe(`Updates Robotics: ${title}`);
    expect(mail?.text).toContain("Runway: 8 months");
    expect(mail?.text).toContain("Shipped v2");
    const link = (mail?.text ?? "").match(/https?:\/\/\S+(\/o\/[^\s]+\/updates\/[0-9a-f-]+)/)?.[1];
    expect(link).toBe(`/o/${fundA.org.slug}/updates/${updateId}`);
  });

  it("the investor opens it from the link: safe HTML, a runway card; the first view is recorded once per person", async () => {
    const page = await aOwnerClient.get(`/o/${fundA.org.slug}/updates/${updateId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-figure="runway"');
    expect(html).toContain("8 months");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain('href="javascript:');
    await aOwnerClient.get(`/o/${fundA.org.slug}/updates/${updateId}`);
    await aMemberClient.get(`/o/${fundA.org.slug}/updates/${updateId}`);
    const views = await viewsOf(updateId);
    expect(views.length).toBe(2);
    const founderView = await (await founderClient.get(`/o/${founder.org.slug}/updates/${updateId}`)).text();
    expect(founderView).toContain(fundA.owner.name);
    expect(founderView).toContain(aMember.user.name);
  });

  it("reads in the reader's language: the card and the page in Chinese", async () => {
    const html = await (await aOwnerClient.get(`/o/${fundA.org.slug}/updates/${updateId}`, { "Accept-Language": "zh-CN" })).text();
    expect(html).toContain("跑道");
    expect(html).toContain("8 个月");
    const feed = await (await aOwnerClient.get(`/o/${fundA.org.slug}/updates`, { "Accept-Language": "zh-CN" })).text();
    expect(feed).toContain("投资组合的更新");
  });

  it("the feed lists it newest first and searches title and body, % and _ literally", async () => {
    const feed = await (await aOwnerClient.get(`/o/${fundA.org.slug}/updates`)).text();
    expect(feed).toContain(title);
    expect(await (await aOwnerClient.get(`/o/${fundA.org.slug}/updates?q=march`)).text()).toContain(title);
    expect(await (await aOwnerClient.get(`/o/${fundA.org.slug}/updates?q=runway`)).text()).toContain(title);
    expect(await (await aOwnerClient.get(`/o/${fundA.org.slug}/updates?q=nothing-like-it`)).text()).not.toContain(title);
    expect(await (await aOwnerClient.get(`/o/${fundA.org.slug}/updates?q=%25`)).text()).not.toContain(title);
    expect(await (await aOwnerClient.get(`/o/${fundA.org.slug}/updates?q=_`)).text()).not.toContain(title);
  });

  it("an investor without the updates section, or not chosen, sees nothing and gets 404; another tenant gets 404 and writes nothing", async () => {
    expect((await bOwnerClient.get(`/o/${fundB.org.slug}/updates/${updateId}`)).status).toBe(404);
    expect(await (await bOwnerClient.get(`/o/${fundB.org.slug}/updates`)).text()).not.toContain(title);
    const before = JSON.stringify(await updatesOf(founder.org.id));
    const viewsBefore = (await viewsOf(updateId)).length;
    expect((await otherClient.get(`/o/${founder.org.slug}/updates/${updateId}`)).status).toBe(404);
    expect(
      (await otherClient.post(`/o/${founder.org.slug}/updates/${updateId}/edit`, { intent: "send", version: "1", title: "Hacked", month: MONTH })).status,
    ).toBe(404);
    expect((await otherClient.post(`/o/${founder.org.slug}/updates/new`, { intent: "save", title: "Hacked", month: MONTH })).status).toBe(404);
    // Another org's update id under one's own slug is simply not found.
    expect((await otherClient.get(`/o/${other.org.slug}/updates/${updateId}`)).status).toBe(404);
    expect((await otherClient.get(`/o/${other.org.slug}/updates/${updateId}/edit`)).status).toBe(404);
    expect(JSON.stringify(await updatesOf(founder.org.id))).toBe(before);
    expect((await viewsOf(updateId)).length).toBe(viewsBefore);
  });

  it("after the grant is revoked the investor sees nothing and gets 404", async () => {
    await withSystem(app.database.db, (tx) => tx.update(accessGrants).set({ status: "revoked" }).where(eq(accessGrants.id, grantA)));
    try {
      expect((await aOwnerClient.get(`/o/${fundA.org.slug}/updates/${updateId}`)).status).toBe(404);
      expect(await (await aOwnerClient.get(`/o/${fundA.org.slug}/updates`)).text()).not.toContain(title);
    } finally {
      await withSystem(app.database.db, (tx) => tx.update(accessGrants).set({ status: "approved" }).where(eq(accessGrants.id, grantA)));
    }
  });

  it("a sent update can no longer be edited", async () => {
    const response = await founderClient.post(EDIT(founder.org.slug, updateId), { intent: "save", version: "2", title: "Changed", month: MONTH });
    expect(response.status).toBe(409);
  });
});

describe("scheduled sending", () => {
  it("sends a due update once, even with two instances running the job at the same moment", async () => {
    const now = new Date();
    const title = "Scheduled April";
    await createUpdate(
      founder.ctx,
      { title, month: MONTH, body: "Cash {{cash}}", highlights: null, lowlights: null, asks: null },
      {
        intent: "schedule",
        recipients: [fundA.org.id],
        scheduledAt: new Date(now.getTime() + 60_000),
        origin: "http://desk.example.test",
        now,
      },
    );
    expect(await sendDueUpdates(app.database.db, "http://desk.example.test", now)).toEqual([]);
    const later = new Date(now.getTime() + 120_000);
    const [one, two] = await Promise.all([
      sendDueUpdates(app.database.db, "http://desk.example.test", later),
      sendDueUpdates(app.database.db, "http://desk.example.test", later),
    ]);
    expect([...(one ?? []), ...(two ?? [])].length).toBe(1);
    expect((await updateMail(title)).length).toBe(2);
    const rows = rowsOf<{ status: string }>(
      await withSystem(app.database.db, (tx) => tx.execute(sql`select status from investor_updates where title = ${title}`)),
    );
    expect(rows).toEqual([{ status: "sent" }]);
  });
});
