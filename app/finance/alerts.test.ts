import { describe, expect, it } from "vitest";
import { renderMessages } from "~/i18n/message-ref";
import { alertReasonFromStored, alertReasonRef, alertReasonText, alertRuleErrorRef, storedAlertReason } from "~/domain/alert-reasons";
import { alertRulesErrors, DEFAULT_ALERT_RULES, evaluateAlerts, type AlertRules, type CompanySignals } from "./alerts";

const quiet: CompanySignals = {
  companyOrgId: "c1",
  currency: "USD",
  metrics: { month: "2026-10", runwayMonths: 12, cashOutMonth: null, defaultAlive: "profitable", defaultAliveMonth: "2027-03", verdictAssumesGrowth: false },
  lastReportedMonth: "2026-10",
  risks: [],
  budget: null,
  covenant: null,
};
const TODAY = "2026-11-28";

function company(changes: Partial<CompanySignals>, metrics: Partial<NonNullable<CompanySignals["metrics"]>> = {}): CompanySignals {
  return { ...quiet, ...changes, metrics: changes.metrics === null ? null : { ...quiet.metrics!, ...metrics } };
}
/** An alert on the one company these tests look at ("c1"); the subject is empty unless given. */
const alertOn = (alert: { kind: string; subject?: string; severity: string; reason: string }) => ({ companyOrgId: "c1", subject: "", ...alert });
const evaluate = (s: CompanySignals, rules: Partial<AlertRules> = {}, today = TODAY) => evaluateAlerts([s], { ...DEFAULT_ALERT_RULES, ...rules }, today);
/**
 * The alerts with their reasons as an English reader sees them: the engine gives codes and
 * figures, the edge stores them as keys with variables and renders those per reader.
 */
const run = (s: CompanySignals, rules: Partial<AlertRules> = {}, today = TODAY) =>
  evaluate(s, rules, today).map((a) => ({ ...a, reason: alertReasonText("en", alertReasonRef(a.reason)) }));

describe("early warnings: a company inside every rule raises nothing", () => {
  it("12 months of runway, reported last month, no risks, default alive", () => {
    expect(run(quiet)).toEqual([]);
  });
});

describe("runway: < 6 months caution (warning), < 3 months critical", () => {
  it("is critical below 3 months, with the numbers in the reason", () => {
    expect(run(company({}, { runwayMonths: 2.4 }))).toEqual([
      alertOn({ kind: "runway", severity: "critical", reason: "Runway 2.4 months is below the critical threshold of 3 months (as of Oct 2026)." }),
    ]);
  });

  it("is a warning from 3 up to (not including) 6 months", () => {
    expect(run(company({}, { runwayMonths: 3 }))[0]).toMatchObject({
      severity: "warning",
      reason: "Runway 3.0 months is below the caution threshold of 6 months (as of Oct 2026).",
    });
    expect(run(company({}, { runwayMonths: 5.9 }))[0]?.severity).toBe("warning");
    expect(run(company({}, { runwayMonths: 6 }))).toEqual([]);
  });

  it("never alerts a company that is not burning", () => {
    expect(run(company({}, { runwayMonths: null }))).toEqual([]);
  });

  it("follows the investor's thresholds, compared exactly in tenths", () => {
    expect(run(company({}, { runwayMonths: 8.9 }), { runwayCautionMonths: 9, runwayCriticalMonths: 4.5 })[0]?.reason).toBe(
      "Runway 8.9 months is below the caution threshold of 9 months (as of Oct 2026).",
    );
    expect(run(company({}, { runwayMonths: 4.4 }), { runwayCautionMonths: 9, runwayCriticalMonths: 4.5 })[0]?.reason).toBe(
      "Runway 4.4 months is below the critical threshold of 4.5 months (as of Oct 2026).",
    );
    expect(run(company({}, { runwayMonths: 0.3 }), { runwayCautionMonths: 0.3, runwayCriticalMonths: 0.1 })).toEqual([]);
  });
});

