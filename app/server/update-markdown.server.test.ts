import { describe, expect, it } from "vitest";
import { figuresForMonth, metricKeysIn, type UpdateFigures } from "~/domain/investor-update";
import { figureCards, renderUpdateMarkdown, updateMarkdownAsText } from "./update-markdown.server";

const figures = { reported: true, cash: 123_456_700, net_burn: 10_000_000, runway: 12.3 };
const en = figureCards("en", figures, "USD");
const zh = figureCards("zh-CN", figures, "USD");

describe("investor update Markdown", () => {
  it("renders headings, lists, bold and safe links", () => {
    const html = renderUpdateMarkdown("# Q3\n\n- one\n- **two**\n\n[site](https://example.com) and [mail](mailto:a@b.co)", en);
    expect(html).toContain("<h1>Q3</h1>");
    expect(html).toContain("<li><strong>two</strong></li>");
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer" target="_blank">site</a>');
    expect(html).toContain('<a href="mailto:a@b.co" rel="noopener noreferrer" target="_blank">mail</a>');
  });

  it("never passes HTML through: script tags, raw HTML and event handlers are text", () => {
    const html = renderUpdateMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<a href="javascript:alert(1)">x</a>', en);
    expect(html).not.toMatch(/<script|<img|<a /i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("refuses links that are not http, https or mailto, and images", () => {
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "/relative", "file:///etc/passwd"]) {
      const html = renderUpdateMarkdown(`[click](${url}) <${url}>`, en);
      expect(html, url).not.toContain("<a ");
      expect(html, url).not.toContain('href="');
    }
    expect(renderUpdateMarkdown("![pixel](https://tracker.example/p.gif)", en)).not.toContain("<img");
  });

  it("renders figure tokens as cards in the reader's language", () => {
    const html = renderUpdateMarkdown("Runway is {{runway}}, cash {{ cash }}, burn {{net_burn}}.", en);
    expect(html).toContain(
      '<span class="figure-card" data-figure="runway"><span class="figure-card-label">Runway</span> <strong class="figure-card-value">12.3 months</strong></span>',
    );
    expect(html).toContain("$1,234,567");
    expect(html).toContain("$100,000");
    const chinese = renderUpdateMarkdown("{{runway}} {{cash}}", zh);
    expect(chinese).toContain("跑道");
    expect(chinese).toContain("12.3 个月");
    expect(chinese).toContain("US$1,234,567");
  });

  it("leaves tokens in code as code, a key the company has no metric for as unknown, and other braces as text", () => {
    expect(renderUpdateMarkdown("`{{runway}}`", en)).toContain("<code>{{runway}}</code>");
    expect(renderUpdateMarkdown("{{metric:gpu_hours}}", en)).toContain(
      '<span class="figure-card" data-figure="metric:gpu_hours"><span class="figure-card-label">gpu_hours</span> <strong class="figure-card-value">unknown figure</strong></span>',
    );
    expect(renderUpdateMarkdown("{{metric:gpu_hours}}", zh)).toContain("未知数据");
    expect(renderUpdateMarkdown("{{unknown}}", en)).toContain("{{unknown}}");
  });

  it("writes the tokens as text for the e-mail", () => {
    expect(updateMarkdownAsText("Runway {{runway}}.", en)).toBe("Runway Runway: 12.3 months.");
  });
});

describe("custom metric cards ({{metric:key}}, decision 024)", () => {
  const withMetrics = {
    ...figures,
    metrics: {
      tokens_served: { nameEn: "Tokens served", nameZh: "服务 token 数", unit: "count", value: "1234567890123" },
      inference_cost: { nameEn: "Inference cost per M tokens", nameZh: "每百万 token 推理成本", unit: "currency", value: "0.125" },
      gross_margin: { nameEn: "Gross margin", nameZh: "毛利率", unit: "percent", value: "62.5" },
      nrr: { nameEn: "Net revenue retention", nameZh: "净收入留存", unit: "ratio", value: "1.8" },
      gpu_hours: { nameEn: "GPU hours", nameZh: "GPU 小时", unit: "duration", value: "1200" },
      churn: { nameEn: "Churn", nameZh: "流失率", unit: "percent", value: null },
    },
  } satisfies UpdateFigures;

  it("shows the metric's name in the reader's language and its exact value formatted by unit", () => {
    const card = figureCards("en", withMetrics, "USD");
    expect(card("metric:tokens_served")).toEqual({ label: "Tokens served", value: "1,234,567,890,123" });
    expect(card("metric:inference_cost")).toEqual({ label: "Inference cost per M tokens", value: "$0.125" });
    expect(card("metric:gross_margin")).toEqual({ label: "Gross margin", value: "62.5%" });
    expect(card("metric:nrr").value).toBe("1.8×");
    expect(card("metric:gpu_hours").value).toBe("1,200 h");
    const chinese = figureCards("zh-CN", withMetrics, "USD");
    expect(chinese("metric:tokens_served")).toEqual({ label: "服务 token 数", value: "1,234,567,890,123" });
    expect(chinese("metric:inference_cost")).toEqual({ label: "每百万 token 推理成本", value: "US$0.125" });
    expect(renderUpdateMarkdown("毛利 {{metric:gross_margin}}", chinese)).toContain(
      '<span class="figure-card-label">毛利率</span> <strong class="figure-card-value">62.5%</strong>',
    );
  });

  it("says a month without a value is not reported, in either language", () => {
    expect(figureCards("en", withMetrics, "USD")("metric:churn")).toEqual({ label: "Churn", value: "not reported for this month" });
    expect(figureCards("zh-CN", withMetrics, "USD")("metric:churn")).toEqual({ label: "流失率", value: "本月未报告" });
  });

  it("withholds every metric card, value and name, from a reader whose grant does not share financials", () => {
    const withheld = figureCards("en", withMetrics, "USD", { metricsWithheld: true });
    for (const key of Object.keys(withMetrics.metrics)) expect(withheld(`metric:${key}`)).toEqual({ label: key, value: "not shared with you (financials)" });
    expect(withheld("metric:nope").value).toBe("not shared with you (financials)");
    // The headline cards are frozen figures of the update itself (decision 025), not withheld.
    expect(withheld("runway").value).toBe("12.3 months");
    const text = updateMarkdownAsText("Tokens {{metric:tokens_served}}, margin {{metric:gross_margin}}.", withheld);
    expect(text).toBe("Tokens tokens_served: not shared with you (financials), margin gross_margin: not shared with you (financials).");
    expect(text).not.toMatch(/1,234|62\.5/);
    expect(figureCards("zh-CN", withMetrics, "USD", { metricsWithheld: true })("metric:gross_margin").value).toBe("未与您共享（财务数据）");
  });

  it("writes metric cards as text for the e-mail", () => {
    expect(updateMarkdownAsText("We served {{metric:tokens_served}}.", figureCards("en", withMetrics, "USD"))).toBe(
      "We served Tokens served: 1,234,567,890,123.",
    );
  });

  it("finds the metric keys a body names, once each", () => {
    expect(metricKeysIn("{{metric:a_b}} {{ metric:c }} `{{metric:a_b}}` {{runway}} {{metric:}}")).toEqual(["a_b", "c"]);
  });
});

describe("figures of the month", () => {
  const reports = [
    { month: "2026-01", spend: { payroll: 100_00 }, revenue: 0, cash: 1_000_00 },
    { month: "2026-02", spend: { payroll: 200_00 }, revenue: 0, cash: 900_00 },
    { month: "2026-03", spend: { payroll: 300_00 }, revenue: 0, cash: 700_00 },
  ];
  it("takes cash and net burn of the month and runway over 3 months", () => {
    expect(figuresForMonth(reports, "2026-03")).toEqual({ reported: true, cash: 700_00, net_burn: 300_00, runway: 3.5 });
    expect(figuresForMonth(reports, "2026-02")).toEqual({ reported: true, cash: 900_00, net_burn: 200_00, runway: 6 });
  });
  it("has no figures for a month without a report", () => {
    const none = figureCards("en", figuresForMonth(reports, "2025-12"), "USD");
    expect(none("runway").value).toBe("no report");
  });
});
