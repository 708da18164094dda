// Pure data generation for the benchmark portfolio: one company's rows from its index and a
// seed, with no database access, so the same company comes out identical whatever the chunk
// size and on either driver. tests/bench/seed.ts inserts what this returns.
import { randomUUID } from "node:crypto";
import type {
  budgets,
  companyMetrics,
  debtFacilities,
  fundingRounds,
  metricDefinitions,
  metricValues,
  monthlyReports,
  reportUpdates,
  riskHistory,
  risks,
} from "../../db/schema";
import { SPEND_CATEGORIES, type SpendCategory } from "../../app/finance/burn";
import { deriveCompanyMetrics } from "../../app/finance/company-metrics";
import { debtServiceByMonth, type RepaymentType } from "../../app/finance/debt";
import { addMonths, type Month } from "../../app/finance/month";
import { debtTermsOf } from "../../app/domain/debt-facility";
import { findMetricTemplate } from "../../app/domain/metric";
import { translate } from "../../app/i18n/translate";

export type ReportRow = typeof monthlyReports.$inferInsert & { month: Month; cash: number };
export type FacilityRow = typeof debtFacilities.$inferInsert;

export interface GeneratedCompany {
  id: string;
  slug: string;
  name: string;
  currency: string;
  founderId: string;
  founderEmail: string;
  rounds: (typeof fundingRounds.$inferInsert)[];
  facilities: FacilityRow[];
  reports: ReportRow[];
  updates: (typeof reportUpdates.$inferInsert)[];
  budgets: (typeof budgets.$inferInsert)[];
  risks: (typeof risks.$inferInsert)[];
  riskHistory: (typeof riskHistory.$inferInsert)[];
  metrics: typeof companyMetrics.$inferInsert | null;
  /** Three custom metrics (decision 024) with a value for every reported month. */
  metricDefinitions: (typeof metricDefinitions.$inferInsert)[];
  metricValues: (typeof metricValues.$inferInsert)[];
  /** The investor's cheque: the first round it took part in. */
  position: { investedOn: string; amount: number; instrument: string; ownershipBp: number; currentValue: number };
}

/** mulberry32: small, fast, good enough for believable variety; one stream per company. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
type Random = ReturnType<typeof prng>;
const between = (r: Random, lo: number, hi: number) => lo + r() * (hi - lo);
const int = (r: Random, lo: number, hi: number) => Math.floor(between(r, lo, hi + 1));
const pick = <T>(r: Random, items: readonly T[]) => items[Math.floor(r() * items.length)]!;
/** Whole major units as minor units: the figures people type. */
const cents = (major: number) => Math.max(0, Math.round(major)) * 100;

