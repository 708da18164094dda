import "~/page-kit";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStartup } from "~/auth/tenant.server";
import { CsvImportPage } from "~/components/csv-import";
import { EARLIEST_IMPORT_MONTH } from "~/domain/csv-import";
import { METRIC_UNIT_KEYS, METRIC_WHOLE_DIGITS } from "~/domain/metric";
import { metaTitle, useLocale, useT } from "~/i18n";
import { metricName } from "~/i18n/metric-format";
import { handleImportAction } from "~/models/csv-import.server";
import { listMetrics } from "~/models/metric.server";
import { records_import_note_idempotent } from "~/paraglide/messages/records_import_note_idempotent.js";
import { records_metricImport_back } from "~/paraglide/messages/records_metricimport_back1.js";
import { records_metricImport_col_metric } from "~/paraglide/messages/records_metricimport_col_metric1.js";
import { records_metricImport_col_month } from "~/paraglide/messages/records_metricimport_col_month1.js";
import { records_metricImport_description } from "~/paraglide/messages/records_metricimport_description1.js";
import { records_metricImport_note_blank } from "~/paraglide/messages/records_metricimport_note_blank1.js";
import { records_metricImport_note_columns } from "~/paraglide/messages/records_metricimport_note_columns1.js";
import { records_metricImport_note_values } from "~/paraglide/messages/records_metricimport_note_values1.js";
import { records_metricImport_sample } from "~/paraglide/messages/records_metricimport_sample1.js";
import { records_metricImport_title } from "~/paraglide/messages/records_metricimport_title1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_metricImport_title)];

// Custom metric values from a CSV file (decision 024): `month` and a column per metric key, the
// shape the export (`/o/<slug>/metrics.csv`) writes. Members and up, as for a value edit.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  const metrics = await listMetrics(ctx);
  return json({
    slug: ctx.org.slug,
    currency: ctx.org.baseCurrency,
    metrics: metrics.map((m) => ({ key: m.key, unit: m.unit, nameEn: m.nameEn, nameZh: m.nameZh })).sort((a, b) => (a.key < b.key ? -1 : 1)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return handleImportAction(request, ctx, "metrics");
}

export default function ImportMetricValues() {
  const { slug, currency, metrics } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <CsvImportPage
      kind="metrics"
      metrics={metrics.map(({ key, unit }) => ({ key, unit }))}
      title={t(records_metricImport_title)}
      description={t(records_metricImport_description)}
      sampleHref={`/o/${slug}/metrics.csv`}
      sampleLabel={t(records_metricImport_sample)}
      backHref={`/o/${slug}/metrics`}
      backLabel={t(records_metricImport_back)}
      columnGuide={[
        ["month", t(records_metricImport_col_month, { earliest: EARLIEST_IMPORT_MONTH })],
        ...metrics.map((m): [string, string] => [
          m.key,
          t(records_metricImport_col_metric, { name: metricName(locale, m), unit: t(METRIC_UNIT_KEYS[m.unit]) }),
        ]),
      ]}
      notes={[
        t(records_metricImport_note_columns),
        t(records_metricImport_note_values, { currency, digits: METRIC_WHOLE_DIGITS }),
        t(records_metricImport_note_blank),
        t(records_import_note_idempotent),
      ]}
    />
  );
}
