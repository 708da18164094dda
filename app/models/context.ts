import type { Db } from "~db/client";
import type { OrgKind, Role } from "~db/schema/tenancy";

/** What every tenant model call receives: resolved once per request by requireOrgContext. */
export interface OrgContext {
  db: Db;
  user: { id: string; email: string; name: string };
  org: { id: string; slug: string; name: string; kind: OrgKind; baseCurrency: string };
  role: Role;
}
