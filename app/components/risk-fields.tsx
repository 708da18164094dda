import { Field, keyedOptions, SelectField, TextareaField } from "~/components/ui/form";
import { fieldBinder } from "~/components/ui/record-form";
import type { RiskBandThresholds } from "~/finance";
import { useLocale, useT } from "~/i18n";
import { IMPACT_KEYS, LIKELIHOOD_KEYS, RISK_CATEGORIES, RISK_CATEGORY_KEYS, RISK_STATUSES, RISK_STATUS_KEYS, riskScoreHint } from "~/domain/risk-labels";
import { records_col_category } from "~/paraglide/messages/records_col_category.js";
import { records_col_status } from "~/paraglide/messages/records_col_status.js";
import { records_risk_choose } from "~/paraglide/messages/records_risk_choose.js";
import { records_risk_field_title } from "~/paraglide/messages/records_risk_field_title.js";
import { records_risk_hint_mitigation } from "~/paraglide/messages/records_risk_hint_mitigation.js";
import { records_risk_hint_nextReview } from "~/paraglide/messages/records_risk_hint_nextreview1.js";
import { records_risk_hint_owner } from "~/paraglide/messages/records_risk_hint_owner.js";
import { records_risk_impact } from "~/paraglide/messages/records_risk_impact.js";
import { records_risk_level } from "~/paraglide/messages/records_risk_level.js";
import { records_risk_likelihood } from "~/paraglide/messages/records_risk_likelihood.js";
import { records_risk_mitigation } from "~/paraglide/messages/records_risk_mitigation.js";
import { records_risk_nextReview } from "~/paraglide/messages/records_risk_nextreview1.js";
import { records_risk_owner } from "~/paraglide/messages/records_risk_owner.js";

const LEVELS = [1, 2, 3, 4, 5] as const;

export interface RiskFieldValues {
  title: string;
  category: string;
  likelihood: number;
  impact: number;
  owner: string | null;
  mitigation: string | null;
  status: string;
  nextReviewDate: string | null;
}

/** What a field shows before the risk has a value for it (a new risk: likelihood and impact 3, status open). */
const STARTING_TEXT: Partial<Record<keyof RiskFieldValues, string>> = {
  category: "",
  likelihood: "3",
  impact: "3",
  owner: "",
  mitigation: "",
  status: "open",
  nextReviewDate: "",
};

/** The fields of a risk, shared by the add form here and the edit form on a risk's page. */
export function RiskFields({
  errors,
  values,
  bands,
}: {
  errors: Partial<Record<string, string>>;
  values?: RiskFieldValues;
  /** The org's risk bands, for the score hint. */
  bands: RiskBandThresholds;
}) {
  const t = useT();
  const locale = useLocale();
  const field = fieldBinder((name: keyof RiskFieldValues) => {
    const value = values?.[name];
    return value == null ? STARTING_TEXT[name] : String(value);
  }, errors);
  return (
    <>
      <Field label={t(records_risk_field_title)} {...field("title")} required maxLength={200} />
      <SelectField
        label={t(records_col_category)}
        {...field("category")}
        options={[{ value: "", label: t(records_risk_choose) }, ...keyedOptions(t, RISK_CATEGORIES, RISK_CATEGORY_KEYS)]}
      />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label={t(records_risk_likelihood)}
          {...field("likelihood")}
          options={LEVELS.map((l) => ({ value: String(l), label: t(records_risk_level, { level: l, name: t(LIKELIHOOD_KEYS[l]) }) }))}
        />
        <SelectField
          label={t(records_risk_impact)}
          {...field("impact")}
          options={LEVELS.map((l) => ({ value: String(l), label: t(records_risk_level, { level: l, name: t(IMPACT_KEYS[l]) }) }))}
        />
      </div>
      <p className="text-xs text-slate-500">{riskScoreHint(bands, locale)}</p>
      <Field label={t(records_risk_owner)} {...field("owner")} maxLength={120} hint={t(records_risk_hint_owner)} />
      <SelectField label={t(records_col_status)} {...field("status")} options={keyedOptions(t, RISK_STATUSES, RISK_STATUS_KEYS)} />
      <Field label={t(records_risk_nextReview)} {...field("nextReviewDate")} type="date" hint={t(records_risk_hint_nextReview)} />
      <TextareaField
        label={t(records_risk_mitigation)}
        {...field("mitigation")}
        rows={4}
        maxLength={5000}
        hint={t(records_risk_hint_mitigation, { max: 5000 })}
      />
    </>
  );
}
