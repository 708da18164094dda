// Issue #13, finding 8: the embedded database in production mode seeds the demo accounts and
// prints their password on /login. The demo stays, but is unmistakable: once the demo accounts
// exist on the embedded database every page carries a banner (English and Chinese), and a
// DATABASE_URL database never shows the banner or the password, even when seeded by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../../db/seed";
import { startTestApp, type TestApp } from "../support/app-server";
import { routeData } from "../support/route-data";

const BANNER_EN = "Demo data — shared password, do not store real figures";
const BANNER_ZH = "演示数据——密码公开共享，请勿存放真实数据";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function page(path: string, client = app.client(), headers: Record<string, string> = {}) {
  const response = await client.get(path, headers);
  expect(response.status, path).toBe(200);
  return await response.text();
}

describe("the demo banner", () => {
  it("is absent while the demo accounts do not exist", async () => {
    for (const path of ["/login", "/signup"]) {
      const html = await page(path);
      expect(html, path).not.toContain(BANNER_EN);
      expect(html, path).not.toContain(DEMO_PASSWORD);
    }
  });

  it("is on every page once the demo is seeded on the embedded database, and never on DATABASE_URL", async () => {
    await seedDemo(app.database.db);
    const founder = app.client();
    await founder.login(DEMO_USERS.founder.email, DEMO_PASSWORD);
    const pages = {
      login: await page("/login"),
      loginZh: await page("/login", app.client(), { "Accept-Language": "zh-CN" }),
      signup: await page("/signup"),
      dashboard: await page("/o/lumen-labs", founder),
      reports: await page("/o/lumen-labs/reports", founder),
    };
    if (app.database.driver === "pglite") {
      expect(pages.login).toContain(BANNER_EN);
      expect(pages.login).toContain(DEMO_PASSWORD);
      expect(pages.loginZh).toContain(BANNER_ZH);
      expect(pages.loginZh).not.toContain(BANNER_EN);
      expect(pages.signup).toContain(BANNER_EN);
      expect(pages.dashboard).toContain(BANNER_EN);
      expect(pages.reports).toContain(BANNER_EN);
      // The same on the data a client-side navigation reads.
      const root = await (await founder.get(routeData("/o/lumen-labs", "root"))).json();
      expect(root).toMatchObject({ demo: true });
    } else {
      for (const [name, html] of Object.entries(pages)) {
        expect(html, name).not.toContain(BANNER_EN);
        expect(html, name).not.toContain(BANNER_ZH);
        expect(html, name).not.toContain(DEMO_PASSWORD);
      }
      const root = await (await founder.get(routeData("/o/lumen-labs", "root"))).json();
      expect(root).toMatchObject({ demo: false });
    }
  });
});
