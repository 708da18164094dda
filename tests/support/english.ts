import { literalRef, renderMessage, type MessageRef } from "../../app/i18n/message-ref";
import { refFromZodMessage } from "../../app/i18n/zod-messages";

/**
 * Models hold message refs, schemas hold them as zod strings (docs/i18n.md); `english` reads either
 * as the English a request gets.
 */
export const english = (message: string | MessageRef | undefined) =>
  renderMessage("en", typeof message === "string" ? refFromZodMessage(message) : (message ?? literalRef("")));
