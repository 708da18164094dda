import { z } from "zod";
import type { MetricAlertRule } from "~/finance/alerts";
import { zodMessage } from "~/i18n/zod-messages";
import { confirmedField } from "./fields";
import type { MessageRef } from "~/i18n/message-ref";
import { messageRef, type PlainKey } from "~/i18n/translate";
import { METRIC_KEY_RE, parseMetricValue } from "./metric";
import { investor_alertRules_metric_cond_ceiling } from "~/paraglide/messages/investor_alertrules_metric_cond_ceiling1.js";
import { investor_alertRules_metric_cond_fall } from "~/paraglide/messages/investor_alertrules_metric_cond_fall1.js";
import { investor_alertRules_metric_cond_floor } from "~/paraglide/messages/investor_alertrules_metric_cond_floor1.js";
import { investor_alertRules_metric_cond_rise } from "~/paraglide/messages/investor_alertrules_metric_cond_rise1.js";
import { investor_alertRules_metric_error_confirmDelete } from "~/paraglide/messages/investor_alertrules_metric_error_confirmdelete2.js";
import { investor_alertRules_metric_error_condition } from "~/paraglide/messages/investor_alertrules_metric_error_condition1.js";
import { investor_alertRules_metric_error_key } from "~/paraglide/messages/investor_alertrules_metric_error_key1.js";
import { investor_alertRules_metric_error_measure } from "~/paraglide/messages/investor_alertrules_metric_error_measure1.js";
import { investor_alertRules_metric_error_severity } from "~/paraglide/messages/investor_alertrules_metric_error_severity1.js";
import { investor_alertRules_metric_error_threshold } from "~/paraglide/messages/investor_alertrules_metric_error_threshold1.js";
import { investor_alertRules_metric_error_thresholdPositive } from "~/paraglide/messages/investor_alertrules_metric_error_thresholdpositive2.js";
import { investor_alertRules_metric_measure_amount } from "~/paraglide/messages/investor_alertrules_metric_measure_amount1.js";
import { investor_alertRules_metric_measure_percent } from "~/paraglide/messages/investor_alertrules_metric_measure_percent1.js";

// A fund's rule on a custom metric (decision 027), once: the rules page's form, its field
// errors and the model's check read it here; the table's CHECK constraints hold the same limits.

export const METRIC_ALERT_CONDITIONS = ["floor", "ceiling", "fall", "rise"] as const;
export const METRIC_ALERT_MEASURES = ["amount", "percent"] as const;
export const ALERT_SEVERITY_CHOICES = ["warning", "critical"] as const;
export type MetricAlertCondition = (typeof METRIC_ALERT_CONDITIONS)[number];
export type MetricAlertRuleInput = Omit<MetricAlertRule, "id">;

export const METRIC_ALERT_CONDITION_KEYS: Record<MetricAlertCondition, PlainKey> = {
  floor: investor_alertRules_metric_cond_floor,
  ceiling: investor_alertRules_metric_cond_ceiling,
  fall: investor_alertRules_metric_cond_fall,
  rise: investor_alertRules_metric_cond_rise,
};
export const METRIC_ALERT_MEASURE_KEYS: Record<(typeof METRIC_ALERT_MEASURES)[number], PlainKey> = {
  amount: investor_alertRules_metric_measure_amount,
  percent: investor_alertRules_metric_measure_percent,
};

const oneOf = <T extends string>(choices: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (choices as readonly string[]).includes(value);

/**
 * The form's fields (or a direct caller's) → a rule, or a message per bad field. The threshold
 * is read as the metric values are (parseMetricValue: "1,200.5", "62.5%"), into an exact decimal.
 */
export function parseMetricAlertRule(
  input: Record<string, unknown>,
): { ok: true; rule: MetricAlertRuleInput } | { ok: false; errors: Record<string, MessageRef> } {
  const errors: Record<string, MessageRef> = {};
  const metricKey = typeof input.metricKey === "string" ? input.metricKey.trim() : "";
  if (!METRIC_KEY_RE.test(metricKey)) errors.metricKey = messageRef(investor_alertRules_metric_error_key);
  const { condition, measure = "amount", severity = "warning" } = input;
  if (!oneOf(METRIC_ALERT_CONDITIONS, condition)) errors.condition = messageRef(investor_alertRules_metric_error_condition);
  if (!oneOf(METRIC_ALERT_MEASURES, measure) || (measure === "percent" && (condition === "floor" || condition === "ceiling"))) {
    errors.measure = messageRef(investor_alertRules_metric_error_measure);
  }
  if (!oneOf(ALERT_SEVERITY_CHOICES, severity)) errors.severity = messageRef(investor_alertRules_metric_error_severity);
  const parsed = parseMetricValue(typeof input.threshold === "string" ? input.threshold : "");
  if (!parsed.ok) errors.threshold = messageRef(investor_alertRules_metric_error_threshold);
  else if ((condition === "fall" || condition === "rise") && !/^[1-9]|^0\.\d*[1-9]/.test(parsed.value)) {
    errors.threshold = messageRef(investor_alertRules_metric_error_thresholdPositive);
  }
  if (Object.keys(errors).length > 0 || !parsed.ok) return { ok: false, errors };
  return {
    ok: true,
    rule: {
      metricKey,
      condition: condition as MetricAlertCondition,
      measure: measure as MetricAlertRuleInput["measure"],
      threshold: parsed.value,
      severity: severity as MetricAlertRuleInput["severity"],
    },
  };
}

/**
 * Deleting a rule: which one, and the confirmation (the dialog, or the tick box without
 * JavaScript). A rule that is not this fund's is the model's NOT_FOUND.
 */
export const metricAlertRuleDeleteSchema = () =>
  z.object({
    id: z.string().max(100),
    confirm: confirmedField(zodMessage(investor_alertRules_metric_error_confirmDelete)),
  });
