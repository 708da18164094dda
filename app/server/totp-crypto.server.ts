/**
 * Two-factor secrets at rest (decision 021): AES-256-GCM with a key from the environment.
 *
 * A sealed secret reads `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id is
 * the first 16 hex digits of the key's SHA-256, so nobody has to name keys: a rotation sets a
 * new TOTP_ENCRYPTION_KEY and moves the old one to TOTP_ENCRYPTION_OLD_KEYS; secrets sealed with
 * an old key still open, and are sealed again with the new one when next used (or all at once
 * with `npm run totp:rekey`). The person's id is bound in as associated data, so a sealed secret
 * copied to another person's row does not open.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv, type Env } from "~/env.server";

export interface Keyring {
  current: { id: string; key: Buffer };
  /** Every key that may open a secret, by id (the current one included). */
  byId: Map<string, Buffer>;
  /** Where the current key came from: the environment, or the file made for the embedded start. */
  source: "env" | "file";
}

/** No key where one is required (production on PostgreSQL): enrolment is refused, clearly. */
export class TotpKeyMissing extends Error {
  constructor() {
    super(
      "TOTP_ENCRYPTION_KEY is not set: two-factor sign-in cannot encrypt secrets. Set it to 32 random bytes in base64 (openssl rand -base64 32); see the README.",
    );
    this.name = "TotpKeyMissing";
  }
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

function decodeKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== 32) throw new Error("A TOTP encryption key must be 32 bytes in base64");
  return key;
}

export function keyringOf(current: Buffer, old: Buffer[] = [], source: Keyring["source"] = "env"): Keyring {
  const byId = new Map<string, Buffer>();
  for (const key of old) byId.set(keyId(key), key);
  byId.set(keyId(current), current);
  return { current: { id: keyId(current), key: current }, byId, source };
}

/**
 * The embedded / development start has no key to hand: one is generated once beside the data
 * (DATA_DIR/totp-encryption.key, mode 0600) and kept, so a restart still opens every secret.
 * Written under a temporary name and linked into place, so two processes starting together
 * agree on one key.
 */
function fileKey(dataDir: string): Buffer {
  const file = path.join(path.resolve(dataDir), "totp-encryption.key");
  try {
    return decodeKey(fs.readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temporary, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.unlinkSync(temporary);
  }
  return decodeKey(fs.readFileSync(file, "utf8"));
}

/** The keyring the environment describes; throws TotpKeyMissing in production on PostgreSQL without a key. */
export function keyringFromEnv(env: Pick<Env, "TOTP_ENCRYPTION_KEY" | "TOTP_ENCRYPTION_OLD_KEYS" | "NODE_ENV" | "DATABASE_URL" | "DATA_DIR">): Keyring {
  const old = (env.TOTP_ENCRYPTION_OLD_KEYS ?? "")
    .split(",")
    .filter((k) => k.trim() !== "")
    .map(decodeKey);
  if (env.TOTP_ENCRYPTION_KEY) return keyringOf(decodeKey(env.TOTP_ENCRYPTION_KEY), old, "env");
  if (env.NODE_ENV === "production" && env.DATABASE_URL) throw new TotpKeyMissing();
  return keyringOf(fileKey(env.DATA_DIR), old, "file");
}

let cached: Keyring | undefined;
/** The app's keyring, read once per process. */
export function totpKeyring(): Keyring {
  cached ??= keyringFromEnv(getEnv());
  return cached;
}

let warned = false;
/**
 * Whether enrolment can work here (false: production on PostgreSQL without a key). The first
 * time it is not, the operator's log says why and what to set (once per process; never a key).
 */
export function totpEncryptionConfigured(): boolean {
  try {
    totpKeyring();
    return true;
  } catch (error) {
    if (!(error instanceof TotpKeyMissing)) throw error;
    if (!warned) {
      warned = true;
      console.error(JSON.stringify({ level: "warn", msg: error.message }));
    }
    return false;
  }
}

const VERSION = "v1";

export function sealSecret(keyring: Keyring, secret: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64url"));
  return [VERSION, keyring.current.id, ...parts].join(".");
}

/** The secret, and whether it was sealed with a key other than the current one (seal it again). */
export function openSecret(keyring: Keyring, sealed: string, boundTo: string): { secret: string; stale: boolean } {
  const [version, id, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !id || !iv || !tag || ciphertext === undefined) throw new Error("Unreadable two-factor secret");
  const key = keyring.byId.get(id);
  if (!key) throw new Error(`No TOTP encryption key with id ${id}: add the key it was sealed with to TOTP_ENCRYPTION_OLD_KEYS`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(boundTo, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const secret = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  return { secret, stale: id !== keyring.current.id };
}
