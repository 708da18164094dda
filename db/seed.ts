import { oneRow, type Db } from "./client";
import { budgets, debtFacilities, fundingRounds, memberships, monthlyReports, orgs, reportUpdates, riskHistory, risks, users } from "./schema";
import { withSystem, withTenant } from "./tenant";
import { hashPassword } from "../app/auth/password.server";
import { addMonths, debtSchedule, monthOfDate, type Month } from "../app/finance";
import { refreshCompanyMetrics } from "../app/models/company-metrics.server";
import { seedPortfolio } from "./seed-portfolio";

/** Demo logins, listed in the README. */
export const DEMO_PASSWORD = "capital-desk-demo";
export const DEMO_USERS = {
  founder: { email: "founder@demo.capitaldesk.dev", name: "Maya Chen" },
  investor: { email: "investor@demo.capitaldesk.dev", name: "Daniel Okafor" },
  viewer: { email: "viewer@demo.capitaldesk.dev", name: "Priya Raman" },
} as const;

interface CompanyPlan {
  name: string;
  currency?: string; // base currency, USD unless given
  /** Budget set this far below reality for every category (default: only compute is under-budgeted). */
  budgetFactor?: number;
  startCash: number; // major units
  spend: number; // monthly spend at the start, major units
  spendGrowth: number; // monthly
  revenue: number;
  revenueGrowth: number;
  computeShare: number;
  headcount: number;
  seriesA?: { monthsAgo: number; amount: number; preMoney: number };
  debt?: { monthsAgo: number; principal: number; rateBp: number; term: number; interestOnly: number; minimumCash: number };
}

const COMPANIES: CompanyPlan[] = [
  {
    name: "Lumen Labs",
    startCash: 9_000_000,
    spend: 380_000,
    spendGrowth: 0.02,
    revenue: 60_000,
    revenueGrowth: 0.06,
    computeShare: 0.38,
    headcount: 18,
    seriesA: { monthsAgo: 10, amount: 12_000_000, preMoney: 48_000_000 },
  },
  {
    name: "Parallax AI",
    startCash: 6_500_000,
    spend: 420_000,
    spendGrowth: 0.03,
    revenue: 5_000,
    revenueGrowth: 0.02,
    computeShare: 0.52,
    headcount: 22,
    seriesA: { monthsAgo: 14, amount: 12_000_000, preMoney: 40_000_000 },
  },
  { name: "Quanta Speech", startCash: 3_000_000, spend: 150_000, spendGrowth: 0.01, revenue: 40_000, revenueGrowth: 0.08, computeShare: 0.21, headcount: 9 },
  {
    name: "Tensorleaf",
    startCash: 6_500_000,
    spend: 260_000,
    spendGrowth: 0.015,
    revenue: 30_000,
    revenueGrowth: 0.04,
    computeShare: 0.44,
    headcount: 14,
    budgetFactor: 0.8,
    debt: { monthsAgo: 14, principal: 2_000_000, rateBp: 1200, term: 36, interestOnly: 6, minimumCash: 1_500_000 },
  },
  // A European company reporting in EUR, so the investor's views convert with its FX rates.
  {
    name: "Mosaic Robotics",
    currency: "EUR",
    startCash: 7_800_000,
    spend: 190_000,
    spendGrowth: 0.02,
    revenue: 25_000,
    revenueGrowth: 0.05,
    computeShare: 0.33,
    headcount: 12,
  },
  { name: "Helix Bio AI", startCash: 7_450_000, spend: 210_000, spendGrowth: 0.025, revenue: 10_000, revenueGrowth: 0.03, computeShare: 0.47, headcount: 11 },
];

// Deterministic noise so the demo looks the same on every machine.
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const cents = (major: number) => Math.round(major) * 100;

