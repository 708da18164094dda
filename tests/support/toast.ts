import { at, first } from "./at";
/**
 * Reading toasts in HTTP tests. A save answers with a redirect (302, or 204 + X-Remix-Redirect
 * for a JavaScript submission) and a signed `toast` cookie; the next page shows the message
 * once. `toastIn(html)` is what the reader sees; `toastCookieOf(response)` says which message a
 * save chose without following it (the cookie's payload is readable, only its signature is secret).
 */
export function toastIn(html: string): string | null {
  const match = /data-testid="toast-message"[^>]*>([\s\S]*?)<\/p>/.exec(html);
  if (!match) return null;
  return (
    at(match, 1)
      // React pads chunk ends of Chinese pages with NUL bytes (see i18n-admin.test.ts); browsers drop them.
      .replaceAll("\u0000", "")
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, "")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .trim()
  );
}

export interface ToastPayload {
  id: string;
  tone: "success" | "info" | "error";
  /** The words as a message ref (app/i18n/message-ref.ts). */
  message: { key: string; values?: Record<string, unknown> };
  link?: { to: string; message: { key: string } };
}

export function toastCookieOf(response: Response): ToastPayload | null {
  const line = response.headers.getSetCookie().find((c) => c.startsWith("toast="));
  if (!line) return null;
  const value = decodeURIComponent(first(line.slice("toast=".length).split(";")));
  const payload = value.slice(0, value.lastIndexOf("."));
  if (!payload) return null;
  try {
    return JSON.parse(decodeURIComponent(escape(atob(payload)))) as ToastPayload;
  } catch {
    return null;
  }
}

/** Where a save's redirect goes, for a plain form post (302) or a JavaScript one (204). */
export function redirectOf(response: Response): string | null {
  return response.headers.get("location") ?? response.headers.get("x-remix-redirect");
}
