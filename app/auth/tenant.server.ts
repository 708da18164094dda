import { redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { getDatabase } from "~/db.server";
import { forbidden, notFound, orgReadOnly } from "~/server/http.server";
import type { GrantSection } from "~db/schema/rls";
import { findCompanyAccess, type CompanyAccess } from "~/models/company-access.server";
import { findMembershipBySlug } from "~/models/org.server";
import type { InvestorContext, OrgContext, StartupContext } from "./context";
import { can, type Permission } from "./permissions";
import { requireUser } from "./session.server";
import { oncePerRequest } from "~/server/request-scope.server";

/**
 * The one place a request's tenant is decided: the signed-in user plus the org slug in the
 * URL, checked against membership. Not a member, or no such org: 404 (existence never leaks).
 * Never reads the tenant from form data.
 */
export async function requireOrgContext(
  request: Request,
  params: Params,
  permission: Permission = "read:org",
  options: { whileDeletionScheduled?: "allow" } = {},
): Promise<OrgContext> {
  const user = await requireUser(request);
  const slug = params.orgSlug;
  if (!slug) notFound();
  const database = await getDatabase();
  // The layout's and the page's loaders share one look-up (request-scope.server.ts).
  const membership = await oncePerRequest(`membership ${user.id} ${slug}`, () => findMembershipBySlug(database.db, user.id, slug));
  if (!membership) notFound();
  // "Members must use two-factor" (decision 021): enrol first; this org only, the person's other orgs keep working.
  if (membership.twoFactorMissing) throw redirect(`/account/two-factor?for=${encodeURIComponent(membership.org.slug)}`);
  const ctx: OrgContext = { db: database.db, user, org: membership.org, role: membership.role };
  if (!can(ctx.role, permission)) forbidden();
  // An org scheduled for deletion is read-only (decision 009): only what a route declares
  // allowed (the owner's undo, an export) may change anything until it is undone or purged.
  if (ctx.org.purgeAfter && !READ_METHODS.has(request.method) && options.whileDeletionScheduled !== "allow") orgReadOnly();
  return ctx;
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type OrgDoorArgs = [request: Request, params: Params, permission?: Permission, options?: { whileDeletionScheduled?: "allow" }];

/**
 * `requireOrgContext` for a page that exists only for one kind of org. The org is resolved and
 * every check of `requireOrgContext` runs first, in its order (404 not a member, 403 lacking
 * `permission`, read-only while deletion is scheduled); only then does an org of the other kind
 * get 404, as another kind's page does not exist for it.
 */
function requireKind<C extends OrgContext>(isKind: (ctx: OrgContext) => ctx is C) {
  return async (...args: OrgDoorArgs): Promise<C> => {
    const ctx = await requireOrgContext(...args);
    if (!isKind(ctx)) notFound();
    return ctx;
  };
}

/** A page that exists only for startups; an investor org gets 404. */
export const requireStartup = requireKind((ctx): ctx is StartupContext => ctx.org.kind === "startup");

/** `requireStartup`'s twin: a page that exists only for investors; a startup org gets 404. */
export const requireInvestor = requireKind((ctx): ctx is InvestorContext => ctx.org.kind === "investor");

/** For actions whose permission depends on the submitted intent. */
export function requirePermission(ctx: OrgContext, permission: Permission): void {
  if (!can(ctx.role, permission)) forbidden();
}

/**
 * An investor's request for one portfolio company (`/o/:orgSlug/companies/:companySlug/…`):
 * the investor org is resolved by `requireOrgContext`, then the company only through an
 * approved access grant that shares `section` (when given). No grant, a revoked grant or an
 * unshared section all answer 404. Reads for the company then run in the investor's
 * read-only tenant transaction, where row-level security applies the same grant again.
 */
export async function requireCompanyAccess(request: Request, params: Params, section?: GrantSection): Promise<{ ctx: InvestorContext; access: CompanyAccess }> {
  const ctx = await requireInvestor(request, params, "read:org");
  const slug = params.companySlug;
  if (!slug) notFound();
  const access = await findCompanyAccess(ctx, slug);
  if (!access) notFound();
  if (section && !access.sections.includes(section)) notFound();
  return { ctx, access };
}
