import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { createUser } from "../../app/models/user.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { postPairs } from "../support/hostile";
import { createLink, LIST_ROUTE, linkPairs, seedCompany, textOf as visibleText } from "../support/share-fixtures";
import { routeData } from "../support/route-data";
import { chinesePageOf } from "../support/shown-page";

/*
 * The admin area in Simplified Chinese: members and invitations (and the invitation e-mail in
 * the recipient's language), settings, audit log, share links and the public partner report,
 * which follows the viewer's browser (there is no user).
 */

/**
 * Visible text, without NUL bytes: React 18.3's renderToPipeableStream pads a 2 KB chunk with
 * a 0x00 when a 3-byte character does not fit its end (react/react#31134), so Chinese pages
 * carry stray NULs at chunk boundaries. Browsers drop them in text; reported to the lead.
 */
const textOf = (html: string) => visibleText(html).replaceAll("\u0000", "");

let app: TestApp;
type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let alpha: Org;
let owner: TestClient;

const ZH = { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8" };
const MEMBERS = (slug: string) => routeData(`/o/${slug}/members`, "routes/o.$orgSlug.members");
const SETTINGS = (slug: string) => routeData(`/o/${slug}/settings`, "routes/o.$orgSlug.settings");

async function signIn(email: string, lang?: "zh-CN") {
  const client = app.client();
  await client.login(email, TEST_PASSWORD);
  if (lang) client.cookies.set("lang", lang);
  return client;
}

async function mailTo(email: string) {
  const rows = await withSystem(app.database.db, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, email)));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

beforeAll(async () => {
  app = await startTestApp();
  alpha = await makeOrgWithOwner(app.database, "startup", "Alpha Vision");
  await seedCompany(alpha.ctx, "Alpha", 4_321_987);
  owner = await signIn(alpha.owner.email, "zh-CN");
}, 60_000);

afterAll(() => app.close());

describe("members and invitations in Chinese", () => {
  it("the members page is Chinese throughout, with no English heading left", async () => {
    const { html } = await chinesePageOf(await owner.get(`/o/${alpha.org.slug}/members`), "成员 · Capital Desk");
    const text = textOf(html);
    for (const shown of [
      "哪些人可以查看和修改本组织的数据。",
      "人员（1）",
      "姓名",
      "角色",
      "邀请成员",
      "创建邀请",
      "待接受的邀请",
      "没有待接受的邀请",
      "所有者",
    ]) {
      expect(text).toContain(shown);
    }
    for (const english of ["Who can see", "People (", "Invite someone", "Create invitation", "Pending invitations", "No pending invitations", ">Name</th>"]) {
      expect(html).not.toContain(english);
    }
  });

  it("answers actions and domain errors in Chinese", async () => {
    const invited = await owner.post(MEMBERS(alpha.org.slug), { intent: "invite", email: "lin.colleague@example.test", role: "member" });
    expect(invited.status).toBe(200);
    expect((await invited.json()).message).toBe("已为 lin.colleague@example.test 创建邀请。请将此链接发给对方（仅显示一次）：");

    const unticked = await owner.post(MEMBERS(alpha.org.slug), { intent: "remove", userId: alpha.owner.id });
    expect(unticked.status).toBe(400);
    expect((await unticked.json()).formError).toBe("请勾选复选框以确认。");

    const lastOwner = await owner.post(MEMBERS(alpha.org.slug), { intent: "remove", userId: alpha.owner.id, confirm: "yes" });
    expect(lastOwner.status).toBe(409);
    expect((await lastOwner.json()).formError).toBe("最后一位所有者不能退出，也不能失去所有者角色。请先将其他人设为所有者。");

    const badRole = await owner.post(MEMBERS(alpha.org.slug), { intent: "invite", email: "x@example.test", role: "emperor" });
    expect(badRole.status).toBe(400);
    expect((await badRole.json()).fieldErrors.role).toBe("请选择角色。");

    const page = textOf(await (await owner.get(`/o/${alpha.org.slug}/members`)).text());
    expect(page).toContain("lin.colleague@example.test · 成员 ·");
    expect(page).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 失效/);
  });

  it("the invitation e-mail goes out in the inviter's language when the invitee has no stored choice", async () => {
    const link = (await (await owner.post(MEMBERS(alpha.org.slug), { intent: "invite", email: "new.zh@example.test", role: "viewer" })).json()).link as string;
    const mail = await mailTo("new.zh@example.test");
    expect(mail.subject).toBe("Alpha Vision Owner 邀请您加入 Capital Desk 上的 Alpha Vision");
    expect(mail.body).toBe(`以查看者身份加入 Alpha Vision：${link}\n该链接仅能使用一次，7 天后失效。`);

    // An inviter reading English writes English to an unknown address.
    const english = await signIn(alpha.owner.email);
    const englishLink = (await (await english.post(MEMBERS(alpha.org.slug), { intent: "invite", email: "new.en@example.test", role: "admin" })).json())
      .link as string;
    const englishMail = await mailTo("new.en@example.test");
    expect(englishMail.subject).toBe("Alpha Vision Owner invited you to Alpha Vision on Capital Desk");
    expect(englishMail.body).toBe(`Join Alpha Vision as admin: ${englishLink}\nThe link works once and expires in 7 days.`);
  });

  it("a known user's stored language wins over the inviter's", async () => {
    await createUser(app.database.db, { email: "wang@example.test", name: "王", password: TEST_PASSWORD, locale: "zh-CN" });
    const english = await signIn(alpha.owner.email);
    const link = (await (await english.post(MEMBERS(alpha.org.slug), { intent: "invite", email: "Wang@Example.test", role: "member" })).json()).link as string;
    const mail = await mailTo("wang@example.test");
    expect(mail.subject).toBe("Alpha Vision Owner 邀请您加入 Capital Desk 上的 Alpha Vision");
    expect(mail.body).toBe(`以成员身份加入 Alpha Vision：${link}\n该链接仅能使用一次，7 天后失效。`);
  });
});

