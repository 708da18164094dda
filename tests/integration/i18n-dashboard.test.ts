import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgets, debtFacilities, fundingRounds, monthlyReports, reportUpdates, risks } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { grantAccess, makeOrgWithOwner } from "../support/factories";
import { textOf } from "../support/html-text";
import { expectWords } from "../support/shown-page";
import { bulletLoan, major, reportRows, WORKED_EXAMPLE } from "../support/worked-example";

/*
 * The startup dashboard and the investor's company view in Simplified Chinese (lang cookie):
 * headings, card definitions, chart labels and table alternatives in Chinese, figures through
 * Intl for zh-CN, and none of the English headings left. English stays as it was (the other
 * dashboard tests read it).
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;

async function seedCompany(org: Org) {
  await withTenant(app.database.db, org.org.id, async (tx) => {
    await tx.insert(monthlyReports).values(reportRows(org.org.id, WORKED_EXAMPLE, "compute and payroll"));
    await tx.insert(reportUpdates).values({ orgId: org.org.id, month: "2026-04", highlights: "签下首个试点客户", asks: "介绍两位销售负责人" });
    await tx.insert(risks).values({ orgId: org.org.id, title: "GPU 供应中断", category: "technical", likelihood: 4, impact: 5, status: "open" });
    await tx.insert(fundingRounds).values({ orgId: org.org.id, instrument: "seed", closeDate: "2025-10-01", amount: major(2_000_000), currency: "USD" });
    await tx
      .insert(budgets)
      .values(["2026-01", "2026-02", "2026-03", "2026-04"].map((month) => ({ orgId: org.org.id, month, category: "payroll", amount: major(60_000) })));
    await tx.insert(debtFacilities).values(bulletLoan(org.org.id, "Harbour Bank"));
    await refreshCompanyMetrics(tx, org.org.id);
  });
}

/** A page as the org's owner reads it in Chinese: its markup and its visible text. */
async function chinesePage(org: Org, path: string) {
  const browser = await app.signIn(org.owner.email);
  browser.cookies.set("lang", "zh-CN");
  const page = await browser.get(path);
  expect(page.status).toBe(200);
  const html = await page.text();
  return { html, text: textOf(html) };
}

/** English headings, labels and definitions the pages showed before translation. */
const ENGLISH = [
  "Cash and runway",
  "Spend by category",
  "Budget vs actual",
  "Debt service ahead",
  "Risk heat map",
  "Capital raised",
  "Net burn",
  "Runway",
  "Cash-out month",
  "Default alive",
  "Burn multiple",
  "latest reported month",
  "average net burn",
  "Show the data as a table",
  "Loading chart",
  "Average burn over",
  "Highest scores",
  "Likelihood",
  " months",
  "Company dashboard",
];

