import { budgetLines, JS_BUDGET_KB, MAIN_PAGES } from "./js-size";

describe("the JavaScript budget of the main pages", () => {
  test("a page at the budget meets it; one byte over misses; a page missing from the build is neither", () => {
    const lines = budgetLines([
      { name: "at", gzipBytes: JS_BUDGET_KB * 1024 },
      { name: "over", gzipBytes: JS_BUDGET_KB * 1024 + 1 },
      { name: "gone", gzipBytes: null },
    ]);
    expect(lines).toEqual([
      { name: "at", kb: 200, met: true },
      { name: "over", kb: 200, met: false },
      { name: "gone", kb: null, met: null },
    ]);
  });

  test("every main page is held to it, both kinds of org home (a startup's dashboard, a fund's overview) included", () => {
    const patterns = MAIN_PAGES.map((p) => p.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining(["login", "o/:orgSlug", "o/:orgSlug/overview", "o/:orgSlug/portfolio", "o/:orgSlug/companies/:companySlug", "r/:token"]),
    );
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});
