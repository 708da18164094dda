import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireInvestor, requirePermission } from "~/auth/tenant.server";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { metaTitle, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import type { PlainKey } from "~/i18n/translate";
import { failureFromError, formFailure, parseForm, invalidForm } from "~/server/forms.server";
import { alertRulesSchema } from "~/domain/alert-rules";
import { metricAlertRuleDeleteSchema } from "~/domain/metric-alert-rule";
import { getAlertRules, saveAlertRules } from "~/models/alert.server";
import { addMetricAlertRule, deleteMetricAlertRule, listMetricAlertRules } from "~/models/metric-alert-rule.server";
import { MetricAlertRulesCard } from "~/components/metric-alert-rules";
import { investor_alertRules_metric_added } from "~/paraglide/messages/investor_alertrules_metric_added1.js";
import { investor_alertRules_metric_deleted } from "~/paraglide/messages/investor_alertrules_metric_deleted1.js";
import { redirectWithToast, toast } from "~/server/toast.server";
import { common_action_saving } from "~/paraglide/messages/common_action_saving.js";
import { investor_alertKind_budget_overrun } from "~/paraglide/messages/investor_alertkind_budget_overrun1.js";
import { investor_alertKind_default_dead } from "~/paraglide/messages/investor_alertkind_default_dead1.js";
import { investor_alertKind_report_overdue } from "~/paraglide/messages/investor_alertkind_report_overdue1.js";
import { investor_alertKind_risk_score } from "~/paraglide/messages/investor_alertkind_risk_score1.js";
import { investor_alertKind_runway } from "~/paraglide/messages/investor_alertkind_runway1.js";
import { investor_alertRules_back } from "~/paraglide/messages/investor_alertrules_back1.js";
import { investor_alertRules_budget_definition } from "~/paraglide/messages/investor_alertrules_budget_definition1.js";
import { investor_alertRules_budget_percent } from "~/paraglide/messages/investor_alertrules_budget_percent1.js";
import { investor_alertRules_budget_percentHint } from "~/paraglide/messages/investor_alertrules_budget_percenthint2.js";
import { investor_alertRules_covenant_definition } from "~/paraglide/messages/investor_alertrules_covenant_definition1.js";
import { investor_alertRules_covenant_label } from "~/paraglide/messages/investor_alertrules_covenant_label1.js";
import { investor_alertRules_defaultDead_definition } from "~/paraglide/messages/investor_alertrules_defaultdead_definition2.js";
import { investor_alertRules_description } from "~/paraglide/messages/investor_alertrules_description1.js";
import { investor_alertRules_overdue_day } from "~/paraglide/messages/investor_alertrules_overdue_day1.js";
import { investor_alertRules_overdue_dayHint } from "~/paraglide/messages/investor_alertrules_overdue_dayhint2.js";
import { investor_alertRules_overdue_definition } from "~/paraglide/messages/investor_alertrules_overdue_definition1.js";
import { investor_alertRules_readOnly } from "~/paraglide/messages/investor_alertrules_readonly2.js";
import { investor_alertRules_risk_definition } from "~/paraglide/messages/investor_alertrules_risk_definition1.js";
import { investor_alertRules_risk_minimum } from "~/paraglide/messages/investor_alertrules_risk_minimum1.js";
import { investor_alertRules_risk_minimumHint } from "~/paraglide/messages/investor_alertrules_risk_minimumhint2.js";
import { investor_alertRules_runway_caution } from "~/paraglide/messages/investor_alertrules_runway_caution1.js";
import { investor_alertRules_runway_cautionHint } from "~/paraglide/messages/investor_alertrules_runway_cautionhint2.js";
import { investor_alertRules_runway_critical } from "~/paraglide/messages/investor_alertrules_runway_critical1.js";
import { investor_alertRules_runway_criticalHint } from "~/paraglide/messages/investor_alertrules_runway_criticalhint2.js";
import { investor_alertRules_runway_definition } from "~/paraglide/messages/investor_alertrules_runway_definition1.js";
import { investor_alertRules_save } from "~/paraglide/messages/investor_alertrules_save1.js";
import { investor_alertRules_saved } from "~/paraglide/messages/investor_alertrules_saved1.js";
import { investor_alertRules_title } from "~/paraglide/messages/investor_alertrules_title1.js";
import { investor_error_reload } from "~/paraglide/messages/investor_error_reload.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_alertRules_title)];

const RELOAD = zodMessage(investor_error_reload);
const VersionSchema = z.object({
  version: z
    .string({ error: RELOAD })
    .regex(/^\d{1,9}$/, RELOAD)
    .transform(Number),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const [{ rules, version }, metric] = await Promise.all([getAlertRules(ctx), listMetricAlertRules(ctx)]);
  return json({ rules, version, metric, canEdit: can(ctx.role, "manage:members") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  requirePermission(ctx, "manage:members");
  const locale = getLocale(request);
  const formData = await request.formData();
  const page = `/o/${ctx.org.slug}/alerts/rules`;
  const intent = formData.get("intent");
  if (intent === "metricRule.add" || intent === "metricRule.delete") {
    try {
      if (intent === "metricRule.delete") {
        const parsed = parseForm(metricAlertRuleDeleteSchema(), formData);
        if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
        await deleteMetricAlertRule(ctx, parsed.data.id);
        return redirectWithToast(page, toast(investor_alertRules_metric_deleted));
      }
      await addMetricAlertRule(ctx, Object.fromEntries(formData));
      return redirectWithToast(page, toast(investor_alertRules_metric_added));
    } catch (error) {
      return failureFromError(error, locale, { values: formData });
    }
  }
  const version = parseForm(VersionSchema, formData);
  if (!version.ok) return formFailure({ locale, formError: version.fieldErrors.version });
  const parsed = parseForm(alertRulesSchema(), formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
  try {
    await saveAlertRules(ctx, version.data.version, parsed.data);
    return redirectWithToast(page, toast(investor_alertRules_saved));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function AlertRulesPage() {
  const { rules, version, metric, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgSlug } = useParams();
  const t = useT();
  const failed = result && !result.ok ? (result as { fieldErrors: Record<string, string>; formError?: string; values?: Record<string, string> }) : null;
  // A refused metric rule shows its errors on its own form; the main form keeps the stored rules.
  const metricIntent = failed?.values?.intent;
  const metricFailure = metricIntent === "metricRule.add" || metricIntent === "metricRule.delete" ? failed : null;
  const addFailure = metricIntent === "metricRule.add" ? metricFailure : null;
  const unconfirmed = metricIntent === "metricRule.delete" ? metricFailure?.fieldErrors?.confirm : undefined;
  const mainFailure = metricFailure ? null : failed;
  const errors: Record<string, string> = mainFailure?.fieldErrors ?? {};
  const typed = mainFailure?.values;
  // After a refused save the form shows what was typed; otherwise the stored rules.
  const value = (name: string, stored: number) => typed?.[name] ?? String(stored);
  const checked = (name: string, stored: boolean) => (typed ? typed[name] !== undefined : stored);
  const numberField = (name: string, stored: number, label: PlainKey, hint: PlainKey, inputMode: "decimal" | "numeric") => (
    <Field label={t(label)} name={name} inputMode={inputMode} defaultValue={value(name, stored)} hint={t(hint)} error={errors[name]} />
  );
  // The rules with one setting each: the overdue day, the risk score, the budget overrun.
  const oneFieldRules = [
    {
      enabled: "overdueEnabled",
      kind: investor_alertKind_report_overdue,
      definition: investor_alertRules_overdue_definition,
      label: investor_alertRules_overdue_day,
      hint: investor_alertRules_overdue_dayHint,
      name: "reportDueDay",
      inputMode: "numeric",
      stored: rules.reportDueDay,
    },
    {
      enabled: "riskEnabled",
      kind: investor_alertKind_risk_score,
      definition: investor_alertRules_risk_definition,
      label: investor_alertRules_risk_minimum,
      hint: investor_alertRules_risk_minimumHint,
      name: "riskScoreMin",
      inputMode: "numeric",
      stored: rules.riskScoreMin,
    },
    {
      enabled: "budgetEnabled",
      kind: investor_alertKind_budget_overrun,
      definition: investor_alertRules_budget_definition,
      label: investor_alertRules_budget_percent,
      hint: investor_alertRules_budget_percentHint,
      name: "budgetOverrunPercent",
      inputMode: "decimal",
      stored: rules.budgetOverrunBp / 100,
    },
  ] as const;

  const toggle = (name: string, stored: boolean, label: string) => (
    <label className="flex items-center gap-2 text-sm font-medium">
      <input type="checkbox" name={name} defaultChecked={checked(name, stored)} className="h-4 w-4 rounded border-slate-300" />
      {label}
    </label>
  );

  return (
    <>
      <PageHeader
        title={t(investor_alertRules_title)}
        description={t(investor_alertRules_description)}
        actions={
          <TextLink to={`/o/${orgSlug}/alerts`} className="text-sm">
            {t(investor_alertRules_back)}
          </TextLink>
        }
      />
      <Card>
        {!canEdit ? <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">{t(investor_alertRules_readOnly)}</p> : null}
        <Form method="post" className="max-w-2xl space-y-6" noValidate key={`${version}-${typed ? "typed" : "stored"}`}>
          <FormError error={mainFailure?.formError} />
          <input type="hidden" name="version" value={version} />
          <fieldset disabled={!canEdit} className="space-y-6">
            <Rule toggle={toggle("runwayEnabled", rules.runwayEnabled, t(investor_alertKind_runway))} definition={t(investor_alertRules_runway_definition)}>
              <div className="grid grid-cols-2 gap-3">
                {numberField(
                  "runwayCautionMonths",
                  rules.runwayCautionMonths,
                  investor_alertRules_runway_caution,
                  investor_alertRules_runway_cautionHint,
                  "decimal",
                )}
                {numberField(
                  "runwayCriticalMonths",
                  rules.runwayCriticalMonths,
                  investor_alertRules_runway_critical,
                  investor_alertRules_runway_criticalHint,
                  "decimal",
                )}
              </div>
            </Rule>
            {oneFieldRules.map((rule) => (
              <Rule key={rule.enabled} toggle={toggle(rule.enabled, rules[rule.enabled], t(rule.kind))} definition={t(rule.definition)}>
                <div className="w-48">{numberField(rule.name, rule.stored, rule.label, rule.hint, rule.inputMode)}</div>
              </Rule>
            ))}
            <Rule
              toggle={toggle("covenantEnabled", rules.covenantEnabled, t(investor_alertRules_covenant_label))}
              definition={t(investor_alertRules_covenant_definition)}
            />
            <Rule
              toggle={toggle("defaultDeadEnabled", rules.defaultDeadEnabled, t(investor_alertKind_default_dead))}
              definition={t(investor_alertRules_defaultDead_definition)}
            />
          </fieldset>
          {errors.version ? <p className="text-sm text-red-700">{errors.version}</p> : null}
          {canEdit ? <SubmitButton pendingText={t(common_action_saving)}>{t(investor_alertRules_save)}</SubmitButton> : null}
        </Form>
      </Card>
      <div className="mt-6">
        <MetricAlertRulesCard
          rules={metric.rules}
          keys={metric.keys}
          canEdit={canEdit}
          errors={addFailure?.fieldErrors ?? {}}
          formError={metricFailure?.formError}
          typed={addFailure?.values}
          deleteError={unconfirmed ? { id: metricFailure?.values?.id ?? "", message: unconfirmed } : undefined}
        />
      </div>
    </>
  );
}

function Rule({ toggle, definition, children }: { toggle: ReactNode; definition: string; children?: ReactNode }) {
  return (
    <div className="space-y-3 border-b border-slate-100 pb-5 last:border-0">
      {toggle}
      <p className="text-sm text-slate-600">{definition}</p>
      {children}
    </div>
  );
}
