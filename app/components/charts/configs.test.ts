import { describe, expect, it } from "vitest";
import { SPEND_CATEGORIES } from "~/finance/burn";
import { translator } from "~/i18n/translate";
import { budgetVsActualChartConfig, cashRunwayChartConfig, debtServiceChartConfig, spendByCategoryChartConfig, type SpendMonth } from "./configs";
import { gapRuns, onCalendar } from "./calendar";
import { heatMapRows } from "./heat-map";
import { RISK_BAND_CELL_CLASSES, SERIES_COLOURS, SPEND_CATEGORY_COLOURS } from "./palette";
import { at, lookup, leading } from "../../../tests/support/at";

const en = translator("en");
const zh = translator("zh-CN");
const zeroSpend = () => Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, 0])) as SpendMonth["spend"];

describe("cash and runway chart", () => {
  const config = cashRunwayChartConfig(
    [
      { month: "2026-03", cash: 133_000_000, runwayMonths: 10.2 },
      { month: "2026-04", cash: 120_000_000, runwayMonths: 9.2 },
      { month: "2026-05", cash: 125_000_000, runwayMonths: null },
    ],
    "USD",
    en,
  );

  it("plots cash in major units on the left axis and runway in months on the right", () => {
    expect(config.type).toBe("line");
    expect(config.data.labels).toEqual(["2026-03", "2026-04", "2026-05"]);
    const [cash, runway] = leading(config.data.datasets, 2);
    expect(cash.label).toBe("Cash at month end (USD)");
    expect(cash.data).toEqual([1_330_000, 1_200_000, 1_250_000]);
    expect(cash.yAxisID).toBe("cash");
    expect(cash.borderColor).toBe(SERIES_COLOURS.cash);
    expect(runway.label).toBe("Runway (months)");
    expect(runway.yAxisID).toBe("runway");
    expect(runway.borderColor).toBe(SERIES_COLOURS.runway);
    expect(config.options?.scales?.cash?.position).toBe("left");
    expect(config.options?.scales?.runway?.position).toBe("right");
  });

  it("leaves a gap (not zero) where the company was not burning", () => {
    expect(at(config.data.datasets, 1).data).toEqual([10.2, 9.2, null]);
    expect(at(config.data.datasets, 1).spanGaps).toBe(false);
  });

  it("labels the cash axis ticks in the org's currency", () => {
    const scales = config.options!.scales as Record<string, { ticks?: { callback?: (v: number) => string } }>;
    expect(lookup(scales, "cash").ticks!.callback!(1_200_000)).toBe("$1.2M");
  });

  it("says 'not burning' in the runway tooltip instead of a number", () => {
    const label = config.options!.plugins!.tooltip!.callbacks!.label as unknown as (item: object) => string;
    expect(label({ dataset: { label: "Runway (months)", yAxisID: "runway" }, parsed: { y: null } })).toBe("Runway: not burning");
    expect(label({ dataset: { label: "Runway (months)", yAxisID: "runway" }, parsed: { y: 9.2 } })).toBe("Runway: 9.2 months");
    expect(label({ dataset: { label: "Cash", yAxisID: "cash" }, parsed: { y: 1_200_000 } })).toBe("Cash: $1,200,000");
  });
});

describe("spend by category chart", () => {
  const march = { ...zeroSpend(), compute: 5_000_000, payroll: 8_000_000 };
  const april = { ...zeroSpend(), compute: 6_000_000, go_to_market: 1_000_000 };
  const config = spendByCategoryChartConfig(
    [
      { month: "2026-03", spend: march },
      { month: "2026-04", spend: april },
    ],
    "EUR",
    en,
  );

  it("has one stacked dataset per fixed spend category, in the fixed order, with its colour", () => {
    expect(config.type).toBe("bar");
    expect(config.data.labels).toEqual(["2026-03", "2026-04"]);
    expect(config.data.datasets.map((d) => d.label)).toEqual(["Compute", "Data", "Payroll", "Research", "Go-to-market", "General & admin", "Other"]);
    expect(config.data.datasets.map((d) => d.backgroundColor)).toEqual(SPEND_CATEGORIES.map((c) => SPEND_CATEGORY_COLOURS[c]));
    expect(new Set(config.data.datasets.map((d) => d.stack))).toEqual(new Set(["spend"]));
    expect(config.options?.scales?.x?.stacked).toBe(true);
    expect(config.options?.scales?.y?.stacked).toBe(true);
  });

  it("puts each month's amounts in major units", () => {
    const byLabel = Object.fromEntries(config.data.datasets.map((d) => [d.label, d.data]));
    expect(byLabel.Compute).toEqual([50_000, 60_000]);
    expect(byLabel.Payroll).toEqual([80_000, 0]);
    expect(byLabel["Go-to-market"]).toEqual([0, 10_000]);
  });

  it("formats tooltips in the org's currency", () => {
    const label = config.options!.plugins!.tooltip!.callbacks!.label as unknown as (item: object) => string;
    expect(label({ dataset: { label: "Compute" }, parsed: { y: 50_000 } })).toBe("Compute: €50,000");
  });
});

