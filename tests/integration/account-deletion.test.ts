import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rowsOf } from "../../db/client";
import { auditLog, loginThrottle, memberships, monthlyReports, sessions, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { withDatabase } from "../support/global-setup";
import { addMember, makeOrgWithOwner, makeUser, TEST_PASSWORD } from "../support/factories";
import { seedStartupData } from "../support/grant-fixtures";
import { postPairs } from "../support/hostile";
import { textOf } from "../support/share-fixtures";
import { routeData } from "../support/route-data";
import { first } from "../support/at";
import { PERSONAL_TABLES } from "../support/schema-tables";
import { pageOf } from "../support/shown-page";

/**
 * A person deletes their account (decision 009): refused while they are the last owner of an
 * org, naming it and the way out; otherwise the current password, then the user, their sessions
 * and memberships go, and their audit entries stay with "a former member" as the actor.
 */
let app: TestApp;
const ROUTE = "routes/account.delete";
const PATH = routeData("/account/delete", ROUTE);

function deleteAccount(client: TestClient, password = TEST_PASSWORD, headers: Record<string, string> = {}) {
  return client.post(PATH, { currentPassword: password, confirm: "yes" }, headers);
}

async function userExists(id: string) {
  return (await withSystem(app.database.db, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.id, id)))).length === 1;
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe("deleting one's account", () => {
  it("every reference to a user lets the user go: sessions and memberships go with them, everything else keeps its row", async () => {
    const references = await withSystem(app.database.db, async (tx) =>
      rowsOf<{ table: string; column: string; action: string }>(
        await tx.execute(sql`
          select c.conrelid::regclass::text as table, a.attname as column, c.confdeltype as action
          from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
          where c.contype = 'f' and c.confrelid = 'users'::regclass order by 1, 2`),
      ),
    );
    expect(references.length).toBeGreaterThan(5);
    for (const ref of references) {
      const personal = [
        ...PERSONAL_TABLES,
        "memberships",
        // Who opened an investor update: a read receipt is the reader's own (decision 025).
        "investor_update_views",
      ].includes(ref.table);
      // c = cascade (the person's own rows), n = set null (the record stays, the actor reads as a former member).
      expect(ref.action, `${ref.table}.${ref.column}`).toBe(personal ? "c" : "n");
    }
  });

  it("is refused while they are the last owner of an org, naming it and the way out; nothing is written", async () => {
    const solo = await makeOrgWithOwner(app.database, "startup", "Solo Ventures Lab");
    const shared = await makeOrgWithOwner(app.database, "investor", "Shared Owners Fund");
    await withSystem(app.database.db, (tx) => tx.insert(memberships).values({ orgId: shared.org.id, userId: solo.owner.id, role: "owner" }));
    const client = await app.signIn(solo.owner.email);

    const { html, text } = await pageOf(await client.get("/account/delete"));
    expect(text).toContain("You are the only owner of these organisations.");
    expect(text).toContain("Members of Solo Ventures Lab");
    expect(html).toContain(`href="/o/${solo.org.slug}/members"`);
    expect(html).toContain(`href="/o/${solo.org.slug}/delete"`);
    expect(text).not.toContain("Shared Owners Fund");
    expect(html).not.toContain('name="currentPassword"');

    const refused = await deleteAccount(client);
    expect(refused.status).toBe(409);
    expect((await refused.json()).formError).toBe(
      "You are the only owner of “Solo Ventures Lab”. Make another member an owner, or delete the organisation, first.",
    );
    const zh = await client.post(
      PATH,
      { currentPassword: TEST_PASSWORD, confirm: "yes" },
      { Cookie: [...[...client.cookies].map(([k, v]) => `${k}=${v}`), "lang=zh-CN"].join("; ") },
    );
    expect((await zh.json()).formError).toBe("您是 “Solo Ventures Lab” 的唯一所有者。请先将另一位成员设为所有者，或删除该组织。");
    expect(await userExists(solo.owner.id)).toBe(true);
    expect((await client.get("/account/password")).status).toBe(200);

    // The way out: another owner. Then the account goes, and the org keeps its new owner.
    const successor = await addMember(app.database, solo.ctx, "admin");
    await withSystem(app.database.db, (tx) =>
      tx
        .update(memberships)
        .set({ role: "owner" })
        .where(and(eq(memberships.orgId, solo.org.id), eq(memberships.userId, successor.user.id))),
    );
    const done = await deleteAccount(client);
    expect(done.status).toBe(204);
    expect(done.headers.get("x-remix-redirect")).toBe("/login");
    expect(await userExists(solo.owner.id)).toBe(false);
    const owners = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.role, "owner"), eq(memberships.orgId, solo.org.id))),
    );
    expect(owners.map((o) => o.userId)).toEqual([successor.user.id]);
  });

  it("an org already scheduled for deletion does not block, and the page says nobody can undo it afterwards", async () => {
    const leaving = await makeOrgWithOwner(app.database, "startup", "Winding Down Inc");
    const client = await app.signIn(leaving.owner.email);
    const scheduled = await postPairs(client, `/o/${leaving.org.slug}/delete`, [
      ["intent", "schedule"],
      ["confirmName", "Winding Down Inc"],
      ["confirm", "yes"],
    ]);
    expect(scheduled.status).toBe(302);
    const text = textOf(await (await client.get("/account/delete")).text());
    expect(text).toContain("Winding Down Inc is scheduled for deletion on");
    expect(text).toContain("nobody can undo that");
    expect((await deleteAccount(client)).status).toBe(204);
    expect(await userExists(leaving.owner.id)).toBe(false);
  });

  it("wants the current password and the tick; a wrong one is refused on its field, counted by the sign-in throttle, and deletes nothing", async () => {
    const person = await makeUser(app.database, "Careful Person");
    const client = await app.signIn(person.email);
    const unticked = await client.post(PATH, { currentPassword: TEST_PASSWORD });
    expect(unticked.status).toBe(400);
    expect((await unticked.json()).fieldErrors.confirm).toBe("Tick the box to confirm.");
    const wrong = await deleteAccount(client, "not my password", { "X-Forwarded-For": "203.0.113.61" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).fieldErrors.currentPassword).toBe("The current password is not correct.");
    // Counted for this account from this address (login-throttle.server.ts).
    const [counted] = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, `account-ip:203.0.113.61 ${person.email}`)),
    );
    expect(counted?.failures).toBe(1);
    expect(await userExists(person.id)).toBe(true);
    for (let i = 0; i < 4; i += 1) await deleteAccount(client, `wrong ${i}`, { "X-Forwarded-For": "203.0.113.61" });
    // Locked now, even with the right password: guessing it here gains nothing.
    expect((await deleteAccount(client, TEST_PASSWORD, { "X-Forwarded-For": "203.0.113.61" })).status).toBe(429);
    expect(await userExists(person.id)).toBe(true);
  });

  it("ends every session, the sign-in fails afterwards, and the audit keeps their entries as “a former member”", async () => {
    const { ctx, owner } = await makeOrgWithOwner(app.database, "startup", "Keeps Records Ltd");
    const leaver = await addMember(app.database, ctx, "member");
    await seedStartupData(leaver.ctx, "Leaver");
    const laptop = await app.signIn(leaver.user.email);
    const phone = await app.signIn(leaver.user.email);
    expect((await withSystem(app.database.db, (tx) => tx.select().from(sessions).where(eq(sessions.userId, leaver.user.id)))).length).toBe(2);
    const auditBefore = await withSystem(app.database.db, (tx) =>
      tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actorUserId, leaver.user.id)),
    );
    expect(auditBefore.length).toBeGreaterThan(3);

    const done = await laptop.post("/account/delete", { currentPassword: TEST_PASSWORD, confirm: "yes" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login");
    expect(laptop.lastSetCookie.some((c) => /max-age=0/i.test(c) || /expires=thu, 01 jan 1970/i.test(c))).toBe(true);

    expect(await userExists(leaver.user.id)).toBe(false);
    expect(await withSystem(app.database.db, (tx) => tx.select().from(sessions).where(eq(sessions.userId, leaver.user.id)))).toEqual([]);
    expect(await withSystem(app.database.db, (tx) => tx.select().from(memberships).where(eq(memberships.userId, leaver.user.id)))).toEqual([]);
    const other = await phone.get(`/o/${ctx.org.slug}`);
    expect(other.status).toBe(302);
    expect(other.headers.get("location")).toMatch(/^\/login/);
    const again = await app.client().post("/login", { email: leaver.user.email, password: TEST_PASSWORD });
    expect(again.status).toBe(401);

    // Their entries stay, with no actor; the reports they wrote stay, with no author.
    const kept = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(sql`${auditLog.id} in ${auditBefore.map((a) => a.id)}`),
    );
    expect(kept.length).toBe(auditBefore.length);
    expect(kept.every((e) => e.actorUserId === null)).toBe(true);
    const reports = await withSystem(app.database.db, (tx) =>
      tx.select({ updatedBy: monthlyReports.updatedBy }).from(monthlyReports).where(eq(monthlyReports.orgId, ctx.org.id)),
    );
    expect(reports.length).toBe(2);
    expect(reports.every((r) => r.updatedBy === null)).toBe(true);
    const ownerClient = await app.signIn(owner.email);
    const audit = textOf(await (await ownerClient.get(`/o/${ctx.org.slug}/audit`)).text());
    expect(audit).toContain("a former member");
    expect(audit).toContain(owner.name);
    expect(audit).not.toContain(leaver.user.email);
  });

  it("two owners of one org deleting their accounts at once: one goes, the other is refused as the last owner", async () => {
    const { ctx, owner } = await makeOrgWithOwner(app.database, "investor", "Two Owners Capital");
    const second = await addMember(app.database, ctx, "owner");
    const [a, b] = [await app.signIn(owner.email), await app.signIn(second.user.email)];
    const fire = () => Promise.all([deleteAccount(a), deleteAccount(b)]);
    let answers: Response[];
    const config = inject("testDb");
    if (config.kind === "postgres") {
      // Really at once: a connection of the test's own holds the org's membership rows, both
      // requests are seen blocked behind it, then it lets go and they race.
      const { name } = first(rowsOf<{ name: string }>(await app.database.db.execute(sql`select current_database() as name`)));
      const pg = postgres(withDatabase(config.adminUrl, name), { max: 2, onnotice: () => {} });
      const held = await pg.reserve();
      let pending: Promise<Response[]>;
      let waiting = 0;
      try {
        await held`begin`;
        await held`select 1 from memberships where org_id = ${ctx.org.id} for update`;
        const { pid } = first(await held`select pg_backend_pid() as pid`);
        pending = fire();
        for (const deadline = Date.now() + 5000; Date.now() < deadline && waiting < 2; ) {
          [{ n: waiting }] = await pg`select count(*)::int as n from pg_stat_activity where datname = ${name} and pid <> ${pid} and wait_event_type = 'Lock'`;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      } finally {
        await held`rollback`;
        held.release();
      }
      answers = await pending!;
      await pg.end({ timeout: 5 });
      expect(waiting, "both deletions seen waiting at once").toBe(2);
    } else {
      answers = await fire();
    }
    expect(answers.map((r) => r.status).sort()).toEqual([204, 409]);
    const owners = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.role, "owner"))),
    );
    expect(owners.length).toBe(1);
  });
});
