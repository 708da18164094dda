import { describe, expect, it } from "vitest";
import type { NetBurnPoint } from "~/domain/portfolio-series";
import {
  aggregateNetBurnChartConfig,
  capitalRaisedChartConfig,
  NET_BURN_COLOURS,
  netBurnCoverageText,
  netBurnMonthLabel,
  RUNWAY_LEVEL_COLOURS,
  runwayByCompanyChartConfig,
  runwayLevelLabels,
} from "./portfolio";
import { at, lookup, leading } from "../../../tests/support/at";

type Label = (item: object) => string;
type Filter = (item: { raw: unknown }) => boolean;

describe("runway by company chart", () => {
  const bars = [
    { name: "Ardent", runwayMonths: 1.5 },
    { name: "Borealis", runwayMonths: 3 },
    { name: "Cobalt", runwayMonths: 5.9 },
    { name: "Dune", runwayMonths: 6 },
    { name: "Ember", runwayMonths: 24.3 },
  ];
  const config = runwayByCompanyChartConfig(bars, { cautionBelowMonths: 6, criticalBelowMonths: 3 }, "en");

  it("draws one horizontal bar per company, named", () => {
    expect(config.type).toBe("bar");
    expect(config.options?.indexAxis).toBe("y");
    expect(config.data.labels).toEqual(["Ardent", "Borealis", "Cobalt", "Dune", "Ember"]);
    // A crowded axis still names every bar.
    expect(config.options?.scales?.y?.ticks).toMatchObject({ autoSkip: false });
  });

  it("colours each bar by the thresholds (under 3 critical, under 6 caution) and says them in the legend", () => {
    const [critical, caution, ok] = leading(config.data.datasets, 3);
    expect(critical.label).toBe("Critical: under 3 months");
    expect(critical.backgroundColor).toBe(RUNWAY_LEVEL_COLOURS.critical);
    expect(critical.data).toEqual([1.5, null, null, null, null]);
    expect(caution.label).toBe("Caution: 3 to under 6 months");
    expect(caution.backgroundColor).toBe(RUNWAY_LEVEL_COLOURS.caution);
    expect(caution.data).toEqual([null, 3, 5.9, null, null]);
    expect(ok.label).toBe("OK: 6 months or more");
    expect(ok.data).toEqual([null, null, null, 6, 24.3]);
    // One stack: each company's single value is its whole bar.
    expect(new Set(config.data.datasets.map((d) => d.stack))).toEqual(new Set(["runway"]));
  });

  it("follows the investor's own thresholds", () => {
    const own = runwayByCompanyChartConfig(bars, { cautionBelowMonths: 9.5, criticalBelowMonths: 4 }, "en");
    expect(at(own.data.datasets, 0).data).toEqual([1.5, 3, null, null, null]);
    expect(at(own.data.datasets, 1).data).toEqual([null, null, 5.9, 6, null]);
    expect(runwayLevelLabels({ cautionBelowMonths: 9.5, criticalBelowMonths: 4 }, "en").caution).toBe("Caution: 4 to under 9.5 months");
  });

  it("labels tooltips in months and skips the empty datasets", () => {
    const label = config.options!.plugins!.tooltip!.callbacks!.label as unknown as Label;
    expect(label({ label: "Ardent", dataset: {}, parsed: { x: 1.5, y: 0 } })).toBe("Ardent: 1.5 months");
    const filter = config.options!.plugins!.tooltip!.filter as unknown as Filter;
    expect(filter({ raw: null })).toBe(false);
    expect(filter({ raw: 3 })).toBe(true);
  });
});

describe("aggregate net burn chart", () => {
  const point = (
    month: string,
    netBurn: number | null,
    convertedPart: number,
    companies: number,
    missingCompanies: number,
    expectedCompanies = companies,
  ): NetBurnPoint => ({
    month,
    netBurn,
    convertedPart,
    companies,
    expectedCompanies,
    missingCompanies,
    missingCurrencies: missingCompanies ? ["EUR"] : [],
    complete: netBurn !== null,
  });
  const points = [
    point("2026-02", 30_000_000, 30_000_000, 3, 0),
    point("2026-03", null, 20_000_000, 3, 1),
    point("2026-04", null, 18_000_000, 2, 0, 3),
    point("2026-05", null, 0, 0, 0, 3),
  ];
  const config = aggregateNetBurnChartConfig(points, "USD", "en");
  type Footer = (items: { dataIndex: number }[]) => string;

  it("plots complete months in major units; a month with a missing rate or a missing report has no full bar", () => {
    expect(config.data.labels).toEqual(["2026-02", "2026-03 (rate missing)", "2026-04 (2/3)", "2026-05 (0/3)"]);
    const [complete, partial] = leading(config.data.datasets, 2);
    expect(complete.label).toBe("Net burn, every company reported (USD)");
    expect(complete.data).toEqual([300_000, null, null, null]);
    expect(complete.backgroundColor).toBe(NET_BURN_COLOURS.complete);
    expect(partial.label).toBe("Incomplete month: only the companies in (USD)");
    expect(partial.data).toEqual([null, 200_000, 180_000, null]);
    expect(partial.backgroundColor).toBe(NET_BURN_COLOURS.partial);
  });

  it("says in every month's tooltip how many of the companies owed a report sent it", () => {
    const footer = config.options!.plugins!.tooltip!.callbacks!.footer as unknown as Footer;
    expect(footer([{ dataIndex: 0 }])).toBe("Reported: 3 of 3 companies");
    expect(footer([{ dataIndex: 2 }])).toBe("Reported: 2 of 3 companies");
    expect(netBurnCoverageText({ companies: 1, expectedCompanies: 1 }, "en")).toBe("1 of 1 company");
    expect(netBurnCoverageText({ companies: 5, expectedCompanies: 6 }, "zh-CN")).toBe("6 家公司中的 5 家");
  });

  it("formats axis and tooltips in the investor's currency", () => {
    const scales = config.options!.scales as Record<string, { ticks?: { callback?: (v: number) => string } }>;
    expect(lookup(scales, "y").ticks!.callback!(1_500_000)).toBe("$1.5M");
    const label = config.options!.plugins!.tooltip!.callbacks!.label as unknown as Label;
    expect(label({ dataset: { label: "Net burn" }, parsed: { x: 0, y: 300_000 } })).toBe("Net burn: $300,000");
  });

  it("names the month of a missing rate and the coverage of a month with a missing report", () => {
    expect(netBurnMonthLabel(points[1]!, "en")).toBe("2026-03 (rate missing)");
    expect(netBurnMonthLabel(points[2]!, "en")).toBe("2026-04 (2/3)");
    expect(netBurnMonthLabel(points[0]!, "en")).toBe("2026-02");
  });
});

