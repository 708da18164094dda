import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, investorUpdates, mailOutbox } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { createUpdate, deleteUpdate, sendDueUpdates } from "../../app/models/investor-update.server";
import type { InvestorUpdateInput } from "../../app/domain/investor-update";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner, type Org } from "../support/factories";
import { routeData } from "../support/route-data";

/**
 * Deleting an investor update (decision 025, addendum): a draft or a scheduled one, by the
 * startup's editors, confirmed and at the version read; a scheduled one is then never sent; a
 * sent one is refused. Audited; nobody else reaches it and a refusal writes nothing.
 */
let app: TestApp;
let founder: Org;
let fund: Org;
let other: Org;
let memberClient: TestClient;
let viewerClient: TestClient;
let fundClient: TestClient;
let otherClient: TestClient;

const ORIGIN = "http://localhost:3000";
const input = (title: string): InvestorUpdateInput => ({ title, month: "2026-10", body: "Hello {{runway}}", highlights: null, lowlights: null, asks: null });
const VIEW = (slug: string, id: string) => routeData(`/o/${slug}/updates/${id}`, "routes/o.$orgSlug.updates.$updateId._index");

beforeAll(async () => {
  app = await startTestApp();
  founder = await makeOrgWithOwner(app.database, "startup", "Delete Updates AI");
  fund = await makeOrgWithOwner(app.database, "investor", "Delete Fund");
  other = await makeOrgWithOwner(app.database, "startup", "Other Delete AI");
  await grantAccess(app.database, founder.org, fund.org, ["updates", "financials"]);
  memberClient = await app.signIn((await addMember(app.database, founder.ctx, "member")).user.email);
  viewerClient = await app.signIn((await addMember(app.database, founder.ctx, "viewer")).user.email);
  fundClient = await app.signIn(fund.owner.email);
  otherClient = await app.signIn(other.owner.email);
});
afterAll(() => app?.close());

const draft = (title: string) => createUpdate(founder.ctx, input(title), { intent: "save", recipients: [], scheduledAt: null, origin: ORIGIN });
const scheduled = (title: string, at: Date) =>
  createUpdate(founder.ctx, input(title), { intent: "schedule", recipients: [fund.org.id], scheduledAt: at, origin: ORIGIN });
const sent = (title: string) => createUpdate(founder.ctx, input(title), { intent: "send", recipients: [fund.org.id], scheduledAt: null, origin: ORIGIN });

const updateRow = async (id: string) => (await withSystem(app.database.db, (tx) => tx.select().from(investorUpdates).where(eq(investorUpdates.id, id))))[0];
const deleteAudits = (orgId: string) =>
  withSystem(app.database.db, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "investor_update.delete"))),
  );
/** Everything a refused request must leave as it was. */
const snapshot = async () =>
  JSON.stringify(
    await withSystem(app.database.db, async (tx) => ({
      updates: await tx.select().from(investorUpdates),
      audit: await tx.select().from(auditLog).where(eq(auditLog.action, "investor_update.delete")),
    })),
  );

