import crypto from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";
import { rowsOf, type Database } from "../../db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../../db/seed";
import { withSystem } from "../../db/tenant";
import { startTestApp, TestClient, type TestApp } from "../support/app-server";
import { captureLogs, type LogCapture } from "../support/log-capture";
import { openTestDatabase } from "../support/test-db";
import { type BuiltRoute, builtRoutes, routeData } from "../support/route-data";
import { at, first } from "../support/at";

/**
 * Security checks over the real HTTP stack (server.mjs + the built Remix app) in production
 * mode, with request logging ON and every byte the server logs captured. Routes come from the
 * built manifest, so a new route is covered the moment it is built.
 */

interface Build {
  assets: { entry: { module: string }; url: string };
  entry: { module: { useDatabase(database: Database): void; getEnv(): Record<string, unknown> & { SESSION_MAX_DAYS: number } } };
}

const REFUSAL = "Cross-origin request refused.";
const EVIL = "https://evil.example";

let app: TestApp;
let build: Build;
let logs: LogCapture;
let base: string;
const servers: Server[] = [];
let routes: BuiltRoute[];
let params: Record<string, string>;

async function listen(env: Record<string, unknown>): Promise<string> {
  const { createApp } = await import("../../server.mjs");
  const express = createApp({ build, env: { ...build.entry.module.getEnv(), ...env } });
  const server: Server = await new Promise((resolve) => {
    const s = express.listen(0, "127.0.0.1", () => resolve(s));
  });
  // Node closes idle keep-alive sockets after 5 s; a test pausing that long (opening a database)
  // would then race fetch's reuse of the socket and see ECONNRESET.
  server.keepAliveTimeout = 60_000;
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function pathFor(route: BuiltRoute) {
  return route.pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? "00000000-0000-4000-8000-000000000000"));
}

/** The URL that reaches the route's own loader/action as data (an index route needs `?index`). */
function dataUrlFor(route: BuiltRoute) {
  return routeData(pathFor(route), route.id);
}

/** Routes the Origin check lets through on purpose (server/origin.mjs): one-click unsubscribe (decision 023). */
const ORIGIN_EXEMPT = new Set(["routes/unsubscribe.$token"]);

/** What the request log should show for a path: capability tokens never appear. */
function loggedPath(url: string) {
  return new URL(url, "http://x").pathname
    .replace(/\/invite\/[^/]+/i, "/invite/:token")
    .replace(/\/r\/[^/]+/i, "/r/:token")
    .replace(/\/(verify-email|reset-password|confirm-email|unsubscribe|join)\/[^/]+/i, "/$1/:token");
}

/** Digest of every row of every table: proves a refused request wrote nothing anywhere. */
async function fingerprintAll(): Promise<Record<string, string>> {
  return withSystem(app.database.db, async (tx) => {
    const tables = rowsOf<{ table: string }>(
      await tx.execute(sql`select relname as table from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`),
    );
    const result: Record<string, string> = {};
    for (const { table } of tables) {
      const [row] = rowsOf<{ digest: string | null }>(
        await tx.execute(sql.raw(`select md5(string_agg(t::text, ',' order by t::text)) as digest from "${table}" t`)),
      );
      result[table] = row?.digest ?? "empty";
    }
    return result;
  });
}

/** A POST exactly as given: no Origin unless the caller sends one. */
async function rawPost(path: string, form: Record<string, string>, headers: Record<string, string>, cookie = "") {
  return fetch(base + path, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams(form),
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
  });
}

function cookieHeader(client: TestClient) {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function signedIn(email: string, password: string) {
  const client = new TestClient(base);
  await client.login(email, password);
  return client;
}

/** The policy, directive by directive (the nonce differs per response and is checked on its own). */
const EXPECTED_CSP = {
  "default-src": "'self'",
  "script-src": "'self' 'nonce-*'",
  "style-src": "'self' 'unsafe-inline'",
  "img-src": "'self' data: blob:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "frame-ancestors": "'none'",
  "form-action": "'self'",
  "base-uri": "'none'",
  "object-src": "'none'",
};

/** A CSP header as directive → value (directives are separated by `;` and optional spaces). */
function cspDirectives(csp: string): Record<string, string> {
  const entries = csp
    .split(/;\s*/)
    .filter(Boolean)
    .map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(" ")] as const;
    });
  return Object.fromEntries(entries);
}

