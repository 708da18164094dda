import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestAppCapturingLogs, type TestApp } from "../support/app-server";
import { makeUser } from "../support/factories";
import type { LogCapture } from "../support/log-capture";
import { routeData } from "../support/route-data";

/**
 * Finding 2 of issue #13: `redirectTo` after sign-in let `/%09/evil.example` through (the login
 * page put a raw tab in its hidden field, Chromium dropped it and went to //evil.example), and
 * `/\n/x` or `/\r/x` answered 500 with the raw value in the error log. Every route that takes a
 * redirect target from the request is attacked here over HTTP, as a document post and as a
 * JavaScript (`_data`) post.
 */

const HOSTILE = [
  "/%09/evil.example",
  "/\t/evil.example",
  "/\n/x",
  "/\r/x",
  "/\r\nSet-Cookie: planted=1",
  "//evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "/%2F%2Fevil.example",
  "https://evil.example",
  "javascript:alert(1)",
];

let app: TestApp;
let logs: LogCapture;
beforeAll(async () => {
  ({ app, logs } = await startTestAppCapturingLogs());
});
afterAll(() => app.close());

/** Where a browser goes with this answer: the Location (document post) or X-Remix-Redirect (JavaScript post), resolved against the app. */
function destination(response: Response): URL {
  const target = response.headers.get("x-remix-redirect") ?? response.headers.get("location");
  expect(target, "a redirect").toBeTruthy();
  return new URL(target!, `${app.url}/login`);
}

function expectSameSitePath(response: Response, label: string) {
  expect([302, 204], label).toContain(response.status);
  const raw = response.headers.get("x-remix-redirect") ?? response.headers.get("location") ?? "";
  expect(raw, label).toMatch(/^\/[\x21-\x7e]*$/);
  expect(raw.startsWith("//"), label).toBe(false);
  expect(destination(response).origin, label).toBe(app.url);
  expect(
    response.headers.getSetCookie().some((c) => c.startsWith("planted=")),
    label,
  ).toBe(false);
}

function expectNothingLogged(from: number, value: string) {
  const output = logs.chunks.slice(from).join("");
  expect(output, `log after ${JSON.stringify(value)}`).not.toContain('"level":"error"');
  expect(output).not.toContain("evil.example");
  expect(output).not.toContain(value);
  expect(output).not.toContain(JSON.stringify(value).slice(1, -1));
}

describe("redirect targets from the request stay on this site", () => {
  it("sign-in: every hostile redirectTo lands on a path here, never a 500, nothing logged", async () => {
    const user = await makeUser(app.database);
    for (const value of HOSTILE) {
      for (const path of ["/login", routeData("/login", "routes/login")]) {
        const from = logs.chunks.length;
        const response = await app.client().post(path, { email: user.email, password: user.password, redirectTo: value });
        expectSameSitePath(response, `${path} ${JSON.stringify(value)}`);
        expect(destination(response).pathname).toBe("/");
        expectNothingLogged(from, value);
      }
    }
  });

  it("sign-in through the page: ?redirectTo=%2F%09%2Fevil.example put into the form and posted back stays here", async () => {
    const user = await makeUser(app.database);
    const browser = app.client();
    const page = await (await browser.get(`/login?redirectTo=${encodeURIComponent("/\t/evil.example")}`)).text();
    // The sign-in form's hidden field (the language switch has one too: the page's own address).
    const hidden = [...page.matchAll(/name="redirectTo" value="([^"]*)"/g)].map((m) => m[1]).find((v) => !v!.startsWith("/login"));
    expect(hidden).toBe("/\t/evil.example");
    const response = await browser.post("/login", { email: user.email, password: user.password, redirectTo: hidden! });
    expectSameSitePath(response, "page flow");
  });

  it("sign-in keeps an ordinary target, query and all", async () => {
    const user = await makeUser(app.database);
    const response = await app.client().post("/login", { email: user.email, password: user.password, redirectTo: "/o/acme/members?page=2" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/o/acme/members?page=2");
  });

  it("sign-up: every hostile redirectTo lands on the default page", async () => {
    let n = 0;
    for (const value of HOSTILE) {
      const from = logs.chunks.length;
      n += 1;
      const response = await app.client().post("/signup", { email: `redir${n}@example.test`, name: "R", password: "a-long-password", redirectTo: value });
      expectSameSitePath(response, `signup ${JSON.stringify(value)}`);
      expect(destination(response).pathname).toBe("/orgs/new");
      expectNothingLogged(from, value);
    }
  });

  it("the language switch: every hostile redirectTo goes home", async () => {
    for (const value of HOSTILE) {
      for (const path of ["/locale", routeData("/locale", "routes/locale")]) {
        const from = logs.chunks.length;
        const response = await app.client().post(path, { locale: "zh-CN", redirectTo: value });
        expectSameSitePath(response, `${path} ${JSON.stringify(value)}`);
        expect(destination(response).pathname).toBe("/");
        expectNothingLogged(from, value);
      }
    }
  });
});
