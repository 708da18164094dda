import type { Db } from "./client";
import { accessGrants, fxRates, positions, users } from "./schema";
import type { GrantSection } from "./schema/rls";
import { withSystem, withTenant } from "./tenant";
import { eq } from "drizzle-orm";
import { addMonths, type Month } from "../app/finance";
import type { CompanyPlan } from "./seed-plans";
import type { SimulatedCompany } from "./seed-company";

const ALL_SECTIONS: GrantSection[] = ["financials", "funding_debt", "budgets", "risks", "updates"];

/**
 * What each demo startup shares with the demo fund. Most share everything; two share less,
 * so the investor's pages show "not shared" where a section is missing. Every one shares its
 * financials, so all nine are in each other's benchmark cohorts.
 */
const SHARED: Record<string, GrantSection[]> = {
  "quanta-speech": ["financials", "funding_debt", "updates"],
  "helix-bio-ai": ["financials", "budgets", "risks"],
};

interface SeededCompany {
  id: string;
  slug: string;
  plan: CompanyPlan;
  openedAt: Date;
  sim: SimulatedCompany;
  actor: { user: { id: string } };
}

/**
 * The demo fund's side: approved grants from every demo startup (approved two days after the
 * startup opened its org), a position per company (its cheque in the round the fund led, an
 * ownership and a current value that follows the company's story), and monthly EUR→USD rates —
 * with one month left out on purpose, so the portfolio shows how a missing rate looks.
 * Returns each startup's grant, for the approval in the startup's audit log.
 */
export async function seedPortfolio(db: Db, fundId: string, companies: readonly SeededCompany[], ownerUserId: string, firstMonth: Month, lastMonth: Month) {
  const [owner] = await withSystem(db, (tx) => tx.select({ email: users.email }).from(users).where(eq(users.id, ownerUserId)));
  const grants = new Map<string, { id: string; sections: GrantSection[]; decidedAt: Date }>();
  for (const company of companies) {
    const sections = SHARED[company.slug] ?? ALL_SECTIONS;
    const decidedAt = new Date(company.openedAt.getTime() + 2 * 86_400_000);
    const [grant] = await withTenant(db, company.id, (tx) =>
      tx
        .insert(accessGrants)
        .values({
          orgId: company.id,
          investorOrgId: fundId,
          status: "approved",
          sections,
          initiatedBy: "investor",
          requestedVia: "share code",
          requestedByUserId: ownerUserId,
          requestedByEmail: owner?.email ?? null,
          decidedAt,
          decidedByUserId: company.actor.user.id,
          createdAt: new Date(decidedAt.getTime() - 86_400_000),
          updatedAt: decidedAt,
          version: 2,
        })
        .returning({ id: accessGrants.id }),
    );
    if (grant) grants.set(company.id, { id: grant.id, sections, decidedAt });
  }
  const missingMonth = addMonths(lastMonth, -18);
  const rates: (typeof fxRates.$inferInsert)[] = [];
  for (let month = addMonths(firstMonth, -2), i = 0; month <= lastMonth; month = addMonths(month, 1), i++) {
    if (month === missingMonth) continue;
    rates.push({ orgId: fundId, month, currency: "EUR", rate: (1.07 + 0.004 * Math.sin(i / 2)).toFixed(4) });
  }
  const held = companies.flatMap((company) => {
    const round = company.sim.rounds.find((r) => r.lead === "Northwind Ventures");
    if (!round) return [];
    const { share, ownershipBp, multiple, notes } = company.plan.position;
    const amount = Math.round((round.amount * share) / 100) * 100;
    return [
      {
        orgId: fundId,
        companyOrgId: company.id,
        investedOn: round.closeDate,
        amount,
        currency: company.plan.currency ?? "USD",
        instrument: round.instrument,
        ownershipBp,
        currentValue: Math.round((amount * multiple) / 100) * 100,
        notes,
      },
    ];
  });
  await withTenant(db, fundId, async (tx) => {
    await tx.insert(fxRates).values(rates);
    await tx.insert(positions).values(held);
  });
  return grants;
}
