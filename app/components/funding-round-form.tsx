import { CurrencyField } from "~/components/records/currency-field";
import { useDecidingSelect } from "~/components/records/use-deciding-select";
import { Field, keyedOptions, SelectField, TextareaField } from "~/components/ui/form";
import { FieldGrid, FieldGroup, fieldBinder, RecordForm, type RecordFormProps } from "~/components/ui/record-form";
import type { z } from "zod";
import type { fundingRoundSchema } from "~/domain/funding-round";
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

/** The form's text for each of the schema's fields (the schema names the fields once). */
export type RoundFormValues = Partial<Record<keyof z.input<ReturnType<typeof fundingRoundSchema>>, string>>;

/** The org's base currency is the round's currency when none is typed; the close date may be at most maxCloseDate. */
type FundingRoundFormProps = RecordFormProps<RoundFormValues> & { baseCurrency: string; maxCloseDate: string };

/**
 * The create/edit form of a funding round. Fields that do not apply to the chosen
 * instrument are disabled once the page is interactive (so they are not sent); without
 * JavaScript they stay enabled and the server explains what to leave blank.
 */
export function FundingRoundForm({ values, errors, baseCurrency, maxCloseDate, ...form }: FundingRoundFormProps) {
  const t = useT();
  const field = fieldBinder(values, errors);
  const instrument = useDecidingSelect(values.instrument ?? "seed");
  const preMoneyOff = instrument.offUnless(isEquityInstrument);
  const crowdfundingOff = instrument.offUnless((chosen) => chosen === "equity_crowdfunding");
  return (
    <RecordForm {...form}>
      <FieldGrid>
        <SelectField
          label={t(records_round_field_instrument)}
          name="instrument"
          {...instrument.select}
          error={errors.instrument}
          options={keyedOptions(t, INSTRUMENTS, INSTRUMENT_KEYS)}
        />
        <Field label={t(records_round_field_closeDate)} {...field("closeDate")} type="date" max={maxCloseDate} hint={t(records_round_hint_closeDate)} />
        <Field label={t(records_round_field_amount)} {...field("amount")} inputMode="decimal" hint={t(records_round_hint_amount)} />
        <CurrencyField
          label={t(records_round_field_currency)}
          field={field("currency")}
          baseCurrency={baseCurrency}
          hint={t(records_round_hint_currency, { currency: baseCurrency })}
        />
        <Field
          label={t(records_round_field_preMoneyOptional)}
          {...field("preMoneyValuation")}
          inputMode="decimal"
          disabled={preMoneyOff}
          hint={`${t(records_round_rule_preMoney)} ${t(records_round_hint_derived)}`}
        />
        <Field label={t(records_round_field_leadInvestor)} {...field("leadInvestor")} />
        <div className="sm:col-span-2">
          <Field label={t(records_round_field_otherInvestors)} {...field("otherInvestors")} hint={t(records_round_hint_otherInvestors)} />
        </div>
      </FieldGrid>
      <FieldGroup legend={t(records_instrument_equity_crowdfunding)} note={{ id: "crowdfunding-rule", text: t(records_round_rule_crowdfunding) }}>
        <Field label={t(records_round_field_platform)} {...field("crowdfundingPlatform")} disabled={crowdfundingOff} />
        <Field label={t(records_round_field_backers)} {...field("backerCount")} inputMode="numeric" disabled={crowdfundingOff} />
      </FieldGroup>
      <TextareaField label={t(records_round_field_notesOptional)} {...field("notes")} rows={2} />
    </RecordForm>
  );
}
