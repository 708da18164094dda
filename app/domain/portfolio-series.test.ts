import { describe, expect, it } from "vitest";
import { parsePortfolioQuery, parseRiskCell, filterParams } from "./portfolio-query";
import { foldNetBurn, foldRaised, incompleteMonths, mergeRateUses, missingRateMonths } from "./portfolio-series";

describe("aggregate net burn by month", () => {
  const months = ["2026-02", "2026-03", "2026-04"];
  const base = { expectedCompanies: 3, missingCompanies: 0, missingCurrencies: [] as string[] };

  it("adds converted groups, and flags (never zeroes) a month whose rate is missing", () => {
    const points = foldNetBurn(
      months,
      [
        { month: "2026-02", currency: "USD", rate: "1", companies: 2, netBurn: 20_000_000 },
        { month: "2026-02", currency: "EUR", rate: "1.1", companies: 1, netBurn: 11_000_000 },
        { month: "2026-03", currency: "USD", rate: "1", companies: 2, netBurn: 21_000_000 },
        { month: "2026-03", currency: "EUR", rate: null, companies: 1, netBurn: null },
      ],
      [{ month: "2025-06", companies: 3 }],
    );
    expect(points).toEqual([
      { ...base, month: "2026-02", netBurn: 31_000_000, convertedPart: 31_000_000, companies: 3, complete: true },
      { ...base, month: "2026-03", netBurn: null, convertedPart: 21_000_000, companies: 3, missingCompanies: 1, missingCurrencies: ["EUR"], complete: false },
      { ...base, month: "2026-04", netBurn: null, convertedPart: 0, companies: 0, complete: false },
    ]);
  });

  it("counts per month the companies owed a report, and leaves a month where one has not reported without a total", () => {
    // Six companies: five since 2025, one since 2026-03. In 2026-04 one has not reported yet.
    const points = foldNetBurn(
      ["2026-01", "2026-02", "2026-03", "2026-04"],
      [
        { month: "2026-01", currency: "USD", rate: "1", companies: 5, netBurn: 500 },
        { month: "2026-02", currency: "USD", rate: "1", companies: 5, netBurn: 500 },
        { month: "2026-03", currency: "USD", rate: "1", companies: 6, netBurn: 600 },
        { month: "2026-04", currency: "USD", rate: "1", companies: 5, netBurn: 360 },
      ],
      [
        { month: "2025-04", companies: 5 },
        { month: "2026-03", companies: 1 },
      ],
    );
    expect(points.map((p) => [p.month, p.companies, p.expectedCompanies, p.complete, p.netBurn, p.convertedPart])).toEqual([
      ["2026-01", 5, 5, true, 500, 500],
      ["2026-02", 5, 5, true, 500, 500],
      ["2026-03", 6, 6, true, 600, 600],
      ["2026-04", 5, 6, false, null, 360],
    ]);
    expect(incompleteMonths(points).map((p) => p.month)).toEqual(["2026-04"]);
  });

  it("starts at the first month any company owed a report", () => {
    const points = foldNetBurn(months, [{ month: "2026-03", currency: "USD", rate: "1", companies: 1, netBurn: 100 }], [{ month: "2026-03", companies: 1 }]);
    expect(points.map((p) => p.month)).toEqual(["2026-03", "2026-04"]);
    expect(points[1]).toMatchObject({ companies: 0, expectedCompanies: 1, complete: false, netBurn: null });
    expect(foldNetBurn(months, [], [])).toEqual([]);
  });

  it("keeps a negative net burn (revenue above spend) as it is", () => {
    const [point] = foldNetBurn(
      ["2026-02"],
      [{ month: "2026-02", currency: "USD", rate: "1", companies: 1, netBurn: -500 }],
      [{ month: "2026-02", companies: 1 }],
    );
    expect(point!.netBurn).toBe(-500);
  });
});

