/**
 * The one place a message ref travels as a string: zod issue messages, which zod types as
 * strings. A schema writes `zodMessage(records_risk_titleRequired)` (the ref as JSON,
 * `{"key":"records_risk_titleRequired"}`); whoever reads a zod issue — parseForm in
 * app/server/forms.server.ts, and the few domain helpers that run a schema themselves — turns
 * it back with `refFromZodMessage` before anything else sees it. Everything past that point
 * holds `MessageRef` objects (decision 015). Browser-safe.
 */
import { isMessageRef, literalRef, type MessageRef } from "./message-ref";
import { messageRef, type RefVarsArg, type TranslationKey } from "./translate";

/** A ref as a zod issue message: `.min(1, zodMessage(records_risk_titleRequired))`. */
export function zodMessage<M extends TranslationKey>(message: M, ...args: RefVarsArg<M>): string {
  return refAsZodMessage(messageRef(message, ...args));
}

/** A ref made elsewhere (a domain check shared by a schema and its model) as a zod issue message. */
export function refAsZodMessage(ref: MessageRef): string {
  return JSON.stringify(ref);
}

/**
 * A zod issue message → its ref. Zod's own wording (a schema that gave no message) is not a
 * ref: it comes back as a literal, shown as it is.
 */
export function refFromZodMessage(message: string): MessageRef {
  if (!message.startsWith('{"key":')) return literalRef(message);
  try {
    const parsed: unknown = JSON.parse(message);
    return isMessageRef(parsed) ? parsed : literalRef(message);
  } catch {
    return literalRef(message);
  }
}