const PREFIXES = [
  "Lumen",
  "Parallax",
  "Quanta",
  "Tensor",
  "Mosaic",
  "Helix",
  "Vector",
  "Cortex",
  "Atlas",
  "Nimbus",
  "Orbital",
  "Kestrel",
  "Sable",
  "Juniper",
  "Argon",
  "Beacon",
  "Cinder",
  "Delta",
  "Ember",
  "Fathom",
  "Granite",
  "Harbor",
  "Iris",
  "Jolt",
  "Krypton",
  "Lattice",
  "Meridian",
  "Nova",
  "Onyx",
  "Prism",
  "Quill",
  "Radiant",
  "Sigma",
  "Tidal",
  "Umbra",
  "Vesper",
  "Willow",
  "Xenon",
  "Yarrow",
  "Zephyr",
];
const SUFFIXES = [
  "Labs",
  "AI",
  "Robotics",
  "Speech",
  "Vision",
  "Systems",
  "Health AI",
  "Data",
  "Bio AI",
  "Analytics",
  "Compute",
  "Dynamics",
  "Intelligence",
  "Logic",
  "Models",
  "Networks",
  "Sensing",
  "Works",
  "Forge",
  "Signal",
  "Cloud",
  "Agents",
  "Legal AI",
  "Finance AI",
  "Genomics",
];
const HIGHLIGHTS = [
  "Shipped a faster inference path; two enterprise pilots signed.",
  "Model quality up on the main benchmark.",
  "Closed our largest contract to date.",
  "Gross margin up after moving inference to reserved GPUs.",
  "Hired a VP of Sales.",
  "Launched the self-serve plan.",
];
const LOWLIGHTS = [
  "GPU prices rose; one senior engineer left.",
  "A pilot slipped to next quarter.",
  "Churned a design partner.",
  "Training run failed and had to be repeated.",
];
const ASKS = ["Intros to heads of AI at insurers.", "Looking for a fractional CFO.", "Intros to GPU resellers in the EU.", "Feedback on our pricing page."];
const RISK_CATALOGUE = [
  ["GPU supply and price spikes", "technical"],
  ["Customer data leaves the EU region", "data_privacy_security"],
  ["Key researcher departure", "talent"],
  ["Frontier labs ship a competing feature", "competition"],
  ["AI regulation adds compliance costs", "regulatory_legal"],
  ["Largest customer is 40 % of revenue", "market"],
  ["Next round takes longer than runway", "financial"],
  ["Model hallucinations reach a customer", "technical"],
  ["Cloud credits run out", "financial"],
  ["On-call depends on one engineer", "operational"],
  ["Copyright claims over training data", "regulatory_legal"],
  ["Enterprise sales cycle lengthens", "market"],
] as const;
const RISK_STATUSES = ["open", "open", "open", "mitigating", "mitigating", "accepted", "closed"] as const;
export const CURRENCIES = ["USD", "EUR", "GBP"] as const;

/** Deterministic v4-shaped UUIDs would tie ids to the seed; random ones keep reruns independent. */
const id = () => randomUUID();

/** The name of company `index`: 40 × 25 distinct names, then numbered. */
export function companyName(index: number): string {
  const base = `${PREFIXES[index % PREFIXES.length]} ${SUFFIXES[Math.floor(index / PREFIXES.length) % SUFFIXES.length]}`;
  const round = Math.floor(index / (PREFIXES.length * SUFFIXES.length));
  return round === 0 ? base : `${base} ${round + 1}`;
}
export function companySlug(index: number): string {
  return companyName(index)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
}

/**
 * One company with `months` reports ending at (or, for a late reporter, a little before)
 * `lastMonth`. Every company lives LIFETIME months (or `months`, if longer) whatever `months`
 * is, and only its last `months` are reported: so a 12-month and a 60-month portfolio of the
 * same seed hold the same companies in the same state today, differing only in history.
 */
