/**
 * The custom metrics CSV file (decision 024), apart from app/domain/metric.ts: esbuild splits
 * the browser bundle by module, so rules kept beside the metric's own would ship the importer's
 * messages to every page that shows a metric (the company view's JavaScript budget).
 */
import { METRIC_SCALE } from "~/finance/metric-rollup";
import { METRIC_WHOLE_DIGITS, parseMetricValue, type MetricUnit } from "./metric";
import { isFutureMonth, readMonth, type ImportSpec } from "./csv-cells";
import { records_import_error_metricDuplicate } from "~/paraglide/messages/records_import_error_metricduplicate1.js";
import { records_import_error_metricFuture } from "~/paraglide/messages/records_import_error_metricfuture1.js";
import { records_import_error_metricKeyUnknown } from "~/paraglide/messages/records_import_error_metrickeyunknown2.js";
import { records_import_error_metricPercentSign } from "~/paraglide/messages/records_import_error_metricpercentsign2.js";
import { records_import_error_metricPrecision } from "~/paraglide/messages/records_import_error_metricprecision1.js";
import { records_import_error_metricTooLarge } from "~/paraglide/messages/records_import_error_metrictoolarge2.js";
import { records_import_error_metricValue } from "~/paraglide/messages/records_import_error_metricvalue1.js";

/** What the importer needs to know of each of the org's metrics: its column and its unit. */
export interface MetricColumn {
  key: string;
  unit: MetricUnit;
}

/** One month of a metrics CSV file: values by metric key; a blank cell is absent (left as it is on import). */
export interface MetricImportRow {
  month: string;
  values: Record<string, string>;
}

/**
 * How a metrics file's row reads (decision 024): `month` and one column per metric key, the
 * shape the export writes. The columns are the org's keys, so the spec is made per org. Any
 * metric column may be left out of the file; a column no metric has is refused by name.
 */
export function metricImportSpec(metrics: readonly MetricColumn[]): ImportSpec<MetricImportRow> {
  const units = new Map(metrics.map((m) => [m.key, m.unit]));
  return {
    columns: ["month", ...metrics.map((m) => m.key)],
    required: ["month"],
    unknownColumn: (column, t) => t(records_import_error_metricKeyUnknown, { column }),
    toRow(cells, issue, current, _options, t) {
      const month = readMonth(cells.month ?? "", issue, t);
      const future = isFutureMonth(month, current);
      if (future) issue("month", t(records_import_error_metricFuture, { month, current }));
      const values: Record<string, string> = {};
      let valid = month !== null && !future;
      for (const [column, cell] of Object.entries(cells)) {
        const unit = units.get(column);
        if (column === "month" || unit === undefined || cell === "") continue;
        if (unit !== "percent" && cell.trim().endsWith("%")) {
          issue(column, t(records_import_error_metricPercentSign, { value: cell, column }));
          valid = false;
          continue;
        }
        const parsed = parseMetricValue(cell);
        if (!parsed.ok) {
          const message =
            parsed.problem === "precision"
              ? t(records_import_error_metricPrecision, { value: cell, places: METRIC_SCALE })
              : parsed.problem === "tooLarge"
                ? t(records_import_error_metricTooLarge, { value: cell, digits: METRIC_WHOLE_DIGITS })
                : t(records_import_error_metricValue, { value: cell });
          issue(column, message);
          valid = false;
          continue;
        }
        values[column] = parsed.value;
      }
      return valid && month !== null ? { month, values } : null;
    },
    key: (row) => row.month,
    duplicate: (row, firstLine, t) => ({ column: "month", message: t(records_import_error_metricDuplicate, { month: row.month, line: String(firstLine) }) }),
  };
}
