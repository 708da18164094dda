import { Form } from "@remix-run/react";
import { Field, FormError, SelectField, SubmitButton, TextareaField } from "~/components/ui/form";
import { useT } from "~/i18n";
import { INSTRUMENTS } from "~/lib/instruments";
import { INSTRUMENT_KEYS } from "~/lib/portfolio-query";

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
          label={t("investor.table.company")}
          name="companyOrgId"
          defaultValue={values.companyOrgId ?? ""}
          error={errors.companyOrgId}
          options={[
            { value: "", label: t("investor.positionForm.chooseCompany") },
            ...companies.map((c) => ({ value: c.id, label: t("investor.positionForm.companyOption", { name: c.name, currency: c.baseCurrency }) })),
          ]}
        />
        <SelectField
          label={t("investor.charts.raised.instrument")}
          name="instrument"
          defaultValue={values.instrument ?? "seed"}
          error={errors.instrument}
          options={INSTRUMENTS.map((i) => ({ value: i, label: t(INSTRUMENT_KEYS[i]) }))}
        />
        <Field
          label={t("investor.positions.head.investedOn")}
          name="investedOn"
          type="date"
          max={today}
          defaultValue={values.investedOn}
          error={errors.investedOn}
          hint={t("investor.positionForm.investedOnHint")}
        />
        <Field
          label={t("investor.fx.currencyLabel")}
          name="currency"
          maxLength={3}
          placeholder={baseCurrency}
          defaultValue={values.currency}
          error={errors.currency}
          hint={t("investor.positionForm.currencyHint", { base: baseCurrency })}
        />
        <Field
          label={t("investor.positions.invested")}
          name="amount"
          inputMode="decimal"
          defaultValue={values.amount}
          error={errors.amount}
          hint={t("investor.positionForm.amountHint")}
        />
        <Field
          label={t("investor.positions.currentValue")}
          name="currentValue"
          inputMode="decimal"
          defaultValue={values.currentValue}
          error={errors.currentValue}
          hint={t("investor.positionForm.currentValueHint")}
        />
        <Field
          label={t("investor.positionForm.ownership")}
          name="ownershipPercent"
          inputMode="decimal"
          defaultValue={values.ownershipPercent}
          error={errors.ownershipPercent}
          hint={t("investor.positionForm.ownershipHint")}
        />
      </div>
      <TextareaField label={t("investor.positionForm.notes")} name="notes" rows={2} defaultValue={values.notes} error={errors.notes} />
      <SubmitButton intent={intent} pendingText={pendingText}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
