import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { namedUserRef, userRef } from "./auth";
import { instant, rowId, stampedNow } from "./columns";
import { appTenant, tenantTable } from "./rls";

export const ORG_KINDS = ["startup", "investor"] as const;
export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export type Role = (typeof ROLES)[number];

/** The tenant itself. Its own row is visible to a tenant transaction for that org only. */
export const orgs = pgTable(
  "orgs",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    kind: text().$type<OrgKind>().notNull(),
    baseCurrency: text().notNull().default("USD"),
    /** What a startup gives an investor so it can ask for access; not a secret, not guessable. */
    shareCode: text().notNull().unique().default(sql`upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))`),
    /** Budget overrun flag threshold in basis points (1000 = 10 %). */
    budgetOverrunThresholdBp: integer().notNull().default(1000),
    /** Risk bands: the lowest score (likelihood × impact, 1–25) of medium, high and critical; below medium is low. */
    riskMediumFrom: integer().notNull().default(5),
    riskHighFrom: integer().notNull().default(10),
    riskCriticalFrom: integer().notNull().default(16),
    /** "Members must use two-factor" (decision 021): members without it are sent to enrol before this org's pages. */
    requireTwoFactor: boolean().notNull().default(false),
    createdAt: stampedNow(),
    /**
     * Deletion (decision 009): set when an owner schedules it, cleared by an undo. From then on
     * the org is read-only and shares nothing; after `purgeAfter` the purge job removes it.
     */
    deletionRequestedAt: instant(),
    deletionRequestedBy: namedUserRef(),
    purgeAfter: instant(),
  },
  (t) => [
    check("orgs_kind_check", sql`${t.kind} in ('startup', 'investor')`),
    check("orgs_deletion_check", sql`(${t.deletionRequestedAt} is null) = (${t.purgeAfter} is null)`),
    // The purge job's look-up, and the investor policies' "which orgs are going": only scheduled rows.
    index("orgs_purge_after_idx").on(t.purgeAfter).where(sql`${t.purgeAfter} is not null`),
    check("orgs_currency_check", sql`${t.baseCurrency} ~ '^[A-Z]{3}$'`),
    check(
      "orgs_risk_bands_check",
      sql`1 < ${t.riskMediumFrom} and ${t.riskMediumFrom} < ${t.riskHighFrom} and ${t.riskHighFrom} < ${t.riskCriticalFrom} and ${t.riskCriticalFrom} <= 25`,
    ),
    pgPolicy("orgs_tenant_isolation", {
      as: "permissive",
      for: "all",
      to: appTenant,
      using: sql`id = (select app_current_org_id())`,
      withCheck: sql`id = (select app_current_org_id())`,
    }),
    // An investor reads the org row (name, currency, risk bands) of a startup that approved
    // it; a startup reads the org row of an investor that asked it or that it invited.
    pgPolicy("orgs_grant_read", {
      as: "permissive",
      for: "select",
      to: appTenant,
      using: sql`id in (select g.org_id from access_grants g where g.investor_org_id = (select app_current_org_id()) and g.status = 'approved') or id in (select g.investor_org_id from access_grants g where g.org_id = (select app_current_org_id()))`,
    }),
  ],
).enableRLS();

/** A tenant table's `org_id`: the org owns the row, and the row goes when the org does. */
export const orgRef = () =>
  uuid()
    .notNull()
    .references(() => orgs.id, { onDelete: "cascade" });

/** The key columns of most tenant tables: the org and the row's own id, primary key (org_id, id). */
export const orgRow = () => ({ orgId: orgRef(), id: rowId() });

export const memberships = tenantTable(
  "memberships",
  {
    orgId: orgRef(),
    userId: userRef(),
    role: text().$type<Role>().notNull(),
    createdAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index().on(t.userId),
    check("memberships_role_check", sql`${t.role} in ('owner', 'admin', 'member', 'viewer')`),
  ],
);

export const invitations = tenantTable(
  "invitations",
  {
    ...orgRow(),
    email: text().notNull(),
    role: text().$type<Role>().notNull(),
    /** SHA-256 of the single-use token; the token itself is only in the link. */
    tokenHash: text().notNull(),
    invitedBy: namedUserRef(),
    expiresAt: instant().notNull(),
    acceptedAt: instant(),
    revokedAt: instant(),
    createdAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex().on(t.tokenHash),
    check("invitations_role_check", sql`${t.role} in ('admin', 'member', 'viewer')`),
  ],
);

/** Where a queued message stands (decision 016). */
export const MAIL_STATUSES = ["queued", "retrying", "sent", "failed", "held"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Outgoing mail, written in the same transaction as what caused it; the outbox is the queue
 * (decision 016): a worker claims due rows, sends them and marks them. `org_id` is null for
 * account mail (verification, password reset, security notices), which belongs to a person,
 * not an org: RLS keeps those rows out of every tenant transaction, and only the system door
 * reads them. The Message-ID is fixed at queue time so a retry after a crash between send
 * and mark carries the same id (receivers and the test SMTP server drop the duplicate).
 */
export const mailOutbox = tenantTable(
  "mail_outbox",
  {
    orgId: uuid().references(() => orgs.id, { onDelete: "cascade" }),
    id: uuid().primaryKey().defaultRandom(),
    /** Who the message is for, when they have an account (preferences, unsubscribe, deletion). */
    toUserId: namedUserRef(),
    toEmail: text().notNull(),
    /** What caused it, e.g. `invitation`, `verify_email`, `password_reset` (app/server/mail-kinds.ts). */
    kind: text().notNull().default("notice"),
    locale: text().notNull().default("en"),
    subject: text().notNull(),
    /** Plain-text part; blanked once sent, since it may hold a single-use link. */
    body: text().notNull(),
    /** HTML part; blanked with the text part. */
    html: text(),
    messageId: text().notNull().unique(),
    /** A notification's one-click unsubscribe URL (RFC 8058; decision 023), sent as List-Unsubscribe; blanked once sent. */
    listUnsubscribe: text(),
    status: text().$type<MailStatus>().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: stampedNow(),
    /** A claimed row is the worker's until then; a crashed worker's claim lapses. */
    claimedUntil: instant(),
    lastError: text(),
    createdAt: stampedNow(),
    sentAt: instant(),
  },
  (t) => [
    index().on(t.orgId, t.createdAt),
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`status in ('queued', 'retrying')`),
    check("mail_outbox_status_check", sql`${t.status} in ('queued', 'retrying', 'sent', 'failed', 'held')`),
  ],
);

/** Every change: who, when, what, before and after. Append-only by convention. */
export const auditLog = tenantTable(
  "audit_log",
  {
    ...orgRow(),
    actorUserId: namedUserRef(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    at: stampedNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.at)],
);
