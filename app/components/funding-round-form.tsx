import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { INSTRUMENTS, INSTRUMENT_LABELS, isEquityInstrument } from "~/lib/instruments";

export type RoundFormValues = Partial<
  Record<
    | "instrument"
    | "closeDate"
    | "amount"
    | "currency"
    | "preMoneyValuation"
    | "leadInvestor"
    | "otherInvestors"
    | "crowdfundingPlatform"
    | "backerCount"
    | "notes",
    string
  >
>;

const textareaClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 aria-[invalid=true]:border-red-500";

/**
 * The create/edit form of a funding round. Fields that do not apply to the chosen
 * instrument are disabled once the page is interactive (so they are not sent); without
 * JavaScript they stay enabled and the server explains what to leave blank.
 */
export function FundingRoundForm({
  values,
  errors,
  formError,
  baseCurrency,
  maxCloseDate,
  rules,
  intent,
  submitLabel,
  pendingText,
  version,
}: {
  values: RoundFormValues;
  errors: Record<string, string>;
  formError?: string;
  baseCurrency: string;
  maxCloseDate: string;
  rules: { preMoney: string; crowdfunding: string };
  intent: string;
  submitLabel: string;
  pendingText: string;
  version?: number;
}) {
  const [instrument, setInstrument] = useState(values.instrument ?? "seed");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const preMoneyOff = hydrated && !isEquityInstrument(instrument);
  const crowdfundingOff = hydrated && instrument !== "equity_crowdfunding";
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError error={formError} />
      {version !== undefined ? <input type="hidden" name="version" defaultValue={version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Instrument"
          name="instrument"
          value={instrument}
          onChange={(e) => setInstrument(e.target.value)}
          error={errors.instrument}
          options={INSTRUMENTS.map((i) => ({ value: i, label: INSTRUMENT_LABELS[i] }))}
        />
        <Field label="Close date" name="closeDate" type="date" max={maxCloseDate} defaultValue={values.closeDate} error={errors.closeDate} hint="When the money was committed. At most a year ahead." />
        <Field
          label="Amount raised"
          name="amount"
          inputMode="decimal"
          defaultValue={values.amount}
          error={errors.amount}
          hint="In the round's currency, major units with up to two decimals, e.g. 1500000.00."
        />
        <Field
          label="Currency (ISO 4217)"
          name="currency"
          maxLength={3}
          placeholder={baseCurrency}
          defaultValue={values.currency}
          error={errors.currency}
          hint={`Blank means your base currency, ${baseCurrency}.`}
        />
        <Field
          label="Pre-money valuation (optional)"
          name="preMoneyValuation"
          inputMode="decimal"
          defaultValue={values.preMoneyValuation}
          disabled={preMoneyOff}
          error={errors.preMoneyValuation}
          hint={`${rules.preMoney} Post-money = pre-money + amount; dilution = amount / post-money, both worked out for you.`}
        />
        <Field label="Lead investor" name="leadInvestor" defaultValue={values.leadInvestor} error={errors.leadInvestor} />
        <div className="sm:col-span-2">
          <Field
            label="Other investors"
            name="otherInvestors"
            defaultValue={values.otherInvestors}
            error={errors.otherInvestors}
            hint="Separate names with commas."
          />
        </div>
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby="crowdfunding-rule">
        <legend className="px-1 text-sm font-medium text-slate-700">Equity crowdfunding</legend>
        <p id="crowdfunding-rule" className="mb-2 text-xs text-slate-500">
          {rules.crowdfunding}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Platform"
            name="crowdfundingPlatform"
            defaultValue={values.crowdfundingPlatform}
            disabled={crowdfundingOff}
            error={errors.crowdfundingPlatform}
          />
          <Field
            label="Number of backers"
            name="backerCount"
            inputMode="numeric"
            defaultValue={values.backerCount}
            disabled={crowdfundingOff}
            error={errors.backerCount}
          />
        </div>
      </fieldset>
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
