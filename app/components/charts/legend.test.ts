import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { budgetVsActualChartConfig, cashRunwayChartConfig } from "./configs";
import { chartLegend } from "./legend";
import { metricChartConfig } from "./metric";
import { SERIES_COLOURS } from "./palette";

describe("a chart's HTML legend", () => {
  it("names each dataset with its bar colour, in the page's language", () => {
    const rows = [{ category: "compute" as const, budget: 100_00, actual: 120_00, overrun: true }];
    expect(chartLegend(budgetVsActualChartConfig(rows, "USD", translator("en")))).toEqual([
      { label: "Budget", colour: SERIES_COLOURS.budget, line: false, dashed: false },
      { label: "Actual", colour: SERIES_COLOURS.actual, line: false, dashed: false },
      { label: "Actual, over budget", colour: SERIES_COLOURS.overrun, line: false, dashed: false },
    ]);
    expect(chartLegend(budgetVsActualChartConfig(rows, "USD", translator("zh-CN"))).map((i) => i.label)).toEqual(["预算", "实际", "实际（超预算）"]);
  });

  it("draws a line series as a line, dashed where the chart dashes it (runway)", () => {
    const config = cashRunwayChartConfig([{ month: "2026-01", cash: 1_000_00, runwayMonths: 12 }], "USD", translator("en"));
    expect(chartLegend(config).map(({ line, dashed, colour }) => ({ line, dashed, colour }))).toEqual([
      { line: true, dashed: false, colour: SERIES_COLOURS.cash },
      { line: true, dashed: true, colour: SERIES_COLOURS.runway },
    ]);
  });

  it("is empty for a chart that hides its legend (a single series named by its card)", () => {
    const config = metricChartConfig({ name: "GPU hours", unit: "count", values: [{ month: "2026-01", value: "4" }] }, "USD", translator("en"));
    expect(chartLegend(config)).toEqual([]);
  });
});
