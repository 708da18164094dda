import type { MessageRef } from "~/i18n/message-ref";

/** Thrown from guards and models; Remix turns a thrown Response into the HTTP answer. */
export function notFound(): never {
  throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have permission to do that."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

/** A change to an org scheduled for deletion: it is read-only until an owner undoes that (decision 009). */
export function orgReadOnly(): never {
  throw new Response("This organisation is scheduled for deletion and is read-only.", { status: 409, statusText: "Conflict" });
}

/**
 * Typed domain errors raised below the routes, mapped to HTTP in one place. What it says is a
 * message ref (`messageRef(…)`, app/i18n/message-ref.ts), per field too, rendered in the
 * reader's language by the failure reply; `message` (Error's) holds the key, for logs.
 */
export class AppError extends Error {
  constructor(
    public code: "NOT_FOUND" | "CONFLICT" | "INVALID" | "FORBIDDEN",
    public ref: MessageRef,
    public fieldErrors: Record<string, MessageRef> = {},
  ) {
    super(ref.key);
  }
}
