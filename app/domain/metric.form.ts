import { z } from "zod";
import { zodMessage, refAsZodMessage } from "~/i18n/zod-messages";
import { confirmedField, optionalVersionField, versionField } from "./fields";
import {
  METRIC_DIRECTIONS,
  METRIC_KEY_RE,
  METRIC_NAME_MAX,
  METRIC_ROLLUPS,
  METRIC_UNITS,
  metricKeyFromName,
  metricValueProblemMessage,
  parseMetricValue,
  RESERVED_METRIC_KEYS,
} from "./metric";
import { records_metric_error_confirmDelete } from "~/paraglide/messages/records_metric_error_confirmdelete1.js";
import { records_metric_error_direction } from "~/paraglide/messages/records_metric_error_direction.js";
import { records_metric_error_keyInvalid } from "~/paraglide/messages/records_metric_error_keyinvalid1.js";
import { records_metric_error_nameEnRequired } from "~/paraglide/messages/records_metric_error_nameenrequired2.js";
import { records_metric_error_nameTooLong } from "~/paraglide/messages/records_metric_error_nametoolong2.js";
import { records_metric_error_nameZhRequired } from "~/paraglide/messages/records_metric_error_namezhrequired2.js";
import { records_metric_error_rollup } from "~/paraglide/messages/records_metric_error_rollup.js";
import { records_metric_error_unit } from "~/paraglide/messages/records_metric_error_unit.js";
import { records_metric_error_valueRequired } from "~/paraglide/messages/records_metric_error_valuerequired1.js";

// The metric forms' schemas, on the rules of ./metric.ts. Built on first use, so a page that
// imports this module for its types does not evaluate zod in the browser.

const nameField = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(METRIC_NAME_MAX, zodMessage(records_metric_error_nameTooLong, { max: METRIC_NAME_MAX }));

const isUsableKey = (key: string) => METRIC_KEY_RE.test(key) && !(RESERVED_METRIC_KEYS as readonly string[]).includes(key);

/** Defining or editing a metric. A blank key is made from the English name. */
export function metricDefinitionSchema() {
  const keyInvalid = zodMessage(records_metric_error_keyInvalid);
  return z
    .object({
      key: z
        .string()
        .trim()
        .toLowerCase()
        .optional()
        .refine((v) => !v || isUsableKey(v), keyInvalid),
      nameEn: nameField(zodMessage(records_metric_error_nameEnRequired)),
      nameZh: nameField(zodMessage(records_metric_error_nameZhRequired)),
      unit: z.enum(METRIC_UNITS, { error: zodMessage(records_metric_error_unit) }),
      direction: z.enum(METRIC_DIRECTIONS, { error: zodMessage(records_metric_error_direction) }),
      rollup: z.enum(METRIC_ROLLUPS, { error: zodMessage(records_metric_error_rollup) }),
    })
    .transform((v) => ({ ...v, key: v.key ? v.key : metricKeyFromName(v.nameEn) }))
    .superRefine((v, ctx) => {
      // A key made from the English name may still be unusable (a name in Chinese only).
      if (!isUsableKey(v.key)) {
        ctx.addIssue({ code: "custom", path: ["key"], message: keyInvalid });
      }
    });
}
export type MetricDefinitionInput = z.output<ReturnType<typeof metricDefinitionSchema>>;

export const metricDefinitionUpdateSchema = () => z.intersection(metricDefinitionSchema(), z.object({ version: versionField() }));
export const metricDeleteSchema = () => z.object({ version: versionField(), confirm: confirmedField(zodMessage(records_metric_error_confirmDelete)) });

/**
 * One month's value: `version` blank for a month without one yet; a blank value with a
 * version clears the month (`clear=yes`), a blank value without asks for one.
 */
export function metricValueSchema() {
  return z
    .object({
      month: z.string().trim(),
      value: z.string().trim().default(""),
      version: optionalVersionField(),
    })
    .transform((v, ctx) => {
      if (v.value === "") {
        if (v.version === null) ctx.addIssue({ code: "custom", path: ["value"], message: zodMessage(records_metric_error_valueRequired) });
        return { month: v.month, version: v.version, value: null };
      }
      const parsed = parseMetricValue(v.value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", path: ["value"], message: refAsZodMessage(metricValueProblemMessage(parsed.problem)) });
        return z.NEVER;
      }
      return { month: v.month, version: v.version, value: parsed.value };
    });
}
export type MetricValueInput = z.output<ReturnType<typeof metricValueSchema>>;
