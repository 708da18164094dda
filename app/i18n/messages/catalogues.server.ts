/**
 * Every message of every area in both languages — on the server only. The browser never
 * downloads the catalogues: each page carries the messages its own code uses (see
 * app/i18n/page-messages.server.ts), and a client-side navigation fetches the next page's
 * from /i18n. In the browser bundle this module is empty (Remix's `.server` rule), so
 * `SERVER_CATALOGUES` is undefined there.
 */
import type { Locale } from "../locales";
import { en, zh, type MessageKey } from "./index";

export const SERVER_CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, "zh-CN": zh };
