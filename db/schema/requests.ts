import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, jsonb, pgPolicy, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { namedUserRef } from "./auth";
import { instant, MONTH_RE, stampedNow } from "./columns";
import { appTenant, tenantTable } from "./rls";
import { orgRef, orgRow, orgs } from "./tenancy";

// Data requests (issue #17, decision 026): a fund asks its companies for a period's figures and
// reminds them until they answer. The rows are the fund's (what it asked, when it reminded): the
// answers are the company's own reports and metric values, read by the fund under the financials
// grant. The company reads the requests addressed to it through a SELECT policy that, like the
// investor policies, reads `access_grants` on every statement: a revoke hides them at once.

export const REQUEST_CADENCES = ["monthly", "quarterly"] as const;
export type RequestCadence = (typeof REQUEST_CADENCES)[number];

/** A custom metric the fund asks for, as the fund named it (copied into the company when it answers). */
export interface RequestedMetric {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: string;
  direction: string;
  rollup: string;
}

/** What a request asks: the month's report (always), ARR (optional) and custom metrics by key. */
export interface RequestAsks {
  arr: boolean;
  metrics: RequestedMetric[];
}

/** The fund's definition: recurring, materialised per company and period into `data_requests`. */
export const dataRequestPlans = tenantTable(
  "data_request_plans",
  {
    ...orgRow(),
    cadence: text().$type<RequestCadence>().notNull(),
    asks: jsonb().$type<RequestAsks>().notNull(),
    /** The first period's first month; later periods follow every 1 or 3 months. */
    firstMonth: text().notNull(),
    /** The last period for which rows were issued: a company linked later gets the next one. */
    issuedThrough: text().notNull(),
    /** Day of the month after a period ends by which it is due (15, as the overdue rule). */
    dueDay: integer().notNull().default(15),
    note: text(),
    /** Reminder steps in days relative to the due date (−3 = three days before). */
    reminderSteps: integer().array().notNull(),
    /** Chosen companies, or null for every linked company (now and later). */
    companyOrgIds: uuid().array(),
    createdBy: namedUserRef(),
    createdAt: stampedNow(),
    /**
     * When the fund stopped the plan, or null while it runs. A stopped plan issues no more periods
     * and its requests get no more scheduled reminders; what was issued stays, and can be answered.
     */
    stoppedAt: instant(),
    stoppedBy: namedUserRef(),
    /** Every change names the version it read (stopping twice from two tabs is a conflict, not a second stop). */
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("data_request_plans_org_created_idx").on(t.orgId, t.createdAt),
    check("data_request_plans_cadence_check", sql`${t.cadence} in ('monthly', 'quarterly')`),
    check("data_request_plans_month_check", sql.raw(`first_month ~ ${MONTH_RE} and issued_through ~ ${MONTH_RE}`)),
    check("data_request_plans_due_day_check", sql`${t.dueDay} between 1 and 28`),
  ],
);

/** The company may read what is addressed to it while the fund's grant to it is approved. */
function addressedToCompany(table: string) {
  return pgPolicy(`${table}_company_read`, {
    as: "permissive",
    for: "select",
    to: appTenant,
    using: sql.raw(
      `company_org_id = (select app_current_org_id()) and exists (select 1 from access_grants g where g.org_id = company_org_id and g.investor_org_id = ${table}.org_id and g.status = 'approved')`,
    ),
  });
}

/** One company's request for one period: one per fund, company and period. */
export const dataRequests = tenantTable(
  "data_requests",
  {
    /** The fund that asks (org_id), and the request's id. */
    ...orgRow(),
    planId: uuid().notNull(),
    companyOrgId: orgRef(),
    /** The period's first and last month (equal for a monthly request). */
    monthFrom: text().notNull(),
    monthTo: text().notNull(),
    dueOn: date({ mode: "string" }).notNull(),
    asks: jsonb().$type<RequestAsks>().notNull(),
    note: text(),
    reminderSteps: integer().array().notNull(),
    createdAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("data_requests_org_company_period").on(t.orgId, t.companyOrgId, t.monthFrom),
    index("data_requests_org_period_idx").on(t.orgId, t.monthTo),
    // The company's inbox and the reminder job look up by company (as access_grants_investor_idx).
    index("data_requests_company_idx").on(t.companyOrgId, t.dueOn),
    foreignKey({ columns: [t.orgId, t.planId], foreignColumns: [dataRequestPlans.orgId, dataRequestPlans.id] }).onDelete("cascade"),
    check("data_requests_month_check", sql.raw(`month_from ~ ${MONTH_RE} and month_to ~ ${MONTH_RE} and month_from <= month_to`)),
    addressedToCompany("data_requests"),
  ],
);

