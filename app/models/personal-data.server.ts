import { and, asc, eq } from "drizzle-orm";
import { auditLog, invitations, memberships, orgs, sessions, users } from "~db/schema";
import { withSystem, withTenant } from "~db/tenant";
import { notFound } from "~/server/http.server";
import packageJson from "../../package.json";
import { throttleRowsOfAccount } from "./login-throttle.server";
import type { SystemContext } from "~/auth/context";

export interface PersonalDataExport {
  format: "capital-desk-personal-data";
  formatVersion: 1;
  appVersion: string;
  exportedAt: string;
  notes: string[];
  user: { id: string; email: string; name: string; locale: string | null; createdAt: Date };
  memberships: { orgId: string; orgSlug: string; orgName: string; orgKind: string; role: string; joinedAt: Date }[];
  sessions: { createdAt: Date; expiresAt: Date; absoluteExpiresAt: Date }[];
  signInThrottle: Awaited<ReturnType<typeof throttleRowsOfAccount>>;
  invitationsToYourAddress: {
    orgName: string;
    role: string;
    createdAt: Date;
    expiresAt: Date;
    acceptedAt: Date | null;
    revokedAt: Date | null;
  }[];
  auditEntriesYouAuthored: {
    orgSlug: string;
    orgName: string;
    at: Date;
    action: string;
    entityType: string;
    entityId: string | null;
    before: unknown;
    after: unknown;
  }[];
}

const NOTES = [
  "Everything Capital Desk stores about you as a person. The organisations' own data (reports, rounds, budgets…) is in each organisation's export, which its owners and admins can download.",
  "Left out on purpose: your password hash, and the ids of your sessions (each is the hash of a sign-in cookie).",
  "Sessions: no IP address or browser is stored; expiresAt moves forward while you use a session (the idle timeout), absoluteExpiresAt does not.",
  "Audit entries are those you made in the organisations you still belong to, read through each organisation's own access rules; entries in organisations you left stay with those organisations.",
  "Money in audit entries is in integer minor units (cents) with its currency.",
];

/**
 * The signed-in person's own data as one JSON document: their user row (never the password
 * hash), memberships, sessions (no ids), sign-in throttle counters of their account,
 * invitations sent to their address and the audit entries they authored. Person-level rows
 * are read as the system, filtered by the user's id or address; the audit entries org by org
 * in each org's read-only tenant transaction, so row-level security applies to them.
 */
export async function exportPersonalData({ db }: SystemContext, userId: string, now = new Date()): Promise<PersonalDataExport> {
  const personal = await withSystem(db, async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) notFound();
    const joined = await tx
      .select({ orgId: orgs.id, orgSlug: orgs.slug, orgName: orgs.name, orgKind: orgs.kind, role: memberships.role, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(orgs.name));
    const ownSessions = await tx
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, absoluteExpiresAt: sessions.absoluteExpiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt));
    // The sign-in throttle's counters for the account (login-throttle.server.ts); keys left out.
    const throttle = await throttleRowsOfAccount(tx, user.email);
    const invited = await tx
      .select({
        orgName: orgs.name,
        role: invitations.role,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
      })
      .from(invitations)
      .innerJoin(orgs, eq(orgs.id, invitations.orgId))
      .where(eq(invitations.email, user.email))
      .orderBy(asc(invitations.createdAt));
    return { user, joined, ownSessions, throttle, invited };
  });

  const audit: PersonalDataExport["auditEntriesYouAuthored"] = [];
  for (const org of personal.joined) {
    const entries = await withTenant(
      db,
      org.orgId,
      (tx) =>
        tx
          .select({
            at: auditLog.at,
            action: auditLog.action,
            entityType: auditLog.entityType,
            entityId: auditLog.entityId,
            before: auditLog.before,
            after: auditLog.after,
          })
          .from(auditLog)
          .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.actorUserId, userId)))
          .orderBy(asc(auditLog.at), asc(auditLog.id)),
      { readOnly: true },
    );
    for (const entry of entries) audit.push({ orgSlug: org.orgSlug, orgName: org.orgName, ...entry });
  }

  return {
    format: "capital-desk-personal-data",
    formatVersion: 1,
    appVersion: packageJson.version,
    exportedAt: now.toISOString(),
    notes: NOTES,
    user: personal.user,
    memberships: personal.joined,
    sessions: personal.ownSessions,
    signInThrottle: personal.throttle,
    invitationsToYourAddress: personal.invited,
    auditEntriesYouAuthored: audit,
  };
}
