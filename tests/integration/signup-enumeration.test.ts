import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestAppCapturingLogs, TestClient, type TestApp } from "../support/app-server";
import { makeUser, userCount } from "../support/factories";
import type { LogCapture } from "../support/log-capture";
import { routeData } from "../support/route-data";

/**
 * Issue #13, "Also": sign-up said "An account with this email already exists" (409), so anyone
 * could ask the app which addresses have accounts. Now an existing address gets the answer a
 * new one gets — same status, same redirect target, same body, the same headers — only without
 * a session (nobody is signed in to someone else's account), and the server logs a neutral
 * line with neither the address nor the password.
 */

let app: TestApp;
let logs: LogCapture;
beforeAll(async () => {
  ({ app, logs } = await startTestAppCapturingLogs());
});
afterAll(() => app.close());

// The session (Set-Cookie, and X-Remix-Revalidate that Remix adds to a redirect carrying a cookie) is the one difference: see the route.
const PER_REQUEST = new Set(["set-cookie", "x-remix-revalidate", "x-request-id", "date", "content-security-policy", "etag"]);

/** What an outsider compares: status, where it goes, the body, and every header that is not per-request. */
async function outwardly(response: Response) {
  const headers = [...response.headers].filter(([name]) => !PER_REQUEST.has(name)).sort(([a], [b]) => a.localeCompare(b));
  return { status: response.status, location: response.headers.get("location"), body: await response.text(), headers };
}

describe("sign-up does not tell whether an address has an account", () => {
  it("answers an existing address exactly like a new one (document post), without signing anyone in", async () => {
    const existing = await makeUser(app.database);
    const before = await userCount(app.database);
    const fresh = await outwardly(await app.client().post("/signup", { email: "brand-new-1@example.test", name: "New", password: "a-long-password" }));
    const outsider = app.client();
    const taken = await outwardly(await outsider.post("/signup", { email: existing.email.toUpperCase(), name: "Mallory", password: "mallorys-password" }));
    expect(taken).toEqual(fresh);
    expect(fresh.status).toBe(302);
    expect(fresh.location).toBe("/orgs/new");
    // No session for the outsider, and the existing account is untouched.
    expect(outsider.cookies.has("cd_session")).toBe(false);
    expect(await userCount(app.database)).toBe(before + 1);
    expect((await new TestClient(app.url).post("/login", { email: existing.email, password: "mallorys-password" })).status).toBe(401);
    await new TestClient(app.url).login(existing.email, existing.password);
  });

  it("answers the same to a JavaScript submission and keeps a same-site redirect target", async () => {
    const existing = await makeUser(app.database);
    const post = (email: string) =>
      app.client().post(routeData("/signup", "routes/signup"), { email, name: "X", password: "a-long-password", redirectTo: "/invite/abc" });
    const fresh = await post("brand-new-2@example.test");
    const taken = await post(existing.email);
    expect(fresh.headers.get("x-remix-redirect")).toBe("/invite/abc");
    const [a, b] = [await outwardly(fresh), await outwardly(taken)];
    expect(b).toEqual(a);
  });

  it("logs a neutral line for an existing address: no address, no name, no password", async () => {
    const existing = await makeUser(app.database);
    const mark = logs.chunks.length;
    const password = "mallorys-secret-password-77";
    const response = await app.client().post("/signup", { email: existing.email, name: "Mallory Q", password });
    const id = response.headers.get("x-request-id");
    const output = logs.chunks.slice(mark).join("");
    const line = logs.jsonLines().find((l) => l.msg === "signup.existing-address" && l.id === id);
    expect(line).toEqual({ level: "info", msg: "signup.existing-address", id });
    for (const secret of [existing.email, existing.email.split("@")[0]!, password, "Mallory Q"]) expect(output).not.toContain(secret);
  });
});
