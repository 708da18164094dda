import { useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useT, type PlainKey, type Translator } from "~/i18n";
import { Button, type ButtonVariant } from "./button";
import { common_action_saving } from "~/paraglide/messages/common_action_saving.js";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 aria-[invalid=true]:border-red-500";

interface Described {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  id?: string;
}

/**
 * What every field shares: its label, the control, the hint under it and the inline error,
 * wired for screen readers (`aria-invalid` while in error, `aria-describedby` naming the
 * error then the hint). `control` gets the attributes to spread on the input itself.
 */
function FieldFrame({
  label,
  name,
  error,
  hint,
  id,
  control,
}: Described & {
  control: (wiring: { id: string; name: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined; className: string }) => ReactNode;
}) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = [error ? `${fieldId}-error` : null, hint ? `${fieldId}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({ id: fieldId, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined, className: inputClass })}
      {hint ? (
        <p id={`${fieldId}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${fieldId}-error`} error={error} />
    </div>
  );
}

/** Label, input and inline error, wired for screen readers. */
export function Field({ label, name, error, hint, id, ...input }: Described & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame label={label} name={name} error={error} hint={hint} id={id} control={(wiring) => <input {...wiring} {...input} />} />;
}

/** The same for several lines of text (notes, an update's highlights). */
export function TextareaField({ label, name, error, hint, id, ...textarea }: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldFrame label={label} name={name} error={error} hint={hint} id={id} control={(wiring) => <textarea {...wiring} {...textarea} />} />;
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  error?: string;
  options: { value: string; label: string }[];
}

/** A select's options from a fixed list of values and the message naming each (instruments, units, statuses…). */
export function keyedOptions<Value extends string>(t: Translator, values: readonly Value[], names: Record<Value, PlainKey>) {
  return values.map((value) => {
    const name: PlainKey = names[value];
    return { value, label: t(name) };
  });
}

export function SelectField({ label, name, error, options, id, ...select }: SelectFieldProps) {
  return (
    <FieldFrame
      label={label}
      name={name}
      error={error}
      id={id}
      control={(wiring) => (
        <select {...wiring} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {error}
    </p>
  );
}

/**
 * What a page shows of its action's answer: the field errors (none until a post failed) and the
 * form-level error. Every action answers `{ ok: false, fieldErrors, formError? }` on failure
 * (formFailure), and anything with `ok: true` otherwise.
 */
export function failureOf<Result extends { ok: boolean }>(
  result: Result | undefined,
): { errors: Partial<Record<string, string>>; formError: string | undefined } {
  if (!result || result.ok) return { errors: {}, formError: undefined };
  const failure = result as unknown as { fieldErrors?: Partial<Record<string, string>>; formError?: string };
  return { errors: failure.fieldErrors ?? {}, formError: failure.formError };
}

export function FormError({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      {error}
    </div>
  );
}

/** A submit button that shows it is working while its form is in flight. */
export function SubmitButton({
  children,
  pendingText,
  intent,
  variant = "primary",
}: {
  children: ReactNode;
  pendingText?: string;
  intent?: string;
  variant?: ButtonVariant;
}) {
  const navigation = useNavigation();
  const t = useT();
  const pending = navigation.state === "submitting" && (intent === undefined || navigation.formData?.get("intent") === intent);
  return (
    <Button
      type="submit"
      name={intent ? "intent" : undefined}
      value={intent}
      variant={variant}
      pending={pending}
      pendingText={pendingText ?? t(common_action_saving)}
    >
      {children}
    </Button>
  );
}
