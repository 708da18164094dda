import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requirePermission, requireStartup } from "~/auth/tenant.server";
import { TextLink } from "~/components/ui/button";
import { failureOf, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { MetricDefinitionFields } from "~/components/metric-definition-fields";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { AI_METRIC_TEMPLATES, findMetricTemplate, METRIC_ROLLUP_KEYS, METRIC_UNIT_KEYS } from "~/domain/metric";
import { metricDefinitionSchema } from "~/domain/metric.form";
import { metaTitle, translate, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { monthCell } from "~/i18n/display";
import { formatMetricValue, metricName } from "~/i18n/metric-format";
import { defineMetric, listMetrics } from "~/models/metric.server";
import { failureFromError, invalidForm, parseForm } from "~/server/forms.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { records_metric_col_latest } from "~/paraglide/messages/records_metric_col_latest.js";
import { records_metric_col_name } from "~/paraglide/messages/records_metric_col_name.js";
import { records_metric_col_rollup } from "~/paraglide/messages/records_metric_col_rollup.js";
import { records_metric_col_unit } from "~/paraglide/messages/records_metric_col_unit.js";
import { records_metric_defined } from "~/paraglide/messages/records_metric_defined.js";
import { records_metric_import } from "~/paraglide/messages/records_metric_import.js";
import { records_metric_list_caption } from "~/paraglide/messages/records_metric_list_caption.js";
import { records_metric_list_define } from "~/paraglide/messages/records_metric_list_define.js";
import { records_metric_list_defineTitle } from "~/paraglide/messages/records_metric_list_definetitle1.js";
import { records_metric_list_description } from "~/paraglide/messages/records_metric_list_description.js";
import { records_metric_list_emptyEditor } from "~/paraglide/messages/records_metric_list_emptyeditor1.js";
import { records_metric_list_emptyTitle } from "~/paraglide/messages/records_metric_list_emptytitle1.js";
import { records_metric_list_emptyViewer } from "~/paraglide/messages/records_metric_list_emptyviewer1.js";
import { records_metric_list_title } from "~/paraglide/messages/records_metric_list_title.js";
import { records_metric_list_useTemplate } from "~/paraglide/messages/records_metric_list_usetemplate1.js";
import { records_metric_list_templates } from "~/paraglide/messages/records_metric_list_templates.js";
import { records_metric_list_templatesNote } from "~/paraglide/messages/records_metric_list_templatesnote1.js";
import { records_metric_noValue } from "~/paraglide/messages/records_metric_novalue1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_metric_list_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const metrics = await listMetrics(ctx);
  const template = findMetricTemplate(new URL(request.url).searchParams.get("template") ?? "");
  // A template fills the form in both languages at once: its name message, rendered in each.
  const prefill = template
    ? {
        key: template.key,
        nameEn: translate("en", template.name),
        nameZh: translate("zh-CN", template.name),
        unit: template.unit,
        direction: template.direction,
        rollup: template.rollup,
      }
    : null;
  const taken = new Set(metrics.map((m) => m.key));
  return json({
    metrics: metrics.map(({ values, ...m }) => ({ ...m, latest: values.at(-1) ?? null })),
    base: `/o/${ctx.org.slug}/metrics`,
    currency: ctx.org.baseCurrency,
    canDefine: can(ctx.role, "define:metrics"),
    canEdit: can(ctx.role, "edit:records"),
    templates: AI_METRIC_TEMPLATES.filter((t) => !taken.has(t.key)).map((t) => t.key),
    prefill,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  requirePermission(ctx, "define:metrics");
  const locale = getLocale(request);
  const formData = await request.formData();
  const parsed = parseForm(metricDefinitionSchema(), formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
  try {
    const metric = await defineMetric(ctx, parsed.data);
    return redirectWithToast(
      `/o/${ctx.org.slug}/metrics/${metric.id}`,
      toast(records_metric_defined, { name: locale === "zh-CN" ? metric.nameZh : metric.nameEn }),
    );
  } catch (error) {
    return failureFromError(error, locale, { values: formData });
  }
}

export default function Metrics() {
  const { base, metrics, currency, canDefine, canEdit, templates, prefill } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, formError } = failureOf(result);
  const typed = result && !result.ok && "values" in result ? (result.values ?? {}) : {};
  const t = useT();
  const locale = useLocale();
  const value = (name: "key" | "nameEn" | "nameZh" | "unit" | "direction" | "rollup") => typed[name] ?? prefill?.[name] ?? "";
  // A new form (key) when a template is chosen, so its defaults replace what was there.
  const formKey = prefill?.key ?? "blank";
  return (
    <>
      <PageHeader
        title={t(records_metric_list_title)}
        description={t(records_metric_list_description)}
        actions={
          <span className="flex gap-4 text-sm">
            <a href={`${base}.csv`} className="text-indigo-700 underline" download>
              {t(common_action_exportCsv)}
            </a>
            {canEdit && metrics.length > 0 ? <TextLink to={`${base}/import`}>{t(records_metric_import)}</TextLink> : null}
          </span>
        }
      />
      <div className="space-y-6">
        {metrics.length === 0 ? (
          <EmptyState title={t(records_metric_list_emptyTitle)}>{t(canDefine ? records_metric_list_emptyEditor : records_metric_list_emptyViewer)}</EmptyState>
        ) : (
          <Card>
            <Table caption={t(records_metric_list_caption)}>
              {/* On a phone the unit and roll-up sit under the name: four columns do not fit 375 px. */}
              <ColumnHeads
                heads={[
                  t(records_metric_col_name),
                  { label: t(records_metric_col_unit), className: "hidden sm:table-cell" },
                  { label: t(records_metric_col_rollup), className: "hidden sm:table-cell" },
                  { label: t(records_metric_col_latest), numeric: true },
                ]}
              />
              <tbody>
                {metrics.map((m) => (
                  <Tr key={m.id}>
                    <Td>
                      <TextLink to={`${base}/${m.id}`}>{metricName(locale, m)}</TextLink> <code className="break-all text-xs text-slate-500">{m.key}</code>
                      <span className="block text-xs text-slate-600 sm:hidden">
                        {t(METRIC_UNIT_KEYS[m.unit])} · {t(METRIC_ROLLUP_KEYS[m.rollup])}
                      </span>
                    </Td>
                    <Td className="hidden sm:table-cell">{t(METRIC_UNIT_KEYS[m.unit])}</Td>
                    <Td className="hidden sm:table-cell">{t(METRIC_ROLLUP_KEYS[m.rollup])}</Td>
                    <Td numeric last>
                      {m.latest ? (
                        <>
                          <span className="whitespace-nowrap">{formatMetricValue(locale, m.latest.value, m.unit, currency)}</span>{" "}
                          <span className="block text-xs text-slate-600 sm:inline sm:text-sm">({monthCell(t, m.latest.month)})</span>
                        </>
                      ) : (
                        t(records_metric_noValue)
                      )}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </Card>
        )}
        {canDefine ? (
          <Card title={t(records_metric_list_defineTitle)}>
            {templates.length > 0 ? (
              <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
                <SelectField
                  label={t(records_metric_list_templates)}
                  name="template"
                  defaultValue={prefill?.key ?? templates[0]}
                  options={templates.map((key) => ({ value: key, label: t(findMetricTemplate(key)!.name) }))}
                />
                <SubmitButton variant="secondary">{t(records_metric_list_useTemplate)}</SubmitButton>
                <p className="w-full text-xs text-slate-500">{t(records_metric_list_templatesNote)}</p>
              </Form>
            ) : null}
            <Form method="post" key={formKey} className="grid gap-4 md:grid-cols-2" noValidate>
              <FormError error={formError} />
              <MetricDefinitionFields value={value} errors={errors} />
              <div className="md:col-span-2">
                <SubmitButton>{t(records_metric_list_define)}</SubmitButton>
              </div>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
