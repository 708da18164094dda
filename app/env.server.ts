import { z } from "zod";

const boolFromString = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** A browser's Origin header names scheme, host and port only: anything more could never match it. */
function isBareOrigin(url: URL) {
  return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
}

function isKey32(value: string) {
  return /^[A-Za-z0-9+/=_-]+$/.test(value) && Buffer.from(value, "base64").length === 32;
}

/** Every setting the app reads, parsed once at boot; a bad value stops the app naming the variable. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  DEMO_DATA: z.enum(["auto", "off"]).default("auto"),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(12 * 60),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  COOKIE_SECURE: boolFromString.optional(),
  /** Signs the one-off message cookie (toasts). Unset: a random secret per process (see README). */
  COOKIE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * The public origin (`https://desk.example.com`): the Origin check and the links the app hands
   * out (invitations, share links, every link in mail) use it, and the Host header is then never
   * trusted. Unset, the app answers only requests addressed to localhost / 127.0.0.1 / [::1] at its
   * port (server/origin.mjs), and links point there. Required in production with SMTP_URL (parseEnv).
   */
  APP_ORIGIN: z
    .string()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "must be an http:// or https:// origin")
    .refine((v) => !URL.canParse(v) || isBareOrigin(new URL(v)), "must be an origin only (scheme, host and port; no path)")
    .transform((v) => new URL(v).origin)
    .optional(),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** pino's levels: `info` logs every request; `warn`/`error` only what went wrong (5xx lines are `error`). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  // Retention (docs/privacy.md): the cleanup job deletes what is older. Unset audit = keep for good.
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  SHARE_VIEW_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  THROTTLE_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24),
  /**
   * Outgoing mail (decision 016): `smtps://user:pass@host:465` or `smtp://…:587` (STARTTLS).
   * Unset, nothing is sent: messages are held in the outbox and logged by recipient and subject.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The From of every message, e.g. `Capital Desk <no-reply@desk.example.com>`; required with SMTP_URL. */
  MAIL_FROM: z.string().min(3).optional(),
  /** How often the delivery worker looks for due mail (it also wakes when mail is queued). */
  MAIL_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(1_000),
  /**
   * Encrypts two-factor secrets at rest (decision 021): 32 random bytes in base64
   * (`openssl rand -base64 32`). Required in production on PostgreSQL before anyone can enrol;
   * unset elsewhere, a key is generated once in DATA_DIR/totp-encryption.key.
   */
  TOTP_ENCRYPTION_KEY: z.string().refine(isKey32, "must be 32 bytes in base64 (openssl rand -base64 32)").optional(),
  /** Earlier TOTP_ENCRYPTION_KEY values, comma-separated: still read, never written (rotation, README). */
  TOTP_ENCRYPTION_OLD_KEYS: z
    .string()
    .refine((v) => v.split(",").every((k) => isKey32(k.trim())), "must be comma-separated 32-byte base64 keys")
    .optional(),
  /**
   * Test only (decision 026): a file holding an ISO instant that the request statuses and reminder
   * job read as "now", so an end-to-end test can move the clock. Refused outside NODE_ENV=test.
   */
  TEST_CLOCK_FILE: z.string().min(1).optional(),
  /**
   * Test only: how often the outbox worker runs its scheduled jobs (digests, request reminders),
   * instead of once a minute, so an end-to-end test sees a reminder soon after moving the clock.
   * Refused outside NODE_ENV=test.
   */
  TEST_JOBS_EVERY_MS: z.coerce.number().int().min(50).max(600_000).optional(),
  /** Express "trust proxy": unset = trust nobody; "loopback", a hop count, or a subnet list. */
  TRUST_PROXY: z
    .string()
    .regex(/^(loopback|linklocal|uniquelocal|\d+|[0-9a-f.:/, ]+)$/i, "must be loopback, a hop count, or addresses/subnets")
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : v))
    .optional(),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "LOG_LEVEL"> & {
  cookieSecure: boolean;
  LOG_LEVEL: NonNullable<z.infer<typeof EnvSchema>["LOG_LEVEL"]>;
};

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  const env = result.data;
  if (env.TEST_CLOCK_FILE && env.NODE_ENV !== "test")
    throw new Error("Invalid environment configuration:\n  TEST_CLOCK_FILE: only honoured with NODE_ENV=test");
  if (env.TEST_JOBS_EVERY_MS !== undefined && env.NODE_ENV !== "test")
    throw new Error("Invalid environment configuration:\n  TEST_JOBS_EVERY_MS: only honoured with NODE_ENV=test");
  if (env.SMTP_URL && !env.MAIL_FROM) throw new Error("Invalid environment configuration:\n  MAIL_FROM: required when SMTP_URL is set");
  // Mail that really leaves must never carry a link to the server's own machine: jobs (digests,
  // scheduled updates) have no request to take an origin from. Without SMTP_URL nothing leaves, so
  // the demo keeps localhost links for its mailbox; outside production a local relay is for testing.
  if (env.SMTP_URL && !env.APP_ORIGIN && env.NODE_ENV === "production") {
    throw new Error(
      "Invalid environment configuration:\n  APP_ORIGIN: required in production when SMTP_URL is set (links in the mail it sends must point at the public address)",
    );
  }
  return {
    ...env,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    // Quiet under the test runner (NODE_ENV=test) unless asked for: tests that read logs set it.
    LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  };
}

/**
 * Where links handed out without a request point (mail sent by jobs, and mail whose cause has no
 * request): APP_ORIGIN, else this machine — only possible when no mail leaves it in production.
 */
export function publicOrigin(env: Env = getEnv()): string {
  return env.APP_ORIGIN ?? `http://localhost:${env.PORT}`;
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
