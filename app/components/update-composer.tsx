import { Form } from "@remix-run/react";
import { FieldError, Field, FormError, SubmitButton, TextareaField } from "~/components/ui/form";
import { useLocale, useT } from "~/i18n";
import { metricName } from "~/i18n/metric-format";
import { updates_action_save } from "~/paraglide/messages/updates_action_save.js";
import { updates_action_schedule } from "~/paraglide/messages/updates_action_schedule.js";
import { updates_action_send } from "~/paraglide/messages/updates_action_send.js";
import { updates_field_asks } from "~/paraglide/messages/updates_field_asks.js";
import { updates_field_body } from "~/paraglide/messages/updates_field_body.js";
import { updates_field_figures } from "~/paraglide/messages/updates_field_figures.js";
import { updates_field_highlights } from "~/paraglide/messages/updates_field_highlights.js";
import { updates_field_metrics } from "~/paraglide/messages/updates_field_metrics.js";
import { updates_field_lowlights } from "~/paraglide/messages/updates_field_lowlights.js";
import { updates_field_month } from "~/paraglide/messages/updates_field_month.js";
import { updates_field_recipients } from "~/paraglide/messages/updates_field_recipients.js";
import { updates_field_recipientsNone } from "~/paraglide/messages/updates_field_recipientsnone1.js";
import { updates_field_scheduledAt } from "~/paraglide/messages/updates_field_scheduledat1.js";
import { updates_field_title } from "~/paraglide/messages/updates_field_title.js";

export interface ComposerValues {
  title: string;
  month: string;
  body: string;
  highlights: string;
  lowlights: string;
  asks: string;
  recipients: string[];
  scheduledAt: string;
}

/** The tokens an author types (or copies) to insert a live figure card. */
const TOKENS = ["{{cash}}", "{{runway}}", "{{net_burn}}"];

/** A custom metric the author can insert as `{{metric:key}}`. */
export interface ComposerMetric {
  key: string;
  nameEn: string;
  nameZh: string;
}

/** The investor update composer (new and edit): fields, the investors to send to, and the three ways to save. */
export function UpdateComposer({
  values,
  errors,
  formError,
  choices,
  metrics = [],
  version,
}: {
  values: ComposerValues;
  errors: Record<string, string>;
  formError?: string;
  choices: { orgId: string; name: string }[];
  metrics?: ComposerMetric[];
  version?: number;
}) {
  const t = useT();
  const locale = useLocale();
  const metricHint =
    metrics.length === 0 ? "" : ` ${t(updates_field_metrics)} ${metrics.map((m) => `{{metric:${m.key}}} (${metricName(locale, m)})`).join(", ")}`;
  const chosen = new Set(values.recipients);
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError error={formError} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Field label={t(updates_field_title)} name="title" defaultValue={values.title} error={errors.title} maxLength={200} required />
      <Field label={t(updates_field_month)} name="month" type="month" defaultValue={values.month} error={errors.month} placeholder="2026-11" required />
      <TextareaField
        label={t(updates_field_body)}
        name="body"
        defaultValue={values.body}
        error={errors.body}
        rows={12}
        hint={`${t(updates_field_figures)} ${TOKENS.join(" ")}${metricHint}`}
      />
      <TextareaField label={t(updates_field_highlights)} name="highlights" defaultValue={values.highlights} error={errors.highlights} rows={3} />
      <TextareaField label={t(updates_field_lowlights)} name="lowlights" defaultValue={values.lowlights} error={errors.lowlights} rows={3} />
      <TextareaField label={t(updates_field_asks)} name="asks" defaultValue={values.asks} error={errors.asks} rows={3} />
      <fieldset aria-describedby={errors.recipients ? "field-recipients-error" : undefined}>
        <legend className="block text-sm font-medium text-slate-700">{t(updates_field_recipients)}</legend>
        {choices.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">{t(updates_field_recipientsNone)}</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {choices.map((choice) => (
              <li key={choice.orgId}>
                <label className="inline-flex items-center gap-2 text-sm">
                  <input type="checkbox" name="recipients" value={choice.orgId} defaultChecked={chosen.has(choice.orgId)} />
                  {choice.name}
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldError id="field-recipients-error" error={errors.recipients} />
      </fieldset>
      <Field label={t(updates_field_scheduledAt)} name="scheduledAt" type="datetime-local" defaultValue={values.scheduledAt} error={errors.scheduledAt} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton intent="save" variant="secondary">
          {t(updates_action_save)}
        </SubmitButton>
        <SubmitButton intent="schedule" variant="secondary">
          {t(updates_action_schedule)}
        </SubmitButton>
        <SubmitButton intent="send">{t(updates_action_send)}</SubmitButton>
      </div>
    </Form>
  );
}
