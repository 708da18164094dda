/**
 * TOTP (RFC 6238) as authenticator apps speak it: SHA-1, six digits, 30-second steps
 * (decision 021). Pure apart from the clock and randomness; storage is two-factor.server.ts.
 */
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { Secret, TOTP } from "otpauth";
import { sha256Hex } from "./crypto.server";

/** Seconds per time step; a stored step times this is when that code was accepted. */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = "Capital Desk";

/** A new secret: 160 random bits, in the base32 an authenticator app takes by hand. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The `otpauth://` URI the QR code carries. */
export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/** The QR code of the URI as an SVG data URL, drawn on the server (no script, no request elsewhere). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/** What a person typed as a code, without spaces; null if it cannot be a six-digit code. */
export function normalizeTotpCode(value: string): string | null {
  const digits = value.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step a code belongs to when it is right now (a step either side allowed for clock
 * drift), and null when it is wrong — or when it is not newer than `lastUsedStep`: a code is
 * accepted once, and so is any code older than one already used.
 */
export function acceptedStep(secret: string, code: string, lastUsedStep: number | null, now = Date.now()): number | null {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const delta = totpFor(secret, "check").validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** The code for `secret` at `timestamp` (tests and the CLI; an app does this on the phone). */
export function totpCodeAt(secret: string, timestamp = Date.now()): string {
  return totpFor(secret, "code").generate({ timestamp });
}

// Recovery codes: 16 characters from an alphabet without look-alikes (80 bits), shown as 4×4.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz0123456789".replace("1", ""); // 32 characters: no i, l, o or 1
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(16);
    const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

/** What a typed recovery code is stored as: case, spaces and dashes do not matter. */
export function recoveryCodeHash(code: string): string {
  return sha256Hex(code.toLowerCase().replace(/[\s-]/g, ""));
}

/** Whether the input looks like a recovery code rather than a six-digit one. */
export function looksLikeRecoveryCode(value: string): boolean {
  return value.replace(/[\s-]/g, "").length === 16;
}
