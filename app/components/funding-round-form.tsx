import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field, FormError, SelectField, SubmitButton, TextareaField } from "~/components/ui/form";
import { useT } from "~/i18n";
import { INSTRUMENT_KEYS, INSTRUMENTS, isEquityInstrument } from "~/domain/instruments";
import { records_instrument_equity_crowdfunding } from "~/paraglide/messages/records_instrument_equity_crowdfunding.js";
import { records_round_field_amount } from "~/paraglide/messages/records_round_field_amount.js";
import { records_round_field_backers } from "~/paraglide/messages/records_round_field_backers.js";
import { records_round_field_closeDate } from "~/paraglide/messages/records_round_field_closedate1.js";
import { records_round_field_currency } from "~/paraglide/messages/records_round_field_currency.js";
import { records_round_field_instrument } from "~/paraglide/messages/records_round_field_instrument.js";
import { records_round_field_leadInvestor } from "~/paraglide/messages/records_round_field_leadinvestor1.js";
import { records_round_field_notesOptional } from "~/paraglide/messages/records_round_field_notesoptional1.js";
import { records_round_field_otherInvestors } from "~/paraglide/messages/records_round_field_otherinvestors1.js";
import { records_round_field_platform } from "~/paraglide/messages/records_round_field_platform.js";
import { records_round_field_preMoneyOptional } from "~/paraglide/messages/records_round_field_premoneyoptional2.js";
import { records_round_hint_amount } from "~/paraglide/messages/records_round_hint_amount.js";
import { records_round_hint_closeDate } from "~/paraglide/messages/records_round_hint_closedate1.js";
import { records_round_hint_currency } from "~/paraglide/messages/records_round_hint_currency.js";
import { records_round_hint_derived } from "~/paraglide/messages/records_round_hint_derived.js";
import { records_round_hint_otherInvestors } from "~/paraglide/messages/records_round_hint_otherinvestors1.js";
import { records_round_rule_crowdfunding } from "~/paraglide/messages/records_round_rule_crowdfunding.js";
import { records_round_rule_preMoney } from "~/paraglide/messages/records_round_rule_premoney1.js";

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
  intent: string;
  submitLabel: string;
  pendingText: string;
  version?: number;
}) {
  const t = useT();
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
          label={t(records_round_field_instrument)}
          name="instrument"
          value={instrument}
          onChange={(e) => setInstrument(e.target.value)}
          error={errors.instrument}
          options={INSTRUMENTS.map((i) => ({ value: i, label: t(INSTRUMENT_KEYS[i]) }))}
        />
        <Field
          label={t(records_round_field_closeDate)}
          name="closeDate"
          type="date"
          max={maxCloseDate}
          defaultValue={values.closeDate}
          error={errors.closeDate}
          hint={t(records_round_hint_closeDate)}
        />
        <Field
          label={t(records_round_field_amount)}
          name="amount"
          inputMode="decimal"
          defaultValue={values.amount}
          error={errors.amount}
          hint={t(records_round_hint_amount)}
        />
        <Field
          label={t(records_round_field_currency)}
          name="currency"
          maxLength={3}
          placeholder={baseCurrency}
          defaultValue={values.currency}
          error={errors.currency}
          hint={t(records_round_hint_currency, { currency: baseCurrency })}
        />
        <Field
          label={t(records_round_field_preMoneyOptional)}
          name="preMoneyValuation"
          inputMode="decimal"
          defaultValue={values.preMoneyValuation}
          disabled={preMoneyOff}
          error={errors.preMoneyValuation}
          hint={`${t(records_round_rule_preMoney)} ${t(records_round_hint_derived)}`}
        />
        <Field label={t(records_round_field_leadInvestor)} name="leadInvestor" defaultValue={values.leadInvestor} error={errors.leadInvestor} />
        <div className="sm:col-span-2">
          <Field
            label={t(records_round_field_otherInvestors)}
            name="otherInvestors"
            defaultValue={values.otherInvestors}
            error={errors.otherInvestors}
            hint={t(records_round_hint_otherInvestors)}
          />
        </div>
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby="crowdfunding-rule">
        <legend className="px-1 text-sm font-medium text-slate-700">{t(records_instrument_equity_crowdfunding)}</legend>
        <p id="crowdfunding-rule" className="mb-2 text-xs text-slate-500">
          {t(records_round_rule_crowdfunding)}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t(records_round_field_platform)}
            name="crowdfundingPlatform"
            defaultValue={values.crowdfundingPlatform}
            disabled={crowdfundingOff}
            error={errors.crowdfundingPlatform}
          />
          <Field
            label={t(records_round_field_backers)}
            name="backerCount"
            inputMode="numeric"
            defaultValue={values.backerCount}
            disabled={crowdfundingOff}
            error={errors.backerCount}
          />
        </div>
      </fieldset>
      <TextareaField label={t(records_round_field_notesOptional)} name="notes" rows={2} defaultValue={values.notes} error={errors.notes} />
      <SubmitButton intent={intent} pendingText={pendingText}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
