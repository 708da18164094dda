import { describe, expect, it } from "vitest";
import { alertReasonFromStored, alertReasonRef, alertReasonText, storedAlertReason } from "~/domain/alert-reasons";
import { parseMetricAlertRule } from "~/domain/metric-alert-rule";
import { renderMessages } from "~/i18n/message-ref";
import { DEFAULT_ALERT_RULES, evaluateAlerts, metricAlerts, type CompanySignals, type MetricAlertRule, type MetricSignal } from "./alerts";

// Early warnings on custom metrics (decision 027): a floor, a ceiling, or a fall or rise from
// the month before by an amount or a percentage; exact decimals; the reason in both languages.

const margin = (value: string, previous: string | null = null): MetricSignal => ({ key: "gross_margin", unit: "percent", month: "2026-10", value, previous });
const company = (...metrics: MetricSignal[]): CompanySignals => ({
  companyOrgId: "c1",
  currency: "USD",
  metrics: null,
  lastReportedMonth: null,
  risks: [],
  budget: null,
  covenant: null,
  customMetrics: metrics,
});
const rule = (changes: Partial<MetricAlertRule>): MetricAlertRule => ({
  id: "r1",
  metricKey: "gross_margin",
  condition: "floor",
  measure: "amount",
  threshold: "40",
  severity: "warning",
  ...changes,
});
const fires = (s: CompanySignals, r: Partial<MetricAlertRule>) => metricAlerts(s, [rule(r)]).length === 1;
const english = (s: CompanySignals, r: Partial<MetricAlertRule>) => metricAlerts(s, [rule(r)]).map((a) => alertReasonText("en", alertReasonRef(a.reason)));

describe("a floor and a ceiling on the latest month", () => {
  it("fires strictly below the floor and strictly above the ceiling, compared exactly", () => {
    expect(fires(company(margin("39.999999")), { condition: "floor", threshold: "40" })).toBe(true);
    expect(fires(company(margin("40")), { condition: "floor", threshold: "40" })).toBe(false);
    expect(fires(company(margin("40.000001")), { condition: "ceiling", threshold: "40" })).toBe(true);
    expect(fires(company(margin("40")), { condition: "ceiling", threshold: "40" })).toBe(false);
    // 18 whole digits: a float would call these equal.
    const tokens: MetricSignal = { key: "tokens", unit: "count", month: "2026-10", value: "900000000000000001", previous: null };
    expect(fires(company(tokens), { metricKey: "tokens", condition: "ceiling", threshold: "900000000000000000" })).toBe(true);
    expect(fires(company(margin("-5")), { condition: "floor", threshold: "0" })).toBe(true);
  });

  it("says what crossed what, in the metric's unit, in English and Chinese", () => {
    const [alert] = metricAlerts(company(margin("38.5")), [rule({ severity: "critical" })]);
    expect(alert).toMatchObject({ companyOrgId: "c1", kind: "metric", subject: "r1", severity: "critical" });
    const ref = alertReasonRef(alert!.reason);
    // Stored and read back as the other reasons are (alerts.reason).
    expect(alertReasonFromStored(storedAlertReason(ref))).toEqual(ref);
    expect(alertReasonText("en", ref)).toBe("gross_margin was 38.5% in Oct 2026, below the floor of 40%.");
    expect(alertReasonText("zh-CN", ref)).toBe("gross_margin 在 2026年10月 为 38.5%，低于下限 40%。");
  });

  it("shows a currency metric in the company's currency", () => {
    const cost: MetricSignal = { key: "cost", unit: "currency", month: "2026-10", value: "1250.5", previous: null };
    expect(english(company(cost), { metricKey: "cost", condition: "ceiling", threshold: "1000" })).toEqual([
      "cost was $1,250.5 in Oct 2026, above the ceiling of $1,000.",
    ]);
  });
});

