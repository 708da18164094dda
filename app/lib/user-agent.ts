/**
 * A short, readable description of the browser behind a User-Agent header, for the sessions
 * page and the new-sign-in mail (decision 022): the browser's family and the system it runs on,
 * never versions (they change with every update, and a new version is not a new device).
 * Pure and deliberately small: it knows the common browsers and systems and says nothing
 * (null) about the rest rather than guess.
 */
import type { Translator } from "~/i18n/translate";
import { auth_sessions_browserOn } from "~/paraglide/messages/auth_sessions_browseron1.js";
import { auth_sessions_unknownBrowser } from "~/paraglide/messages/auth_sessions_unknownbrowser1.js";
import { auth_sessions_unknownSystem } from "~/paraglide/messages/auth_sessions_unknownsystem1.js";

export interface DeviceDescription {
  browser: string | null;
  os: string | null;
}

// Order matters: most browsers also claim to be the ones they are built on (Edge says Chrome
// and Safari; Chrome says Safari), so the more specific names come first.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\bHeadlessChrome\//, "Chrome"],
  [/\bcurl\//, "curl"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

function firstMatch(table: [RegExp, string][], text: string): string | null {
  for (const [pattern, name] of table) if (pattern.test(text)) return name;
  return null;
}

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  const text = (userAgent ?? "").slice(0, 512);
  return { browser: firstMatch(BROWSERS, text), os: firstMatch(SYSTEMS, text) };
}

/** One stable string per description ("Chrome|macOS"), what "the same device" means. */
export function deviceKey(userAgent: string | null | undefined): string {
  const { browser, os } = describeUserAgent(userAgent);
  return `${browser ?? "?"}|${os ?? "?"}`;
}

/** The description in words ("Chrome on macOS" / "macOS 上的 Chrome"), for the page and the mail. */
export function deviceLabel(t: Translator, userAgent: string | null | undefined): string {
  const { browser, os } = describeUserAgent(userAgent);
  if (!browser && !os) return t(auth_sessions_unknownBrowser);
  return t(auth_sessions_browserOn, { browser: browser ?? t(auth_sessions_unknownBrowser), os: os ?? t(auth_sessions_unknownSystem) });
}
