import { decimalToScaled, METRIC_SCALE, scaledToDecimal } from "~/finance/metric-rollup";
import { messageRef, type MessageRef, type PlainKey } from "~/i18n/translate";
import { records_metric_dir_higher_is_better } from "~/paraglide/messages/records_metric_dir_higher_is_better.js";
import { records_metric_dir_lower_is_better } from "~/paraglide/messages/records_metric_dir_lower_is_better.js";
import { records_metric_error_valueFormat } from "~/paraglide/messages/records_metric_error_valueformat1.js";
import { records_metric_error_valuePrecision } from "~/paraglide/messages/records_metric_error_valueprecision1.js";
import { records_metric_error_valueTooLarge } from "~/paraglide/messages/records_metric_error_valuetoolarge2.js";
import { records_metric_rollup_average } from "~/paraglide/messages/records_metric_rollup_average.js";
import { records_metric_rollup_last } from "~/paraglide/messages/records_metric_rollup_last.js";
import { records_metric_rollup_sum } from "~/paraglide/messages/records_metric_rollup_sum.js";
import { records_metric_template_gpu_hours } from "~/paraglide/messages/records_metric_template_gpu_hours.js";
import { records_metric_template_gross_margin } from "~/paraglide/messages/records_metric_template_gross_margin.js";
import { records_metric_template_inference_cost_per_m_tokens } from "~/paraglide/messages/records_metric_template_inference_cost_per_m_tokens.js";
import { records_metric_template_model_training_spend } from "~/paraglide/messages/records_metric_template_model_training_spend.js";
import { records_metric_template_net_revenue_retention } from "~/paraglide/messages/records_metric_template_net_revenue_retention.js";
import { records_metric_template_paying_customers } from "~/paraglide/messages/records_metric_template_paying_customers.js";
import { records_metric_template_tokens_served } from "~/paraglide/messages/records_metric_template_tokens_served.js";
import { records_metric_unit_count } from "~/paraglide/messages/records_metric_unit_count.js";
import { records_metric_unit_currency } from "~/paraglide/messages/records_metric_unit_currency.js";
import { records_metric_unit_duration } from "~/paraglide/messages/records_metric_unit_duration.js";
import { records_metric_unit_percent } from "~/paraglide/messages/records_metric_unit_percent.js";
import { records_metric_unit_ratio } from "~/paraglide/messages/records_metric_unit_ratio.js";

// A custom metric's rules, once (decision 024): the define and value forms
// (./metric.form.ts), the CSV importer and the model (app/models/metric.server.ts) all read
// them here. No zod: the import page runs this in the browser.

export const METRIC_UNITS = ["currency", "count", "percent", "ratio", "duration"] as const;
export const METRIC_DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export const METRIC_ROLLUPS = ["sum", "last", "average"] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
export type MetricRollupKind = (typeof METRIC_ROLLUPS)[number];

/** A key: lower-case letters, digits and underscores, starting with a letter; the CSV column and what a request names. */
export const METRIC_KEY_RE = /^[a-z][a-z0-9_]{0,39}$/;
export const METRIC_KEY_MAX = 40;
export const METRIC_NAME_MAX = 80;
/** Whole digits a value may have (numeric(24, 6)). */
export const METRIC_WHOLE_DIGITS = 18;
/** Keys the CSV file already uses for itself. */
export const RESERVED_METRIC_KEYS = ["month"] as const;

export const METRIC_UNIT_KEYS: Record<MetricUnit, PlainKey> = {
  currency: records_metric_unit_currency,
  count: records_metric_unit_count,
  percent: records_metric_unit_percent,
  ratio: records_metric_unit_ratio,
  duration: records_metric_unit_duration,
};
export const METRIC_DIRECTION_KEYS: Record<MetricDirection, PlainKey> = {
  higher_is_better: records_metric_dir_higher_is_better,
  lower_is_better: records_metric_dir_lower_is_better,
};
export const METRIC_ROLLUP_KEYS: Record<MetricRollupKind, PlainKey> = {
  sum: records_metric_rollup_sum,
  last: records_metric_rollup_last,
  average: records_metric_rollup_average,
};

export interface MetricTemplate {
  key: string;
  /** The name in each language comes from this message, so a template fills both names at once. */
  name: PlainKey;
  unit: MetricUnit;
  direction: MetricDirection;
  rollup: MetricRollupKind;
}

