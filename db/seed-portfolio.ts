import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "./client";
import { accessGrants, fundingRounds, fxRates, orgs, positions, users } from "./schema";
import type { GrantSection } from "./schema/rls";
import { withSystem, withTenant } from "./tenant";
import { addMonths, type Month } from "../app/finance";

const ALL_SECTIONS: GrantSection[] = ["financials", "funding_debt", "budgets", "risks", "updates"];

/**
 * What each demo startup shares with the demo fund. Most share everything; two share less,
 * so the investor's pages show "not shared" where a section is missing.
 */
const SHARED: Record<string, GrantSection[]> = {
  "quanta-speech": ["financials", "funding_debt", "updates"],
  "helix-bio-ai": ["financials", "budgets", "risks"],
};

/**
 * The demo fund's side: approved grants from every demo startup, a position per company
 * (its seed cheque, an ownership and a current value), and monthly EUR→USD rates — with one
 * month left out on purpose, so the portfolio shows how a missing rate looks.
 */
export async function seedPortfolio(db: Db, fundId: string, startupIds: string[], ownerUserId: string, firstMonth: Month, lastMonth: Month) {
  const startups = await withSystem(db, (tx) =>
    tx.select({ id: orgs.id, slug: orgs.slug, currency: orgs.baseCurrency }).from(orgs).where(inArray(orgs.id, startupIds)),
  );
  const [owner] = await withSystem(db, (tx) =>
    tx
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.id, [ownerUserId])),
  );
  for (const startup of startups) {
    await withTenant(db, startup.id, (tx) =>
      tx.insert(accessGrants).values({
        orgId: startup.id,
        investorOrgId: fundId,
        status: "approved",
        sections: SHARED[startup.slug] ?? ALL_SECTIONS,
        initiatedBy: "investor",
        requestedVia: "share code",
        requestedByUserId: ownerUserId,
        requestedByEmail: owner?.email ?? null,
        decidedAt: new Date(),
      }),
    );
  }
  const seedRounds = await withSystem(db, (tx) =>
    tx
      .select({ orgId: fundingRounds.orgId, closeDate: fundingRounds.closeDate, amount: fundingRounds.amount, currency: fundingRounds.currency })
      .from(fundingRounds)
      .where(and(inArray(fundingRounds.orgId, startupIds), eq(fundingRounds.instrument, "seed"), ne(fundingRounds.amount, 0))),
  );
  const missingMonth = addMonths(lastMonth, -18);
  const rates: (typeof fxRates.$inferInsert)[] = [];
  for (let month = addMonths(firstMonth, -2), i = 0; month <= lastMonth; month = addMonths(month, 1), i++) {
    if (month === missingMonth) continue;
    rates.push({ orgId: fundId, month, currency: "EUR", rate: (1.07 + 0.004 * Math.sin(i / 2)).toFixed(4) });
  }
  await withTenant(db, fundId, async (tx) => {
    await tx.insert(fxRates).values(rates);
    await tx.insert(positions).values(
      seedRounds.map((round, i) => {
        // The fund led each seed round with 40 % of it; values drift up or down by company.
        const amount = Math.round((round.amount * 0.4) / 100) * 100;
        const multiple = [3.2, 0.6, 1.8, 0.9, 1.4, 1.0][i % 6]!;
        return {
          orgId: fundId,
          companyOrgId: round.orgId,
          investedOn: round.closeDate,
          amount,
          currency: round.currency,
          instrument: "seed",
          ownershipBp: 800 + i * 150,
          currentValue: Math.round((amount * multiple) / 100) * 100,
          notes: "Led the seed round.",
        };
      }),
    );
  });
}