describe("capital raised by instrument chart", () => {
  const config = capitalRaisedChartConfig(
    {
      rows: [
        { instrument: "series_a", amount: 1_000_000_000, rounds: 2, missingRounds: 0 },
        { instrument: "safe", amount: 50_000_000, rounds: 3, missingRounds: 1 },
      ],
      total: 1_050_000_000,
      rounds: 5,
      missingRounds: 1,
    },
    "EUR",
    "en",
  );

  it("draws one bar per instrument, labelled, in major units of the investor's currency", () => {
    expect(config.data.labels).toEqual(["Series A", "SAFE"]);
    expect(at(config.data.datasets, 0).data).toEqual([10_000_000, 500_000]);
    expect(at(config.data.datasets, 0).label).toBe("Capital raised (EUR)");
    const label = config.options!.plugins!.tooltip!.callbacks!.label as unknown as Label;
    expect(label({ label: "SAFE", dataset: {}, parsed: { x: 0, y: 500_000 } })).toBe("SAFE: €500,000");
  });
});

describe("the chart texts in Chinese", () => {
  const thresholds = { cautionBelowMonths: 6, criticalBelowMonths: 3 };

  it("names the runway levels, axis and tooltip in Chinese", () => {
    const config = runwayByCompanyChartConfig([{ name: "Ardent", runwayMonths: 1.5 }], thresholds, "zh-CN");
    expect(config.data.datasets.map((d) => d.label)).toEqual(["严重：少于 3 个月", "警戒：3 至 6 个月（不含）", "正常：6 个月及以上"]);
    expect(config.options?.scales?.x?.title).toMatchObject({ text: "现金跑道（月）" });
    const label = config.options!.plugins!.tooltip!.callbacks!.label as unknown as Label;
    expect(label({ label: "Ardent", dataset: {}, parsed: { x: 1.5, y: 0 } })).toBe("Ardent：1.5 个月");
  });

  it("writes months, missing rates, amounts and instruments for a Chinese reader", () => {
    const point: NetBurnPoint = {
      month: "2026-03",
      netBurn: null,
      convertedPart: 0,
      companies: 2,
      expectedCompanies: 2,
      missingCompanies: 1,
      missingCurrencies: ["EUR"],
      complete: false,
    };
    expect(netBurnMonthLabel(point, "zh-CN")).toBe("2026-03（缺少汇率）");
    expect(netBurnMonthLabel({ ...point, missingCompanies: 0, missingCurrencies: [], expectedCompanies: 3 }, "zh-CN")).toBe("2026-03（2/3）");
    const burn = aggregateNetBurnChartConfig([point], "USD", "zh-CN");
    expect(at(burn.data.datasets, 0).label).toBe("净消耗，全部公司已报告（USD）");
    expect(at(burn.data.datasets, 1).label).toBe("不完整月份：仅含已纳入的公司（USD）");
    const footer = burn.options!.plugins!.tooltip!.callbacks!.footer as unknown as (items: { dataIndex: number }[]) => string;
    expect(footer([{ dataIndex: 0 }])).toBe("已报告：2 家公司中的 2 家");
    const raised = capitalRaisedChartConfig(
      { rows: [{ instrument: "series_a", amount: 1_000_000_000, rounds: 1, missingRounds: 0 }], total: 1_000_000_000, rounds: 1, missingRounds: 0 },
      "USD",
      "zh-CN",
    );
    expect(raised.data.labels).toEqual(["A 轮"]);
    const label = raised.options!.plugins!.tooltip!.callbacks!.label as unknown as Label;
    expect(label({ label: "A 轮", dataset: {}, parsed: { x: 0, y: 10_000_000 } })).toBe("A 轮：US$10,000,000");
  });
});