describe("report overdue: the month after the last report is not in by day 15 of the month after it", () => {
  const lastSeptember = company({ lastReportedMonth: "2026-09" });

  it("is not overdue on the due date, and is overdue the day after", () => {
    expect(run(lastSeptember, {}, "2026-11-15")).toEqual([]);
    expect(run(lastSeptember, {}, "2026-11-16")).toEqual([
      alertOn({
        kind: "report_overdue",
        subject: "2026-10",
        severity: "warning",
        reason: "The report for Oct 2026 is overdue: it was due by Nov 15, 2026 and the last report received is for Sep 2026.",
      }),
    ]);
  });

  it("names the first missing month and counts every overdue one", () => {
    const [alert] = run(company({ lastReportedMonth: "2026-06" }), {}, "2026-11-28");
    expect(alert?.subject).toBe("2026-07");
    expect(alert?.reason).toBe(
      "The report for Jul 2026 is overdue: it was due by Aug 15, 2026 and the last report received is for Jun 2026. 4 monthly reports are now overdue (Jul 2026 to Oct 2026).",
    );
  });

  it("uses the investor's due day", () => {
    expect(run(lastSeptember, { reportDueDay: 5 }, "2026-11-06")[0]?.reason).toContain("due by Nov 5, 2026");
    expect(run(lastSeptember, { reportDueDay: 28 }, "2026-11-28")).toEqual([]);
  });

  it("does not flag a company that has never reported (nothing to fall behind on yet)", () => {
    expect(run(company({ lastReportedMonth: null, metrics: null }), {}, "2030-01-01")).toEqual([]);
  });
});

describe("risk score ≥ 16: one critical alert per risk", () => {
  const risks: CompanySignals["risks"] = [
    { id: "r-20", likelihood: 4, impact: 5, status: "open" },
    { id: "r-16", likelihood: 4, impact: 4, status: "mitigating" },
    { id: "r-15", likelihood: 3, impact: 5, status: "open" },
    { id: "r-25", likelihood: 5, impact: 5, status: "accepted" },
  ];

  it("flags open and mitigating risks at or above the threshold", () => {
    const alerts = run(company({ risks }));
    expect(alerts.map((a) => [a.subject, a.severity])).toEqual([
      ["r-16", "critical"],
      ["r-20", "critical"],
    ]);
    // The reason names the risk by its id (the subject) and keeps no title: the feed reads it from the register.
    const stored = alertReasonRef(evaluate(company({ risks }), {}, TODAY)[1]!.reason);
    expect(stored.values).not.toHaveProperty("title");
    expect(storedAlertReason(stored)).not.toContain("title");
    expect(alertReasonText("en", stored, { title: "GPU supplier cut-off" })).toBe(
      "Risk “GPU supplier cut-off” scores 20 (likelihood 4 × impact 5), at or above the threshold of 16; it is open.",
    );
    expect(alertReasonText("en", stored, { title: null })).toBe(
      "A risk no longer in the company's register scored 20 (likelihood 4 × impact 5), at or above the threshold of 16; it was open.",
    );
  });

  it("never shows a title stored in the reason by an older version, only the register's", () => {
    const older =
      'investor.alertReason.riskScore#{"title":"Stored copy","score":20,"likelihood":4,"impact":5,"threshold":16,"status":{"key":"investor.alertReasonWord.open"}}';
    expect(alertReasonText("en", alertReasonFromStored(older))).not.toContain("Stored copy");
    expect(alertReasonText("en", alertReasonFromStored(older), { title: "Current title" })).toContain("“Current title”");
  });

  it("follows the investor's minimum score", () => {
    expect(run(company({ risks }), { riskScoreMin: 15 }).map((a) => a.subject)).toEqual(["r-15", "r-16", "r-20"]);
  });
});

describe("budget overrun: the last month's spend more than 10 % over its budget", () => {
  const budget = (actual: number, total: number) => company({ budget: { month: "2026-10", budget: total, actual } });

  it("is a warning above 10 %, not at it", () => {
    expect(run(budget(110_000_00, 100_000_00))).toEqual([]);
    expect(run(budget(110_000_01, 100_000_00))).toHaveLength(1);
    expect(run(budget(120_000_00, 100_000_00))).toEqual([
      alertOn({
        kind: "budget_overrun",
        subject: "2026-10",
        severity: "warning",
        reason: "Spend in Oct 2026 was $120,000 against a budget of $100,000: 20.0% over budget, above the threshold of 10%.",
      }),
    ]);
  });

  it("flags spending against a zero budget, and follows the investor's threshold", () => {
    expect(run(budget(5_000_00, 0))[0]?.reason).toBe("Spend in Oct 2026 was $5,000 against a budget of $0: with nothing budgeted, above the threshold of 10%.");
    expect(run(budget(120_000_00, 100_000_00), { budgetOverrunBp: 2500 })).toEqual([]);
    expect(run(budget(100_000_01, 100_000_00), { budgetOverrunBp: 0 })[0]?.reason).toContain("above the threshold of 0%");
    expect(run(budget(113_000_00, 100_000_00), { budgetOverrunBp: 1250 })[0]?.reason).toContain("13.0% over budget, above the threshold of 12.5%");
  });
});

