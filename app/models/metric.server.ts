import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { oneRow, type Tx } from "~db/client";
import { auditLog, metricDefinitions, metricValues, users } from "~db/schema";
import { withTenant } from "~db/tenant";
import type { OrgContext } from "~/auth/context";
import type { CompanyAccess } from "./company-access.server";
import { reportMonthError } from "~/domain/monthly-report";
import { isMetricDirection, isMetricRollup, isMetricUnit, isMetricValue, METRIC_KEY_RE, METRIC_NAME_MAX, RESERVED_METRIC_KEYS } from "~/domain/metric";
import type { MetricColumn, MetricImportRow } from "~/domain/metric-import";
import { can } from "~/auth/permissions";
import type { ImportCounts } from "~/views/csv-import";
import { normalizeDecimal } from "~/finance/metric-rollup";
import { isUuid } from "~/domain/bounds";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import type { MetricDefinitionFields } from "~/views/metrics";
import type { FieldErrors } from "~/server/forms.server";
import { recordAudit, recordAudits } from "./audit.server";
import { conflictError, deleteLocked, type EditRefusals, lockAtVersion, lockForEdit } from "./versioning.server";
import { records_metric_error_direction } from "~/paraglide/messages/records_metric_error_direction.js";
import { records_metric_error_keyInvalid } from "~/paraglide/messages/records_metric_error_keyinvalid1.js";
import { records_metric_error_keyTaken } from "~/paraglide/messages/records_metric_error_keytaken1.js";
import { records_metric_error_nameEnRequired } from "~/paraglide/messages/records_metric_error_nameenrequired2.js";
import { records_metric_error_nameZhRequired } from "~/paraglide/messages/records_metric_error_namezhrequired2.js";
import { records_metric_error_rollup } from "~/paraglide/messages/records_metric_error_rollup.js";
import { records_metric_error_unit } from "~/paraglide/messages/records_metric_error_unit.js";
import { records_metric_error_valueFormat } from "~/paraglide/messages/records_metric_error_valueformat1.js";
import { records_metric_notFound } from "~/paraglide/messages/records_metric_notfound1.js";
import { records_metric_valueConflict } from "~/paraglide/messages/records_metric_valueconflict1.js";
import { records_metric_what } from "~/paraglide/messages/records_metric_what.js";
import { records_import_changedMeanwhile } from "~/paraglide/messages/records_import_changedmeanwhile1.js";
import { records_readOnlyRecords } from "~/paraglide/messages/records_readonlyrecords2.js";
import { records_validation_checkFieldsNothingSaved } from "~/paraglide/messages/records_validation_checkfieldsnothingsaved3.js";
import { readInOrg } from "./org-read.server";

export type { MetricDefinitionFields };

// Custom metrics (issue #17, decision 024): the only door to metric_definitions and
// metric_values. A startup defines its metrics and records a value per month; an investor
// reads them through the financials section of its grant (row-level security decides).

export interface MetricDefinition extends MetricDefinitionFields {
  id: string;
  version: number;
  /** Null: the org's own metric. A fund's org id: copied in from its request (later work). */
  sourceOrgId: string | null;
}

export interface MetricValue {
  month: string;
  /** Exact decimal string, shortest form ("1234.5"). */
  value: string;
  version: number;
}

export interface MetricWithValues extends MetricDefinition {
  /** Oldest first. */
  values: MetricValue[];
}

export interface MetricHistoryEntry {
  id: string;
  action: string;
  month: string | null;
  before: string | null;
  after: string | null;
  at: string;
  by: string | null;
}

type DefinitionRow = typeof metricDefinitions.$inferSelect;
type ValueRow = typeof metricValues.$inferSelect;

const notFoundRef = () => messageRef(records_metric_notFound);
const notFound = () => new AppError("NOT_FOUND", notFoundRef());
const refusals = (): EditRefusals => ({ notFound: notFoundRef(), conflict: () => conflictError(records_metric_what) });

function throwIfInvalid(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new AppError("INVALID", messageRef(records_validation_checkFieldsNothingSaved), errors);
}

function toDefinition(row: DefinitionRow): MetricDefinition {
  return {
    id: row.id,
    key: row.key,
    nameEn: row.nameEn,
    nameZh: row.nameZh,
    unit: isMetricUnit(row.unit) ? row.unit : "count",
    direction: isMetricDirection(row.direction) ? row.direction : "higher_is_better",
    rollup: isMetricRollup(row.rollup) ? row.rollup : "last",
    version: row.version,
    sourceOrgId: row.sourceOrgId,
  };
}

