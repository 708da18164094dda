import { AppError } from "~/lib/http.server";

/**
 * Optimistic concurrency: forms carry the `version` they were loaded with, and updates
 * run `... where version = $read` and bump it. No row updated means someone else saved
 * first: the user is told, never silently overwritten.
 */
export function conflictError(what: string): AppError {
  return new AppError(
    "CONFLICT",
    `Someone else changed this ${what} while you were editing. Reload to see their version, then apply your change again.`,
  );
}
