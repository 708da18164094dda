import { useState, type InputHTMLAttributes } from "react";
import { parseAmount, type AmountProblem } from "~/domain/money";
import { intlLocale, useLocale, useT, type PlainKey } from "~/i18n";
import { formatMoneyExact } from "~/i18n/money-format";
import { Field } from "./form";
import { records_amount_echo } from "~/paraglide/messages/records_amount_echo.js";
import { records_amount_problem_format } from "~/paraglide/messages/records_amount_problem_format.js";
import { records_amount_problem_grouping } from "~/paraglide/messages/records_amount_problem_grouping.js";
import { records_amount_problem_precision } from "~/paraglide/messages/records_amount_problem_precision.js";
import { records_amount_problem_tooLarge } from "~/paraglide/messages/records_amount_problem_toolarge1.js";

const PROBLEM: Record<AmountProblem, PlainKey> = {
  format: records_amount_problem_format,
  grouping: records_amount_problem_grouping,
  precision: records_amount_problem_precision,
  tooLarge: records_amount_problem_tooLarge,
};

interface AmountFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "defaultValue"> {
  label: string;
  name: string;
  currency: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
}

/**
 * A money input that says what it understood: under the box, "= $2,400,000.00" as you type
 * `2.4m` (or why it cannot read it yet). The same parser (app/domain/money.ts parseAmount)
 * reads the value on the server, so the echo is what will be saved; without JavaScript the
 * echo shows for the value the page was rendered with and the server answers a bad one.
 */
export function AmountField({ label, name, currency, defaultValue = "", error, hint, id, onChange, ...input }: AmountFieldProps) {
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState(defaultValue);
  const fieldId = id ?? `field-${name}`;
  const parsed = text.trim() === "" ? null : parseAmount(text);
  const describedBy = [`${fieldId}-echo`, error ? `${fieldId}-error` : null, hint ? `${fieldId}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <Field
        label={label}
        name={name}
        id={fieldId}
        inputMode="text"
        autoComplete="off"
        defaultValue={defaultValue}
        error={error}
        hint={hint}
        aria-describedby={describedBy}
        onChange={(event) => {
          setText(event.currentTarget.value);
          onChange?.(event);
        }}
        {...input}
      />
      <p
        id={`${fieldId}-echo`}
        data-testid={`echo-${name}`}
        aria-live="polite"
        className={`mt-1 min-h-4 text-xs tabular-nums ${parsed && !parsed.ok ? "text-amber-800" : "text-slate-700"}`}
      >
        {parsed === null
          ? null
          : parsed.ok
            ? t(records_amount_echo, { amount: formatMoneyExact(parsed.minor, currency, intlLocale(locale)) })
            : t(PROBLEM[parsed.problem])}
      </p>
    </div>
  );
}
