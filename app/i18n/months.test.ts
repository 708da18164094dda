import { describe, expect, it } from "vitest";
import { formatterFor } from "~/i18n/format";
import { dateCell, dateText, dateTimeText, monthCell, monthRangeText, monthText } from "~/i18n/months";
import { translator } from "~/i18n/translate";

describe("months and dates in running text: a word in a sentence, in the reader's language", () => {
  it.each([
    ["en", "2026-11", "Nov 2026"],
    ["zh-CN", "2026-11", "2026年11月"],
    ["en", "2026-01", "Jan 2026"],
    ["zh-CN", "2026-01", "2026年1月"],
  ] as const)("writes a month as a short month name and year (%s: %s is %s)", (locale, month, text) => {
    expect(monthText(locale, month)).toBe(text);
  });

  it("takes a translator as well as a locale, and the formatter says the same", () => {
    expect(monthText(translator("zh-CN"), "2027-02")).toBe("2027年2月");
    expect(formatterFor("en").month("2027-02")).toBe(monthText("en", "2027-02"));
    expect(formatterFor("zh-CN").month("2027-02")).toBe(monthText("zh-CN", "2027-02"));
  });

  it("writes a span of months with the language's joiner; one month stays one", () => {
    expect(monthRangeText("en", "2026-02", "2026-04")).toBe("Feb 2026 – Apr 2026");
    expect(monthRangeText("zh-CN", "2026-02", "2026-04")).toBe("2026年2月至2026年4月");
    expect(monthRangeText("en", "2026-04", "2026-04")).toBe("Apr 2026");
  });

  it("writes a date with its day, read in UTC", () => {
    expect(dateText("en", "2026-11-05")).toBe("Nov 5, 2026");
    expect(dateText("zh-CN", "2026-11-05")).toBe("2026年11月5日");
    // Late on the 5th in UTC is still the 5th, whatever the server's zone.
    expect(dateText("en", "2026-11-05T23:30:00Z")).toBe("Nov 5, 2026");
    expect(dateTimeText("en", "2026-04-15T09:05:00Z")).toBe("Apr 15, 2026, 09:05 UTC");
  });
});

describe("months and dates in tables: narrow, aligned, sorted as read, the same in both languages and in the CSV", () => {
  it("writes year and month as digits", () => {
    expect(monthCell("en", "2026-11")).toBe("2026-11");
    expect(monthCell("zh-CN", "2026-11")).toBe("2026-11");
    expect(monthCell("en", "2026-01")).toBe("2026-01");
    expect(formatterFor("zh-CN").monthCell("2026-03")).toBe("2026-03");
  });

  it("writes dates as year-month-day", () => {
    expect(dateCell("en", "2026-11-05")).toBe("2026-11-05");
    expect(dateCell("zh-CN", "2026-11-05")).toBe("2026-11-05");
  });

  it("never mixes the two styles (the budget grid once read “Jan 2026-01”)", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      for (const month of ["2026-01", "2026-12", "1999-07"]) {
        expect(monthText(locale, month)).not.toContain(month);
        expect(monthCell(locale, month)).toBe(month);
      }
    }
  });
});

describe("what is not a month", () => {
  it("shows a missing month as a dash and passes anything else through", () => {
    for (const format of [monthText, monthCell]) {
      expect(format("en", null)).toBe("—");
      expect(format("zh-CN", undefined)).toBe("—");
      expect(format("en", "not a month")).toBe("not a month");
    }
    expect(dateText("en", "not a date")).toBe("—");
    expect(dateCell("zh-CN", null)).toBe("—");
  });
});