describe("settings and the audit log in Chinese", () => {
  it("settings: labels, the org's bands in words and validation messages", async () => {
    const text = textOf(await (await owner.get(`/o/${alpha.org.slug}/settings`)).text());
    for (const shown of ["设置", "本位币（ISO 4217）", "预算超支阈值（%）", "风险等级", "当前：1–4 低、5–9 中、10–15 高、16–25 严重。", "保存设置"])
      expect(text).toContain(shown);
    expect(text).not.toContain("Save settings");
    expect(text).not.toContain("Risk bands");

    const response = await owner.post(SETTINGS(alpha.org.slug), { name: "", baseCurrency: "usd1", budgetOverrunThresholdPercent: "abc" });
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toEqual({
      name: "请输入组织名称。",
      baseCurrency: "请使用三个字母的 ISO 4217 代码，例如 USD 或 CNY。",
      budgetOverrunThresholdPercent: "请输入 0 到 100 之间的百分比，最多两位小数，例如 10 或 12.5。",
    });
    const valid = { name: "Alpha Vision", baseCurrency: "USD", budgetOverrunThresholdPercent: "10" };
    const order = await owner.post(SETTINGS(alpha.org.slug), { ...valid, riskMediumFrom: "8", riskHighFrom: "8", riskCriticalFrom: "12" });
    expect((await order.json()).fieldErrors).toEqual({ riskHighFrom: "“高”的起始分数必须高于“中”（8）。" });
    const partial = await owner.post(SETTINGS(alpha.org.slug), { ...valid, riskMediumFrom: "4" });
    expect((await partial.json()).fieldErrors).toEqual({
      riskHighFrom: "请填写全部三个等级分数，或全部留空。",
      riskCriticalFrom: "请填写全部三个等级分数，或全部留空。",
    });
    const band = await owner.post(SETTINGS(alpha.org.slug), { ...valid, riskMediumFrom: "x", riskHighFrom: "8", riskCriticalFrom: "12" });
    expect((await band.json()).fieldErrors).toMatchObject({ riskMediumFrom: "“中”等级的最低分数须为 2 到 25 之间的整数。" });
  });

  it("the audit log", async () => {
    const html = await (await owner.get(`/o/${alpha.org.slug}/audit`)).text();
    expect(html).toContain("<title>审计日志 · Capital Desk</title>");
    const text = textOf(html);
    for (const shown of ["每一项变更：谁、何时、做了什么、变更前后。", "导出 CSV", "发生了什么", "变更内容", "人员"]) expect(text).toContain(shown);
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} UTC/);
    expect(text).not.toContain("Audit log");
  });
});

