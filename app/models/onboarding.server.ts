import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { accessGrants, fundingRounds, invitations, memberships, monthlyReports, positions } from "~db/schema";
import { withTenant } from "~db/tenant";
import type { OrgContext } from "~/auth/context";

export interface OnboardingStep {
  key: "round" | "first_month" | "colleague" | "investor" | "company" | "position";
  done: boolean;
  /** Path under /o/:orgSlug where the step is done. */
  href: string;
}

/**
 * The new org's checklist. Each step is read from the data itself (a round exists, a month is
 * reported, someone else is a member or invited, a grant exists), so it ticks itself off with
 * no extra state and can never disagree with what the org has actually done. One read-only
 * transaction of counts.
 */
export async function getOnboarding(ctx: OrgContext): Promise<OnboardingStep[]> {
  const orgId = ctx.org.id;
  return withTenant(
    ctx.db,
    orgId,
    async (tx) => {
      const [members] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId));
      const [invited] = await tx
        .select({ n: count() })
        .from(invitations)
        .where(and(eq(invitations.orgId, orgId), isNull(invitations.revokedAt)));
      const colleague = (members?.n ?? 0) > 1 || (invited?.n ?? 0) > 0;
      const live = inArray(accessGrants.status, ["requested", "approved"]);
      if (ctx.org.kind === "startup") {
        const [rounds] = await tx.select({ n: count() }).from(fundingRounds).where(eq(fundingRounds.orgId, orgId));
        const [months] = await tx.select({ n: count() }).from(monthlyReports).where(eq(monthlyReports.orgId, orgId));
        const [grants] = await tx
          .select({ n: count() })
          .from(accessGrants)
          .where(and(eq(accessGrants.orgId, orgId), live));
        return [
          { key: "round", done: (rounds?.n ?? 0) > 0, href: "rounds" },
          { key: "first_month", done: (months?.n ?? 0) > 0, href: "reports/new" },
          { key: "colleague", done: colleague, href: "members" },
          { key: "investor", done: (grants?.n ?? 0) > 0, href: "investors" },
        ];
      }
      const [grants] = await tx
        .select({ n: count() })
        .from(accessGrants)
        .where(and(sql`${accessGrants.investorOrgId} = ${orgId}`, live));
      const [held] = await tx.select({ n: count() }).from(positions).where(eq(positions.orgId, orgId));
      return [
        { key: "company", done: (grants?.n ?? 0) > 0, href: "companies" },
        { key: "colleague", done: colleague, href: "members" },
        { key: "position", done: (held?.n ?? 0) > 0, href: "positions" },
      ];
    },
    { readOnly: true },
  );
}