/** Seeds a demo investor and six startups with 24 months of believable numbers, linked to the investor. */
export async function seedDemo(db: Db, today = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const lastMonth = addMonths(monthOfDate(today), -1);
  const firstMonth = addMonths(lastMonth, -23);

  const userIds = await withSystem(db, async (tx) => {
    const rows = await tx
      .insert(users)
      .values(Object.values(DEMO_USERS).map((u) => ({ ...u, passwordHash, emailVerifiedAt: new Date() })))
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    return Object.fromEntries(rows.map((r) => [r.email, r.id]));
  });
  const founderId = userIds[DEMO_USERS.founder.email];
  const investorId = userIds[DEMO_USERS.investor.email];
  const viewerId = userIds[DEMO_USERS.viewer.email];
  if (!founderId || !investorId || !viewerId) return; // already seeded

  const fund = await withSystem(db, async (tx) => {
    const fund = oneRow(
      await tx.insert(orgs).values({ slug: "northwind-ventures", name: "Northwind Ventures", kind: "investor", baseCurrency: "USD" }).returning(),
      "insert demo fund",
    );
    await tx.insert(memberships).values([
      { orgId: fund.id, userId: investorId, role: "owner" },
      { orgId: fund.id, userId: viewerId, role: "viewer" },
    ]);
    return fund;
  });

  const startupIds: string[] = [];

  for (const [index, plan] of COMPANIES.entries()) {
    const slug = plan.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const org = await withSystem(db, async (tx) => {
      const created = oneRow(
        await tx
          .insert(orgs)
          .values({ slug, name: plan.name, kind: "startup", baseCurrency: plan.currency ?? "USD" })
          .returning(),
        "insert demo startup",
      );
      await tx.insert(memberships).values({ orgId: created.id, userId: founderId, role: "owner" });
      if (index === 0) await tx.insert(memberships).values({ orgId: created.id, userId: viewerId, role: "viewer" });
      return created;
    });
    await withTenant(db, org.id, async (tx) => {
      await seedCompany(tx as unknown as Db, org.id, founderId, plan, firstMonth, lastMonth, index);
      await refreshCompanyMetrics(tx, org.id);
    });
    startupIds.push(org.id);
  }
  await seedPortfolio(db, fund.id, startupIds, investorId, firstMonth, lastMonth);
}

