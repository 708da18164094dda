import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { withSystem } from "../../db/tenant";
import { addMonths, averageNetBurn, runway, runwayForDisplay } from "../../app/finance";
import { convertMinorUnits } from "../../app/finance/fx";
import { parsePortfolioQuery } from "../../app/domain/portfolio-query";
import type { OrgContext } from "../../app/auth/context";
import { getPortfolio, type Portfolio } from "../../app/models/portfolio.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeOrgWithOwner } from "../support/factories";
import { countingDb, seedManyCompanies } from "../support/portfolio-fixtures";
import { ago, BERLIN, c, CM, seedNorthstarPortfolio } from "../support/portfolio-seed";

// The portfolio model against figures computed here by hand (or with the finance functions
// and convertMinorUnits), with "today" injected. The pages over HTTP: portfolio-http.test.ts.
const query = (qs = "") => parsePortfolioQuery(new URLSearchParams(qs));

let app: TestApp;
let fund: Awaited<ReturnType<typeof seedNorthstarPortfolio>>["fund"];

beforeAll(async () => {
  app = await startTestApp();
  ({ fund } = await seedNorthstarPortfolio(app.database));
}, 120_000);
afterAll(() => app.close());

const rowOf = (p: Portfolio, name: string) => p.rows.find((r) => r.name === name)!;

