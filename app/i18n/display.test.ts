import { describe, expect, it } from "vitest";
import { formatterFor } from "~/i18n/format";
import { cashOutText, netBurnPhrase, runwayNumber, runwayText } from "~/i18n/display";
import { translator } from "~/i18n/translate";

describe("a runway as every page writes it: rounded down by the finance module, then for the locale", () => {
  it("never rounds up: 9.27 → 9.2, 9.99 → 9.9, 10 → 10.0", () => {
    expect(runwayNumber("en", 9.27)).toBe("9.2");
    expect(runwayNumber("en", 9.99)).toBe("9.9");
    expect(runwayNumber("en", 10)).toBe("10.0");
    expect(runwayNumber("zh-CN", 9.27)).toBe("9.2");
    // A median of stored runways (9.2 and 9.3 → 9.25) is a runway too.
    expect(runwayNumber("en", 9.25)).toBe("9.2");
  });

  it("says months in both languages, or not burning", () => {
    expect(runwayText(translator("en"), 9.27)).toBe("9.2 months");
    expect(runwayText(translator("zh-CN"), 9.27)).toBe("9.2 个月");
    expect(runwayText(translator("en"), null)).toBe("Not burning");
    expect(runwayText(translator("zh-CN"), null)).toBe("未在烧钱");
  });
});

describe("a cash-out month: the month, or beyond the 10-year horizon — one wording for that state everywhere", () => {
  it("writes the month in the style asked for", () => {
    expect(cashOutText(translator("en"), "2027-02")).toBe("Feb 2027");
    expect(cashOutText(translator("zh-CN"), "2027-02")).toBe("2027年2月");
    expect(cashOutText(translator("en"), "2027-02", "cell")).toBe("2027-02");
  });

  it("says beyond 10 years, never a dash, when no month falls below zero", () => {
    expect(cashOutText(translator("en"), null)).toBe("Beyond 10 years");
    expect(cashOutText(translator("zh-CN"), null)).toBe("10 年以后");
    expect(cashOutText(translator("en"), null, "cell")).toBe("Beyond 10 years");
  });
});

describe("a net burn as one figure: negative is cash generated, said so", () => {
  const usd = (locale: "en" | "zh-CN") => (minor: number) => formatterFor(locale).money(minor, "USD");
  it("writes a burn as a burn", () => {
    expect(netBurnPhrase(translator("en"), 1_500_000, usd("en"))).toBe("net burn $15,000");
    expect(netBurnPhrase(translator("zh-CN"), 1_500_000, usd("zh-CN"))).toBe("净消耗 US$15,000");
  });

  it("never writes a negative burn", () => {
    expect(netBurnPhrase(translator("en"), -1_500_000, usd("en"))).toBe("net cash generated $15,000");
    expect(netBurnPhrase(translator("zh-CN"), -1_500_000, usd("zh-CN"))).toBe("净现金流入 US$15,000");
    expect(netBurnPhrase(translator("en"), null, usd("en"))).toBe("—");
  });
});

describe("one percent format, through Intl, in both languages", () => {
  it("writes the sign against the number: 17.6%, never 12 %", () => {
    expect(formatterFor("en").percent(0.176)).toBe("17.6%");
    expect(formatterFor("zh-CN").percent(0.176)).toBe("17.6%");
    expect(formatterFor("en").percent(0.12)).toBe("12%");
    expect(formatterFor("en").percent(0.2, 1, true)).toBe("20.0%");
  });

  it("writes basis points (rates, ownership) with at most two decimals", () => {
    expect(formatterFor("en").basisPoints(1250)).toBe("12.5%");
    expect(formatterFor("zh-CN").basisPoints(1234)).toBe("12.34%");
    expect(formatterFor("en").basisPoints(1000)).toBe("10%");
    expect(formatterFor("en").basisPoints(null)).toBe("—");
  });
});