export const LIFETIME = 60;
export function generateCompany(index: number, months: number, lastMonth: Month, seed: number): GeneratedCompany {
  const r = prng(seed * 1_000_003 + index);
  const orgId = id();
  const founderId = id();
  const currency = r() < 0.8 ? "USD" : r() < 0.6 ? "EUR" : "GBP";
  // About 6 % are late: their last report is one to three months old (the overdue alert).
  const lateBy = r() < 0.06 ? int(r, 1, 3) : 0;
  const last = addMonths(lastMonth, -lateBy);
  const life = Math.max(months, LIFETIME);
  const born = addMonths(last, -(life - 1));
  const first = addMonths(last, -(months - 1));
  const stage = r() < 0.4 ? 0 : r() < 0.67 ? 1 : 2; // pre-seed/seed, seed/A, A/B when it started
  let spendBase = [between(r, 60_000, 200_000), between(r, 150_000, 450_000), between(r, 350_000, 1_000_000)][stage]!;
  // About one in eight sells enough to head for profit; the rest earn 2–35 % of their spend
  // and grow revenue only a little faster than spend, so most are default-dead on trend.
  const efficient = r() < 0.12;
  const spendGrowth = efficient ? between(r, 0.005, 0.015) : between(r, 0.005, 0.025);
  const revenueBase = spendBase * (efficient ? between(r, 0.5, 0.9) : between(r, 0.02, 0.35));
  const revenueGrowth = efficient ? between(r, 0.02, 0.04) : between(r, 0, 0.03);
  const computeShare = between(r, 0.15, 0.55);
  const reportsArr = r() < 0.85;

  // Rounds: one before the company's first month (the cash it starts with), one or two later.
  const instruments = [
    ["pre_seed", "seed", "series_a"],
    ["seed", "series_a", "series_b"],
    ["series_a", "series_b", "series_c_plus"],
  ][stage]!;
  // A company raises when it needs to (cash under four months of net burn), at most twice;
  // one that never needed to still raises an expansion round at some point.
  const expansionAt = int(r, 12, life - 6);
  const rounds: GeneratedCompany["rounds"] = [];
  const addRound = (instrument: string, month: Month, amount: number) => {
    rounds.push({
      orgId,
      instrument,
      closeDate: `${month}-${String(int(r, 1, 28)).padStart(2, "0")}`,
      amount,
      currency,
      preMoneyValuation: instrument === "bridge" ? null : Math.round((amount * between(r, 2.5, 5)) / 100_000) * 100_000,
      leadInvestor: pick(r, ["Harbour Capital", "Northwind Ventures", "Bench Fund", "Angel syndicate", "Granite Partners"]),
    });
  };
  const startCash = cents(spendBase * between(r, 18, 30));
  addRound(instruments[0]!, addMonths(born, -int(r, 1, 6)), startCash);

  // Debt for about a quarter, more often the later-stage ones.
  const facilities: FacilityRow[] = [];
  if (r() < 0.15 + stage * 0.1) {
    const repayment: RepaymentType = pick(r, ["interest_only_then_amortizing", "interest_only_then_amortizing", "amortizing", "bullet"]);
    const term = pick(r, [24, 36, 48]);
    facilities.push({
      orgId,
      lender: pick(r, ["Silicon Bridge Bank", "Harbour Credit", "Tidal Debt Partners"]),
      kind: pick(r, ["venture_debt", "venture_debt", "bank_loan"]),
      principal: cents(spendBase * between(r, 3, 6)),
      currency,
      annualRateBp: int(r, 9, 14) * 100,
      drawDate: `${addMonths(born, int(r, Math.floor(life / 3), life - 6))}-01`,
      termMonths: term,
      repaymentType: repayment,
      interestOnlyMonths: repayment === "interest_only_then_amortizing" ? int(r, 3, 12) : 0,
      minimumCash: r() < 0.6 ? cents(spendBase * between(r, 1, 3)) : null,
      reportingDeadlineDay: 20,
    });
  }
  const service = debtServiceByMonth(facilities.map(debtTermsOf));
  const draws = new Map(facilities.map((f) => [f.drawDate.slice(0, 7), f.principal]));

  const reports: ReportRow[] = [];
  const updates: GeneratedCompany["updates"] = [];
  let cash = startCash;
  let raisedRounds = 0;
  for (let i = 0; i < life; i++) {
    const month = addMonths(born, i);
    const spend = spendBase * (1 + spendGrowth) ** i * between(r, 0.95, 1.05);
    const revenue = cents(revenueBase * (1 + revenueGrowth) ** i * between(r, 0.93, 1.07));
    const split: Record<SpendCategory, number> = {
      compute: cents(spend * computeShare),
      data: cents(spend * 0.06),
      payroll: cents(spend * (0.72 - computeShare) * 0.75),
      research: cents(spend * 0.04),
      go_to_market: cents(spend * (0.72 - computeShare) * 0.25),
      general_admin: cents(spend * 0.1),
      other: cents(spend * 0.08),
    };
    const gross = SPEND_CATEGORIES.reduce((sum, c) => sum + split[c], 0);
    const net = gross - revenue;
    let raised = 0;
    const needs = net > 0 && cash < 4 * net;
    if (raisedRounds < 2 && ((needs && r() < 0.5) || (raisedRounds === 0 && i >= expansionAt))) {
      raisedRounds += 1;
      raised = cents((spend * between(r, 20, 40)) / 100) * 100;
      addRound(instruments[raisedRounds]!, month, raised);
    } else if (needs && cash < 2 * net && raisedRounds < 2 && r() < 0.5) {
      raisedRounds += 1; // a bridge from insiders, when the priced round would come too late
      raised = cents((spend * 12) / 100) * 100;
      addRound("bridge", month, raised);
    } else if (needs && raisedRounds >= 2) {
      spendBase *= 0.9; // cuts, month after month: what companies do when no money is coming
    }
    cash = Math.max(0, cash + raised + revenue - gross - (service.get(month) ?? 0) + (draws.get(month) ?? 0));
    // Drawn whether or not the month is reported, so a shorter history is the same company.
    const update =
      r() < 0.45 ? { highlights: pick(r, HIGHLIGHTS), lowlights: r() < 0.5 ? pick(r, LOWLIGHTS) : null, asks: r() < 0.3 ? pick(r, ASKS) : null } : null;
    if (i < life - months) continue; // lived, but before the reported history
    reports.push({
      orgId,
      month,
      cash,
      revenue,
      compute: split.compute,
      data: split.data,
      payroll: split.payroll,
      research: split.research,
      goToMarket: split.go_to_market,
      generalAdmin: split.general_admin,
      other: split.other,
      headcount: Math.max(2, Math.round(spend / 16_000)),
      arr: reportsArr ? revenue * 12 : null,
      updatedBy: founderId,
    });
    if (update) updates.push({ orgId, month, ...update });
  }

  // Budgets for the last two fiscal (calendar) years, every month from the first report on,
  // set per category a little above or below what was then spent (or projected).
  const budgetRows: GeneratedCompany["budgets"] = [];
  const factor = Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, between(r, c === "compute" ? 0.8 : 0.9, 1.12)])) as Record<SpendCategory, number>;
  const year = Number(lastMonth.slice(0, 4));
  const latest = reports.at(-1)!;
  for (let m = `${year - 1}-01`; m <= `${year}-12`; m = addMonths(m, 1)) {
    if (m < first) continue;
    const actual = reports.find((row) => row.month === m) ?? latest;
    for (const c of SPEND_CATEGORIES) {
      const column = c === "go_to_market" ? "goToMarket" : c === "general_admin" ? "generalAdmin" : c;
      budgetRows.push({ orgId, month: m, category: c, amount: cents((Number(actual[column]) * factor[c]) / 100) });
    }
  }

  const riskRows: GeneratedCompany["risks"] = [];
  const history: GeneratedCompany["riskHistory"] = [];
  const lastDay = Date.UTC(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)), 1);
  const titles = [...RISK_CATALOGUE].sort(() => r() - 0.5).slice(0, int(r, 3, 6));
  for (const [title, category] of titles) {
    const riskId = id();
    const likelihood = int(r, 1, 5);
    const impact = int(r, 2, 5);
    const status = pick(r, RISK_STATUSES);
    const review = new Date(lastDay + int(r, -30, 60) * 86_400_000).toISOString().slice(0, 10);
    riskRows.push({
      orgId,
      id: riskId,
      title,
      category,
      likelihood,
      impact,
      owner: "Founder",
      mitigation: "Reviewed monthly with the board.",
      status,
      nextReviewDate: review,
    });
    const changes = int(r, 1, 3);
    let at = lastDay - int(r, 200, 700) * 86_400_000;
    for (let k = 0; k <= changes; k++, at += int(r, 20, 90) * 86_400_000) {
      const final = k === changes;
      history.push({
        orgId,
        riskId,
        changedBy: founderId,
        changedAt: new Date(at),
        likelihood: final ? likelihood : Math.max(1, Math.min(5, likelihood + int(r, -1, 1))),
        impact: final ? impact : Math.max(1, Math.min(5, impact + int(r, -1, 1))),
        status: final ? status : "open",
      });
    }
  }

  const cheque = rounds[0]!;
  const amount = cents((cheque.amount * between(r, 0.1, 0.4)) / 100);
  return {
    id: orgId,
    slug: companySlug(index),
    name: companyName(index),
    currency,
    founderId,
    founderEmail: `founder-${String(index + 1).padStart(4, "0")}@bench.capitaldesk.dev`,
    rounds,
    facilities,
    reports,
    updates,
    budgets: budgetRows,
    risks: riskRows,
    riskHistory: history,
    metrics: metricsRow(orgId, currency, reports, facilities),
    ...customMetrics(orgId, founderId, reports),
    position: {
      investedOn: cheque.closeDate,
      amount,
      instrument: cheque.instrument,
      ownershipBp: int(r, 300, 2000),
      currentValue: Math.round(amount * Math.exp(between(r, -1.5, 1.6))),
    },
  };
}