describe("deleting an investor update", () => {
  it("the page offers a confirmed delete for a draft; a member deletes it, audited with what it was", async () => {
    const row = await draft("Draft to delete");
    const page = await (await memberClient.get(`/o/${founder.org.slug}/updates/${row.id}`)).text();
    expect(page).toContain("Delete update");
    expect(page).toContain("Yes, delete this update");
    const zh = await (await memberClient.get(`/o/${founder.org.slug}/updates/${row.id}`, { "Accept-Language": "zh-CN" })).text();
    expect(zh).toContain("删除更新");

    // Unconfirmed: 400, nothing written. A stale version: 409, nothing written.
    const before = await snapshot();
    expect((await memberClient.post(VIEW(founder.org.slug, row.id), { intent: "delete", version: String(row.version) })).status).toBe(400);
    expect((await memberClient.post(VIEW(founder.org.slug, row.id), { intent: "delete", version: String(row.version + 1), confirm: "yes" })).status).toBe(409);
    expect(await snapshot()).toBe(before);

    const response = await memberClient.post(VIEW(founder.org.slug, row.id), { intent: "delete", version: String(row.version), confirm: "yes" });
    expect(response.status).toBe(204);
    expect(response.headers.get("x-remix-redirect")).toBe(`/o/${founder.org.slug}/updates`);
    expect(await updateRow(row.id)).toBeUndefined();
    expect((await memberClient.get(`/o/${founder.org.slug}/updates/${row.id}`)).status).toBe(404);
    const [entry] = (await deleteAudits(founder.org.id)).filter((a) => a.entityId === row.id);
    expect(entry?.before).toMatchObject({ title: "Draft to delete", month: "2026-10", status: "draft", recipients: 0 });
    const audit = await (await app.signIn(founder.owner.email)).get(`/o/${founder.org.slug}/audit`);
    expect(await audit.text()).toContain("Deleted the draft investor update “Draft to delete”");
  });

  it("a deleted scheduled update is never sent and mails nobody", async () => {
    const when = new Date(Date.now() + 60 * 60 * 1000);
    const row = await scheduled("Scheduled to delete", when);
    const page = await (await memberClient.get(`/o/${founder.org.slug}/updates/${row.id}`)).text();
    expect(page).toContain("Yes, delete this update");
    const response = await memberClient.post(VIEW(founder.org.slug, row.id), { intent: "delete", version: String(row.version), confirm: "yes" });
    expect(response.status).toBe(204);
    expect(await sendDueUpdates(app.database.db, ORIGIN, new Date(when.getTime() + 60_000))).not.toContain(row.id);
    expect(await updateRow(row.id)).toBeUndefined();
    const mail = await withSystem(app.database.db, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.kind, "investor_update")));
    expect(mail.filter((m) => m.subject.includes("Scheduled to delete"))).toEqual([]);
    expect((await deleteAudits(founder.org.id)).find((a) => a.entityId === row.id)?.before).toMatchObject({ status: "scheduled", recipients: 1 });
  });

  it("an update sent meanwhile by the job is not deleted: the delete is refused and the sent update stays", async () => {
    const when = new Date(Date.now() + 60 * 60 * 1000);
    const row = await scheduled("Sent before the delete", when);
    expect(await sendDueUpdates(app.database.db, ORIGIN, new Date(when.getTime() + 60_000))).toContain(row.id);
    const response = await memberClient.post(VIEW(founder.org.slug, row.id), { intent: "delete", version: String(row.version), confirm: "yes" });
    expect(response.status).toBe(409);
    expect((await updateRow(row.id))?.status).toBe("sent");
  });

  it("a sent update cannot be deleted: no button, a 409 with the reason, nothing written, still in the investor's feed", async () => {
    const row = await sent("Sent and kept");
    const page = await (await memberClient.get(`/o/${founder.org.slug}/updates/${row.id}`)).text();
    expect(page).not.toContain("Delete update");
    const before = await snapshot();
    const response = await memberClient.post(VIEW(founder.org.slug, row.id), { intent: "delete", version: String(row.version), confirm: "yes" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ formError: expect.stringMatching(/already sent to investors and cannot be deleted/) });
    await expect(deleteUpdate(founder.ctx, row.id, row.version)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await snapshot()).toBe(before);
    expect(await (await fundClient.get(`/o/${fund.org.slug}/updates`)).text()).toContain("Sent and kept");
  });

  it("a viewer gets 403, another tenant and the investor 404, and nothing is written", async () => {
    const row = await draft("Draft others cannot delete");
    const before = await snapshot();
    const form = { intent: "delete", version: String(row.version), confirm: "yes" };
    expect((await viewerClient.post(VIEW(founder.org.slug, row.id), form)).status).toBe(403);
    expect((await otherClient.post(VIEW(founder.org.slug, row.id), form)).status).toBe(404);
    expect((await otherClient.post(VIEW(other.org.slug, row.id), form)).status).toBe(404);
    expect((await fundClient.post(VIEW(fund.org.slug, row.id), form)).status).toBe(404);
    expect((await fundClient.post(VIEW(founder.org.slug, row.id), form)).status).toBe(404);
    await expect(deleteUpdate(other.ctx, row.id, row.version)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toBe(before);
    expect(await updateRow(row.id)).toBeDefined();
  });
});
