import { mailOutbox } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestAppCapturingLogs, type TestApp } from "../support/app-server";
import { makeUser } from "../support/factories";
import type { LogCapture } from "../support/log-capture";
import { latestMail, linkToken, mailTo } from "../support/outbox";

/**
 * Issue #16, Identity over HTTP (decision 017): /forgot-password answers every address alike,
 * the reset link works once through its page and ends every session, sign-up queues the right
 * mail, and neither a token nor a mail body ever reaches the server log.
 */
let app: TestApp;
let logs: LogCapture;
beforeAll(async () => {
  ({ app, logs } = await startTestAppCapturingLogs());
});
afterAll(() => app.close());

const forgot = (email: string, ip: string) => app.client().post("/forgot-password", { email }, { "X-Forwarded-For": ip });

describe("forgot password", () => {
  it("answers a known and an unknown address alike; only the known one gets mail", async () => {
    const known = await makeUser(app.database);
    const unknown = `nobody-${Date.now()}@example.test`;
    const a = await forgot(known.email, "10.9.0.1");
    const b = await forgot(unknown, "10.9.0.2");
    expect([a.status, b.status]).toEqual([200, 200]);
    const strip = (html: string) => html.replace(/nonce="[^"]*"/g, "");
    expect(strip(await a.text())).toBe(strip(await b.text()));
    expect(await mailTo(app.database, unknown)).toEqual([]);
    expect(await latestMail(app.database, known.email, "password_reset")).not.toBeNull();
  });

  it("the link sets a new password once, ends other sessions; the old password fails and the new one signs in", async () => {
    const person = await makeUser(app.database);
    const elsewhere = await app.signIn(person.email);
    expect((await elsewhere.get("/account/password")).status).toBe(200);
    await forgot(person.email, "10.9.0.3");
    const mail = await latestMail(app.database, person.email, "password_reset");
    const token = linkToken(mail?.body ?? "", "/reset-password");
    const visitor = app.client();
    expect((await visitor.get(`/reset-password/${token}`)).status).toBe(200);
    const done = await visitor.post(`/reset-password/${token}`, { newPassword: "fresh-long-password", confirmPassword: "fresh-long-password" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login");
    expect(visitor.cookies.has("cd_session")).toBe(false);
    expect((await elsewhere.get("/account/password")).status).toBe(302);
    expect((await app.client().post("/login", { email: person.email, password: person.password })).status).toBe(401);
    await app.client().login(person.email, "fresh-long-password");
    const again = await app.client().post(`/reset-password/${token}`, { newPassword: "third-long-password", confirmPassword: "third-long-password" });
    expect(again.status).toBe(410);
    expect(await latestMail(app.database, person.email, "password_changed")).not.toBeNull();
  });

  it("applies the sign-up password rules and says which field is wrong", async () => {
    const person = await makeUser(app.database);
    await forgot(person.email, "10.9.0.4");
    const token = linkToken((await latestMail(app.database, person.email, "password_reset"))?.body ?? "", "/reset-password");
    const short = await app.client().post(`/reset-password/${token}`, { newPassword: "short", confirmPassword: "short" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('aria-invalid="true"');
  });

  it("is throttled per client address with 429 and Retry-After", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 31; i++) last = await forgot(`spray-${i}-${Date.now()}@example.test`, "10.9.0.9");
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("verification over HTTP", () => {
  it("sign-up queues the link; the link page confirms once and signs nobody in; a used link says so", async () => {
    const email = `verify-http-${Date.now()}@example.test`;
    await app.client().post("/signup", { email, name: "Vera", password: "a-long-password" });
    const token = linkToken((await latestMail(app.database, email, "verify_email"))?.body ?? "", "/verify-email");
    const visitor = app.client();
    const ok = await visitor.get(`/verify-email/${token}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(email);
    expect(visitor.cookies.has("cd_session")).toBe(false);
    const used = await visitor.get(`/verify-email/${token}`);
    expect(used.status).toBe(410);
    expect(await used.text()).toContain("already used");
  });

  it("every org page says the address is unconfirmed, with a way to a new link, until the link is followed", async () => {
    const email = `banner-http-${Date.now()}@example.test`;
    const person = app.client();
    await person.post("/signup", { email, name: "Bea", password: "a-long-password" });
    const made = await person.post("/orgs/new", { name: "Unconfirmed Labs", kind: "startup", baseCurrency: "USD" });
    const home = made.headers.get("location") ?? "";
    expect(home).toMatch(/^\/o\/unconfirmed-labs/);
    for (const path of [home, `${home}/reports`, `${home}/members`]) {
      const html = await (await person.get(path)).text();
      expect(html, path).toContain('data-testid="verify-banner"');
      expect(html, path).toContain(`Please confirm your e-mail address ${email}`);
      expect(html, path).toContain('href="/verify-email"');
    }
    const token = linkToken((await latestMail(app.database, email, "verify_email"))?.body ?? "", "/verify-email");
    expect((await app.client().get(`/verify-email/${token}`)).status).toBe(200);
    // The same session, next page: the address is proven, the banner is gone.
    expect(await (await person.get(home)).text()).not.toContain('data-testid="verify-banner"');
  });

  it("sign-up with an existing address queues account_exists", async () => {
    const existing = await makeUser(app.database);
    await app.client().post("/signup", { email: existing.email, name: "Mallory", password: "a-long-password" });
    expect(await latestMail(app.database, existing.email, "account_exists")).not.toBeNull();
  });
});

describe("logs", () => {
  it("never hold a token or a mail body", async () => {
    const text = logs.text();
    const mails = await withSystem(app.database.db, (tx) => tx.select().from(mailOutbox));
    expect(mails.length).toBeGreaterThan(3);
    for (const mail of mails) {
      for (const match of mail.body.matchAll(/\/(?:reset-password|verify-email)\/([A-Za-z0-9_-]+)/g)) expect(text).not.toContain(match[1]);
      for (const line of mail.body.split("\n").filter((l) => l.length > 20)) expect(text).not.toContain(line);
    }
  });
});