/**
 * Three AI metrics every bench company reports under the same keys (so portfolio benchmarks
 * of custom metrics have a full cohort), derived from the month's report rather than drawn
 * from the company's random stream: drawing more numbers would change every figure after it.
 */
const metricValueOf: Record<string, (row: ReportRow) => string> = {
  // About 4,000 tokens per dollar of revenue; an hour of GPU at $2.40 of compute spend.
  tokens_served: (row) => String(Math.round(((row.revenue ?? 0) / 100) * 4_000)),
  gpu_hours: (row) => ((row.compute ?? 0) / 100 / 2.4).toFixed(1),
  gross_margin: (row) => {
    const revenue = row.revenue ?? 0;
    const margin = revenue > 0 ? ((revenue - (row.compute ?? 0) * 0.5) / revenue) * 100 : -100;
    return Math.max(-100, Math.min(95, margin)).toFixed(2);
  },
};
function customMetrics(orgId: string, founderId: string, reports: readonly ReportRow[]) {
  const definitions = Object.keys(metricValueOf).map((key) => {
    const template = findMetricTemplate(key)!;
    const { unit, direction, rollup } = template;
    return { orgId, id: id(), key, nameEn: translate("en", template.name), nameZh: translate("zh-CN", template.name), unit, direction, rollup };
  });
  const values = definitions.flatMap((d) =>
    reports.map((row) => ({ orgId, metricId: d.id, month: row.month, value: metricValueOf[d.key]!(row), updatedBy: founderId })),
  );
  return { metricDefinitions: definitions, metricValues: values };
}

