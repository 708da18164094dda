import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgPolicy, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { instant, stampedNow } from "./columns";
import { appTenant } from "./rls";

/** A person: one identity (email) that may belong to several orgs. Not tenant-owned. */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    // The language the user chose with the switch; null = never chose, each browser decides.
    locale: text(),
    // When the person proved they read mail at `email` (a verification, reset or own-address
    // invitation link); null = unproven: nobody else can find or name them by it (decision 017).
    emailVerifiedAt: instant(),
    createdAt: stampedNow(),
  },
  () => [
    // A tenant transaction may read only the users who belong to its org (memberships
    // is itself tenant-filtered), and only the columns granted in the RLS migration.
    pgPolicy("users_visible_to_org", {
      as: "permissive",
      for: "select",
      to: appTenant,
      using: sql`exists (select 1 from memberships m where m.user_id = users.id)`,
    }),
  ],
).enableRLS();

/** A row that is a person's own: it goes with their account. */
export const userRef = () =>
  uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

/** A person a row names (who did it, who it is for): the row stays, without them, when their account goes. */
export const namedUserRef = () => uuid().references(() => users.id, { onDelete: "set null" });

export const SESSION_USER_AGENT_MAX = 512;
export const SESSION_IP_MAX = 64;

/**
 * Sessions: `id` is the SHA-256 (hex) of the token in the cookie, never the token.
 * `expiresAt` slides with activity (inactivity timeout); `absoluteExpiresAt` does not.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: userRef(),
    expiresAt: instant().notNull(),
    absoluteExpiresAt: instant().notNull(),
    createdAt: stampedNow(),
    // What the sessions page shows (decision 022): a handle to name the session by (never the
    // hashed id), the browser's User-Agent and the client address at sign-in (bounded), and the
    // last request it served, written at most every few minutes.
    handle: uuid().notNull().defaultRandom().unique(),
    userAgent: text().notNull().default(""),
    ipAddress: text().notNull().default(""),
    lastUsedAt: stampedNow(),
  },
  (t) => [
    index().on(t.userId),
    check("sessions_user_agent_length", sql`char_length(${t.userAgent}) <= ${sql.raw(String(SESSION_USER_AGENT_MAX))}`),
    check("sessions_ip_address_length", sql`char_length(${t.ipAddress}) <= ${sql.raw(String(SESSION_IP_MAX))}`),
  ],
);

/**
 * The devices a person has signed in from (decision 022): one row per fingerprint, the SHA-256
 * of the device description and the client address, so neither is kept here in clear. A sign-in
 * whose fingerprint is not here mails `new_sign_in` — unless the person has no row at all yet
 * (their first sign-in). Not tenant data, like sessions.
 */
export const signInDevices = pgTable(
  "sign_in_devices",
  {
    userId: userRef(),
    fingerprint: text().notNull(),
    firstSeenAt: stampedNow(),
    lastSeenAt: stampedNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.fingerprint] }), check("sign_in_devices_fingerprint_length", sql`char_length(${t.fingerprint}) = 64`)],
);

/**
 * Throttle buckets for guessed secrets (passwords, share-link passphrases), kept in the database
 * so every app instance shares them: one row per key (an account, an account from one address,
 * an address, a share link…; app/models/login-throttle.server.ts), a fixed window counting
 * failures, and the instant until which the key refuses attempts (a lock or a delay).
 * `lastSuccessAt` is set on an account-and-address row when that address got in: a familiar
 * address, which failures elsewhere do not slow.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: instant().notNull().default(sql`now()`),
  lockedUntil: instant(),
  lastSuccessAt: instant(),
});

/**
 * Single-use links mailed to a person about their own account (decision 017): verify the
 * address, reset the password, confirm a new address. `tokenHash` is the SHA-256 (hex) of the
 * token in the link, never the token. `email` is the address the link was sent to: a link
 * proves only that address, so it is void once the account's address is no longer it (or, for
 * a change of address, the new address it confirms). Not tenant data: like sessions, the
 * tenant role has no privilege on it at all.
 */
