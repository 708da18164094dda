import { and, asc, eq } from "drizzle-orm";
import { accessGrants, orgs } from "~db/schema";
import type { GrantSection } from "~db/schema/rls";
import { withTenant } from "~db/tenant";
import type { OrgContext } from "~/auth/context";

/** A startup an investor may read, and which of its sections. */
export interface CompanyAccess {
  grantId: string;
  company: { id: string; slug: string; name: string; baseCurrency: string };
  sections: GrantSection[];
}

/**
 * The investor's view of one company through its approved grant, or null: no such company,
 * no grant, a pending or revoked one — all the same null, so the caller answers 404 and
 * existence never leaks. Runs as the investor's tenant: row-level security only shows grants
 * naming this investor and org rows of startups that approved it.
 */
export async function findCompanyAccess(ctx: OrgContext, companySlug: string): Promise<CompanyAccess | null> {
  if (ctx.org.kind !== "investor") return null;
  const [row] = await withTenant(
    ctx.db,
    ctx.org.id,
    (tx) =>
      tx
        .select({ grantId: accessGrants.id, sections: accessGrants.sections, id: orgs.id, slug: orgs.slug, name: orgs.name, baseCurrency: orgs.baseCurrency })
        .from(accessGrants)
        .innerJoin(orgs, eq(orgs.id, accessGrants.orgId))
        .where(and(eq(accessGrants.investorOrgId, ctx.org.id), eq(accessGrants.status, "approved"), eq(orgs.slug, companySlug))),
    { readOnly: true },
  );
  if (!row) return null;
  return {
    grantId: row.grantId,
    company: { id: row.id, slug: row.slug, name: row.name, baseCurrency: row.baseCurrency },
    sections: row.sections as GrantSection[],
  };
}

/** Every company that approved this investor, by name, with its shared sections. */
export async function listAccessibleCompanies(ctx: OrgContext): Promise<CompanyAccess[]> {
  if (ctx.org.kind !== "investor") return [];
  const rows = await withTenant(
    ctx.db,
    ctx.org.id,
    (tx) =>
      tx
        .select({ grantId: accessGrants.id, sections: accessGrants.sections, id: orgs.id, slug: orgs.slug, name: orgs.name, baseCurrency: orgs.baseCurrency })
        .from(accessGrants)
        .innerJoin(orgs, eq(orgs.id, accessGrants.orgId))
        .where(and(eq(accessGrants.investorOrgId, ctx.org.id), eq(accessGrants.status, "approved")))
        .orderBy(asc(orgs.name)),
    { readOnly: true },
  );
  return rows.map((row) => ({
    grantId: row.grantId,
    company: { id: row.id, slug: row.slug, name: row.name, baseCurrency: row.baseCurrency },
    sections: row.sections as GrantSection[],
  }));
}
