import { sql } from "drizzle-orm";
import { boolean, numeric, check, customType, date, foreignKey, index, integer, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { namedUserRef } from "./auth";
import { MONTH_RE, money, stampedNow, versioned } from "./columns";
import { tenantTable } from "./rls";
import { orgRef, orgRow } from "./tenancy";

/**
 * bigint[] whose elements may be NULL ("no figure for that month"). drizzle's own
 * `bigint().array()` maps each element with Number(), which turns NULL into 0.
 */
const moneyOrNullArray = customType<{ data: (number | null)[]; driverData: unknown }>({
  dataType: () => "bigint[]",
  toDriver: (values) => sql`${`{${values.map((v) => (v === null ? "NULL" : String(Math.trunc(v)))).join(",")}}`}::bigint[]`,
  fromDriver: (value) => {
    const elements = Array.isArray(value)
      ? value
      : String(value)
          .replace(/^\{|\}$/g, "")
          .split(",")
          .filter((e) => e !== "");
    return elements.map((e) => (e === null || e === "NULL" ? null : Number(e)));
  },
});

export const fundingRounds = tenantTable(
  "funding_rounds",
  {
    ...orgRow(),
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
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index().on(t.orgId, t.closeDate),
    check("funding_rounds_amount_check", sql`${t.amount} > 0`),
    check("funding_rounds_pre_money_check", sql`${t.preMoneyValuation} is null or ${t.preMoneyValuation} > 0`),
  ],
  "funding_debt",
);

export const debtFacilities = tenantTable(
  "debt_facilities",
  {
    ...orgRow(),
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
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check("debt_principal_check", sql`${t.principal} > 0`),
    check("debt_rate_check", sql`${t.annualRateBp} between 0 and 10000`),
    check("debt_term_check", sql`${t.termMonths} between 1 and 600`),
    check("debt_io_check", sql`${t.interestOnlyMonths} >= 0 and ${t.interestOnlyMonths} < ${t.termMonths}`),
  ],
  "funding_debt",
);

export const monthlyReports = tenantTable(
  "monthly_reports",
  {
    ...orgRow(),
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
    updatedBy: namedUserRef(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique("monthly_reports_org_month").on(t.orgId, t.month),
    check("monthly_reports_month_check", sql.raw(`month ~ ${MONTH_RE}`)),
    check(
      "monthly_reports_nonnegative",
      sql`${t.revenue} >= 0 and ${t.compute} >= 0 and ${t.data} >= 0 and ${t.payroll} >= 0 and ${t.research} >= 0 and ${t.goToMarket} >= 0 and ${t.generalAdmin} >= 0 and ${t.other} >= 0 and ${t.headcount} >= 0 and (${t.arr} is null or ${t.arr} >= 0)`,
    ),
  ],
  "financials",
);

export const budgets = tenantTable(
  "budgets",
  {
    orgId: orgRef(),
    month: text().notNull(),
    category: text().notNull(),
    amount: money().notNull(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.month, t.category] }),
    check("budgets_month_check", sql.raw(`month ~ ${MONTH_RE}`)),
    check("budgets_amount_check", sql`${t.amount} >= 0`),
  ],
  "budgets",
);

export const risks = tenantTable(
  "risks",
  {
    ...orgRow(),
    title: text().notNull(),
    category: text().notNull(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    owner: text(),
    mitigation: text(),
    status: text().notNull().default("open"),
    nextReviewDate: date({ mode: "string" }),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    check("risks_likelihood_check", sql`${t.likelihood} between 1 and 5`),
    check("risks_impact_check", sql`${t.impact} between 1 and 5`),
  ],
  "risks",
);

/** One row per change of likelihood, impact or status (and one for creation). */
export const riskHistory = tenantTable(
  "risk_history",
  {
    ...orgRow(),
    riskId: uuid().notNull(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    status: text().notNull(),
    changedBy: namedUserRef(),
    changedAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.riskId], foreignColumns: [risks.orgId, risks.id] }).onDelete("cascade"),
    index().on(t.orgId, t.riskId, t.changedAt),
  ],
  "risks",
);

