import type { Db, Driver } from "~db/client";
import type { OrgKind, Role } from "~db/schema/tenancy";

/**
 * What every tenant model call receives: resolved once per request by requireOrgContext
 * (app/auth/tenant.server.ts). It lives here, beside the door that builds it, so models import
 * the type from auth/ and auth/ never needs models/ for it.
 */
export interface OrgContext {
  db: Db;
  /** `emailVerified` is set by requireOrgContext (from the session); contexts made elsewhere may leave it out. */
  user: { id: string; email: string; name: string; emailVerified?: boolean };
  org: {
    id: string;
    slug: string;
    name: string;
    kind: OrgKind;
    baseCurrency: string;
    /**
     * Set while the org is scheduled for deletion (decision 009): when the purge may remove it.
     * Filled in by requireOrgContext; contexts made elsewhere (tests, jobs) may leave it out.
     */
    purgeAfter?: Date | null;
  };
  role: Role;
}

/** A context whose org is a startup: what `requireStartup` returns. */
export type StartupContext = OrgContext & { org: { kind: "startup" } };

/** A context whose org is an investor: what `requireInvestor` returns. */
export type InvestorContext = OrgContext & { org: { kind: "investor" } };

/**
 * The system door's context (app/auth/system.server.ts): work that acts without a tenant —
 * sign-in, sign-up, invitations, share links, a person's own account pages, the demo check.
 * Models for that work take this, never a raw db, so a route reaches data only through a
 * door. `door` tells it apart from an OrgContext, which may not stand in for it.
 */
export interface SystemContext {
  readonly door: "system";
  readonly db: Db;
  /** Which database this is: the demo exists only on the embedded one. */
  readonly driver: Driver;
}

/** A system context for a signed-in person: their own account, no org. */
export type AccountContext = SystemContext & { readonly user: { id: string; email: string; name: string } };
