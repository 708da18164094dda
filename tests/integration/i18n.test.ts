import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeOrgWithOwner } from "../support/factories";
import { routeData } from "../support/route-data";
import { pageOf } from "../support/shown-page";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const ZH = { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8" };
const EN = { "Accept-Language": "en-US,en;q=0.9" };

async function storedLocale(userId: string) {
  const [row] = await withSystem(app.database.db, (tx) => tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId)));
  return row?.locale;
}

async function localeOf(email: string) {
  const [row] = await withSystem(app.database.db, (tx) => tx.select({ locale: users.locale }).from(users).where(eq(users.email, email)));
  return row?.locale;
}

function langCookie(setCookies: string[]) {
  return setCookies.find((line) => line.startsWith("lang="));
}

describe("the language of a page", () => {
  it("follows the browser: Chinese for zh, English otherwise", async () => {
    const zh = await (await app.client().get("/login", ZH)).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain("登录 Capital Desk");
    expect(zh).toContain(">电子邮件</label>");
    expect(zh).toContain("<title>登录 · Capital Desk</title>");

    const en = await (await app.client().get("/login", EN)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Log in to Capital Desk");
    expect(en).not.toContain("登录");

    const none = await (await app.client().get("/signup")).text();
    expect(none).toContain('<html lang="en">');
    expect(none).toContain("Create your account");
  });

  it("answers validation errors in the page's language, and English by default", async () => {
    const zh = await app.client().post(routeData("/signup", "routes/signup"), { email: "nope", name: "", password: "short" }, ZH);
    expect(zh.status).toBe(400);
    expect((await zh.json()).fieldErrors).toEqual({
      email: "请输入有效的电子邮件地址，例如 name@company.com。",
      name: "请输入您的姓名。",
      password: "至少使用 10 个字符。",
    });
    const en = await app.client().post(routeData("/signup", "routes/signup"), { email: "nope", name: "", password: "short" });
    expect((await en.json()).fieldErrors).toEqual({
      email: "Enter a valid email address, like name@company.com.",
      name: "Enter your name.",
      password: "Use at least 10 characters.",
    });
    const login = await app.client().post(routeData("/login", "routes/login"), { email: "nobody@example.test", password: "wrong-password" }, ZH);
    expect(login.status).toBe(401);
    expect((await login.json()).formError).toBe("该电子邮件和密码与任何账号都不匹配。");
  });

  it("translates refusals (a wrong current password) and the error pages", async () => {
    const { owner } = await makeOrgWithOwner(app.database);
    // (Sign-up no longer refuses a taken address — it answers it like a new one, issue #13.)
    const browser = app.client();
    await browser.login(owner.email, owner.password);
    const wrong = await browser.post(
      routeData("/account/password", "routes/account.password"),
      { currentPassword: "not-the-password", newPassword: "a-new-long-password", confirmPassword: "a-new-long-password" },
      ZH,
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ formError: "当前密码不正确。", fieldErrors: { currentPassword: "当前密码不正确。" } });

    browser.cookies.set("lang", "zh-CN");
    const { html } = await pageOf(await browser.get("/o/no-such-org"), 404);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("未找到");
    expect(html).toContain("错误 404");

    // An unknown URL runs no loader at all; its 404 page still speaks the request's language.
    const unknown = await app.client().get("/no-such-page", ZH);
    expect(unknown.status).toBe(404);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain('<html lang="zh-CN">');
    expect(unknownHtml).toContain("未找到");
  });
});

