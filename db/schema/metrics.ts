import { sql } from "drizzle-orm";
import { check, foreignKey, index, numeric, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { namedUserRef } from "./auth";
import { MONTH_RE, versioned } from "./columns";
import { tenantTable } from "./rls";
import { orgRow, orgs } from "./tenancy";

// Custom metrics (issue #17, decision 024): an org defines its own monthly figures — tokens
// served, GPU hours, net revenue retention — and records a value per month. Values are exact
// decimals (numeric, read as strings), never floats; a currency metric is in the org's base
// currency, in major units, like the figures a person types. Both tables are shared with an
// investor under the **financials** section, the same grant as the monthly reports.

export const METRIC_UNITS = ["currency", "count", "percent", "ratio", "duration"] as const;
export const METRIC_DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export const METRIC_ROLLUPS = ["sum", "last", "average"] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

export const metricDefinitions = tenantTable(
  "metric_definitions",
  {
    ...orgRow(),
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
    /**
     * The latest month with a value, and that value: kept by the database (a trigger on
     * metric_values, migration 0027, decision 031), never written by the app. Peer benchmarks
     * read a thousand peers' month from here instead of probing each peer's history.
     */
    latestMonth: text(),
    latestValue: numeric({ precision: 24, scale: 6 }),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique("metric_definitions_org_key").on(t.orgId, t.key),
    check("metric_definitions_key_check", sql.raw(`key ~ '^[a-z][a-z0-9_]{0,39}$'`)),
    check("metric_definitions_unit_check", sql.raw(`unit in (${list(METRIC_UNITS)})`)),
    check("metric_definitions_direction_check", sql.raw(`direction in (${list(METRIC_DIRECTIONS)})`)),
    check("metric_definitions_rollup_check", sql.raw(`rollup in (${list(METRIC_ROLLUPS)})`)),
  ],
  "financials",
);

export const metricValues = tenantTable(
  "metric_values",
  {
    ...orgRow(),
    metricId: uuid().notNull(),
    /** `YYYY-MM`, like monthly_reports.month, so a month's report and its metrics join on it. */
    month: text().notNull(),
    /** Exact: up to 18 digits before the point and 6 after; read and written as a string. */
    value: numeric({ precision: 24, scale: 6 }).notNull(),
    updatedBy: namedUserRef(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique("metric_values_org_metric_month").on(t.orgId, t.metricId, t.month),
    foreignKey({ columns: [t.orgId, t.metricId], foreignColumns: [metricDefinitions.orgId, metricDefinitions.id] }).onDelete("cascade"),
    index().on(t.orgId, t.month),
    check("metric_values_month_check", sql.raw(`month ~ ${MONTH_RE}`)),
  ],
  "financials",
);
