import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";

/** Each account page leads to the others and back to the app, in the reader's language. */
let app: TestApp;
let person: TestClient;

beforeAll(async () => {
  app = await startTestApp();
  const { owner } = await makeOrgWithOwner(app.database, "startup", "Account Pages AI");
  person = app.client();
  await person.login(owner.email, TEST_PASSWORD);
}, 60_000);
afterAll(() => app?.close());

const PAGES = ["/account/password", "/account/two-factor", "/account/data", "/account/delete"];

describe("the account pages", () => {
  for (const page of PAGES) {
    it(`${page} links to the other account pages and back`, async () => {
      const response = await person.get(page);
      expect(response.status).toBe(200);
      const html = await response.text();
      for (const other of PAGES.filter((p) => p !== page)) expect(html, other).toContain(`href="${other}"`);
      expect(html).toContain('aria-label="Your account"');
    });
  }

  it("names the links in Chinese for a Chinese reader", async () => {
    const html = await (await person.get("/account/data", { "Accept-Language": "zh-CN" })).text();
    expect(html).toContain('aria-label="您的账户"');
    expect(html).toContain("删除");
    expect(html).toContain("两步验证");
  });

  it("the two-factor page speaks Chinese to a Chinese reader", async () => {
    const html = await (await person.get("/account/two-factor", { "Accept-Language": "zh-CN" })).text();
    expect(html).toContain("两步验证未开启");
    expect(html).toContain("设置身份验证器应用");
  });
});
