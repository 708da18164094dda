/**
 * How an attempt the throttle refused is answered (app/models/login-throttle.server.ts): 429 at
 * once, with Retry-After in seconds and the wait in words — seconds under a minute, minutes
 * beyond. The server never sleeps through a delay; the browser is told when to come back.
 */
import type { HeadersArgs } from "@remix-run/node";
import { translate, type Message } from "~/i18n";
import type { Locale } from "~/i18n/locales";
import { formFailure } from "./forms.server";
import { admin_report_error_throttled } from "~/paraglide/messages/admin_report_error_throttled.js";
import { admin_report_error_wait } from "~/paraglide/messages/admin_report_error_wait.js";
import { auth_login_locked } from "~/paraglide/messages/auth_login_locked.js";
import { auth_login_wait } from "~/paraglide/messages/auth_login_wait.js";

export function retryAfterHeader(seconds: number): { "Retry-After": string } {
  return { "Retry-After": String(Math.max(1, Math.ceil(seconds))) };
}

export function waitMessage(locale: Locale, seconds: number, what: "password" | "passphrase"): string {
  const inSeconds = Math.max(1, Math.ceil(seconds));
  const inMinutes = Math.ceil(seconds / 60);
  if (what === "password") {
    return inSeconds < 60 ? translate(locale, auth_login_wait, { count: inSeconds }) : translate(locale, auth_login_locked, { count: inMinutes });
  }
  return inSeconds < 60
    ? translate(locale, admin_report_error_wait, { count: inSeconds })
    : translate(locale, admin_report_error_throttled, { count: inMinutes });
}

/** Sign-in and password change: the form's error, 429 and Retry-After. */
export function passwordAttemptRefused(locale: Locale, seconds: number) {
  const response = formFailure({ locale, formError: waitMessage(locale, seconds, "password"), status: 429 });
  response.headers.set("Retry-After", retryAfterHeader(seconds)["Retry-After"]);
  return response;
}

/**
 * For a route's `headers` export: without one Remix keeps only the cookies of an action's
 * answer on a document post, and Retry-After would be lost.
 */
export function keepRetryAfter({ actionHeaders, parentHeaders }: HeadersArgs): Headers {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
}

/**
 * A link mail the throttle refused to send again (password reset, address verification): the
 * page's own sentence with the wait in whole minutes (at least one), 429 and Retry-After.
 */
export function linkMailRefused(locale: Locale, seconds: number, message: Message<{ minutes: NonNullable<unknown> }>) {
  const response = formFailure({ locale, formError: translate(locale, message, { minutes: Math.max(1, Math.ceil(seconds / 60)) }), status: 429 });
  response.headers.set("Retry-After", retryAfterHeader(seconds)["Retry-After"]);
  return response;
}