function expectSecurityHeaders(response: Response, what: string, { production = true } = {}) {
  const h = response.headers;
  const csp = h.get("content-security-policy") ?? "";
  const directives = cspDirectives(csp);
  expect(directives["frame-ancestors"], `${what}: CSP frame-ancestors`).toBe("'none'");
  expect(directives["script-src"] ?? "", `${what}: CSP script nonce`).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{16,}={0,2}'$/);
  expect(directives["default-src"], `${what}: CSP default-src`).toBe("'self'");
  expect(directives["object-src"], `${what}: CSP object-src`).toBe("'none'");
  // The whole policy, no directive more or less (a development server also allows its live-reload socket).
  const withoutNonce = { ...directives, "script-src": directives["script-src"]?.replace(/'nonce-[^']+'/, "'nonce-*'") };
  expect(withoutNonce, `${what}: the whole CSP`).toEqual(production ? EXPECTED_CSP : { ...EXPECTED_CSP, "connect-src": "'self' ws://localhost:*" });
  expect(h.get("x-content-type-options"), what).toBe("nosniff");
  expect(h.get("x-frame-options"), what).toBe("DENY");
  expect(h.get("referrer-policy"), what).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  expect(h.get("permissions-policy"), what).toBe("camera=(), microphone=(), geolocation=()");
  expect(h.get("cross-origin-opener-policy"), what).toBe("same-origin");
  // The legacy XSS filter stays off: browsers dropped it, and where it lingers it opened leaks.
  expect(h.get("x-xss-protection") ?? "0", what).toBe("0");
  expect(h.get("x-powered-by"), what).toBeNull();
  expect(h.get("x-request-id"), what).toMatch(/^[\w-]{8,64}$/);
  if (production) {
    const hsts = /max-age=(\d+)/.exec(h.get("strict-transport-security") ?? "");
    expect(hsts, `${what}: HSTS`).not.toBeNull();
    expect(Number(hsts![1]), `${what}: HSTS lasts at least 180 days`).toBeGreaterThanOrEqual(180 * 24 * 3600);
    expect(h.get("strict-transport-security"), `${what}: HSTS covers subdomains`).toContain("includeSubDomains");
  } else {
    expect(h.get("strict-transport-security"), what).toBeNull();
  }
}

/** The response's X-Request-Id names exactly one JSON request log line describing this response. */
async function expectLoggedAs(response: Response, method: string, url: string) {
  const id = response.headers.get("x-request-id")!;
  const line = await logs.requestLine(id);
  expect(Object.keys(line).sort()).toEqual(["id", "level", "method", "ms", "msg", "path", "status"]);
  expect(line).toMatchObject({ id, method, path: loggedPath(url), status: response.status });
  expect(typeof line.ms).toBe("number");
  expect(String(line.path)).not.toContain("?");
  expect(logs.jsonLines().filter((l) => l.msg === "request" && l.id === id)).toHaveLength(1);
}

beforeAll(async () => {
  app = await startTestApp();
  await seedDemo(app.database.db);
  const buildPath = `../../${process.env.BUILD_DIR || "build"}/index.js`;
  build = (await import(/* @vite-ignore */ buildPath)) as Build;
  logs = captureLogs();
  base = await listen({ NODE_ENV: "production", LOG_LEVEL: "info" });
  routes = await builtRoutes();
  const ids = await withSystem(app.database.db, async (tx) => {
    const one = async (q: ReturnType<typeof sql>) => rowsOf<{ v: string }>(await tx.execute(q))[0]?.v ?? "none";
    const org = first(rowsOf<{ id: string }>(await tx.execute(sql`select id from orgs where slug = 'lumen-labs'`)));
    return {
      roundId: await one(sql`select id::text as v from funding_rounds where org_id = ${org.id} limit 1`),
      facilityId: await one(sql`select id::text as v from debt_facilities where org_id = ${org.id} limit 1`),
      riskId: await one(sql`select id::text as v from risks where org_id = ${org.id} limit 1`),
      metricId: await one(sql`select id::text as v from metric_definitions where org_id = ${org.id} limit 1`),
      month: await one(sql`select month as v from monthly_reports where org_id = ${org.id} order by month desc limit 1`),
    };
  });
  params = { orgSlug: "lumen-labs", ...ids, token: "not-a-token" };
});

afterAll(async () => {
  logs?.restore();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await app?.close();
});

describe("security headers", () => {
  it("are on every response: every route's page, data, actions and redirects, assets, health, 404 and refusals", async () => {
    expect(routes.filter((r) => r.hasAction).length).toBeGreaterThanOrEqual(8);
    const owner = await signedIn(DEMO_USERS.founder.email, DEMO_PASSWORD);
    const anonymous = new TestClient(base);
    const checked: string[] = [];
    const check = async (what: string, method: string, url: string, response: Response) => {
      expectSecurityHeaders(response, what);
      await expectLoggedAs(response, method, url);
      const body = await response.text();
      if ((response.headers.get("content-type") ?? "").startsWith("text/html") && body.includes("<script")) {
        // Every inline and external script carries this response's nonce, so the CSP lets
        // exactly our own scripts run.
        const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy")!)![1];
        const scripts = body.match(/<script\b[^>]*>/g) ?? [];
        for (const tag of scripts) expect(tag, `${what}: ${tag}`).toContain(`nonce="${nonce}"`);
      }
      checked.push(`${method} ${url} → ${response.status}`);
    };

    for (const route of routes) {
      const page = pathFor(route);
      await check(`${route.id} page`, "GET", page, await owner.get(page));
      await check(`${route.id} page, anonymous`, "GET", page, await anonymous.get(page));
      if (route.hasLoader) await check(`${route.id} data`, "GET", dataUrlFor(route), await owner.get(dataUrlFor(route)));
      if (route.hasAction && route.id !== "routes/logout") {
        const url = dataUrlFor(route);
        await check(`${route.id} POST`, "POST", url, await owner.post(url, { intent: "__probe__" }));
        await check(`${route.id} cross-origin POST`, "POST", url, await owner.post(url, { intent: "__probe__" }, { Origin: EVIL }));
      }
    }
    const loggingOut = await signedIn(DEMO_USERS.viewer.email, DEMO_PASSWORD);
    await check("logout", "POST", "/logout", await loggingOut.post("/logout", {}));

    const entryModule = build.assets.entry.module;
    expect(entryModule).toMatch(/^\/build\//);
    const asset = await anonymous.get(entryModule);
    expect(asset.status).toBe(200);
    await check("static asset", "GET", entryModule, asset);
    const missingAsset = await anonymous.get("/build/no-such-file.js");
    expect(missingAsset.status).toBe(404);
    // A plain 404 with our own headers, not Express's error page (which replaced the CSP).
    expect(await (await anonymous.get("/build/no-such-file.js")).text()).toBe("Not found");
    await check("missing asset", "GET", "/build/no-such-file.js", missingAsset);
    await check("public file", "GET", "/favicon.svg", await anonymous.get("/favicon.svg"));
    const health = await anonymous.get("/healthz");
    expect(health.status).toBe(200);
    await check("healthz", "GET", "/healthz", health);
    await check("readyz", "GET", "/readyz", await anonymous.get("/readyz"));
    const missing = await owner.get("/no-such-page");
    expect(missing.status).toBe(404);
    await check("404 page", "GET", "/no-such-page", missing);
    await check("404 for an unknown org", "GET", "/o/no-such-org", await owner.get("/o/no-such-org"));
    const head = await fetch(base + "/login", { method: "HEAD" });
    await check("HEAD", "HEAD", "/login", head);
    expect(checked.length).toBeGreaterThan(routes.length * 2);
  });

  it("gives each response its own CSP nonce and request id", async () => {
    const a = await fetch(base + "/login");
    const b = await fetch(base + "/login");
    expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });

  it("keeps a caller's X-Request-Id (at most 64 characters) so a proxy's id follows the request into the log", async () => {
    const response = await fetch(base + "/healthz", { headers: { "X-Request-Id": "edge-" + "a".repeat(100) } });
    expect(response.headers.get("x-request-id")).toBe(("edge-" + "a".repeat(100)).slice(0, 64));
    await expectLoggedAs(response, "GET", "/healthz");
  });

  it("sends HSTS only in production (a development server on plain http must stay reachable)", async () => {
    const devBase = await listen({ NODE_ENV: "development", LOG_LEVEL: "silent" });
    const response = await fetch(devBase + "/healthz");
    expectSecurityHeaders(response, "development healthz", { production: false });
  });
});

describe("cross-origin POST", () => {
  // Fields that would change something on the routes that take them (settings, invitations, sign-up…).
  const payload = {
    intent: "invite",
    email: "csrf-victim@example.test",
    role: "admin",
    name: "Renamed by an attacker",
    baseCurrency: "EUR",
    budgetOverrunThresholdPercent: "99",
    password: "attacker-password-1",
    currentPassword: DEMO_PASSWORD,
    newPassword: "attacker-password-2",
    confirmPassword: "attacker-password-2",
  };

  it("is refused with 403 on every route with an action, however the browser labels it, and writes nothing", async () => {
    const owner = await signedIn(DEMO_USERS.founder.email, DEMO_PASSWORD);
    const cookie = cookieHeader(owner);
    const before = await fingerprintAll();
    const variants: [string, Record<string, string>][] = [
      ["foreign Origin", { Origin: EVIL }],
      ["foreign Origin claiming same-origin fetch", { Origin: EVIL, "Sec-Fetch-Site": "same-origin" }],
      ["Origin: null (sandboxed frame, data: URL)", { Origin: "null" }],
      ["look-alike Origin", { Origin: `${base}.evil.example` }],
      ["other port", { Origin: base.replace(/:\d+$/, ":1") }],
      ["no Origin, Sec-Fetch-Site cross-site", { "Sec-Fetch-Site": "cross-site" }],
      ["no Origin, Sec-Fetch-Site same-site (a sibling subdomain)", { "Sec-Fetch-Site": "same-site" }],
      ["neither Origin nor Sec-Fetch-Site", {}],
    ];
    for (const route of routes.filter((r) => r.hasAction)) {
      for (const url of [dataUrlFor(route), pathFor(route) + (route.index ? "?index" : "")]) {
        for (const [label, headers] of variants) {
          const response = await rawPost(url, payload, headers, cookie);
          if (ORIGIN_EXEMPT.has(route.id)) {
            // RFC 8058: a mail client posts one-click unsubscribe from nowhere; the token is the
            // capability, and a token that is not ours is a 404 that writes nothing (checked below).
            expect(response.status, `${route.id} ${url} (${label})`).toBe(404);
            continue;
          }
          expect(response.status, `${route.id} ${url} (${label})`).toBe(403);
          expect(await response.text(), `${route.id} (${label})`).toBe(REFUSAL);
        }
      }
    }
    expect(await fingerprintAll()).toEqual(before);
    // The owner's session survived the cross-origin logout attempts.
    expect((await owner.get("/o/lumen-labs")).status).toBe(200);
  });

  it("passes from our own origin (Origin or Sec-Fetch-Site: same-origin) on every route with an action", async () => {
    const owner = await signedIn(DEMO_USERS.founder.email, DEMO_PASSWORD);
    const cookie = cookieHeader(owner);
    for (const route of routes.filter((r) => r.hasAction && r.id !== "routes/logout")) {
      const url = dataUrlFor(route);
      for (const headers of [{ Origin: base }, { "Sec-Fetch-Site": "same-origin" }] as Record<string, string>[]) {
        const response = await rawPost(url, { intent: "__probe__" }, headers, cookie);
        const body = await response.text();
        expect(body === REFUSAL, `${route.id} ${JSON.stringify(headers)} → ${response.status}`).toBe(false);
      }
    }
  });

  it("refuses the same write cross-origin that succeeds same-origin (settings rename)", async () => {
    const owner = await signedIn(DEMO_USERS.founder.email, DEMO_PASSWORD);
    const orgName = async () =>
      withSystem(app.database.db, async (tx) => first(rowsOf<{ name: string }>(await tx.execute(sql`select name from orgs where slug = 'lumen-labs'`))).name);
    const url = routeData("/o/lumen-labs/settings", "routes/o.$orgSlug.settings");
    const form = { name: "Lumen Labs Renamed", baseCurrency: "USD", budgetOverrunThresholdPercent: "10" };
    const original = await orgName();
    expect((await owner.post(url, form, { Origin: EVIL })).status).toBe(403);
    expect(await orgName()).toBe(original);
    const allowed = await owner.post(url, form);
    expect(allowed.status).toBe(204); // saved: the redirect a JavaScript post gets
    expect(await orgName()).toBe("Lumen Labs Renamed");
    await owner.post(url, { ...form, name: original });
  });

  it("a cross-origin logout or password change leaves the session and the password as they were", async () => {
    const browser = new TestClient(base);
    await browser.post("/signup", { email: "csrf-pw@example.test", name: "Pat", password: "original-password-1" });
    const change = { currentPassword: "original-password-1", newPassword: "hijacked-password-2", confirmPassword: "hijacked-password-2" };
    expect((await browser.post("/account/password", change, { Origin: EVIL })).status).toBe(403);
    expect((await browser.post("/logout", {}, { Origin: EVIL })).status).toBe(403);
    expect((await browser.get("/orgs/new")).status).toBe(200);
    await signedIn("csrf-pw@example.test", "original-password-1");
  });
});

describe("session cookie", () => {
  function attributes(setCookie: string) {
    const [pair = "", ...rest] = setCookie.split(";").map((p) => p.trim());
    const attrs = new Map(rest.map((a) => [first(a.split("=")).toLowerCase(), a.includes("=") ? a.slice(a.indexOf("=") + 1) : true] as const));
    return { name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), attrs };
  }

  it("is HttpOnly, SameSite=Lax, Secure, host-only, Path=/ and lives exactly the absolute session lifetime", async () => {
    const maxAge = build.entry.module.getEnv().SESSION_MAX_DAYS * 24 * 60 * 60;
    const browser = new TestClient(base);
    await browser.post("/signup", { email: "cookie-attrs@example.test", name: "C", password: "a-long-password" });
    const fromSignup = browser.lastSetCookie;
    const loginBrowser = await signedIn("cookie-attrs@example.test", "a-long-password");
    for (const [what, lines] of [
      ["sign-up", fromSignup],
      ["login", loginBrowser.lastSetCookie],
    ] as const) {
      expect(lines, what).toHaveLength(1);
      const { name, value, attrs } = attributes(at(lines, 0));
      expect(name, what).toBe("cd_session");
      expect(value.length, `${what}: unguessable`).toBeGreaterThanOrEqual(24);
      expect(attrs.get("httponly"), what).toBe(true);
      expect(String(attrs.get("samesite")).toLowerCase(), what).toBe("lax");
      expect(attrs.get("secure"), what).toBe(true);
      expect(attrs.get("path"), what).toBe("/");
      expect(attrs.has("domain"), `${what}: host-only`).toBe(false);
      expect(Number(attrs.get("max-age")), what).toBe(maxAge);
    }
    await loginBrowser.post("/logout", {});
    const cleared = attributes(at(loginBrowser.lastSetCookie, 0));
    expect(cleared.name).toBe("cd_session");
    expect(cleared.value).toBe("");
    expect(cleared.attrs.get("max-age")).toBe("0");
    expect(cleared.attrs.get("path")).toBe("/");
    expect(cleared.attrs.get("httponly")).toBe(true);
  });

  it("is Secure by default in production, without any setting", () => {
    expect(parseEnv({ NODE_ENV: "production" }).cookieSecure).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", COOKIE_SECURE: "" }).cookieSecure).toBe(true);
  });
});

describe("session invalidation", () => {
  async function isSignedIn(cookieValue: string) {
    const replay = new TestClient(base);
    replay.cookies.set("cd_session", cookieValue);
    const page = await replay.get("/orgs/new");
    const data = await replay.get(routeData("/orgs/new", "routes/orgs.new"));
    if (page.status === 200 && data.status === 200) return true;
    expect(page.headers.get("location")).toMatch(/^\/login/);
    expect(data.headers.get("x-remix-redirect") ?? data.headers.get("location")).toMatch(/^\/login/);
    return false;
  }

  async function storedSession(cookieValue: string) {
    const hash = crypto.createHash("sha256").update(cookieValue).digest("hex");
    return withSystem(app.database.db, async (tx) => rowsOf(await tx.execute(sql`select id from sessions where id = ${hash}`)).length);
  }

  it("logout ends the session on the server: the old cookie replayed afterwards is rejected", async () => {
    const browser = await signedIn(DEMO_USERS.founder.email, DEMO_PASSWORD);
    const old = browser.cookies.get("cd_session")!;
    expect(await isSignedIn(old)).toBe(true);
    expect(await storedSession(old)).toBe(1);
    expect((await browser.post("/logout", {})).status).toBe(302);
    expect(await storedSession(old)).toBe(0);
    expect(await isSignedIn(old)).toBe(false);
    // A replayed cookie cannot log out or post anything either.
    const replay = new TestClient(base);
    replay.cookies.set("cd_session", old);
    const post = await replay.post(routeData("/o/lumen-labs/settings", "routes/o.$orgSlug.settings"), {
      name: "Replayed",
      baseCurrency: "USD",
      budgetOverrunThresholdPercent: "10",
    });
    expect(post.headers.get("x-remix-redirect") ?? post.headers.get("location")).toMatch(/^\/login/);
  });

  it("a password change ends every session including the changing browser's old cookie, and the old password stops working", async () => {
    const laptop = new TestClient(base);
    await laptop.post("/signup", { email: "rotate@example.test", name: "R", password: "first-password-1" });
    const laptopOld = laptop.cookies.get("cd_session")!;
    const phone = await signedIn("rotate@example.test", "first-password-1");
    const phoneOld = phone.cookies.get("cd_session")!;
    const changed = await laptop.post("/account/password", {
      currentPassword: "first-password-1",
      newPassword: "second-password-2",
      confirmPassword: "second-password-2",
    });
    expect(changed.status).toBe(302);
    const laptopNew = laptop.cookies.get("cd_session")!;
    expect(laptopNew).not.toBe(laptopOld);
    expect(await isSignedIn(laptopOld)).toBe(false);
    expect(await isSignedIn(phoneOld)).toBe(false);
    expect(await isSignedIn(laptopNew)).toBe(true);
    expect(
      (await new TestClient(base).post("/login", { email: "rotate@example.test", password: "first-password-1" }, { "X-Forwarded-For": "198.51.100.20" }))
        .status,
    ).toBe(401);
    await signedIn("rotate@example.test", "second-password-2");
  });
});

describe("login throttling (beyond tests/integration/auth-http.test.ts)", () => {
  it("an account lock cannot be dodged by changing the email's case or spacing", async () => {
    await new TestClient(base).post("/signup", { email: "casey@example.test", name: "Casey", password: "the-right-password" });
    const attacker = new TestClient(base);
    // The lock is per account and address (issue #13; tests/integration/throttles.test.ts).
    const from = { "X-Forwarded-For": "198.51.100.30" };
    const variants = ["casey@example.test", "CASEY@example.test", " Casey@Example.Test ", "casey@EXAMPLE.TEST", "Casey@example.test"];
    for (const [i, email] of variants.entries()) {
      expect((await attacker.post("/login", { email, password: `wrong-${i}` }, from)).status, email).toBe(401);
    }
    for (const email of ["CASEY@example.test", " Casey@Example.Test ", "casey@EXAMPLE.TEST"]) {
      const response = await attacker.post("/login", { email, password: "the-right-password" }, from);
      expect(response.status, email).toBe(429);
    }
  });

  it("locks an unknown address exactly like a real one, so the lock does not reveal which accounts exist", async () => {
    await new TestClient(base).post("/signup", { email: "real@example.test", name: "Real", password: "the-right-password" });
    const attacker = new TestClient(base);
    const run = async (email: string, ip: string) => {
      const statuses: number[] = [];
      let last = "";
      for (let i = 0; i < 6; i++) {
        const response = await attacker.post(routeData("/login", "routes/login"), { email, password: `wrong-${i}` }, { "X-Forwarded-For": ip });
        statuses.push(response.status);
        last = await response.text();
      }
      return { statuses, last };
    };
    const real = await run("real@example.test", "198.51.100.40");
    const ghost = await run("ghost@example.test", "198.51.100.41");
    expect(ghost.statuses).toEqual(real.statuses);
    expect(ghost.last).toBe(real.last);
    expect(real.statuses.at(-1)).toBe(429);
  });
});

describe("logs", () => {
  it("hold no password, session token or invitation token through sign-up, login, invitation and password change", async () => {
    const from = logs.chunks.length;
    const secrets: string[] = [];
    const password = (label: string) => {
      const value = `${label}-${crypto.randomBytes(6).toString("hex")}`;
      secrets.push(value);
      return value;
    };
    const sessionsOf = (client: TestClient) => {
      for (const value of client.cookies.values()) secrets.push(value);
    };
    const ownerPassword = password("owner-pass");
    const wrongPassword = password("wrong-guess");
    const wrongCurrent = password("wrong-current");
    const inviteePassword = password("invitee-pass");
    const newPassword = password("rotated-pass");
    const ids: string[] = [];
    const track = (response: Response) => {
      ids.push(response.headers.get("x-request-id")!);
      return response;
    };

    const owner = new TestClient(base);
    expect(track(await owner.post("/signup", { email: "logs-owner@example.test", name: "Logan", password: ownerPassword })).status).toBe(302);
    sessionsOf(owner);
    const guesser = new TestClient(base);
    expect(
      track(await guesser.post("/login", { email: "logs-owner@example.test", password: wrongPassword }, { "X-Forwarded-For": "198.51.100.60" })).status,
    ).toBe(401);
    const second = new TestClient(base);
    expect(track(await second.post("/login?redirectTo=/orgs/new", { email: "logs-owner@example.test", password: ownerPassword })).status).toBe(302);
    sessionsOf(second);
    expect(track(await owner.post("/orgs/new", { name: "Logbook Labs", kind: "startup", baseCurrency: "usd" })).headers.get("location")).toBe(
      "/o/logbook-labs",
    );

    const invite = await owner.post(routeData("/o/logbook-labs/members", "routes/o.$orgSlug.members"), {
      intent: "invite",
      email: "logs-invitee@example.test",
      role: "member",
    });
    track(invite);
    const link = ((await invite.json()) as { link: string }).link;
    const token = at(link.split("/invite/"), 1);
    expect(token.length).toBeGreaterThanOrEqual(32);
    secrets.push(token);

    const invitee = new TestClient(base);
    expect(track(await invitee.get(`/invite/${token}`)).status).toBe(200);
    expect(track(await invitee.get(routeData(`/invite/${token}`, "routes/invite.$token"))).status).toBe(200);
    track(
      await invitee.post(`/signup?redirectTo=${encodeURIComponent(`/invite/${token}`)}`, {
        email: "logs-invitee@example.test",
        name: "Ivy",
        password: inviteePassword,
        redirectTo: `/invite/${token}`,
      }),
    );
    sessionsOf(invitee);
    expect(track(await invitee.post(`/invite/${token}`, {})).headers.get("location")).toBe("/o/logbook-labs");
    // Used link: answered the same as any unknown link, still not logged.
    expect(track(await invitee.get(`/invite/${token}`)).status).toBe(404);

    expect(
      track(
        await owner.post(routeData("/account/password", "routes/account.password"), {
          currentPassword: wrongCurrent,
          newPassword,
          confirmPassword: newPassword,
        }),
      ).status,
    ).toBe(400);
    expect(track(await owner.post("/account/password", { currentPassword: ownerPassword, newPassword, confirmPassword: newPassword })).status).toBe(302);
    sessionsOf(owner);
    expect(track(await owner.post("/logout", {})).status).toBe(302);

    for (const id of ids) await logs.requestLine(id);
    const output = logs.chunks.slice(from).join("");
    expect(output).toContain('"msg":"request"');
    for (const secret of new Set(secrets)) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      for (const form of new Set([secret, encodeURIComponent(secret), secret.slice(0, 16)])) {
        expect(output.includes(form), `log output contains a secret (${secret.slice(0, 4)}…)`).toBe(false);
      }
    }
    const inviteLines = logs.jsonLines().filter((l) => l.msg === "request" && ids.includes(String(l.id)) && String(l.path).startsWith("/invite"));
    expect(inviteLines.map((l) => l.path)).toEqual(["/invite/:token", "/invite/:token", "/invite/:token", "/invite/:token"]);
  });

  it("every request line is JSON with id, method, path, status and ms, and never a query string", async () => {
    await fetch(`${base}/login?redirectTo=${encodeURIComponent("/o/secret-query")}&token=query-secret-123`);
    await fetch(`${base}/no-such-page?password=hunter2-query`);
    const lines = logs.jsonLines().filter((l) => l.msg === "request");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).toEqual({
        level: "info",
        msg: "request",
        id: expect.any(String),
        method: expect.any(String),
        path: expect.any(String),
        status: expect.any(Number),
        ms: expect.any(Number),
      });
      expect(String(line.path)).not.toMatch(/[?#]/);
    }
    // React Router's development build warns "No routes matched location <path + query>" for an
    // unknown URL. That warning is compiled out when NODE_ENV=production (how server.mjs runs);
    // this test process runs with NODE_ENV=test, so that one dev-only line is set aside here.
    const output = logs
      .text()
      .split("\n")
      .filter((line) => !line.startsWith("No routes matched location "))
      .join("\n");
    for (const secret of ["query-secret-123", "hunter2-query", "secret-query"]) expect(output).not.toContain(secret);
  });

  it("keeps the token out of the log for every route that takes one in its path", async () => {
    const tokenRoutes = routes.filter((r) => /:(\w*(token|secret|key|code)\w*)/i.test(r.pattern));
    expect(tokenRoutes.map((r) => r.id)).toContain("routes/invite.$token");
    for (const route of tokenRoutes) {
      const secret = `tok${crypto.randomBytes(16).toString("hex")}`;
      const path = route.pattern.replace(/:(\w+)/g, (_, name: string) =>
        /(token|secret|key|code)/i.test(name) ? secret : encodeURIComponent(params[name] ?? "x"),
      );
      for (const url of [path, path.toUpperCase().replace(secret.toUpperCase(), secret), `${path}/`]) {
        const response = await fetch(base + url, { redirect: "manual" });
        const line = await logs.requestLine(response.headers.get("x-request-id")!);
        expect(String(line.path), `${route.id} ${url}`).not.toContain(secret);
      }
    }
    expect(logs.text()).not.toMatch(/tok[0-9a-f]{32}/);
  });
});