describe("covenants: breach critical, projected breach warning", () => {
  const covenant = (status: "ok" | "breach" | "projected_breach") =>
    company({ covenant: { status, month: "2026-10", cash: 400_000_00, minimumCash: 500_000_00 } });

  it("says which minimum and which cash", () => {
    expect(run(covenant("breach"))).toEqual([
      alertOn({
        kind: "covenant",
        severity: "critical",
        reason: "Covenant breach: cash of $400,000 at the end of Oct 2026 is below the minimum cash covenant of $500,000.",
      }),
    ]);
    expect(run(covenant("projected_breach"))[0]).toMatchObject({
      severity: "warning",
      reason:
        "Projected covenant breach: cash of $400,000 at the end of Oct 2026 is forecast to fall below the minimum cash covenant of $500,000 within 3 months.",
    });
    expect(run(covenant("ok"))).toEqual([]);
  });
});

describe("default dead: the default-alive projection runs out of cash", () => {
  it("is a warning naming the cash-out month", () => {
    expect(run(company({}, { defaultAlive: "cash_out", defaultAliveMonth: "2027-08" }))).toEqual([
      alertOn({
        kind: "default_dead",
        severity: "warning",
        reason:
          "Default dead: with expenses held and revenue growing at its last-3-month rate, cash runs out in Aug 2027 before revenue covers expenses (as of Oct 2026).",
      }),
    ]);
    expect(run(company({}, { defaultAlive: "undecided", defaultAliveMonth: null }))).toEqual([]);
  });

  it("says 'dead if revenue stays flat' when no growth rate could be measured (not enough revenue history)", () => {
    const young = company({}, { defaultAlive: "cash_out", defaultAliveMonth: "2027-05", verdictAssumesGrowth: true });
    expect(run(young)).toMatchObject([
      {
        kind: "default_dead",
        severity: "warning",
        reason:
          "Dead if revenue stays flat: there is not enough revenue history for a growth rate yet; with expenses held and revenue flat, cash runs out in May 2027 (as of Oct 2026).",
      },
    ]);
    expect(evaluate(young).map((a) => alertReasonText("zh-CN", alertReasonRef(a.reason)))).toEqual([
      "收入持平则默认死亡：收入历史尚不足以计算增长率；若支出保持不变、收入持平，现金将在 2027年5月耗尽（截至 2026年10月）。",
    ]);
  });
});

describe("a company that is not burning, with debt service ahead that exhausts its cash", () => {
  const bullet = (cashOutMonth: string) => company({}, { runwayMonths: null, cashOutMonth });

  it("is critical when the cash-out month leaves fewer whole months of cash than the critical threshold", () => {
    expect(run(bullet("2027-01"))).toEqual([
      alertOn({
        kind: "runway",
        severity: "critical",
        reason:
          "Not burning, but debt service ahead takes cash below zero in Jan 2027: 2 months of cash left, under the critical threshold of 3 months (as of Oct 2026).",
      }),
    ]);
    expect(evaluate(bullet("2027-01")).map((a) => alertReasonText("zh-CN", alertReasonRef(a.reason)))).toEqual([
      "未在烧钱，但未来的还本付息将使现金在 2027年1月跌破零：现金仅够 2 个月，低于严重阈值 3 个月（截至 2026年10月）。",
    ]);
  });

  it("is a warning under the caution threshold, and nothing when the cash-out month is further out or absent", () => {
    expect(run(bullet("2027-02"))[0]).toMatchObject({
      severity: "warning",
      reason: expect.stringContaining("3 months of cash left, under the caution threshold of 6 months"),
    });
    expect(run(bullet("2027-05"))).toEqual([]);
    expect(run(company({}, { runwayMonths: null, cashOutMonth: null }))).toEqual([]);
  });
});

