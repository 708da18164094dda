import { describe, expect, it } from "vitest";
import { figuresForMonth } from "~/domain/investor-update";
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

  it("leaves tokens in code as code, and an unknown custom metric as a seam", () => {
    expect(renderUpdateMarkdown("`{{runway}}`", en)).toContain("<code>{{runway}}</code>");
    expect(renderUpdateMarkdown("{{metric:gpu_hours}}", en)).toContain('data-figure="metric:gpu_hours"');
    expect(renderUpdateMarkdown("{{unknown}}", en)).toContain("{{unknown}}");
  });

  it("writes the tokens as text for the e-mail", () => {
    expect(updateMarkdownAsText("Runway {{runway}}.", en)).toBe("Runway Runway: 12.3 months.");
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
