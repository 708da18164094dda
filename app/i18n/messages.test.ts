import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { formatterFor } from "./format";
import { negotiateLocale } from "./locales";
import { readFileSync } from "node:fs";
import * as m from "~/paraglide/messages";
import { renderMessage, renderMessages } from "./message-ref";
import { messageRef, translate, translateRich, translator } from "./translate";

/** Chinese texts allowed without Chinese characters: names and codes read the same in both languages. */
const SAME_IN_CHINESE = new Set(["Capital Desk", "{page} · Capital Desk", "ARR", "MOIC", "FX", "CSV", "USD", "CNY", "EUR"]);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;

type Entry = string | { declarations: string[]; selectors: string[]; match: Record<string, string> }[];
const catalogue = (locale: string) =>
  Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(`app/i18n/messages/${locale}.json`, "utf8")) as Record<string, Entry>).filter(([id]) => id !== "$schema"),
  );
/** Every text of a message: a plain text, or each plural form as "id=form". */
const texts = (messages: Record<string, Entry>) =>
  Object.fromEntries(
    Object.entries(messages).flatMap(([id, entry]) =>
      typeof entry === "string" ? [[id, entry]] : Object.entries(entry[0]!.match).map(([form, text]) => [`${id}=${form.replace("countPlural=", "")}`, text]),
    ),
  );
const en = catalogue("en");
const zh = catalogue("zh-CN");
const enTexts = texts(en);
const zhTexts = texts(zh);
const AREAS = ["common", "layout", "auth", "records", "dashboard", "investor", "admin", "deletion", "updates"];

