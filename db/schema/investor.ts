import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, numeric, pgPolicy, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { namedUserRef } from "./auth";
import { instant, money, stampedNow, versioned } from "./columns";
import { appTenant, tenantTable } from "./rls";
import { orgRef, orgRow, orgs } from "./tenancy";

export const GRANT_STATUSES = ["requested", "approved", "declined", "revoked"] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/**
 * An investor's access to one startup. The row belongs to the startup (`org_id`): only the
 * startup's owners and admins approve, change sections, decline or revoke it. The investor
 * org (`investor_org_id`) can read its own grants and insert a request — nothing else.
 * Decided and revoked rows stay as history; at most one live (requested or approved) row
 * exists per pair.
 */
export const accessGrants = tenantTable(
  "access_grants",
  {
    ...orgRow(),
    investorOrgId: orgRef(),
    status: text().$type<GrantStatus>().notNull(),
    /** Approved sections (rls.ts GRANT_SECTIONS); empty while requested. */
    sections: text().array().notNull().default(sql`'{}'::text[]`),
    /** Who started it: the investor asking, or the startup inviting. */
    initiatedBy: text().$type<"investor" | "startup">().notNull(),
    /** What the requester typed (share code or owner email) — shown instead of the name until approved. */
    requestedVia: text(),
    requestedByUserId: namedUserRef(),
    /**
     * The requester's address when the request was made, kept on the grant: the startup cannot
     * read another org's users, and an org name proves nothing (anyone can call a fund
     * "Northwind Ventures") — the address and its domain are what tell two such funds apart.
     */
    requestedByEmail: text(),
    decidedByUserId: namedUserRef(),
    decidedAt: instant(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("access_grants_live_pair").on(t.orgId, t.investorOrgId).where(sql`status in ('requested', 'approved')`),
    index("access_grants_investor_idx").on(t.investorOrgId, t.status),
    check("access_grants_status_check", sql`${t.status} in ('requested', 'approved', 'declined', 'revoked')`),
    check("access_grants_initiated_check", sql`${t.initiatedBy} in ('investor', 'startup')`),
    check("access_grants_sections_check", sql`${t.sections} <@ array['financials', 'funding_debt', 'budgets', 'risks', 'updates']::text[]`),
    check("access_grants_not_self", sql`${t.orgId} <> ${t.investorOrgId}`),
    // A startup scheduled for deletion shares nothing from that moment (decision 009): its grants
    // vanish from the investor's view, and with them every `*_investor_read` and `orgs_grant_read`
    // policy that reads access_grants under the investor's row-level security. The grants
    // themselves are untouched, so an undo restores them as they were.
    pgPolicy("access_grants_investor_read", {
      as: "permissive",
      for: "select",
      to: appTenant,
      using: sql`investor_org_id = (select app_current_org_id()) and org_id not in (select app_granting_orgs_pending_deletion())`,
    }),
    // Restrictive: whoever writes, the pair must be a startup granting an investor. Without it an
    // investor could write a row naming itself as the "startup" (its own tenant policy allows
    // org_id = itself) and so read the org row of any org whose id it knew.
    pgPolicy("access_grants_pair_kinds_insert", {
      as: "restrictive",
      for: "insert",
      to: appTenant,
      withCheck: sql`app_org_kind(org_id) = 'startup' and app_org_kind(investor_org_id) = 'investor'`,
    }),
    pgPolicy("access_grants_pair_kinds_update", {
      as: "restrictive",
      for: "update",
      to: appTenant,
      using: sql`true`,
      withCheck: sql`app_org_kind(org_id) = 'startup' and app_org_kind(investor_org_id) = 'investor'`,
    }),
    pgPolicy("access_grants_investor_request", {
      as: "permissive",
      for: "insert",
      to: appTenant,
      withCheck: sql`investor_org_id = (select app_current_org_id()) and status = 'requested' and sections = '{}'::text[] and initiated_by = 'investor' and decided_by_user_id is null`,
    }),
  ],
);

/** What the investor put into a company: the basis of MOIC. Belongs to the investor org. */
export const positions = tenantTable(
  "positions",
  {
    ...orgRow(),
    /** null once the company's org was deleted (decision 009); `companyName` then says who it was. */
    companyOrgId: uuid().references(() => orgs.id, { onDelete: "set null" }),
    /** The company's name, written by the purge when its org is deleted; null while it exists. */
    companyName: text(),
    investedOn: date({ mode: "string" }).notNull(),
    amount: money().notNull(),
    currency: text().notNull(),
    instrument: text().notNull(),
    /** Fully diluted ownership in basis points: 1250 = 12.50 %. */
    ownershipBp: integer(),
    currentValue: money().notNull(),
    notes: text(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index().on(t.orgId, t.companyOrgId),
    check("positions_amount_check", sql`${t.amount} > 0`),
    check("positions_value_check", sql`${t.currentValue} >= 0`),
    check("positions_ownership_check", sql`${t.ownershipBp} is null or ${t.ownershipBp} between 0 and 10000`),
    check("positions_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("positions_company_check", sql`${t.companyOrgId} is not null or ${t.companyName} is not null`),
  ],
);

/**
 * Monthly FX rates an investor maintains: 1 unit of `currency` = `rate` units of the
 * investor's base currency, for amounts of that month. numeric, never float.
 */
export const fxRates = tenantTable(
  "fx_rates",
  {
    orgId: orgRef(),
    month: text().notNull(),
    currency: text().notNull(),
    rate: numeric({ precision: 20, scale: 10 }).notNull(),
    createdAt: stampedNow(),
    updatedAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.month, t.currency] }),
    check("fx_rates_month_check", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("fx_rates_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("fx_rates_rate_check", sql`${t.rate} > 0`),
  ],
);

/** The investor org's early-warning rules; one row per org, defaults from the spec. */
export const alertRules = tenantTable(
  "alert_rules",
  {
    orgId: orgRef().primaryKey(),
    runwayEnabled: boolean().notNull().default(true),
    runwayCautionMonths: numeric({ precision: 5, scale: 1 }).notNull().default("6"),
    runwayCriticalMonths: numeric({ precision: 5, scale: 1 }).notNull().default("3"),
    overdueEnabled: boolean().notNull().default(true),
    /** A month's report is overdue when not in by this day of the next month. */
    reportDueDay: integer().notNull().default(15),
    riskEnabled: boolean().notNull().default(true),
    riskScoreMin: integer().notNull().default(16),
    budgetEnabled: boolean().notNull().default(true),
    budgetOverrunBp: integer().notNull().default(1000),
    covenantEnabled: boolean().notNull().default(true),
    defaultDeadEnabled: boolean().notNull().default(true),
    ...versioned(),
  },
  (t) => [
    check(
      "alert_rules_runway_check",
      sql`0 < ${t.runwayCriticalMonths} and ${t.runwayCriticalMonths} < ${t.runwayCautionMonths} and ${t.runwayCautionMonths} <= 120`,
    ),
    check("alert_rules_due_day_check", sql`${t.reportDueDay} between 1 and 28`),
    check("alert_rules_risk_check", sql`${t.riskScoreMin} between 1 and 25`),
    check("alert_rules_budget_check", sql`${t.budgetOverrunBp} between 0 and 100000`),
  ],
);

export const METRIC_ALERT_CONDITIONS = ["floor", "ceiling", "fall", "rise"] as const;
export const METRIC_ALERT_MEASURES = ["amount", "percent"] as const;

/**
 * A fund's early-warning rule on a custom metric (decision 027), named by the metric's key so
 * one rule covers every company that reports that key: the latest month's value under a floor
 * or over a ceiling, or a fall or rise from the month before by an amount or a percentage.
 * Exact decimals, like the values they are compared with.
 */
export const metricAlertRules = tenantTable(
  "metric_alert_rules",
  {
    orgId: orgRef(),
    id: uuid().notNull().defaultRandom(),
    metricKey: text().notNull(),
    condition: text().$type<(typeof METRIC_ALERT_CONDITIONS)[number]>().notNull(),
    measure: text().$type<(typeof METRIC_ALERT_MEASURES)[number]>().notNull().default("amount"),
    threshold: numeric({ precision: 24, scale: 6 }).notNull(),
    severity: text().$type<"critical" | "warning">().notNull().default("warning"),
    createdBy: namedUserRef(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check("metric_alert_rules_key_check", sql.raw(`metric_key ~ '^[a-z][a-z0-9_]{0,39}$'`)),
    check("metric_alert_rules_condition_check", sql.raw(`condition in ('floor', 'ceiling', 'fall', 'rise')`)),
    check("metric_alert_rules_measure_check", sql.raw(`measure in ('amount', 'percent') and (measure = 'amount' or condition in ('fall', 'rise'))`)),
    check("metric_alert_rules_threshold_check", sql.raw(`condition in ('floor', 'ceiling') or threshold > 0`)),
    check("metric_alert_rules_severity_check", sql.raw(`severity in ('critical', 'warning')`)),
  ],
);

export const ALERT_KINDS = ["runway", "report_overdue", "risk_score", "budget_overrun", "covenant", "default_dead", "metric"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ["critical", "warning"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * An early warning as the investor saw it: first seen, last seen, acknowledged, resolved.
 * One open row per (company, kind, subject); when the condition clears it is resolved, and
 * a later recurrence opens a new row.
 */
export const alerts = tenantTable(
  "alerts",
  {
    ...orgRow(),
    companyOrgId: orgRef(),
    kind: text().$type<AlertKind>().notNull(),
    /** What the alert is about within the company: a month, a risk id, a facility id, or ''. */
    subject: text().notNull().default(""),
    severity: text().$type<AlertSeverity>().notNull(),
    reason: text().notNull(),
    firstSeenAt: stampedNow(),
    lastSeenAt: stampedNow(),
    resolvedAt: instant(),
    acknowledgedAt: instant(),
    acknowledgedByUserId: namedUserRef(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("alerts_open_key").on(t.orgId, t.companyOrgId, t.kind, t.subject).where(sql`resolved_at is null`),
    index().on(t.orgId, t.firstSeenAt),
    check("alerts_kind_check", sql`${t.kind} in ('runway', 'report_overdue', 'risk_score', 'budget_overrun', 'covenant', 'default_dead', 'metric')`),
    check("alerts_severity_check", sql`${t.severity} in ('critical', 'warning')`),
  ],
);
