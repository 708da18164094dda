import { useDecidingSelect } from "~/components/records/use-deciding-select";
import { Field, keyedOptions, SelectField } from "~/components/ui/form";
import { FieldGrid, FieldGroup, fieldBinder, RecordForm, type RecordFormProps } from "~/components/ui/record-form";
import type { z } from "zod";
import type { debtFacilitySchema } from "~/domain/debt-facility";
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

/** The form's text for each of the schema's fields (the schema names the fields once). */
export type DebtFormValues = Partial<Record<keyof z.input<ReturnType<typeof debtFacilitySchema>>, string>>;

/** The facility's currency labels the amounts; the draw date may be at most maxDrawDate. */
type DebtFacilityFormProps = RecordFormProps<DebtFormValues> & { currency: string; maxDrawDate: string };

/**
 * The create/edit form of a debt facility. Interest-only months are disabled unless the
 * repayment type uses them, once the page is interactive; without JavaScript the field
 * stays enabled and the server explains when to leave it blank.
 */
export function DebtFacilityForm({ values, errors, currency, maxDrawDate, ...form }: DebtFacilityFormProps) {
  const t = useT();
  const field = fieldBinder(values, errors);
  const repayment = useDecidingSelect(values.repaymentType ?? "amortizing");
  return (
    <RecordForm {...form}>
      <FieldGrid>
        <Field label={t(records_debt_field_lender)} {...field("lender")} />
        <SelectField
          label={t(records_debt_field_kind)}
          {...field("kind")}
          defaultValue={values.kind ?? "bank_loan"}
          options={keyedOptions(t, DEBT_KINDS, DEBT_KIND_KEYS)}
        />
        <Field
          label={t(records_debt_field_principalIn, { currency })}
          {...field("principal")}
          inputMode="decimal"
          hint={`${t(records_debt_hint_principal)} ${t(records_debt_rule_currency)}`}
        />
        <Field label={t(records_debt_field_rate)} {...field("annualRatePercent")} inputMode="decimal" hint={t(records_debt_hint_rate)} />
        <Field label={t(records_debt_field_drawDate)} {...field("drawDate")} type="date" max={maxDrawDate} hint={t(records_debt_hint_drawDate)} />
        <Field label={t(records_debt_field_term)} {...field("termMonths")} inputMode="numeric" hint={t(records_debt_hint_term)} />
        <SelectField
          label={t(records_debt_field_repayment)}
          name="repaymentType"
          {...repayment.select}
          error={errors.repaymentType}
          options={keyedOptions(t, REPAYMENT_TYPES, REPAYMENT_TYPE_KEYS)}
        />
        <Field
          label={t(records_debt_field_interestOnly)}
          {...field("interestOnlyMonths")}
          inputMode="numeric"
          disabled={repayment.offUnless((chosen) => chosen === "interest_only_then_amortizing")}
          hint={t(records_debt_rule_interestOnly)}
        />
      </FieldGrid>
      <FieldGroup legend={t(records_debt_covenantsOptional)}>
        <Field
          label={t(records_debt_field_minimumCashIn, { currency })}
          {...field("minimumCash")}
          inputMode="decimal"
          hint={t(records_debt_hint_minimumCash)}
        />
        <Field label={t(records_debt_field_deadline)} {...field("reportingDeadlineDay")} inputMode="numeric" hint={t(records_debt_hint_deadline)} />
      </FieldGroup>
    </RecordForm>
  );
}
