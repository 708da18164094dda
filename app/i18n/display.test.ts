import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { runwayNumber, runwayText } from "~/i18n/display";

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
  });
});