const toValue = (row: Pick<ValueRow, "month" | "value" | "version">): MetricValue => ({
  month: row.month,
  value: normalizeDecimal(row.value),
  version: row.version,
});

/** The model's own check of a definition (the form's schema checked it already for form callers). */
function definitionErrors(input: MetricDefinitionFields): FieldErrors {
  const errors: FieldErrors = {};
  if (!METRIC_KEY_RE.test(input.key) || (RESERVED_METRIC_KEYS as readonly string[]).includes(input.key))
    errors.key = messageRef(records_metric_error_keyInvalid);
  const name = (v: unknown) => typeof v === "string" && v.trim() !== "" && v.length <= METRIC_NAME_MAX;
  if (!name(input.nameEn)) errors.nameEn = messageRef(records_metric_error_nameEnRequired);
  if (!name(input.nameZh)) errors.nameZh = messageRef(records_metric_error_nameZhRequired);
  if (!isMetricUnit(input.unit)) errors.unit = messageRef(records_metric_error_unit);
  if (!isMetricDirection(input.direction)) errors.direction = messageRef(records_metric_error_direction);
  if (!isMetricRollup(input.rollup)) errors.rollup = messageRef(records_metric_error_rollup);
  return errors;
}

const definitionColumns = (input: MetricDefinitionFields) => ({
  key: input.key,
  nameEn: input.nameEn.trim(),
  nameZh: input.nameZh.trim(),
  unit: input.unit,
  direction: input.direction,
  rollup: input.rollup,
});

const auditDefinition = (row: DefinitionRow) => ({ ...definitionColumns(toDefinition(row)), version: row.version });

async function keyTaken(tx: Tx, orgId: string, key: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: metricDefinitions.id })
    .from(metricDefinitions)
    .where(and(eq(metricDefinitions.orgId, orgId), eq(metricDefinitions.key, key), exceptId ? ne(metricDefinitions.id, exceptId) : undefined));
  return Boolean(row);
}

const keyTakenError = (key: string) =>
  new AppError("INVALID", messageRef(records_validation_checkFieldsNothingSaved), { key: messageRef(records_metric_error_keyTaken, { key }) });

async function readValues(tx: Tx, orgId: string, metricIds: readonly string[]): Promise<Map<string, MetricValue[]>> {
  const byMetric = new Map<string, MetricValue[]>(metricIds.map((id) => [id, []]));
  if (metricIds.length === 0) return byMetric;
  const rows = await tx
    .select({ metricId: metricValues.metricId, month: metricValues.month, value: metricValues.value, version: metricValues.version })
    .from(metricValues)
    .where(and(eq(metricValues.orgId, orgId), inArray(metricValues.metricId, [...metricIds])))
    .orderBy(asc(metricValues.month));
  for (const row of rows) byMetric.get(row.metricId)?.push(toValue(row));
  return byMetric;
}

async function readMetrics(tx: Tx, orgId: string): Promise<MetricWithValues[]> {
  const rows = await tx
    .select()
    .from(metricDefinitions)
    .where(eq(metricDefinitions.orgId, orgId))
    .orderBy(asc(metricDefinitions.nameEn), asc(metricDefinitions.key));
  const values = await readValues(
    tx,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...toDefinition(row), values: values.get(row.id) ?? [] }));
}

/* ------------------------------------------------------------------------- reading */

/** The org's metrics with every value (oldest first), by English name. */
export async function listMetrics(ctx: OrgContext): Promise<MetricWithValues[]> {
  return readInOrg(ctx, (tx) => readMetrics(tx, ctx.org.id));
}

/** One metric with its values and its history from the audit log (newest first). Another org's id: NOT_FOUND. */
export async function getMetric(ctx: OrgContext, id: string): Promise<MetricWithValues & { history: MetricHistoryEntry[] }> {
  return readInOrg(ctx, async (tx) => {
    const row = await findDefinition(tx, ctx.org.id, id);
    const values = await readValues(tx, ctx.org.id, [row.id]);
    const history = await tx
      .select({
        id: auditLog.id,
        action: auditLog.action,
        before: auditLog.before,
        after: auditLog.after,
        at: auditLog.at,
        name: users.name,
        email: users.email,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.orgId, ctx.org.id), inArray(auditLog.entityType, ["metric", "metric_value"]), eq(auditLog.entityId, row.id)))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(100);
    const field = (json: unknown, name: string) => {
      const value = json && typeof json === "object" ? (json as Record<string, unknown>)[name] : undefined;
      return typeof value === "string" ? value : null;
    };
    return {
      ...toDefinition(row),
      values: values.get(row.id) ?? [],
      history: history.map((h) => ({
        id: h.id,
        action: h.action,
        month: field(h.after, "month") ?? field(h.before, "month"),
        before: field(h.before, "value"),
        after: field(h.after, "value"),
        at: new Date(h.at).toISOString(),
        by: h.name ?? h.email ?? null,
      })),
    };
  });
}

