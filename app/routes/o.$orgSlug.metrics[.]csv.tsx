import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStartup } from "~/auth/tenant.server";
import { exportMetricTable, type MetricImportRow } from "~/models/metric.server";
import { csvResponse, type CsvColumn } from "~/server/csv.server";

/** `month` and a column per metric key, exact decimals: the file the import reads back. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const { keys, rows } = await exportMetricTable(ctx);
  const columns: CsvColumn<MetricImportRow>[] = [
    { header: "month", value: (r) => r.month },
    ...keys.map((key) => ({ header: key, value: (r: MetricImportRow) => r.values[key] ?? "" })),
  ];
  return csvResponse(`${ctx.org.slug}-metrics.csv`, rows, columns);
}