describe("the language switch (POST /locale)", () => {
  it("sets the lang cookie, stores the choice on the user, and a new session starts in it", async () => {
    const { owner, org } = await makeOrgWithOwner(app.database);
    const browser = app.client();
    await browser.login(owner.email, owner.password);
    expect(await (await browser.get(`/o/${org.slug}`, EN)).text()).toContain("Log out");

    const switched = await browser.post("/locale", { locale: "zh-CN", redirectTo: `/o/${org.slug}/members?page=2` }, EN);
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe(`/o/${org.slug}/members?page=2`);
    const cookie = langCookie(browser.lastSetCookie)!;
    expect(cookie).toMatch(/^lang=zh-CN;/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(await storedLocale(owner.id)).toBe("zh-CN");

    const page = await (await browser.get(`/o/${org.slug}`, EN)).text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain("退出登录");
    expect(page).toContain('aria-pressed="true" class="rounded-md px-2 py-1 bg-slate-100 font-semibold text-slate-900">中文');

    // Another browser, English by its header, no cookie yet: signing in brings the choice along.
    const other = app.client();
    await other.login(owner.email, owner.password);
    expect(langCookie(other.lastSetCookie)).toMatch(/^lang=zh-CN;/);
    const elsewhere = await (await other.get(`/o/${org.slug}`, EN)).text();
    expect(elsewhere).toContain('<html lang="zh-CN">');
    expect(elsewhere).toContain("成员");

    // And back to English.
    await browser.post("/locale", { locale: "en", redirectTo: "/" });
    expect(await storedLocale(owner.id)).toBe("en");
    expect(await (await browser.get(`/o/${org.slug}`, ZH)).text()).toContain('<html lang="en">');
  });

  it("a user who chose English keeps it on a Chinese browser; one who never chose gets Chinese there", async () => {
    const chose = await makeOrgWithOwner(app.database);
    const first = app.client();
    await first.login(chose.owner.email, chose.owner.password);
    await first.post("/locale", { locale: "en", redirectTo: "/" }, ZH);
    expect(await storedLocale(chose.owner.id)).toBe("en");

    const chinese = app.client();
    await chinese.login(chose.owner.email, chose.owner.password, ZH);
    expect(langCookie(chinese.lastSetCookie)).toMatch(/^lang=en;/);
    const page = await (await chinese.get(`/o/${chose.org.slug}`, ZH)).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Log out");

    const never = await makeOrgWithOwner(app.database);
    expect(await storedLocale(never.owner.id)).toBeNull();
    const theirs = app.client();
    await theirs.login(never.owner.email, never.owner.password, ZH);
    expect(langCookie(theirs.lastSetCookie)).toBeUndefined();
    const chinesePage = await (await theirs.get(`/o/${never.org.slug}`, ZH)).text();
    expect(chinesePage).toContain('<html lang="zh-CN">');
    expect(chinesePage).toContain("退出登录");
    expect(await storedLocale(never.owner.id)).toBeNull();
  });

  it("picking English with the switch on a Chinese browser's sign-in page stores English", async () => {
    const { owner } = await makeOrgWithOwner(app.database);
    const browser = app.client();
    await browser.post("/locale", { locale: "en", redirectTo: "/login" }, ZH);
    await browser.login(owner.email, owner.password, ZH);
    expect(await storedLocale(owner.id)).toBe("en");
  });

  it("signed out: only the cookie; signing in then keeps the language the page was shown in", async () => {
    const { owner } = await makeOrgWithOwner(app.database);
    const browser = app.client();
    const switched = await browser.post("/locale", { locale: "zh-CN", redirectTo: "/login?redirectTo=%2Forgs%2Fnew" }, EN);
    expect(switched.headers.get("location")).toBe("/login?redirectTo=%2Forgs%2Fnew");
    expect(await (await browser.get("/login", EN)).text()).toContain('<html lang="zh-CN">');
    expect(await storedLocale(owner.id)).toBeNull();
    await browser.login(owner.email, owner.password);
    expect(await storedLocale(owner.id)).toBe("zh-CN");
  });

  it("signing up stores a language picked with the switch, and nothing when the browser chose", async () => {
    // A Chinese browser, no switch: the pages are Chinese, but no choice is stored.
    const browser = app.client();
    const signup = await browser.post("/signup", { email: "lin@example.test", name: "林", password: "a-long-password" }, ZH);
    expect(signup.status).toBe(302);
    expect(langCookie(browser.lastSetCookie)).toBeUndefined(); // the browser's header already says it
    expect(await (await browser.get("/orgs/new", ZH)).text()).toContain("创建组织");
    expect(await localeOf("lin@example.test")).toBeNull();
    // So an English browser gets English at sign-in.
    const english = app.client();
    await english.login("lin@example.test", "a-long-password", EN);
    expect(langCookie(english.lastSetCookie)).toBeUndefined();
    expect(await (await english.get("/orgs/new", EN)).text()).toContain('<html lang="en">');

    /** Picks `locale` with the switch on the sign-up page, signs up (the choice is stored), then signs in from another browser. */
    const pickSignUpThenSignInElsewhere = async (locale: string, email: string, name: string, headers: Record<string, string>) => {
      const picker = app.client();
      await picker.post("/locale", { locale, redirectTo: "/signup" }, headers);
      await picker.post("/signup", { email, name, password: "a-long-password" }, headers);
      expect(await localeOf(email)).toBe(locale);
      const elsewhere = app.client();
      await elsewhere.login(email, "a-long-password", headers);
      return elsewhere;
    };

    // Chinese picked with the switch before signing up: stored, and it reaches an English browser.
    const elsewhere = await pickSignUpThenSignInElsewhere("zh-CN", "wang@example.test", "王", EN);
    expect(langCookie(elsewhere.lastSetCookie)).toMatch(/^lang=zh-CN;/);

    // English picked with the switch on a Chinese browser: stored too, so it is kept everywhere.
    const chinese = await pickSignUpThenSignInElsewhere("en", "amy@example.test", "Amy", ZH);
    expect(langCookie(chinese.lastSetCookie)).toMatch(/^lang=en;/);
    expect(await (await chinese.get("/orgs/new", ZH)).text()).toContain('<html lang="en">');
  });

  it("a user who never chose gets whatever each browser asks for", async () => {
    const { owner, org } = await makeOrgWithOwner(app.database);
    const chinese = app.client();
    await chinese.login(owner.email, owner.password);
    expect(langCookie(chinese.lastSetCookie)).toBeUndefined();
    expect(await (await chinese.get(`/o/${org.slug}`, ZH)).text()).toContain('<html lang="zh-CN">');
    expect(await (await chinese.get(`/o/${org.slug}`, EN)).text()).toContain('<html lang="en">');
  });

  it("refuses an unknown locale with 400 and changes nothing", async () => {
    const { owner } = await makeOrgWithOwner(app.database);
    const browser = app.client();
    await browser.login(owner.email, owner.password);
    for (const locale of ["fr", "zh", "", "en; Path=/evil"]) {
      const response = await browser.post("/locale", { locale, redirectTo: "/" });
      expect(response.status, locale).toBe(400);
      expect(langCookie(browser.lastSetCookie), locale).toBeUndefined();
    }
    const missing = await browser.post(routeData("/locale", "routes/locale"), { redirectTo: "/" }, ZH);
    expect(missing.status).toBe(400);
    expect((await missing.json()).fieldErrors).toEqual({ locale: "请选择英文或中文。" });
    expect(await storedLocale(owner.id)).toBeNull();
  });

  it("redirects only to a path on this site", async () => {
    for (const redirectTo of ["//evil.example/x", "https://evil.example/", "/\\evil.example", ""]) {
      const response = await app.client().post("/locale", { locale: "zh-CN", redirectTo });
      expect(response.status, redirectTo).toBe(302);
      expect(response.headers.get("location"), redirectTo).toBe("/");
    }
  });

  it("refuses a cross-origin post (the server's Origin check) and a GET", async () => {
    const { owner } = await makeOrgWithOwner(app.database);
    const browser = app.client();
    await browser.login(owner.email, owner.password);
    const forged = await browser.post("/locale", { locale: "zh-CN", redirectTo: "/" }, { Origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(langCookie(browser.lastSetCookie)).toBeUndefined();
    expect(await storedLocale(owner.id)).toBeNull();

    const get = await browser.get("/locale");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(langCookie(browser.lastSetCookie)).toBeUndefined();
  });
});
