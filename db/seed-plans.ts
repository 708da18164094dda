/**
 * The demo portfolio's companies, each with a story a partner would recognise, so the demo
 * shows what the app is for: one near default, one profitable, one in breach of a debt
 * covenant, one growing fast, and steadier companies around them. Nine companies share
 * their financials with the demo fund, so every company's peer cohort (the other eight) stays
 * above the anonymity floor of 5 even where a peer has no figure (a profitable company has no
 * runway). tests/integration/demo-stories.test.ts checks each story with the app's own
 * finance functions. All text here is the companies' own content, so it is in English.
 */

import type { Instrument } from "../app/finance";
import type { RiskCategory } from "../app/domain/risk-labels";

export type DemoStory = "near_default" | "profitable" | "covenant_breach" | "fast_growth" | "steady";

export interface RoundPlan {
  instrument: Instrument;
  /** Months before the last demo month (24 or more: before the reported history). */
  monthsAgo: number;
  amount: number; // major units
  preMoney?: number;
  lead: string;
  others?: string;
}

export interface RiskPlan {
  title: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  /** Likelihood when the risk was first logged; differs when the founder re-scored it since. */
  firstLikelihood?: number;
  mitigation: string;
  status?: "open" | "mitigating" | "accepted";
  /** Days from today to the next review; negative = overdue. */
  reviewInDays: number;
}

/** One month's investor update; `{…}` placeholders are filled from that month's figures. */
export interface UpdatePlan {
  highlights: string;
  lowlights?: string;
  asks?: string;
}

export interface CompanyPlan {
  name: string;
  story: DemoStory;
  currency?: string; // base currency, USD unless given
  /** The owner: the demo founder (who can log in) or a founder of their own. */
  founder: "demo" | { email: string; name: string };
  /** Cash at the end of the month before the reported history, major units. */
  openingCash: number;
  spend: number; // monthly operating spend at the start, major units
  spendGrowth: number; // monthly
  revenue: number;
  revenueGrowth: number;
  /** ± share of random noise on revenue (default 0.05). */
  revenueNoise?: number;
  computeShare: number;
  headcount: number;
  /** Budget set this far below reality for every category (default: only compute is under-budgeted). */
  budgetFactor?: number;
  /** Stops reporting this many months before the last demo month (an overdue report). */
  stopsReportingMonthsEarly?: number;
  rounds: RoundPlan[];
  debt?: { lender: string; monthsAgo: number; principal: number; rateBp: number; term: number; interestOnly: number; minimumCash: number };
  /** The fund's cheque: a share of the round it led, and what the position is worth now (× cost). */
  position: { share: number; ownershipBp: number; multiple: number; notes: string };
  risks: RiskPlan[];
  /** Updates cycle through `routine`; the last months (oldest first) use `recent`, which tells the story. */
  updates: { routine: UpdatePlan[]; recent: UpdatePlan[] };
}

const NORTHWIND = "Northwind Ventures";