describe("budget vs actual chart", () => {
  const config = budgetVsActualChartConfig(
    [
      { category: "compute", budget: 10_000_000, actual: 12_000_000, overrun: true },
      { category: "payroll", budget: 20_000_000, actual: 19_000_000, overrun: false },
    ],
    "USD",
    en,
  );

  it("compares budget and actual per category, side by side", () => {
    expect(config.data.labels).toEqual(["Compute", "Payroll"]);
    expect(config.data.datasets.map((d) => [d.label, d.stack])).toEqual([
      ["Budget", "budget"],
      ["Actual", "actual"],
      ["Actual, over budget", "actual"],
    ]);
    expect(at(config.data.datasets, 0).data).toEqual([100_000, 200_000]);
  });

  it("shows an overrun's actual in the red 'over budget' dataset and the others in the actual colour", () => {
    const [budget, actual, over] = leading(config.data.datasets, 3);
    expect(budget.backgroundColor).toBe(SERIES_COLOURS.budget);
    expect(actual.backgroundColor).toBe(SERIES_COLOURS.actual);
    expect(over.backgroundColor).toBe(SERIES_COLOURS.overrun);
    expect(actual.data).toEqual([null, 190_000]);
    expect(over.data).toEqual([120_000, null]);
  });

  it("leaves the empty half of each actual pair out of the tooltip", () => {
    const filter = config.options!.plugins!.tooltip!.filter as unknown as (item: { raw: unknown }) => boolean;
    expect(filter({ raw: null })).toBe(false);
    expect(filter({ raw: 120_000 })).toBe(true);
  });
});

describe("debt service chart", () => {
  const config = debtServiceChartConfig(
    [
      { month: "2026-05", interest: 500_000, principal: 0 },
      { month: "2026-06", interest: 450_000, principal: 5_000_000 },
    ],
    "USD",
    en,
  );

  it("stacks interest and principal per month", () => {
    expect(config.type).toBe("bar");
    expect(config.data.labels).toEqual(["2026-05", "2026-06"]);
    expect(config.data.datasets.map((d) => [d.label, d.data, d.backgroundColor, d.stack])).toEqual([
      ["Interest", [5_000, 4_500], SERIES_COLOURS.interest, "service"],
      ["Principal", [0, 50_000], SERIES_COLOURS.principal, "service"],
    ]);
    expect(config.options?.scales?.y?.stacked).toBe(true);
  });
});

describe("time axes keep the calendar (issue #15 item 6)", () => {
  // Reported Jan and Feb, nothing from Mar to Sep, then Oct: a seven-month gap.
  const points = [
    { month: "2026-01", cash: 100_000_000, runwayMonths: 10 },
    { month: "2026-02", cash: 90_000_000, runwayMonths: 9 },
    { month: "2026-10", cash: 50_000_000, runwayMonths: 5 },
  ];
  type Footer = (items: { dataIndex: number }[]) => string;

  it("puts every calendar month on the cash and runway axis, null where there is no report, lines not joined across", () => {
    const config = cashRunwayChartConfig(points, "USD", en);
    expect(config.data.labels).toHaveLength(10);
    expect(config.data.labels![2]).toBe("2026-03");
    expect(config.data.labels![8]).toBe("2026-09");
    const [cash, runway] = leading(config.data.datasets, 2);
    expect(cash.data).toEqual([1_000_000, 900_000, null, null, null, null, null, null, null, 500_000]);
    expect(runway.data).toEqual([10, 9, null, null, null, null, null, null, null, 5]);
    expect(cash.spanGaps).toBe(false);
    expect(runway.spanGaps).toBe(false);
    const footer = config.options!.plugins!.tooltip!.callbacks!.footer as unknown as Footer;
    expect(footer([{ dataIndex: 4 }])).toBe("No report for this month");
    expect(footer([{ dataIndex: 1 }])).toBe("");
    const zhFooter = cashRunwayChartConfig(points, "USD", zh).options!.plugins!.tooltip!.callbacks!.footer as unknown as Footer;
    expect(zhFooter([{ dataIndex: 4 }])).toBe("本月没有报告");
  });

  it("leaves empty slots (not zero bars) in the spend chart, in any input order", () => {
    const spend = { ...zeroSpend(), compute: 1_000_000 };
    const config = spendByCategoryChartConfig(
      [
        { month: "2026-04", spend },
        { month: "2026-01", spend },
      ],
      "USD",
      en,
    );
    expect(config.data.labels).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(config.data.datasets[0]!.data).toEqual([10_000, null, null, 10_000]);
    expect(config.data.datasets[1]!.data).toEqual([0, null, null, 0]);
  });

  it("lists the gaps as runs of months, for the line under each chart", () => {
    expect(onCalendar(points).map((s) => s.point === null)).toEqual([false, false, true, true, true, true, true, true, true, false]);
    expect(gapRuns(points)).toEqual([{ first: "2026-03", last: "2026-09" }]);
    expect(gapRuns(points.slice(0, 2))).toEqual([]);
    expect(onCalendar([])).toEqual([]);
  });
});

