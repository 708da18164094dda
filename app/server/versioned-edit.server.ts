import { z } from "zod";
import { versionField } from "~/domain/fields";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import type { PlainKey } from "~/i18n/translate";
import { zodMessage } from "~/i18n/zod-messages";
import { failureFromError, formFailure, invalidForm, parseForm } from "./forms.server";
import { redirectWithToast, type ToastMessage } from "./toast.server";
import { records_edit_confirmDelete } from "~/paraglide/messages/records_edit_confirmdelete1.js";

interface VersionedEdit<S extends z.ZodType> {
  /** "round", "facility": used in the delete confirmation's message; a message key, or plain English. */
  what: PlainKey | (string & {});
  schema: S;
  update(version: number, data: z.output<S>): Promise<unknown>;
  remove(version: number): Promise<unknown>;
  /** Where each outcome lands, and the toast it shows there. */
  afterUpdate: { to: string; toast: ToastMessage };
  afterDelete: { to: string; toast: ToastMessage };
  /** The request's language for every message (English when left out). */
  locale?: Locale;
}

/**
 * The action of a detail page that edits or deletes one versioned record. Edits name the
 * version they were loaded with (a stale one becomes the model's 409 conflict, flagged
 * `conflict: true` so the page need not read the message); a delete needs the confirmation
 * tick, so it also works without JavaScript. Field problems answer 400 and nothing is written.
 */
export async function versionedEditAction<S extends z.ZodType>(formData: FormData, edit: VersionedEdit<S>) {
  const locale = edit.locale ?? DEFAULT_LOCALE;
  try {
    if (formData.get("intent") === "delete") {
      const DeleteSchema = z.object({
        version: versionField(),
        confirm: z.literal("yes", { error: zodMessage(records_edit_confirmDelete, { what: edit.what }) }),
      });
      const parsed = parseForm(DeleteSchema, formData);
      if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.version });
      await edit.remove(parsed.data.version);
      return redirectWithToast(edit.afterDelete.to, edit.afterDelete.toast);
    }
    const version = parseForm(z.object({ version: versionField() }), formData);
    const parsed = parseForm(edit.schema, formData);
    if (!version.ok) return formFailure({ locale, formError: version.fieldErrors.version });
    if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale });
    await edit.update(version.data.version, parsed.data);
    return redirectWithToast(edit.afterUpdate.to, edit.afterUpdate.toast);
  } catch (error) {
    // A stale version: the model's 409 conflict, flagged `conflict: true` (conflictFailure).
    return failureFromError(error, locale);
  }
}
