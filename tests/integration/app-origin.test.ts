// Issue #13, finding 8: without APP_ORIGIN the Origin check and invitation links trusted the
// Host header, so a request with `Host: evil.example` and `Origin: http://evil.example` passed
// the check, and an invitation made through it pointed at evil.example. Now, unset, APP_ORIGIN
// means "this machine": only requests addressed to localhost / 127.0.0.1 / [::1] at the port the
// server listens on are answered (421 otherwise); set, it is the one origin, whatever the Host.
import http from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";
import { rowsOf } from "../../db/client";
import { invitations } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { startTestApp, type TestClient, type TestApp } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { routeData } from "../support/route-data";
import { first } from "../support/at";

const PUBLIC_ORIGIN = "https://desk.example.com";
const MEMBERS_DATA = (slug: string) => routeData(`/o/${slug}/members`, "routes/o.$orgSlug.members");
const SETTINGS_DATA = (slug: string) => routeData(`/o/${slug}/settings`, "routes/o.$orgSlug.settings");

let app: TestApp;
let port: number;
let publicBase: string;
let server: Server;
let owner: TestClient;
let cookie: string;
let slug: string;
let orgId: string;

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A request with exactly these headers (fetch will not let a caller set Host). */
function raw(base: string, method: string, path: string, headers: Record<string, string>, form?: Record<string, string>): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const request = http.request(base + path, {
      method,
      headers: { ...headers, ...(body ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) } : {}) },
    });
    request.on("response", (response) => {
      const parts: Buffer[] = [];
      response.on("data", (d: Buffer) => parts.push(d));
      response.on("end", () => resolve({ status: response.statusCode!, body: Buffer.concat(parts).toString(), headers: response.headers }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function invitationCount() {
  return withSystem(app.database.db, async (tx) => (await tx.select().from(invitations).where(eq(invitations.orgId, orgId))).length);
}

async function orgName() {
  return withSystem(app.database.db, async (tx) => first(rowsOf<{ name: string }>(await tx.execute(sql`select name from orgs where id = ${orgId}`))).name);
}

beforeAll(async () => {
  app = await startTestApp();
  port = Number(new URL(app.url).port);
  // The same app with APP_ORIGIN set, as behind a proxy.
  const buildPath = `../../${process.env.BUILD_DIR || "build"}/index.js`;
  const build = (await import(/* @vite-ignore */ buildPath)) as { entry: { module: { getEnv(): Record<string, unknown> } } };
  const { createApp } = await import("../../server.mjs");
  const express = createApp({ build, env: { ...build.entry.module.getEnv(), NODE_ENV: "production", APP_ORIGIN: PUBLIC_ORIGIN } });
  server = await new Promise((resolve) => {
    const s = express.listen(0, "127.0.0.1", () => resolve(s));
  });
  publicBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const made = await makeOrgWithOwner(app.database, "startup", "Origin Labs");
  slug = made.org.slug;
  orgId = made.org.id;
  owner = app.client();
  await owner.login(made.owner.email, TEST_PASSWORD);
  cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await app?.close();
});

describe("without APP_ORIGIN: this machine only", () => {
  it("answers a request addressed to localhost, 127.0.0.1 or [::1] at its own port", async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const answer = await raw(app.url, "GET", "/login", { Host: host });
      expect(answer.status, host).toBe(200);
    }
  });

  it("refuses any other Host with 421 and a message naming APP_ORIGIN, in both languages", async () => {
    const forged = [
      "evil.example",
      `evil.example:${port}`,
      `127.0.0.1:${port}.evil.example`,
      `localhost.evil.example:${port}`,
      `localhost:${port}@evil.example`,
      `evil.example@localhost:${port}`,
      `127.0.0.1:${port + 1}`,
      "localhost",
    ];
    for (const host of forged) {
      const answer = await raw(app.url, "GET", "/login", { Host: host });
      expect(answer.status, `Host: ${host}`).toBe(421);
      expect(answer.body, host).toContain("APP_ORIGIN");
      expect(answer.body, host).toMatch(/[\u4e00-\u9fff]/);
      expect(answer.body, host).not.toContain("evil");
    }
  });

  it("a forged Host cannot make an invitation link", async () => {
    const before = await invitationCount();
    const forged = await raw(
      app.url,
      "POST",
      MEMBERS_DATA(slug),
      { Host: "evil.example", Origin: "http://evil.example", Cookie: cookie },
      { intent: "invite", email: "forged@example.test", role: "member" },
    );
    expect(forged.status, forged.body.slice(0, 200)).toBe(421);
    expect(forged.body).not.toContain("/invite/");
    expect(await invitationCount()).toBe(before);
    // A proxy header from a trusted hop does not name the origin either.
    const viaProxy = await raw(
      app.url,
      "POST",
      MEMBERS_DATA(slug),
      { Host: `127.0.0.1:${port}`, "X-Forwarded-Host": "evil.example", Origin: app.url, Cookie: cookie },
      { intent: "invite", email: "proxied@example.test", role: "member" },
    );
    expect(viaProxy.status, viaProxy.body.slice(0, 200)).toBe(200);
    expect((JSON.parse(viaProxy.body) as { link: string }).link.startsWith(`${app.url}/invite/`)).toBe(true);
    const local = await raw(
      app.url,
      "POST",
      MEMBERS_DATA(slug),
      { Host: `localhost:${port}`, Origin: `http://localhost:${port}`, Cookie: cookie },
      { intent: "invite", email: "local@example.test", role: "member" },
    );
    expect((JSON.parse(local.body) as { link: string }).link.startsWith(`http://localhost:${port}/invite/`)).toBe(true);
  });

  it("a forged Host cannot pass the Origin check", async () => {
    const before = await orgName();
    const form = { name: "Renamed through a forged Host", baseCurrency: "USD", budgetOverrunThresholdPercent: "10" };
    const forged = await raw(app.url, "POST", SETTINGS_DATA(slug), { Host: "evil.example", Origin: "http://evil.example", Cookie: cookie }, form);
    expect(forged.status).toBe(421);
    // A loopback Host with a foreign Origin is the ordinary cross-origin refusal.
    const crossOrigin = await raw(app.url, "POST", SETTINGS_DATA(slug), { Host: `localhost:${port}`, Origin: "http://evil.example", Cookie: cookie }, form);
    expect(crossOrigin.status).toBe(403);
    expect(await orgName()).toBe(before);
  });
});

describe("with APP_ORIGIN: that origin, whatever the Host says", () => {
  it("serves any Host (a proxy may send its own), but links and the Origin check use APP_ORIGIN", async () => {
    const page = await raw(publicBase, "GET", "/login", { Host: "internal-name:8080" });
    expect(page.status).toBe(200);
    const before = await invitationCount();
    const forged = await raw(
      publicBase,
      "POST",
      MEMBERS_DATA(slug),
      { Host: "evil.example", Origin: "http://evil.example", Cookie: cookie },
      { intent: "invite", email: "forged2@example.test", role: "member" },
    );
    expect(forged.status).toBe(403);
    expect(await invitationCount()).toBe(before);
    const invited = await raw(
      publicBase,
      "POST",
      MEMBERS_DATA(slug),
      { Host: "evil.example", Origin: PUBLIC_ORIGIN, Cookie: cookie },
      { intent: "invite", email: "public@example.test", role: "member" },
    );
    expect(invited.status, invited.body.slice(0, 200)).toBe(200);
    expect((JSON.parse(invited.body) as { link: string }).link.startsWith(`${PUBLIC_ORIGIN}/invite/`)).toBe(true);
  });

  it("must be an origin: scheme and host, no path; a trailing slash is dropped", () => {
    expect(parseEnv({ APP_ORIGIN: "https://desk.example.com/" }).APP_ORIGIN).toBe("https://desk.example.com");
    expect(parseEnv({ APP_ORIGIN: "http://localhost:8080" }).APP_ORIGIN).toBe("http://localhost:8080");
    expect(() => parseEnv({ APP_ORIGIN: "https://desk.example.com/app" })).toThrow(/APP_ORIGIN/);
    expect(() => parseEnv({ APP_ORIGIN: "ftp://desk.example.com" })).toThrow(/APP_ORIGIN/);
    expect(() => parseEnv({ APP_ORIGIN: "desk.example.com" })).toThrow(/APP_ORIGIN/);
  });
});
