import { Form } from "@remix-run/react";
import { Field, FormError, SelectField, SubmitButton, TextareaField } from "~/components/ui/form";
import { useT } from "~/i18n";
import { INSTRUMENTS } from "~/domain/instruments";
import { INSTRUMENT_KEYS } from "~/domain/portfolio-query";
import { investor_charts_raised_instrument } from "~/paraglide/messages/investor_charts_raised_instrument.js";
import { investor_fx_currencyLabel } from "~/paraglide/messages/investor_fx_currencylabel1.js";
import { investor_positionForm_amountHint } from "~/paraglide/messages/investor_positionform_amounthint2.js";
import { investor_positionForm_chooseCompany } from "~/paraglide/messages/investor_positionform_choosecompany2.js";
import { investor_positionForm_companyOption } from "~/paraglide/messages/investor_positionform_companyoption2.js";
import { investor_positionForm_currencyHint } from "~/paraglide/messages/investor_positionform_currencyhint2.js";
import { investor_positionForm_currentValueHint } from "~/paraglide/messages/investor_positionform_currentvaluehint3.js";
import { investor_positionForm_investedOnHint } from "~/paraglide/messages/investor_positionform_investedonhint3.js";
import { investor_positionForm_notes } from "~/paraglide/messages/investor_positionform_notes1.js";
import { investor_positionForm_ownership } from "~/paraglide/messages/investor_positionform_ownership1.js";
import { investor_positionForm_ownershipHint } from "~/paraglide/messages/investor_positionform_ownershiphint2.js";
import { investor_positions_currentValue } from "~/paraglide/messages/investor_positions_currentvalue1.js";
import { investor_positions_head_investedOn } from "~/paraglide/messages/investor_positions_head_investedon1.js";
import { investor_positions_invested } from "~/paraglide/messages/investor_positions_invested.js";
import { investor_table_company } from "~/paraglide/messages/investor_table_company.js";

export type PositionFormValues = Partial<
  Record<"companyOrgId" | "investedOn" | "amount" | "currency" | "instrument" | "ownershipPercent" | "currentValue" | "notes", string>
>;

/** The create/edit form of a position. Companies are those sharing their data with the fund. */
export function PositionForm({
  values,
  errors,
  formError,
  companies,
  baseCurrency,
  today,
  intent,
  submitLabel,
  pendingText,
  version,
}: {
  values: PositionFormValues;
  errors: Record<string, string>;
  formError?: string;
  companies: { id: string; name: string; baseCurrency: string }[];
  baseCurrency: string;
  today: string;
  intent: string;
  submitLabel: string;
  pendingText: string;
  version?: number;
}) {
  const t = useT();
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError error={formError} />
      {version !== undefined ? <input type="hidden" name="version" defaultValue={version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t(investor_table_company)}
          name="companyOrgId"
          defaultValue={values.companyOrgId ?? ""}
          error={errors.companyOrgId}
          options={[
            { value: "", label: t(investor_positionForm_chooseCompany) },
            ...companies.map((c) => ({ value: c.id, label: t(investor_positionForm_companyOption, { name: c.name, currency: c.baseCurrency }) })),
          ]}
        />
        <SelectField
          label={t(investor_charts_raised_instrument)}
          name="instrument"
          defaultValue={values.instrument ?? "seed"}
          error={errors.instrument}
          options={INSTRUMENTS.map((i) => ({ value: i, label: t(INSTRUMENT_KEYS[i]) }))}
        />
        <Field
          label={t(investor_positions_head_investedOn)}
          name="investedOn"
          type="date"
          max={today}
          defaultValue={values.investedOn}
          error={errors.investedOn}
          hint={t(investor_positionForm_investedOnHint)}
        />
        <Field
          label={t(investor_fx_currencyLabel)}
          name="currency"
          maxLength={3}
          placeholder={baseCurrency}
          defaultValue={values.currency}
          error={errors.currency}
          hint={t(investor_positionForm_currencyHint, { base: baseCurrency })}
        />
        <Field
          label={t(investor_positions_invested)}
          name="amount"
          inputMode="decimal"
          defaultValue={values.amount}
          error={errors.amount}
          hint={t(investor_positionForm_amountHint)}
        />
        <Field
          label={t(investor_positions_currentValue)}
          name="currentValue"
          inputMode="decimal"
          defaultValue={values.currentValue}
          error={errors.currentValue}
          hint={t(investor_positionForm_currentValueHint)}
        />
        <Field
          label={t(investor_positionForm_ownership)}
          name="ownershipPercent"
          inputMode="decimal"
          defaultValue={values.ownershipPercent}
          error={errors.ownershipPercent}
          hint={t(investor_positionForm_ownershipHint)}
        />
      </div>
      <TextareaField label={t(investor_positionForm_notes)} name="notes" rows={2} defaultValue={values.notes} error={errors.notes} />
      <SubmitButton intent={intent} pendingText={pendingText}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