async function findDefinition(tx: Tx, orgId: string, id: string): Promise<DefinitionRow> {
  // Same NOT_FOUND rules as an edit (malformed id, another org's id), without the row lock: a read-only transaction.
  if (!isUuid(id)) throw notFound();
  const rows = await tx
    .select()
    .from(metricDefinitions)
    .where(and(eq(metricDefinitions.orgId, orgId), eq(metricDefinitions.id, id)));
  const row = rows[0];
  if (!row) throw notFound();
  return row;
}

/**
 * The company's metrics as an investor sees them, inside a read the caller opened (the company
 * view reads all its parts in one): only while its grant shares the financials section
 * (decision 024). Row-level security enforces it; the section check here only saves the
 * statement and makes the rule plain.
 */
export async function companyMetricsForInvestorIn(tx: Tx, ctx: OrgContext, access: CompanyAccess): Promise<MetricWithValues[]> {
  if (ctx.org.kind !== "investor" || !access.sections.includes("financials")) return [];
  return readMetrics(tx, access.company.id);
}

/** The org's metrics by key with their names: what the update composer offers as `{{metric:key}}` cards. */
export async function listComposerMetrics(ctx: OrgContext): Promise<{ key: string; nameEn: string; nameZh: string }[]> {
  return readInOrg(ctx, (tx) =>
    tx
      .select({ key: metricDefinitions.key, nameEn: metricDefinitions.nameEn, nameZh: metricDefinitions.nameZh })
      .from(metricDefinitions)
      .where(eq(metricDefinitions.orgId, ctx.org.id))
      .orderBy(asc(metricDefinitions.key)),
  );
}

/* ------------------------------------------------------------------------- writing */

export async function defineMetric(ctx: OrgContext, input: MetricDefinitionFields): Promise<MetricDefinition> {
  throwIfInvalid(definitionErrors(input));
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [row] = await tx
      .insert(metricDefinitions)
      .values({ orgId: ctx.org.id, ...definitionColumns(input) })
      .onConflictDoNothing({ target: [metricDefinitions.orgId, metricDefinitions.key] })
      .returning();
    if (!row) throw keyTakenError(input.key);
    await recordAudit(tx, ctx, { action: "metric.create", entityType: "metric", entityId: row.id, after: auditDefinition(row) });
    return toDefinition(row);
  });
}

/** Saves an edit of the definition made on `version`; someone else saved since: CONFLICT, nothing written. */
export async function updateMetric(ctx: OrgContext, id: string, version: number, input: MetricDefinitionFields): Promise<MetricDefinition> {
  throwIfInvalid(definitionErrors(input));
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await lockAtVersion(tx, metricDefinitions, ctx.org.id, id, version, refusals());
    if (input.key !== before.key && (await keyTaken(tx, ctx.org.id, input.key, before.id))) throw keyTakenError(input.key);
    const after = oneRow(
      await tx
        .update(metricDefinitions)
        .set({ ...definitionColumns(input), updatedAt: sql`now()`, version: sql`${metricDefinitions.version} + 1` })
        .where(and(eq(metricDefinitions.orgId, ctx.org.id), eq(metricDefinitions.id, before.id)))
        .returning(),
      "update metric",
    );
    await recordAudit(tx, ctx, {
      action: "metric.update",
      entityType: "metric",
      entityId: after.id,
      before: auditDefinition(before),
      after: auditDefinition(after),
    });
    return toDefinition(after);
  });
}

/** Deletes a metric and its values (the audit log keeps the definition). */
export async function deleteMetric(ctx: OrgContext, id: string, version: number): Promise<void> {
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await lockAtVersion(tx, metricDefinitions, ctx.org.id, id, version, refusals());
    await deleteLocked(tx, metricDefinitions, ctx.org.id, before.id);
    await recordAudit(tx, ctx, { action: "metric.delete", entityType: "metric", entityId: before.id, before: auditDefinition(before) });
  });
}

export function metricValueConflict(month: string): AppError {
  return new AppError("CONFLICT", messageRef(records_metric_valueConflict, { month }));
}

/**
 * Sets one month's value (`value` null clears it). `expectedVersion` is the version the
 * editor read, or null for a month that had no value: a stale version, or a "new" month
 * someone else filled meanwhile, is a CONFLICT — never a silent overwrite.
 */
