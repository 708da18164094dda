/**
 * Every compiled message, by key — on the server only (in the browser this `.server` module is
 * empty, so pages keep only the messages they import). Message refs (zod messages, AppErrors,
 * toasts, stored alert reasons) name messages by key, "records.risk.title"; this resolves them.
 */
import * as all from "~/paraglide/messages";
import type { Locale } from "./locales";

/** A compiled message as this table holds it (translate.ts types the calls; importing its type here would make a cycle). */
type Message = (inputs: never, options?: { locale?: Locale }) => string;

const byId = all as unknown as Record<string, Message | undefined>;

/** "records.risk.title" (or a plural's "x.one" / "x.other") → its compiled message, or undefined. */
export function messageByKey(key: string): Message | undefined {
  const found = byId[key.replace(/\./g, "_")] ?? byId[key.replace(/\.(zero|one|two|few|many|other)$/, "").replace(/\./g, "_")];
  return typeof found === "function" ? found : undefined;
}

const ids = new Map<Message, string>(Object.entries(byId).flatMap(([id, message]) => (typeof message === "function" ? [[message, id] as const] : [])));

/** A compiled message → its id, the form a message ref carries ("records_risk_title"). */
function keyOf(message: Message): string | undefined {
  return ids.get(message);
}

export const SERVER_MESSAGES = { messageByKey, keyOf };
