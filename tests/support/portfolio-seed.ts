import type { Database } from "../../db/client";
import { addMonths, monthOfDate } from "../../app/finance";
import { grantAccess, makeOrgWithOwner } from "./factories";
import { addFxRates, grantWithStatus, seedStartup, type ReportSeed } from "./portfolio-fixtures";

/**
 * The portfolio both portfolio test files check by hand: an investor (USD) with five linked
 * startups sharing different sections, one EUR company with a rate for its last month and
 * one whose last month's rate is missing, plus companies it must never see (a pending
 * request, a revoked grant, another investor's company). Months count back from today.
 */
export const CM = monthOfDate(new Date());
export const ago = (k: number) => addMonths(CM, -k);
export const c = (major: number) => Math.round(major * 100);

// Alpha: the spec's worked example, its last month one month ago.
export const ALPHA: ReportSeed[] = [
  { month: ago(4), spend: c(140_000), revenue: c(20_000), cash: c(1_580_000) },
  { month: ago(3), spend: c(150_000), revenue: c(20_000), cash: c(1_450_000) },
  { month: ago(2), spend: c(160_000), revenue: c(30_000), cash: c(1_330_000) },
  { month: ago(1), spend: c(170_000), revenue: c(40_000), cash: c(1_200_000) },
];
// Berlin reports in EUR; cents chosen so the conversion has to round half away from zero.
export const BERLIN: ReportSeed[] = [
  { month: ago(4), spend: c(100_000), revenue: c(10_000), cash: c(1_400_000) },
  { month: ago(3), spend: c(110_000), revenue: c(10_000), cash: c(1_300_000) },
  { month: ago(2), spend: c(120_000), revenue: c(10_000), cash: c(1_180_000) },
  { month: ago(1), spend: 13_000_000, revenue: 1_000_001, cash: 100_000_005 },
];
export const COLOGNE: ReportSeed[] = [
  { month: ago(3), spend: c(60_000), revenue: 0, cash: c(160_000) },
  { month: ago(2), spend: c(60_000), revenue: 0, cash: c(100_000) },
];
export const SECRET_CASH = 98_765_432_100;

export async function seedNorthstarPortfolio(db: Database) {
  const fund = await makeOrgWithOwner(db, "investor", "Northstar Fund");
  const otherFund = await makeOrgWithOwner(db, "investor", "Other Fund");
  const slugs = {} as Record<"alpha" | "berlin" | "cologne" | "delta" | "echo" | "foxtrot" | "golf" | "hotel", string>;
  const alpha = await seedStartup(db, {
    name: "Alpha AI",
    currency: "USD",
    reports: ALPHA,
    budgets: [{ month: ago(1), amount: c(150_000) }],
    risks: [
      { title: "GPU supply crunch", likelihood: 4, impact: 5, owner: "CTO" },
      { title: "Key researcher leaves", likelihood: 3, impact: 3, status: "mitigating", category: "talent" },
      { title: "Old closed risk", likelihood: 5, impact: 5, status: "closed" },
      { title: "Accepted risk", likelihood: 5, impact: 4, status: "accepted" },
    ],
    rounds: [
      { instrument: "seed", closeDate: `${ago(20)}-15`, amount: c(2_000_000), currency: "USD" },
      { instrument: "series_a", closeDate: `${ago(8)}-01`, amount: c(10_000_000), currency: "USD" },
    ],
  });
  const berlin = await seedStartup(db, {
    name: "Berlin Models",
    currency: "EUR",
    reports: BERLIN,
    budgets: [{ month: ago(1), amount: c(125_000) }],
    risks: [{ title: "Regulatory review", likelihood: 2, impact: 2, category: "regulatory_legal" }],
    rounds: [
      { instrument: "seed", closeDate: `${ago(3)}-10`, amount: c(500_000), currency: "EUR" },
      { instrument: "series_a", closeDate: `${ago(2)}-20`, amount: c(3_000_000), currency: "EUR" },
    ],
  });
  const cologne = await seedStartup(db, {
    name: "Cologne Labs",
    currency: "EUR",
    reports: COLOGNE,
    budgets: [{ month: ago(2), amount: c(1_000) }],
    risks: [{ title: "Data licence dispute", likelihood: 4, impact: 5, owner: "General counsel", category: "regulatory_legal" }],
    rounds: [{ instrument: "seed", closeDate: `${ago(9)}-01`, amount: c(1_000_000), currency: "EUR" }],
  });
  const delta = await seedStartup(db, {
    name: "Delta Robotics",
    currency: "USD",
    reports: [{ month: ago(1), spend: c(1_000_000), revenue: 0, cash: SECRET_CASH }],
    risks: [{ title: "Actuator recall", likelihood: 3, impact: 4 }],
  });
  const echo = await seedStartup(db, {
    name: "Echo Vision",
    currency: "USD",
    reports: [
      { month: ago(6), spend: c(50_000), revenue: c(80_000), cash: c(2_000_000) },
      { month: ago(5), spend: c(50_000), revenue: c(80_000), cash: c(2_030_000) },
    ],
    budgets: [{ month: ago(5), amount: c(40_000) }],
    risks: [{ title: "Echo hidden risk title", likelihood: 5, impact: 5 }],
    rounds: [{ instrument: "grant", closeDate: `${ago(7)}-01`, amount: c(777_777), currency: "USD" }],
  });
  const hidden = {
    reports: [{ month: ago(1), spend: c(10_000), revenue: 0, cash: c(31_337) }],
    risks: [{ title: "Pending company risk", likelihood: 5, impact: 5 }],
  };
  const foxtrot = await seedStartup(db, { name: "Foxtrot Pending", currency: "USD", ...hidden });
  const golf = await seedStartup(db, { name: "Golf Revoked", currency: "USD", ...hidden });
  const hotel = await seedStartup(db, { name: "Hotel Elsewhere", currency: "USD", ...hidden });
  await grantAccess(db, alpha.org, fund.org);
  await grantAccess(db, berlin.org, fund.org);
  await grantAccess(db, cologne.org, fund.org, ["financials", "risks"]);
  await grantAccess(db, delta.org, fund.org, ["risks", "updates"]);
  await grantAccess(db, echo.org, fund.org, ["financials"]);
  await grantWithStatus(db, foxtrot.org.id, fund.org.id, "requested");
  await grantWithStatus(db, golf.org.id, fund.org.id, "revoked", ["financials", "risks", "funding_debt", "budgets"]);
  await grantAccess(db, hotel.org, otherFund.org);
  await addFxRates(db, fund.org.id, [
    { month: ago(4), currency: "EUR", rate: "1.08" },
    { month: ago(3), currency: "EUR", rate: "1.09" },
    // ago(2): no EUR rate on purpose.
    { month: ago(1), currency: "EUR", rate: "1.1" },
  ]);
  for (const [key, s] of Object.entries({ alpha, berlin, cologne, delta, echo, foxtrot, golf, hotel })) slugs[key as keyof typeof slugs] = s.org.slug;
  return { fund, otherFund, slugs };
}
