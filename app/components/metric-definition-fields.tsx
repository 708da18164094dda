import { Field, keyedOptions, SelectField } from "~/components/ui/form";
import { fieldBinder } from "~/components/ui/record-form";
import { METRIC_DIRECTION_KEYS, METRIC_DIRECTIONS, METRIC_ROLLUP_KEYS, METRIC_ROLLUPS, METRIC_UNIT_KEYS, METRIC_UNITS } from "~/domain/metric";
import { useT } from "~/i18n";
import { records_metric_field_direction } from "~/paraglide/messages/records_metric_field_direction.js";
import { records_metric_field_key } from "~/paraglide/messages/records_metric_field_key.js";
import { records_metric_field_keyHint } from "~/paraglide/messages/records_metric_field_keyhint1.js";
import { records_metric_field_nameEn } from "~/paraglide/messages/records_metric_field_nameen1.js";
import { records_metric_field_nameZh } from "~/paraglide/messages/records_metric_field_namezh1.js";
import { records_metric_field_rollup } from "~/paraglide/messages/records_metric_field_rollup.js";
import { records_metric_field_unit } from "~/paraglide/messages/records_metric_field_unit.js";

type DefinitionField = "nameEn" | "nameZh" | "key" | "unit" | "direction" | "rollup";

/**
 * A custom metric's definition fields (decision 024), the same when it is defined and when it is
 * edited: names in both languages, key, unit, direction and roll-up. `value` gives each field's
 * starting text (what was typed after a refusal, else the saved or template value).
 */
export function MetricDefinitionFields({ value, errors }: { value: (field: DefinitionField) => string; errors: Partial<Record<string, string>> }) {
  const t = useT();
  const field = fieldBinder(value, errors);
  return (
    <>
      <Field label={t(records_metric_field_nameEn)} {...field("nameEn")} maxLength={80} />
      <Field label={t(records_metric_field_nameZh)} {...field("nameZh")} maxLength={80} />
      <Field label={t(records_metric_field_key)} {...field("key")} hint={t(records_metric_field_keyHint)} maxLength={40} />
      <SelectField
        label={t(records_metric_field_unit)}
        {...field("unit")}
        defaultValue={value("unit") || "count"}
        options={keyedOptions(t, METRIC_UNITS, METRIC_UNIT_KEYS)}
      />
      <SelectField
        label={t(records_metric_field_direction)}
        {...field("direction")}
        defaultValue={value("direction") || "higher_is_better"}
        options={keyedOptions(t, METRIC_DIRECTIONS, METRIC_DIRECTION_KEYS)}
      />
      <SelectField
        label={t(records_metric_field_rollup)}
        {...field("rollup")}
        defaultValue={value("rollup") || "last"}
        options={keyedOptions(t, METRIC_ROLLUPS, METRIC_ROLLUP_KEYS)}
      />
    </>
  );
}
