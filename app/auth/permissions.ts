import type { Role } from "~db/schema/tenancy";

/** The product's permission table, as typed strings. */
const GRANTS = {
  "read:org": ["owner", "admin", "member", "viewer"],
  "edit:records": ["owner", "admin", "member"],
  /** Defining custom metrics (decision 024); members enter their values under edit:records. */
  "define:metrics": ["owner", "admin"],
  /** A fund's data requests (decision 026): defining them and "remind now"; others read the collection. */
  "manage:requests": ["owner", "admin"],
  "manage:members": ["owner", "admin"],
  "read:audit": ["owner", "admin"],
  "export:all": ["owner", "admin"],
  "delete:org": ["owner"],
  "transfer:ownership": ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function can(role: Role, permission: Permission): boolean {
  return (GRANTS[permission] as readonly Role[]).includes(role);
}

/** Roles an inviter may hand out: owners can make admins; nobody invites an owner. */
export function assignableRoles(role: Role): Role[] {
  if (role === "owner" || role === "admin") return ["admin", "member", "viewer"];
  return [];
}
