import { describe, expect, it } from "vitest";
import { GRANT_SECTIONS } from "~db/schema/rls";
import { renderMessage } from "~/i18n/message-ref";
import {
  BAD_CODE_MESSAGE,
  EMPTY_VIA_MESSAGE,
  formatShareCode,
  NO_SECTIONS_MESSAGE,
  parseAccessVia,
  parseGrantSections,
  sameSections,
  SECTION_HINT_KEYS,
  SECTION_KEYS,
  SECTION_LABEL_KEYS,
  SECTION_LABELS,
  UNKNOWN_SECTION_MESSAGE,
} from "./access-grants";

describe("grant sections", () => {
  it("are exactly the sections the database policies know, each with a label", () => {
    expect([...SECTION_KEYS]).toEqual([...GRANT_SECTIONS]);
    expect(Object.keys(SECTION_LABELS).sort()).toEqual([...GRANT_SECTIONS].sort());
    expect(Object.keys(SECTION_LABEL_KEYS).sort()).toEqual([...GRANT_SECTIONS].sort());
    expect(Object.keys(SECTION_HINT_KEYS).sort()).toEqual([...GRANT_SECTIONS].sort());
  });

  it("parses ticked boxes into the canonical order, duplicates collapsed", () => {
    expect(parseGrantSections(["risks", "financials", "risks"])).toEqual({ ok: true, sections: ["financials", "risks"] });
  });

  it("needs at least one section", () => {
    expect(parseGrantSections([])).toEqual({ ok: false, error: NO_SECTIONS_MESSAGE });
  });

  it("refuses the whole set when one value is not a section", () => {
    for (const bad of ["everything", "Financials", "", "financials ", "financials\u0000", null, 3]) {
      expect(parseGrantSections(["budgets", bad])).toEqual({ ok: false, error: UNKNOWN_SECTION_MESSAGE });
    }
  });

  it("compares sets regardless of order and repeats", () => {
    expect(sameSections(["risks", "budgets"], ["budgets", "risks", "risks"])).toBe(true);
    expect(sameSections(["risks"], ["risks", "budgets"])).toBe(false);
    expect(sameSections([], [])).toBe(true);
  });
});

describe("share code or owner email", () => {
  it("reads an email, trimmed and lower-cased, keeping what was typed", () => {
    expect(parseAccessVia("  Founder@Lumen.Example ")).toEqual({
      ok: true,
      via: { kind: "email", email: "founder@lumen.example", typed: "Founder@Lumen.Example" },
    });
  });

  it("reads a share code in any case, with the spaces and dashes people add", () => {
    expect(parseAccessVia("3f9a 1c0b-7d2e")).toEqual({ ok: true, via: { kind: "share_code", code: "3F9A1C0B7D2E", typed: "3f9a 1c0b-7d2e" } });
    expect(parseAccessVia("ABCD1234EF56")).toEqual({ ok: true, via: { kind: "share_code", code: "ABCD1234EF56", typed: "ABCD1234EF56" } });
  });

  it("names what is wrong", () => {
    expect(parseAccessVia("")).toEqual({ ok: false, error: EMPTY_VIA_MESSAGE });
    expect(parseAccessVia("   ")).toEqual({ ok: false, error: EMPTY_VIA_MESSAGE });
    expect(parseAccessVia(undefined)).toEqual({ ok: false, error: EMPTY_VIA_MESSAGE });
    expect(parseAccessVia("'; drop table orgs; --")).toEqual({ ok: false, error: BAD_CODE_MESSAGE });
    expect(parseAccessVia("<script>")).toEqual({ ok: false, error: BAD_CODE_MESSAGE });
    expect(parseAccessVia("AB\u0000CD1234")).toEqual({ ok: false, error: BAD_CODE_MESSAGE });
    expect(parseAccessVia("ABC")).toEqual({ ok: false, error: BAD_CODE_MESSAGE });
    expect(parseAccessVia("not@an@email").ok).toBe(false);
    const long = parseAccessVia("a".repeat(250) + "@x.test");
    expect(!long.ok && renderMessage("en", long.error)).toBe("That is too long for a share code or an email address.");
    expect(renderMessage("en", BAD_CODE_MESSAGE)).toBe("A share code is letters and digits only, like 3F9A1C0B7D2E.");
    expect(renderMessage("zh-CN", NO_SECTIONS_MESSAGE)).toBe("请至少选择一个要共享的栏目。");
  });

  it("groups a code in fours for reading", () => {
    expect(formatShareCode("3F9A1C0B7D2E")).toBe("3F9A 1C0B 7D2E");
    expect(formatShareCode("ABCDE")).toBe("ABCD E");
    expect(parseAccessVia(formatShareCode("3F9A1C0B7D2E"))).toMatchObject({ ok: true, via: { code: "3F9A1C0B7D2E" } });
  });
});
