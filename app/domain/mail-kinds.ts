/**
 * The kinds of mail the app sends and what a person may choose about them (issue #16, decisions
 * 016 and 023). Browser-safe: the settings page names each kind, the account page offers the
 * choices.
 */
import type { PlainKey } from "~/i18n/translate";
import { admin_settings_mail_kindName_access_approved } from "~/paraglide/messages/admin_settings_mail_kindname_access_approved1.js";
import { admin_settings_mail_kindName_access_changed } from "~/paraglide/messages/admin_settings_mail_kindname_access_changed1.js";
import { admin_settings_mail_kindName_access_requested } from "~/paraglide/messages/admin_settings_mail_kindname_access_requested1.js";
import { admin_settings_mail_kindName_access_revoked } from "~/paraglide/messages/admin_settings_mail_kindname_access_revoked1.js";
import { admin_settings_mail_kindName_account_exists } from "~/paraglide/messages/admin_settings_mail_kindname_account_exists1.js";
import { admin_settings_mail_kindName_alert } from "~/paraglide/messages/admin_settings_mail_kindname_alert1.js";
import { admin_settings_mail_kindName_alert_digest } from "~/paraglide/messages/admin_settings_mail_kindname_alert_digest1.js";
import { admin_settings_mail_kindName_email_changed } from "~/paraglide/messages/admin_settings_mail_kindname_email_changed1.js";
import { admin_settings_mail_kindName_invitation } from "~/paraglide/messages/admin_settings_mail_kindname_invitation1.js";
import { admin_settings_mail_kindName_new_sign_in } from "~/paraglide/messages/admin_settings_mail_kindname_new_sign_in1.js";
import { admin_settings_mail_kindName_other } from "~/paraglide/messages/admin_settings_mail_kindname_other1.js";
import { admin_settings_mail_kindName_password_changed } from "~/paraglide/messages/admin_settings_mail_kindname_password_changed1.js";
import { admin_settings_mail_kindName_password_reset } from "~/paraglide/messages/admin_settings_mail_kindname_password_reset1.js";
import { admin_settings_mail_kindName_share_link_viewed } from "~/paraglide/messages/admin_settings_mail_kindname_share_link_viewed1.js";
import { admin_settings_mail_kindName_request_reminder } from "~/paraglide/messages/admin_settings_mail_kindname_request_reminder1.js";
import { admin_settings_mail_kindName_investor_update } from "~/paraglide/messages/admin_settings_mail_kindname_investor_update1.js";
import { admin_settings_mail_kindName_two_factor_changed } from "~/paraglide/messages/admin_settings_mail_kindname_two_factor_changed1.js";
import { admin_settings_mail_kindName_verify_email } from "~/paraglide/messages/admin_settings_mail_kindname_verify_email1.js";
import { auth_notify_kind_access_decided } from "~/paraglide/messages/auth_notify_kind_access_decided.js";
import { auth_notify_kind_access_requested } from "~/paraglide/messages/auth_notify_kind_access_requested.js";
import { auth_notify_kind_alert } from "~/paraglide/messages/auth_notify_kind_alert.js";
import { auth_notify_kind_investor_update } from "~/paraglide/messages/auth_notify_kind_investor_update.js";
import { auth_notify_kind_request_reminder } from "~/paraglide/messages/auth_notify_kind_request_reminder.js";
import { auth_notify_kind_share_link_viewed } from "~/paraglide/messages/auth_notify_kind_share_link_viewed.js";
import { auth_notify_setting_daily } from "~/paraglide/messages/auth_notify_setting_daily.js";
import { auth_notify_setting_immediate } from "~/paraglide/messages/auth_notify_setting_immediate.js";
import { auth_notify_setting_off } from "~/paraglide/messages/auth_notify_setting_off.js";
import { auth_notify_setting_on } from "~/paraglide/messages/auth_notify_setting_on.js";
import { auth_notify_setting_weekly } from "~/paraglide/messages/auth_notify_setting_weekly.js";

/**
 * Every kind of mail the app sends, and its category (decision 016):
 * - `security` — about the account itself (verification, reset, a changed password): always
 *   sent, never carries List-Unsubscribe; nobody may turn off the warning that their password changed.
 * - `transactional` — a one-off message a person's own action caused for someone else, such as an
 *   invitation: nothing recurs, so there is nothing to unsubscribe from.
 * - `notification` — recurring news (access requests, early warnings, digests): carries
 *   List-Unsubscribe and the RFC 8058 one-click header, and each person may turn it off.
 */
export const MAIL_KINDS = {
  invitation: "transactional",
  verify_email: "security",
  password_reset: "security",
  account_exists: "security",
  email_changed: "security",
  password_changed: "security",
  new_sign_in: "security",
  two_factor_changed: "security",
  access_requested: "notification",
  access_approved: "notification",
  access_changed: "notification",
  access_revoked: "notification",
  alert: "notification",
  alert_digest: "notification",
  share_link_viewed: "notification",
  investor_update: "notification",
  request_reminder: "notification",
} as const satisfies Record<string, "security" | "transactional" | "notification">;