async function seedCompany(tx: Db, orgId: string, founderId: string, plan: CompanyPlan, firstMonth: Month, lastMonth: Month, index: number) {
  const random = prng(index + 7);
  const seedMonth = addMonths(firstMonth, -1);
  const rounds = [
    {
      instrument: "angel",
      closeDate: `${addMonths(firstMonth, -14)}-10`,
      amount: cents(plan.startCash * 0.1),
      preMoney: null as number | null,
      lead: "Angel syndicate",
    },
    { instrument: "seed", closeDate: `${seedMonth}-15`, amount: cents(plan.startCash * 0.9), preMoney: cents(plan.startCash * 3), lead: "Northwind Ventures" },
  ];
  if (plan.seriesA) {
    rounds.push({
      instrument: "series_a",
      closeDate: `${addMonths(lastMonth, -plan.seriesA.monthsAgo)}-20`,
      amount: cents(plan.seriesA.amount),
      preMoney: cents(plan.seriesA.preMoney),
      lead: "Harbour Capital",
    });
  }
  await tx.insert(fundingRounds).values(
    rounds.map((r) => ({
      orgId,
      instrument: r.instrument,
      closeDate: r.closeDate,
      amount: r.amount,
      currency: plan.currency ?? "USD",
      preMoneyValuation: r.preMoney,
      leadInvestor: r.lead,
      otherInvestors: r.instrument === "seed" ? "Founders Fund Angels, Tsinghua alumni" : null,
    })),
  );

  let debtService = new Map<Month, number>();
  let debtDraw: { month: Month; amount: number } | null = null;
  if (plan.debt) {
    const drawMonth = addMonths(lastMonth, -plan.debt.monthsAgo);
    await tx.insert(debtFacilities).values({
      orgId,
      lender: "Silicon Bridge Bank",
      kind: "venture_debt",
      principal: cents(plan.debt.principal),
      currency: plan.currency ?? "USD",
      annualRateBp: plan.debt.rateBp,
      drawDate: `${drawMonth}-01`,
      termMonths: plan.debt.term,
      repaymentType: "interest_only_then_amortizing",
      interestOnlyMonths: plan.debt.interestOnly,
      minimumCash: cents(plan.debt.minimumCash),
      reportingDeadlineDay: 20,
    });
    const schedule = debtSchedule({
      principal: cents(plan.debt.principal),
      annualRateBps: plan.debt.rateBp,
      drawMonth,
      termMonths: plan.debt.term,
      repayment: "interest_only_then_amortizing",
      interestOnlyMonths: plan.debt.interestOnly,
    });
    debtService = new Map(schedule.map((row) => [row.month, row.payment]));
    debtDraw = { month: drawMonth, amount: cents(plan.debt.principal) };
  }

  const reports = [];
  const updates = [];
  const budgetRows = [];
  let cash = cents(plan.startCash);
  // Parallax stops reporting two months early, so the demo shows an overdue report.
  const reportUntil = plan.name === "Parallax AI" ? addMonths(lastMonth, -2) : lastMonth;
  for (let i = 0, month = firstMonth; month <= lastMonth; i++, month = addMonths(month, 1)) {
    const spendTotal = plan.spend * (1 + plan.spendGrowth) ** i * (0.96 + random() * 0.08);
    const revenue = cents(plan.revenue * (1 + plan.revenueGrowth) ** i * (0.95 + random() * 0.1));
    const split = {
      compute: cents(spendTotal * plan.computeShare),
      data: cents(spendTotal * 0.06),
      payroll: cents(spendTotal * (0.86 - plan.computeShare - 0.06 - 0.04) * 0.8),
      research: cents(spendTotal * 0.04),
      goToMarket: cents(spendTotal * (0.86 - plan.computeShare - 0.1) * 0.2),
      generalAdmin: cents(spendTotal * 0.1),
      other: cents(spendTotal * 0.04),
    };
    const gross = Object.values(split).reduce((a, b) => a + b, 0);
    const raised = rounds.filter((r) => r.closeDate.slice(0, 7) === month).reduce((a, r) => a + r.amount, 0);
    cash += raised + revenue - gross - (debtService.get(month) ?? 0) + (debtDraw?.month === month ? debtDraw.amount : 0);
    if (month <= reportUntil) {
      reports.push({
        orgId,
        month,
        cash,
        revenue,
        ...split,
        headcount: Math.round(plan.headcount * (1 + plan.spendGrowth) ** i),
        arr: revenue * 12,
        updatedBy: founderId,
      });
      updates.push({
        orgId,
        month,
        highlights: i % 3 === 0 ? "Shipped a faster inference path; two enterprise pilots signed." : "Model quality up on the main benchmark.",
        lowlights: i % 4 === 0 ? "GPU prices rose; one senior engineer left." : null,
        asks: i % 5 === 0 ? "Intros to heads of AI at insurers." : null,
      });
    }
    if (month.slice(0, 4) === lastMonth.slice(0, 4)) {
      for (const [category, amount] of Object.entries(split)) {
        const key = category === "goToMarket" ? "go_to_market" : category === "generalAdmin" ? "general_admin" : category;
        // Budgets were set a little below reality for compute, so overruns show up.
        const factor = plan.budgetFactor ?? (key === "compute" ? 0.85 : 1.02);
        budgetRows.push({ orgId, month, category: key, amount: Math.round((amount * factor) / 100) * 100 });
      }
    }
  }
  await tx.insert(monthlyReports).values(reports);
  await tx.insert(reportUpdates).values(updates);
  await tx.insert(budgets).values(budgetRows);

  const riskSeeds = [
    {
      title: "GPU supply and price spikes",
      category: "technical",
      likelihood: 4,
      impact: 4,
      mitigation: "Reserved capacity with two clouds; quantised serving.",
    },
    {
      title: "Customer data leaves the EU region",
      category: "data_privacy_security",
      likelihood: 2,
      impact: 5,
      mitigation: "Region pinning, DPA review, quarterly audit.",
    },
    { title: "Key researcher departure", category: "talent", likelihood: 3, impact: 3, mitigation: "Retention grants; documentation of training pipeline." },
    { title: "Frontier labs ship a competing feature", category: "competition", likelihood: 4, impact: 3, mitigation: "Focus on vertical data moat." },
    { title: "AI regulation adds compliance costs", category: "regulatory_legal", likelihood: 3, impact: 2, mitigation: "Counsel on retainer; model cards." },
  ];
  for (const [i, r] of riskSeeds.slice(0, 3 + (index % 3)).entries()) {
    const likelihood = Math.min(5, r.likelihood + (index === 1 && i === 0 ? 1 : 0));
    const reviewOffset = i === 1 ? -20 : 30; // one overdue review per company
    const review = new Date(Date.now() + reviewOffset * 86_400_000).toISOString().slice(0, 10);
    const risk = oneRow(
      await tx
        .insert(risks)
        .values({
          orgId,
          title: r.title,
          category: r.category,
          likelihood,
          impact: r.impact,
          owner: "Maya Chen",
          mitigation: r.mitigation,
          status: i === 2 ? "mitigating" : "open",
          nextReviewDate: review,
        })
        .returning(),
      "insert demo risk",
    );
    await tx.insert(riskHistory).values([
      {
        orgId,
        riskId: risk.id,
        likelihood: Math.max(1, likelihood - 1),
        impact: r.impact,
        status: "open",
        changedBy: founderId,
        changedAt: new Date(Date.now() - 90 * 86_400_000),
      },
      { orgId, riskId: risk.id, likelihood, impact: r.impact, status: risk.status, changedBy: founderId },
    ]);
  }
}
