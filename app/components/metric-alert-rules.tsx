import { Form } from "@remix-run/react";
import { Field, FormError, keyedOptions, SelectField, SubmitButton } from "~/components/ui/form";
import { fieldBinder } from "~/components/ui/record-form";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { Card } from "~/components/ui/layout";
import type { MetricAlertRule } from "~/finance/alerts";
import { useT } from "~/i18n";
import {
  ALERT_SEVERITY_CHOICES,
  METRIC_ALERT_CONDITION_KEYS,
  METRIC_ALERT_CONDITIONS,
  METRIC_ALERT_MEASURE_KEYS,
  METRIC_ALERT_MEASURES,
} from "~/domain/metric-alert-rule";
import { common_action_saving } from "~/paraglide/messages/common_action_saving.js";
import { common_action_delete } from "~/paraglide/messages/common_action_delete.js";
import { common_action_deleting } from "~/paraglide/messages/common_action_deleting.js";
import { investor_alertRules_metric_deleteConsequence } from "~/paraglide/messages/investor_alertrules_metric_deleteconsequence2.js";
import { investor_alertRules_metric_deleteTick } from "~/paraglide/messages/investor_alertrules_metric_deletetick2.js";
import { investor_alertRules_metric_deleteTitle } from "~/paraglide/messages/investor_alertrules_metric_deletetitle2.js";
import { common_severity_critical } from "~/paraglide/messages/common_severity_critical.js";
import { common_severity_warning } from "~/paraglide/messages/common_severity_warning.js";
import { investor_alertRules_metric_add } from "~/paraglide/messages/investor_alertrules_metric_add1.js";
import { investor_alertRules_metric_condition } from "~/paraglide/messages/investor_alertrules_metric_condition1.js";
import { investor_alertRules_metric_definition } from "~/paraglide/messages/investor_alertrules_metric_definition1.js";
import { investor_alertRules_metric_delete } from "~/paraglide/messages/investor_alertrules_metric_delete1.js";
import { investor_alertRules_metric_empty } from "~/paraglide/messages/investor_alertrules_metric_empty1.js";
import { investor_alertRules_metric_key } from "~/paraglide/messages/investor_alertrules_metric_key1.js";
import { investor_alertRules_metric_keyHint } from "~/paraglide/messages/investor_alertrules_metric_keyhint2.js";
import { investor_alertRules_metric_measure } from "~/paraglide/messages/investor_alertrules_metric_measure1.js";
import { investor_alertRules_metric_severity } from "~/paraglide/messages/investor_alertrules_metric_severity1.js";
import { investor_alertRules_metric_summary } from "~/paraglide/messages/investor_alertrules_metric_summary1.js";
import { investor_alertRules_metric_threshold } from "~/paraglide/messages/investor_alertrules_metric_threshold1.js";
import { investor_alertRules_metric_thresholdHint } from "~/paraglide/messages/investor_alertrules_metric_thresholdhint2.js";
import { investor_alertRules_metric_title } from "~/paraglide/messages/investor_alertrules_metric_title1.js";

const SEVERITY_KEYS = { warning: common_severity_warning, critical: common_severity_critical };

/**
 * The fund's rules on custom metrics (decision 027): the list, a delete per rule (confirmed in
 * the app's dialog, like every delete) and a form to add one, each its own POST (`intent`) to the
 * rules page. Read-only for members.
 */
const RULE_STARTING_TEXT = { metricKey: "", condition: "floor", threshold: "", measure: "amount", severity: "warning" };

export function MetricAlertRulesCard({
  rules,
  keys,
  canEdit,
  errors,
  formError,
  typed,
  deleteError,
}: {
  rules: MetricAlertRule[];
  keys: string[];
  canEdit: boolean;
  errors: Record<string, string>;
  formError?: string;
  typed?: Record<string, string>;
  /** A refused delete (not confirmed): the rule's id and the message. */
  deleteError?: { id: string; message: string };
}) {
  const t = useT();
  // A new rule starts as a floor on the amount, raised as a warning.
  const field = fieldBinder((name: "metricKey" | "condition" | "threshold" | "measure" | "severity") => typed?.[name] ?? RULE_STARTING_TEXT[name], errors);
  const summary = (rule: MetricAlertRule) =>
    t(investor_alertRules_metric_summary, {
      key: rule.metricKey,
      condition: t(METRIC_ALERT_CONDITION_KEYS[rule.condition]),
      threshold: rule.threshold,
      percent: rule.measure === "percent" ? "%" : "",
      severity: t(SEVERITY_KEYS[rule.severity]),
    });
  return (
    <Card title={t(investor_alertRules_metric_title)}>
      <p className="mb-4 max-w-2xl text-sm text-slate-600">{t(investor_alertRules_metric_definition)}</p>
      {rules.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600" data-testid="metric-rules-empty">
          {t(investor_alertRules_metric_empty)}
        </p>
      ) : (
        <ul className="mb-4 divide-y divide-slate-100" data-testid="metric-rules">
          {rules.map((rule) => (
            <li key={rule.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span>{summary(rule)}</span>
              {canEdit ? (
                <Form method="post" noValidate>
                  <input type="hidden" name="id" value={rule.id} />
                  <ConfirmAction
                    intent="metricRule.delete"
                    look="link"
                    label={t(investor_alertRules_metric_delete, { rule: summary(rule) })}
                    error={deleteError?.id === rule.id ? deleteError.message : undefined}
                    texts={{
                      action: t(common_action_delete),
                      title: t(investor_alertRules_metric_deleteTitle, { rule: summary(rule) }),
                      consequence: t(investor_alertRules_metric_deleteConsequence),
                      tick: t(investor_alertRules_metric_deleteTick),
                      pending: t(common_action_deleting),
                    }}
                  />
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <Form method="post" className="max-w-2xl space-y-4" noValidate>
          <FormError error={formError} />
          <input type="hidden" name="intent" value="metricRule.add" />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label={t(investor_alertRules_metric_key)}
              {...field("metricKey")}
              list="metric-rule-keys"
              autoComplete="off"
              hint={t(investor_alertRules_metric_keyHint)}
            />
            <datalist id="metric-rule-keys">
              {keys.map((key) => (
                <option key={key} value={key} />
              ))}
            </datalist>
            <SelectField
              label={t(investor_alertRules_metric_condition)}
              {...field("condition")}
              options={keyedOptions(t, METRIC_ALERT_CONDITIONS, METRIC_ALERT_CONDITION_KEYS)}
            />
            <Field
              label={t(investor_alertRules_metric_threshold)}
              {...field("threshold")}
              inputMode="decimal"
              hint={t(investor_alertRules_metric_thresholdHint)}
            />
            <SelectField
              label={t(investor_alertRules_metric_measure)}
              {...field("measure")}
              options={keyedOptions(t, METRIC_ALERT_MEASURES, METRIC_ALERT_MEASURE_KEYS)}
            />
            <SelectField
              label={t(investor_alertRules_metric_severity)}
              {...field("severity")}
              options={keyedOptions(t, ALERT_SEVERITY_CHOICES, SEVERITY_KEYS)}
            />
          </div>
          <SubmitButton pendingText={t(common_action_saving)}>{t(investor_alertRules_metric_add)}</SubmitButton>
        </Form>
      ) : null}
    </Card>
  );
}
