import { sql } from "drizzle-orm";
import { check, foreignKey, index, jsonb, pgPolicy, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { namedUserRef, userRef } from "./auth";
import { instant, stampedNow, versioned } from "./columns";
import { appTenant, tenantTable } from "./rls";
import { orgRef, orgRow } from "./tenancy";

export const UPDATE_STATUSES = ["draft", "scheduled", "sent"] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/**
 * A startup's investor update (issue #17, decision 025): title, Markdown body with figure tokens,
 * the month it reports on and the spec's three fields. Drafts and scheduled updates are the
 * startup's alone; a sent one is readable by the investor orgs it was sent to, while they hold an
 * approved grant with the "updates" section (the same investor-read policy as report_updates, plus
 * a restrictive policy that limits other tenants to sent rows naming them).
 */
export const investorUpdates = tenantTable(
  "investor_updates",
  {
    ...orgRow(),
    title: text().notNull(),
    body: text().notNull().default(""),
    month: text().notNull(),
    highlights: text(),
    lowlights: text(),
    asks: text(),
    status: text().$type<UpdateStatus>().notNull().default("draft"),
    /** The investor orgs it is (to be) sent to. */
    recipientOrgIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** The month's headline figures, frozen when sent (what the investors were told); null before. */
    figures: jsonb().$type<{
      reported?: boolean;
      cash?: number | null;
      runway?: number | null;
      net_burn?: number | null;
      /** Custom metrics the body names (decision 024/025), by key: names, unit, the month's exact value. */
      metrics?: Record<string, { nameEn: string; nameZh: string; unit: "currency" | "count" | "percent" | "ratio" | "duration"; value: string | null }>;
    }>(),
    scheduledAt: instant(),
    sentAt: instant(),
    createdBy: namedUserRef(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("investor_updates_org_created_idx").on(t.orgId, t.createdAt),
    index("investor_updates_org_sent_idx").on(t.orgId, t.sentAt),
    // The scheduler's look-up of due rows across orgs: only scheduled rows.
    index("investor_updates_due_idx").on(t.scheduledAt).where(sql`${t.status} = 'scheduled'`),
    check("investor_updates_status_check", sql`${t.status} in ('draft', 'scheduled', 'sent')`),
    check("investor_updates_month_check", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("investor_updates_scheduled_check", sql`(${t.status} = 'scheduled') = (${t.scheduledAt} is not null)`),
    check("investor_updates_sent_check", sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
    pgPolicy("investor_updates_only_sent_to_reader", {
      as: "restrictive",
      for: "select",
      to: appTenant,
      using: sql`org_id = (select app_current_org_id()) or (status = 'sent' and (select app_current_org_id()) = any(recipient_org_ids))`,
    }),
  ],
  "updates",
);

/**
 * The first time each person of an investor org opened an update in the app. The row belongs to
 * the reader's org (it writes it, under its own tenant); the startup that sent the update reads
 * the rows of its updates ("who opened it"). A person's later views change nothing.
 */
export const investorUpdateViews = tenantTable(
  "investor_update_views",
  {
    /** The reading investor org. */
    orgId: orgRef(),
    companyOrgId: uuid().notNull(),
    updateId: uuid().notNull(),
    userId: userRef(),
    /** The reader's name as it was, so the startup can show it without reading the investor's people. */
    viewerName: text().notNull(),
    firstViewedAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.updateId, t.userId] }),
    index("investor_update_views_org_user_idx").on(t.orgId, t.userId),
    index("investor_update_views_company_update_idx").on(t.companyOrgId, t.updateId),
    foreignKey({ columns: [t.companyOrgId, t.updateId], foreignColumns: [investorUpdates.orgId, investorUpdates.id] }).onDelete("cascade"),
    pgPolicy("investor_update_views_sender_read", {
      as: "permissive",
      for: "select",
      to: appTenant,
      using: sql`company_org_id = (select app_current_org_id())`,
    }),
    // A view may only be recorded of an update the reader can read (RLS on investor_updates).
    pgPolicy("investor_update_views_readable_insert", {
      as: "restrictive",
      for: "insert",
      to: appTenant,
      withCheck: sql`exists (select 1 from investor_updates u where u.org_id = company_org_id and u.id = update_id)`,
    }),
  ],
);
