/**
 * A one-off message after a save ("Round recorded."), carried by a signed cookie from the
 * action's redirect to the next page (app/server/toast.server.ts) and shown by <Toaster>
 * (app/components/ui/toast.tsx). It holds a message ref, never finished text, so the page
 * that shows it says it in the reader's language.
 */
import type { MessageRef } from "~/i18n/message-ref";

export const TOAST_TONES = ["success", "info", "error"] as const;
export type ToastTone = (typeof TOAST_TONES)[number];

export interface Toast {
  /** Tells two toasts with the same words apart, so a second save shows again. */
  id: string;
  tone: ToastTone;
  /** The words as a message ref (app/i18n/message-ref.ts). */
  message: MessageRef;
  /** An optional link after the text ("Open it"): a same-site path and its words as a ref. */
  link?: { to: string; message: MessageRef; text?: string };
  /** The words in the reader's language, filled in by the root loader (the browser holds no table of keys). */
  text?: string;
}