describe("the catalogues (app/i18n/messages/en.json, zh-CN.json)", () => {
  it("have the same messages and plural forms in English and Chinese, each in a known area", () => {
    expect(Object.keys(zhTexts).sort()).toEqual(Object.keys(enTexts).sort());
    expect(Object.keys(en).filter((id) => !AREAS.includes(id.split("_")[0]!))).toEqual([]);
    expect(Object.keys(en).length).toBeGreaterThan(1500);
  });

  it("have no empty text", () => {
    const empty = [...Object.entries(enTexts), ...Object.entries(zhTexts)].filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  it("use the same {placeholders} in both languages", () => {
    const differing = Object.keys(enTexts).filter((id) => placeholders(enTexts[id]!).join() !== placeholders(zhTexts[id] ?? "").join());
    expect(differing).toEqual([]);
  });

  it("are written in Chinese in Chinese (unless the text is a name or code, or only placeholders)", () => {
    const untranslated = Object.entries(zhTexts).filter(([, text]) => {
      const words = text.replace(/\{\w+\}/g, "");
      return /\p{L}/u.test(words) && !HAN.test(words) && !SAME_IN_CHINESE.has(text);
    });
    expect(untranslated).toEqual([]);
  });

  it("give every plural both forms, one and other", () => {
    const forms = (id: string) =>
      Object.keys(enTexts)
        .filter((key) => key.startsWith(`${id}=`))
        .sort();
    const plurals = Object.keys(en).filter((id) => typeof en[id] !== "string");
    expect(plurals.length).toBeGreaterThan(10);
    expect(plurals.filter((id) => forms(id).join() !== `${id}=one,${id}=other`)).toEqual([]);
  });
});

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["en-US,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-Hant-HK;q=0.8", "zh-CN"],
    ["en;q=0.5, zh;q=0.9", "zh-CN"],
    ["zh;q=0.4, en;q=0.6", "en"],
    ["fr-FR, de;q=0.9", "en"],
    ["fr-FR, zh;q=0.3", "zh-CN"],
    ["zh;q=0, en", "en"],
    ["ZH-cn", "zh-CN"],
    ["*", "en"],
    ["zh;q=abc", "en"],
    ["en, zh", "en"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("translate", () => {
  it("looks up the locale's text and fills placeholders", () => {
    expect(translate("en", m.auth_login_submit)).toBe("Log in");
    expect(translate("zh-CN", m.auth_login_submit)).toBe("登录");
    expect(translate("en", m.auth_invite_title, { org: "Lumen Labs" })).toBe("Join Lumen Labs");
    expect(translate("zh-CN", m.auth_invite_title, { org: "Lumen Labs" })).toBe("加入 Lumen Labs");
    expect(translate("en", m.common_page_ofPages, { page: 2, pages: 1200 })).toBe("Page 2 of 1,200");
  });

  it("picks the plural form", () => {
    expect(translate("en", m.auth_login_locked, { count: 1 })).toBe("Too many failed attempts. Try again in 1 minute.");
    expect(translate("en", m.auth_login_locked, { count: 5 })).toBe("Too many failed attempts. Try again in 5 minutes.");
    expect(translate("zh-CN", m.auth_login_locked, { count: 1 })).toBe("失败次数过多。请在 1 分钟后重试。");
    expect(translate("en", m.common_unit_months, { count: 0 })).toBe("0 months");
  });

  it("keeps a placeholder whose value is missing visible instead of crashing", () => {
    const t = translator("en");
    expect((t as unknown as (message: unknown, vars: object) => string)(m.auth_invite_title, {})).toBe("Join {org}");
  });

  it("puts React nodes inside a sentence with t.rich", () => {
    const html = renderToStaticMarkup(
      translateRich("zh-CN", m.auth_invite_invitedAs, {
        role: createElement("strong", null, "查看者"),
        email: createElement("strong", null, "a@b.test"),
      }) as never,
    );
    expect(html).toBe("您受邀以<strong>查看者</strong>身份加入。邀请已发送至 <strong>a@b.test</strong>。");
  });

  it("does not compile with a wrong key or wrong variables", () => {
    // These lines are checked by tsc (npm test typechecks), not at run time.
    const check = () => {
      // @ts-expect-error unknown message
      translate("en", m.auth_login_nope);
      // @ts-expect-error missing variable
      translate("en", m.auth_invite_title);
      // @ts-expect-error wrong variable name
      translate("en", m.auth_invite_title, { name: "x" });
      // @ts-expect-error a text without variables takes none
      translate("en", m.auth_login_submit, { x: 1 });
    };
    expect(typeof check).toBe("function");
  });
});

describe("message refs (validation and domain messages decided before the locale is known)", () => {
  it("become text in the request's language at the edge", () => {
    const ref = messageRef(m.common_validation_enterField, { field: m.auth_signup_nameInSentence });
    expect(ref).toEqual({ key: "common_validation_enterField", values: { field: { key: "auth_signup_nameInSentence" } } });
    expect(renderMessage("en", ref)).toBe("Enter your name.");
    expect(renderMessage("zh-CN", ref)).toBe("请输入您的姓名。");
    expect(renderMessage("zh-CN", messageRef(m.auth_login_passwordRequired))).toBe("请输入密码。");
    expect(renderMessage("en", messageRef(m.common_validation_fieldTooLong, { field: "a label", max: 120 }))).toBe("Keep a label under 120 characters.");
  });

  it("leave English not yet converted, and anything else, as it is", () => {
    expect(renderMessage("zh-CN", { key: "Someone else changed this risk." })).toBe("Someone else changed this risk.");
    expect(renderMessages("zh-CN", { email: messageRef(m.common_validation_emailInvalid), other: { key: "Plain text" } })).toEqual({
      email: "请输入有效的电子邮件地址，例如 name@company.com。",
      other: "Plain text",
    });
  });
});

describe("formatterFor", () => {
  it("formats months, dates, money and numbers for each locale", () => {
    const enF = formatterFor("en");
    const zhF = formatterFor("zh-CN");
    expect(enF.month("2026-04")).toBe("Apr 2026");
    expect(zhF.month("2026-04")).toBe("2026年4月");
    expect(enF.month("not a month")).toBe("not a month");
    expect(enF.date("2026-04-15")).toBe("Apr 15, 2026");
    expect(zhF.date("2026-04-15")).toBe("2026年4月15日");
    expect(enF.dateTime("2026-04-15T09:05:00Z")).toBe("Apr 15, 2026, 09:05 UTC");
    expect(enF.money(123456789, "USD")).toBe("$1,234,568");
    expect(zhF.money(123456789, "CNY")).toBe("¥1,234,568");
    expect(enF.moneyShort(123456789, "USD")).toBe("$1.2M");
    expect(zhF.moneyShort(123456789, "CNY")).toBe("¥123.5万");
    expect(enF.money(null, "USD")).toBe("—");
    expect(enF.percent(0.253)).toBe("25.3%");
    expect(enF.number(12345.678, 1)).toBe("12,345.7");
    expect(zhF.monthName(4)).toBe("四月");
    expect(enF.monthName(4, "short")).toBe("Apr");
  });
});
