// Issue #13, finding 8: authenticated HTML, `_data` and CSV answers carried no Cache-Control,
// so a shared cache or the browser's disk could keep a founder's figures. Every answer the app
// renders now says `private, no-store` unless its route chose otherwise; built assets keep
// their year-long immutable caching.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { routeData } from "../support/route-data";

const NO_STORE = "private, no-store";

let app: TestApp;
let owner: TestClient;
let slug: string;

beforeAll(async () => {
  app = await startTestApp();
  const { org, owner: user } = await makeOrgWithOwner(app.database, "startup", "Cache Labs");
  slug = org.slug;
  owner = app.client();
  await owner.login(user.email, TEST_PASSWORD);
});

afterAll(() => app?.close());

function cacheControlOf(response: Response, what: string) {
  const value = response.headers.get("cache-control");
  // One header, not the app's and the edge's both (fetch joins repeated headers with ", ").
  expect(value?.split(",").filter((part) => part.trim().startsWith("max-age")).length ?? 0, what).toBeLessThanOrEqual(1);
  return value;
}

describe("a signed-in user's answers are never stored by a cache", () => {
  it("HTML pages, `_data` answers, CSV exports, redirects and error pages say private, no-store", async () => {
    const answers: [string, Response][] = [
      ["dashboard page", await owner.get(`/o/${slug}`)],
      ["dashboard data", await owner.get(routeData(`/o/${slug}`, "routes/o.$orgSlug._index"))],
      ["root data", await owner.get(routeData(`/o/${slug}`, "root"))],
      ["risks page", await owner.get(`/o/${slug}/risks`)],
      ["risks CSV", await owner.get(`/o/${slug}/risks.csv`)],
      ["reports CSV", await owner.get(`/o/${slug}/reports.csv`)],
      ["audit CSV", await owner.get(`/o/${slug}/audit.csv`)],
      ["redirect", await owner.get("/")],
      ["another org: 404 page", await owner.get("/o/no-such-org")],
      ["unknown page", await owner.get("/no-such-page")],
      [
        "a saved form",
        await owner.post(routeData(`/o/${slug}/settings`, "routes/o.$orgSlug.settings"), {
          name: "Cache Labs",
          baseCurrency: "USD",
          budgetOverrunThresholdPercent: "10",
        }),
      ],
    ];
    for (const [what, response] of answers) {
      expect(response.status, what).toBeLessThan(500);
      expect(cacheControlOf(response, what), `${what} (${response.status})`).toBe(NO_STORE);
    }
  });

  it("so do the pages anyone can open: sign-in (it carries a per-request CSP nonce) and a share link's report", async () => {
    const anonymous = app.client();
    for (const path of ["/login", "/signup", routeData("/login", "routes/login"), "/r/not-a-token"]) {
      const response = await anonymous.get(path);
      expect(cacheControlOf(response, path), `${path} (${response.status})`).toBe(NO_STORE);
    }
  });

  it("built assets keep their immutable year, public files their hour, the messages endpoint its own choice", async () => {
    const page = await (await owner.get(`/o/${slug}`)).text();
    const script = /<script[^>]+src="(\/build\/[^"]+\.js)"/.exec(page)?.[1] ?? /href="(\/build\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeTruthy();
    const asset = await owner.get(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const favicon = await owner.get("/favicon.svg");
    expect(favicon.headers.get("cache-control")).toBe("public, max-age=3600");
  });
});
