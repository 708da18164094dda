/**
 * A one-off message after a save ("Round recorded."), carried by a signed cookie from the
 * action's redirect to the next page (app/server/toast.server.ts) and shown by <Toaster>
 * (app/components/ui/toast.tsx). It holds a message key and its variables, never finished
 * text, so the page that shows it says it in the reader's language.
 */
export const TOAST_TONES = ["success", "info", "error"] as const;
export type ToastTone = (typeof TOAST_TONES)[number];

export interface Toast {
  /** Tells two toasts with the same words apart, so a second save shows again. */
  id: string;
  tone: ToastTone;
  key: string;
  vars?: Record<string, string | number>;
  /** An optional link after the text ("Open it"): a same-site path and the key of its words. */
  link?: { to: string; key: string; text?: string };
  /** The words in the reader's language, filled in by the root loader (the browser holds no table of keys). */
  text?: string;
}
