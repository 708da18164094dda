import { describe, expect, it } from "vitest";
import { renderMessage } from "~/i18n/message-ref";
import { refFromZodMessage } from "~/i18n/zod-messages";
import { AI_METRIC_TEMPLATES, metricKeyFromName, parseMetricValue } from "./metric";
import { metricDefinitionSchema, metricValueSchema } from "./metric.form";

const english = (message: string | undefined) => renderMessage("en", refFromZodMessage(message ?? ""));

describe("reading a metric value as typed", () => {
  it.each([
    ["1234.5", "1234.5"],
    ["1,234.50", "1234.5"],
    [" -3 ", "-3"],
    ["62.5%", "62.5"],
    ["０.２５", "0.25"],
    [".5", "0.5"],
    ["123456789012345678.123456", "123456789012345678.123456"],
  ])("%s → %s, exactly", (typed, stored) => {
    expect(parseMetricValue(typed)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["1e5", "format"],
    ["12abc", "format"],
    ["1,23", "format"],
    ["", "format"],
    ["0.1234567", "precision"],
    ["1234567890123456789", "tooLarge"],
  ])("refuses %s (%s)", (typed, problem) => {
    expect(parseMetricValue(typed)).toEqual({ ok: false, problem });
  });
});

describe("metric keys", () => {
  it("makes a key from an English name", () => {
    expect(metricKeyFromName("Tokens served (M)")).toBe("tokens_served_m");
    expect(metricKeyFromName("2024 cohort NRR")).toBe("cohort_nrr");
    expect(metricKeyFromName("毛利率")).toBe("");
  });

  it("every AI template has a usable, distinct key", () => {
    const keys = AI_METRIC_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    expect(keys).toEqual(
      expect.arrayContaining([
        "tokens_served",
        "gpu_hours",
        "inference_cost_per_m_tokens",
        "gross_margin",
        "paying_customers",
        "net_revenue_retention",
        "model_training_spend",
      ]),
    );
  });
});

describe("the define form", () => {
  const valid = { nameEn: "GPU hours", nameZh: "GPU 小时数", unit: "duration", direction: "lower_is_better", rollup: "sum" };

  it("fills a blank key from the English name", () => {
    const parsed = metricDefinitionSchema().safeParse({ ...valid, key: "" });
    expect(parsed.success && parsed.data.key).toBe("gpu_hours");
  });

  it("reports every bad field at once", () => {
    const parsed = metricDefinitionSchema().safeParse({ ...valid, key: "9bad", nameZh: "", unit: "furlongs" });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["key", "nameZh", "unit"]);
  });

  it("refuses a key made from a name in Chinese only, and the reserved key", () => {
    for (const input of [
      { ...valid, nameEn: "毛利率", key: "" },
      { ...valid, key: "month" },
    ]) {
      const parsed = metricDefinitionSchema().safeParse(input);
      expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["key"]);
    }
  });
});

describe("the value form", () => {
  it("a blank value clears a saved month and is asked for on a new one", () => {
    expect(metricValueSchema().parse({ month: "2026-01", value: "", version: "3" })).toEqual({ month: "2026-01", value: null, version: 3 });
    const parsed = metricValueSchema().safeParse({ month: "2026-01", value: "", version: "" });
    expect(english(parsed.error?.issues[0]?.message)).toBe("Enter a value.");
  });

  it("says why a number was refused", () => {
    const parsed = metricValueSchema().safeParse({ month: "2026-01", value: "0.1234567" });
    expect(english(parsed.error?.issues[0]?.message)).toMatch(/at most 6 decimal places/);
  });
});
