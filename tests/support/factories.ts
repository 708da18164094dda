import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accessGrants, memberships, users } from "../../db/schema";
import type { GrantSection } from "../../db/schema/rls";
import type { OrgKind, Role } from "../../db/schema/tenancy";
import { withSystem } from "../../db/tenant";
import { createOrg } from "../../app/models/org.server";
import { systemContextOf } from "../../app/auth/system.server";
import { createUser } from "../../app/models/user.server";
import type { OrgContext } from "../../app/auth/context";
import type { TestClient } from "./app-server";

import { TEST_PASSWORD } from "./test-password";
import { first } from "./at";

export { TEST_PASSWORD };
let sequence = 0;

export async function makeUser(database: Database, name = "Test User") {
  sequence += 1;
  const email = `user${sequence}-${Date.now()}@example.test`;
  const user = await createUser(database.db, { email, name, password: TEST_PASSWORD });
  return { ...user, password: TEST_PASSWORD };
}

/** A user who owns a fresh org, plus the OrgContext a route would resolve for them. */
export async function makeOrgWithOwner(database: Database, kind: OrgKind = "startup", name = `Org ${sequence + 1}`) {
  const owner = await makeUser(database, `${name} Owner`);
  const org = await createOrg(systemContextOf(database), owner, { name, kind, baseCurrency: "USD" });
  const ctx: OrgContext = {
    db: database.db,
    user: { id: owner.id, email: owner.email, name: owner.name },
    org: { id: org.id, slug: org.slug, name: org.name, kind: org.kind, baseCurrency: org.baseCurrency },
    role: "owner",
  };
  return { owner, org, ctx };
}

/** An org with its owner and the owner's context, as makeOrgWithOwner returns it. */
export type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;

/** A fresh org (as makeOrgWithOwner makes it) with its owner signed in: `client` is the owner's browser. */
export async function signedInOwner(app: { database: Database; signIn(email: string): Promise<TestClient> }, kind: OrgKind, name: string) {
  const made = await makeOrgWithOwner(app.database, kind, name);
  return { ...made, client: await app.signIn(made.owner.email) };
}

/** Who a startup cast signs in: its owner, a member for each role asked for, and the other tenant's owner. */
export type StartupCast<R extends Exclude<Role, "owner">> = { alpha: Org; beta: Org; clients: Record<"owner" | R | "betaOwner", TestClient> };

/**
 * Startup `alpha` with its owner and one member per role in `roles` (added, then signed in, in that
 * order), and startup `beta` (another tenant) with its owner signed in.
 */
export async function startupCast<R extends Exclude<Role, "owner">>(
  app: { database: Database; signIn(email: string): Promise<TestClient> },
  alphaName: string,
  betaName: string,
  roles: readonly R[],
): Promise<StartupCast<R>> {
  const alpha = await makeOrgWithOwner(app.database, "startup", alphaName);
  const beta = await makeOrgWithOwner(app.database, "startup", betaName);
  const members: { role: R; email: string }[] = [];
  for (const role of roles) members.push({ role, email: (await addMember(app.database, alpha.ctx, role)).user.email });
  const clients = { owner: await app.signIn(alpha.owner.email) } as StartupCast<R>["clients"];
  for (const { role, email } of members) clients[role] = await app.signIn(email);
  clients.betaOwner = await app.signIn(beta.owner.email);
  return { alpha, beta, clients };
}

/**
 * The usual cast of an entity's HTTP tests: startup `alpha` with an owner, a member and a viewer
 * signed in, and startup `beta` (another tenant) with its owner signed in.
 */
export async function twoStartups(app: { database: Database; signIn(email: string): Promise<TestClient> }, alphaName: string, betaName: string) {
  const { alpha, beta, clients } = await startupCast(app, alphaName, betaName, ["member", "viewer"]);
  return { alpha, beta, alphaOwner: clients.owner, alphaMember: clients.member, alphaViewer: clients.viewer, betaOwner: clients.betaOwner };
}
export type TwoStartups = Awaited<ReturnType<typeof twoStartups>>;

/** Adds a new user to the org with a role; returns the user and their context. */
export async function addMember(database: Database, base: OrgContext, role: Role) {
  const user = await makeUser(database, `${role} person`);
  await withSystem(database.db, (tx) => tx.insert(memberships).values({ orgId: base.org.id, userId: user.id, role }));
  const ctx: OrgContext = { ...base, user: { id: user.id, email: user.email, name: user.name }, role };
  return { user, ctx };
}

export async function roleOf(database: Database, orgId: string, userId: string) {
  const [row] = await withSystem(database.db, (tx) =>
    tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId))),
  );
  return row?.role ?? null;
}

export async function userCount(database: Database) {
  return (await withSystem(database.db, (tx) => tx.select({ id: users.id }).from(users))).length;
}

/**
 * An approved access grant from `startup` to `investor` sharing `sections`, written directly
 * (the grant workflow has its own tests). Returns the grant id.
 */
export async function grantAccess(
  database: Database,
  startup: { id: string },
  investor: { id: string },
  sections: readonly GrantSection[] = ["financials", "funding_debt", "budgets", "risks", "updates"],
) {
  const row = first(
    await withSystem(database.db, (tx) =>
      tx
        .insert(accessGrants)
        .values({ orgId: startup.id, investorOrgId: investor.id, status: "approved", sections: [...sections], initiatedBy: "startup", decidedAt: new Date() })
        .returning({ id: accessGrants.id }),
    ),
  );
  return row.id;
}