describe("disabled rules and unshared sections raise nothing", () => {
  const troubled = company(
    {
      lastReportedMonth: "2026-06",
      risks: [{ id: "r", likelihood: 5, impact: 5, status: "open" }],
      budget: { month: "2026-06", budget: 100, actual: 1000 },
      covenant: { status: "breach", month: "2026-06", cash: 1, minimumCash: 2 },
    },
    { month: "2026-06", runwayMonths: 1, cashOutMonth: "2026-08", defaultAlive: "cash_out", defaultAliveMonth: "2026-08", verdictAssumesGrowth: false },
  );

  it("raises every kind when every rule is on, in a stable order", () => {
    expect(run(troubled).map((a) => a.kind)).toEqual(["covenant", "runway", "report_overdue", "risk_score", "budget_overrun", "default_dead"]);
  });

  it("raises nothing when every rule is off", () => {
    const off = { runwayEnabled: false, overdueEnabled: false, riskEnabled: false, budgetEnabled: false, covenantEnabled: false, defaultDeadEnabled: false };
    expect(run(troubled, off)).toEqual([]);
  });

  it("raises nothing from signals that are absent (the section is not shared)", () => {
    expect(run(company({ metrics: null, lastReportedMonth: null, risks: [], budget: null, covenant: null }))).toEqual([]);
  });
});

describe("rule validation mirrors the alert_rules checks", () => {
  it("accepts the defaults", () => {
    expect(alertRulesErrors(DEFAULT_ALERT_RULES)).toEqual({});
  });

  it("refuses each out-of-range value with a message on its field", () => {
    const bad = (changes: Partial<AlertRules>) => alertRulesErrors({ ...DEFAULT_ALERT_RULES, ...changes });
    const worded = (changes: Partial<AlertRules>) =>
      Object.fromEntries(Object.entries(bad(changes)).map(([field, error]) => [field, alertRuleErrorRef(error!)]));
    expect(bad({ runwayCriticalMonths: 6 })).toEqual({ runwayCriticalMonths: { code: "critical_below_caution", cautionMonths: 6 } });
    expect(worded({ runwayCriticalMonths: 6 })).toEqual({
      runwayCriticalMonths: { key: "investor_alertRules_error_criticalBelowCaution", values: { count: 6 } },
    });
    expect(renderMessages("en", worded({ runwayCriticalMonths: 6 }))).toEqual({
      runwayCriticalMonths: "The critical runway must be below the caution runway (6 months).",
    });
    expect(renderMessages("zh-CN", worded({ runwayCriticalMonths: 6 }))).toEqual({ runwayCriticalMonths: "严重阈值必须低于警戒阈值（6 个月）。" });
    expect(bad({ runwayCriticalMonths: 0 })).toHaveProperty("runwayCriticalMonths");
    expect(bad({ runwayCautionMonths: 120.1 })).toHaveProperty("runwayCautionMonths");
    expect(bad({ reportDueDay: 29 })).toHaveProperty("reportDueDay");
    expect(bad({ riskScoreMin: 0 })).toHaveProperty("riskScoreMin");
    expect(bad({ budgetOverrunBp: 100_001 })).toHaveProperty("budgetOverrunBp");
  });
});