/** Metrics AI companies report (issue #17), offered when a metric is defined. */
export const AI_METRIC_TEMPLATES: readonly MetricTemplate[] = [
  { key: "tokens_served", name: records_metric_template_tokens_served, unit: "count", direction: "higher_is_better", rollup: "sum" },
  { key: "gpu_hours", name: records_metric_template_gpu_hours, unit: "duration", direction: "lower_is_better", rollup: "sum" },
  {
    key: "inference_cost_per_m_tokens",
    name: records_metric_template_inference_cost_per_m_tokens,
    unit: "currency",
    direction: "lower_is_better",
    rollup: "average",
  },
  { key: "gross_margin", name: records_metric_template_gross_margin, unit: "percent", direction: "higher_is_better", rollup: "average" },
  { key: "paying_customers", name: records_metric_template_paying_customers, unit: "count", direction: "higher_is_better", rollup: "last" },
  { key: "net_revenue_retention", name: records_metric_template_net_revenue_retention, unit: "percent", direction: "higher_is_better", rollup: "last" },
  { key: "model_training_spend", name: records_metric_template_model_training_spend, unit: "currency", direction: "lower_is_better", rollup: "sum" },
];

export function findMetricTemplate(key: string): MetricTemplate | undefined {
  return AI_METRIC_TEMPLATES.find((t) => t.key === key);
}

export const isMetricUnit = (v: unknown): v is MetricUnit => typeof v === "string" && (METRIC_UNITS as readonly string[]).includes(v);
export const isMetricDirection = (v: unknown): v is MetricDirection => typeof v === "string" && (METRIC_DIRECTIONS as readonly string[]).includes(v);
export const isMetricRollup = (v: unknown): v is MetricRollupKind => typeof v === "string" && (METRIC_ROLLUPS as readonly string[]).includes(v);

/** A key made from a name ("Tokens served (M)" → "tokens_served_m"); "" when nothing usable is left. */
export function metricKeyFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[_0-9]+|_+$/g, "")
    .slice(0, METRIC_KEY_MAX)
    .replace(/_+$/, "");
  return slug;
}

export type MetricValueProblem = "format" | "precision" | "tooLarge";
export type MetricValueParse = { ok: true; value: string } | { ok: false; problem: MetricValueProblem };

/**
 * Reads a value as a person types it — `1234.5`, `1,234.5`, `-3`, `62.5%` (for a percent),
 * full-width digits — into the exact decimal string stored (`1234.5`). Never through a float.
 * A percent is stored as written: `62.5` means 62.5 %.
 */
export function parseMetricValue(input: string): MetricValueParse {
  let text = input.normalize("NFKC").replace(/[\s_]/g, "").replace(/−/g, "-");
  text = text.replace(/%$/, "");
  const match = /^(-?)([\d,]*\d|)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[2] === "" && match[3] === undefined)) return { ok: false, problem: "format" };
  const [, sign = "", whole = "", fraction = ""] = match;
  if (whole.includes(",") && !/^\d{1,3}(,\d{3})+$/.test(whole)) return { ok: false, problem: "format" };
  const digits = whole.replace(/,/g, "").replace(/^0+(?=\d)/, "") || "0";
  if (digits.length > METRIC_WHOLE_DIGITS) return { ok: false, problem: "tooLarge" };
  if (fraction.replace(/0+$/, "").length > METRIC_SCALE) return { ok: false, problem: "precision" };
  const scaled = decimalToScaled(`${sign}${digits}${fraction ? `.${fraction}` : ""}`);
  if (scaled === null) return { ok: false, problem: "format" };
  return { ok: true, value: scaledToDecimal(scaled) };
}

export function metricValueProblemMessage(problem: MetricValueProblem): MessageRef {
  if (problem === "precision") return messageRef(records_metric_error_valuePrecision, { places: METRIC_SCALE });
  if (problem === "tooLarge") return messageRef(records_metric_error_valueTooLarge, { digits: METRIC_WHOLE_DIGITS });
  return messageRef(records_metric_error_valueFormat);
}

/** A stored value is what parseMetricValue gives back unchanged: the model's check of direct callers. */
export function isMetricValue(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const parsed = parseMetricValue(value);
  return parsed.ok && parsed.value === value;
}
