import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireInvestor } from "~/auth/tenant.server";
import { requestAsks } from "~/components/request-asks";
import { TextLink } from "~/components/ui/button";
import { Field, FormError, SubmitButton, TextareaField } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { isUuid } from "~/domain/bounds";
import { formatReminderSteps } from "~/domain/data-request";
import { requestPlanChangeSchema } from "~/domain/data-request.form";
import { metaTitle, useFormat, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { changeRequestPlan, getRequestPlan } from "~/models/request-plan.server";
import { failureFromError, invalidForm, parseForm } from "~/server/forms.server";
import { notFound } from "~/server/http.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { investor_plans_allCompanies } from "~/paraglide/messages/investor_plans_allcompanies1.js";
import { investor_plans_back } from "~/paraglide/messages/investor_plans_back.js";
import { investor_plans_change_description } from "~/paraglide/messages/investor_plans_change_description.js";
import { investor_plans_change_done } from "~/paraglide/messages/investor_plans_change_done.js";
import { investor_plans_change_save } from "~/paraglide/messages/investor_plans_change_save.js";
import { investor_plans_change_saving } from "~/paraglide/messages/investor_plans_change_saving.js";
import { investor_plans_change_stopped } from "~/paraglide/messages/investor_plans_change_stopped.js";
import { investor_plans_change_title } from "~/paraglide/messages/investor_plans_change_title.js";
import { investor_plans_monthlyFrom } from "~/paraglide/messages/investor_plans_monthlyfrom1.js";
import { investor_plans_quarterlyFrom } from "~/paraglide/messages/investor_plans_quarterlyfrom1.js";
import { investor_request_form_dueDay } from "~/paraglide/messages/investor_request_form_dueday1.js";
import { investor_request_form_dueDayHint } from "~/paraglide/messages/investor_request_form_duedayhint2.js";
import { investor_request_form_note } from "~/paraglide/messages/investor_request_form_note.js";
import { investor_request_form_steps } from "~/paraglide/messages/investor_request_form_steps.js";
import { investor_request_form_stepsHint } from "~/paraglide/messages/investor_request_form_stepshint1.js";
import { records_request_inbox_arr } from "~/paraglide/messages/records_request_inbox_arr.js";
import { records_request_inbox_report } from "~/paraglide/messages/records_request_inbox_report.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_plans_change_title)];

/** Only those who may stop or define requests may change one (decision 035). */
async function planIn(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireInvestor(request, params, "manage:requests");
  const planId = params.planId ?? "";
  if (!isUuid(planId)) notFound();
  return { ctx, planId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, planId } = await planIn(request, params);
  const plan = await getRequestPlan(ctx, planId);
  if (!plan) notFound();
  return json({ plan });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, planId } = await planIn(request, params);
  const locale = getLocale(request);
  const formData = await request.formData();
  const parsed = parseForm(requestPlanChangeSchema(), formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
  const { version, ...change } = parsed.data;
  try {
    await changeRequestPlan(ctx, planId, version, change);
    return redirectWithToast(`/o/${ctx.org.slug}/collection/plans`, toast(investor_plans_change_done));
  } catch (error) {
    return failureFromError(error, locale, { values: formData });
  }
}

export default function ChangeRequestPlan() {
  const { plan } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.fieldErrors ?? {};
  const typed: Record<string, string> = failed && "values" in failed ? (failed.values ?? {}) : {};
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const heading = t(plan.cadence === "monthly" ? investor_plans_monthlyFrom : investor_plans_quarterlyFrom, { month: f.month(plan.firstMonth) });
  const sentTo = plan.companies === null ? t(investor_plans_allCompanies) : plan.companies.join(", ") || "—";
  const asks = requestAsks(locale, plan.asks, { report: t(records_request_inbox_report), arr: t(records_request_inbox_arr) }).join(", ");
  return (
    <>
      <PageHeader
        title={t(investor_plans_change_title)}
        description={t(investor_plans_change_description)}
        actions={
          <TextLink to=".." relative="path">
            {t(investor_plans_back)}
          </TextLink>
        }
      />
      <Card title={heading}>
        <p className="mb-4 text-sm text-slate-700">
          {sentTo} · {asks}
        </p>
        {plan.stoppedAt ? (
          <p className="text-sm text-slate-700" data-testid="plan-stopped">
            {t(investor_plans_change_stopped)}
          </p>
        ) : (
          <Form method="post" className="grid gap-4 md:grid-cols-2" noValidate>
            <input type="hidden" name="version" value={plan.version} />
            <div className="md:col-span-2">
              <FormError error={failed?.formError ?? errors.version} />
            </div>
            <Field
              label={t(investor_request_form_dueDay)}
              name="dueDay"
              inputMode="numeric"
              defaultValue={typed.dueDay ?? String(plan.dueDay)}
              error={errors.dueDay}
              hint={t(investor_request_form_dueDayHint)}
            />
            <Field
              label={t(investor_request_form_steps)}
              name="steps"
              defaultValue={typed.steps ?? formatReminderSteps(plan.reminderSteps)}
              error={errors.steps}
              hint={t(investor_request_form_stepsHint)}
            />
            <div className="md:col-span-2">
              <TextareaField label={t(investor_request_form_note)} name="note" rows={3} defaultValue={typed.note ?? plan.note ?? ""} error={errors.note} />
            </div>
            <div className="md:col-span-2">
              <SubmitButton pendingText={t(investor_plans_change_saving)}>{t(investor_plans_change_save)}</SubmitButton>
            </div>
          </Form>
        )}
      </Card>
    </>
  );
}
