import {
  addMonths,
  averageNetBurn,
  debtSchedule,
  runway,
  runwayForDisplay,
  type DebtTerms,
  type Month,
  type MonthlyFigures,
  type SpendCategory,
} from "../app/finance";
import type { CompanyPlan, UpdatePlan } from "./seed-plans";

// Deterministic noise so the demo looks the same on every machine.
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const cents = (major: number) => Math.round(major) * 100;

export interface SimulatedMonth extends MonthlyFigures {
  readonly month: Month;
  readonly cash: number;
  readonly revenue: number;
  readonly spend: Record<SpendCategory, number>;
  readonly headcount: number;
  readonly arr: number;
  /** Whether the company reported this month (a company that stopped reporting still spends). */
  readonly reported: boolean;
}

export interface SimulatedRound {
  instrument: string;
  closeDate: string;
  amount: number;
  preMoney: number | null;
  lead: string;
  others: string | null;
}

export interface SimulatedCompany {
  months: SimulatedMonth[];
  rounds: SimulatedRound[];
  debt: { terms: DebtTerms; drawDate: string } | null;
}

/**
 * A company's 24 months, its rounds and its loan, all in minor units: spend and revenue grow
 * at the plan's rates with a little deterministic noise; cash follows from the opening cash,
 * revenue, spend, rounds closed in the window, the loan's draw and its debt service.
 */
export function simulateCompany(plan: CompanyPlan, firstMonth: Month, lastMonth: Month, index: number): SimulatedCompany {
  const random = prng(index + 7);
  const rounds = plan.rounds.map((r, i) => ({
    instrument: r.instrument,
    closeDate: `${addMonths(lastMonth, -r.monthsAgo)}-${String(10 + ((index + i * 3) % 15)).padStart(2, "0")}`,
    amount: cents(r.amount),
    preMoney: r.preMoney === undefined ? null : cents(r.preMoney),
    lead: r.lead,
    others: r.others ?? null,
  }));
  let debt: SimulatedCompany["debt"] = null;
  let service = new Map<Month, number>();
  if (plan.debt) {
    const drawMonth = addMonths(lastMonth, -plan.debt.monthsAgo);
    const terms: DebtTerms = {
      principal: cents(plan.debt.principal),
      annualRateBps: plan.debt.rateBp,
      drawMonth,
      termMonths: plan.debt.term,
      repayment: "interest_only_then_amortizing",
      interestOnlyMonths: plan.debt.interestOnly,
    };
    debt = { terms, drawDate: `${drawMonth}-01` };
    service = new Map(debtSchedule(terms).map((row) => [row.month, row.payment]));
  }
  const noise = plan.revenueNoise ?? 0.05;
  const reportUntil = addMonths(lastMonth, -(plan.stopsReportingMonthsEarly ?? 0));
  const months: SimulatedMonth[] = [];
  let cash = cents(plan.openingCash);
  for (let i = 0, month = firstMonth; month <= lastMonth; i++, month = addMonths(month, 1)) {
    const spendTotal = plan.spend * (1 + plan.spendGrowth) ** i * (0.96 + random() * 0.08);
    const revenue = cents(plan.revenue * (1 + plan.revenueGrowth) ** i * (1 - noise + random() * 2 * noise));
    const spend: Record<SpendCategory, number> = {
      compute: cents(spendTotal * plan.computeShare),
      data: cents(spendTotal * 0.06),
      payroll: cents(spendTotal * (0.86 - plan.computeShare - 0.06 - 0.04) * 0.8),
      research: cents(spendTotal * 0.04),
      go_to_market: cents(spendTotal * (0.86 - plan.computeShare - 0.1) * 0.2),
      general_admin: cents(spendTotal * 0.1),
      other: cents(spendTotal * 0.04),
    };
    const gross = Object.values(spend).reduce((a, b) => a + b, 0);
    const raised = rounds.filter((r) => r.closeDate.slice(0, 7) === month).reduce((a, r) => a + r.amount, 0);
    const drawn = debt?.terms.drawMonth === month ? debt.terms.principal : 0;
    cash += raised + drawn + revenue - gross - (service.get(month) ?? 0);
    months.push({
      month,
      cash,
      revenue,
      spend,
      headcount: Math.round(plan.headcount * (1 + plan.spendGrowth) ** i),
      arr: revenue * 12,
      reported: month <= reportUntil,
    });
  }
  return { months, rounds, debt };
}

/** "$1.2M", "$412k", "€98k": how founders write figures in an update. */
function shortMoney(minor: number, currency: string): string {
  const symbol = currency === "EUR" ? "€" : "$";
  const major = minor / 100;
  if (Math.abs(major) >= 1_000_000) return `${symbol}${(major / 1_000_000).toFixed(1)}M`;
  return `${symbol}${Math.round(major / 1_000)}k`;
}

/**
 * The investor update of each reported month: the plan's routine updates in turn, and its
 * story's updates for the last months, with figures filled in from that month's report so the
 * text never contradicts the numbers beside it.
 */
export function updatesFor(plan: CompanyPlan, months: readonly SimulatedMonth[]): { month: Month; text: UpdatePlan }[] {
  const reported = months.filter((m) => m.reported);
  const currency = plan.currency ?? "USD";
  return reported.map((m, i) => {
    const fromEnd = reported.length - i;
    const recent = plan.updates.recent;
    const template = fromEnd <= recent.length ? recent[recent.length - fromEnd] : plan.updates.routine[i % plan.updates.routine.length];
    const previous = reported[i - 1];
    const average = averageNetBurn(reported, m.month, 3).value ?? 0;
    const months = runwayForDisplay(runway(m.cash, average));
    const values: Record<string, string> = {
      revenue: shortMoney(m.revenue, currency),
      growth: previous && previous.revenue > 0 ? `${Math.round((m.revenue / previous.revenue - 1) * 100)} %` : "—",
      cash: shortMoney(m.cash, currency),
      spend: shortMoney(
        Object.values(m.spend).reduce((a, b) => a + b, 0),
        currency,
      ),
      arr: shortMoney(m.arr, currency),
      headcount: String(m.headcount),
      runway: months === null ? "unlimited" : months.toFixed(1),
    };
    const fill = (text: string | undefined) => (text === undefined ? undefined : text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key));
    const chosen = template ?? { highlights: "" };
    return { month: m.month, text: { highlights: fill(chosen.highlights) ?? "", lowlights: fill(chosen.lowlights), asks: fill(chosen.asks) } };
  });
}
