/**
 * What the app says in its e-mails. Messages are queued in the outbox (app/models/mail-outbox.server.ts)
 * with both parts rendered here, in the recipient's language; the delivery worker sends them
 * (decision 016). One plain layout: the text part is the message; the HTML part is the same
 * paragraphs, escaped, with links made clickable — it renders in every common client.
 */
import type { Role } from "~db/schema";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/translate";
import { admin_mail_invite_body } from "~/paraglide/messages/admin_mail_invite_body.js";
import { admin_mail_invite_subject } from "~/paraglide/messages/admin_mail_invite_subject.js";
import { auth_mail_accountExists_body } from "~/paraglide/messages/auth_mail_accountexists_body1.js";
import { auth_mail_accountExists_subject } from "~/paraglide/messages/auth_mail_accountexists_subject1.js";
import { auth_mail_passwordChanged_body } from "~/paraglide/messages/auth_mail_passwordchanged_body1.js";
import { auth_mail_passwordChanged_subject } from "~/paraglide/messages/auth_mail_passwordchanged_subject1.js";
import { auth_mail_reset_body } from "~/paraglide/messages/auth_mail_reset_body.js";
import { auth_mail_reset_subject } from "~/paraglide/messages/auth_mail_reset_subject.js";
import { auth_mail_verify_body } from "~/paraglide/messages/auth_mail_verify_body.js";
import { auth_mail_verify_subject } from "~/paraglide/messages/auth_mail_verify_subject.js";
import { common_role_admin } from "~/paraglide/messages/common_role_admin.js";
import { common_role_member } from "~/paraglide/messages/common_role_member.js";
import { common_role_owner } from "~/paraglide/messages/common_role_owner.js";
import { common_role_viewer } from "~/paraglide/messages/common_role_viewer.js";
import { updates_mail_body } from "~/paraglide/messages/updates_mail_body.js";
import { updates_mail_subject } from "~/paraglide/messages/updates_mail_subject.js";

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
} as const satisfies Record<string, "security" | "transactional" | "notification">;

export type MailKind = keyof typeof MAIL_KINDS;
export type MailCategory = (typeof MAIL_KINDS)[MailKind];

/** A kind nobody listed is treated as security mail: never offered an unsubscribe it cannot honour. */
export function mailCategory(kind: string): MailCategory {
  return Object.hasOwn(MAIL_KINDS, kind) ? MAIL_KINDS[kind as MailKind] : "security";
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const LINK = /https?:\/\/[^\s<>"']+/g;

/** One paragraph per line of `text`, escaped, with its links clickable. */
function paragraphsHtml(text: string): string {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      let html = "";
      let last = 0;
      for (const match of line.matchAll(LINK)) {
        const at = match.index ?? 0;
        html += `${escapeHtml(line.slice(last, at))}<a href="${escapeHtml(match[0])}">${escapeHtml(match[0])}</a>`;
        last = at + match[0].length;
      }
      return `<p style="margin:0 0 16px">${html}${escapeHtml(line.slice(last))}</p>`;
    })
    .join("\n");
}

/** Both parts of a message from its subject and plain text. */
export function composeMail(locale: Locale, subject: string, text: string): ComposedMail {
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-weight:bold">Capital Desk</p>
${paragraphsHtml(text)}
</div></body></html>`;
  return { subject, text, html };
}

/**
 * The invitation e-mail in `locale`: the recipient's stored language when they already have
 * an account with one, otherwise the inviter's (docs/i18n.md, "e-mails").
 */
export function invitationMail(locale: Locale, vars: { inviter: string; org: string; role: Role; link: string; days: number }): ComposedMail {
  const t = translator(locale);
  return composeMail(
    locale,
    t(admin_mail_invite_subject, { inviter: vars.inviter, org: vars.org }),
    t(admin_mail_invite_body, {
      org: vars.org,
      role: t({ admin: common_role_admin, member: common_role_member, owner: common_role_owner, viewer: common_role_viewer }[vars.role]),
      link: vars.link,
      count: vars.days,
    }),
  );
}

/*
 * Account mail (decision 017): security mail about the recipient's own account, in their
 * language, never with an unsubscribe link. Each carries a link that works once; the text says
 * what to do when it was not them.
 */

/** The link that proves `email` is the recipient's (24 h). */
export function verifyEmailMail(locale: Locale, vars: { name: string; email: string; link: string }): ComposedMail {
  const t = translator(locale);
  return composeMail(locale, t(auth_mail_verify_subject), t(auth_mail_verify_body, vars));
}

/** Sign-up with an address that has an account: where to sign in, and how to reset. */
export function accountExistsMail(locale: Locale, vars: { email: string; signIn: string; reset: string }): ComposedMail {
  const t = translator(locale);
  return composeMail(locale, t(auth_mail_accountExists_subject), t(auth_mail_accountExists_body, vars));
}

/** The reset link (1 h, once). */
export function passwordResetMail(locale: Locale, vars: { email: string; link: string }): ComposedMail {
  const t = translator(locale);
  return composeMail(locale, t(auth_mail_reset_subject), t(auth_mail_reset_body, vars));
}

/** After a reset: the password changed and every session ended. */
export function passwordChangedMail(locale: Locale, vars: { email: string; reset: string }): ComposedMail {
  const t = translator(locale);
  return composeMail(locale, t(auth_mail_passwordChanged_subject), t(auth_mail_passwordChanged_body, vars));
}

/**
 * An investor update (decision 025), to one person of a recipient investor org: the update's text
 * (Markdown source, figure tokens written out in the recipient's language) and the link to read it
 * in the app, where opening it is recorded.
 */
export function investorUpdateMail(locale: Locale, vars: { company: string; title: string; month: string; text: string; link: string }): ComposedMail {
  const t = translator(locale);
  return composeMail(locale, t(updates_mail_subject, { company: vars.company, title: vars.title }), t(updates_mail_body, vars));
}
