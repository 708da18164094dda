import { Form } from "@remix-run/react";
import { ConfirmAction, type ConfirmTexts } from "./confirm-dialog";

/**
 * Deleting a versioned record: the version it was read at and the confirmation (a dialog once
 * hydrated, a tick box without JavaScript), so a stale or unconfirmed delete is refused by
 * versionedEditAction (app/server/versioned-edit.server.ts). Texts come translated from the page.
 */
export function DeleteForm({
  version,
  heading,
  texts,
  error,
  className = "",
}: {
  version: number;
  heading: string;
  texts: ConfirmTexts;
  error?: string;
  className?: string;
}) {
  return (
    <Form method="post" className={`space-y-3 rounded-md border border-red-200 bg-red-50 p-4 ${className}`} noValidate>
      <h3 className="font-semibold text-red-900">{heading}</h3>
      <input type="hidden" name="version" defaultValue={version} />
      <ConfirmAction intent="delete" texts={texts} error={error} />
    </Form>
  );
}
