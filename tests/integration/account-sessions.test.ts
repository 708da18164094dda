import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { accountTokens, sessions, signInDevices, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { setUserLocale } from "../../app/models/user.server";
import { systemContextOf } from "../../app/auth/system.server";
import { smtpSender, startMailDelivery } from "../../app/server/mail-delivery.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { captureLogs, type LogCapture } from "../support/log-capture";
import { latestMail, linkToken, mailTo } from "../support/outbox";
import { routeData } from "../support/route-data";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { expectWords, pageOf } from "../support/shown-page";

/**
 * Issue #16 (decision 022): the sessions page (a person's own sessions, "this device", sign out
 * one or all others; nobody else's), security mail on a new device and a changed password, and
 * the change of e-mail address (confirmed by a link to the new address, noticed at the old).
 */
let app: TestApp;
let smtp: TestSmtp;
let logs: LogCapture;
beforeAll(async () => {
  logs = captureLogs();
  app = await startTestApp();
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp?.stop();
  await app?.close();
  logs?.restore();
});

const CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/** A client signed in as `email` from a browser and a client address (X-Forwarded-For: TRUST_PROXY is loopback in tests). */
async function signInFrom(email: string, userAgent: string, ip: string, password = TEST_PASSWORD): Promise<TestClient> {
  const client = app.client();
  await client.login(email, password, { "User-Agent": userAgent, "X-Forwarded-For": ip });
  return client;
}

async function sessionRows(userId: string) {
  return withSystem(app.database.db, (tx) => tx.select().from(sessions).where(eq(sessions.userId, userId)));
}

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("the sessions page", () => {
  it("lists the person's sessions with device, address and times, and marks this device", async () => {
    const person = await makeUser(app.database);
    const laptop = await signInFrom(person.email, CHROME_MAC, "10.20.0.1");
    await signInFrom(person.email, FIREFOX_WINDOWS, "10.20.0.2");
    const { html } = await pageOf(await laptop.get("/account/sessions"));
    const text = textOf(html);
    expectWords(text, ["Chrome on macOS", "Firefox on Windows", "10.20.0.1", "10.20.0.2", "This device"]);
    expect(html.match(/data-session="current"/g)).toHaveLength(1);
    expect(html.match(/data-session="other"/g)).toHaveLength(1);
    // The current row is Chrome's: it comes with no "sign out this one" button, the other does.
    expect(html.match(/name="session"/g)).toHaveLength(1);
    // The session's hashed id never reaches the page; only its handle does.
    for (const row of await sessionRows(person.id)) expect(html).not.toContain(row.id);
  });

  it("signs out another session of one's own: its next request goes to sign-in; this one stays", async () => {
    const person = await makeUser(app.database);
    const laptop = await signInFrom(person.email, CHROME_MAC, "10.20.1.1");
    const phone = await signInFrom(person.email, FIREFOX_WINDOWS, "10.20.1.2");
    const phoneRow = (await sessionRows(person.id)).find((s) => s.ipAddress === "10.20.1.2");
    const ended = await laptop.post("/account/sessions", { intent: "end", session: phoneRow?.handle ?? "" });
    expect(ended.status).toBe(302);
    expect(ended.headers.get("location")).toBe("/account/sessions");
    const after = await phone.get("/account/sessions");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
    expect((await laptop.get("/account/sessions")).status).toBe(200);
    expect(await sessionRows(person.id)).toHaveLength(1);
  });

  it("another person's session is a 404 and nothing is deleted", async () => {
    const mallory = await makeUser(app.database, "Mallory");
    const victim = await makeUser(app.database, "Victim");
    const attacker = await signInFrom(mallory.email, CHROME_MAC, "10.20.2.1");
    const victimClient = await signInFrom(victim.email, CHROME_MAC, "10.20.2.2");
    const [victimRow] = await sessionRows(victim.id);
    const before = (await withSystem(app.database.db, (tx) => tx.select({ id: sessions.id }).from(sessions))).length;
    const refused = await attacker.post("/account/sessions", { intent: "end", session: victimRow?.handle ?? "" });
    expect(refused.status).toBe(404);
    const garbage = await attacker.post("/account/sessions", { intent: "end", session: "not-a-handle" });
    expect(garbage.status).toBe(404);
    expect((await withSystem(app.database.db, (tx) => tx.select({ id: sessions.id }).from(sessions))).length).toBe(before);
    expect((await victimClient.get("/account/sessions")).status).toBe(200);
    // Nor does the victim's session show on the attacker's page.
    expect(await (await attacker.get("/account/sessions")).text()).not.toContain(victimRow?.handle ?? "missing");
  });

  it("signs out all others at once, keeping this one", async () => {
    const person = await makeUser(app.database);
    const main = await signInFrom(person.email, CHROME_MAC, "10.20.3.1");
    const others = [await signInFrom(person.email, FIREFOX_WINDOWS, "10.20.3.2"), await signInFrom(person.email, CHROME_MAC, "10.20.3.3")];
    expect(await sessionRows(person.id)).toHaveLength(3);
    const done = await main.post("/account/sessions", { intent: "end-others" });
    expect(done.status).toBe(302);
    expect((await sessionRows(person.id)).map((s) => s.ipAddress)).toEqual(["10.20.3.1"]);
    for (const other of others) expect((await other.get("/account/sessions")).status).toBe(302);
    expect(textOf(await (await main.get("/account/sessions")).text())).toContain("No other device is signed in.");
  });

  it("signing out this session from its own row is signing out", async () => {
    const person = await makeUser(app.database);
    const main = await signInFrom(person.email, CHROME_MAC, "10.20.4.1");
    const [row] = await sessionRows(person.id);
    const out = await main.post("/account/sessions", { intent: "end", session: row?.handle ?? "" });
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/login");
    expect(main.cookies.has("cd_session")).toBe(false);
    expect(await sessionRows(person.id)).toHaveLength(0);
  });

  it("refuses an unknown intent with a field error and writes nothing", async () => {
    const person = await makeUser(app.database);
    const main = await signInFrom(person.email, CHROME_MAC, "10.20.5.1");
    await signInFrom(person.email, CHROME_MAC, "10.20.5.2");
    const bad = await main.post(routeData("/account/sessions", "routes/account.sessions"), { intent: "end-everything" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fieldErrors: Record<string, string> }).fieldErrors.intent).toEqual(expect.any(String));
    expect(await sessionRows(person.id)).toHaveLength(2);
  });

  it("writes last used at most every few minutes, not on every request", async () => {
    const person = await makeUser(app.database);
    const main = await signInFrom(person.email, CHROME_MAC, "10.20.6.1");
    const setLastUsed = (minutesAgo: number) =>
      withSystem(app.database.db, (tx) =>
        tx
          .update(sessions)
          .set({ lastUsedAt: sql`now() - make_interval(mins => ${minutesAgo})` })
          .where(eq(sessions.userId, person.id)),
      );
    const lastUsed = async () => (await sessionRows(person.id))[0]?.lastUsedAt.getTime() ?? 0;
    await setLastUsed(2);
    const twoMinutesAgo = await lastUsed();
    await main.get("/account/sessions");
    expect(await lastUsed()).toBe(twoMinutesAgo);
    await setLastUsed(10);
    const tenMinutesAgo = await lastUsed();
    await main.get("/account/sessions");
    expect(await lastUsed()).toBeGreaterThan(tenMinutesAgo + 9 * 60 * 1000);
  });

  it("is for signed-in people only", async () => {
    const anonymous = await app.client().get("/account/sessions");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });
});

