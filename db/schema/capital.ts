import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { orgs } from "./tenancy";
import { tenantIsolation } from "./rls";

// Money is integer minor units (cents) in bigint columns, read as JS numbers:
// safe up to 9e15 minor units, far beyond any startup's balance sheet.
const money = () => bigint({ mode: "number" });
const orgRef = () =>
  uuid()
    .notNull()
    .references(() => orgs.id, { onDelete: "cascade" });
const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Optimistic concurrency: every update must name the version it read. */
  version: integer().notNull().default(1),
};
const MONTH_RE = `'^[0-9]{4}-(0[1-9]|1[0-2])$'`;

export const fundingRounds = pgTable(
  "funding_rounds",
  {
    orgId: orgRef(),
    id: uuid().notNull().defaultRandom(),
    instrument: text().notNull(),
    closeDate: date({ mode: "string" }).notNull(),
    amount: money().notNull(),
    currency: text().notNull(),
    preMoneyValuation: money(),
    leadInvestor: text(),
    otherInvestors: text(),
    crowdfundingPlatform: text(),
    backerCount: integer(),
    notes: text(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index().on(t.orgId, t.closeDate),
    check("funding_rounds_amount_check", sql`${t.amount} > 0`),
    check("funding_rounds_pre_money_check", sql`${t.preMoneyValuation} is null or ${t.preMoneyValuation} > 0`),
    tenantIsolation("funding_rounds"),
  ],
).enableRLS();

export const debtFacilities = pgTable(
  "debt_facilities",
  {
    orgId: orgRef(),
    id: uuid().notNull().defaultRandom(),
    lender: text().notNull(),
    kind: text().notNull(),
    principal: money().notNull(),
    currency: text().notNull(),
    /** Annual interest rate in basis points: 1200 = 12.00 %. */
    annualRateBp: integer().notNull(),
    drawDate: date({ mode: "string" }).notNull(),
    termMonths: integer().notNull(),
    repaymentType: text().notNull(),
    interestOnlyMonths: integer().notNull().default(0),
    minimumCash: money(),
    /** Day of the following month by which the monthly report is due to the lender. */
    reportingDeadlineDay: integer(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check("debt_principal_check", sql`${t.principal} > 0`),
    check("debt_rate_check", sql`${t.annualRateBp} between 0 and 10000`),
    check("debt_term_check", sql`${t.termMonths} between 1 and 600`),
    check("debt_io_check", sql`${t.interestOnlyMonths} >= 0 and ${t.interestOnlyMonths} < ${t.termMonths}`),
    tenantIsolation("debt_facilities"),
  ],
).enableRLS();

export const monthlyReports = pgTable(
  "monthly_reports",
  {
    orgId: orgRef(),
    id: uuid().notNull().defaultRandom(),
    month: text().notNull(),
    cash: money().notNull(),
    revenue: money().notNull().default(0),
    compute: money().notNull().default(0),
    data: money().notNull().default(0),
    payroll: money().notNull().default(0),
    research: money().notNull().default(0),
    goToMarket: money().notNull().default(0),
    generalAdmin: money().notNull().default(0),
    other: money().notNull().default(0),
    headcount: integer().notNull().default(0),
    arr: money(),
    highlights: text(),
    lowlights: text(),
    asks: text(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique("monthly_reports_org_month").on(t.orgId, t.month),
    check("monthly_reports_month_check", sql.raw(`month ~ ${MONTH_RE}`)),
    check(
      "monthly_reports_nonnegative",
      sql`${t.revenue} >= 0 and ${t.compute} >= 0 and ${t.data} >= 0 and ${t.payroll} >= 0 and ${t.research} >= 0 and ${t.goToMarket} >= 0 and ${t.generalAdmin} >= 0 and ${t.other} >= 0 and ${t.headcount} >= 0 and (${t.arr} is null or ${t.arr} >= 0)`,
    ),
    tenantIsolation("monthly_reports"),
  ],
).enableRLS();

export const budgets = pgTable(
  "budgets",
  {
    orgId: orgRef(),
    month: text().notNull(),
    category: text().notNull(),
    amount: money().notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.month, t.category] }),
    check("budgets_month_check", sql.raw(`month ~ ${MONTH_RE}`)),
    check("budgets_amount_check", sql`${t.amount} >= 0`),
    tenantIsolation("budgets"),
  ],
).enableRLS();

export const risks = pgTable(
  "risks",
  {
    orgId: orgRef(),
    id: uuid().notNull().defaultRandom(),
    title: text().notNull(),
    category: text().notNull(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    owner: text(),
    mitigation: text(),
    status: text().notNull().default("open"),
    nextReviewDate: date({ mode: "string" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check("risks_likelihood_check", sql`${t.likelihood} between 1 and 5`),
    check("risks_impact_check", sql`${t.impact} between 1 and 5`),
    tenantIsolation("risks"),
  ],
).enableRLS();

/** One row per change of likelihood, impact or status (and one for creation). */
export const riskHistory = pgTable(
  "risk_history",
  {
    orgId: orgRef(),
    id: uuid().notNull().defaultRandom(),
    riskId: uuid().notNull(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    status: text().notNull(),
    changedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.riskId], foreignColumns: [risks.orgId, risks.id] }).onDelete("cascade"),
    index().on(t.orgId, t.riskId, t.changedAt),
    tenantIsolation("risk_history"),
  ],
).enableRLS();
