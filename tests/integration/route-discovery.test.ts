// Decision 030: a page carries the manifest entries of its own routes only (Remix's lazy route
// discovery), not the whole app's manifest file, so a new route adds no weight to every page.
// The router asks /__manifest for the routes of the links it meets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app-server";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(() => app?.close());

describe("lazy route discovery", () => {
  it("the sign-in page neither preloads nor imports the whole manifest, and names only its own routes inline", async () => {
    const html = await (await app.client().get("/login")).text();
    expect(html).not.toMatch(/<link[^>]*rel="modulepreload"[^>]*href="\/build\/manifest-/);
    expect(html).not.toMatch(/import "\/build\/manifest-/);
    const inline = /window\.__remixManifest = (\{[\s\S]*?\n\});/.exec(html)?.[1] ?? "";
    const routes = Object.keys((JSON.parse(inline) as { routes: Record<string, unknown> }).routes);
    expect(routes).toEqual(expect.arrayContaining(["root", "routes/login"]));
    expect(routes).not.toContain("routes/o.$orgSlug.portfolio._index");
  });

  it("/__manifest answers the routes of a path the page links to", async () => {
    const html = await (await app.client().get("/login")).text();
    const version = /"version": "([^"]+)"/.exec(html)?.[1] ?? "";
    expect(version).not.toBe("");
    const response = await app.client().get(`/__manifest?p=${encodeURIComponent("/signup")}&version=${version}`);
    expect(response.status).toBe(200);
    expect(Object.keys((await response.json()) as Record<string, unknown>)).toContain("routes/signup");
  });
});
