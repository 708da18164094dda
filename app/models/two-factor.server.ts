/**
 * Two-factor sign-in (decision 021): a person's authenticator secret (sealed, never in clear),
 * their recovery codes (hashes only), and sign-ins waiting for the second step. Every check of
 * a code runs behind the sign-in throttle (twoFactorKeys) and, inside one transaction with the
 * person's row locked, moves `last_used_step` forward, so a code is accepted once even when two
 * requests race with it. Changes queue the `two_factor_changed` security mail in the same
 * transaction.
 */
import { and, count, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "~db/client";
import { twoFactorChallenges, twoFactorRecoveryCodes, userTwoFactor, users } from "~db/schema";
import { withSystem } from "~db/tenant";
import type { AccountContext, SystemContext } from "~/auth/context";
import { verifyPassword } from "~/auth/password.server";
import type { Locale } from "~/i18n/locales";
import { storedLocale } from "~/i18n/locale.server";
import { randomToken, sha256Hex } from "~/server/crypto.server";
import { resetLink, type TwoFactorChange, twoFactorChangedMail } from "~/server/mail.server";
import { openSecret, sealSecret, totpKeyring } from "~/server/totp-crypto.server";
import {
  acceptedStep,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normalizeTotpCode,
  recoveryCodeHash,
  totpQrDataUrl,
  totpUri,
} from "~/server/totp.server";
import { queueAccountMail } from "./mail-outbox.server";
import { signInKeys, throttled, twoFactorKeys, type Attempt } from "./login-throttle.server";

/** How long a sign-in may wait for its second step. */
export const CHALLENGE_MINUTES = 10;

type Person = { id: string; email: string };
type MailContext = { origin: string; locale: Locale };

/** Whether the person has two-factor sign-in on (enrolment confirmed). */
export async function hasTwoFactor(db: Db, userId: string): Promise<boolean> {
  const rows = await withSystem(db, (tx) =>
    tx
      .select({ userId: userTwoFactor.userId })
      .from(userTwoFactor)
      .where(and(eq(userTwoFactor.userId, userId), isNotNull(userTwoFactor.enabledAt))),
  );
  return rows.length > 0;
}

export type TwoFactorState =
  | { status: "off" }
  | { status: "enrolling"; secret: string; uri: string; qr: string }
  | { status: "on"; enabledAt: Date; recoveryCodesLeft: number };

/** What the account page shows: off, enrolling (with the secret to scan or type), or on. */
export async function getTwoFactorState({ db, user }: AccountContext): Promise<TwoFactorState> {
  return withSystem(db, async (tx) => {
    const [row] = await tx.select().from(userTwoFactor).where(eq(userTwoFactor.userId, user.id));
    if (!row) return { status: "off" as const };
    if (!row.enabledAt) {
      const { secret } = openSecret(totpKeyring(), row.secret, user.id);
      const uri = totpUri(secret, user.email);
      return { status: "enrolling" as const, secret, uri, qr: await totpQrDataUrl(uri) };
    }
    const [left] = await tx
      .select({ n: count() })
      .from(twoFactorRecoveryCodes)
      .where(and(eq(twoFactorRecoveryCodes.userId, user.id), isNull(twoFactorRecoveryCodes.usedAt)));
    return { status: "on" as const, enabledAt: row.enabledAt, recoveryCodesLeft: left?.n ?? 0 };
  });
}

/**
 * Starts (or starts again) an enrolment: a new secret, sealed with the current key. Throws
 * TotpKeyMissing where no key is configured (production on PostgreSQL). Once two-factor is on,
 * this changes nothing: turning it off comes first.
 */
export async function startEnrolment({ db, user }: AccountContext): Promise<void> {
  const sealed = sealSecret(totpKeyring(), newTotpSecret(), user.id);
  await withSystem(db, (tx) =>
    tx
      .insert(userTwoFactor)
      .values({ userId: user.id, secret: sealed })
      .onConflictDoUpdate({
        target: userTwoFactor.userId,
        set: { secret: sealed, lastUsedStep: null, createdAt: sql`now()` },
        where: isNull(userTwoFactor.enabledAt),
      }),
  );
}

/**
 * Confirms an enrolment with a current code: two-factor on, ten recovery codes made (returned
 * here once, stored as hashes), the mail queued — one transaction. Null-valued attempt: wrong code.
 */
export async function confirmEnrolment(ctx: AccountContext, code: string, ip: string, mail: MailContext): Promise<Attempt<string[]>> {
  const { db, user } = ctx;
  return throttled(db, twoFactorKeys(user.email, ip), () =>
    withSystem(db, async (tx) => {
      const [row] = await tx
        .select()
        .from(userTwoFactor)
        .where(and(eq(userTwoFactor.userId, user.id), isNull(userTwoFactor.enabledAt)))
        .for("update");
      if (!row) return null;
      const keyring = totpKeyring();
      const { secret } = openSecret(keyring, row.secret, user.id);
      const step = acceptedStep(secret, code, row.lastUsedStep);
      if (step === null) return null;
      await tx
        .update(userTwoFactor)
        .set({ enabledAt: sql`now()`, lastUsedStep: step, secret: sealSecret(keyring, secret, user.id) })
        .where(eq(userTwoFactor.userId, user.id));
      const codes = await replaceRecoveryCodes(tx, user.id);
      await queueChangeMail(tx, user, "enabled", mail);
      return codes;
    }),
  );
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await tx.insert(twoFactorRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: recoveryCodeHash(c) })));
  return codes;
}

