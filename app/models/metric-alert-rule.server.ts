import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "~db/client";
import { accessGrants, metricAlertRules, metricDefinitions } from "~db/schema";
import { withTenant } from "~db/tenant";
import { can } from "~/auth/permissions";
import type { OrgContext } from "~/auth/context";
import type { MetricAlertRule } from "~/finance/alerts";
import { normalizeDecimal } from "~/finance/metric-rollup";
import { isUuid } from "~/domain/bounds";
import { parseMetricAlertRule } from "~/domain/metric-alert-rule";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { recordAudit } from "./audit.server";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { investor_alertRules_error_forbidden } from "~/paraglide/messages/investor_alertrules_error_forbidden1.js";
import { investor_alertRules_metric_error_notFound } from "~/paraglide/messages/investor_alertrules_metric_error_notfound2.js";
import { investor_alerts_error_noPage } from "~/paraglide/messages/investor_alerts_error_nopage1.js";
import { readInOrg } from "./org-read.server";

// A fund's early-warning rules on custom metrics (decision 027): the only door to
// metric_alert_rules. The alerts sync (alert.server.ts) reads them with readMetricAlertRules
// and evaluates them with the other rules; owners and admins add and delete them.

function requireFund(ctx: OrgContext, write: boolean) {
  if (ctx.org.kind !== "investor") throw new AppError("NOT_FOUND", messageRef(investor_alerts_error_noPage));
  if (write && !can(ctx.role, "manage:members")) throw new AppError("FORBIDDEN", messageRef(investor_alertRules_error_forbidden));
}

type RuleRow = typeof metricAlertRules.$inferSelect;
const toRule = (row: RuleRow): MetricAlertRule => ({
  id: row.id,
  metricKey: row.metricKey,
  condition: row.condition,
  measure: row.measure,
  // numeric(24, 6) reads back with six decimals; the rule is the shortest exact decimal.
  threshold: normalizeDecimal(row.threshold),
  severity: row.severity,
});

/** The fund's metric rules, oldest first: what the sync evaluates, in its transaction. */
export async function readMetricAlertRules(tx: Tx, orgId: string): Promise<MetricAlertRule[]> {
  const rows = await tx
    .select()
    .from(metricAlertRules)
    .where(eq(metricAlertRules.orgId, orgId))
    .orderBy(asc(metricAlertRules.createdAt), asc(metricAlertRules.id));
  return rows.map(toRule);
}

/**
 * The rules page: the fund's metric rules and the keys its companies report under the
 * financials section (offered as suggestions; a rule may name a key no company has yet).
 */
export async function listMetricAlertRules(ctx: OrgContext): Promise<{ rules: MetricAlertRule[]; keys: string[] }> {
  requireFund(ctx, false);
  return readInOrg(ctx, async (tx) => {
    const sharing = tx
      .select({ orgId: accessGrants.orgId })
      .from(accessGrants)
      .where(and(eq(accessGrants.investorOrgId, ctx.org.id), eq(accessGrants.status, "approved"), sql`'financials' = any(${accessGrants.sections})`));
    const keys = await tx
      .selectDistinct({ key: metricDefinitions.key })
      .from(metricDefinitions)
      .where(inArray(metricDefinitions.orgId, sharing))
      .orderBy(asc(metricDefinitions.key))
      .limit(200);
    return { rules: await readMetricAlertRules(tx, ctx.org.id), keys: keys.map((k) => k.key) };
  });
}

/** Adds a rule (owner/admin); refused per field with nothing written; audited. */
export async function addMetricAlertRule(ctx: OrgContext, input: Record<string, unknown>): Promise<MetricAlertRule> {
  requireFund(ctx, true);
  const parsed = parseMetricAlertRule(input);
  if (!parsed.ok) throw new AppError("INVALID", messageRef(common_validation_checkFields), parsed.errors);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [row] = await tx
      .insert(metricAlertRules)
      .values({ orgId: ctx.org.id, ...parsed.rule, createdBy: ctx.user.id })
      .returning();
    const rule = toRule(row!);
    const { id: _id, ...after } = rule;
    await recordAudit(tx, ctx, { action: "metric_alert_rule.create", entityType: "metric_alert_rule", entityId: rule.id, before: null, after });
    return rule;
  });
}

/** Deletes a rule (owner/admin); its open alerts resolve at the next sync. Another org's or a gone rule: NOT_FOUND. */
export async function deleteMetricAlertRule(ctx: OrgContext, id: string): Promise<void> {
  requireFund(ctx, true);
  const notFound = () => new AppError("NOT_FOUND", messageRef(investor_alertRules_metric_error_notFound));
  if (!isUuid(id)) throw notFound();
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [row] = await tx
      .delete(metricAlertRules)
      .where(and(eq(metricAlertRules.orgId, ctx.org.id), eq(metricAlertRules.id, id)))
      .returning();
    if (!row) throw notFound();
    const { id: _id, ...before } = toRule(row);
    await recordAudit(tx, ctx, { action: "metric_alert_rule.delete", entityType: "metric_alert_rule", entityId: row.id, before, after: null });
  });
}
