/**
 * Notifications (issue #16, decision 023): what each person chose to get, the one function every
 * sender asks (`wantsMail`), queuing a notification to the people it concerns in the cause's own
 * transaction, and the one-click unsubscribe links (RFC 8058) those messages carry.
 *
 * Preferences, unsubscribe tokens and schedules are a person's, not an org's: the tenant role has
 * no privilege on them. A sender in a tenant transaction reaches them through
 * `systemStepWithin` (db/tenant.ts) — the same transaction, so the mail exists exactly when the
 * change does — and every statement here filters explicitly by person.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "~db/client";
import { memberships, type NotificationPreferenceKind, notificationPreferences, orgs, type Role, unsubscribeTokens, users } from "~db/schema";
import { systemStepWithin, withSystem } from "~db/tenant";
import type { AccountContext, SystemContext } from "~/auth/context";
import {
  choiceFor,
  isNotificationChoice,
  isOptionOf,
  type MailKind,
  NOTIFICATION_CHOICE_KINDS,
  NOTIFICATION_CHOICES,
  type NotificationChoice,
  type NotificationSetting,
} from "~/domain/mail-kinds";
import { publicOrigin } from "~/env.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/locales";
import { randomToken, sha256Hex } from "~/server/crypto.server";
import type { ComposedMail, NotificationLinks } from "~/server/mail.server";
import { queueMail } from "./mail-outbox.server";

// The schema's list of kinds and the domain's list of choices are one list (a compile-time check).
const _sameKinds: Record<NotificationPreferenceKind, true> & Record<NotificationChoice, true> = {
  access_requested: true,
  access_decided: true,
  share_link_viewed: true,
  alert: true,
  investor_update: true,
  request_reminder: true,
};
void _sameKinds;

export type NotificationSettings = Record<NotificationChoice, NotificationSetting>;

function defaults(): NotificationSettings {
  return Object.fromEntries(NOTIFICATION_CHOICE_KINDS.map((choice) => [choice, NOTIFICATION_CHOICES[choice].byDefault])) as NotificationSettings;
}

/** Every choice of each of `userIds`: what they set, else the default. Runs as the system (filters by person). */
async function settingsOf(tx: Tx, userIds: string[]): Promise<Map<string, NotificationSettings>> {
  const result = new Map(userIds.map((id) => [id, defaults()]));
  if (userIds.length === 0) return result;
  const rows = await tx
    .select({ userId: notificationPreferences.userId, kind: notificationPreferences.kind, setting: notificationPreferences.setting })
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, userIds));
  for (const row of rows) {
    const settings = result.get(row.userId);
    // A stored value a newer version no longer offers counts as the default.
    if (settings && isNotificationChoice(row.kind) && isOptionOf(row.kind, row.setting)) settings[row.kind] = row.setting;
  }
  return result;
}

/** One person's setting for one choice (what they set, else the default); system transaction. */
export async function settingOf(tx: Tx, userId: string, choice: NotificationChoice): Promise<NotificationSetting> {
  const settings = await systemStepWithin(tx, (sys) => settingsOf(sys, [userId]));
  return settings.get(userId)?.[choice] ?? NOTIFICATION_CHOICES[choice].byDefault;
}

/**
 * Whether mail of `kind` is wanted by a setting. Early warnings: `alert` (one at once) when the
 * person wants them immediately, or when they are critical and the person did not turn warnings
 * off; `alert_digest` when they chose a digest.
 */
function settingWants(kind: MailKind, setting: NotificationSetting, critical: boolean): boolean {
  if (setting === "off") return false;
  if (kind === "alert") return setting === "immediate" || critical;
  if (kind === "alert_digest") return setting === "daily" || setting === "weekly";
  return true;
}

/**
 * The one question every sender asks: does this person want mail of this kind? Security and
 * transactional mail always: nobody may turn off the warning that their password changed.
 * Works in a tenant or a system transaction. `critical` is for early warnings (see settingWants).
 */
export async function wantsMail(tx: Tx, userId: string, kind: MailKind, { critical = false } = {}): Promise<boolean> {
  const choice = choiceFor(kind);
  if (!choice) return true;
  const settings = await systemStepWithin(tx, (sys) => settingsOf(sys, [userId]));
  return settingWants(kind, settings.get(userId)?.[choice] ?? NOTIFICATION_CHOICES[choice].byDefault, critical);
}

/** Where links in mail point: the request's origin, else APP_ORIGIN, else this machine (a job has no request; publicOrigin). */
export function mailOrigin(origin?: string): string {
  return origin || publicOrigin();
}

/** People of `orgId` with one of `roles`, as user ids (system step: the org may be another tenant's). */
export async function orgPeople(tx: Tx, orgId: string, roles: readonly Role[]): Promise<string[]> {
  return systemStepWithin(tx, async (sys) => {
    const rows = await sys
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, [...roles])));
    return rows.map((r) => r.userId);
  });
}

/**
 * Who hears about a decision on an investor's access: the person who asked, while still a member
 * of the investor org; otherwise (the startup shared first, or they left) its owners.
 */
export async function investorSideRecipients(tx: Tx, investorOrgId: string, requesterId: string | null): Promise<string[]> {
  if (requesterId) {
    const still = await systemStepWithin(tx, (sys) =>
      sys
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, investorOrgId), eq(memberships.userId, requesterId))),
    );
    if (still.length > 0) return [requesterId];
  }
  return orgPeople(tx, investorOrgId, ["owner"]);
}