async function queueChangeMail(tx: Tx, person: Person, change: TwoFactorChange, mail: MailContext) {
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, person.id));
  const locale = storedLocale(row) ?? mail.locale;
  await queueAccountMail(
    tx,
    person,
    "two_factor_changed",
    locale,
    twoFactorChangedMail(locale, { email: person.email, change, reset: resetLink(mail.origin) }),
  );
}

/**
 * Checks a second factor inside `tx`: a current code not used before (its step recorded), or
 * an unused recovery code (marked used). The person's row is locked, so of two requests with
 * one code only the first passes. A secret sealed with an old key is sealed again on use.
 */
async function passSecondFactor(tx: Tx, userId: string, input: string): Promise<"code" | "recovery" | null> {
  const [row] = await tx
    .select()
    .from(userTwoFactor)
    .where(and(eq(userTwoFactor.userId, userId), isNotNull(userTwoFactor.enabledAt)))
    .for("update");
  if (!row) return null;
  if (looksLikeRecoveryCode(input)) {
    const used = await tx
      .update(twoFactorRecoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(
        and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, recoveryCodeHash(input)), isNull(twoFactorRecoveryCodes.usedAt)),
      )
      .returning({ codeHash: twoFactorRecoveryCodes.codeHash });
    return used.length > 0 ? "recovery" : null;
  }
  if (!normalizeTotpCode(input)) return null;
  const keyring = totpKeyring();
  const { secret, stale } = openSecret(keyring, row.secret, userId);
  const step = acceptedStep(secret, input, row.lastUsedStep);
  if (step === null) return null;
  await tx
    .update(userTwoFactor)
    .set({ lastUsedStep: step, ...(stale ? { secret: sealSecret(keyring, secret, userId) } : {}) })
    .where(eq(userTwoFactor.userId, userId));
  return "code";
}

/**
 * Runs `change` once the person has proven it is them: with their password (the password's
 * throttle) or a current code / recovery code (the second factor's throttle).
 */
async function withProof<T>({ db, user }: AccountContext, proof: string, ip: string, change: (tx: Tx) => Promise<T>): Promise<Attempt<T>> {
  if (normalizeTotpCode(proof) || looksLikeRecoveryCode(proof)) {
    return throttled(db, twoFactorKeys(user.email, ip), () => withSystem(db, async (tx) => ((await passSecondFactor(tx, user.id, proof)) ? change(tx) : null)));
  }
  return throttled(db, signInKeys(user.email, ip), async () => {
    const [row] = await withSystem(db, (tx) => tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)));
    if (!row || !(await verifyPassword(row.passwordHash, proof))) return null;
    return withSystem(db, change);
  });
}