describe("production error pages", () => {
  const INTERNAL = 'relation "secret_internal_table" failed at /srv/app/db/secret.ts:42';

  /** A database whose every query fails with a plain Error, as a broken driver would. */
  function failingDatabase(): Database {
    const fail = () => {
      throw new Error(INTERNAL);
    };
    const db = new Proxy({}, { get: () => fail }) as unknown as Database["db"];
    return { db, driver: app.database.driver, close: async () => {} };
  }

  function expectNoInternals(body: string, what: string) {
    expect(body, what).not.toContain("secret_internal_table");
    expect(body, what).not.toContain(INTERNAL);
    expect(body, what).not.toMatch(/\bat .+[(:]\d+:\d+\)?/); // stack frames
    expect(body, what).not.toMatch(/\/(srv|work|home|app|node_modules)\//);
    expect(body, what).not.toMatch(/\.(ts|tsx|mjs|js):\d+/);
    expect(body, what).not.toMatch(/PGlite|postgres\.js|CONNECTION_ENDED|drizzle|\bError:/i);
  }

  async function withDatabase<T>(database: Database, work: () => Promise<T>): Promise<T> {
    build.entry.module.useDatabase(database);
    try {
      return await work();
    } finally {
      build.entry.module.useDatabase(app.database);
    }
  }

  async function expectServerErrorPage(url: string, client: TestClient, what: string) {
    const page = await client.get(url);
    expect([500, 503], `${what}: ${url}`).toContain(page.status);
    expectSecurityHeaders(page, what);
    await expectLoggedAs(page, "GET", url);
    const html = await page.text();
    expect(html).toMatch(/Something went wrong|Temporarily unavailable/);
    expectNoInternals(html, `${what} page`);
    const dataUrl = url.includes("?") ? routeData(url, "routes/invite.$token") : routeData(url, "routes/invite.$token");
    const data = await client.get(dataUrl);
    expect([500, 503], `${what}: data`).toContain(data.status);
    expectNoInternals(await data.text(), `${what} data`);
  }

  it("a loader whose database throws answers a plain 500/503 page with no message, stack or file path", async () => {
    const before = logs.chunks.length;
    await withDatabase(failingDatabase(), async () => {
      await expectServerErrorPage("/invite/some-token", new TestClient(base), "failing database");
      // Signed in: the session lookup itself fails.
      const owner = new TestClient(base);
      owner.cookies.set("cd_session", "a".repeat(40));
      const page = await owner.get("/o/lumen-labs");
      expect([500, 503]).toContain(page.status);
      expectNoInternals(await page.text(), "org page");
      const post = await owner.post("/orgs/new", { name: "X", kind: "startup", baseCurrency: "usd" });
      expect([500, 503]).toContain(post.status);
      expectNoInternals(await post.text(), "action");
    });
    // The details go to the log for the operator instead.
    expect(logs.chunks.slice(before).join("")).toContain("secret_internal_table");
  });

  it("a database that has been closed answers the same plain error page, and the app recovers when it is back", async () => {
    const closed = await openTestDatabase();
    await closed.close();
    await withDatabase(closed, async () => {
      await expectServerErrorPage("/invite/some-token", new TestClient(base), "closed database");
    });
    expect((await fetch(base + "/login")).status).toBe(200);
  });
});
