import { redirect } from "@remix-run/node";
import { z } from "zod";
import { appErrorResponse, invalid, parseForm } from "./forms.server";

const RELOAD = "This form is missing its version. Reload the page and try again.";
const versionField = z.string({ error: RELOAD }).regex(/^\d+$/, RELOAD).transform(Number);

interface VersionedEdit<S extends z.ZodType> {
  /** "round", "facility": used in the delete confirmation's message. */
  what: string;
  schema: S;
  update(version: number, data: z.output<S>): Promise<unknown>;
  remove(version: number): Promise<unknown>;
  afterUpdate: string;
  afterDelete: string;
}

/**
 * The action of a detail page that edits or deletes one versioned record. Edits name the
 * version they were loaded with (a stale one becomes the model's 409 conflict); a delete needs
 * the confirmation tick, so it also works without JavaScript. Field problems answer 400 and
 * nothing is written.
 */
export async function versionedEditAction<S extends z.ZodType>(formData: FormData, edit: VersionedEdit<S>) {
  try {
    if (formData.get("intent") === "delete") {
      const DeleteSchema = z.object({
        version: versionField,
        confirm: z.literal("yes", { error: `Tick the box to confirm you want to delete this ${edit.what}.` }),
      });
      const parsed = parseForm(DeleteSchema, formData);
      if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.fieldErrors.version);
      await edit.remove(parsed.data.version);
      return redirect(edit.afterDelete);
    }
    const version = parseForm(z.object({ version: versionField }), formData);
    const parsed = parseForm(edit.schema, formData);
    if (!version.ok) return invalid({}, version.fieldErrors.version);
    if (!parsed.ok) return invalid(parsed.fieldErrors, "Nothing was saved. Check the highlighted fields.");
    await edit.update(version.data.version, parsed.data);
    return redirect(edit.afterUpdate);
  } catch (error) {
    return appErrorResponse(error);
  }
}