describe("portfolio figures against independently computed values", () => {
  let p: Portfolio;
  beforeAll(async () => {
    p = await getPortfolio(fund.ctx, query(), { today: `${CM}-10` });
  });

  it("lists exactly the companies with an approved grant", () => {
    expect(p.rows.map((r) => r.name)).toEqual(["Alpha AI", "Berlin Models", "Cologne Labs", "Delta Robotics", "Echo Vision"]);
    expect(p.summary.portfolioSize).toBe(5);
  });

  it("shows the worked example for a company in the investor's own currency", () => {
    expect(rowOf(p, "Alpha AI")).toMatchObject({
      month: ago(1),
      rate: "1",
      rateMissing: false,
      cash: c(1_200_000),
      netBurn: c(130_000),
      averageNetBurn: c(130_000),
      runwayMonths: 9.2,
      runwayLevel: "ok",
      cashOutMonth: addMonths(ago(1), 10), // 2026-04 → 2027-02 in the spec
      defaultAlive: "profitable",
      defaultAliveMonth: addMonths(ago(1), 7), // 2026-04 → 2026-11
      status: "reported",
      owed: null,
      // The closed 5×5 and the accepted 5×4 are not live: the top risk is the open 4×5.
      topRisk: { title: "GPU supply crunch", likelihood: 4, impact: 5, score: 20 },
    });
    // 170,000 spent against a 150,000 budget.
    expect(rowOf(p, "Alpha AI").variance).toEqual({ budget: c(150_000), amount: c(20_000), percent: expect.closeTo(20_000 / 150_000, 5) });
  });

  it("converts a EUR company at its month's rate, rounding half away from zero", () => {
    const berlin = rowOf(p, "Berlin Models");
    const average = averageNetBurn(
      BERLIN.map((r) => ({ month: r.month, spend: { compute: r.spend }, revenue: r.revenue })),
      ago(1),
      3,
    ).value!;
    expect(berlin.rate).toBe("1.1");
    expect(berlin.cash).toBe(110_000_006); // 100,000,005 × 1.1 = 110,000,005.5
    expect(berlin.cash).toBe(convertMinorUnits(100_000_005, "1.1"));
    expect(berlin.netBurn).toBe(convertMinorUnits(13_000_000 - 1_000_001, "1.1"));
    expect(berlin.netBurn).toBe(13_199_999);
    expect(berlin.averageNetBurn).toBe(convertMinorUnits(average, "1.1"));
    // Runway is a ratio: the same in any currency.
    expect(berlin.runwayMonths).toBe(runwayForDisplay(runway(100_000_005, average)));
    expect(berlin.runwayMonths).toBe(9.0);
    expect(berlin.variance).toEqual({ budget: c(125_000), amount: convertMinorUnits(c(5_000), "1.1"), percent: 0.04 });
  });

  it("shows a figure whose rate is missing as missing, never as zero", () => {
    const cologne = rowOf(p, "Cologne Labs");
    expect(cologne).toMatchObject({ month: ago(2), rate: null, rateMissing: true, cash: null, netBurn: null, averageNetBurn: null });
    // 100,000 / 60,000 (two months only) = 1.66… → 1.6, critical; budgets are not shared.
    expect(cologne).toMatchObject({ runwayMonths: 1.6, runwayLevel: "critical", shortHistory: true, variance: null });
    expect(cologne.topRisk?.title).toBe("Data licence dispute");
  });

  it("says 'not shared' instead of figures, and reads nothing of an unshared section", () => {
    const delta = rowOf(p, "Delta Robotics");
    expect(delta).toMatchObject({
      shared: { financials: false, risks: true, budgets: false },
      month: null,
      cash: null,
      runwayMonths: null,
      status: null,
      variance: null,
    });
    expect(delta.topRisk?.title).toBe("Actuator recall");
    const echo = rowOf(p, "Echo Vision");
    expect(echo).toMatchObject({ shared: { financials: true, risks: false, budgets: false }, topRisk: null, variance: null });
    expect(echo).toMatchObject({ runwayMonths: null, runwayLevel: "not_burning", cash: c(2_030_000), netBurn: c(-30_000), status: "overdue" });
  });

  it("adds up the portfolio-wide figures over every company, leaving out a missing rate", () => {
    expect(p.summary).toMatchObject({
      companies: 5,
      notShared: 1,
      noReports: 0,
      withFigures: 4,
      rateMissing: 1,
      totalCash: c(1_200_000) + 110_000_006 + c(2_030_000),
      totalNetBurn: c(130_000) + 13_199_999 + c(-30_000),
      medianRunway: 9.0, // of 1.6, 9.0 and 9.2
      burning: 3,
      byStatus: { reported: 2, due: 1, overdue: 1 },
      byLevel: { critical: 1, caution: 0, ok: 2, not_burning: 1 },
      latestMonth: ago(1),
    });
  });

  it("judges reporting status by day 15 of the month after the owed month", async () => {
    expect(rowOf(p, "Cologne Labs")).toMatchObject({ status: "due", owed: { month: ago(1), dueDate: `${CM}-15` } });
    const later = await getPortfolio(fund.ctx, query(), { today: `${CM}-16` });
    expect(rowOf(later, "Cologne Labs").status).toBe("overdue");
    expect(later.summary.byStatus).toEqual({ reported: 2, due: 0, overdue: 2 });
  });

  it("charts aggregate net burn per month, converted at each month's rate, flagging the month without one", () => {
    // Owed a report (sharing financials, from the first report on): Echo from ago(6), Alpha and
    // Berlin from ago(4), Cologne from ago(3). Echo stopped after ago(5) and Cologne after ago(2),
    // so only ago(6) and ago(5) are complete; the other months keep what is in, without a total.
    const byMonth = new Map(p.charts.netBurn.map((point) => [point.month, point]));
    expect(p.charts.netBurn.map((point) => point.month)).toEqual([ago(6), ago(5), ago(4), ago(3), ago(2), ago(1)]);
    expect(byMonth.get(ago(1))).toMatchObject({
      netBurn: null,
      convertedPart: c(130_000) + 13_199_999,
      companies: 2,
      expectedCompanies: 4,
      missingCompanies: 0,
    });
    expect(byMonth.get(ago(2))).toMatchObject({
      netBurn: null,
      convertedPart: c(130_000),
      companies: 3,
      expectedCompanies: 4,
      missingCompanies: 2,
      missingCurrencies: ["EUR"],
    });
    expect(byMonth.get(ago(3))!.convertedPart).toBe(c(130_000) + convertMinorUnits(c(100_000), "1.09") + convertMinorUnits(c(60_000), "1.09"));
    expect(byMonth.get(ago(4))!.convertedPart).toBe(c(120_000) + convertMinorUnits(c(90_000), "1.08"));
    expect(byMonth.get(ago(4))).toMatchObject({ companies: 2, expectedCompanies: 3, complete: false, netBurn: null });
    expect(byMonth.get(ago(5))).toMatchObject({ netBurn: c(-30_000), companies: 1, expectedCompanies: 1, complete: true });
  });

  it("charts capital raised by instrument over companies sharing funding & debt, converted at the close month", () => {
    expect(p.charts.raised).toEqual({
      rows: [
        { instrument: "series_a", amount: c(10_000_000), rounds: 2, missingRounds: 1 },
        { instrument: "seed", amount: c(2_000_000) + convertMinorUnits(c(500_000), "1.09"), rounds: 2, missingRounds: 0 },
      ],
      total: c(12_000_000) + c(545_000),
      rounds: 4,
      missingRounds: 1,
    });
  });

  it("counts open and mitigating risks per cell over companies sharing risks", () => {
    const expected = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    expected[3]![4] = 2; // Alpha's and Cologne's 4×5
    expected[2]![2] = 1; // Alpha's mitigating 3×3
    expected[2]![3] = 1; // Delta's 3×4
    expected[1]![1] = 1; // Berlin's 2×2
    expect(p.charts.heatMap).toEqual(expected);
  });

  it("names every rate it used and every rate it missed", () => {
    expect(p.rates).toEqual([
      { currency: "EUR", month: ago(4), rate: "1.08", usedFor: ["netBurn"] },
      { currency: "EUR", month: ago(3), rate: "1.09", usedFor: ["netBurn", "raised"] },
      { currency: "EUR", month: ago(2), rate: null, usedFor: ["table", "netBurn", "raised"] },
      { currency: "EUR", month: ago(1), rate: "1.1", usedFor: ["table", "netBurn"] },
    ]);
  });

  it("charts the runway of burning companies, shortest first", () => {
    expect(p.charts.runway.map((b) => [b.name, b.runwayMonths, b.level])).toEqual([
      ["Cologne Labs", 1.6, "critical"],
      ["Berlin Models", 9, "ok"],
      ["Alpha AI", 9.2, "ok"],
    ]);
  });
});