/** Turns two-factor off (password or a current code): secret, codes and pending sign-ins go; the mail is queued. */
export function disableTwoFactor(ctx: AccountContext, proof: string, ip: string, mail: MailContext): Promise<Attempt<true>> {
  return withProof(ctx, proof, ip, async (tx) => {
    await tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, ctx.user.id));
    await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, ctx.user.id));
    await tx.delete(twoFactorChallenges).where(eq(twoFactorChallenges.userId, ctx.user.id));
    await queueChangeMail(tx, ctx.user, "disabled", mail);
    return true as const;
  });
}

/** Ten new recovery codes (the old ones stop working), shown once; the mail is queued. */
export function regenerateRecoveryCodes(ctx: AccountContext, proof: string, ip: string, mail: MailContext): Promise<Attempt<string[]>> {
  return withProof(ctx, proof, ip, async (tx) => {
    const codes = await replaceRecoveryCodes(tx, ctx.user.id);
    await queueChangeMail(tx, ctx.user, "recovery_codes", mail);
    return codes;
  });
}

/*
 * The second step of a sign-in. The password was right; no session exists yet. The browser
 * holds a random token (a short-lived cookie); the database holds its hash and whose it is.
 */

/** After a right password: a challenge token when the person has two-factor on, else null (sign in now). */
export async function beginSecondFactor({ db }: SystemContext, userId: string): Promise<string | null> {
  if (!(await hasTwoFactor(db, userId))) return null;
  const token = randomToken();
  await withSystem(db, async (tx) => {
    await tx.delete(twoFactorChallenges).where(and(eq(twoFactorChallenges.userId, userId), lt(twoFactorChallenges.expiresAt, sql`now()`)));
    await tx.insert(twoFactorChallenges).values({
      tokenHash: sha256Hex(token),
      userId,
      expiresAt: sql`now() + make_interval(mins => ${CHALLENGE_MINUTES})`,
    });
  });
  return token;
}

/** The person a challenge token belongs to while it is live; null otherwise. */
export async function challengedUser({ db }: SystemContext, token: string) {
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(twoFactorChallenges)
      .innerJoin(users, eq(users.id, twoFactorChallenges.userId))
      .where(and(eq(twoFactorChallenges.tokenHash, sha256Hex(token)), gt(twoFactorChallenges.expiresAt, sql`now()`))),
  );
  return row ?? null;
}

/**
 * The second step: a code or a recovery code for the challenge's person, behind the throttle.
 * Passing it uses the challenge up. `expired`: no live challenge (start again with the password).
 */
export async function completeSecondFactor(
  system: SystemContext,
  token: string,
  input: string,
  ip: string,
): Promise<Attempt<{ id: string; email: string; name: string; locale: string | null }> | { ok: false; reason: "expired" }> {
  const user = await challengedUser(system, token);
  if (!user) return { ok: false, reason: "expired" };
  return throttled(system.db, twoFactorKeys(user.email, ip), () =>
    withSystem(system.db, async (tx) => {
      const used = await tx
        .delete(twoFactorChallenges)
        .where(and(eq(twoFactorChallenges.tokenHash, sha256Hex(token)), gt(twoFactorChallenges.expiresAt, sql`now()`)))
        .returning({ userId: twoFactorChallenges.userId });
      if (used.length === 0) return null;
      if (!(await passSecondFactor(tx, user.id, input))) {
        // Wrong: the challenge stays (the delete rolls back with the transaction).
        throw new WrongSecondFactor();
      }
      return user;
    }).catch((error: unknown) => {
      if (error instanceof WrongSecondFactor) return null;
      throw error;
    }),
  );
}

class WrongSecondFactor extends Error {}

/**
 * Seals every secret still sealed with an old key with the current one (`npm run totp:rekey`),
 * so the old key can then be dropped. Returns how many were sealed again.
 */
export async function resealAllSecrets({ db }: SystemContext): Promise<number> {
  const keyring = totpKeyring();
  return withSystem(db, async (tx) => {
    const rows = await tx.select().from(userTwoFactor).where(sql`split_part(${userTwoFactor.secret}, '.', 2) <> ${keyring.current.id}`).for("update");
    for (const row of rows) {
      const { secret } = openSecret(keyring, row.secret, row.userId);
      await tx
        .update(userTwoFactor)
        .set({ secret: sealSecret(keyring, secret, row.userId) })
        .where(eq(userTwoFactor.userId, row.userId));
    }
    return rows.length;
  });
}