describe("the dashboard in Chinese", () => {
  let startup: Org;
  beforeAll(async () => {
    startup = await makeOrgWithOwner(app.database, "startup", "Lumen Labs");
    await seedCompany(startup);
  });

  it("shows the startup's dashboard with Chinese cards, definitions, charts and tables", async () => {
    const { html, text } = await chinesePage(startup, `/o/${startup.org.slug}`);
    expect(html).toContain('<html lang="zh-CN">');
    // React 18's stream pads a 2 KB chunk with NULs when a Chinese character straddles it (entry.server drops them).
    expect(html).not.toContain("\u0000");
    expect(html).toContain("<title>仪表盘 · Lumen Labs</title>");
    // The cash chart's accessible name, and a heat-map cell's.
    expect(html).toContain('aria-label="按月显示现金与现金跑道的折线图，2026年1月至2026年4月"');
    expect(html).toContain('title="可能性 4 × 影响 5 = 得分 20（严重）：1 项风险"');
    expect(text).toMatch(/严重 · 20\s*GPU 供应中断\s*未处理/);
    expectWords(
      text,
      [
        "公司仪表盘 · 截至2026年4月（最近报告月）· 金额单位 USD",
        // Headline cards and their definitions.
        ...["现金", "净消耗", "现金跑道", "现金耗尽月份", "默认存活？", "烧钱倍数"],
        "US$1,200,000",
        "9.2 个月",
        "2026年4月末（最近报告月）的现金。",
        "最近 3 个报告月（2026年2月至2026年4月）的平均净消耗（经营支出 − 收入）。",
        "2026年4月的现金 ÷ 最近 3 个报告月（2026年2月至2026年4月）的平均净消耗，向下取整。",
        "，并减去 1 笔债务的计划还本付息",
        "需要2026年4月和2026年1月两个月的 ARR。",
        // The burn window switch.
        "平均消耗统计区间1 个月3 个月6 个月",
        // Chart cards, the charts' loading text and their table alternative.
        ...["现金与现金跑道", "分类支出", "预算与实际，2026 财年", "未来还本付息", "风险热力图", "已融资金额"],
        "正在加载图表…",
        "以表格显示数据",
        "月份算力数据人员薪酬研发市场与销售管理及行政其他总消耗",
        // Compute has no budget, so all of its spend is over budget.
        "超出预算 10% 以上即为超预算。超预算类别：算力、人员薪酬。",
        "已提款 US$500,000，2026年4月后未偿余额 US$500,000",
        "预计2026年6月低于最低现金要求（US$1,000,000）",
        "可能性 ↓ / 影响 →",
        "种子轮",
        "最近一次交割：2025年10月1日（种子轮）。",
      ],
      ENGLISH,
    );
  });

  it("shows the investor's company view in Chinese: sharing note, cards, benchmarks and updates", async () => {
    const investor = await makeOrgWithOwner(app.database, "investor", "Harbour Fund");
    await grantAccess(app.database, startup.org, investor.org, ["financials", "risks", "updates"]);
    const { html, text } = await chinesePage(investor, `/o/${investor.org.slug}/companies/${startup.org.slug}`);
    expect(html).toContain("<title>Lumen Labs · Harbour Fund</title>");
    expect(html).not.toContain("\u0000");
    // Benchmarks: every cohort is under 5 here, and each metric says so in Chinese.
    expect(text.match(/拥有该指标的同行少于 5 家/g)).toHaveLength(4);
    // The company's updates, under a Chinese month heading.
    expect(text).toMatch(/2026年4月\s*亮点\s*签下首个试点客户\s*需要的支持\s*介绍两位销售负责人/);
    expectWords(
      text,
      [
        "投资组合公司 · 只读 · 截至2026年4月（其最近报告月） · 金额单位 USD",
        "Lumen Labs 与您共享：财务数据、风险、投资人更新。",
        "未共享：融资与债务、预算——不在此显示，也不会发送到您的浏览器。",
        "未计入债务还本付息：该公司未共享其融资与债务数据。",
        "只读：共享哪些内容由 Lumen Labs 决定，且可随时更改或撤销。",
        // The benchmarks' heading and a definition; the updates' heading.
        "与投资组合同行对标",
        "最近一个报告月的算力（GPU / 云）支出 ÷ 总消耗。",
        "投资人更新",
      ],
      [...ENGLISH, "shares with you", "Not shared", "Benchmarks", "Investor updates", "Highlights", "Read only"],
    );
  });

  it("keeps the English pages as they were", async () => {
    const browser = await app.signIn(startup.owner.email);
    const text = textOf(await (await browser.get(`/o/${startup.org.slug}`)).text());
    expect(text).toContain("Company dashboard as of Apr 2026, the latest reported month · amounts in USD");
    expect(text).toContain("Cash at the end of Apr 2026, the latest reported month.");
    expect(text).toContain("$1,200,000");
    expect(text).toContain("9.2 months");
    expect(text).toContain("critical · 20");
    for (const chinese of ["现金跑道", "仪表盘", "个月"]) expect(text).not.toContain(chinese);
  });
});