describe("reasons are codes with figures, stored as keys with variables and read in the reader's language", () => {
  it("the engine gives a code and figures, no words", () => {
    const reasons = (s: CompanySignals, rules: Partial<AlertRules> = {}, today = TODAY) => evaluate(s, rules, today).map((a) => a.reason);
    expect(reasons(company({}, { runwayMonths: 2.4 }))).toEqual([
      { code: "runway_below", runwayMonths: 2.4, level: "critical", thresholdMonths: 3, month: "2026-10" },
    ]);
    expect(reasons(company({ lastReportedMonth: "2026-08" }), {}, "2026-11-16")).toEqual([
      { code: "report_overdue", missing: "2026-09", dueDate: "2026-10-15", lastReported: "2026-08", count: 2, lastMissing: "2026-10" },
    ]);
    expect(reasons(company({ risks: [{ id: "r", likelihood: 4, impact: 5, status: "mitigating" }] }))).toEqual([
      { code: "risk_score", score: 20, likelihood: 4, impact: 5, threshold: 16, status: "mitigating" },
    ]);
    expect(reasons(company({ budget: { month: "2026-10", budget: 100_000_00, actual: 120_000_00 } }))).toEqual([
      { code: "budget_overrun", month: "2026-10", currency: "USD", actual: 120_000_00, budget: 100_000_00, thresholdBp: 1000, variance: 0.2 },
    ]);
    expect(reasons(company({ covenant: { status: "projected_breach", month: "2027-01", cash: 5, minimumCash: null } }))).toEqual([
      { code: "covenant_projected", month: "2027-01", currency: "USD", cash: 5, minimumCash: null },
    ]);
    expect(reasons(company({}, { defaultAlive: "cash_out", defaultAliveMonth: null }))).toEqual([
      { code: "default_dead", month: "2026-10", cashOutMonth: null, flatRevenue: false },
    ]);
  });

  it("writes a runway rounded down whatever it is given: 9.27 → 9.2", () => {
    expect(run(company({}, { runwayMonths: 9.27 }), { runwayCautionMonths: 12 })[0]?.reason).toBe(
      "Runway 9.2 months is below the caution threshold of 12 months (as of Oct 2026).",
    );
  });

  it("is a ref with typed figures, stored (no migration) in the text form stored since reasons became keys, and read back once", () => {
    const [alert] = evaluate(company({}, { runwayMonths: 2.4 }));
    const ref = alertReasonRef(alert!.reason);
    expect(ref).toEqual({
      key: "investor.alertReason.runway",
      values: { runway: { fixed: 2.4, digits: 1 }, level: { key: "investor.alertReasonWord.critical" }, threshold: { months: 3 }, month: { month: "2026-10" } },
    });
    const stored = storedAlertReason(ref);
    expect(stored).toBe(
      'investor.alertReason.runway#{"runway":{"fixed":2.4,"digits":1},"level":{"key":"investor.alertReasonWord.critical"},"threshold":{"months":3},"month":{"month":"2026-10"}}',
    );
    expect(alertReasonFromStored(stored)).toEqual(ref);
  });

  it("reads a stored form that does not parse, or names no reason, as a literal shown as it is", () => {
    expect(alertReasonFromStored('investor.alertReason.runway#{"runway":')).toEqual({ key: 'investor.alertReason.runway#{"runway":' });
    expect(alertReasonFromStored("toString")).toEqual({ key: "toString" });
    expect(alertReasonText("en", alertReasonFromStored("toString"))).toBe("toString");
    expect(alertReasonText("zh-CN", alertReasonFromStored('investor.alertReason.runway#{"runway":'))).toBe('investor.alertReason.runway#{"runway":');
  });

  it("renders each kind in Chinese, with amounts, months and dates for the locale", () => {
    const zh = (s: CompanySignals, rules: Partial<AlertRules> = {}, today = TODAY) =>
      evaluate(s, rules, today).map((a) => alertReasonText("zh-CN", alertReasonRef(a.reason)));
    expect(zh(company({}, { runwayMonths: 2.4 }))).toEqual(["现金跑道 2.4 个月，低于严重阈值 3 个月（截至 2026年10月）。"]);
    expect(zh(company({ lastReportedMonth: "2026-09" }), {}, "2026-11-16")).toEqual([
      "2026年10月的报告已逾期：应于 2026年11月15日前提交，最近收到的报告为 2026年9月。",
    ]);
    expect(zh(company({ budget: { month: "2026-10", budget: 100_000_00, actual: 120_000_00 } }))).toEqual([
      "2026年10月支出 US$120,000，预算为 US$100,000：超出预算 20.0%，高于阈值 10%。",
    ]);
    const [risk] = evaluate(company({ risks: [{ id: "r", likelihood: 4, impact: 5, status: "mitigating" }] }), {}, TODAY);
    expect(alertReasonText("zh-CN", alertReasonRef(risk!.reason), { title: "GPU 断供" })).toBe(
      "风险“GPU 断供”得分 20（可能性 4 × 影响 5），达到或超过阈值 16；当前状态：缓解中。",
    );
    expect(zh(company({}, { defaultAlive: "cash_out", defaultAliveMonth: "2027-08" }))).toEqual([
      "默认死亡：若支出保持不变、收入按最近 3 个月的增速增长，现金将在 2027年8月耗尽，早于收入覆盖支出（截至 2026年10月）。",
    ]);
  });

  it("shows a reason stored as an English sentence (before reasons were keys) unchanged", () => {
    const stored = "Runway 2.4 months is below the critical threshold of 3 months (as of 2026-10).";
    expect(alertReasonText("zh-CN", alertReasonFromStored(stored))).toBe("Runway 2.4 months is below the critical threshold of 3 months (as of 2026-10).");
  });
});