export const REMINDER_KINDS = ["step", "manual"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * Each reminder sent: a scheduled step (at most one row per request and step, written in the same
 * transaction as its mail, so two job runners never send one step twice) or a "remind now".
 */
export const dataRequestReminders = tenantTable(
  "data_request_reminders",
  {
    ...orgRow(),
    requestId: uuid().notNull(),
    companyOrgId: uuid().notNull(),
    kind: text().$type<ReminderKind>().notNull(),
    /** Days relative to the due date, for a step; null for "remind now". */
    step: integer(),
    sentBy: namedUserRef(),
    sentAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("data_request_reminders_once_per_step").on(t.orgId, t.requestId, t.step).where(sql`${t.kind} = 'step'`),
    index("data_request_reminders_org_request_idx").on(t.orgId, t.requestId, t.sentAt),
    foreignKey({ columns: [t.orgId, t.requestId], foreignColumns: [dataRequests.orgId, dataRequests.id] }).onDelete("cascade"),
    check("data_request_reminders_kind_check", sql`(${t.kind} = 'step') = (${t.step} is not null) and ${t.kind} in ('step', 'manual')`),
    addressedToCompany("data_request_reminders"),
  ],
);

/**
 * A fund's invitation to a company not on Capital Desk yet (issue #17, decision 028): the founder's
 * address and the company's name, the request period it answers (a plan and its period's first
 * month), and the grant sections answering it needs, which accepting grants. The fund's row:
 * `org_id` = the fund. The token is in the mailed link only; the row keeps its SHA-256. Single use
 * (accepted_at), cancelled by the fund (cancelled_at) or dead after expires_at. At most one open
 * invitation per address per fund.
 */
export const companyInvitations = tenantTable(
  "company_invitations",
  {
    ...orgRow(),
    planId: uuid().notNull(),
    /** The requested period's first month (as data_requests.month_from). */
    monthFrom: text().notNull(),
    /** The founder's address, normalised (trimmed, lower case). */
    email: text().notNull(),
    companyName: text().notNull(),
    /** What accepting grants the fund: exactly the sections the request is read under. */
    sections: text().array().notNull(),
    /** The mail's language (the fund user's, unless the address has an account with a choice). */
    locale: text().notNull().default("en"),
    tokenHash: text().notNull(),
    invitedBy: namedUserRef(),
    expiresAt: instant().notNull(),
    /** When the mail last went (the first send or a resend): resends are throttled on it. */
    lastSentAt: stampedNow(),
    sendCount: integer().notNull().default(1),
    acceptedAt: instant(),
    acceptedBy: namedUserRef(),
    /** The company that answered (created or chosen on accepting); null until then, or once it is deleted. */
    companyOrgId: uuid().references(() => orgs.id, { onDelete: "set null" }),
    cancelledAt: instant(),
    cancelledBy: namedUserRef(),
    createdAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("company_invitations_token").on(t.tokenHash),
    uniqueIndex("company_invitations_one_open_per_address").on(t.orgId, t.email).where(sql`${t.acceptedAt} is null and ${t.cancelledAt} is null`),
    index("company_invitations_org_created_idx").on(t.orgId, t.createdAt),
    foreignKey({ columns: [t.orgId, t.planId], foreignColumns: [dataRequestPlans.orgId, dataRequestPlans.id] }).onDelete("cascade"),
    check("company_invitations_month_check", sql.raw(`month_from ~ ${MONTH_RE}`)),
    check(
      "company_invitations_sections_check",
      sql`${t.sections} <@ array['financials', 'funding_debt', 'budgets', 'risks', 'updates']::text[] and cardinality(${t.sections}) > 0`,
    ),
    check("company_invitations_closed_once", sql`${t.acceptedAt} is null or ${t.cancelledAt} is null`),
  ],
);
