import type { TextareaHTMLAttributes } from "react";
import { Field, FieldError, SelectField } from "~/components/ui/form";
import type { RiskBandThresholds } from "~/finance";
import {
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  RISK_STATUSES,
  RISK_STATUS_LABELS,
  riskScoreHint,
} from "~/lib/risk-labels";

const LEVELS = [1, 2, 3, 4, 5] as const;

const textareaClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 aria-[invalid=true]:border-red-500";

export function TextAreaField({
  label,
  name,
  error,
  hint,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string }) {
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={textareaClass}
        {...rest}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

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
  errors: Record<string, string>;
  values?: RiskFieldValues;
  /** The org's risk bands, for the score hint. */
  bands: RiskBandThresholds;
}) {
  return (
    <>
      <Field label="Title" name="title" required maxLength={200} defaultValue={values?.title} error={errors.title} />
      <SelectField
        label="Category"
        name="category"
        defaultValue={values?.category ?? ""}
        error={errors.category}
        options={[{ value: "", label: "Choose…" }, ...RISK_CATEGORIES.map((c) => ({ value: c, label: RISK_CATEGORY_LABELS[c] }))]}
      />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label="Likelihood"
          name="likelihood"
          defaultValue={String(values?.likelihood ?? 3)}
          error={errors.likelihood}
          options={LEVELS.map((l) => ({ value: String(l), label: `${l} · ${LIKELIHOOD_LABELS[l]}` }))}
        />
        <SelectField
          label="Impact"
          name="impact"
          defaultValue={String(values?.impact ?? 3)}
          error={errors.impact}
          options={LEVELS.map((l) => ({ value: String(l), label: `${l} · ${IMPACT_LABELS[l]}` }))}
        />
      </div>
      <p className="text-xs text-slate-500">{riskScoreHint(bands)}</p>
      <Field label="Owner" name="owner" maxLength={120} defaultValue={values?.owner ?? ""} hint="Who is accountable for this risk." error={errors.owner} />
      <SelectField
        label="Status"
        name="status"
        defaultValue={values?.status ?? "open"}
        error={errors.status}
        options={RISK_STATUSES.map((s) => ({ value: s, label: RISK_STATUS_LABELS[s] }))}
      />
      <Field
        label="Next review"
        name="nextReviewDate"
        type="date"
        defaultValue={values?.nextReviewDate ?? ""}
        hint="Optional. An open or mitigating risk past this date is flagged as review overdue."
        error={errors.nextReviewDate}
      />
      <TextAreaField
        label="Mitigation plan"
        name="mitigation"
        rows={4}
        maxLength={5000}
        defaultValue={values?.mitigation ?? ""}
        hint="Optional, up to 5,000 characters."
        error={errors.mitigation}
      />
    </>
  );
}
