import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { DEBT_KINDS, DEBT_KIND_LABELS, REPAYMENT_TYPES, REPAYMENT_TYPE_LABELS } from "~/lib/instruments";

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
  rules,
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
  rules: { interestOnlyMonths: string; currency: string };
  intent: string;
  submitLabel: string;
  pendingText: string;
  version?: number;
}) {
  const [repayment, setRepayment] = useState(values.repaymentType ?? "amortizing");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError error={formError} />
      {version !== undefined ? <input type="hidden" name="version" defaultValue={version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Lender" name="lender" defaultValue={values.lender} error={errors.lender} />
        <SelectField
          label="Kind"
          name="kind"
          defaultValue={values.kind ?? "bank_loan"}
          error={errors.kind}
          options={DEBT_KINDS.map((k) => ({ value: k, label: DEBT_KIND_LABELS[k] }))}
        />
        <Field
          label={`Principal (${currency})`}
          name="principal"
          inputMode="decimal"
          defaultValue={values.principal}
          error={errors.principal}
          hint={`The amount drawn, e.g. 500000.00. ${rules.currency}`}
        />
        <Field
          label="Annual interest rate (%)"
          name="annualRatePercent"
          inputMode="decimal"
          defaultValue={values.annualRatePercent}
          error={errors.annualRatePercent}
          hint="Nominal yearly rate, up to two decimals, e.g. 9.75. Monthly interest = outstanding × rate / 12."
        />
        <Field label="Draw date" name="drawDate" type="date" max={maxDrawDate} defaultValue={values.drawDate} error={errors.drawDate} hint="Payments start the month after the draw." />
        <Field
          label="Term (months)"
          name="termMonths"
          inputMode="numeric"
          defaultValue={values.termMonths}
          error={errors.termMonths}
          hint="1 to 600 months; the last payment falls this many months after the draw."
        />
        <SelectField
          label="Repayment"
          name="repaymentType"
          value={repayment}
          onChange={(e) => setRepayment(e.target.value)}
          error={errors.repaymentType}
          options={REPAYMENT_TYPES.map((t) => ({ value: t, label: REPAYMENT_TYPE_LABELS[t] }))}
        />
        <Field
          label="Interest-only months"
          name="interestOnlyMonths"
          inputMode="numeric"
          defaultValue={values.interestOnlyMonths}
          disabled={hydrated && repayment !== "interest_only_then_amortizing"}
          error={errors.interestOnlyMonths}
          hint={rules.interestOnlyMonths}
        />
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Covenants (optional)</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={`Minimum cash (${currency})`}
            name="minimumCash"
            inputMode="decimal"
            defaultValue={values.minimumCash}
            error={errors.minimumCash}
            hint="Breached in any month whose reported month-end cash is below this."
          />
          <Field
            label="Reporting deadline (day of the next month)"
            name="reportingDeadlineDay"
            inputMode="numeric"
            defaultValue={values.reportingDeadlineDay}
            error={errors.reportingDeadlineDay}
            hint="1–28: month m's report is due to the lender by this day of month m+1."
          />
        </div>
      </fieldset>
      <SubmitButton intent={intent} pendingText={pendingText}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
