import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { useT } from "~/i18n";
import { DEBT_KIND_KEYS, DEBT_KINDS, REPAYMENT_TYPE_KEYS, REPAYMENT_TYPES } from "~/domain/instruments";
import { records_debt_covenantsOptional } from "~/paraglide/messages/records_debt_covenantsoptional1.js";
import { records_debt_field_deadline } from "~/paraglide/messages/records_debt_field_deadline.js";
import { records_debt_field_drawDate } from "~/paraglide/messages/records_debt_field_drawdate1.js";
import { records_debt_field_interestOnly } from "~/paraglide/messages/records_debt_field_interestonly1.js";
import { records_debt_field_kind } from "~/paraglide/messages/records_debt_field_kind.js";
import { records_debt_field_lender } from "~/paraglide/messages/records_debt_field_lender.js";
import { records_debt_field_minimumCashIn } from "~/paraglide/messages/records_debt_field_minimumcashin2.js";
import { records_debt_field_principalIn } from "~/paraglide/messages/records_debt_field_principalin1.js";
import { records_debt_field_rate } from "~/paraglide/messages/records_debt_field_rate.js";
import { records_debt_field_repayment } from "~/paraglide/messages/records_debt_field_repayment.js";
import { records_debt_field_term } from "~/paraglide/messages/records_debt_field_term.js";
import { records_debt_hint_deadline } from "~/paraglide/messages/records_debt_hint_deadline.js";
import { records_debt_hint_drawDate } from "~/paraglide/messages/records_debt_hint_drawdate1.js";
import { records_debt_hint_minimumCash } from "~/paraglide/messages/records_debt_hint_minimumcash1.js";
import { records_debt_hint_principal } from "~/paraglide/messages/records_debt_hint_principal.js";
import { records_debt_hint_rate } from "~/paraglide/messages/records_debt_hint_rate.js";
import { records_debt_hint_term } from "~/paraglide/messages/records_debt_hint_term.js";
import { records_debt_rule_currency } from "~/paraglide/messages/records_debt_rule_currency.js";
import { records_debt_rule_interestOnly } from "~/paraglide/messages/records_debt_rule_interestonly1.js";

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
        <Field label={t(records_debt_field_lender)} name="lender" defaultValue={values.lender} error={errors.lender} />
        <SelectField
          label={t(records_debt_field_kind)}
          name="kind"
          defaultValue={values.kind ?? "bank_loan"}
          error={errors.kind}
          options={DEBT_KINDS.map((k) => ({ value: k, label: t(DEBT_KIND_KEYS[k]) }))}
        />
        <Field
          label={t(records_debt_field_principalIn, { currency })}
          name="principal"
          inputMode="decimal"
          defaultValue={values.principal}
          error={errors.principal}
          hint={`${t(records_debt_hint_principal)} ${t(records_debt_rule_currency)}`}
        />
        <Field
          label={t(records_debt_field_rate)}
          name="annualRatePercent"
          inputMode="decimal"
          defaultValue={values.annualRatePercent}
          error={errors.annualRatePercent}
          hint={t(records_debt_hint_rate)}
        />
        <Field
          label={t(records_debt_field_drawDate)}
          name="drawDate"
          type="date"
          max={maxDrawDate}
          defaultValue={values.drawDate}
          error={errors.drawDate}
          hint={t(records_debt_hint_drawDate)}
        />
        <Field
          label={t(records_debt_field_term)}
          name="termMonths"
          inputMode="numeric"
          defaultValue={values.termMonths}
          error={errors.termMonths}
          hint={t(records_debt_hint_term)}
        />
        <SelectField
          label={t(records_debt_field_repayment)}
          name="repaymentType"
          value={repayment}
          onChange={(e) => setRepayment(e.target.value)}
          error={errors.repaymentType}
          options={REPAYMENT_TYPES.map((type) => ({ value: type, label: t(REPAYMENT_TYPE_KEYS[type]) }))}
        />
        <Field
          label={t(records_debt_field_interestOnly)}
          name="interestOnlyMonths"
          inputMode="numeric"
          defaultValue={values.interestOnlyMonths}
          disabled={hydrated && repayment !== "interest_only_then_amortizing"}
          error={errors.interestOnlyMonths}
          hint={t(records_debt_rule_interestOnly)}
        />
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{t(records_debt_covenantsOptional)}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t(records_debt_field_minimumCashIn, { currency })}
            name="minimumCash"
            inputMode="decimal"
            defaultValue={values.minimumCash}
            error={errors.minimumCash}
            hint={t(records_debt_hint_minimumCash)}
          />
          <Field
            label={t(records_debt_field_deadline)}
            name="reportingDeadlineDay"
            inputMode="numeric"
            defaultValue={values.reportingDeadlineDay}
            error={errors.reportingDeadlineDay}
            hint={t(records_debt_hint_deadline)}
          />
        </div>
      </fieldset>
      <SubmitButton intent={intent} pendingText={pendingText}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