describe("share links in Chinese", () => {
  it("the management page and its validation", async () => {
    const html = await (await owner.get(`/o/${alpha.org.slug}/share-links`)).text();
    expect(html).toContain("<title>分享链接 · Capital Desk</title>");
    const text = textOf(html);
    for (const shown of ["新建分享链接", "标签", "板块", "财务", "融资与债务", "实时：始终显示最新数据", "有效期（天）", "创建链接"])
      expect(text).toContain(shown);
    for (const english of ["New share link", "Create link", "Sections", "Financials"]) expect(text).not.toContain(english);

    const refused = await postPairs(
      owner,
      routeData(`/o/${alpha.org.slug}/share-links`, LIST_ROUTE),
      linkPairs({ label: "", sections: [], mode: "frozen", expiresInDays: "400" }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      formError: "未保存任何内容。请检查标出的字段。",
      fieldErrors: {
        label: "请输入标签。",
        sections: "请至少选择一个要分享的板块。",
        expiresInDays: "链接有效期最多 365 天。",
        frozenMonth: "请选择报告锁定的月份，格式为 YYYY-MM。",
      },
    });
  });

  it("the partner report follows the viewer's browser: Chinese for a Chinese browser, English otherwise", async () => {
    const { token, id } = await createLink(owner, alpha.org.slug, { label: "给 LP 的报告" });
    const { html } = await chinesePageOf(await fetch(`${app.url}/r/${token}`, { headers: ZH }), "合作方报告 · Capital Desk");
    const text = textOf(html);
    for (const shown of [
      "合作方报告 · 只读",
      "给 LP 的报告",
      "由 Alpha Vision 分享",
      "截至 2026年3月",
      "板块：财务、融资与债务、预算、风险、投资人更新。",
      "打印或另存为 PDF",
      "· 金额单位：USD",
      "投资人更新",
      "2026年3月",
      "亮点",
      "Alpha highlight of March", // the company's own words are data
      "机密。由 Alpha Vision 通过 Capital Desk 分享的只读报告，截至 2026年3月。",
    ]) {
      expect(text).toContain(shown);
    }
    for (const english of ["Partner report", "Shared by", "Print or save as PDF", "Sections:", "amounts in", "Confidential", "Highlights"]) {
      expect(text).not.toContain(english);
    }

    const english = textOf(await (await fetch(`${app.url}/r/${token}`)).text());
    expect(english).toContain("Shared by Alpha Vision");
    expect(english).toContain("as of Mar 2026");
    expect(english).not.toContain("合作方报告");

    // The link's own page, in the owner's language.
    const detail = textOf(await (await owner.get(`/o/${alpha.org.slug}/share-links/${id}`)).text());
    for (const shown of ["全部分享链接", "查看记录（2）", "浏览器（User-Agent）", "生效中", "撤销链接"]) expect(detail).toContain(shown);
  });

  it("a frozen report's stored snapshot is labelled in the viewer's language at view time", async () => {
    const { token } = await createLink(owner, alpha.org.slug, { label: "Frozen pack", mode: "frozen", frozenMonth: "2026-02" });
    const zh = textOf(await (await fetch(`${app.url}/r/${token}`, { headers: ZH })).text());
    expect(zh).toContain("截至 2026年2月");
    expect(zh).toMatch(/锁定于 2026-02，数据生成于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} UTC/);
    const en = textOf(await (await fetch(`${app.url}/r/${token}`)).text());
    expect(en).toMatch(/frozen at 2026-02, figures rendered [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} UTC/);
  });

  it("the passphrase form, its errors and the unusable-link page in Chinese", async () => {
    const { token } = await createLink(owner, alpha.org.slug, { label: "Locked", passphrase: "board passphrase 7" });
    const locked = textOf(await (await fetch(`${app.url}/r/${token}`, { headers: ZH })).text());
    for (const shown of ["此报告受口令保护", "请输入随链接一起提供给您的口令。", "查看报告"]) expect(locked).toContain(shown);
    const wrong = await fetch(routeData(`${app.url}/r/${token}`, "routes/r.$token"), {
      method: "POST",
      headers: { ...ZH, Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: "passphrase=nope-nope-nope",
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error).toBe("口令不正确。请向发送链接的人确认。");

    const gone = await fetch(`${app.url}/r/not-a-real-token-at-all`, { headers: ZH });
    expect(gone.status).toBe(404);
    const goneText = textOf(await gone.text());
    expect(goneText).toContain("此报告无法访问");
    expect(goneText).toContain("合作方报告 · 错误 404");
    expect(goneText).not.toContain("This report is not available");
  });
});
