import { Field } from "~/components/ui/form";

/**
 * A record's own currency (rounds, positions): a three-letter code, the org's base currency
 * shown until one is typed. `field` is the form's binding (fieldBinder) for the currency.
 */
export function CurrencyField({
  label,
  field,
  baseCurrency,
  hint,
}: {
  label: string;
  field: { name: string; defaultValue?: string; error?: string };
  baseCurrency: string;
  hint: string;
}) {
  return <Field label={label} {...field} maxLength={3} placeholder={baseCurrency} hint={hint} />;
}