export const COMPANIES: CompanyPlan[] = [
  {
    name: "Lumen Labs",
    story: "fast_growth",
    founder: "demo",
    openingCash: 7_500_000,
    spend: 300_000,
    spendGrowth: 0.04,
    revenue: 28_000,
    revenueGrowth: 0.13,
    revenueNoise: 0.02,
    computeShare: 0.38,
    headcount: 16,
    rounds: [
      { instrument: "angel", monthsAgo: 38, amount: 900_000, lead: "Angel syndicate" },
      { instrument: "seed", monthsAgo: 25, amount: 7_000_000, preMoney: 21_000_000, lead: NORTHWIND, others: "Founders Fund Angels, Tsinghua alumni" },
      { instrument: "series_a", monthsAgo: 9, amount: 15_000_000, preMoney: 60_000_000, lead: "Harbour Capital", others: NORTHWIND },
    ],
    position: { share: 0.4, ownershipBp: 1100, multiple: 3.4, notes: "Led the seed; took our pro rata in the Series A." },
    risks: [
      {
        title: "GPU supply and price spikes",
        category: "technical",
        likelihood: 4,
        impact: 4,
        firstLikelihood: 3,
        mitigation: "Reserved capacity with two clouds; quantised serving for the claims model.",
        reviewInDays: 30,
      },
      {
        title: "Onboarding backlog delays enterprise go-lives",
        category: "operational",
        likelihood: 4,
        impact: 3,
        mitigation: "Second implementation team hired; self-serve connector for the top three claims systems.",
        status: "mitigating",
        reviewInDays: -12,
      },
      {
        title: "Policyholder data in model training",
        category: "data_privacy_security",
        likelihood: 2,
        impact: 5,
        mitigation: "Per-insurer tenancy, no cross-customer training, annual SOC 2 audit.",
        reviewInDays: 45,
      },
      {
        title: "Insurance regulators restrict automated claim decisions",
        category: "regulatory_legal",
        likelihood: 2,
        impact: 4,
        mitigation: "Human sign-off on every denial; model cards filed with two state regulators.",
        reviewInDays: 60,
      },
    ],
    updates: {
      routine: [
        {
          highlights: "Revenue {revenue}, up {growth} on last month; two more insurers moved from pilot to contract.",
          asks: "Intros to heads of claims at mid-size insurers.",
        },
        { highlights: "Claims triage model now handles motor and property claims; accuracy up 4 points on the holdout set." },
        {
          highlights: "Revenue {revenue} ({growth} month on month); headcount {headcount}.",
          lowlights: "GPU spot prices rose; inference cost per claim up 9 %.",
        },
      ],
      recent: [
        {
          highlights: "Signed a top-20 US carrier; revenue {revenue}, up {growth} on last month.",
          lowlights: "Onboarding queue is now six weeks long.",
          asks: "Senior implementation leads: referrals welcome.",
        },
        { highlights: "Net revenue retention 148 %; ARR {arr}.", lowlights: "Two go-lives slipped a month on the customers' side." },
        {
          highlights: "Revenue {revenue}, up {growth}; burn multiple below 1 for the third month running.",
          asks: "Intros to reinsurers for the Series B story.",
        },
      ],
    },
  },
  {
    name: "Parallax AI",
    story: "near_default",
    founder: "demo",
    openingCash: 14_300_000,
    spend: 430_000,
    spendGrowth: 0.03,
    revenue: 9_000,
    revenueGrowth: 0.04,
    computeShare: 0.52,
    headcount: 22,
    stopsReportingMonthsEarly: 2,
    rounds: [
      { instrument: "seed", monthsAgo: 34, amount: 4_000_000, preMoney: 12_000_000, lead: NORTHWIND, others: "Founders Fund Angels" },
      { instrument: "series_a", monthsAgo: 26, amount: 12_000_000, preMoney: 40_000_000, lead: "Meridian Growth" },
      { instrument: "convertible_note", monthsAgo: 3, amount: 1_500_000, lead: NORTHWIND, others: "Existing angels" },
    ],
    position: { share: 0.4, ownershipBp: 950, multiple: 0.3, notes: "Led the seed; wrote the position down after the bridge." },
    risks: [
      {
        title: "Cash runs out before the Series B closes",
        category: "financial",
        likelihood: 5,
        impact: 5,
        firstLikelihood: 3,
        mitigation: "Bridge from insiders; cut the training budget by 40 %; talks with two strategic acquirers.",
        reviewInDays: -9,
      },
      {
        title: "Training runs cost more than the revenue they unlock",
        category: "financial",
        likelihood: 4,
        impact: 4,
        mitigation: "Pause the 70B run; fine-tune the 13B model for the two paying customers.",
        status: "mitigating",
        reviewInDays: 14,
      },
      {
        title: "Research leads leave during the down round",
        category: "talent",
        likelihood: 4,
        impact: 4,
        firstLikelihood: 2,
        mitigation: "Retention grants on the new cap table; weekly all-hands on the plan.",
        reviewInDays: 7,
      },
    ],
    updates: {
      routine: [
        { highlights: "Video model v2 trained; quality ahead of open models on our benchmark.", lowlights: "Enterprise pipeline slower than planned." },
        { highlights: "First paying customer for the API (revenue {revenue}).", asks: "Intros to media companies with video archives." },
        { highlights: "Headcount {headcount}; research team complete.", lowlights: "Compute spend above budget again." },
      ],
      recent: [
        {
          highlights: "Bridge of $1.5M closed from Northwind and angels.",
          lowlights: "Series B lead passed after diligence; runway under six months.",
          asks: "Warm intros to strategic acquirers in media tooling.",
        },
        {
          highlights: "Cut monthly spend plan by 25 % from next month.",
          lowlights: "Cash {cash}, about {runway} months at the current burn; default dead.",
          asks: "A second bridge of $2M, or buyers for the team and model.",
        },
      ],
    },
  },
  {
    name: "Quanta Speech",
    story: "profitable",
    founder: "demo",
    openingCash: 2_100_000,
    spend: 190_000,
    spendGrowth: 0.02,
    revenue: 95_000,
    revenueGrowth: 0.07,
    computeShare: 0.21,
    headcount: 9,
    rounds: [
      { instrument: "angel", monthsAgo: 40, amount: 400_000, lead: "Angel syndicate" },
      { instrument: "seed", monthsAgo: 28, amount: 3_000_000, preMoney: 9_000_000, lead: NORTHWIND, others: "Tsinghua alumni" },
    ],
    position: { share: 0.4, ownershipBp: 1250, multiple: 2.6, notes: "Led the seed; profitable since last spring, no further round planned." },
    risks: [
      {
        title: "Largest call-centre customer is 31 % of revenue",
        category: "market",
        likelihood: 3,
        impact: 4,
        mitigation: "Two-year renewal signed; sales focused on banks and telcos.",
        reviewInDays: 40,
      },
      {
        title: "Open-source speech models close the accuracy gap",
        category: "competition",
        likelihood: 4,
        impact: 3,
        mitigation: "Compete on accents, diarisation and on-premise deployment, not raw accuracy.",
        status: "accepted",
        reviewInDays: 90,
      },
      {
        title: "Call recordings under new consent rules",
        category: "regulatory_legal",
        likelihood: 3,
        impact: 3,
        mitigation: "Consent flag in the API; recordings deleted after 30 days by default.",
        reviewInDays: -5,
      },
    ],
    updates: {
      routine: [
        {
          highlights: "Revenue {revenue}, up {growth} on last month; Spanish and Portuguese models live.",
          asks: "Intros to heads of customer service at regional banks.",
        },
        { highlights: "On-premise edition shipped to the first telco.", lowlights: "Support load grew faster than the team." },
        { highlights: "Revenue {revenue}; gross margin 74 % after moving inference to our own GPUs." },
      ],
      recent: [
        { highlights: "Revenue {revenue} covers all operating spend ({spend}): cash-flow positive.", asks: "None this month." },
        { highlights: "Revenue {revenue}, spend {spend}; cash {cash} and growing.", lowlights: "Lost a small retail customer to an open-source build." },
        { highlights: "Profitable for the quarter; hiring two engineers out of cash flow.", asks: "Referrals for a VP Sales with telco experience." },
      ],
    },
  },
  {
    name: "Tensorleaf",
    story: "covenant_breach",
    founder: "demo",
    openingCash: 4_750_000,
    spend: 250_000,
    spendGrowth: 0.015,
    revenue: 60_000,
    revenueGrowth: 0.045,
    computeShare: 0.44,
    headcount: 14,
    budgetFactor: 0.8,
    rounds: [
      { instrument: "pre_seed", monthsAgo: 36, amount: 750_000, lead: "Angel syndicate" },
      { instrument: "seed", monthsAgo: 27, amount: 6_000_000, preMoney: 18_000_000, lead: NORTHWIND, others: "Founders Fund Angels" },
    ],
    debt: { lender: "Silicon Bridge Bank", monthsAgo: 14, principal: 2_000_000, rateBp: 1200, term: 36, interestOnly: 6, minimumCash: 1_500_000 },
    position: { share: 0.4, ownershipBp: 1000, multiple: 0.9, notes: "Led the seed; watching the venture-debt covenant." },
    risks: [
      {
        title: "Minimum-cash covenant breached on the venture loan",
        category: "financial",
        likelihood: 5,
        impact: 4,
        firstLikelihood: 2,
        mitigation: "Waiver requested from Silicon Bridge Bank; equity extension of $3M in term sheet with insiders.",
        reviewInDays: 5,
      },
      {
        title: "Amortising loan payments squeeze hiring",
        category: "financial",
        likelihood: 4,
        impact: 3,
        mitigation: "Hiring freeze outside sales until the extension closes.",
        status: "mitigating",
        reviewInDays: -15,
      },
      {
        title: "Cloud providers bundle model evaluation for free",
        category: "competition",
        likelihood: 3,
        impact: 4,
        mitigation: "Multi-cloud evaluation and audit trails that bundled tools lack.",
        reviewInDays: 50,
      },
      {
        title: "Customer model weights leak through the evaluation sandbox",
        category: "data_privacy_security",
        likelihood: 2,
        impact: 5,
        mitigation: "Sandboxes per customer; third-party penetration test twice a year.",
        reviewInDays: 75,
      },
    ],
    updates: {
      routine: [
        { highlights: "Revenue {revenue}, up {growth}; evaluation suite adopted by a second bank.", asks: "Intros to model-risk teams at banks." },
        { highlights: "Shipped drift alerts; 3 customers expanded seats.", lowlights: "Compute spend over budget on large customer evaluations." },
        { highlights: "Headcount {headcount}; first enterprise security review passed." },
      ],
      recent: [
        {
          highlights: "Revenue {revenue}, up {growth} on last month.",
          lowlights: "Loan payments of $77k a month (principal and interest) come on top of the burn.",
        },
        {
          highlights: "Extension term sheet from insiders for $3M.",
          lowlights: "Cash {cash} fell below the $1.5M minimum-cash covenant of the Silicon Bridge loan.",
          asks: "Support for our waiver request to Silicon Bridge Bank.",
        },
      ],
    },
  },
  {
    name: "Mosaic Robotics",
    story: "steady",
    currency: "EUR",
    founder: "demo",
    openingCash: 7_800_000,
    spend: 190_000,
    spendGrowth: 0.02,
    revenue: 25_000,
    revenueGrowth: 0.05,
    computeShare: 0.33,
    headcount: 12,
    rounds: [
      { instrument: "angel", monthsAgo: 35, amount: 800_000, lead: "Bavarian Angels" },
      { instrument: "seed", monthsAgo: 25, amount: 7_500_000, preMoney: 22_000_000, lead: NORTHWIND, others: "High-Tech Gründerfonds" },
    ],
    position: { share: 0.4, ownershipBp: 1150, multiple: 1.4, notes: "Led the seed, converted at the EUR rate of the close." },
    risks: [
      {
        title: "Warehouse pilots stall in procurement",
        category: "market",
        likelihood: 3,
        impact: 4,
        mitigation: "Pilot contracts with a paid conversion clause; channel partner for DACH.",
        reviewInDays: 20,
      },
      {
        title: "EU AI Act classes pick-and-place vision as high risk",
        category: "regulatory_legal",
        likelihood: 2,
        impact: 4,
        mitigation: "Conformity assessment prepared with TÜV; logging built in.",
        reviewInDays: -30,
      },
      {
        title: "Camera supplier single source",
        category: "operational",
        likelihood: 3,
        impact: 3,
        mitigation: "Second supplier qualified for the next hardware revision.",
        status: "mitigating",
        reviewInDays: 35,
      },
    ],
    updates: {
      routine: [
        { highlights: "Revenue {revenue}, up {growth}; third warehouse live in Rotterdam.", asks: "Intros to 3PL operators in Benelux." },
        { highlights: "Pick rate up to 610 items an hour on mixed totes.", lowlights: "One pilot paused over a site move." },
        { highlights: "Headcount {headcount}; field service team in place." },
      ],
      recent: [
        { highlights: "Two pilots converted to paid rollouts.", lowlights: "Hardware margin still below target." },
        { highlights: "Revenue {revenue}; runway {runway} months at the current burn.", asks: "Series A leads with robotics experience for next year." },
      ],
    },
  },
  {
    name: "Helix Bio AI",
    story: "steady",
    founder: "demo",
    openingCash: 7_450_000,
    spend: 180_000,
    spendGrowth: 0.02,
    revenue: 10_000,
    revenueGrowth: 0.03,
    computeShare: 0.47,
    headcount: 11,
    rounds: [
      { instrument: "angel", monthsAgo: 33, amount: 750_000, lead: "Angel syndicate" },
      { instrument: "seed", monthsAgo: 25, amount: 6_700_000, preMoney: 20_000_000, lead: NORTHWIND, others: "Tsinghua alumni" },
      { instrument: "safe", monthsAgo: 1, amount: 2_000_000, lead: "Pharma strategic partner" },
    ],
    position: { share: 0.4, ownershipBp: 1300, multiple: 1.0, notes: "Led the seed; held at cost until the first pharma milestone." },
    risks: [
      {
        title: "Wet-lab validation slower than the model roadmap",
        category: "technical",
        likelihood: 4,
        impact: 3,
        mitigation: "Second CRO contracted; validation batches planned a quarter ahead.",
        status: "mitigating",
        reviewInDays: 25,
      },
      {
        title: "Pharma partner delays the milestone payment",
        category: "financial",
        likelihood: 3,
        impact: 4,
        mitigation: "Milestone tied to delivered designs, not assay results.",
        reviewInDays: -7,
      },
      {
        title: "Protein structure data licence not renewed",
        category: "data_privacy_security",
        likelihood: 2,
        impact: 4,
        mitigation: "Three-year licence renewal in negotiation; public-data fallback tested.",
        reviewInDays: 60,
      },
    ],
    updates: {
      routine: [
        { highlights: "Design round 4 delivered to the pharma partner.", asks: "Intros to biotech heads of discovery." },
        { highlights: "Binding affinity model beats our baseline on 7 of 9 targets.", lowlights: "CRO turnaround slipped by three weeks." },
        { highlights: "Headcount {headcount}; computational chemistry lead hired." },
      ],
      recent: [
        { highlights: "SAFE of $2M from our pharma partner.", lowlights: "Assay results for round 5 delayed." },
        { highlights: "Pilot fees {revenue} this month; runway {runway} months.", asks: "Advisors with IND-enabling experience." },
      ],
    },
  },
  {
    name: "Orbital Code",
    story: "steady",
    founder: { email: "sofia@orbitalcode.example", name: "Sofia Alvarez" },
    openingCash: 4_800_000,
    spend: 260_000,
    spendGrowth: 0.03,
    revenue: 45_000,
    revenueGrowth: 0.075,
    computeShare: 0.29,
    headcount: 15,
    rounds: [
      { instrument: "seed", monthsAgo: 30, amount: 4_500_000, preMoney: 14_000_000, lead: NORTHWIND },
      { instrument: "series_a", monthsAgo: 12, amount: 10_000_000, preMoney: 40_000_000, lead: "Granite Partners", others: NORTHWIND },
    ],
    position: { share: 0.4, ownershipBp: 900, multiple: 2.1, notes: "Led the seed; pro rata in the Series A." },
    risks: [
      {
        title: "Code assistants from the IDE vendors",
        category: "competition",
        likelihood: 4,
        impact: 3,
        mitigation: "Review workflows and compliance reports the IDE tools do not cover.",
        reviewInDays: 30,
      },
      {
        title: "Customer source code retained by a model provider",
        category: "data_privacy_security",
        likelihood: 2,
        impact: 5,
        mitigation: "Zero-retention contracts; self-hosted model option for regulated customers.",
        reviewInDays: -3,
      },
    ],
    updates: {
      routine: [
        { highlights: "Revenue {revenue}, up {growth}; 14 new teams this month.", asks: "Intros to platform engineering leads at banks." },
        { highlights: "Self-hosted edition in beta with two customers.", lowlights: "Sales cycle for regulated customers is 5 months." },
      ],
      recent: [{ highlights: "Revenue {revenue}; ARR {arr}.", asks: "Referrals for a CFO." }],
    },
  },
  {
    name: "Fathom Legal",
    story: "steady",
    founder: { email: "tomas@fathomlegal.example", name: "Tomás Byrne" },
    openingCash: 6_500_000,
    spend: 180_000,
    spendGrowth: 0.025,
    revenue: 35_000,
    revenueGrowth: 0.05,
    computeShare: 0.24,
    headcount: 13,
    rounds: [
      { instrument: "angel", monthsAgo: 37, amount: 600_000, lead: "Legal-tech angels" },
      { instrument: "seed", monthsAgo: 26, amount: 6_000_000, preMoney: 18_000_000, lead: NORTHWIND },
    ],
    position: { share: 0.4, ownershipBp: 1200, multiple: 1.3, notes: "Led the seed." },
    risks: [
      {
        title: "Wrong clause extraction reaches a client",
        category: "technical",
        likelihood: 2,
        impact: 5,
        mitigation: "Lawyer-in-the-loop review on every flagged clause; error budget tracked weekly.",
        reviewInDays: 15,
      },
      {
        title: "Law firms slow to buy outside the billable-hour model",
        category: "market",
        likelihood: 4,
        impact: 3,
        mitigation: "Per-matter pricing; in-house legal teams as the second segment.",
        reviewInDays: -20,
      },
    ],
    updates: {
      routine: [
        { highlights: "Revenue {revenue}; two in-house legal teams signed.", asks: "Intros to general counsels at scale-ups." },
        { highlights: "Clause library covers 42 contract types.", lowlights: "One law firm pilot ended without conversion." },
      ],
      recent: [{ highlights: "Revenue {revenue}, up {growth}; runway {runway} months.", asks: "Seed-extension investors for next year." }],
    },
  },
  {
    name: "Kestrel Vision",
    story: "steady",
    founder: { email: "aiko@kestrelvision.example", name: "Aiko Tanaka" },
    openingCash: 7_300_000,
    spend: 210_000,
    spendGrowth: 0.015,
    revenue: 30_000,
    revenueGrowth: 0.045,
    computeShare: 0.55,
    headcount: 12,
    rounds: [
      { instrument: "pre_seed", monthsAgo: 34, amount: 500_000, lead: "Angel syndicate" },
      { instrument: "seed", monthsAgo: 25, amount: 7_000_000, preMoney: 20_000_000, lead: NORTHWIND, others: "Space Capital angels" },
    ],
    position: { share: 0.4, ownershipBp: 1050, multiple: 1.1, notes: "Led the seed." },
    risks: [
      {
        title: "Government contracts arrive late in the fiscal year",
        category: "market",
        likelihood: 4,
        impact: 3,
        mitigation: "Commercial insurance and agriculture customers to smooth revenue.",
        reviewInDays: 10,
      },
      {
        title: "Satellite imagery prices rise",
        category: "operational",
        likelihood: 3,
        impact: 4,
        mitigation: "Volume agreement with two providers; lower-resolution models where they suffice.",
        status: "mitigating",
        reviewInDays: -4,
      },
    ],
    updates: {
      routine: [
        { highlights: "Crop-damage model live for two insurers; revenue {revenue}.", asks: "Intros to agricultural insurers." },
        { highlights: "Flood mapping delivered within 6 hours of a storm.", lowlights: "Imagery costs up 12 % this quarter." },
      ],
      recent: [{ highlights: "Revenue {revenue}; runway {runway} months.", lowlights: "A government renewal moved to next quarter." }],
    },
  },
];
