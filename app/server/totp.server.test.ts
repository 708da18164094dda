import { describe, expect, it } from "vitest";
import { acceptedStep, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpCodeAt, totpUri } from "./totp.server";

describe("TOTP codes (decision 021)", () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 11, 6, 12, 0, 10);
  const step = Math.floor(now / 30_000);

  it("accepts the current code and a step either side, and nothing further", () => {
    expect(acceptedStep(secret, totpCodeAt(secret, now), null, now)).toBe(step);
    expect(acceptedStep(secret, totpCodeAt(secret, now - 30_000), null, now)).toBe(step - 1);
    expect(acceptedStep(secret, totpCodeAt(secret, now + 30_000), null, now)).toBe(step + 1);
    expect(acceptedStep(secret, totpCodeAt(secret, now - 90_000), null, now)).toBeNull();
    expect(acceptedStep(secret, "12345", null, now)).toBeNull();
    expect(acceptedStep(secret, "abcdef", null, now)).toBeNull();
  });

  it("refuses a replayed code, and any code from a step already used or before it", () => {
    const code = totpCodeAt(secret, now);
    const used = acceptedStep(secret, code, null, now);
    expect(used).toBe(step);
    expect(acceptedStep(secret, code, used, now)).toBeNull();
    expect(acceptedStep(secret, code, used, now + 20_000)).toBeNull();
    expect(acceptedStep(secret, totpCodeAt(secret, now - 30_000), used, now)).toBeNull();
    expect(acceptedStep(secret, totpCodeAt(secret, now + 30_000), used, now)).toBe(step + 1);
  });

  it("the URI names the issuer and the account for the QR code", () => {
    const uri = totpUri(secret, "ana@example.test");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Capital%20Desk:ana%40example\.test\?/);
    expect(uri).toContain(`secret=${secret}`);
  });

  it("recovery codes: ten, distinct, 80 bits each; typed in any case or spacing they hash alike", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
    const one = codes[0]!;
    expect(recoveryCodeHash(one.toUpperCase().replace(/-/g, " "))).toBe(recoveryCodeHash(one));
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
