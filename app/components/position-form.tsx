import { CurrencyField } from "~/components/records/currency-field";
import { Field, keyedOptions, SelectField, TextareaField } from "~/components/ui/form";
import { FieldGrid, fieldBinder, RecordForm, type RecordFormProps } from "~/components/ui/record-form";
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
  companies,
  baseCurrency,
  today,
  ...form
}: RecordFormProps<PositionFormValues> & { companies: { id: string; name: string; baseCurrency: string }[]; baseCurrency: string; today: string }) {
  const t = useT();
  const field = fieldBinder(values, errors);
  return (
    <RecordForm {...form}>
      <FieldGrid>
        <SelectField
          label={t(investor_table_company)}
          {...field("companyOrgId")}
          defaultValue={values.companyOrgId ?? ""}
          options={[
            { value: "", label: t(investor_positionForm_chooseCompany) },
            ...companies.map((c) => ({ value: c.id, label: t(investor_positionForm_companyOption, { name: c.name, currency: c.baseCurrency }) })),
          ]}
        />
        <SelectField
          label={t(investor_charts_raised_instrument)}
          {...field("instrument")}
          defaultValue={values.instrument ?? "seed"}
          options={keyedOptions(t, INSTRUMENTS, INSTRUMENT_KEYS)}
        />
        <Field label={t(investor_positions_head_investedOn)} {...field("investedOn")} type="date" max={today} hint={t(investor_positionForm_investedOnHint)} />
        <CurrencyField
          label={t(investor_fx_currencyLabel)}
          field={field("currency")}
          baseCurrency={baseCurrency}
          hint={t(investor_positionForm_currencyHint, { base: baseCurrency })}
        />
        <Field label={t(investor_positions_invested)} {...field("amount")} inputMode="decimal" hint={t(investor_positionForm_amountHint)} />
        <Field label={t(investor_positions_currentValue)} {...field("currentValue")} inputMode="decimal" hint={t(investor_positionForm_currentValueHint)} />
        <Field label={t(investor_positionForm_ownership)} {...field("ownershipPercent")} inputMode="decimal" hint={t(investor_positionForm_ownershipHint)} />
      </FieldGrid>
      <TextareaField label={t(investor_positionForm_notes)} {...field("notes")} rows={2} />
    </RecordForm>
  );
}
