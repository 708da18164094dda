import { useLocation } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { useT } from "~/i18n";
import { ConflictNotice } from "./ui/conflict-notice";
import { Card } from "./ui/layout";
import { DeleteForm } from "./ui/delete-form";
import { common_action_deleting } from "~/paraglide/messages/common_action_deleting.js";
import { common_action_saving } from "~/paraglide/messages/common_action_saving.js";

/** What versionedEditAction (app/server/versioned-edit.server.ts) answers a refused edit or delete with. */
interface EditFailure {
  ok: false;
  fieldErrors: Record<string, string>;
  formError?: string;
  conflict?: unknown;
}

/** The props an entity's form takes to edit the record in place (the form's own fields come from the page). */
export interface EditFormProps {
  errors: Record<string, string>;
  formError?: string;
  intent: "update";
  pendingText: string;
  version: number;
}

/**
 * The edit half of a record's detail page (funding round, position, debt facility): the form,
 * a conflict notice when someone saved first, and the confirmed delete — or a read-only line for
 * those who may not edit. The form is not keyed by version: after a conflict the user's typing
 * stays and so does the version they edited. `inline` sits under the summary in its card; `card`
 * is a card of its own.
 */
export function RecordEditor({
  canEdit,
  result,
  version,
  title,
  readOnly,
  remove,
  layout,
  form,
}: {
  canEdit: boolean;
  result: EditFailure | undefined;
  version: number;
  title: string;
  readOnly: string;
  /** The delete box's heading, and its confirmation's texts. */
  remove: { heading: string; action: string; title: string; consequence: string; tick: string };
  layout: "inline" | "card";
  form: (props: EditFormProps) => ReactNode;
}) {
  const t = useT();
  const failed = result && !result.ok ? result : undefined;
  const errors = failed?.fieldErrors ?? {};
  const inline = layout === "inline";
  if (!canEdit) return <p className={`${inline ? "mt-4 " : ""}text-xs text-slate-500`}>{readOnly}</p>;
  const { heading, ...texts } = remove;
  const parts = (
    <>
      {failed?.conflict ? <ConflictNotice className={inline ? "" : "mb-3"} /> : null}
      {inline ? <h3 className="font-semibold">{title}</h3> : null}
      {form({ errors, formError: failed?.formError, intent: "update", pendingText: t(common_action_saving), version })}
      <DeleteForm
        version={version}
        heading={heading}
        texts={{ ...texts, pending: t(common_action_deleting) }}
        error={errors.confirm}
        className={inline ? "" : "mt-6"}
      />
    </>
  );
  return inline ? <div className="mt-6 space-y-6 border-t pt-6">{parts}</div> : <Card title={title}>{parts}</Card>;
}

/** What createFromForm (app/server/forms.server.ts) answers a refused create with. */
interface CreateFailure {
  fieldErrors: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
}

/** The props an entity's form takes to create a record (the form's own fields come from the page). */
export interface CreateFormProps {
  values: Record<string, string>;
  errors: Record<string, string>;
  formError?: string;
  intent: "create";
}

/**
 * The create half of a record's list page (funding round, position, debt facility): a card with
 * the form, filled in again with what was typed after a refusal. Keyed by location: after a
 * successful save (a redirect here) the form starts empty again.
 */
export function RecordCreator({ title, result, form }: { title: string; result: object | undefined; form: (props: CreateFormProps) => ReactNode }) {
  const location = useLocation();
  const failed = result && "fieldErrors" in result ? (result as CreateFailure) : undefined;
  return (
    <Card title={title}>
      <Fragment key={location.key}>
        {form({ values: failed?.values ?? {}, errors: failed?.fieldErrors ?? {}, formError: failed?.formError, intent: "create" })}
      </Fragment>
    </Card>
  );
}

/** One figure of a record's summary (a `<dl>` of label and value). */
export function SummaryItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