/**
 * The company_metrics row, as refreshCompanyMetrics (app/models/company-metrics.server.ts)
 * would write it from the same reports and facilities: reports in month order, facilities
 * in another currency left out. tests/integration/bench-seed.test.ts checks the two agree.
 */
export function metricsRow(orgId: string, currency: string, reports: readonly ReportRow[], facilities: readonly FacilityRow[]): GeneratedCompany["metrics"] {
  const sorted = [...reports].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const metrics = deriveCompanyMetrics(
    sorted.map((row) => ({
      month: row.month,
      spend: {
        compute: row.compute ?? 0,
        data: row.data ?? 0,
        payroll: row.payroll ?? 0,
        research: row.research ?? 0,
        go_to_market: row.goToMarket ?? 0,
        general_admin: row.generalAdmin ?? 0,
        other: row.other ?? 0,
      },
      revenue: row.revenue ?? 0,
      cash: row.cash,
      arr: row.arr ?? null,
      headcount: row.headcount ?? 0,
    })),
    facilities.filter((f) => f.currency === currency).map((f) => ({ terms: debtTermsOf(f), minimumCash: f.minimumCash ?? null })),
  );
  if (metrics === null) return null;
  return {
    orgId,
    ...metrics,
    runwayMonths: metrics.runwayMonths === null ? null : metrics.runwayMonths.toFixed(1),
    burnMultiple: metrics.burnMultiple === null ? null : metrics.burnMultiple.toFixed(2),
  };
}
