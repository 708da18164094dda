import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { metricChartConfig } from "./metric";

const t = translator("en");

describe("a custom metric's chart", () => {
  const metric = {
    name: "Inference cost per million tokens",
    unit: "currency" as const,
    values: [
      { month: "2026-01", value: "0.415" },
      { month: "2026-03", value: "0.123456" },
    ],
  };

  it("keeps a month without a value as a gap on the calendar, never a zero", () => {
    const config = metricChartConfig(metric, "USD", t);
    expect(config.data.labels).toEqual(["Jan 2026", "Feb 2026", "Mar 2026"]);
    expect(config.data.datasets[0]?.data).toEqual([0.415, null, 0.123456]);
  });

  it("shows the exact stored decimal in the tooltip, with the unit", () => {
    const config = metricChartConfig(metric, "USD", t);
    const label = config.options?.plugins?.tooltip?.callbacks?.label as unknown as (item: { dataIndex: number; dataset: { label?: string } }) => string;
    expect(label({ dataIndex: 2, dataset: { label: metric.name } })).toBe("Inference cost per million tokens: $0.123456");
  });

  it("shows only the last twelve months it is given", () => {
    const values = Array.from({ length: 18 }, (_, i) => ({ month: `2025-${String((i % 12) + 1).padStart(2, "0")}`, value: String(i) })).slice(0, 12);
    const config = metricChartConfig({ name: "Tokens", unit: "count", values: [...values, { month: "2026-01", value: "99" }] }, "USD", t);
    expect(config.data.labels).toHaveLength(12);
    expect(config.data.datasets[0]?.data.at(-1)).toBe(99);
  });
});
