import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDebtFacility } from "../../app/models/debt-facility.server";
import { createFundingRound } from "../../app/models/funding-round.server";
import { listRisks } from "../../app/models/risk.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeOrgWithOwner } from "../support/factories";
import { seedCompany, textOf as visibleText } from "../support/share-fixtures";
import { routeData } from "../support/route-data";
import { expectWords } from "../support/shown-page";

/*
 * The records area in Simplified Chinese: monthly reports (list, month form, import), budgets,
 * funding rounds, debt and risks — pages, validation and domain errors, CSV import errors and
 * the human columns of the risk export. English stays the default (checked at the end).
 */

/** Visible text, without the NUL bytes React 18.3 may leave at a 2 KB chunk boundary in Chinese pages. */
const textOf = (html: string) => visibleText(html).replaceAll("\u0000", "");
const data = routeData;

let app: TestApp;
let zh: TestClient;
let en: TestClient;
type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let alpha: Org;
let base: string;
let roundId: string;
let facilityId: string;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  app = await startTestApp();
  alpha = await makeOrgWithOwner(app.database, "startup", "Alpha Vision");
  await seedCompany(alpha.ctx, "Alpha", 4_321_987);
  const round = await createFundingRound(alpha.ctx, {
    instrument: "seed",
    closeDate: "2025-06-30",
    amount: 2_000_000_00,
    currency: null,
    preMoneyValuation: 8_000_000_00,
    leadInvestor: "Jade Capital",
    otherInvestors: null,
    crowdfundingPlatform: null,
    backerCount: null,
    notes: null,
  });
  roundId = round.id;
  const facility = await createDebtFacility(alpha.ctx, {
    lender: "Harbour Bank",
    kind: "bank_loan",
    principal: 120_000_00,
    annualRatePercent: 1200,
    drawDate: "2025-12-15",
    termMonths: 12,
    repaymentType: "interest_only_then_amortizing",
    interestOnlyMonths: 3,
    minimumCash: 500_000_00,
    reportingDeadlineDay: 10,
  });
  facilityId = facility.id;
  base = `/o/${alpha.org.slug}`;
  zh = await app.signIn(alpha.owner.email);
  zh.cookies.set("lang", "zh-CN");
  en = await app.signIn(alpha.owner.email);
}, 60_000);

afterAll(() => app?.close());

async function page(path: string) {
  const response = await zh.get(path);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain('<html lang="zh-CN">');
  return { html, text: textOf(html) };
}

/** Posts a form the page refuses (400) in Chinese, and returns the reply's body. */
async function refused(path: string, route: string, form: Record<string, string>) {
  const response = await zh.post(data(path, route), form);
  expect(response.status).toBe(400);
  return response.json();
}

describe("monthly reports in Chinese", () => {
  it("the list, the month form and the import page are Chinese, amounts and months by Intl", async () => {
    const list = await page(`${base}/reports`);
    expect(list.html).toContain("<title>月度报告 · Capital Desk</title>");
    expectWords(
      list.text,
      ["月度报告", "录入月份", "导入 CSV", "导出 CSV", "现金", "总消耗", "净消耗", "员工人数", "US$4,321,987", "净消耗 = 总消耗 − 收入"],
      ["Monthly reports", "Enter a month", "Gross burn", "Net burn", "Headcount", "Definitions"],
    );

    const month = await page(`${base}/reports/2026-03`);
    expectWords(
      month.text,
      ["月度报告 · 2026年3月", "分类运营支出", "算力", "人员薪酬", "用于训练和推理的 GPU / 云服务", "亮点", "保存更改", "全部月份"],
      ["Operating spend by category", "Cash at month end", "Highlights", "Save changes", "All months", "Last saved"],
    );

    const imports = await page(`${base}/reports/import`);
    expectWords(
      imports.text,
      ["导入月度报告", "1. 选择 CSV 文件", "检查文件", "文件包含的内容", "月末现金，单位 USD。", "再次导入同一文件不会产生任何更改。"],
      ["Import monthly reports", "Check file", "What the file holds", "Download a sample file"],
    );
    // The file format stays: header names in the guide and the first line.
    expect(imports.text).toContain("month,cash,revenue,compute,data,payroll,research,go_to_market,general_admin,other,headcount,arr");
  });

  it("answers the month form's validation and the month rules in Chinese", async () => {
    const body = await refused(`${base}/reports/2026-03`, "routes/o.$orgSlug.reports.$month", {
      version: "",
      cash: "-5",
      revenue: "abc",
      headcount: "2.5",
    });
    expect(body.formError).toBe("请检查标出的字段；未保存任何内容。");
    expect(body.fieldErrors).toMatchObject({
      cash: "月末现金不能为负数。",
      revenue: "请以金额形式输入收入，例如 2,400,000.50、2.4m 或 240万。",
      headcount: "员工人数请输入 0 或以上的整数。",
    });

    const future = await zh.get(data(`${base}/reports/new?month=2999-01`, "routes/o.$orgSlug.reports.$month"));
    expect(future.status).toBe(400);
    expect((await future.json()).error).toMatch(/^2999-01 尚未到来。最晚可报告到 \d{4}-\d{2}。$/);
  });

  it("reports a bad CSV file in Chinese, column names kept", async () => {
    const form = new FormData();
    form.append("intent", "preview");
    const header = "month,cash,revenue,compute,data,payroll,research,go_to_market,general_admin,other,headcount,arr";
    form.append("file", new Blob([`${header}\n2026-01,-5,0,0,0,0,0,0,0,0,3,\n2026-13,1,0,0,0,0,0,0,0,0,3,\n`], { type: "text/csv" }), "bad.csv");
    const response = await zh.postMultipart(data(`${base}/reports/import`, "routes/o.$orgSlug.reports.import"), form);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual([
      { line: 2, column: "cash", message: "cash 不能为负数（当前为 -5）。" },
      { line: 3, column: "month", message: "2026-13 不是月份：月份数字必须在 01 到 12 之间。" },
    ]);
  });
});