describe("capital raised by instrument", () => {
  it("sums converted rounds per instrument and counts the rounds without a rate apart", () => {
    const raised = foldRaised([
      { instrument: "seed", currency: "USD", month: null, rate: "1", rounds: 2, amount: 300_000_00 },
      { instrument: "seed", currency: "EUR", month: "2025-06", rate: "1.1", rounds: 1, amount: 110_000_00 },
      { instrument: "seed", currency: "EUR", month: "2025-07", rate: null, rounds: 1, amount: null },
      { instrument: "series_a", currency: "USD", month: null, rate: "1", rounds: 1, amount: 5_000_000_00 },
    ]);
    expect(raised.rows).toEqual([
      { instrument: "series_a", amount: 5_000_000_00, rounds: 1, missingRounds: 0 },
      { instrument: "seed", amount: 410_000_00, rounds: 4, missingRounds: 1 },
    ]);
    expect(raised.total).toBe(5_410_000_00);
    expect(raised.rounds).toBe(5);
    expect(raised.missingRounds).toBe(1);
  });
});

describe("rates used", () => {
  it("lists each foreign (currency, month) once with what used it, missing ones with a null rate", () => {
    expect(
      mergeRateUses("USD", [
        { kind: "table", currency: "EUR", month: "2026-03", rate: null },
        { kind: "netBurn", currency: "EUR", month: "2026-03", rate: null },
        { kind: "netBurn", currency: "EUR", month: "2026-02", rate: "1.1" },
        { kind: "netBurn", currency: "USD", month: "2026-02", rate: "1" },
        { kind: "raised", currency: "GBP", month: "2025-01", rate: "1.25" },
        { kind: "raised", currency: "USD", month: null, rate: "1" },
      ]),
    ).toEqual([
      { currency: "EUR", month: "2026-02", rate: "1.1", usedFor: ["netBurn"] },
      { currency: "EUR", month: "2026-03", rate: null, usedFor: ["table", "netBurn"] },
      { currency: "GBP", month: "2025-01", rate: "1.25", usedFor: ["raised"] },
    ]);
  });
});

describe("portfolio URL", () => {
  it("reads sort, direction, filters and page, and falls back on anything unknown", () => {
    expect(parsePortfolioQuery(new URLSearchParams("sort=runway&dir=desc&page=3&q=%20Lab%20&status=overdue&runway=critical"))).toEqual({
      sort: "runway",
      dir: "desc",
      page: 3,
      q: "Lab",
      status: "overdue",
      runway: "critical",
    });
    expect(parsePortfolioQuery(new URLSearchParams("sort=drop+table&dir=sideways&page=-1&status=late&runway=0"))).toEqual({
      sort: "name",
      dir: "asc",
      page: 1,
      q: "",
      status: null,
      runway: null,
    });
    // The first direction of a column is its "worst first" one.
    expect(parsePortfolioQuery(new URLSearchParams("sort=cash")).dir).toBe("desc");
    expect(parsePortfolioQuery(new URLSearchParams(`q=${"x".repeat(500)}%00`)).q).toHaveLength(100);
  });

  it("keeps the filters for drill-down links and reads a heat-map cell", () => {
    expect(filterParams({ q: "ai", status: "due", runway: null }).toString()).toBe("q=ai&status=due");
    expect(parseRiskCell(new URLSearchParams("likelihood=4&impact=5&page=2"))).toEqual({ likelihood: 4, impact: 5, page: 2 });
    expect(parseRiskCell(new URLSearchParams("likelihood=9&impact=x"))).toEqual({ likelihood: null, impact: null, page: 1 });
  });
});

describe("missingRateMonths", () => {
  it("lists each currency's missing months once, oldest first, across years, never the month still running", () => {
    const uses = [
      { currency: "EUR", month: "2026-03", rate: null },
      { currency: "EUR", month: "2024-11", rate: null },
      { currency: "EUR", month: "2026-03", rate: null },
      { currency: "EUR", month: "2025-06", rate: "1.08" },
      { currency: "EUR", month: "2026-12", rate: null }, // the running month
      { currency: "CNY", month: "2025-12", rate: null },
      { currency: "CNY", month: null, rate: null },
    ];
    expect(missingRateMonths(uses, "2026-12")).toEqual([
      { currency: "CNY", months: ["2025-12"] },
      { currency: "EUR", months: ["2024-11", "2026-03"] },
    ]);
    expect(missingRateMonths([{ currency: "EUR", month: "2026-12", rate: null }], "2026-12")).toEqual([]);
  });
});
