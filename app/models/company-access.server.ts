import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Tx } from "~db/client";
import { accessGrants, orgs } from "~db/schema";
import type { GrantSection } from "~db/schema/rls";
import type { OrgContext } from "~/auth/context";
import { readInOrg } from "./org-read.server";

/** A startup an investor may read, and which of its sections. */
export interface CompanyAccess {
  grantId: string;
  company: { id: string; slug: string; name: string; baseCurrency: string };
  sections: GrantSection[];
}

/**
 * The approved grants naming this investor, with the granting startup's org row (`where` narrows
 * them). Runs as the investor's tenant: row-level security only shows grants naming this
 * investor and org rows of startups that approved it.
 */
async function approvedCompanies(tx: Tx, ctx: OrgContext, where?: SQL, orderBy?: SQL): Promise<CompanyAccess[]> {
  const query = tx
    .select({ grantId: accessGrants.id, sections: accessGrants.sections, id: orgs.id, slug: orgs.slug, name: orgs.name, baseCurrency: orgs.baseCurrency })
    .from(accessGrants)
    .innerJoin(orgs, eq(orgs.id, accessGrants.orgId))
    .where(and(eq(accessGrants.investorOrgId, ctx.org.id), eq(accessGrants.status, "approved"), where));
  const rows = orderBy ? await query.orderBy(orderBy) : await query;
  return rows.map(
    (row): CompanyAccess => ({
      grantId: row.grantId,
      company: { id: row.id, slug: row.slug, name: row.name, baseCurrency: row.baseCurrency },
      sections: row.sections as GrantSection[],
    }),
  );
}

/**
 * The investor's view of one company through its approved grant, or null: no such company,
 * no grant, a pending or revoked one — all the same null, so the caller answers 404 and
 * existence never leaks.
 */
export async function findCompanyAccess(ctx: OrgContext, companySlug: string): Promise<CompanyAccess | null> {
  if (ctx.org.kind !== "investor") return null;
  return readInOrg(ctx, (tx) => companyAccessIn(tx, ctx, companySlug));
}

/** The same, inside a read the caller opened (the company view checks access and reads in one). */
export async function companyAccessIn(tx: Tx, ctx: OrgContext, companySlug: string): Promise<CompanyAccess | null> {
  if (ctx.org.kind !== "investor") return null;
  const [access] = await approvedCompanies(tx, ctx, eq(orgs.slug, companySlug));
  return access ?? null;
}

/** Every company that approved this investor, by name, with its shared sections. */
export async function listAccessibleCompanies(ctx: OrgContext): Promise<CompanyAccess[]> {
  if (ctx.org.kind !== "investor") return [];
  return readInOrg(ctx, (tx) => approvedCompanies(tx, ctx, undefined, asc(orgs.name)));
}
