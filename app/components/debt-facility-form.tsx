import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { useT } from "~/i18n";
import { DEBT_KIND_KEYS, DEBT_KINDS, REPAYMENT_TYPE_KEYS, REPAYMENT_TYPES } from "~/lib/instruments";

export type DebtFormValues = Partial<
  Record<
    | "lender"
    | "kind"
    | "principal"
    | "annualRatePercent"
    | "drawDate"
    | "termMonths"
    | "repaymentType"
    | "interestOnlyMonths"
    | "minimumCash"
    | "reportingDeadlineDay",
    string
  >
>;

/**
 * The create/edit form of a debt facility. Interest-only months are disabled unless the
 * repayment type uses them, once the page is interactive; without JavaScript the field
 * stays enabled and the server explains when to leave it blank.
 */
export function DebtFacilityForm({
  values,
  errors,
  formError,
  currency,
  maxDrawDate,
  intent,
  submitLabel,
  pendingText,
  version,
}: {
  values: DebtFormValues;
  errors: Record<string, string>;
  formError?: string;
  currency: string;
  maxDrawDate: string;
  intent: string;
  submitLabel: string;
  pendingText: string;
  version?: number;
}) {
  const t = useT();
  const [repayment, setRepayment] = useState(values.repaymentType ?? "amortizing");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError error={formError} />
      {version !== undefined ? <input type="hidden" name="version" defaultValue={version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("records.debt.field.lender")} name="lender" defaultValue={values.lender} error={errors.lender} />
        <SelectField
          label={t("records.debt.field.kind")}
          name="kind"
          defaultValue={values.kind ?? "bank_loan"}
          error={errors.kind}
          options={DEBT_KINDS.map((k) => ({ value: k, label: t(DEBT_KIND_KEYS[k]) }))}
        />
        <Field
          label={t("records.debt.field.principalIn", { currency })}
          name="principal"
          inputMode="decimal"
          defaultValue={values.principal}
          error={errors.principal}
          hint={`${t("records.debt.hint.principal")} ${t("records.debt.rule.currency")}`}
        />
        <Field
          label={t("records.debt.field.rate")}
          name="annualRatePercent"
          inputMode="decimal"
          defaultValue={values.annualRatePercent}
          error={errors.annualRatePercent}
          hint={t("records.debt.hint.rate")}
        />
        <Field
          label={t("records.debt.field.drawDate")}
          name="drawDate"
          type="date"
          max={maxDrawDate}
          defaultValue={values.drawDate}
          error={errors.drawDate}
          hint={t("records.debt.hint.drawDate")}
        />
        <Field
          label={t("records.debt.field.term")}
          name="termMonths"
          inputMode="numeric"
          defaultValue={values.termMonths}
          error={errors.termMonths}
          hint={t("records.debt.hint.term")}
        />
        <SelectField
          label={t("records.debt.field.repayment")}
          name="repaymentType"
          value={repayment}
          onChange={(e) => setRepayment(e.target.value)}
          error={errors.repaymentType}
          options={REPAYMENT_TYPES.map((type) => ({ value: type, label: t(REPAYMENT_TYPE_KEYS[type]) }))}
        />
        <Field
          label={t("records.debt.field.interestOnly")}
          name="interestOnlyMonths"
          inputMode="numeric"
          defaultValue={values.interestOnlyMonths}
          disabled={hydrated && repayment !== "interest_only_then_amortizing"}
          error={errors.interestOnlyMonths}
          hint={t("records.debt.rule.interestOnly")}
        />
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{t("records.debt.covenantsOptional")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("records.debt.field.minimumCashIn", { currency })}
            name="minimumCash"
            inputMode="decimal"
            defaultValue={values.minimumCash}
            error={errors.minimumCash}
            hint={t("records.debt.hint.minimumCash")}
          />
          <Field
            label={t("records.debt.field.deadline")}
            name="reportingDeadlineDay"
            inputMode="numeric"
            defaultValue={values.reportingDeadlineDay}
            error={errors.reportingDeadlineDay}
            hint={t("records.debt.hint.deadline")}
          />
        </div>
      </fieldset>
      <SubmitButton intent={intent} pendingText={pendingText}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
