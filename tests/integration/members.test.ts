import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, invitations, memberships } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { startTestApp, type TestApp } from "../support/app-server";
import { redirectOf, toastCookieOf, toastIn } from "../support/toast";
import { addMember, makeOrgWithOwner, roleOf, TEST_PASSWORD } from "../support/factories";
import { routeData } from "../support/route-data";
import { first } from "../support/at";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const MEMBERS = (slug: string) => routeData(`/o/${slug}/members`, "routes/o.$orgSlug.members");

async function snapshot() {
  return withSystem(app.database.db, async (tx) => ({
    memberships: await tx.select().from(memberships),
    invitations: await tx.select().from(invitations),
    audit: (await tx.select().from(auditLog)).length,
  }));
}

describe("members and invitations", () => {
  it("an admin invites by email; the invitee accepts once and gets that role", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Invite Test");
    const admin = await addMember(app.database, ctx, "admin");
    const browser = app.client();
    await browser.login(admin.user.email, TEST_PASSWORD);
    const invited = await browser.post(MEMBERS(ctx.org.slug), { intent: "invite", email: "New.Person@Example.test", role: "member" });
    expect(invited.status).toBe(200);
    const { link } = await invited.json();
    const path = new URL(link).pathname;

    const newcomer = app.client();
    expect((await newcomer.get(path)).status).toBe(200);
    await newcomer.post("/signup", { email: "new.person@example.test", name: "New Person", password: TEST_PASSWORD });
    const accepted = await newcomer.post(path, {});
    expect(accepted.headers.get("location")).toBe(`/o/${ctx.org.slug}`);
    const me = first(await withSystem(app.database.db, (tx) => tx.query.users.findMany({ where: (u, { eq }) => eq(u.email, "new.person@example.test") })));
    expect(await roleOf(app.database, ctx.org.id, me.id)).toBe("member");
    // Single use: the same link is now a 404.
    expect((await newcomer.get(path)).status).toBe(404);
    expect((await newcomer.post(path, {})).status).toBe(404);
  });

  it("an invitation cannot be accepted by a different account, nor after it expires", async () => {
    const { ctx, owner } = await makeOrgWithOwner(app.database, "startup", "Expiry Test");
    const browser = app.client();
    await browser.login(owner.email, TEST_PASSWORD);
    const { link } = await (await browser.post(MEMBERS(ctx.org.slug), { intent: "invite", email: "right@example.test", role: "viewer" })).json();
    const path = new URL(link).pathname;
    const wrong = app.client();
    await wrong.post("/signup", { email: "wrong@example.test", name: "Wrong", password: TEST_PASSWORD });
    const refused = await wrong.post(routeData(path, "routes/invite.$token"), {});
    expect(refused.status).toBe(403);
    await withSystem(app.database.db, (tx) =>
      tx
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.email, "right@example.test")),
    );
    expect((await wrong.get(path)).status).toBe(404);
  });

  it("the last owner can neither leave nor be demoted; a second owner makes it possible", async () => {
    const { ctx, owner } = await makeOrgWithOwner(app.database, "startup", "Owner Test");
    const browser = app.client();
    await browser.login(owner.email, TEST_PASSWORD);
    const leave = await browser.post(MEMBERS(ctx.org.slug), { intent: "remove", userId: owner.id, confirm: "yes" });
    expect(leave.status).toBe(409);
    expect((await leave.json()).formError).toMatch(/last owner/);
    expect(await roleOf(app.database, ctx.org.id, owner.id)).toBe("owner");

    const second = await addMember(app.database, ctx, "member");
    const promoted = await browser.post(MEMBERS(ctx.org.slug), { intent: "change-role", userId: second.user.id, role: "owner" });
    expect(promoted.status).toBe(204);
    expect(toastCookieOf(promoted)).toMatchObject({ message: { key: "admin_members_done_roleChanged" } });
    // Leaving is confirmed (the dialog, or the tick box without JavaScript).
    const unconfirmed = await browser.post(MEMBERS(ctx.org.slug), { intent: "remove", userId: owner.id });
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).formError).toBe("Tick the box to confirm.");
    expect(await roleOf(app.database, ctx.org.id, owner.id)).toBe("owner");
    const left = await browser.post(MEMBERS(ctx.org.slug), { intent: "remove", userId: owner.id, confirm: "yes" });
    expect(left.status).toBe(204);
    expect(await roleOf(app.database, ctx.org.id, owner.id)).toBeNull();
    // No org left: straight to creating one (not via "/", whose own redirect would use up the toast), told why.
    expect(redirectOf(left)).toBe("/orgs/new");
    expect(toastIn(await (await browser.get("/orgs/new")).text())).toBe("You left the organisation.");
  });

  it("an admin cannot demote an owner; members and viewers cannot manage at all", async () => {
    const { ctx, owner } = await makeOrgWithOwner(app.database, "startup", "Roles Test");
    const admin = await addMember(app.database, ctx, "admin");
    const member = await addMember(app.database, ctx, "member");
    const viewer = await addMember(app.database, ctx, "viewer");
    const adminBrowser = app.client();
    await adminBrowser.login(admin.user.email, TEST_PASSWORD);
    expect((await adminBrowser.post(MEMBERS(ctx.org.slug), { intent: "change-role", userId: owner.id, role: "viewer" })).status).toBe(403);
    const before = await snapshot();
    for (const who of [member, viewer]) {
      const browser = app.client();
      await browser.login(who.user.email, TEST_PASSWORD);
      expect((await browser.post(MEMBERS(ctx.org.slug), { intent: "invite", email: "x@example.test", role: "admin" })).status).toBe(403);
      expect((await browser.post(MEMBERS(ctx.org.slug), { intent: "change-role", userId: admin.user.id, role: "viewer" })).status).toBe(403);
      expect((await browser.post(MEMBERS(ctx.org.slug), { intent: "remove", userId: admin.user.id, confirm: "yes" })).status).toBe(403);
      expect((await browser.get(`/o/${ctx.org.slug}/settings`)).status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
    expect(await roleOf(app.database, ctx.org.id, owner.id)).toBe("owner");
  });

  it("a user of another org gets 404 on every org URL and writes nothing", async () => {
    const victim = await makeOrgWithOwner(app.database, "startup", "Victim Co");
    const attacker = await makeOrgWithOwner(app.database, "investor", "Attacker Fund");
    const browser = app.client();
    await browser.login(attacker.owner.email, TEST_PASSWORD);
    const before = await snapshot();
    for (const path of ["", "/members", "/settings", "/audit"]) {
      const response = await browser.get(`/o/${victim.org.slug}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("Victim Co");
    }
    expect((await browser.post(MEMBERS(victim.org.slug), { intent: "invite", email: "spy@example.test", role: "admin" })).status).toBe(404);
    expect((await browser.post(MEMBERS(victim.org.slug), { intent: "remove", userId: victim.owner.id, confirm: "yes" })).status).toBe(404);
    // The attacker's own slug with the victim's member id: no such member there, nothing changes.
    expect((await browser.post(MEMBERS(attacker.org.slug), { intent: "remove", userId: victim.owner.id, confirm: "yes" })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("a user in several orgs reaches each of them with its own role", async () => {
    const one = await makeOrgWithOwner(app.database, "startup", "Multi One");
    const two = await makeOrgWithOwner(app.database, "investor", "Multi Two");
    await withSystem(app.database.db, (tx) => tx.insert(memberships).values({ orgId: two.org.id, userId: one.owner.id, role: "viewer" }));
    const browser = app.client();
    await browser.login(one.owner.email, TEST_PASSWORD);
    const layout = "routes/o.$orgSlug";
    const first = await (await browser.get(routeData(`/o/${one.org.slug}`, layout))).json();
    const second = await (await browser.get(routeData(`/o/${two.org.slug}`, layout))).json();
    expect(first.role).toBe("owner");
    expect(second.role).toBe("viewer");
    expect(first.orgs.map((o: { slug: string }) => o.slug).sort()).toEqual([one.org.slug, two.org.slug].sort());
  });
});

describe("the audit log page", () => {
  it("pages through entries that share a timestamp without skipping or repeating any", async () => {
    const { ctx, owner } = await makeOrgWithOwner(app.database, "startup", "Audit Paging");
    // 120 entries written in one transaction share now().
    await withSystem(app.database.db, (tx) =>
      tx.insert(auditLog).values(Array.from({ length: 120 }, (_, i) => ({ orgId: ctx.org.id, action: `test.${i}`, entityType: "test" }))),
    );
    const browser = app.client();
    await browser.login(owner.email, TEST_PASSWORD);
    const seen: string[] = [];
    for (let page = 1; page <= 10; page++) {
      const data = await (await browser.get(routeData(`/o/${ctx.org.slug}/audit?page=${page}`, "routes/o.$orgSlug.audit"))).json();
      seen.push(...data.entries.map((e: { id: string }) => e.id));
      if (page >= data.pageCount) break;
    }
    expect(seen.length).toBe(121); // 120 + the org's creation
    expect(new Set(seen).size).toBe(121);
  });
});
