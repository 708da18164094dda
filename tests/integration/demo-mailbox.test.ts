import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeUser } from "../support/factories";
import { latestMail } from "../support/outbox";

/**
 * Issue #16: without a relay the embedded demo shows its mail at /mailbox so every link can be
 * followed — and only there: on PostgreSQL, or from any address but this machine's, it is a 404.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const REMOTE = { "X-Forwarded-For": "203.0.113.9" }; // the test server trusts loopback proxies

describe("the demo mailbox", () => {
  it("on the embedded database lists held mail and opens a reset link that works; elsewhere it is a 404", async () => {
    const user = await makeUser(app.database);
    const asked = await app.client().post("/forgot-password", { email: user.email }, { "X-Forwarded-For": "127.0.0.1" });
    expect(asked.status).toBe(200);
    const queued = await latestMail(app.database, user.email, "password_reset");
    if (!queued) throw new Error("no reset mail queued");

    const list = await app.client().get("/mailbox");
    if (app.database.driver !== "pglite") {
      expect(list.status).toBe(404);
      return;
    }
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toContain("no-store");
    const listHtml = await list.text();
    expect(listHtml).toContain(user.email);
    expect(listHtml).toContain(`/mailbox?id=${queued.id}`);

    const opened = await app.client().get(`/mailbox?id=${queued.id}`);
    expect(opened.status).toBe(200);
    const html = await opened.text();
    const link = html.match(/href="(https?:\/\/[^"]*\/reset-password\/[A-Za-z0-9_-]+)"/)?.[1];
    expect(link, "a clickable reset link").toBeDefined();
    const reset = await app.client().get(new URL(link ?? "/").pathname);
    expect(reset.status).toBe(200);
    expect(await reset.text()).toContain('name="newPassword"');
  });

  it("is a 404 from another machine, and for an id that is not an unsent message", async () => {
    expect((await app.client().get("/mailbox", REMOTE)).status).toBe(404);
    expect((await app.client().get("/mailbox?id=00000000-0000-4000-8000-000000000000", REMOTE)).status).toBe(404);
    expect((await app.client().get("/mailbox?id=not-a-uuid")).status).toBe(404);
    expect((await app.client().get("/mailbox?id=00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
