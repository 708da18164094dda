/**
 * Toasts after saves, the Remix way: the action redirects with a flash message in a signed
 * cookie, and the root loader reads it once and clears it (so a reload does not show it
 * again). The cookie holds a message ref (`{ key, values }` as JSON), not text: the next page
 * renders it in the reader's language. Like the session and `lang` cookies it is HttpOnly, SameSite=Lax,
 * whole-site and Secure when COOKIE_SECURE says so.
 *
 *   return redirectWithToast(`/o/${slug}/rounds`, toast("records.rounds.notice.created"));
 *   return redirectWithToast(list, { ...toast("investor.fx.notice.unchanged"), tone: "info" });
 */
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import { z } from "zod";
import { getEnv } from "~/env.server";
import type { MessageRef } from "~/i18n/message-ref";
import { isTranslationKey, messageRef, type PlainKey, type RefVarsArg, type TranslationKey } from "~/i18n/translate";
import { randomToken } from "./crypto.server";
import { safeRedirect } from "~/lib/redirects";
import { TOAST_TONES, type Toast, type ToastTone } from "~/views/toast";

export const TOAST_COOKIE = "toast";
/** Long enough for the redirect to be followed, short enough that a lost one does not turn up later. */
const MAX_AGE_SECONDS = 60;

export interface ToastMessage {
  /** The words, as a ref: the cookie carries data, not functions or text. */
  message: MessageRef;
  tone?: ToastTone;
  link?: ToastLink;
}

/** A toast's link: a same-site path and the words of the link. */
export interface ToastLink {
  to: string;
  message: MessageRef;
}

/** A toast's link: a same-site path and the words of the link. */
export function toastLink(to: string, message: PlainKey): ToastLink {
  return { to, message: messageRef(message) };
}

/** A toast's words, with the variables its text needs (checked like `t()`); success unless a tone is given. */
export function toast<M extends TranslationKey>(message: M, ...args: RefVarsArg<M>): ToastMessage {
  return { message: messageRef(message, ...args) };
}

/** A model's message ref (see app/i18n/message-ref.ts) as a toast's words. */
export function toastFromRef(ref: MessageRef): ToastMessage {
  if (!isTranslationKey(ref.key)) throw new Error(`Not a message ref: ${ref.key}`);
  return { message: ref };
}

const messageKey = z.string().max(200).refine(isTranslationKey);
const linkTo = z
  .string()
  .max(2000)
  .refine((to) => safeRedirect(to, "") === to);

/** A ref in the cookie: values are text, numbers or refs (a word named inside the sentence). */
const RefSchema: z.ZodType<MessageRef> = z.lazy(() =>
  z.object({
    key: messageKey,
    values: z.record(z.string(), z.union([z.string().max(500), z.number(), RefSchema])).optional(),
  }),
);

/**
 * What the cookie may hold. It is signed, so this only guards against keys another release
 * does not know (a deploy between the redirect and the next page): those are dropped rather
 * than shown as raw keys.
 */
const ToastSchema = z.object({
  id: z.string().min(1).max(64),
  tone: z.enum(TOAST_TONES),
  message: RefSchema,
  link: z.object({ to: linkTo, message: RefSchema }).optional(),
});

/**
 * The form a release before structured refs wrote (`key` and `vars` beside each other): a
 * cookie set just before a deploy still shows after it, as the ref it names.
 */
const OldToastSchema = z
  .object({
    id: z.string().min(1).max(64),
    tone: z.enum(TOAST_TONES),
    key: messageKey,
    vars: z.record(z.string(), z.union([z.string().max(500), z.number()])).optional(),
    link: z.object({ to: linkTo, key: messageKey }).optional(),
  })
  .transform(
    ({ key, vars, link, ...rest }): Toast => ({
      ...rest,
      message: vars ? { key, values: vars } : { key },
      ...(link ? { link: { to: link.to, message: { key: link.key } } } : {}),
    }),
  );

/** A cookie's payload → the toast it carries, or null when it holds nothing this release can show. */
export function toastFromCookieValue(value: unknown): Toast | null {
  const parsed = ToastSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const old = OldToastSchema.safeParse(value);
  return old.success ? old.data : null;
}

/**
 * Without COOKIE_SECRET each process signs with its own random secret: fine for one instance;
 * replicas behind a load balancer need the same COOKIE_SECRET, or a toast set by one is dropped
 * by another (docs/scaling.md). Nothing else depends on it: a dropped toast is only a lost notice.
 */
const processSecret = randomToken();
let cookie: Cookie | undefined;

function toastCookie(): Cookie {
  if (!cookie) {
    const env = getEnv();
    cookie = createCookie(TOAST_COOKIE, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: env.cookieSecure,
      maxAge: MAX_AGE_SECONDS,
      secrets: [env.COOKIE_SECRET ?? processSecret],
    });
  }
  return cookie;
}

/** The Set-Cookie value that carries `message` to the next page. */
export async function toastCookieHeader(message: ToastMessage): Promise<string> {
  const value: Toast = {
    id: randomToken(9),
    tone: message.tone ?? "success",
    message: message.message,
    ...(message.link ? { link: message.link } : {}),
  };
  return toastCookie().serialize(value);
}

/**
 * A redirect that shows `message` as a toast on the page it lands on. `init` may add headers
 * (another Set-Cookie). Aim at the final page, not at one that redirects again (such as "/"):
 * with JavaScript the root loader of the page in between would use the toast up unseen.
 */
export async function redirectWithToast(url: string, message: ToastMessage, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastCookieHeader(message));
  return redirect(url, { ...init, headers });
}

/**
 * The request's toast, if any, and the header that clears it: shown once. A cookie that fails
 * the signature or the schema is cleared too. `headers` is undefined when there was no cookie,
 * so ordinary pages send no Set-Cookie.
 */
export async function readToast(request: Request): Promise<{ toast: Toast | null; headers: Record<string, string> | undefined }> {
  const header = request.headers.get("Cookie");
  if (!header || !new RegExp(`(^|;)\\s*${TOAST_COOKIE}=`).test(header)) return { toast: null, headers: undefined };
  const jar = toastCookie();
  const toast = toastFromCookieValue(await jar.parse(header));
  const clear = await jar.serialize("", { maxAge: 0, expires: new Date(0) });
  return { toast, headers: { "Set-Cookie": clear } };
}