describe("sorting, filtering and paging", () => {
  const names = async (qs: string) => (await getPortfolio(fund.ctx, query(qs), { today: `${CM}-10` })).rows.map((r) => r.name.split(" ")[0]);

  it("sorts every column on the server, companies without figures last", async () => {
    expect(await names("sort=runway&dir=asc")).toEqual(["Cologne", "Berlin", "Alpha", "Echo", "Delta"]);
    expect(await names("sort=runway&dir=desc")).toEqual(["Echo", "Alpha", "Berlin", "Cologne", "Delta"]);
    expect(await names("sort=cash")).toEqual(["Echo", "Alpha", "Berlin", "Cologne", "Delta"]);
    expect(await names("sort=topRisk")).toEqual(["Alpha", "Cologne", "Delta", "Berlin", "Echo"]);
    expect(await names("sort=name&dir=desc")).toEqual(["Echo", "Delta", "Cologne", "Berlin", "Alpha"]);
    expect(await names("sort=status")).toEqual(["Echo", "Cologne", "Alpha", "Berlin", "Delta"]);
    expect(await names("sort=variance")).toEqual(["Alpha", "Berlin", "Cologne", "Delta", "Echo"]);
    for (const sort of ["month", "netBurn", "averageNetBurn", "cashOut", "defaultAlive", "variancePercent"]) {
      expect(await names(`sort=${sort}`), sort).toHaveLength(5);
    }
  });

  it("filters by name, reporting status and runway level, and the figures follow the filter", async () => {
    const labs = await getPortfolio(fund.ctx, query("q=LAB"), { today: `${CM}-10` });
    expect(labs.rows.map((r) => r.name)).toEqual(["Cologne Labs"]);
    expect(labs.summary).toMatchObject({ companies: 1, portfolioSize: 5, totalCash: null, rateMissing: 1 });
    expect(labs.charts.heatMap[3]![4]).toBe(1);
    expect(await names("status=overdue")).toEqual(["Echo"]);
    expect(await names("runway=critical")).toEqual(["Cologne"]);
    expect(await names("runway=not_burning")).toEqual(["Echo"]);
    expect(await names("q=%25")).toEqual([]); // a % is a character, not a wildcard
  });

  it("pages by 50 while the portfolio-wide figures cover every matching company", async () => {
    const scale = await makeOrgWithOwner(app.database, "investor", "Scale Fund");
    await seedManyCompanies(app.database, scale.org.id, "Scale", 55, ago(1));
    const first = await getPortfolio(scale.ctx, query(), { today: `${CM}-10` });
    expect(first.rows).toHaveLength(50);
    expect(first).toMatchObject({ page: 1, pageCount: 2 });
    expect(first.summary.companies).toBe(55);
    expect(first.summary.totalCash).toBe(c(100_000) * ((55 * 56) / 2));
    expect(first.charts.heatMap[1]![2]).toBe(55);
    const second = await getPortfolio(scale.ctx, query("page=2"), { today: `${CM}-10` });
    expect(second.rows.map((r) => r.name)).toEqual(["Scale 051", "Scale 052", "Scale 053", "Scale 054", "Scale 055"]);
    // A page past the end shows the last page's rows (the SQL clamps like the page count).
    const beyond = await getPortfolio(scale.ctx, query("page=99"), { today: `${CM}-10` });
    expect(beyond.page).toBe(2);
    expect(beyond.rows.map((r) => r.name)).toEqual(second.rows.map((r) => r.name));
    const empty = await makeOrgWithOwner(app.database, "investor", "Empty Fund");
    const none = await getPortfolio(empty.ctx, query("page=3"), { today: `${CM}-10` });
    expect(none).toMatchObject({ page: 1, pageCount: 1, rows: [] });
  });

  it("runs the same fixed number of statements for 5 companies as for 60", async () => {
    const counts: number[] = [];
    for (const size of [5, 60]) {
      const investor = await makeOrgWithOwner(app.database, "investor", `Count Fund ${size}`);
      await seedManyCompanies(app.database, investor.org.id, `Count${size}`, size, ago(1));
      const counting = countingDb(app.database.db);
      const ctx: OrgContext = { ...investor.ctx, db: counting.db };
      const result = await getPortfolio(ctx, query("sort=topRisk"), { today: `${CM}-10` });
      expect(result.summary.companies).toBe(size);
      expect([...counting.counter.otherMethods]).toEqual([]);
      counts.push(counting.counter.statements);
    }
    // The tenant settings (read only, role, org), the settings, then every portfolio-wide figure and chart with the page of rows.
    expect(counts).toEqual([3, 3]);
  });
});

describe("conversion in SQL", () => {
  it("rounds amount × rate exactly like convertMinorUnits, halves away from zero", async () => {
    const cases: [number, string][] = [
      [100_000_005, "1.1"], // 110,000,005.5 → 110,000,006
      [-100_000_005, "1.1"], // −110,000,005.5 → −110,000,006
      [5, "0.5"], // 2.5 → 3
      [-5, "0.5"], // −2.5 → −3
      [1, "0.0000000001"],
      [123_456_789_012, "1.0825"],
      [-987_654_321, "0.0000123457"],
      [9_007_199_254_740, "1000"],
      [0, "7.5"],
    ];
    for (const [amount, rate] of cases) {
      const result = await withSystem(app.database.db, (tx) => tx.execute(sql`select round(${amount}::bigint * ${rate}::numeric(20, 10))::text as converted`));
      const [row] = rowsOf<{ converted: string }>(result);
      expect(Number(row!.converted), `${amount} × ${rate}`).toBe(convertMinorUnits(amount, rate));
    }
  });
});
