import { Form } from "@remix-run/react";
import { useT } from "~/i18n";
import { FormError, SubmitButton } from "./form";

/**
 * Deleting a versioned record: the version it was read at and an explicit confirmation tick,
 * so it works without JavaScript and a stale or unconfirmed delete is refused by
 * versionedEditAction (app/lib/versioned-edit.server.ts). Texts come translated from the page.
 */
export function DeleteForm({
  version,
  title,
  confirmText,
  buttonText,
  error,
  className = "",
}: {
  version: number;
  title: string;
  confirmText: string;
  buttonText: string;
  error?: string;
  className?: string;
}) {
  const t = useT();
  return (
    <Form method="post" className={`space-y-3 rounded-md border border-red-200 bg-red-50 p-4 ${className}`} noValidate>
      <h3 className="font-semibold text-red-900">{title}</h3>
      <input type="hidden" name="version" defaultValue={version} />
      <label className="flex items-start gap-2 text-sm text-red-900">
        <input type="checkbox" name="confirm" value="yes" className="mt-1" aria-invalid={error ? true : undefined} />
        <span>{confirmText}</span>
      </label>
      {error ? <FormError error={error} /> : null}
      <SubmitButton intent="delete" variant="danger" pendingText={t("common.action.deleting")}>
        {buttonText}
      </SubmitButton>
    </Form>
  );
}
