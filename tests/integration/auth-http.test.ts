import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app-server";
import { routeData } from "../support/route-data";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe("sign-up, sign-in and sessions over HTTP", () => {
  it("signs up, creates an org, logs out and back in", async () => {
    const browser = app.client();
    const signup = await browser.post("/signup", { email: "Ada@Example.test", name: "Ada", password: "a-long-password" });
    expect(signup.status).toBe(302);
    expect(signup.headers.get("location")).toBe("/orgs/new");
    const created = await browser.post("/orgs/new", { name: "Ada Robotics", kind: "startup", baseCurrency: "usd" });
    expect(created.headers.get("location")).toBe("/o/ada-robotics");
    expect((await browser.get("/o/ada-robotics")).status).toBe(200);
    expect((await browser.post("/logout", {})).status).toBe(302);
    expect((await browser.get("/o/ada-robotics")).status).toBe(302);
    await browser.login("ada@example.test", "a-long-password");
    const page = await browser.get("/o/ada-robotics");
    expect(await page.text()).toContain("Ada Robotics");
  });

  it("sets the session cookie HttpOnly, SameSite=Lax and Secure, and stores only its hash", async () => {
    const browser = app.client();
    await browser.post("/signup", { email: "cookie@example.test", name: "C", password: "a-long-password" });
    const cookie = browser.lastSetCookie.find((c) => c.startsWith("cd_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    const token = browser.cookies.get("cd_session")!;
    const stored = await app.database.db.transaction((tx) => tx.query.sessions.findMany());
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((s) => s.id === token)).toBe(false);
  });

  it("answers sign-up validation problems per field and writes nothing", async () => {
    const browser = app.client();
    const response = await browser.post(routeData("/signup", "routes/signup"), { email: "not-an-email", name: "", password: "short" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors.email).toMatch(/valid email/);
    expect(body.fieldErrors.name).toBeTruthy();
    expect(body.fieldErrors.password).toMatch(/10 characters/);
  });

  it("rejects a tampered session cookie", async () => {
    const browser = app.client();
    await browser.post("/signup", { email: "tamper@example.test", name: "T", password: "a-long-password" });
    const token = browser.cookies.get("cd_session")!;
    browser.cookies.set("cd_session", token.slice(0, -1) + (token.endsWith("a") ? "b" : "a"));
    const response = await browser.get("/orgs/new");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
  });

  // Each limit is passed by moving that one expiry of the session into the past.
  it.each([
    ["past its absolute lifetime even while active", "old@example.test", "O", "absolute_expires_at"],
    ["idle for longer than the inactivity timeout", "idle@example.test", "I", "expires_at"],
  ])("rejects a session %s", async (_when, email, name, expiry) => {
    const browser = app.client();
    await browser.post("/signup", { email, name, password: "a-long-password" });
    expect((await browser.get("/orgs/new")).status).toBe(200);
    await app.database.db.transaction((tx) => tx.execute(`update sessions set ${expiry} = now() - interval '1 minute'` as never));
    expect((await browser.get("/orgs/new")).headers.get("location")).toMatch(/^\/login/);
  });

  it("throttles an IP address that tries many accounts", async () => {
    const attacker = app.client();
    const ip = { "X-Forwarded-For": "203.0.113.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await attacker.post("/login", { email: `spray${i}@example.test`, password: "guess" }, ip)).status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(29);
    expect(statuses.at(-1)).toBe(429);
  });

  it("throttles an account after repeated bad passwords, even for the right password", async () => {
    const browser = app.client();
    await browser.post("/signup", { email: "victim@example.test", name: "V", password: "the-right-password" });
    const attacker = app.client();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attacker.post("/login", { email: "victim@example.test", password: `wrong-${i}` })).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const right = await attacker.post("/login", { email: "victim@example.test", password: "the-right-password" });
    expect(right.status).toBe(429);
  });

  it("ends every other session when the password changes", async () => {
    const laptop = app.client();
    await laptop.post("/signup", { email: "two@example.test", name: "Two", password: "first-password-1" });
    const phone = app.client();
    await phone.login("two@example.test", "first-password-1");
    const changed = await laptop.post("/account/password", {
      currentPassword: "first-password-1",
      newPassword: "second-password-2",
      confirmPassword: "second-password-2",
    });
    expect(changed.status).toBe(302);
    expect((await phone.get("/orgs/new")).headers.get("location")).toMatch(/^\/login/);
    expect((await laptop.get("/orgs/new")).status).toBe(200);
  });

  it("refuses a cross-origin POST before it reaches the app", async () => {
    const browser = app.client();
    const response = await browser.post("/signup", { email: "csrf@example.test", name: "X", password: "a-long-password" }, { Origin: "https://evil.example" });
    expect(response.status).toBe(403);
    const users = await app.database.db.transaction((tx) => tx.query.users.findMany());
    expect(users.some((u) => u.email === "csrf@example.test")).toBe(false);
  });

  it("sends security headers and answers health checks", async () => {
    const browser = app.client();
    const response = await browser.get("/login");
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBeTruthy();
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age/);
    expect((await browser.get("/healthz")).status).toBe(200);
    expect((await browser.get("/readyz")).status).toBe(200);
  });
});

describe("the sign-in page and the demo", () => {
  it("names the demo logins only on the embedded database, and only once they exist", async () => {
    const { seedDemo, DEMO_USERS, DEMO_PASSWORD } = await import("../../db/seed");
    const browser = app.client();
    const before = await browser.get("/login");
    expect(await before.text()).not.toContain(DEMO_USERS.founder.email);
    await seedDemo(app.database.db);
    const page = await (await browser.get("/login")).text();
    if (app.database.driver === "pglite") {
      expect(page).toContain(DEMO_USERS.founder.email);
      expect(page).toContain(DEMO_PASSWORD);
    } else {
      expect(page).not.toContain(DEMO_USERS.founder.email);
      expect(page).not.toContain(DEMO_PASSWORD);
    }
  });
});
