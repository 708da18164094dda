import { Form } from "@remix-run/react";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { INSTRUMENTS, INSTRUMENT_LABELS } from "~/lib/instruments";

export type PositionFormValues = Partial<
  Record<"companyOrgId" | "investedOn" | "amount" | "currency" | "instrument" | "ownershipPercent" | "currentValue" | "notes", string>
>;

const textareaClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 aria-[invalid=true]:border-red-500";

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
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError error={formError} />
      {version !== undefined ? <input type="hidden" name="version" defaultValue={version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Company"
          name="companyOrgId"
          defaultValue={values.companyOrgId ?? ""}
          error={errors.companyOrgId}
          options={[
            { value: "", label: "Choose a company…" },
            ...companies.map((c) => ({ value: c.id, label: `${c.name} (reports in ${c.baseCurrency})` })),
          ]}
        />
        <SelectField
          label="Instrument"
          name="instrument"
          defaultValue={values.instrument ?? "seed"}
          error={errors.instrument}
          options={INSTRUMENTS.map((i) => ({ value: i, label: INSTRUMENT_LABELS[i] }))}
        />
        <Field label="Invested on" name="investedOn" type="date" max={today} defaultValue={values.investedOn} error={errors.investedOn} hint="The day the money went in; not in the future." />
        <Field
          label="Currency (ISO 4217)"
          name="currency"
          maxLength={3}
          placeholder={baseCurrency}
          defaultValue={values.currency}
          error={errors.currency}
          hint={`Of the amount and the current value. Blank means your base currency, ${baseCurrency}.`}
        />
        <Field
          label="Amount invested"
          name="amount"
          inputMode="decimal"
          defaultValue={values.amount}
          error={errors.amount}
          hint="Major units with up to two decimals, more than zero, e.g. 500000.00."
        />
        <Field
          label="Current value"
          name="currentValue"
          inputMode="decimal"
          defaultValue={values.currentValue}
          error={errors.currentValue}
          hint="What the position is worth today, in the same currency; 0 if written off."
        />
        <Field
          label="Ownership % (optional)"
          name="ownershipPercent"
          inputMode="decimal"
          defaultValue={values.ownershipPercent}
          error={errors.ownershipPercent}
          hint="Fully diluted, 0 to 100 with up to two decimals, e.g. 12.5."
        />
      </div>
      <div>
        <label htmlFor="field-notes" className="block text-sm font-medium text-slate-700">
          Notes (optional)
        </label>
        <textarea
          id="field-notes"
          name="notes"
          rows={2}
          defaultValue={values.notes}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? "field-notes-error" : undefined}
          className={textareaClass}
        />
        {errors.notes ? (
          <p id="field-notes-error" className="mt-1 text-sm text-red-700">
            {errors.notes}
          </p>
        ) : null}
      </div>
      <SubmitButton intent={intent} pendingText={pendingText}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
