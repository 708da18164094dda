import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keyId, keyringFromEnv, keyringOf, openSecret, sealSecret, TotpKeyMissing } from "./totp-crypto.server";

const key = () => randomBytes(32);
const USER = "6f1c2a4e-0000-4000-8000-000000000001";

describe("two-factor secrets at rest (decision 021)", () => {
  it("a sealed secret opens with its key, for its person only, and never contains the secret", () => {
    const ring = keyringOf(key());
    const sealed = sealSecret(ring, "JBSWY3DPEHPK3PXP", USER);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealed.split(".")[1]).toBe(ring.current.id);
    expect(openSecret(ring, sealed, USER)).toEqual({ secret: "JBSWY3DPEHPK3PXP", stale: false });
    // Copied to another person's row, it does not open (the person's id is bound in).
    expect(() => openSecret(ring, sealed, "someone-else")).toThrow();
    // Two seals of one secret differ (a fresh IV each time).
    expect(sealSecret(ring, "JBSWY3DPEHPK3PXP", USER)).not.toBe(sealed);
  });

  it("a tampered ciphertext does not open", () => {
    const ring = keyringOf(key());
    const parts = sealSecret(ring, "JBSWY3DPEHPK3PXP", USER).split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0]! ^= 1;
    parts[4] = body.toString("base64url");
    expect(() => openSecret(ring, parts.join("."), USER)).toThrow();
  });

  it("rotation: a secret sealed with the old key opens with old + new, is marked stale, and re-seals under the new key", () => {
    const oldKey = key();
    const newKey = key();
    const sealedOld = sealSecret(keyringOf(oldKey), "SECRETSECRET2345", USER);
    const rotated = keyringOf(newKey, [oldKey]);
    const opened = openSecret(rotated, sealedOld, USER);
    expect(opened).toEqual({ secret: "SECRETSECRET2345", stale: true });
    const resealed = sealSecret(rotated, opened.secret, USER);
    expect(resealed.split(".")[1]).toBe(keyId(newKey));
    // Once re-sealed, the old key can go.
    expect(openSecret(keyringOf(newKey), resealed, USER).secret).toBe("SECRETSECRET2345");
    // Without the old key, an old secret says which key is missing.
    expect(() => openSecret(keyringOf(newKey), sealedOld, USER)).toThrow(/TOTP_ENCRYPTION_OLD_KEYS/);
  });

  it("the environment: a key is used; production on PostgreSQL without one refuses; elsewhere a key file is made once and kept", () => {
    const k = key().toString("base64");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "totp-key-"));
    const base = { NODE_ENV: "development" as const, DATABASE_URL: undefined, DATA_DIR: dir, TOTP_ENCRYPTION_OLD_KEYS: undefined };
    expect(keyringFromEnv({ ...base, TOTP_ENCRYPTION_KEY: k }).current.id).toBe(keyId(Buffer.from(k, "base64")));
    expect(() => keyringFromEnv({ ...base, NODE_ENV: "production", DATABASE_URL: "postgres://x/y", TOTP_ENCRYPTION_KEY: undefined })).toThrow(TotpKeyMissing);
    const first = keyringFromEnv({ ...base, TOTP_ENCRYPTION_KEY: undefined });
    expect(first.source).toBe("file");
    expect(fs.statSync(path.join(dir, "totp-encryption.key")).mode & 0o077).toBe(0);
    expect(keyringFromEnv({ ...base, TOTP_ENCRYPTION_KEY: undefined }).current.id).toBe(first.current.id);
    // The embedded start in production mode (npm start without DATABASE_URL) also uses the file.
    expect(keyringFromEnv({ ...base, NODE_ENV: "production", TOTP_ENCRYPTION_KEY: undefined }).current.id).toBe(first.current.id);
    fs.rmSync(dir, { recursive: true });
  });
});
