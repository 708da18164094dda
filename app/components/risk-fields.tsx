import { Field, keyedOptions, SelectField, TextareaField } from "~/components/ui/form";
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
  return (
    <>
      <Field label={t(records_risk_field_title)} name="title" required maxLength={200} defaultValue={values?.title} error={errors.title} />
      <SelectField
        label={t(records_col_category)}
        name="category"
        defaultValue={values?.category ?? ""}
        error={errors.category}
        options={[{ value: "", label: t(records_risk_choose) }, ...keyedOptions(t, RISK_CATEGORIES, RISK_CATEGORY_KEYS)]}
      />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label={t(records_risk_likelihood)}
          name="likelihood"
          defaultValue={String(values?.likelihood ?? 3)}
          error={errors.likelihood}
          options={LEVELS.map((l) => ({ value: String(l), label: t(records_risk_level, { level: l, name: t(LIKELIHOOD_KEYS[l]) }) }))}
        />
        <SelectField
          label={t(records_risk_impact)}
          name="impact"
          defaultValue={String(values?.impact ?? 3)}
          error={errors.impact}
          options={LEVELS.map((l) => ({ value: String(l), label: t(records_risk_level, { level: l, name: t(IMPACT_KEYS[l]) }) }))}
        />
      </div>
      <p className="text-xs text-slate-500">{riskScoreHint(bands, locale)}</p>
      <Field
        label={t(records_risk_owner)}
        name="owner"
        maxLength={120}
        defaultValue={values?.owner ?? ""}
        hint={t(records_risk_hint_owner)}
        error={errors.owner}
      />
      <SelectField
        label={t(records_col_status)}
        name="status"
        defaultValue={values?.status ?? "open"}
        error={errors.status}
        options={keyedOptions(t, RISK_STATUSES, RISK_STATUS_KEYS)}
      />
      <Field
        label={t(records_risk_nextReview)}
        name="nextReviewDate"
        type="date"
        defaultValue={values?.nextReviewDate ?? ""}
        hint={t(records_risk_hint_nextReview)}
        error={errors.nextReviewDate}
      />
      <TextareaField
        label={t(records_risk_mitigation)}
        name="mitigation"
        rows={4}
        maxLength={5000}
        defaultValue={values?.mitigation ?? ""}
        hint={t(records_risk_hint_mitigation, { max: 5000 })}
        error={errors.mitigation}
      />
    </>
  );
}