export const ACCOUNT_TOKEN_PURPOSES = ["verify_email", "password_reset", "email_change"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

export const accountTokens = pgTable(
  "account_tokens",
  {
    tokenHash: text().primaryKey(),
    userId: userRef(),
    purpose: text().$type<AccountTokenPurpose>().notNull(),
    email: text().notNull(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdAt: stampedNow(),
  },
  (t) => [index().on(t.userId, t.purpose), check("account_tokens_purpose_check", sql`${t.purpose} in ('verify_email', 'password_reset', 'email_change')`)],
);

/**
 * Two-factor sign-in (decision 021): one row per person who started or finished enrolling an
 * authenticator app. `secret` is the TOTP secret encrypted with AES-256-GCM
 * (`v1.<keyId>.<iv>.<tag>.<ciphertext>`, app/server/totp-crypto.server.ts), never the secret.
 * `enabledAt` null = enrolment started, not yet confirmed with a code (not yet asked at sign-in).
 * `lastUsedStep` is the 30-second time step of the last code accepted: a code is accepted once.
 * Not tenant data: like sessions, the tenant role has no privilege on it.
 */
export const userTwoFactor = pgTable("user_two_factor", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text().notNull(),
  enabledAt: instant(),
  lastUsedStep: bigint({ mode: "number" }),
  createdAt: stampedNow(),
});

/** Ten single-use recovery codes per person: only the SHA-256 (hex) of each (80 random bits). */
export const twoFactorRecoveryCodes = pgTable(
  "two_factor_recovery_codes",
  {
    codeHash: text().primaryKey(),
    userId: userRef(),
    usedAt: instant(),
    createdAt: stampedNow(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * A sign-in waiting for its second factor: the password was right, no session exists yet.
 * `tokenHash` is the SHA-256 of the token in the short-lived `cd_2fa` cookie. Minutes long.
 */
export const twoFactorChallenges = pgTable(
  "two_factor_challenges",
  {
    tokenHash: text().primaryKey(),
    userId: userRef(),
    expiresAt: instant().notNull(),
    createdAt: stampedNow(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * What a person changed about the notifications they get (decision 023): one row per kind they
 * set; a kind without a row has its default (app/models/notification.server.ts). Not tenant
 * data: a person's own choice, across every org they belong to; like sessions, the tenant role
 * has no privilege on it. Security and transactional mail have no row: they cannot be turned off.
 */
export const NOTIFICATION_PREFERENCE_KINDS = [
  "access_requested",
  "access_decided",
  "share_link_viewed",
  "alert",
  "investor_update",
  "request_reminder",
] as const;
export type NotificationPreferenceKind = (typeof NOTIFICATION_PREFERENCE_KINDS)[number];
/** `on`/`off` for most kinds; early warnings: `immediate`, `daily`, `weekly` (critical ones always at once) or `off`. */
export const NOTIFICATION_SETTINGS = ["on", "off", "immediate", "daily", "weekly"] as const;
export type NotificationSetting = (typeof NOTIFICATION_SETTINGS)[number];

export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: userRef(),
    kind: text().$type<NotificationPreferenceKind>().notNull(),
    setting: text().$type<NotificationSetting>().notNull(),
    updatedAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check(
      "notification_preferences_kind_check",
      sql`${t.kind} in ('access_requested', 'access_decided', 'share_link_viewed', 'alert', 'investor_update', 'request_reminder')`,
    ),
    check("notification_preferences_setting_check", sql`${t.setting} in ('on', 'off', 'immediate', 'daily', 'weekly')`),
  ],
);

/**
 * One-click unsubscribe links (RFC 8058): `tokenHash` is the SHA-256 (hex) of the token in the
 * link (never the token), bound to one person and one preference kind. One per message that
 * carried it; removed with the account.
 */
export const unsubscribeTokens = pgTable(
  "unsubscribe_tokens",
  {
    tokenHash: text().primaryKey(),
    userId: userRef(),
    kind: text().$type<NotificationPreferenceKind>().notNull(),
    createdAt: stampedNow(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Per-person schedules (decision 023): a row per person and job (`alert_digest` today; a later
 * "monthly request reminder" is another job name), due at `nextRunAt`. The worker claims due
 * rows with SKIP LOCKED and a lease (`claimedUntil`), like the outbox, so several instances never
 * run one person's job twice; `lastRunAt` is the "last digest sent" mark the next run starts from.
 */
export const personSchedules = pgTable(
  "person_schedules",
  {
    userId: userRef(),
    job: text().notNull(),
    lastRunAt: instant(),
    nextRunAt: instant().notNull(),
    claimedUntil: instant(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.job] }), index().on(t.nextRunAt)],
);
