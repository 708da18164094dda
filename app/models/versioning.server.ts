import { messageRef, type PlainKey } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { records_conflict_changed } from "~/paraglide/messages/records_conflict_changed.js";

/**
 * Optimistic concurrency: forms carry the `version` they were loaded with, and updates
 * run `... where version = $read` and bump it. No row updated means someone else saved
 * first: the user is told, never silently overwritten.
 *
 * `what` names the record: a message key ("records.risk.what" → "risk" / "风险"), or plain
 * English from a caller not yet translated. The message is a ref, answered in the request's
 * language by failureFromError (English where no locale is passed).
 */
export function conflictError(what: PlainKey | (string & {})): AppError {
  return new AppError("CONFLICT", messageRef(records_conflict_changed, { what }));
}