/** An org's name and slug for a message to its people (system step: it may be another tenant's). */
export async function orgForMail(tx: Tx, orgId: string): Promise<{ name: string; slug: string } | null> {
  const [row] = await systemStepWithin(tx, (sys) => sys.select({ name: orgs.name, slug: orgs.slug }).from(orgs).where(eq(orgs.id, orgId)));
  return row ?? null;
}

export interface NotificationRequest {
  /**
   * The org whose owners see the message in their mail list (the recipients' org), or null for a
   * person's own mail in no tenant (news about another org's relationship with them).
   */
  orgId: string | null;
  kind: MailKind;
  userIds: readonly string[];
  /** The origin links point at (mailOrigin). */
  origin: string;
  /** For early warnings: critical ones come at once unless warnings are off. */
  critical?: boolean;
  /** The message for one recipient, in their language, ending with `links`. */
  compose: (locale: Locale, links: NotificationLinks) => ComposedMail;
}

/**
 * Queues `kind` to each of `userIds` who wants it, in their language, with a fresh one-click
 * unsubscribe link bound to them and the kind's choice (only its hash is stored). Inside the
 * cause's transaction (tenant or system); returns how many were queued.
 */
export async function queueNotification(tx: Tx, request: NotificationRequest): Promise<number> {
  const choice = choiceFor(request.kind);
  if (!choice) throw new Error(`queueNotification: ${request.kind} is not a notification`);
  const ids = [...new Set(request.userIds)];
  if (ids.length === 0) return 0;
  return systemStepWithin(tx, async (sys) => {
    const people = await sys.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, ids));
    const settings = await settingsOf(
      sys,
      people.map((p) => p.id),
    );
    let queued = 0;
    for (const person of people) {
      const setting = settings.get(person.id)?.[choice] ?? NOTIFICATION_CHOICES[choice].byDefault;
      if (!settingWants(request.kind, setting, request.critical ?? false)) continue;
      const token = randomToken();
      await sys.insert(unsubscribeTokens).values({ tokenHash: sha256Hex(token), userId: person.id, kind: choice });
      const links = { settings: `${request.origin}/account/notifications`, unsubscribe: `${request.origin}/unsubscribe/${token}` };
      const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
      const mail = request.compose(locale, links);
      await queueMail(sys, {
        ...mail,
        orgId: request.orgId,
        toEmail: person.email,
        toUserId: person.id,
        kind: request.kind,
        locale,
        listUnsubscribe: links.unsubscribe,
      });
      queued += 1;
    }
    return queued;
  });
}

// ---------------------------------------------------------------- a person's own settings page

/** The account page: every choice with its current setting. */
export async function getNotificationSettings(account: AccountContext): Promise<NotificationSettings> {
  const settings = await withSystem(account.db, (tx) => settingsOf(tx, [account.user.id]));
  return settings.get(account.user.id) ?? defaults();
}

export type SettingsInput = Partial<Record<string, unknown>>;

/**
 * Saves the account page. Every choice must carry one of its options; otherwise nothing is
 * written and the fields in error come back. A choice equal to its default keeps a row too: the
 * person chose it, and a later change of default should not overrule them.
 */
export async function saveNotificationSettings(
  account: AccountContext,
  input: SettingsInput,
): Promise<{ ok: true } | { ok: false; invalid: NotificationChoice[] }> {
  const invalid = NOTIFICATION_CHOICE_KINDS.filter((choice) => !isOptionOf(choice, input[choice]));
  if (invalid.length > 0) return { ok: false, invalid };
  await withSystem(account.db, async (tx) => {
    for (const choice of NOTIFICATION_CHOICE_KINDS) {
      await setChoice(tx, account.user.id, choice, input[choice] as NotificationSetting);
    }
  });
  return { ok: true };
}

async function setChoice(tx: Tx, userId: string, kind: NotificationChoice, setting: NotificationSetting): Promise<void> {
  await tx
    .insert(notificationPreferences)
    .values({ userId, kind, setting })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { setting, updatedAt: sql`now()` } });
}

// ---------------------------------------------------------------- one-click unsubscribe (RFC 8058)

export interface UnsubscribeTarget {
  email: string;
  kind: NotificationChoice;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

async function findToken(tx: Tx, token: string) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await tx
    .select({ userId: unsubscribeTokens.userId, kind: unsubscribeTokens.kind, email: users.email })
    .from(unsubscribeTokens)
    .innerJoin(users, eq(users.id, unsubscribeTokens.userId))
    .where(eq(unsubscribeTokens.tokenHash, sha256Hex(token)));
  return row && isNotificationChoice(row.kind) ? { ...row, kind: row.kind } : null;
}

/** What a link would turn off, for its confirmation page; null for a link that is not one of ours. */
export async function findUnsubscribeTarget({ db }: SystemContext, token: string): Promise<UnsubscribeTarget | null> {
  const found = await withSystem(db, (tx) => findToken(tx, token));
  return found ? { email: found.email, kind: found.kind } : null;
}

/**
 * The one click: turns the link's kind off for its person. No session and no Origin needed (a
 * mail client posts it); the token is the capability. A link that is not ours writes nothing.
 */
export async function unsubscribe({ db }: SystemContext, token: string): Promise<UnsubscribeTarget | null> {
  return withSystem(db, async (tx) => {
    const found = await findToken(tx, token);
    if (!found) return null;
    await setChoice(tx, found.userId, found.kind, "off");
    return { email: found.email, kind: found.kind };
  });
}
