import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireInvestor } from "~/auth/tenant.server";
import { FieldError, Field, FormError, SelectField, SubmitButton, TextareaField } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { TextLink } from "~/components/ui/button";
import { DEFAULT_REMINDER_STEPS, DEFAULT_REQUEST_DUE_DAY, formatReminderSteps } from "~/domain/data-request";
import { dataRequestSchema } from "~/domain/data-request.form";
import { addMonths, monthOfDate } from "~/finance/month";
import { metaTitle, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { metricName } from "~/i18n/metric-format";
import { createDataRequest, getRequestChoices } from "~/models/data-request.server";
import { appNow } from "~/server/clock.server";
import { failureFromError, invalidForm, parseForm } from "~/server/forms.server";
import { messageRef } from "~/i18n/translate";
import { redirectWithToast, toast } from "~/server/toast.server";
import { investor_request_created } from "~/paraglide/messages/investor_request_created.js";
import { investor_request_form_allCompanies } from "~/paraglide/messages/investor_request_form_allcompanies1.js";
import { investor_request_form_arr } from "~/paraglide/messages/investor_request_form_arr.js";
import { investor_request_form_cadence } from "~/paraglide/messages/investor_request_form_cadence.js";
import { investor_request_form_chosenCompanies } from "~/paraglide/messages/investor_request_form_chosencompanies1.js";
import { investor_request_form_companies } from "~/paraglide/messages/investor_request_form_companies.js";
import { investor_request_form_dueDay } from "~/paraglide/messages/investor_request_form_dueday1.js";
import { investor_request_form_dueDayHint } from "~/paraglide/messages/investor_request_form_duedayhint2.js";
import { investor_request_form_metrics } from "~/paraglide/messages/investor_request_form_metrics.js";
import { investor_request_form_metricsHint } from "~/paraglide/messages/investor_request_form_metricshint1.js";
import { investor_request_form_month } from "~/paraglide/messages/investor_request_form_month.js";
import { investor_request_form_monthHint } from "~/paraglide/messages/investor_request_form_monthhint1.js";
import { investor_request_form_monthly } from "~/paraglide/messages/investor_request_form_monthly.js";
import { investor_request_form_note } from "~/paraglide/messages/investor_request_form_note.js";
import { investor_request_form_quarterly } from "~/paraglide/messages/investor_request_form_quarterly.js";
import { investor_request_form_report } from "~/paraglide/messages/investor_request_form_report.js";
import { investor_request_form_send } from "~/paraglide/messages/investor_request_form_send.js";
import { investor_request_form_sending } from "~/paraglide/messages/investor_request_form_sending.js";
import { investor_request_form_steps } from "~/paraglide/messages/investor_request_form_steps.js";
import { investor_request_form_stepsHint } from "~/paraglide/messages/investor_request_form_stepshint1.js";
import { investor_request_form_title } from "~/paraglide/messages/investor_request_form_title.js";
import { investor_request_form_back } from "~/paraglide/messages/investor_request_form_back.js";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { investor_request_createdInvite } from "~/paraglide/messages/investor_request_createdinvite1.js";
import { investor_request_form_noCompaniesInvite } from "~/paraglide/messages/investor_request_form_nocompaniesinvite2.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_request_form_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Viewers and members read the collection; defining a request is for owners and admins.
  const ctx = await requireInvestor(request, params, "manage:requests");
  const choices = await getRequestChoices(ctx);
  // Last month: its figures are what a fund asks for once it has ended.
  return json({ ...choices, defaultMonth: addMonths(monthOfDate(appNow()), -1) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params, "manage:requests");
  const formData = await request.formData();
  const locale = getLocale(request);
  const parsed = parseForm(dataRequestSchema(), formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
  try {
    const created = await createDataRequest(ctx, parsed.data);
    // None linked yet (decision 028): the request waits for the companies the fund invites next.
    if (created.issued === 0) return redirectWithToast(`/o/${ctx.org.slug}/collection/invite?plan=${created.planId}`, toast(investor_request_createdInvite));
    return redirectWithToast(`/o/${ctx.org.slug}/collection`, toast(investor_request_created));
  } catch (error) {
    return failureFromError(error, locale, { values: formData, formError: messageRef(common_validation_checkFields) });
  }
}

export default function NewDataRequest() {
  const { companies, metrics, defaultMonth } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.fieldErrors ?? {};
  const typed: Record<string, string> = failed && "values" in failed ? (failed.values ?? {}) : {};
  const t = useT();
  const locale = useLocale();
  const ticked = (name: string) => typed[name] === "on";
  return (
    <>
      <PageHeader
        title={t(investor_request_form_title)}
        actions={
          <TextLink to=".." relative="path">
            {t(investor_request_form_back)}
          </TextLink>
        }
      />
      {companies.length === 0 ? (
        <p className="mb-4 text-sm text-slate-700" data-testid="request-for-invitations">
          {t(investor_request_form_noCompaniesInvite)}
        </p>
      ) : null}
      {
        <Card>
          <Form method="post" className="grid gap-4 md:grid-cols-2" noValidate>
            <div className="md:col-span-2">
              <FormError error={failed?.formError} />
            </div>
            <Field
              label={t(investor_request_form_month)}
              name="month"
              type="month"
              defaultValue={typed.month ?? defaultMonth}
              error={errors.month}
              hint={t(investor_request_form_monthHint)}
            />
            <SelectField
              label={t(investor_request_form_cadence)}
              name="cadence"
              defaultValue={typed.cadence ?? "monthly"}
              error={errors.cadence}
              options={[
                { value: "monthly", label: t(investor_request_form_monthly) },
                { value: "quarterly", label: t(investor_request_form_quarterly) },
              ]}
            />
            <Field
              label={t(investor_request_form_dueDay)}
              name="dueDay"
              inputMode="numeric"
              defaultValue={typed.dueDay ?? String(DEFAULT_REQUEST_DUE_DAY)}
              error={errors.dueDay}
              hint={t(investor_request_form_dueDayHint)}
            />
            <Field
              label={t(investor_request_form_steps)}
              name="steps"
              defaultValue={typed.steps ?? formatReminderSteps(DEFAULT_REMINDER_STEPS)}
              error={errors.steps}
              hint={t(investor_request_form_stepsHint)}
            />
            <fieldset className="md:col-span-2">
              <legend className="text-sm font-medium text-slate-700">{t(investor_request_form_metrics)}</legend>
              <p className="text-xs text-slate-500">{t(investor_request_form_metricsHint)}</p>
              <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
                <li>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked disabled className="h-4 w-4" /> {t(investor_request_form_report)}
                  </label>
                </li>
                <li>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="arr" defaultChecked={ticked("arr")} className="h-4 w-4" /> {t(investor_request_form_arr)}
                  </label>
                </li>
                {metrics.map((m) => (
                  <li key={m.key}>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" name={`metric.${m.key}`} defaultChecked={ticked(`metric.${m.key}`)} className="h-4 w-4" /> {metricName(locale, m)}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            {companies.length === 0 ? (
              <input type="hidden" name="scope" value="all" />
            ) : (
              <fieldset className="md:col-span-2" aria-describedby={errors.companies ? "companies-error" : undefined}>
                <legend className="text-sm font-medium text-slate-700">{t(investor_request_form_companies)}</legend>
                <label className="mt-2 flex items-center gap-2 text-sm">
                  <input type="radio" name="scope" value="all" defaultChecked={(typed.scope ?? "all") === "all"} /> {t(investor_request_form_allCompanies)}
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name="scope" value="chosen" defaultChecked={typed.scope === "chosen"} /> {t(investor_request_form_chosenCompanies)}
                </label>
                <ul className="mt-2 grid gap-1 pl-6 text-sm sm:grid-cols-2">
                  {companies.map((c) => (
                    <li key={c.id}>
                      <label className="flex items-center gap-2">
                        <input type="checkbox" name={`company.${c.id}`} defaultChecked={ticked(`company.${c.id}`)} className="h-4 w-4" /> {c.name}
                      </label>
                    </li>
                  ))}
                </ul>
                <FieldError id="companies-error" error={errors.companies} />
              </fieldset>
            )}
            <div className="md:col-span-2">
              <TextareaField label={t(investor_request_form_note)} name="note" rows={3} defaultValue={typed.note ?? ""} error={errors.note} />
            </div>
            <div className="md:col-span-2">
              <SubmitButton pendingText={t(investor_request_form_sending)}>{t(investor_request_form_send)}</SubmitButton>
            </div>
          </Form>
        </Card>
      }
    </>
  );
}