describe("a fall or rise from the month before", () => {
  it("by an amount: fires at or beyond the threshold", () => {
    expect(fires(company(margin("45", "50")), { condition: "fall", threshold: "5" })).toBe(true);
    expect(fires(company(margin("45.000001", "50")), { condition: "fall", threshold: "5" })).toBe(false);
    expect(fires(company(margin("55", "50")), { condition: "fall", threshold: "5" })).toBe(false);
    expect(fires(company(margin("55", "50")), { condition: "rise", threshold: "5" })).toBe(true);
    expect(english(company(margin("45", "50")), { condition: "fall", threshold: "5" })).toEqual([
      "gross_margin fell by 5% to 45% in Oct 2026 (from 50% the month before); the rule warns from a fall of 5%.",
    ]);
  });

  it("by a percentage of the month before: exact, against |earlier| for a negative month", () => {
    const tokens = (value: string, previous: string): MetricSignal => ({ key: "tokens", unit: "count", month: "2026-10", value, previous });
    // 1,000 → 800 is a 20 % fall.
    expect(fires(company(tokens("800", "1000")), { metricKey: "tokens", condition: "fall", measure: "percent", threshold: "20" })).toBe(true);
    expect(fires(company(tokens("800.000001", "1000")), { metricKey: "tokens", condition: "fall", measure: "percent", threshold: "20" })).toBe(false);
    // −100 → −50 is a rise of 50, i.e. 50 % of |−100|.
    expect(fires(company(tokens("-50", "-100")), { metricKey: "tokens", condition: "rise", measure: "percent", threshold: "50" })).toBe(true);
    expect(english(company(tokens("700", "1000")), { metricKey: "tokens", condition: "fall", measure: "percent", threshold: "25" })).toEqual([
      "tokens fell by 30% to 700 in Oct 2026 (from 1,000 the month before); the rule warns from a fall of 25%.",
    ]);
    const [zh] = metricAlerts(company(tokens("1333", "1000")), [rule({ metricKey: "tokens", condition: "rise", measure: "percent", threshold: "10" })]);
    expect(alertReasonText("zh-CN", alertReasonRef(zh!.reason))).toBe(
      "tokens 在 2026年10月 上升了 33.3%，升至 1,333（上月为 1,000）；规则在上升达到 10% 时预警。",
    );
  });

  it("needs the month before, and a non-zero one for a percentage", () => {
    expect(fires(company(margin("10", null)), { condition: "fall", threshold: "1" })).toBe(false);
    expect(fires(company(margin("10", "0")), { condition: "rise", measure: "percent", threshold: "1" })).toBe(false);
    expect(fires(company(margin("10", "0")), { condition: "rise", measure: "amount", threshold: "1" })).toBe(true);
  });
});

describe("which companies and rules", () => {
  it("only companies that report the key; every rule separately, after the built-in kinds", () => {
    const other = { ...company({ key: "seats", unit: "count", month: "2026-10", value: "1", previous: null }), companyOrgId: "c2" };
    const rules = [rule({ id: "low" }), rule({ id: "high", condition: "ceiling", threshold: "30" })];
    const alerts = evaluateAlerts([company(margin("35")), other], { ...DEFAULT_ALERT_RULES }, "2026-11-28", rules);
    expect(alerts.map((a) => [a.companyOrgId, a.kind, a.subject])).toEqual([
      ["c1", "metric", "high"],
      ["c1", "metric", "low"],
    ]);
    expect(evaluateAlerts([company(margin("35"))], DEFAULT_ALERT_RULES, "2026-11-28")).toEqual([]);
  });
});

describe("the rule form's check", () => {
  it("reads an exact threshold and refuses what the table would refuse, per field", () => {
    expect(parseMetricAlertRule({ metricKey: "gross_margin", condition: "fall", measure: "percent", threshold: "12.5%", severity: "critical" })).toEqual({
      ok: true,
      rule: { metricKey: "gross_margin", condition: "fall", measure: "percent", threshold: "12.5", severity: "critical" },
    });
    expect(parseMetricAlertRule({ metricKey: "x", condition: "floor", threshold: "-3" })).toMatchObject({
      ok: true,
      rule: { threshold: "-3", measure: "amount" },
    });
    const refused = parseMetricAlertRule({ metricKey: "Gross Margin", condition: "floor", measure: "percent", threshold: "1.1234567", severity: "loud" });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(renderMessages("en", refused.errors)).toEqual({
      metricKey: "Enter the metric's key: lower-case letters, digits and underscores, starting with a letter.",
      measure: "A floor or ceiling is an amount in the metric's unit; a percentage is only for a fall or rise.",
      severity: "Choose critical or warning.",
      threshold: "Enter the threshold as a number with at most 6 decimals, like 40 or 0.25.",
    });
    const zero = parseMetricAlertRule({ metricKey: "x", condition: "rise", threshold: "0" });
    expect(zero.ok ? null : renderMessages("zh-CN", zero.errors)).toEqual({ threshold: "下降或上升的阈值必须大于 0。" });
    expect(parseMetricAlertRule({ metricKey: "x", condition: "sideways", threshold: "1" })).toMatchObject({ ok: false });
  });
});
