import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requirePermission, requireStartup } from "~/auth/tenant.server";
import { MetricCard } from "~/components/dashboard/metric-cards";
import { TextLink } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { MetricDefinitionFields } from "~/components/metric-definition-fields";
import { Card, PageHeader } from "~/components/ui/layout";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { METRIC_DIRECTION_KEYS, METRIC_ROLLUP_KEYS, METRIC_UNIT_KEYS } from "~/domain/metric";
import { metricDefinitionUpdateSchema, metricDeleteSchema, metricValueSchema } from "~/domain/metric.form";
import { currentMonth } from "~/domain/monthly-report";
import { rollUpMetric } from "~/finance/metric-rollup";
import { addMonths } from "~/finance/month";
import { metaTitle, useFormat, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { monthText } from "~/i18n/months";
import { monthCell } from "~/i18n/display";
import { formatMetricValue, metricName } from "~/i18n/metric-format";
import { deleteMetric, getMetric, saveMetricValue, updateMetric } from "~/models/metric.server";
import { failureFromError, invalidForm, parseForm } from "~/server/forms.server";
import { AppError, notFound } from "~/server/http.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { common_action_deleting } from "~/paraglide/messages/common_action_deleting.js";
import { common_state_saved } from "~/paraglide/messages/common_state_saved.js";
import { records_action_saveChanges } from "~/paraglide/messages/records_action_savechanges1.js";
import { records_metric_all } from "~/paraglide/messages/records_metric_all.js";
import { records_metric_col_month } from "~/paraglide/messages/records_metric_col_month.js";
import { records_metric_col_period } from "~/paraglide/messages/records_metric_col_period.js";
import { records_metric_col_value } from "~/paraglide/messages/records_metric_col_value.js";
import { records_metric_delete } from "~/paraglide/messages/records_metric_delete.js";
import { records_metric_deleteConsequence } from "~/paraglide/messages/records_metric_deleteconsequence1.js";
import { records_metric_deleteTick } from "~/paraglide/messages/records_metric_deletetick1.js";
import { records_metric_deleteTitle } from "~/paraglide/messages/records_metric_deletetitle1.js";
import { records_metric_deleted } from "~/paraglide/messages/records_metric_deleted.js";
import { records_metric_editTitle } from "~/paraglide/messages/records_metric_edittitle1.js";
import { records_metric_enterTitle } from "~/paraglide/messages/records_metric_entertitle1.js";
import { records_metric_enterNote } from "~/paraglide/messages/records_metric_enternote1.js";
import { records_metric_field_month } from "~/paraglide/messages/records_metric_field_month.js";
import { records_metric_field_value } from "~/paraglide/messages/records_metric_field_value.js";
import { records_metric_history } from "~/paraglide/messages/records_metric_history.js";
import { records_metric_history_change } from "~/paraglide/messages/records_metric_history_change.js";
import { records_metric_history_empty } from "~/paraglide/messages/records_metric_history_empty.js";
import { records_metric_history_what } from "~/paraglide/messages/records_metric_history_what.js";
import { records_metric_history_when } from "~/paraglide/messages/records_metric_history_when.js";
import { records_metric_history_who } from "~/paraglide/messages/records_metric_history_who.js";
import { records_metric_history_formerMember } from "~/paraglide/messages/records_metric_history_formermember1.js";
import { records_metric_otherMonth } from "~/paraglide/messages/records_metric_othermonth1.js";
import { records_metric_quarters } from "~/paraglide/messages/records_metric_quarters.js";
import { records_metric_rowLabel } from "~/paraglide/messages/records_metric_rowlabel1.js";
import { records_metric_save } from "~/paraglide/messages/records_metric_save.js";
import { records_metric_noValue } from "~/paraglide/messages/records_metric_novalue1.js";
import { records_metric_valueSaved } from "~/paraglide/messages/records_metric_valuesaved1.js";
import { admin_audit_act_metric_create } from "~/paraglide/messages/admin_audit_act_metric_create.js";
import { admin_audit_act_metric_update } from "~/paraglide/messages/admin_audit_act_metric_update.js";
import { admin_audit_act_metric_value_clear } from "~/paraglide/messages/admin_audit_act_metric_value_clear.js";
import { admin_audit_act_metric_value_save } from "~/paraglide/messages/admin_audit_act_metric_value_save.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_metric_all)];

/** Months offered for entry: the last twelve up to this one, plus every month that has a value. */
const ENTRY_MONTHS = 12;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  try {
    const metric = await getMetric(ctx, params.metricId ?? "");
    const latest = currentMonth();
    const recent = Array.from({ length: ENTRY_MONTHS }, (_, i) => addMonths(latest, -i));
    const months = [...new Set([...recent, ...metric.values.map((v) => v.month)])].sort().reverse();
    return json({
      metric,
      months,
      latest,
      currency: ctx.org.baseCurrency,
      base: `/o/${ctx.org.slug}/metrics`,
      canEdit: can(ctx.role, "edit:records"),
      canDefine: can(ctx.role, "define:metrics"),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  const metricId = params.metricId ?? "";
  const locale = getLocale(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const base = `/o/${ctx.org.slug}/metrics`;
  try {
    if (intent === "definition" || intent === "delete") {
      requirePermission(ctx, "define:metrics");
      if (intent === "delete") {
        const parsed = parseForm(metricDeleteSchema(), formData);
        if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
        await deleteMetric(ctx, metricId, parsed.data.version);
        return redirectWithToast(base, toast(records_metric_deleted));
      }
      const parsed = parseForm(metricDefinitionUpdateSchema(), formData);
      if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
      const { version, ...input } = parsed.data;
      await updateMetric(ctx, metricId, version, input);
      return redirectWithToast(`${base}/${metricId}`, toast(common_state_saved));
    }
    const parsed = parseForm(metricValueSchema(), formData);
    if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
    const { month, version, value } = parsed.data;
    await saveMetricValue(ctx, metricId, month, version, value);
    return redirectWithToast(`${base}/${metricId}`, toast(records_metric_valueSaved, { month: monthText(locale, month) }));
  } catch (error) {
    return failureFromError(error, locale, { values: formData });
  }
}

const HISTORY_ACTIONS = {
  "metric.create": admin_audit_act_metric_create,
  "metric.update": admin_audit_act_metric_update,
  "metric_value.save": admin_audit_act_metric_value_save,
  "metric_value.clear": admin_audit_act_metric_value_clear,
} as const;

export default function MetricPage() {
  const { metric, months, currency, base, canEdit, canDefine } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.fieldErrors ?? {};
  const typed = failed && "values" in failed ? (failed.values ?? {}) : {};
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const name = metricName(locale, metric);
  const byMonth = new Map(metric.values.map((v) => [v.month, v]));
  const format = (value: string | null) => formatMetricValue(locale, value, metric.unit, currency);
  const quarters = rollUpMetric(metric.values, metric.rollup, "quarter").slice(-8).reverse();
  const valueError = typed.intent === "value" || typed.intent === undefined ? errors.value : undefined;
  const defined = (field: "key" | "nameEn" | "nameZh" | "unit" | "direction" | "rollup") =>
    typed.intent === "definition" ? (typed[field] ?? metric[field]) : metric[field];

  return (
    <>
      <PageHeader
        title={name}
        description={`${metric.key} · ${t(METRIC_UNIT_KEYS[metric.unit])} · ${t(METRIC_DIRECTION_KEYS[metric.direction])} · ${t(METRIC_ROLLUP_KEYS[metric.rollup])}`}
        actions={<TextLink to={base}>{t(records_metric_all)}</TextLink>}
      />
      <div className="space-y-6">
        {failed?.formError ? (
          <div className="space-y-1">
            <FormError error={failed.formError} />
            {failed.conflict ? <ConflictNotice /> : null}
          </div>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <MetricCard metric={metric} currency={currency} />
          <Card title={t(records_metric_quarters)}>
            {quarters.length === 0 ? (
              <p className="text-sm text-slate-600">{t(records_metric_noValue)}</p>
            ) : (
              <Table caption={t(records_metric_quarters)}>
                <ColumnHeads heads={[t(records_metric_col_period), { label: t(records_metric_col_value), numeric: true }]} />
                <tbody>
                  {quarters.map((q) => (
                    <Tr key={q.period}>
                      <Td>{q.period}</Td>
                      <Td numeric last>
                        {format(q.value)}
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>

        <Card title={t(records_metric_enterTitle)}>
          <p className="mb-3 text-xs text-slate-600">{t(records_metric_enterNote)}</p>
          <Table caption={t(records_metric_enterTitle)}>
            <ColumnHeads heads={[t(records_metric_col_month), t(records_metric_col_value)]} />
            <tbody>
              {months.map((month) => {
                const saved = byMonth.get(month);
                const mine = typed.month === month;
                const inputId = `value-${month}`;
                return (
                  <Tr key={month}>
                    <Td>{monthCell(t, month)}</Td>
                    <Td last>
                      {canEdit ? (
                        <Form method="post" className="flex flex-wrap items-center gap-2" key={`${month}-${saved?.version ?? 0}`}>
                          <input type="hidden" name="intent" value="value" />
                          <input type="hidden" name="month" value={month} />
                          <input type="hidden" name="version" value={saved?.version ?? ""} />
                          <input
                            id={inputId}
                            name="value"
                            inputMode="decimal"
                            defaultValue={mine ? (typed.value ?? "") : (saved?.value ?? "")}
                            aria-label={t(records_metric_rowLabel, { name, month: monthCell(t, month) })}
                            aria-invalid={mine && valueError ? true : undefined}
                            aria-describedby={mine && valueError ? `${inputId}-error` : undefined}
                            className="w-40 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums aria-[invalid=true]:border-red-500"
                          />
                          <SubmitButton variant="secondary">{t(records_metric_save)}</SubmitButton>
                          {mine && valueError ? (
                            <p id={`${inputId}-error`} className="w-full text-sm text-red-700">
                              {valueError}
                            </p>
                          ) : null}
                        </Form>
                      ) : (
                        <span className="tabular-nums">{saved ? format(saved.value) : t(records_metric_noValue)}</span>
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </tbody>
          </Table>
          {canEdit ? (
            <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="value" />
              <Field
                label={t(records_metric_field_month)}
                name="month"
                type="month"
                error={typed.month && !months.includes(typed.month) ? errors.month : undefined}
                defaultValue=""
                id="other-month"
              />
              <Field
                label={t(records_metric_field_value)}
                name="value"
                inputMode="decimal"
                id="other-value"
                error={typed.month && !months.includes(typed.month) ? errors.value : undefined}
              />
              <SubmitButton>{t(records_metric_otherMonth)}</SubmitButton>
            </Form>
          ) : null}
        </Card>

        {canDefine ? (
          <Card title={t(records_metric_editTitle)}>
            <Form method="post" className="grid gap-4 md:grid-cols-2" noValidate>
              <input type="hidden" name="version" value={metric.version} />
              <MetricDefinitionFields value={defined} errors={errors} />
              <div className="md:col-span-2">
                <SubmitButton intent="definition">{t(records_action_saveChanges)}</SubmitButton>
              </div>
            </Form>
            <Form method="post" className="mt-6 border-t border-slate-200 pt-4">
              <input type="hidden" name="version" value={metric.version} />
              <ConfirmAction
                intent="delete"
                texts={{
                  action: t(records_metric_delete),
                  title: t(records_metric_deleteTitle, { name }),
                  consequence: t(records_metric_deleteConsequence),
                  tick: t(records_metric_deleteTick),
                  pending: t(common_action_deleting),
                }}
                error={errors.confirm}
              />
            </Form>
          </Card>
        ) : null}

        <Card title={t(records_metric_history)}>
          {metric.history.length === 0 ? (
            <p className="text-sm text-slate-600">{t(records_metric_history_empty)}</p>
          ) : (
            <Table caption={t(records_metric_history)}>
              <ColumnHeads
                heads={[t(records_metric_history_when), t(records_metric_history_who), t(records_metric_history_what), t(records_metric_history_change)]}
              />
              <tbody>
                {metric.history.map((h) => {
                  const label = h.action in HISTORY_ACTIONS ? t(HISTORY_ACTIONS[h.action as keyof typeof HISTORY_ACTIONS]) : h.action;
                  return (
                    <Tr key={h.id}>
                      <Td>{f.dateTime(h.at)}</Td>
                      <Td>{h.by ?? t(records_metric_history_formerMember)}</Td>
                      <Td>
                        {label}
                        {h.month ? ` · ${monthCell(t, h.month)}` : ""}
                      </Td>
                      <Td last className="tabular-nums">
                        {h.month ? `${format(h.before)} → ${format(h.after)}` : ""}
                      </Td>
                    </Tr>
                  );
                })}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
