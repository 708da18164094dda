import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, monthlyReports, risks } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { addMonths, monthOfDate } from "../../app/finance";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { grantAccess, makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { routeData } from "../support/route-data";
import { alertRulesForm } from "../support/alert-rules-form";
import { formatterFor } from "../../app/i18n/format";

/*
 * The investor area in Simplified Chinese (lang cookie): the portfolio with its figures, table,
 * charts' texts and heat map; the alert feed with an alert reason rendered from its stored key
 * and figures; the risk drill-down, the rules form's validation, and the other investor pages'
 * headings. English stays as it was, read from the same stored alert row.
 */

const FEED = "routes/o.$orgSlug.alerts._index";
const RULES = "routes/o.$orgSlug.alerts.rules";
// Months relative to the real current month: the alerts page syncs against today's date.
const M = monthOfDate(new Date());
const enMonth = (month: string) => formatterFor("en").month(month);
const m = (k: number) => addMonths(M, k);
const K = 100_000; // 1,000 in minor units
/** "2026-04" → "2026年4月", as Intl writes a month for zh-CN. */
const zhMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let app: TestApp;
let fund: Org;
let startup: Org;

/** What a reader sees: tags and entities flattened (scripts, with the loader data, left out). */
function textOf(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

async function browser(org: Org, lang?: "zh-CN") {
  const client = app.client();
  await client.login(org.owner.email, TEST_PASSWORD);
  if (lang) client.cookies.set("lang", lang);
  return client;
}

beforeAll(async () => {
  app = await startTestApp();
  fund = await makeOrgWithOwner(app.database, "investor", "North Fund");
  startup = await makeOrgWithOwner(app.database, "startup", "Alpha AI");
  // 100,000 a month burn, 240,000 cash at M, no revenue → runway 2.4 months: a critical runway alert.
  await withTenant(app.database.db, startup.org.id, async (tx) => {
    await tx
      .insert(monthlyReports)
      .values([-2, -1, 0].map((k) => ({ orgId: startup.org.id, month: m(k), cash: (240 - k * 100) * K, revenue: 0, payroll: 100 * K })));
    await tx.insert(risks).values({ orgId: startup.org.id, title: "GPU 供应中断", category: "regulatory_legal", likelihood: 4, impact: 5, status: "open" });
    await refreshCompanyMetrics(tx, startup.org.id);
  });
  await grantAccess(app.database, startup.org, fund.org);
});

afterAll(async () => {
  await app?.close();
});

/** English headings, labels and sentences of the investor pages before translation. */
const ENGLISH = [
  "Portfolio",
  "Total cash",
  "Aggregate net burn",
  "Median runway",
  "Reporting",
  "Companies (",
  "Last report",
  "Cash-out",
  "Default alive",
  "Top risk",
  "Budget variance",
  "Runway by company",
  "Capital raised",
  "risk heat map",
  "Exchange rates",
  "Apply filters",
  "Show the data as a table",
  "Likelihood",
  "months",
  "Not shared",
  "Export CSV",
];

describe("the investor area in Chinese", () => {
  it("shows the portfolio with Chinese headings, figures, table, chart texts and heat map", async () => {
    const page = await (await browser(fund, "zh-CN")).get(`/o/${fund.org.slug}/portfolio`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = textOf(html);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toContain("\u0000");
    expect(html).toContain("<title>投资组合 · North Fund</title>");
    expect(text).toContain("已关联 1 家公司 · 金额按各月汇率折算为 USD · 报告状态截至");
    for (const heading of [
      "现金总额",
      "合计净消耗",
      "现金跑道中位数",
      "报告状态",
      "公司（1）",
      "各公司现金跑道",
      "按融资工具划分的融资额",
      "投资组合风险热力图",
      "汇率",
    ]) {
      expect(text, heading).toContain(heading);
    }
    // Amounts through Intl for zh-CN, months in Chinese, runway in months.
    expect(text).toContain("US$240,000");
    expect(text).toContain(zhMonth(M));
    expect(text).toContain("2.4 个月");
    expect(text).toContain("严重");
    // The runway chart's thresholds sentence and accessible name, the heat map's words and cell title.
    expect(text).toContain("阈值：严重：少于 3 个月，警戒：少于 6 个月，正常：6 个月及以上（默认值；可在预警规则中修改）。");
    expect(html).toContain('aria-label="各公司现金跑道（月）条形图，从短到长；');
    expect(text).toContain("以表格显示数据");
    expect(text).toContain("可能性 ↓ / 影响 →");
    expect(html).toContain('title="可能性 4、影响 5 的风险 1 项：得分 20，严重"');
    expect(text).toContain("所有数字均以 USD 计，无需换算。");
    for (const english of ENGLISH) expect(text, english).not.toContain(english);
  });

  it("shows the alert feed in Chinese, the reason rendered from its stored key and figures", async () => {
    const html = await (await (await browser(fund, "zh-CN")).get(`/o/${fund.org.slug}/alerts`)).text();
    const text = textOf(html);
    expect(html).toContain("<title>早期预警 · Capital Desk</title>");
    // Runway 2.4 (critical), the GPU risk scoring 20 (critical), and default dead (no revenue).
    for (const heading of ["早期预警", "编辑预警规则", "预警（3）", "严重程度", "首次发现", "确认情况", "尚未确认", "风险得分", "默认死亡"])
      expect(text, heading).toContain(heading);
    expect(text).toContain("风险“GPU 供应中断”得分 20（可能性 4 × 影响 5），达到或超过阈值 16；当前状态：未处理。");
    expect(text).toContain(`现金跑道现金跑道 2.4 个月，低于严重阈值 3 个月（截至 ${zhMonth(M)}）。`);
    expect(html).toContain('aria-label="确认：Alpha AI 的现金跑道预警"');
    for (const english of ["Early warnings", "Alerts (", "First seen", "Not yet", "Acknowledge", "below the critical threshold", "Runway"]) {
      expect(text, english).not.toContain(english);
    }

    // One stored row, read in either language: the reason is a key with figures, not a sentence.
    const [row] = await withSystem(app.database.db, (tx) =>
      tx
        .select({ reason: alerts.reason })
        .from(alerts)
        .where(and(eq(alerts.orgId, fund.org.id), eq(alerts.kind, "runway"))),
    );
    expect(row!.reason).toMatch(/^investor\.alertReason\.runway#\{/);
    const english = textOf(await (await (await browser(fund)).get(`/o/${fund.org.slug}/alerts`)).text());
    expect(english).toContain(`Runway 2.4 months is below the critical threshold of 3 months (as of ${enMonth(M)}).`);
    expect(english).not.toContain("现金跑道");
  });

  it("answers the alert and rule forms in Chinese", async () => {
    const client = await browser(fund, "zh-CN");
    const ack = await client.post(routeData(`/o/${fund.org.slug}/alerts`, FEED), { intent: "acknowledge", alertId: "not-an-id" });
    expect(ack.status).toBe(400);
    expect(await ack.json()).toMatchObject({ fieldErrors: { alertId: "请从列表中选择一条预警。" }, formError: "请从列表中选择一条预警。" });

    const rules = alertRulesForm();
    const postRules = (changes: Record<string, string>) => client.post(routeData(`/o/${fund.org.slug}/alerts/rules`, RULES), { ...rules, ...changes });
    const dueDay = await postRules({ reportDueDay: "29" });
    expect(dueDay.status).toBe(400);
    expect(await dueDay.json()).toMatchObject({
      formError: "未保存任何内容。请检查标出的字段。",
      fieldErrors: { reportDueDay: "请选择 1 至 28 之间的日期。" },
    });
    const crossed = await postRules({ runwayCriticalMonths: "6" });
    expect(crossed.status).toBe(400);
    expect(await crossed.json()).toMatchObject({ fieldErrors: { runwayCriticalMonths: "严重阈值必须低于警戒阈值（6 个月）。" } });
    const page = textOf(await (await client.get(`/o/${fund.org.slug}/alerts/rules`)).text());
    for (const label of ["预警规则", "警戒阈值（低于，月）", "次月截止日", "最低得分", "违反契约条款", "默认死亡", "保存规则"])
      expect(page, label).toContain(label);
    expect(page).not.toContain("Save rules");
  });

  it("lists a heat-map cell's risks in Chinese", async () => {
    const text = textOf(await (await (await browser(fund, "zh-CN")).get(`/o/${fund.org.slug}/portfolio/risks?likelihood=4&impact=5`)).text());
    expect(text).toContain("共享风险登记册的公司中未处理和缓解中的风险：可能性 4（很可能）× 影响 5（严重）= 得分 20。");
    expect(text).toContain("1 项风险");
    expect(text).toMatch(/GPU 供应中断\s*监管与法律\s*20\s*严重\s*未处理/);
    for (const english of ["Portfolio risks", "Back to the portfolio", "Category", "Regulatory", "Open"]) expect(text, english).not.toContain(english);
  });

  it("shows the other investor pages and the startup's Investors page with Chinese headings", async () => {
    const investor = await browser(fund, "zh-CN");
    const pages: [string, string[], string[]][] = [
      [
        `/o/${fund.org.slug}/companies`,
        ["已关联公司（1）", "与您共享的栏目", "财务数据", "申请访问", "公司分享码或所有者邮箱", "您的分享码"],
        ["Linked companies", "Request access", "Shared with you"],
      ],
      [
        `/o/${fund.org.slug}/positions`,
        ["持仓", "还没有记录持仓", "记录持仓", "选择公司…", "Alpha AI（以 USD 报告）", "种子轮"],
        ["Positions", "Record a position", "Choose a company"],
      ],
      [
        `/o/${fund.org.slug}/fx`,
        ["汇率", "缺失的汇率", "所有投资组合公司和持仓均以 USD 计价，无需汇率。", "记录汇率", "保存汇率"],
        ["FX rates", "Missing rates", "Record a rate"],
      ],
      [`/o/${fund.org.slug}/fx/import`, ["导入汇率", "返回汇率", "日历月份，格式 YYYY-MM"], ["Import FX rates", "Calendar month"]],
    ];
    for (const [path, chinese, english] of pages) {
      const response = await investor.get(path);
      expect(response.status, path).toBe(200);
      const text = textOf(await response.text());
      for (const words of chinese) expect(text, `${path}: ${words}`).toContain(words);
      for (const words of english) expect(text, `${path}: ${words}`).not.toContain(words);
    }
    const founder = textOf(await (await (await browser(startup, "zh-CN")).get(`/o/${startup.org.slug}/investors`)).text());
    for (const words of ["投资方", "待处理申请（0）", "当前访问权限（1）", "North Fund", "保存栏目", "是的，立即终止 North Fund 的访问权限", "与投资方共享"]) {
      expect(founder, words).toContain(words);
    }
    for (const english of ["Pending requests", "Active access", "Save sections", "Share with an investor"]) expect(founder, english).not.toContain(english);
  });
});
