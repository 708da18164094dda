import { and, asc, eq } from "drizzle-orm";
import {
  auditLog,
  invitations,
  companyInvitations,
  memberships,
  notificationPreferences,
  orgs,
  personSchedules,
  sessions,
  signInDevices,
  twoFactorRecoveryCodes,
  userTwoFactor,
  users,
} from "~db/schema";
import { withSystem, withTenant } from "~db/tenant";
import { notFound } from "~/server/http.server";
import packageJson from "../../package.json";
import { auditChangeColumns } from "./audit.server";
import { throttleRowsOfAccount } from "./login-throttle.server";
import type { SystemContext } from "~/auth/context";
import type { Tx } from "~db/client";
import { TOTP_PERIOD_SECONDS } from "~/server/totp.server";

export interface PersonalDataExport {
  format: "capital-desk-personal-data";
  formatVersion: 1;
  appVersion: string;
  exportedAt: string;
  notes: string[];
  user: { id: string; email: string; name: string; locale: string | null; createdAt: Date };
  memberships: { orgId: string; orgSlug: string; orgName: string; orgKind: string; role: string; joinedAt: Date }[];
  sessions: { createdAt: Date; lastUsedAt: Date; expiresAt: Date; absoluteExpiresAt: Date; userAgent: string; ipAddress: string }[];
  /** Whether and since when; never the secret or the recovery codes' hashes. */
  twoFactor: {
    enrolled: boolean;
    enrolmentStartedAt: Date | null;
    enabledAt: Date | null;
    lastCodeAcceptedAt: Date | null;
    recoveryCodes: { total: number; unused: number };
  };
  signInDevices: { fingerprint: string; firstSeenAt: Date; lastSeenAt: Date }[];
  notificationPreferences: { kind: string; setting: string; updatedAt: Date }[];
  personSchedules: { job: string; lastRunAt: Date | null; nextRunAt: Date }[];
  signInThrottle: Awaited<ReturnType<typeof throttleRowsOfAccount>>;
  invitationsToYourAddress: {
    orgName: string;
    role: string;
    createdAt: Date;
    expiresAt: Date;
    acceptedAt: Date | null;
    revokedAt: Date | null;
  }[];
  /** A fund's invitations to answer its data request as a company (decision 028), sent to this address. */
  companyInvitationsToYourAddress: {
    fundName: string;
    companyName: string;
    monthFrom: string;
    createdAt: Date;
    expiresAt: Date;
    acceptedAt: Date | null;
    cancelledAt: Date | null;
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
  "Left out on purpose: your password hash, the ids of your sessions (each is the hash of a sign-in cookie), your two-factor secret and the hashes of your recovery codes (which would help someone sign in as you), and the hashes of the links mailed to you (address verification, password reset, one-click unsubscribe).",
  "Sessions: the browser's description (User-Agent) and the address it signed in from, as the sessions page shows them; expiresAt moves forward while you use a session (the idle timeout), absoluteExpiresAt does not.",
  "Two-factor: whether you enrolled an authenticator app, when you started and finished, when a code was last accepted, and how many recovery codes you have left.",
  "Sign-in devices: a new sign-in is told apart by a SHA-256 fingerprint of the device (browser and system) and the address; neither is kept in clear, so only the fingerprint and when it was first and last seen are here.",
  "Notification choices: only those you changed; any other has its default. Schedules: when your next early-warning digest is due and when the last one went.",
  "Audit entries are those you made in the organisations you still belong to, read through each organisation's own access rules; entries in organisations you left stay with those organisations.",
  "Money in audit entries is in integer minor units (cents) with its currency.",
];

/** The person's two-factor enrolment as dates and counts: the sealed secret and the code hashes stay in the database. */
async function twoFactorOf(tx: Tx, userId: string): Promise<PersonalDataExport["twoFactor"]> {
  const [row] = await tx
    .select({ createdAt: userTwoFactor.createdAt, enabledAt: userTwoFactor.enabledAt, lastUsedStep: userTwoFactor.lastUsedStep })
    .from(userTwoFactor)
    .where(eq(userTwoFactor.userId, userId));
  const codes = await tx.select({ usedAt: twoFactorRecoveryCodes.usedAt }).from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  return {
    enrolled: Boolean(row?.enabledAt),
    enrolmentStartedAt: row?.createdAt ?? null,
    enabledAt: row?.enabledAt ?? null,
    lastCodeAcceptedAt: row?.lastUsedStep != null ? new Date(row.lastUsedStep * TOTP_PERIOD_SECONDS * 1000) : null,
    recoveryCodes: { total: codes.length, unused: codes.filter((c) => c.usedAt === null).length },
  };
}

/**
 * The signed-in person's own data as one JSON document: their user row (never the password
 * hash), memberships, sessions (no ids), two-factor enrolment (never the secret or code hashes),
 * sign-in devices, notification choices and schedules, sign-in throttle counters of their account,
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
    // Never the id (the hash of the cookie) nor the handle the sessions page names it by.
    const ownSessions = await tx
      .select({
        createdAt: sessions.createdAt,
        lastUsedAt: sessions.lastUsedAt,
        expiresAt: sessions.expiresAt,
        absoluteExpiresAt: sessions.absoluteExpiresAt,
        userAgent: sessions.userAgent,
        ipAddress: sessions.ipAddress,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt));
    const twoFactor = await twoFactorOf(tx, userId);
    const devices = await tx
      .select({ fingerprint: signInDevices.fingerprint, firstSeenAt: signInDevices.firstSeenAt, lastSeenAt: signInDevices.lastSeenAt })
      .from(signInDevices)
      .where(eq(signInDevices.userId, userId))
      .orderBy(asc(signInDevices.firstSeenAt));
    const preferences = await tx
      .select({ kind: notificationPreferences.kind, setting: notificationPreferences.setting, updatedAt: notificationPreferences.updatedAt })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId))
      .orderBy(asc(notificationPreferences.kind));
    const schedules = await tx
      .select({ job: personSchedules.job, lastRunAt: personSchedules.lastRunAt, nextRunAt: personSchedules.nextRunAt })
      .from(personSchedules)
      .where(eq(personSchedules.userId, userId))
      .orderBy(asc(personSchedules.job));
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
    const fundInvited = await tx
      .select({
        fundName: orgs.name,
        companyName: companyInvitations.companyName,
        monthFrom: companyInvitations.monthFrom,
        createdAt: companyInvitations.createdAt,
        expiresAt: companyInvitations.expiresAt,
        acceptedAt: companyInvitations.acceptedAt,
        cancelledAt: companyInvitations.cancelledAt,
      })
      .from(companyInvitations)
      .innerJoin(orgs, eq(orgs.id, companyInvitations.orgId))
      .where(eq(companyInvitations.email, user.email))
      .orderBy(asc(companyInvitations.createdAt));
    return { user, joined, ownSessions, twoFactor, devices, preferences, schedules, throttle, invited, fundInvited };
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
            ...auditChangeColumns,
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
    twoFactor: personal.twoFactor,
    signInDevices: personal.devices,
    notificationPreferences: personal.preferences,
    personSchedules: personal.schedules,
    signInThrottle: personal.throttle,
    invitationsToYourAddress: personal.invited,
    companyInvitationsToYourAddress: personal.fundInvited,
    auditEntriesYouAuthored: audit,
  };
}