describe("new_sign_in mail", () => {
  it("not on the first sign-in, nor from a known device and address; once from a new one", async () => {
    const person = await makeUser(app.database);
    await signInFrom(person.email, CHROME_MAC, "10.21.0.1");
    await signInFrom(person.email, CHROME_MAC, "10.21.0.1");
    // A browser update is the same device.
    await signInFrom(person.email, CHROME_MAC.replace("131.0.0.0", "132.0.0.0"), "10.21.0.1");
    expect(await mailTo(app.database, person.email, "new_sign_in")).toEqual([]);
    await signInFrom(person.email, FIREFOX_WINDOWS, "10.21.0.9");
    const mails = await mailTo(app.database, person.email, "new_sign_in");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body).toContain("Firefox on Windows");
    expect(mails[0]?.body).toContain("10.21.0.9");
    expect(mails[0]?.body).toContain("/account/sessions");
    await signInFrom(person.email, FIREFOX_WINDOWS, "10.21.0.9");
    expect(await mailTo(app.database, person.email, "new_sign_in")).toHaveLength(1);
    // Neither the address nor the browser is stored in clear: only a hash per pair.
    const devices = await withSystem(app.database.db, (tx) => tx.select().from(signInDevices).where(eq(signInDevices.userId, person.id)));
    expect(devices).toHaveLength(2);
    for (const d of devices) expect(d.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("not on the first sign-in after sign-up", async () => {
    const email = `fresh-${Date.now()}@example.test`;
    await app.client().post("/signup", { email, name: "Fresh", password: "a-long-password" }, { "User-Agent": CHROME_MAC, "X-Forwarded-For": "10.21.1.1" });
    await signInFrom(email, FIREFOX_WINDOWS, "10.21.1.2", "a-long-password");
    expect(await mailTo(app.database, email, "new_sign_in")).toEqual([]);
  });

  it("arrives over SMTP in the person's language, without an unsubscribe", async () => {
    const person = await makeUser(app.database);
    await setUserLocale(systemContextOf(app.database), person.id, "zh-CN");
    await signInFrom(person.email, CHROME_MAC, "10.21.2.1");
    await signInFrom(person.email, FIREFOX_WINDOWS, "10.21.2.2");
    // Without SMTP_URL the app's own worker holds each message (decision 016); this one sends them.
    await withSystem(app.database.db, (tx) =>
      tx.execute(sql`update mail_outbox set status = 'queued', next_attempt_at = now() where to_email = ${person.email} and kind = 'new_sign_in'`),
    );
    const worker = startMailDelivery(async () => app.database.db, smtpSender(smtp.url, "Capital Desk <no-reply@desk.example.test>"), {
      poll: false,
      log: () => {},
    });
    for (let i = 0; i < 20 && (await worker.runOnce()) > 0; i++);
    await smtp.waitFor(1);
    const [mail] = smtp.to(person.email);
    expect(mail?.subject).toBe("您的 Capital Desk 账户有新的登录");
    expect(mail?.text).toContain("Windows 上的 Firefox");
    expect(mail?.text).toContain("10.21.2.2");
    expect(mail?.headers.get("content-language")).toBe("zh-CN");
    expect(mail?.headers.has("list-unsubscribe")).toBe(false);
  });
});

describe("password_changed mail", () => {
  it("is queued when the password is changed on the account page, and other sessions end", async () => {
    const person = await makeUser(app.database);
    const elsewhere = await signInFrom(person.email, FIREFOX_WINDOWS, "10.22.0.2");
    const main = await signInFrom(person.email, CHROME_MAC, "10.22.0.1");
    const changed = await main.post(
      "/account/password",
      { currentPassword: TEST_PASSWORD, newPassword: "another-long-password", confirmPassword: "another-long-password" },
      { "User-Agent": CHROME_MAC, "X-Forwarded-For": "10.22.0.1" },
    );
    expect(changed.status).toBe(302);
    const mail = await latestMail(app.database, person.email, "password_changed");
    expect(mail?.subject).toBe("Your Capital Desk password was changed");
    expect((await elsewhere.get("/account/sessions")).status).toBe(302);
    // The new session records this browser.
    expect((await sessionRows(person.id)).map((s) => [s.ipAddress, s.userAgent])).toEqual([["10.22.0.1", CHROME_MAC]]);
  });

  it("is not queued for a wrong current password", async () => {
    const person = await makeUser(app.database);
    const main = await signInFrom(person.email, CHROME_MAC, "10.22.1.1");
    const wrong = await main.post("/account/password", {
      currentPassword: "not the password",
      newPassword: "another-long-password",
      confirmPassword: "another-long-password",
    });
    expect(wrong.status).toBe(400);
    expect(await mailTo(app.database, person.email, "password_changed")).toEqual([]);
  });
});

describe("change of e-mail address", () => {
  const tokensOf = (userId: string) => withSystem(app.database.db, (tx) => tx.select().from(accountTokens).where(eq(accountTokens.userId, userId)));
  const userRow = async (id: string) => (await withSystem(app.database.db, (tx) => tx.select().from(users).where(eq(users.id, id))))[0];

  it("needs the current password and a valid, different address: field errors, nothing written", async () => {
    const person = await makeUser(app.database);
    const main = await signInFrom(person.email, CHROME_MAC, "10.23.0.1");
    const fresh = `elsewhere-${Date.now()}@example.test`;
    for (const [form, field] of [
      [{ email: fresh, currentPassword: "not the password" }, "currentPassword"],
      [{ email: fresh, currentPassword: "" }, "currentPassword"],
      [{ email: "not an email", currentPassword: TEST_PASSWORD }, "email"],
      [{ email: person.email.toUpperCase(), currentPassword: TEST_PASSWORD }, "email"],
    ] as const) {
      const refused = await main.post(routeData("/account/email", "routes/account.email"), form);
      expect(refused.status, JSON.stringify(form)).toBe(400);
      expect(((await refused.json()) as { fieldErrors: Record<string, string> }).fieldErrors[field], JSON.stringify(form)).toEqual(expect.any(String));
    }
    expect(await tokensOf(person.id)).toEqual([]);
    expect(await mailTo(app.database, fresh)).toEqual([]);
    expect(await mailTo(app.database, person.email)).toEqual([]);
    expect((await userRow(person.id))?.email).toBe(person.email);
  });

  it("mails a link to the new address and a notice to the old; only the link changes the address, which then signs in", async () => {
    const person = await makeUser(app.database, "Changer");
    const main = await signInFrom(person.email, CHROME_MAC, "10.23.1.1");
    const newEmail = `changed-${Date.now()}@example.test`;
    const asked = await main.post("/account/email", { email: newEmail, currentPassword: TEST_PASSWORD });
    expect(asked.status).toBe(200);
    expect(textOf(await asked.text())).toContain(`If ${newEmail} can be used, a confirmation link is on its way there.`);
    const linkMail = await latestMail(app.database, newEmail);
    expect(linkMail?.subject).toBe("Confirm your new Capital Desk e-mail address");
    const notice = await latestMail(app.database, person.email, "email_changed");
    expect(notice?.body).toContain(newEmail);
    expect(notice?.body).not.toContain("/confirm-email/");
    // Nothing changed yet: the old address still signs in.
    expect((await userRow(person.id))?.email).toBe(person.email);
    await signInFrom(person.email, CHROME_MAC, "10.23.1.1");

    const token = linkToken(linkMail?.body ?? "", "/confirm-email");
    const visitor = app.client();
    const look = await visitor.get(`/confirm-email/${token}`);
    expect(look.status).toBe(200);
    expect(textOf(await look.text())).toContain(newEmail);
    expect((await userRow(person.id))?.email).toBe(person.email);

    const confirmed = await visitor.post(`/confirm-email/${token}`, {});
    expect(confirmed.status).toBe(200);
    expect(visitor.cookies.has("cd_session")).toBe(false);
    const after = await userRow(person.id);
    expect(after?.email).toBe(newEmail);
    expect(after?.emailVerifiedAt).toBeInstanceOf(Date);
    const notices = await mailTo(app.database, person.email, "email_changed");
    expect(notices).toHaveLength(2);
    expect(notices[0]?.subject).toBe("Your Capital Desk e-mail address was changed");

    expect((await app.client().post("/login", { email: person.email, password: TEST_PASSWORD })).status).toBe(401);
    await signInFrom(newEmail, CHROME_MAC, "10.23.1.1");
    expect((await app.client().post(`/confirm-email/${token}`, {})).status).toBe(410);
    expect((await app.client().get(`/confirm-email/${token}`)).status).toBe(410);
  });

  it("answers an address another account holds alike, changes nothing and mails it nothing", async () => {
    const person = await makeUser(app.database);
    const other = await makeUser(app.database, "Holder");
    const main = await signInFrom(person.email, CHROME_MAC, "10.23.2.1");
    const free = `free-${Date.now()}@example.test`;
    const strip = (html: string, email: string) => html.replace(/nonce="[^"]*"/g, "").replaceAll(email, "EMAIL");
    const taken = await main.post("/account/email", { email: other.email, currentPassword: TEST_PASSWORD });
    const takenHtml = strip(await taken.text(), other.email);
    const ok = await main.post("/account/email", { email: free, currentPassword: TEST_PASSWORD });
    expect([taken.status, ok.status]).toEqual([200, 200]);
    expect(takenHtml).toBe(strip(await ok.text(), free));
    expect(await mailTo(app.database, other.email)).toEqual([]);
    // The old address is told about both requests (it cannot tell them apart either).
    expect(await mailTo(app.database, person.email, "email_changed")).toHaveLength(2);
    expect((await tokensOf(person.id)).map((t) => t.email)).toEqual([free]);
    expect((await userRow(person.id))?.email).toBe(person.email);
    expect((await userRow(other.id))?.email).toBe(other.email);
  });

  it("a link whose address another account took meanwhile changes nothing", async () => {
    const person = await makeUser(app.database);
    const main = await signInFrom(person.email, CHROME_MAC, "10.23.3.1");
    const wanted = `wanted-${Date.now()}@example.test`;
    await main.post("/account/email", { email: wanted, currentPassword: TEST_PASSWORD });
    const token = linkToken((await latestMail(app.database, wanted))?.body ?? "", "/confirm-email");
    await app.client().post("/signup", { email: wanted, name: "Quick", password: "a-long-password" });
    const late = await app.client().post(`/confirm-email/${token}`, {});
    expect(late.status).toBe(410);
    expect((await userRow(person.id))?.email).toBe(person.email);
    const holders = rowsOf<{ n: number }>(
      await withSystem(app.database.db, (tx) => tx.execute(sql`select count(*)::int as n from users where email = ${wanted}`)),
    );
    expect(holders[0]?.n).toBe(1);
  });
});

describe("logs", () => {
  it("never hold a change-of-address token or a security mail's body", async () => {
    const text = logs.text();
    const mails = await withSystem(app.database.db, (tx) =>
      tx.execute(sql`select body from mail_outbox where kind in ('new_sign_in', 'email_changed', 'verify_email', 'password_changed') and body <> ''`),
    );
    const bodies = rowsOf<{ body: string }>(mails).map((m) => m.body);
    expect(bodies.length).toBeGreaterThan(3);
    expect(bodies.some((b) => b.includes("/confirm-email/"))).toBe(true);
    for (const body of bodies) {
      for (const match of body.matchAll(/\/confirm-email\/([A-Za-z0-9_-]+)/g)) expect(text).not.toContain(match[1]);
      for (const line of body.split("\n").filter((l) => l.length > 20)) expect(text).not.toContain(line);
    }
  });
});