export async function saveMetricValue(
  ctx: OrgContext,
  metricId: string,
  month: string,
  expectedVersion: number | null,
  value: string | null,
  now = new Date(),
): Promise<MetricValue | null> {
  const errors: FieldErrors = {};
  const monthError = reportMonthError(month, now);
  if (monthError) errors.month = monthError;
  if (value !== null && !isMetricValue(value)) errors.value = messageRef(records_metric_error_valueFormat);
  throwIfInvalid(errors);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const metric = await lockForEdit(tx, metricDefinitions, ctx.org.id, metricId, notFoundRef());
    const [before] = await tx
      .select()
      .from(metricValues)
      .where(and(eq(metricValues.orgId, ctx.org.id), eq(metricValues.metricId, metric.id), eq(metricValues.month, month)))
      .for("update");
    if ((before?.version ?? null) !== expectedVersion) throw metricValueConflict(month);
    // The metric's names travel with each entry, so the audit log can say which metric without a look-up.
    const named = { key: metric.key, nameEn: metric.nameEn, nameZh: metric.nameZh };
    const beforeView = before ? { ...named, month, value: normalizeDecimal(before.value) } : null;
    if (value === null) {
      if (!before) return null;
      await tx.delete(metricValues).where(and(eq(metricValues.orgId, ctx.org.id), eq(metricValues.id, before.id)));
      await recordAudit(tx, ctx, { action: "metric_value.clear", entityType: "metric_value", entityId: metric.id, before: beforeView });
      return null;
    }
    const [row] = before
      ? await tx
          .update(metricValues)
          .set({ value, updatedBy: ctx.user.id, updatedAt: sql`now()`, version: sql`${metricValues.version} + 1` })
          .where(and(eq(metricValues.orgId, ctx.org.id), eq(metricValues.id, before.id)))
          .returning()
      : await tx
          .insert(metricValues)
          .values({ orgId: ctx.org.id, metricId: metric.id, month, value, updatedBy: ctx.user.id })
          .onConflictDoNothing({ target: [metricValues.orgId, metricValues.metricId, metricValues.month] })
          .returning();
    if (!row) throw metricValueConflict(month);
    await recordAudit(tx, ctx, {
      action: "metric_value.save",
      entityType: "metric_value",
      entityId: metric.id,
      before: beforeView,
      after: { ...named, month, value: normalizeDecimal(row.value) },
    });
    return toValue(row);
  });
}

export type { MetricColumn, MetricImportRow };

function requireImporter(ctx: OrgContext) {
  if (ctx.org.kind !== "startup") throw notFound();
  if (!can(ctx.role, "edit:records")) throw new AppError("FORBIDDEN", messageRef(records_readOnlyRecords));
}

/** The org's metrics as a CSV file's columns (by key, as the export orders them). */
export async function listMetricColumns(ctx: OrgContext): Promise<MetricColumn[]> {
  const rows = await readInOrg(ctx, (tx) =>
    tx
      .select({ key: metricDefinitions.key, unit: metricDefinitions.unit })
      .from(metricDefinitions)
      .where(eq(metricDefinitions.orgId, ctx.org.id))
      .orderBy(asc(metricDefinitions.key)),
  );
  return rows.map((r) => ({ key: r.key, unit: isMetricUnit(r.unit) ? r.unit : "count" }));
}

function checkImportRows(rows: readonly MetricImportRow[], now: Date) {
  const errors: FieldErrors = {};
  for (const [i, row] of rows.entries()) {
    const monthError = reportMonthError(row.month, now);
    if (monthError) errors[`rows.${i}.month`] = monthError;
    for (const [key, value] of Object.entries(row.values)) if (!isMetricValue(value)) errors[`rows.${i}.${key}`] = messageRef(records_metric_error_valueFormat);
  }
  throwIfInvalid(errors);
}

interface ImportPlan {
  counts: ImportCounts;
  /** A digest of the current value (and version) of every cell the file sets: what the preview saw. */
  state: string;
  changes: { metric: DefinitionRow; month: string; value: string; before: ValueRow | undefined }[];
}

