import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireInvestor, requirePermission } from "~/auth/tenant.server";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { messageRef, metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm, invalidForm } from "~/lib/forms.server";
import { alertRulesSchema } from "~/domain/alert-rules";
import { getAlertRules, saveAlertRules } from "~/models/alert.server";
import { redirectWithToast, toast } from "~/lib/toast.server";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "investor.alertRules.title")];

const RELOAD = messageRef("investor.error.reload");
const VersionSchema = z.object({ version: z.string({ error: RELOAD }).regex(/^\d{1,9}$/, RELOAD).transform(Number) });

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
  const version = parseForm(VersionSchema, formData, locale);
  if (!version.ok) return formFailure({ formError: version.fieldErrors.version });
  const parsed = parseForm(alertRulesSchema(), formData, locale);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
  try {
    await saveAlertRules(ctx, version.data.version, parsed.data);
    return redirectWithToast(`/o/${ctx.org.slug}/alerts/rules`, toast("investor.alertRules.saved"));
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
        title={t("investor.alertRules.title")}
        description={t("investor.alertRules.description")}
        actions={
          <TextLink to={`/o/${orgSlug}/alerts`} className="text-sm">
            {t("investor.alertRules.back")}
          </TextLink>
        }
      />
      <Card>
        {!canEdit ? <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">{t("investor.alertRules.readOnly")}</p> : null}
        <Form method="post" className="max-w-2xl space-y-6" noValidate key={`${version}-${typed ? "typed" : "stored"}`}>
          <FormError error={result && !result.ok ? result.formError : undefined} />
          <input type="hidden" name="version" value={version} />
          <fieldset disabled={!canEdit} className="space-y-6">
            <Rule toggle={toggle("runwayEnabled", rules.runwayEnabled, t("investor.alertKind.runway"))} definition={t("investor.alertRules.runway.definition")}>
              <div className="grid grid-cols-2 gap-3">
                <Field
                  label={t("investor.alertRules.runway.caution")}
                  name="runwayCautionMonths"
                  inputMode="decimal"
                  defaultValue={value("runwayCautionMonths", rules.runwayCautionMonths)}
                  hint={t("investor.alertRules.runway.cautionHint")}
                  error={errors.runwayCautionMonths}
                />
                <Field
                  label={t("investor.alertRules.runway.critical")}
                  name="runwayCriticalMonths"
                  inputMode="decimal"
                  defaultValue={value("runwayCriticalMonths", rules.runwayCriticalMonths)}
                  hint={t("investor.alertRules.runway.criticalHint")}
                  error={errors.runwayCriticalMonths}
                />
              </div>
            </Rule>
            <Rule toggle={toggle("overdueEnabled", rules.overdueEnabled, t("investor.alertKind.report_overdue"))} definition={t("investor.alertRules.overdue.definition")}>
              <div className="w-48">
                <Field
                  label={t("investor.alertRules.overdue.day")}
                  name="reportDueDay"
                  inputMode="numeric"
                  defaultValue={value("reportDueDay", rules.reportDueDay)}
                  hint={t("investor.alertRules.overdue.dayHint")}
                  error={errors.reportDueDay}
                />
              </div>
            </Rule>
            <Rule toggle={toggle("riskEnabled", rules.riskEnabled, t("investor.alertKind.risk_score"))} definition={t("investor.alertRules.risk.definition")}>
              <div className="w-48">
                <Field
                  label={t("investor.alertRules.risk.minimum")}
                  name="riskScoreMin"
                  inputMode="numeric"
                  defaultValue={value("riskScoreMin", rules.riskScoreMin)}
                  hint={t("investor.alertRules.risk.minimumHint")}
                  error={errors.riskScoreMin}
                />
              </div>
            </Rule>
            <Rule toggle={toggle("budgetEnabled", rules.budgetEnabled, t("investor.alertKind.budget_overrun"))} definition={t("investor.alertRules.budget.definition")}>
              <div className="w-48">
                <Field
                  label={t("investor.alertRules.budget.percent")}
                  name="budgetOverrunPercent"
                  inputMode="decimal"
                  defaultValue={typed?.budgetOverrunPercent ?? String(percent)}
                  hint={t("investor.alertRules.budget.percentHint")}
                  error={errors.budgetOverrunPercent}
                />
              </div>
            </Rule>
            <Rule toggle={toggle("covenantEnabled", rules.covenantEnabled, t("investor.alertRules.covenant.label"))} definition={t("investor.alertRules.covenant.definition")} />
            <Rule toggle={toggle("defaultDeadEnabled", rules.defaultDeadEnabled, t("investor.alertKind.default_dead"))} definition={t("investor.alertRules.defaultDead.definition")} />
          </fieldset>
          {errors.version ? <p className="text-sm text-red-700">{errors.version}</p> : null}
          {canEdit ? <SubmitButton pendingText={t("common.action.saving")}>{t("investor.alertRules.save")}</SubmitButton> : null}
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