describe("budgets in Chinese", () => {
  it("the grid and budget vs actual are Chinese", async () => {
    const { html, text } = await page(`${base}/budgets`);
    expect(html).toContain(`<title>${year} 年预算 · Capital Desk</title>`);
    expectWords(
      text,
      [`预算 · ${year} 财年`, "预算表", "保存预算", "预算与实际对比", "按类别，年初至今", "全部类别", "差异率", "1月"],
      ["Budget grid", "Save budget", "Budget vs actual", "All categories", "Variance"],
    );
  });

  it("answers a bad grid in Chinese", async () => {
    const { token } = (await (await zh.get(data(`${base}/budgets?year=${year}`, "routes/o.$orgSlug.budgets._index"))).json()).budgets;
    const body = await refused(`${base}/budgets?index`, "routes/o.$orgSlug.budgets._index", {
      year: String(year),
      token,
      [`b:${year}-01:compute`]: "-3",
      [`b:${year}-02:data`]: "12,5x",
    });
    expect(body).toMatchObject({
      formError: "请检查标出的预算金额；未保存任何内容。",
      fieldErrors: { [`b:${year}-01:compute`]: "预算不能为负数。", [`b:${year}-02:data`]: "请输入金额，例如 12,500.50、2.4k 或 3万，最多两位小数。" },
    });
  });
});

describe("funding rounds in Chinese", () => {
  it("the list and a round's page are Chinese, instruments translated", async () => {
    const list = await page(`${base}/rounds`);
    expectWords(
      list.text,
      ["融资轮次", "按融资工具的融资总额", "种子轮", "融资总额", "投前估值", "稀释比例", "Jade Capital（领投）", "记录一轮融资", "交割日期", "20%"],
      ["Funding rounds", "Total raised", "Record a round", "Pre-money", "(lead)"],
    );
    const detail = await page(`${base}/rounds/${roundId}`);
    expectWords(
      detail.text,
      ["种子轮 · 2025-06-30", "投后估值（投前估值 + 金额）", "编辑轮次", "删除该轮次", "返回融资轮次"],
      ["Edit round", "Delete this round"],
    );
  });

  it("answers validation and the instrument rules in Chinese", async () => {
    const body = await refused(`${base}/rounds?index`, "routes/o.$orgSlug.rounds._index", {
      intent: "create",
      instrument: "safe",
      closeDate: "2025-02-30",
      amount: "0",
      currency: "XYZ",
      preMoneyValuation: "1000",
      backerCount: "12",
    });
    expect(body.formError).toBe("未保存任何内容。请检查标出的字段。");
    expect(body.fieldErrors).toMatchObject({
      closeDate: "请以真实的日历日期（YYYY-MM-DD）输入交割日期。",
      amount: "融资金额必须大于零。",
      currency: "这不是 ISO 4217 币种代码。请使用 USD、EUR 或 CNY 这样的代码。",
      preMoneyValuation: "SAFE（未来股权简单协议）没有投前估值：它不出售定价股份。请留空。",
      backerCount: "支持者人数仅适用于股权众筹。请留空或更改融资工具。",
    });
  });
});

