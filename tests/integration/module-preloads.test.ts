// Issue #15, item 21: a page's JavaScript only hydrates what the server already rendered, so its
// modules must not compete with the first paint. Every module Remix preloads is announced first
// at low fetch priority (decision 030); the browser's module map then serves Remix's own
// high-priority links and imports from that one fetch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(() => app?.close());

/** Each `<link rel="modulepreload">` in document order: its address and whether it asks for low priority. */
function modulePreloads(html: string) {
  return [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*>/g)].map(([tag]) => ({
    href: /href="([^"]+)"/.exec(tag)?.[1] ?? "",
    low: /fetchpriority="low"/.test(tag),
  }));
}

function expectEveryModuleLowFirst(html: string) {
  const links = modulePreloads(html);
  const firstOf = new Map<string, boolean>();
  for (const link of links) if (!firstOf.has(link.href)) firstOf.set(link.href, link.low);
  // Remix's own links are there too (it preloads the entry, the manifest and each route's chunks).
  expect(links.some((link) => !link.low)).toBe(true);
  expect(firstOf.size).toBeGreaterThan(5);
  for (const [href, low] of firstOf) expect(low, `${href} is first announced at low priority`).toBe(true);
}

describe("module preloads", () => {
  it("the sign-in page announces each module at low priority before Remix's own link", async () => {
    const html = await (await app.client().get("/login")).text();
    expectEveryModuleLowFirst(html);
  });

  it("a signed-in page does too, for its route's own chunks", async () => {
    const { org, owner } = await makeOrgWithOwner(app.database, "startup", "Preload Labs");
    const client = app.client();
    await client.login(owner.email, TEST_PASSWORD);
    const html = await (await client.get(`/o/${org.slug}`)).text();
    expectEveryModuleLowFirst(html);
    expect(html).toMatch(/rel="modulepreload"[^>]*href="[^"]*routes\/o\.\$orgSlug\._index-[^"]+\.js"[^>]*fetchpriority="low"/);
  });
});