describe("charts in Chinese", () => {
  it("label months, datasets, axes, ticks and tooltips in the translator's language", () => {
    const cash = cashRunwayChartConfig(
      [
        { month: "2026-03", cash: 133_000_000, runwayMonths: 10.2 },
        { month: "2026-04", cash: 120_000_000, runwayMonths: null },
      ],
      "USD",
      zh,
    );
    expect(cash.data.labels).toEqual(["2026-03", "2026-04"]);
    expect(cash.data.datasets.map((d) => d.label)).toEqual(["月末现金（USD）", "现金跑道（月）"]);
    const scales = cash.options!.scales as Record<string, { title?: { text?: string }; ticks?: { callback?: (v: number) => string } }>;
    expect(lookup(scales, "cash").title!.text).toBe("现金（USD）");
    expect(lookup(scales, "runway").title!.text).toBe("现金跑道（月）");
    expect(lookup(scales, "cash").ticks!.callback!(1_200_000)).toMatch(/^US\$120(\.0)?万$/); // ICU versions differ on the ".0"
    const label = cash.options!.plugins!.tooltip!.callbacks!.label as unknown as (item: object) => string;
    expect(label({ dataset: { label: "现金跑道（月）", yAxisID: "runway" }, parsed: { y: null } })).toBe("现金跑道：未在烧钱");
    expect(label({ dataset: { label: "现金跑道（月）", yAxisID: "runway" }, parsed: { y: 9.2 } })).toBe("现金跑道：9.2 个月");
    expect(label({ dataset: { label: "月末现金（USD）", yAxisID: "cash" }, parsed: { y: 1_200_000 } })).toBe("月末现金（USD）：US$1,200,000");

    const spend = spendByCategoryChartConfig([{ month: "2026-04", spend: zeroSpend() }], "CNY", zh);
    expect(spend.data.datasets.map((d) => d.label)).toEqual(["算力", "数据", "人员薪酬", "研发", "市场与销售", "管理及行政", "其他"]);
    const budget = budgetVsActualChartConfig([{ category: "compute", budget: 100, actual: 200, overrun: true }], "CNY", zh);
    expect(budget.data.labels).toEqual(["算力"]);
    expect(budget.data.datasets.map((d) => d.label)).toEqual(["预算", "实际", "实际（超预算）"]);
    const debt = debtServiceChartConfig([{ month: "2026-05", interest: 1, principal: 0 }], "CNY", zh);
    expect(debt.data.labels).toEqual(["2026-05"]);
    expect(debt.data.datasets.map((d) => d.label)).toEqual(["利息", "本金"]);
  });
});

describe("risk heat map rows", () => {
  const cells = Array.from({ length: 5 }, () => Array<number>(5).fill(0));
  at(cells, 3)[3] = 2; // likelihood 4, impact 4
  at(cells, 0)[4] = 1; // likelihood 1, impact 5
  const rows = heatMapRows(cells);

  it("lists likelihood 5 first and impact 1…5 left to right", () => {
    expect(rows.map((r) => at(r, 0).likelihood)).toEqual([5, 4, 3, 2, 1]);
    expect(at(rows, 0).map((c) => c.impact)).toEqual([1, 2, 3, 4, 5]);
  });

  it("puts each count in its cell with the score's band and colour", () => {
    const l4i4 = at(rows, 1)[3];
    expect(l4i4).toMatchObject({ likelihood: 4, impact: 4, score: 16, band: "critical", count: 2, className: RISK_BAND_CELL_CLASSES.critical });
    const l1i5 = at(rows, 4)[4];
    expect(l1i5).toMatchObject({ score: 5, band: "medium", count: 1 });
    expect(at(rows, 4)[0]).toMatchObject({ score: 1, band: "low", count: 0 });
    expect(at(rows, 2)[4]).toMatchObject({ score: 15, band: "high" });
  });
});