describe("debt in Chinese", () => {
  it("the list and a facility's page are Chinese", async () => {
    const list = await page(`${base}/debt`);
    expectWords(
      list.text,
      ["债务", "债务融资（1）", "银行贷款", "先付息，后等额还款", "（3 个月只付息）", "当前未偿余额", "记录一笔债务", "契约条款（选填）"],
      ["Facilities (", "Bank loan", "Outstanding now", "Record a facility", "months interest-only"],
    );
    const detail = await page(`${base}/debt/${facilityId}`);
    expectWords(
      detail.text,
      ["Harbour Bank · 银行贷款", "契约检查", "最低现金", "报告截止日", "还款计划", "次月第 10 日", "12 个月", "US$120,000.00", "删除该债务"],
      ["Covenant checks", "Repayment schedule", "Minimum cash covenant", "Delete facility"],
    );
  });

  it("answers validation, a stale edit and the delete confirmation in Chinese", async () => {
    const route = "routes/o.$orgSlug.debt.$facilityId";
    const form = {
      lender: "Harbour Bank",
      kind: "bank_loan",
      principal: "120000",
      annualRatePercent: "120",
      drawDate: "2025-12-15",
      termMonths: "12",
      repaymentType: "interest_only_then_amortizing",
      interestOnlyMonths: "12",
      minimumCash: "",
      reportingDeadlineDay: "31",
    };
    const bad = await refused(`${base}/debt/${facilityId}`, route, { ...form, intent: "update", version: "1" });
    expect(bad.fieldErrors).toMatchObject({
      annualRatePercent: "年利率不能超过 100%。",
      interestOnlyMonths: "只付息月数必须少于期限（12 个月），以便有月份进行等额还款。",
      reportingDeadlineDay: "报告截止日必须在 1 到 28 之间。",
    });

    const stale = await zh.post(data(`${base}/debt/${facilityId}`, route), {
      ...form,
      annualRatePercent: "11",
      interestOnlyMonths: "3",
      reportingDeadlineDay: "10",
      intent: "update",
      version: "99",
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ conflict: true, formError: "在您编辑期间，有人修改了此债务。请重新加载查看对方的版本，然后再次应用您的更改。" });

    const unticked = await refused(`${base}/debt/${facilityId}`, route, { intent: "delete", version: "1" });
    expect(unticked.fieldErrors.confirm).toBe("请勾选复选框，确认要删除此债务。");
  });
});

describe("risks in Chinese", () => {
  it("the register, the heat map and a risk's page are Chinese", async () => {
    const register = await page(`${base}/risks`);
    expectWords(
      register.text,
      [
        "风险登记册",
        "热力图",
        "登记册（1）",
        "人才",
        "未处理",
        "得分 = 可能性 × 影响（1–25）。等级：1–4 为低，5–9 为中，10–15 为高，16–25 为严重。",
        "添加风险",
        "按状态筛选",
      ],
      ["Heat map", "Register (", "Add a risk", "Talent", "Filter by status", "Score = likelihood"],
    );
    const { risks } = await listRisks(alpha.ctx, {});
    const detail = await page(`${base}/risks/${risks[0]!.id}`);
    expectWords(
      detail.text,
      ["全部风险", "人才风险 · 未处理", "4 · 很可能", "16（严重）", "缓解计划", "历史", "创建", "删除风险"],
      ["All risks", "Mitigation plan", "History"],
    );
  });

  it("answers validation and domain errors in Chinese", async () => {
    const body = await refused(`${base}/risks?index`, "routes/o.$orgSlug.risks._index", {
      title: "",
      category: "weather",
      likelihood: "9",
      impact: "3",
    });
    expect(body).toMatchObject({
      formError: "请检查标出的字段。",
      fieldErrors: { title: "请输入标题。", category: "请选择类别。", likelihood: "请选择 1 到 5 的可能性（1 罕见 … 5 几乎确定）。" },
    });
  });

  it("exports the register with the file's headers and keys, and the label columns in Chinese", async () => {
    const response = await zh.get(`${base}/risks.csv`);
    expect(response.status).toBe(200);
    const [row] = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(row).toMatchObject({ category: "talent", category_label: "人才", band: "严重", status: "open", status_label: "未处理" });
  });
});

describe("English stays the default", () => {
  it("shows the same pages in English without a language choice", async () => {
    const risks = textOf(await (await en.get(`${base}/risks`)).text());
    expect(risks).toContain("Heat map");
    expect(risks).toContain("Score = likelihood × impact (1–25). Bands: 1–4 low, 5–9 medium, 10–15 high, 16–25 critical.");
    const debt = textOf(await (await en.get(`${base}/debt`)).text());
    expect(debt).toContain("Interest-only, then amortizing (3 months interest-only)");
    const csv = parse(await (await en.get(`${base}/risks.csv`)).text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv[0]).toMatchObject({ category_label: "Talent", band: "Critical", status_label: "Open" });
  });
});
