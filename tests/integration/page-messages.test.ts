import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en, zh } from "../../app/i18n/messages";
import type { PageMessages } from "../../app/i18n/browser-messages";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { messagesBlockOf } from "../support/messages-block";

/**
 * The browser gets the messages its page uses, in its language, and no catalogue: issue #7's
 * JavaScript budget (both catalogues in the bundle cost 61 KB gzipped on every page).
 */
let app: TestApp;
let founder: TestClient;
let slug: string;
beforeAll(async () => {
  app = await startTestApp();
  const org = await makeOrgWithOwner(app.database, "startup", "Messages Labs");
  slug = org.org.slug;
  founder = app.client();
  await founder.login(org.owner.email, TEST_PASSWORD);
}, 60_000);
afterAll(() => app?.close());

const ZH = { "Accept-Language": "zh-CN,zh;q=0.9" };
const assetsDir = path.resolve(process.env.BUILD_DIR && process.env.BUILD_DIR !== "build" ? `${process.env.BUILD_DIR}/public/build` : "public/build");

function pageMessages(html: string): PageMessages {
  const block = messagesBlockOf(html);
  expect(block, "the page carries its messages").not.toBeNull();
  return JSON.parse(block!) as PageMessages;
}

function buildVersion(html: string): string {
  const match = /\/build\/manifest-([0-9A-F]{8})\.js/.exec(html);
  expect(match).not.toBeNull();
  return match![1]!.toLowerCase();
}

describe("messages in the page", () => {
  it("carries the keys the page's code uses, in the page's language, and few others", async () => {
    const page = pageMessages(await (await app.client().get("/login")).text());
    expect(page.locale).toBe("en");
    expect(page.routes).toEqual(["root", "routes/login"]);
    expect(page.messages["auth.login.submit"]).toBe(en["auth.login.submit"]);
    expect(page.messages["layout.language"]).toBe(en["layout.language"]); // the language switch
    expect(page.messages["investor.alerts.title"]).toBeUndefined();
    expect(Object.keys(page.messages).length).toBeLessThan(Object.keys(en).length / 10);

    const chinese = pageMessages(await (await app.client().get("/login", ZH)).text());
    expect(chinese.locale).toBe("zh-CN");
    expect(chinese.messages["auth.login.submit"]).toBe(zh["auth.login.submit"]);
  });

  it("includes keys that arrive in loader data (the round form's rules)", async () => {
    const html = await (await founder.get(`/o/${slug}/rounds`)).text();
    expect(html).toContain(en["records.round.rule.preMoney"]);
    expect(pageMessages(html).messages["records.round.rule.preMoney"]).toBe(en["records.round.rule.preMoney"]);
  });

  it("keeps both catalogues out of the browser's JavaScript", () => {
    const files = fs.readdirSync(assetsDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(10);
    const samples = [en["records.round.rule.preMoney"], zh["records.round.rule.preMoney"], zh["investor.alerts.title"], en["admin.members.title"]];
    for (const file of files) {
      const code = fs.readFileSync(path.join(assetsDir, file), "utf8");
      for (const sample of samples) expect(code.includes(sample), `${file} contains "${sample}"`).toBe(false);
    }
  });
});

describe("GET /i18n", () => {
  it("answers a navigation's routes and data keys in the asked language, cacheable for the build", async () => {
    const v = buildVersion(await (await app.client().get("/login")).text());
    const response = await app.client().get(`/i18n?locale=zh-CN&v=${v}&routes=root,routes/signup&keys=records.round.rule.preMoney`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
    const body = (await response.json()) as PageMessages;
    expect(body.locale).toBe("zh-CN");
    expect(body.messages["auth.signup.title"]).toBe(zh["auth.signup.title"]);
    expect(body.messages["records.round.rule.preMoney"]).toBe(zh["records.round.rule.preMoney"]);
    expect(body.messages["investor.alerts.title"]).toBeUndefined();
  });

  it("refuses what is not a real request with a 400", async () => {
    const v = buildVersion(await (await app.client().get("/login")).text());
    for (const query of [
      `locale=fr&v=${v}&routes=root`,
      `locale=en&v=ffffffff&routes=root`,
      `locale=en&v=../../x&routes=root`,
      `locale=en&v=${v}&routes=routes/nope`,
      `locale=en&v=${v}&keys=not-a-key`,
      `locale=en&v=${v}`,
      `locale=en&v=${v}&routes=${Array(13).fill("root").join(",")}`,
    ]) {
      const response = await app.client().get(`/i18n?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBeTruthy();
    }
  });
});
