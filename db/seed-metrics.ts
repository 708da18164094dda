import type { Tx } from "./client";
import { metricDefinitions, metricValues } from "./schema";
import { findMetricTemplate } from "../app/domain/metric";
import { addMonths, type Month } from "../app/finance/month";
import { translate } from "../app/i18n/translate";
import { recordAudits, type AuditActor } from "../app/models/audit.server";

// Custom metrics for three demo startups (Lumen Labs, Parallax AI and Tensorleaf, the founder's workspace) (decision 024): two or three AI metrics
// each, with a year of values ending at the last reported month. One multi-row insert per
// table, so the seed stays fast.

interface MetricSeries {
  template: string;
  /** The value of month i (0 = twelve months ago), as an exact decimal string. */
  value(i: number): string;
}

const PLANS: Record<number, MetricSeries[]> = {
  0: [
    { template: "tokens_served", value: (i) => String(1_200_000_000 + i * 180_000_000) },
    { template: "gpu_hours", value: (i) => String(8_400 + i * 350) },
    { template: "gross_margin", value: (i) => (48 + i * 1.25).toFixed(2) },
  ],
  1: [
    { template: "paying_customers", value: (i) => String(140 + i * 11) },
    { template: "inference_cost_per_m_tokens", value: (i) => (0.42 - i * 0.015).toFixed(3) },
  ],
  3: [
    { template: "model_training_spend", value: (i) => String(85_000 + (i % 3) * 12_500) },
    { template: "net_revenue_retention", value: (i) => (104 + i * 0.5).toFixed(1) },
  ],
};

export async function seedCompanyMetrics(tx: Tx, actor: AuditActor, index: number, lastMonth: Month, at: Date): Promise<void> {
  const plan = PLANS[index];
  if (!plan) return;
  const orgId = actor.org.id;
  const definitions = await tx
    .insert(metricDefinitions)
    .values(
      plan.map(({ template: key }) => {
        const template = findMetricTemplate(key);
        if (!template) throw new Error(`seedCompanyMetrics: no template ${key}`);
        return {
          orgId,
          key,
          nameEn: translate("en", template.name),
          nameZh: translate("zh-CN", template.name),
          unit: template.unit,
          direction: template.direction,
          rollup: template.rollup,
          createdAt: at,
          updatedAt: at,
        };
      }),
    )
    .returning();
  const months = Array.from({ length: 12 }, (_, i) => addMonths(lastMonth, i - 11));
  await tx
    .insert(metricValues)
    .values(
      definitions.flatMap((definition, d) =>
        months.map((month, i) => ({ orgId, metricId: definition.id, month, value: plan[d]!.value(i), updatedBy: actor.user.id, createdAt: at, updatedAt: at })),
      ),
    );
  await recordAudits(
    tx,
    actor,
    definitions.map((row) => ({
      action: "metric.create",
      entityType: "metric",
      entityId: row.id,
      at,
      after: { key: row.key, nameEn: row.nameEn, nameZh: row.nameZh, unit: row.unit, direction: row.direction, rollup: row.rollup, version: row.version },
    })),
  );
}