/** What a file would do to the org's values, read in `tx` (locked when `lock`: the import). */
async function planImport(tx: Tx, orgId: string, rows: readonly MetricImportRow[], lock: boolean): Promise<ImportPlan> {
  const query = tx.select().from(metricDefinitions).where(eq(metricDefinitions.orgId, orgId));
  // Locking every definition serialises the import with value edits (saveMetricValue locks its
  // metric first) and with other imports, so no value changes between this read and the writes.
  const defs = lock ? await query.for("update") : await query;
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const unknown = [...new Set(rows.flatMap((r) => Object.keys(r.values)))].filter((k) => !byKey.has(k));
  if (unknown.length > 0) throwIfInvalid(Object.fromEntries(unknown.map((k) => [k, messageRef(records_metric_notFound)])));
  const existing = await tx.select().from(metricValues).where(eq(metricValues.orgId, orgId));
  const current = new Map(existing.map((v) => [`${v.metricId}|${v.month}`, v]));
  const counts: ImportCounts = { rows: rows.length, inserted: 0, updated: 0, unchanged: 0 };
  const digest = createHash("sha256");
  const changes: ImportPlan["changes"] = [];
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.values)) {
      const metric = byKey.get(key);
      if (!metric) continue;
      const before = current.get(`${metric.id}|${row.month}`);
      digest.update(`${metric.id}|${row.month}|${before ? `${before.version}|${normalizeDecimal(before.value)}` : "-"}\n`);
      if (before && normalizeDecimal(before.value) === value) counts.unchanged += 1;
      else {
        changes.push({ metric, month: row.month, value, before });
        if (before) counts.updated += 1;
        else counts.inserted += 1;
      }
    }
  }
  return { counts, state: digest.digest("hex"), changes };
}

/** What importing `rows` would do (new, changed and unchanged values), writing nothing. */
export async function previewMetricImport(
  ctx: OrgContext,
  rows: readonly MetricImportRow[],
  now = new Date(),
): Promise<{ counts: ImportCounts; state: string }> {
  requireImporter(ctx);
  checkImportRows(rows, now);
  const plan = await readInOrg(ctx, (tx) => planImport(tx, ctx.org.id, rows, false));
  return { counts: plan.counts, state: plan.state };
}

export interface MetricImportOptions {
  now?: Date;
  /**
   * The import page's check that the values are still those its preview showed: given the
   * state digest read under lock, false refuses the import (CONFLICT) and nothing is written.
   */
  confirm?: (state: string) => boolean;
}

/**
 * Writes checked rows (app/domain/metric-import.ts `metricImportSpec`) in one transaction: every
 * value or none. A key the org has no metric for is an error naming the column. Each value
 * written is audited as a value edit (`metric_value.save`, marked `via: "import"`, so the
 * metric's history shows it), with one `metric.import` summary when anything changed.
 */
export async function importMetricValues(ctx: OrgContext, rows: readonly MetricImportRow[], options: MetricImportOptions = {}): Promise<ImportCounts> {
  requireImporter(ctx);
  checkImportRows(rows, options.now ?? new Date());
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const { counts, state, changes } = await planImport(tx, ctx.org.id, rows, true);
    if (options.confirm && !options.confirm(state)) throw new AppError("CONFLICT", messageRef(records_import_changedMeanwhile));
    const audits = [];
    for (const { metric, month, value, before } of changes) {
      if (before) {
        await tx
          .update(metricValues)
          .set({ value, updatedBy: ctx.user.id, updatedAt: sql`now()`, version: sql`${metricValues.version} + 1` })
          .where(and(eq(metricValues.orgId, ctx.org.id), eq(metricValues.id, before.id)));
      } else {
        await tx.insert(metricValues).values({ orgId: ctx.org.id, metricId: metric.id, month, value, updatedBy: ctx.user.id });
      }
      const named = { key: metric.key, nameEn: metric.nameEn, nameZh: metric.nameZh };
      audits.push({
        action: "metric_value.save",
        entityType: "metric_value",
        entityId: metric.id,
        before: before ? { ...named, month, value: normalizeDecimal(before.value) } : null,
        after: { ...named, month, value, via: "import" },
      });
    }
    await recordAudits(tx, ctx, audits);
    if (audits.length > 0) {
      const months = rows.map((r) => r.month).sort();
      await recordAudit(tx, ctx, { action: "metric.import", entityType: "metric", after: { ...counts, firstMonth: months[0], lastMonth: months.at(-1) } });
    }
    return counts;
  });
}

/** The CSV export: one row per month that has any value, a column per metric key (blank: no value). */
export async function exportMetricTable(ctx: OrgContext): Promise<{ keys: string[]; rows: MetricImportRow[] }> {
  const metrics = await listMetrics(ctx);
  const keys = metrics.map((m) => m.key).sort();
  const byMonth = new Map<string, Record<string, string>>();
  for (const metric of metrics) {
    for (const { month, value } of metric.values) {
      const row = byMonth.get(month) ?? {};
      row[metric.key] = value;
      byMonth.set(month, row);
    }
  }
  const rows = [...byMonth.keys()].sort().map((month) => ({ month, values: byMonth.get(month) ?? {} }));
  return { keys, rows };
}
