import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { orgs } from "./tenancy";
import { sharedWithInvestors, tenantIsolation } from "./rls";

// Custom metrics (issue #17, decision 024): an org defines its own monthly figures — tokens
// served, GPU hours, net revenue retention — and records a value per month. Values are exact
// decimals (numeric, read as strings), never floats; a currency metric is in the org's base
// currency, in major units, like the figures a person types. Both tables are shared with an
// investor under the **financials** section, the same grant as the monthly reports.

export const METRIC_UNITS = ["currency", "count", "percent", "ratio", "duration"] as const;
export const METRIC_DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export const METRIC_ROLLUPS = ["sum", "last", "average"] as const;

const MONTH_RE = `'^[0-9]{4}-(0[1-9]|1[0-2])$'`;
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

export const metricDefinitions = pgTable(
  "metric_definitions",
  {
    orgId: uuid()
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    /** A slug, unique in the org: the CSV column and what a fund's request names (decision 024). */
    key: text().notNull(),
    nameEn: text().notNull(),
    nameZh: text().notNull(),
    unit: text().notNull(),
    direction: text().notNull(),
    rollup: text().notNull(),
    /**
     * The seam for requested metrics: null for a metric the org defined for itself; a fund's
     * org id when the metric was copied in from that fund's request (later work, issue #17).
     */
    sourceOrgId: uuid().references(() => orgs.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique("metric_definitions_org_key").on(t.orgId, t.key),
    check("metric_definitions_key_check", sql.raw(`key ~ '^[a-z][a-z0-9_]{0,39}$'`)),
    check("metric_definitions_unit_check", sql.raw(`unit in (${list(METRIC_UNITS)})`)),
    check("metric_definitions_direction_check", sql.raw(`direction in (${list(METRIC_DIRECTIONS)})`)),
    check("metric_definitions_rollup_check", sql.raw(`rollup in (${list(METRIC_ROLLUPS)})`)),
    tenantIsolation("metric_definitions"),
    sharedWithInvestors("metric_definitions", "financials"),
  ],
).enableRLS();

export const metricValues = pgTable(
  "metric_values",
  {
    orgId: uuid()
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    metricId: uuid().notNull(),
    /** `YYYY-MM`, like monthly_reports.month, so a month's report and its metrics join on it. */
    month: text().notNull(),
    /** Exact: up to 18 digits before the point and 6 after; read and written as a string. */
    value: numeric({ precision: 24, scale: 6 }).notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique("metric_values_org_metric_month").on(t.orgId, t.metricId, t.month),
    foreignKey({ columns: [t.orgId, t.metricId], foreignColumns: [metricDefinitions.orgId, metricDefinitions.id] }).onDelete("cascade"),
    index().on(t.orgId, t.month),
    check("metric_values_month_check", sql.raw(`month ~ ${MONTH_RE}`)),
    tenantIsolation("metric_values"),
    sharedWithInvestors("metric_values", "financials"),
  ],
).enableRLS();
