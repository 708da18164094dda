import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMessage } from "~/i18n/message-ref";
import { refFromZodMessage } from "~/i18n/zod-messages";
import type { Locale } from "~/i18n/locales";

/** A zod issue message (a ref as JSON) in words. */
const localizeMessage = (locale: Locale, message: string) => renderMessage(locale, refFromZodMessage(message));
import { MAX_AMOUNT_MINOR, minorToGroupedString, parseAmount, parseMajorToMinor } from "./money";
import { moneyField, named } from "./fields";
import { records_report_cashInSentence } from "~/paraglide/messages/records_report_cashinsentence2.js";
import { records_report_field_cash } from "~/paraglide/messages/records_report_field_cash.js";

// issue #15 item 15: amounts as people type them, read exactly (decimal string → integer cents).

describe("parseAmount reads amounts as people type them", () => {
  it.each([
    ["2400000", 240_000_000],
    ["$2,400,000", 240_000_000],
    ["2,400,000.50", 240_000_050],
    ["2.4m", 240_000_000],
    ["2.4M", 240_000_000],
    ["2.4 million", 240_000_000],
    ["2.4k", 240_000],
    ["240万", 240_000_000],
    ["240万元", 240_000_000],
    ["¥240万", 240_000_000],
    ["1.5亿", 15_000_000_000],
    ["3億", 30_000_000_000],
    ["２，４００．５", 240_050],
    ["USD 1,200", 120_000],
    ["1,200 USD", 120_000],
    ["US$3", 300],
    ["0.29", 29],
    [".5", 50],
    ["1.23456k", 123_456],
    ["2 400 000", 240_000_000],
    ["-$5", -500],
    ["−5", -500],
    ["9,999,999,999,999.99", MAX_AMOUNT_MINOR],
  ])("%s → %i minor units", (text, minor) => {
    expect(parseAmount(text)).toEqual({ ok: true, minor });
  });

  it.each([
    ["2,4", "grouping"],
    ["1,23,456", "grouping"],
    ["1.234,56", "grouping"],
    ["1.234", "precision"],
    ["1.234567k", "precision"],
    ["0.001m", "ok"],
    ["1e5", "format"],
    ["12abc", "format"],
    ["abc123", "format"],
    ["2kk", "format"],
    ["万", "format"],
    ["", "format"],
    ["5.", "format"],
    ["10,000,000,000,000", "tooLarge"],
    ["100000亿", "tooLarge"],
  ])("%s is refused as %s (never guessed)", (text, problem) => {
    const parsed = parseAmount(text);
    if (problem === "ok") expect(parsed).toEqual({ ok: true, minor: 100_000 });
    else expect(parsed).toEqual({ ok: false, problem });
  });

  it("round-trips every amount through its grouped and plain forms (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_AMOUNT_MINOR, max: MAX_AMOUNT_MINOR }), (minor) => {
        expect(parseMajorToMinor(minorToGroupedString(minor))).toBe(minor);
        const abs = Math.abs(minor);
        const plain = `${minor < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
        expect(parseMajorToMinor(plain)).toBe(minor);
      }),
    );
  });

  it("scales k, m, 万 and 亿 exactly, as decimal strings (property)", () => {
    const scales: [string, bigint][] = [
      ["k", 1_000n],
      ["m", 1_000_000n],
      ["万", 10_000n],
      ["亿", 100_000_000n],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...scales), (whole, hundredths, [suffix, factor]) => {
        const text = `${whole}.${String(hundredths).padStart(2, "0")}${suffix}`;
        const expected = ((BigInt(whole) * 100n + BigInt(hundredths)) * factor) as bigint;
        expect(parseAmount(text)).toEqual({ ok: true, minor: Number(expected) });
      }),
    );
  });

  it("never throws and never answers a non-integer (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789.,-$kKmM万亿 ¥元abcUSD".split("")), maxLength: 24 }), (text) => {
        const parsed = parseAmount(text);
        if (parsed.ok) expect(Number.isSafeInteger(parsed.minor) && Math.abs(parsed.minor) <= MAX_AMOUNT_MINOR).toBe(true);
      }),
    );
  });

  it("groups saved values with separators for the inputs", () => {
    expect(minorToGroupedString(240_000_050)).toBe("2,400,000.50");
    expect(minorToGroupedString(0)).toBe("0.00");
    expect(minorToGroupedString(-123_456)).toBe("-1,234.56");
  });
});

describe("an amount field explains a refusal in both languages", () => {
  const cash = moneyField(named(records_report_cashInSentence, records_report_field_cash));
  const error = (text: string) => cash.safeParse(text).error?.issues[0]?.message ?? "";

  it.each(["$2,400,000", "2,400,000.50", "2.4m", "2.4k", "240万", "1.5亿"])("accepts %s", (text) => {
    expect(cash.safeParse(text).success).toBe(true);
  });

  it("says what is wrong, in English and in Chinese", () => {
    expect(localizeMessage("en", error("2,4"))).toMatch(/^Check the commas in cash at month end: group thousands in threes/);
    expect(localizeMessage("zh-CN", error("2,4"))).toMatch(/^请检查.*中的逗号/);
    expect(localizeMessage("en", error("1.234"))).toMatch(/at most two decimals/);
    expect(localizeMessage("zh-CN", error("1.234"))).toMatch(/最多保留两位小数/);
    expect(localizeMessage("en", error("lots"))).toMatch(/like 2,400,000.50, 2.4m or 240万/);
    expect(localizeMessage("zh-CN", error("lots"))).toMatch(/2,400,000.50、2.4m 或 240万/);
    expect(localizeMessage("en", error("200000亿"))).toMatch(/too large/);
    expect(localizeMessage("zh-CN", error("200000亿"))).toMatch(/过大/);
  });
});

describe("parseAmount on hostile input", () => {
  it("answers a very long number quickly as too large", () => {
    const started = performance.now();
    expect(parseAmount("9".repeat(200_000))).toEqual({ ok: false, problem: "tooLarge" });
    expect(parseAmount(`0.${"0".repeat(50_000)}1k`)).toEqual({ ok: false, problem: "precision" });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