export type MailKind = keyof typeof MAIL_KINDS;
export type MailCategory = (typeof MAIL_KINDS)[MailKind];

export function isMailKind(kind: string): kind is MailKind {
  return Object.hasOwn(MAIL_KINDS, kind);
}

/** A kind nobody listed is treated as security mail: never offered an unsubscribe it cannot honour. */
export function mailCategory(kind: string): MailCategory {
  return isMailKind(kind) ? MAIL_KINDS[kind] : "security";
}

const MAIL_KIND_LABELS: Record<MailKind, PlainKey> = {
  invitation: admin_settings_mail_kindName_invitation,
  verify_email: admin_settings_mail_kindName_verify_email,
  password_reset: admin_settings_mail_kindName_password_reset,
  account_exists: admin_settings_mail_kindName_account_exists,
  email_changed: admin_settings_mail_kindName_email_changed,
  password_changed: admin_settings_mail_kindName_password_changed,
  new_sign_in: admin_settings_mail_kindName_new_sign_in,
  two_factor_changed: admin_settings_mail_kindName_two_factor_changed,
  access_requested: admin_settings_mail_kindName_access_requested,
  access_approved: admin_settings_mail_kindName_access_approved,
  access_changed: admin_settings_mail_kindName_access_changed,
  access_revoked: admin_settings_mail_kindName_access_revoked,
  alert: admin_settings_mail_kindName_alert,
  alert_digest: admin_settings_mail_kindName_alert_digest,
  share_link_viewed: admin_settings_mail_kindName_share_link_viewed,
  investor_update: admin_settings_mail_kindName_investor_update,
  request_reminder: admin_settings_mail_kindName_request_reminder,
};

/** What the owners' mail table calls a kind (an unknown one, from an older or newer version: "Other"). */
export function mailKindLabel(kind: string): PlainKey {
  return isMailKind(kind) ? MAIL_KIND_LABELS[kind] : admin_settings_mail_kindName_other;
}

// ---------------------------------------------------------------- what a person may choose

/**
 * The notifications a person chooses about (decision 023), each with the choices offered and
 * its default. Several mail kinds share one choice: "a company decided on my fund's access"
 * covers approved, changed and revoked. Security and transactional mail have no choice.
 */
export const NOTIFICATION_CHOICES = {
  access_requested: { options: ["on", "off"], byDefault: "on" },
  access_decided: { options: ["on", "off"], byDefault: "on" },
  share_link_viewed: { options: ["on", "off"], byDefault: "on" },
  alert: { options: ["immediate", "daily", "weekly", "off"], byDefault: "daily" },
  investor_update: { options: ["on", "off"], byDefault: "on" },
  request_reminder: { options: ["on", "off"], byDefault: "on" },
} as const satisfies Record<string, { options: readonly NotificationSetting[]; byDefault: NotificationSetting }>;

export type NotificationSetting = "on" | "off" | "immediate" | "daily" | "weekly";
export type NotificationChoice = keyof typeof NOTIFICATION_CHOICES;
export const NOTIFICATION_CHOICE_KINDS = Object.keys(NOTIFICATION_CHOICES) as NotificationChoice[];

/** Which choice governs a mail kind; null for security and transactional mail (always sent). */
export function choiceFor(kind: MailKind): NotificationChoice | null {
  switch (kind) {
    case "access_requested":
      return "access_requested";
    case "access_approved":
    case "access_changed":
    case "access_revoked":
      return "access_decided";
    case "share_link_viewed":
      return "share_link_viewed";
    case "alert":
    case "alert_digest":
      return "alert";
    case "investor_update":
      return "investor_update";
    case "request_reminder":
      return "request_reminder";
    default:
      return null;
  }
}

export function isNotificationChoice(value: unknown): value is NotificationChoice {
  return typeof value === "string" && Object.hasOwn(NOTIFICATION_CHOICES, value);
}

/** Whether `setting` is one of the options `choice` offers. */
export function isOptionOf(choice: NotificationChoice, setting: unknown): setting is NotificationSetting {
  return (NOTIFICATION_CHOICES[choice].options as readonly unknown[]).includes(setting);
}

export const NOTIFICATION_CHOICE_LABELS: Record<NotificationChoice, PlainKey> = {
  access_requested: auth_notify_kind_access_requested,
  access_decided: auth_notify_kind_access_decided,
  share_link_viewed: auth_notify_kind_share_link_viewed,
  alert: auth_notify_kind_alert,
  investor_update: auth_notify_kind_investor_update,
  request_reminder: auth_notify_kind_request_reminder,
};

export const NOTIFICATION_SETTING_LABELS: Record<NotificationSetting, PlainKey> = {
  on: auth_notify_setting_on,
  off: auth_notify_setting_off,
  immediate: auth_notify_setting_immediate,
  daily: auth_notify_setting_daily,
  weekly: auth_notify_setting_weekly,
};
