import { describe, expect, it } from "vitest";
import { DEFAULT_PORTFOLIO_COLUMNS, parsePortfolioColumns, portfolioColumnsFrom, storedPortfolioColumns } from "./portfolio-columns";

describe("portfolio columns (issue #15 item 20)", () => {
  it("defaults to what fits 1280 px: no average net burn, cash-out month or budget variance", () => {
    expect(parsePortfolioColumns(null)).toEqual(["month", "cash", "netBurn", "runway", "defaultAlive", "topRisk", "status"]);
    expect(DEFAULT_PORTFOLIO_COLUMNS).not.toContain("variance");
    expect(DEFAULT_PORTFOLIO_COLUMNS).not.toContain("averageNetBurn");
  });

  it("keeps the table's order whatever order the choice came in, and drops unknown ids", () => {
    expect(portfolioColumnsFrom(["status", "variance", "<script>", "cash"])).toEqual(["cash", "variance", "status"]);
  });

  it("stores and reads back a choice, including the choice of no optional column", () => {
    for (const choice of [
      ["runway", "variance"],
      [],
      ["month", "cash", "netBurn", "averageNetBurn", "runway", "cashOut", "defaultAlive", "topRisk", "variance", "status"],
    ] as const) {
      expect(parsePortfolioColumns(storedPortfolioColumns(portfolioColumnsFrom(choice)))).toEqual([...choice]);
    }
  });

  it("falls back to the default when the stored value is unreadable", () => {
    expect(parsePortfolioColumns("nonsense,,x")).toEqual([...DEFAULT_PORTFOLIO_COLUMNS]);
  });
});
