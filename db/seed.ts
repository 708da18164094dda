import { seedDataRequests } from "./seed-requests";
import { seedInvestorUpdates } from "./seed-updates";
import { randomBytes } from "node:crypto";
import { oneRow, type Db } from "./client";
import { memberships, orgs, users } from "./schema";
import { withSystem, withTenant } from "./tenant";
import { hashPassword } from "../app/auth/password.server";
import { addMonths, monthOfDate } from "../app/finance";
import { refreshCompanyMetrics } from "../app/models/company-metrics.server";
import { simulateCompany } from "./seed-company";
import { COMPANIES } from "./seed-plans";
import { seedPortfolio } from "./seed-portfolio";
import { seedCompanyMetrics } from "./seed-metrics";
import { auditGrantApproval, seedCompanyRecords } from "./seed-records";

/** Demo logins, listed in the README. */
export const DEMO_PASSWORD = "capital-desk-demo";
export const DEMO_USERS = {
  founder: { email: "founder@demo.capitaldesk.dev", name: "Maya Chen" },
  investor: { email: "investor@demo.capitaldesk.dev", name: "Daniel Okafor" },
  viewer: { email: "viewer@demo.capitaldesk.dev", name: "Priya Raman" },
} as const;

const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/**
 * Seeds a demo investor and its portfolio (db/seed-plans.ts): nine startups with 24 months of
 * believable, different numbers and two years of history in their audit logs, linked to the
 * investor. The demo founder owns six of them; the other three have founders of their own, who
 * cannot sign in (their password is random and thrown away).
 */
export async function seedDemo(db: Db, today = new Date()): Promise<void> {
  const otherFounders = COMPANIES.flatMap((plan) => (plan.founder === "demo" ? [] : [plan.founder]));
  // Hashed side by side (argon2 runs off the main thread): the demo password, and a random one nobody knows.
  const [passwordHash, lockedHash] = await Promise.all([hashPassword(DEMO_PASSWORD), hashPassword(randomBytes(32).toString("base64url"))]);
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

  const founderIds = await withSystem(db, async (tx) => {
    const rows = otherFounders.length
      ? await tx
          .insert(users)
          .values(otherFounders.map((u) => ({ ...u, passwordHash: lockedHash })))
          .onConflictDoNothing()
          .returning({ id: users.id, email: users.email })
      : [];
    return Object.fromEntries(rows.map((r) => [r.email, r.id]));
  });

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

  const companies = [];
  for (const [index, plan] of COMPANIES.entries()) {
    const ownerId = plan.founder === "demo" ? founderId : founderIds[plan.founder.email];
    if (!ownerId) throw new Error(`seedDemo: no user for ${plan.name}'s founder`);
    const org = await withSystem(db, async (tx) => {
      const created = oneRow(
        await tx
          .insert(orgs)
          .values({ slug: slugOf(plan.name), name: plan.name, kind: "startup", baseCurrency: plan.currency ?? "USD" })
          .returning(),
        "insert demo startup",
      );
      await tx.insert(memberships).values({ orgId: created.id, userId: ownerId, role: "owner" });
      if (index === 0) await tx.insert(memberships).values({ orgId: created.id, userId: viewerId, role: "viewer" });
      return created;
    });
    const sim = simulateCompany(plan, firstMonth, lastMonth, index);
    const actor = { org: { id: org.id }, user: { id: ownerId } };
    const openedAt = await withTenant(db, org.id, async (tx) => {
      const opened = await seedCompanyRecords(tx, actor, plan, sim, index, today);
      // A company that stopped filing reports stopped entering its metrics too: they end together.
      const lastReported = sim.months.filter((m) => m.reported).at(-1)?.month;
      if (lastReported) await seedCompanyMetrics(tx, actor, index, lastReported, opened);
      await refreshCompanyMetrics(tx, org.id);
      return opened;
    });
    companies.push({ id: org.id, slug: org.slug, plan, actor, openedAt, sim });
  }
  const grants = await seedPortfolio(db, fund.id, companies, investorId, firstMonth, lastMonth);
  for (const company of companies) {
    const grant = grants.get(company.id);
    if (!grant) continue;
    await withTenant(db, company.id, (tx) => auditGrantApproval(tx, company.actor, grant, fund, grant.decidedAt));
  }
  // Requests go to companies sharing financials, as the app allows (decision 026).
  const asked = companies.filter((c) => grants.get(c.id)?.sections.includes("financials")).map((c) => ({ id: c.id, slug: c.slug }));
  await seedDataRequests(db, fund.id, asked, investorId, today);
  await seedInvestorUpdates(
    db,
    fund,
    { id: investorId, name: DEMO_USERS.investor.name },
    companies.map((c) => ({ id: c.id, slug: c.slug, actor: c.actor, lastReported: c.sim.months.filter((m) => m.reported).at(-1)?.month ?? null })),
    today,
  );
}