/**
 * The investor update that goes with a month's report (highlights, lowlights, asks). It is
 * its own table because it is its own section: a startup can share its numbers without its
 * narrative, and row-level security works on rows, not columns.
 */
export const reportUpdates = tenantTable(
  "report_updates",
  {
    orgId: orgRef(),
    month: text().notNull(),
    highlights: text(),
    lowlights: text(),
    asks: text(),
    updatedAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.month] }),
    foreignKey({ columns: [t.orgId, t.month], foreignColumns: [monthlyReports.orgId, monthlyReports.month] }).onDelete("cascade"),
  ],
  "updates",
);

/**
 * A company's headline figures at its latest reported month (window 3), derived by the
 * finance engine and rewritten in the same transaction as every change to its reports or
 * debt. Reading a portfolio of a thousand companies is then one indexed row per company
 * instead of sixty months each. Shared as part of "financials".
 */
export const companyMetrics = tenantTable(
  "company_metrics",
  {
    orgId: orgRef().primaryKey(),
    month: text().notNull(),
    cash: money().notNull(),
    revenue: money().notNull(),
    grossBurn: money().notNull(),
    netBurn: money().notNull(),
    averageNetBurn: money().notNull(),
    shortHistory: boolean().notNull(),
    /**
     * Months of runway, rounded down to 0.1; null when not burning. Wide enough for the most cash
     * a report takes over a cent of burn (10^15 months): a valid report never fails to store.
     */
    runwayMonths: numeric({ precision: 20, scale: 1 }),
    /** null: beyond 10 years. A company that is not burning has one when debt service ahead exceeds its cash. */
    cashOutMonth: text(),
    defaultAlive: text().$type<"profitable" | "cash_out" | "undecided">().notNull(),
    defaultAliveMonth: text(),
    /**
     * The default-alive verdict stands on an assumed growth of 0 (revenue(m−3) not reported or
     * zero, revenue(m) above zero and below gross burn): a "dead" here is what flat revenue
     * would lead to, shown as such (product spec, default alive).
     */
    verdictAssumesGrowth: boolean().notNull().default(false),
    /** compute / gross burn in basis points; null when gross burn is 0. */
    computeShareBp: integer(),
    /** null unless both ARR values exist and grew. Wide enough for three months of the largest burn over ARR up a cent. */
    burnMultiple: numeric({ precision: 22, scale: 2 }),
    /**
     * Change of the 3-month average net burn against the 3 months before, in basis points. A
     * numeric, not an integer: from an earlier average of a cent, a real burn is billions of bp.
     */
    netBurnGrowthBp: numeric({ precision: 24, scale: 0, mode: "number" }),
    arr: money(),
    headcount: integer().notNull(),
    /** Covenant status from the debt facilities: ok, breach, projected_breach; null without covenants. */
    covenant: text().$type<"ok" | "breach" | "projected_breach">(),
    reportCount: integer().notNull(),
    /** The first reported month, YYYY-MM: the portfolio counts each month's reporting companies from it without reading reports. */
    firstMonth: text().notNull(),
    /**
     * Net burn of the last 24 months, oldest first, the last element being `month`'s; null
     * where no report. The portfolio's aggregate net burn chart sums element i over the
     * companies instead of scanning every company's reports (issue #7).
     */
    recentNetBurn: moneyOrNullArray().notNull(),
    updatedAt: stampedNow(),
  },
  (t) => [
    check("company_metrics_recent_net_burn_24", sql`cardinality(${t.recentNetBurn}) = 24`),
    check("company_metrics_month_check", sql.raw(`month ~ ${MONTH_RE}`)),
    check("company_metrics_first_month_check", sql.raw(`first_month ~ ${MONTH_RE} and first_month <= month`)),
  ],
  "financials",
);
