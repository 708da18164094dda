import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as m from "~/paraglide/messages";
import { fieldErrorsOf } from "~/server/forms.server";
import { isMessageRef, literalRef, renderMessage, renderMessages, type MessageRef } from "./message-ref";
import { messageRef } from "./translate";
import { refAsZodMessage, refFromZodMessage, zodMessage } from "./zod-messages";

describe("message refs are data: { key, values }", () => {
  it("are built as objects, a message named in a value becoming a ref itself", () => {
    expect(messageRef(m.auth_login_passwordRequired)).toEqual({ key: "auth_login_passwordRequired" });
    expect(messageRef(m.common_validation_fieldTooLong, { field: m.auth_signup_nameInSentence, max: 120 })).toEqual({
      key: "common_validation_fieldTooLong",
      values: { field: { key: "auth_signup_nameInSentence" }, max: 120 },
    });
    // Plain data: survives JSON (a loader's answer, a cookie) unchanged.
    const ref = messageRef(m.common_validation_enterField, { field: m.auth_signup_nameInSentence });
    expect(JSON.parse(JSON.stringify(ref))).toEqual(ref);
    expect(isMessageRef(ref)).toBe(true);
    expect(isMessageRef("common_validation_enterField")).toBe(false);
    expect(isMessageRef({ key: 1 })).toBe(false);
    expect(isMessageRef({ key: "x", values: [] })).toBe(false);
  });
});

describe("renderMessage", () => {
  it("renders a ref in both languages, numbers formatted for the locale", () => {
    const ref: MessageRef = { key: "admin_shareLinks_error_daysMax", values: { max: 1234 } };
    expect(renderMessage("en", ref)).toBe("A link lasts at most 1,234 days.");
    expect(renderMessage("zh-CN", ref)).toBe("链接有效期最多 1,234 天。");
  });

  it("renders refs inside a ref in the same language", () => {
    const ref: MessageRef = { key: "common_validation_enterField", values: { field: { key: "auth_signup_nameInSentence" } } };
    expect(renderMessage("en", ref)).toBe("Enter your name.");
    expect(renderMessage("zh-CN", ref)).toBe("请输入您的姓名。");
    // Two levels deep: a state word inside the sentence about a grant.
    const state: MessageRef = { key: "investor_grants_error_state", values: { state: { key: "investor_grants_error_stateWord_revoked" } } };
    expect(renderMessage("en", state)).toBe("This access is already revoked. Reload the page to see where it stands.");
    expect(renderMessage("zh-CN", state)).toBe("此访问授权已被撤销。请刷新页面查看当前状态。");
  });

  it("formats typed values (months, money, fixed numbers, percentages) for the locale", () => {
    const ref: MessageRef = {
      key: "investor_alertReason_budgetOverrun",
      values: {
        month: { month: "2026-10" },
        actual: { money: 120_000_00, currency: "USD" },
        budget: { money: 100_000_00, currency: "USD" },
        threshold: { percent: 10 },
        over: { percent: 20, digits: 1 },
      },
    };
    expect(renderMessage("en", ref)).toBe("Spend in Oct 2026 was $120,000 against a budget of $100,000: 20.0% over budget, above the threshold of 10%.");
    expect(renderMessage("zh-CN", ref)).toBe("2026年10月支出 US$120,000，预算为 US$100,000：超出预算 20.0%，高于阈值 10%。");
  });

  it("falls back to the key itself for a key no message has: old English text passes through, nothing throws", () => {
    expect(renderMessage("zh-CN", { key: "Someone else changed this risk." })).toBe("Someone else changed this risk.");
    expect(renderMessage("en", literalRef("no_such_message"))).toBe("no_such_message");
    // An unknown key inside a known sentence shows as itself, in place.
    expect(renderMessage("en", { key: "common_validation_enterField", values: { field: { key: "a name" } } })).toBe("Enter a name.");
    // A variable the ref left out shows as {name}, never "undefined".
    expect(renderMessage("en", { key: "common_validation_enterField" })).toBe("Enter {field}.");
  });

  it("renders a map of field errors, field names left alone", () => {
    expect(renderMessages("zh-CN", { email: messageRef(m.common_validation_emailInvalid), other: literalRef("Plain text") })).toEqual({
      email: "请输入有效的电子邮件地址，例如 name@company.com。",
      other: "Plain text",
    });
  });
});

describe("the zod boundary: issue messages are strings, read back as refs in one place", () => {
  it("round-trips a ref through a zod issue message", () => {
    const ref = messageRef(m.common_validation_fieldTooLong, { field: m.auth_signup_nameInSentence, max: 120 });
    expect(refFromZodMessage(zodMessage(m.common_validation_fieldTooLong, { field: m.auth_signup_nameInSentence, max: 120 }))).toEqual(ref);
    expect(refFromZodMessage(refAsZodMessage(ref))).toEqual(ref);
  });

  it("reads zod's own wording, or anything else, as a literal", () => {
    expect(refFromZodMessage("Invalid input")).toEqual({ key: "Invalid input" });
    expect(refFromZodMessage('{"key":')).toEqual({ key: '{"key":' });
    expect(refFromZodMessage('{"key":5}')).toEqual({ key: '{"key":5}' });
  });

  it("gives parseForm's callers the first ref per field, never a string", () => {
    const schema = z.object({
      name: z.string().min(1, zodMessage(m.common_validation_enterField, { field: m.auth_signup_nameInSentence })),
      code: z.string().regex(/^\d+$/),
    });
    const result = schema.safeParse({ name: "", code: "x" });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors.name).toEqual({ key: "common_validation_enterField", values: { field: { key: "auth_signup_nameInSentence" } } });
    expect(isMessageRef(errors.code)).toBe(true);
    expect(renderMessages("zh-CN", errors).name).toBe("请输入您的姓名。");
  });
});
