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
import { failureFromError, formFailure, parseForm, invalidForm } from "~/server/forms.server";
import { alertRulesSchema } from "~/domain/alert-rules";
import { getAlertRules, saveAlertRules } from "~/models/alert.server";
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
  const { rules, version } = await getAlertRules(ctx);
  return json({ rules, version, canEdit: can(ctx.role, "manage:members") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  requirePermission(ctx, "manage:members");
  const locale = getLocale(request);
  const formData = await request.formData();
  const version = parseForm(VersionSchema, formData);
  if (!version.ok) return formFailure({ locale, formError: version.fieldErrors.version });
  const parsed = parseForm(alertRulesSchema(), formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
  try {
    await saveAlertRules(ctx, version.data.version, parsed.data);
    return redirectWithToast(`/o/${ctx.org.slug}/alerts/rules`, toast(investor_alertRules_saved));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function AlertRulesPage() {
  const { rules, version, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgSlug } = useParams();
  const t = useT();
  const errors: Record<string, string> = result && !result.ok ? result.fieldErrors : {};
  const typed = result && !result.ok ? (result as { values?: Record<string, string> }).values : undefined;
  // After a refused save the form shows what was typed; otherwise the stored rules.
  const value = (name: string, stored: number) => typed?.[name] ?? String(stored);
  const checked = (name: string, stored: boolean) => (typed ? typed[name] !== undefined : stored);
  const percent = rules.budgetOverrunBp / 100;

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
          <FormError error={result && !result.ok ? result.formError : undefined} />
          <input type="hidden" name="version" value={version} />
          <fieldset disabled={!canEdit} className="space-y-6">
            <Rule toggle={toggle("runwayEnabled", rules.runwayEnabled, t(investor_alertKind_runway))} definition={t(investor_alertRules_runway_definition)}>
              <div className="grid grid-cols-2 gap-3">
                <Field
                  label={t(investor_alertRules_runway_caution)}
                  name="runwayCautionMonths"
                  inputMode="decimal"
                  defaultValue={value("runwayCautionMonths", rules.runwayCautionMonths)}
                  hint={t(investor_alertRules_runway_cautionHint)}
                  error={errors.runwayCautionMonths}
                />
                <Field
                  label={t(investor_alertRules_runway_critical)}
                  name="runwayCriticalMonths"
                  inputMode="decimal"
                  defaultValue={value("runwayCriticalMonths", rules.runwayCriticalMonths)}
                  hint={t(investor_alertRules_runway_criticalHint)}
                  error={errors.runwayCriticalMonths}
                />
              </div>
            </Rule>
            <Rule
              toggle={toggle("overdueEnabled", rules.overdueEnabled, t(investor_alertKind_report_overdue))}
              definition={t(investor_alertRules_overdue_definition)}
            >
              <div className="w-48">
                <Field
                  label={t(investor_alertRules_overdue_day)}
                  name="reportDueDay"
                  inputMode="numeric"
                  defaultValue={value("reportDueDay", rules.reportDueDay)}
                  hint={t(investor_alertRules_overdue_dayHint)}
                  error={errors.reportDueDay}
                />
              </div>
            </Rule>
            <Rule toggle={toggle("riskEnabled", rules.riskEnabled, t(investor_alertKind_risk_score))} definition={t(investor_alertRules_risk_definition)}>
              <div className="w-48">
                <Field
                  label={t(investor_alertRules_risk_minimum)}
                  name="riskScoreMin"
                  inputMode="numeric"
                  defaultValue={value("riskScoreMin", rules.riskScoreMin)}
                  hint={t(investor_alertRules_risk_minimumHint)}
                  error={errors.riskScoreMin}
                />
              </div>
            </Rule>
            <Rule
              toggle={toggle("budgetEnabled", rules.budgetEnabled, t(investor_alertKind_budget_overrun))}
              definition={t(investor_alertRules_budget_definition)}
            >
              <div className="w-48">
                <Field
                  label={t(investor_alertRules_budget_percent)}
                  name="budgetOverrunPercent"
                  inputMode="decimal"
                  defaultValue={typed?.budgetOverrunPercent ?? String(percent)}
                  hint={t(investor_alertRules_budget_percentHint)}
                  error={errors.budgetOverrunPercent}
                />
              </div>
            </Rule>
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
