import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError, SubmitButton } from "./form";

/**
 * What a record's create/edit form takes from its page: what was typed (refilled after a
 * refusal, without JavaScript too), the server's field errors and form error, and the submit
 * button's intent and words. `version` is the edited row's, for the optimistic-concurrency
 * check; a create form has none.
 */
export interface RecordFormProps<Values> {
  values: Values;
  errors: Record<string, string>;
  formError?: string;
  intent: string;
  submitLabel: string;
  pendingText: string;
  version?: number;
}

/**
 * Binds a form's fields by name: `{...field("amount")}` gives the input its name, the value to
 * show again and its error. The names are the form's own, so a misspelt one is a type error.
 * `values` is what was typed, by name, or a function giving each field's starting text.
 */
export function fieldBinder<Name extends string>(
  values: Partial<Record<Name, string>> | ((name: Name) => string | undefined),
  errors: Partial<Record<string, string>>,
) {
  const startingText = typeof values === "function" ? values : (name: Name) => values[name];
  return (name: Name) => ({ name, defaultValue: startingText(name), error: errors[name] });
}

/**
 * The frame of a record's form (rounds, debt, positions): posted natively and checked by the
 * server (`noValidate`, so the browser's own bubbles do not pre-empt the server's words), the
 * form error on top, the row's version hidden, the submit button at the bottom.
 */
export function RecordForm({
  formError,
  intent,
  submitLabel,
  pendingText,
  version,
  children,
}: Omit<RecordFormProps<unknown>, "values" | "errors"> & { children: ReactNode }) {
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError error={formError} />
      {version !== undefined ? <input type="hidden" name="version" defaultValue={version} /> : null}
      {children}
      <SubmitButton intent={intent} pendingText={pendingText}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}

/** Fields side by side from the small breakpoint up (one column on a phone). */
export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className="grid gap-4 sm:grid-cols-2">{children}</div>;
}

/**
 * A bordered group of fields with its legend, e.g. the crowdfunding details of a round or a
 * facility's covenants. `note` is a sentence under the legend that the group is described by.
 */
export function FieldGroup({ legend, note, children }: { legend: string; note?: { id: string; text: string }; children: ReactNode }) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby={note?.id}>
      <legend className="px-1 text-sm font-medium text-slate-700">{legend}</legend>
      {note ? (
        <p id={note.id} className="mb-2 text-xs text-slate-500">
          {note.text}
        </p>
      ) : null}
      <FieldGrid>{children}</FieldGrid>
    </fieldset>
  );
}
