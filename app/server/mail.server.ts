/**
 * What the app says in its e-mails. Messages are queued in the outbox (app/models/mail-outbox.server.ts)
 * with both parts rendered here, in the recipient's language; the delivery worker sends them
 * (decision 016). One plain layout: the text part is the message; the HTML part is the same
 * paragraphs, escaped, with links made clickable — it renders in every common client.
 */
import type { Role } from "~db/schema";
import type { Locale } from "~/i18n/locales";
import { type PlainKey, type TranslationKey, translator, type Vars, type VarsArg } from "~/i18n/translate";
import { formatterFor } from "~/i18n/format";
import { deviceLabel } from "~/lib/user-agent";
import { admin_mail_invite_body } from "~/paraglide/messages/admin_mail_invite_body.js";
import { admin_mail_invite_subject } from "~/paraglide/messages/admin_mail_invite_subject.js";
import { admin_mail_shareViewed_body } from "~/paraglide/messages/admin_mail_shareviewed_body1.js";
import { admin_mail_shareViewed_subject } from "~/paraglide/messages/admin_mail_shareviewed_subject1.js";
import { auth_notify_mail_footer } from "~/paraglide/messages/auth_notify_mail_footer.js";
import { investor_mail_accessApproved_body } from "~/paraglide/messages/investor_mail_accessapproved_body1.js";
import { investor_mail_accessApproved_subject } from "~/paraglide/messages/investor_mail_accessapproved_subject1.js";
import { investor_mail_accessChanged_body } from "~/paraglide/messages/investor_mail_accesschanged_body1.js";
import { investor_mail_accessChanged_subject } from "~/paraglide/messages/investor_mail_accesschanged_subject1.js";
import { investor_mail_accessRequested_body } from "~/paraglide/messages/investor_mail_accessrequested_body1.js";
import { investor_mail_accessRequested_subject } from "~/paraglide/messages/investor_mail_accessrequested_subject1.js";
import { investor_mail_accessRevoked_body } from "~/paraglide/messages/investor_mail_accessrevoked_body1.js";
import { investor_mail_accessRevoked_subject } from "~/paraglide/messages/investor_mail_accessrevoked_subject1.js";
import { investor_mail_alertDigest_body } from "~/paraglide/messages/investor_mail_alertdigest_body1.js";
import { investor_mail_alertDigest_subject } from "~/paraglide/messages/investor_mail_alertdigest_subject1.js";
import { investor_mail_companyInvite_body } from "~/paraglide/messages/investor_mail_companyinvite_body1.js";
import { investor_mail_companyInvite_subject } from "~/paraglide/messages/investor_mail_companyinvite_subject1.js";
import { investor_mail_alert_body } from "~/paraglide/messages/investor_mail_alert_body.js";
import { investor_mail_alert_subject } from "~/paraglide/messages/investor_mail_alert_subject.js";
import { investor_mail_alertNew_body } from "~/paraglide/messages/investor_mail_alertnew_body1.js";
import { investor_mail_alertNew_subject } from "~/paraglide/messages/investor_mail_alertnew_subject1.js";
import { auth_mail_accountExists_body } from "~/paraglide/messages/auth_mail_accountexists_body1.js";
import { auth_mail_accountExists_subject } from "~/paraglide/messages/auth_mail_accountexists_subject1.js";
import { auth_mail_emailChanged_body } from "~/paraglide/messages/auth_mail_emailchanged_body1.js";
import { auth_mail_emailChanged_subject } from "~/paraglide/messages/auth_mail_emailchanged_subject1.js";
import { auth_mail_emailChangeRequested_body } from "~/paraglide/messages/auth_mail_emailchangerequested_body2.js";
import { auth_mail_emailChangeRequested_subject } from "~/paraglide/messages/auth_mail_emailchangerequested_subject2.js";
import { auth_mail_emailConfirm_body } from "~/paraglide/messages/auth_mail_emailconfirm_body1.js";
import { auth_mail_emailConfirm_subject } from "~/paraglide/messages/auth_mail_emailconfirm_subject1.js";
import { auth_mail_newSignIn_body } from "~/paraglide/messages/auth_mail_newsignin_body2.js";
import { auth_mail_newSignIn_subject } from "~/paraglide/messages/auth_mail_newsignin_subject2.js";
import { auth_mail_passwordChanged_body } from "~/paraglide/messages/auth_mail_passwordchanged_body1.js";
import { auth_mail_passwordChanged_subject } from "~/paraglide/messages/auth_mail_passwordchanged_subject1.js";
import { auth_mail_reset_body } from "~/paraglide/messages/auth_mail_reset_body.js";
import { auth_mail_reset_subject } from "~/paraglide/messages/auth_mail_reset_subject.js";
import { auth_mail_twoFactor_body } from "~/paraglide/messages/auth_mail_twofactor_body1.js";
import { auth_mail_twoFactor_disabled } from "~/paraglide/messages/auth_mail_twofactor_disabled1.js";
import { auth_mail_twoFactor_enabled } from "~/paraglide/messages/auth_mail_twofactor_enabled1.js";
import { auth_mail_twoFactor_recoveryCodes } from "~/paraglide/messages/auth_mail_twofactor_recoverycodes2.js";
import { auth_mail_twoFactor_subject } from "~/paraglide/messages/auth_mail_twofactor_subject1.js";
import { auth_mail_verify_body } from "~/paraglide/messages/auth_mail_verify_body.js";
import { auth_mail_verify_subject } from "~/paraglide/messages/auth_mail_verify_subject.js";
import { records_request_mail_body } from "~/paraglide/messages/records_request_mail_body.js";
import { records_request_mail_subject } from "~/paraglide/messages/records_request_mail_subject.js";
import { updates_mail_body } from "~/paraglide/messages/updates_mail_body.js";
import { updates_mail_subject } from "~/paraglide/messages/updates_mail_subject.js";
import { ROLE_LABELS } from "~/domain/role-labels";

export { MAIL_KINDS, type MailCategory, type MailKind, mailCategory } from "~/domain/mail-kinds";

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
      role: t(ROLE_LABELS[vars.role]),
      link: vars.link,
      count: vars.days,
    }),
  );
}

/**
 * A fund's invitation to a company not on Capital Desk yet (decision 028), to the founder's
 * address: who asks, for which period, by when, and the single-use link that opens the answer.
 * Transactional (kind `invitation`): one message the fund's action caused, nothing to unsubscribe from.
 */
export function companyInvitationMail(
  locale: Locale,
  vars: { fund: string; inviter: string; company: string; period: string; due: string; link: string; days: number },
): ComposedMail {
  const t = translator(locale);
  return composeMail(locale, t(investor_mail_companyInvite_subject, vars), t(investor_mail_companyInvite_body, vars));
}

/*
 * Account mail (decision 017): security mail about the recipient's own account, in their
 * language, never with an unsubscribe link. Each carries a link that works once; the text says
 * what to do when it was not them.
 */

/** Where a security mail sends someone for whom the change was not them: the password reset page. */
export function resetLink(origin: string): string {
  return `${origin}/forgot-password`;
}

/** An account mail that is its subject and its body, the body filled in with `vars`. */
function accountMail<M extends TranslationKey>(subject: PlainKey, body: M) {
  return (locale: Locale, vars: Vars<M>): ComposedMail => {
    const t = translator(locale);
    return composeMail(locale, t(subject), t(body, ...([vars] as VarsArg<M>)));
  };
}

/** The link that proves `email` is the recipient's (24 h). */
export const verifyEmailMail = accountMail(auth_mail_verify_subject, auth_mail_verify_body);

/** Sign-up with an address that has an account: where to sign in, and how to reset. */
export const accountExistsMail = accountMail(auth_mail_accountExists_subject, auth_mail_accountExists_body);

/** The reset link (1 h, once). */
export const passwordResetMail = accountMail(auth_mail_reset_subject, auth_mail_reset_body);

/** After a reset: the password changed and every session ended. */
export const passwordChangedMail = accountMail(auth_mail_passwordChanged_subject, auth_mail_passwordChanged_body);

export type TwoFactorChange = "enabled" | "disabled" | "recovery_codes";

/** Two-factor sign-in was turned on or off, or its recovery codes made anew (decision 021). Never a code. */
export function twoFactorChangedMail(locale: Locale, vars: { email: string; change: TwoFactorChange; reset: string }): ComposedMail {
  const t = translator(locale);
  const change = t(
    { enabled: auth_mail_twoFactor_enabled, disabled: auth_mail_twoFactor_disabled, recovery_codes: auth_mail_twoFactor_recoveryCodes }[vars.change],
    {
      email: vars.email,
    },
  );
  return composeMail(locale, t(auth_mail_twoFactor_subject), t(auth_mail_twoFactor_body, { change, reset: vars.reset }));
}

/**
 * A sign-in from a device and address not seen before for this account (decision 022): what,
 * from where, when, and where to sign it out.
 */
export function newSignInMail(locale: Locale, vars: { email: string; userAgent: string; address: string; at: Date; sessions: string }): ComposedMail {
  const t = translator(locale);
  return composeMail(
    locale,
    t(auth_mail_newSignIn_subject),
    t(auth_mail_newSignIn_body, {
      email: vars.email,
      device: deviceLabel(t, vars.userAgent),
      address: vars.address,
      time: formatterFor(locale).dateTime(vars.at),
      sessions: vars.sessions,
    }),
  );
}

/** The link to the new address that makes it the account's (24 h, once). */
export const emailChangeConfirmMail = accountMail(auth_mail_emailConfirm_subject, auth_mail_emailConfirm_body);

/** To the old address when a change is asked for: nothing changed yet; what to do if it was not them. */
export const emailChangeRequestedMail = accountMail(auth_mail_emailChangeRequested_subject, auth_mail_emailChangeRequested_body);

/** To the old address when the change took effect. */
export const emailChangedMail = accountMail(auth_mail_emailChanged_subject, auth_mail_emailChanged_body);

/*
 * Notifications (decision 023): news a person chose to get. Each is composed once per recipient,
 * in their language, and ends with the footer: where to change the choice, and the one-click
 * unsubscribe link that the List-Unsubscribe header also carries.
 */

/** The links every notification ends with. */
export interface NotificationLinks {
  settings: string;
  unsubscribe: string;
}

function notificationMail(locale: Locale, subject: string, text: string, links: NotificationLinks): ComposedMail {
  const t = translator(locale);
  return composeMail(locale, subject, `${text}\n${t(auth_notify_mail_footer, links)}`);
}

/** A notification that is its subject and its body, both filled in with `vars`. */
function notificationOf<S extends TranslationKey, M extends TranslationKey>(subject: S, body: M) {
  return (locale: Locale, vars: Vars<M> & Vars<S>, links: NotificationLinks): ComposedMail => {
    const t = translator(locale);
    return notificationMail(locale, t(subject, ...([vars] as VarsArg<S>)), t(body, ...([vars] as VarsArg<M>)), links);
  };
}

export type AccessNews = "access_requested" | "access_approved" | "access_changed" | "access_revoked";

const ACCESS_NEWS = {
  access_requested: [investor_mail_accessRequested_subject, investor_mail_accessRequested_body],
  access_approved: [investor_mail_accessApproved_subject, investor_mail_accessApproved_body],
  access_changed: [investor_mail_accessChanged_subject, investor_mail_accessChanged_body],
  access_revoked: [investor_mail_accessRevoked_subject, investor_mail_accessRevoked_body],
} as const;

/** An access request (to the startup's owners and admins) or a decision on one (to the investor's side). */
export function accessMail(
  kind: AccessNews,
  locale: Locale,
  vars: { investor: string; company: string; link: string },
  links: NotificationLinks,
): ComposedMail {
  const t = translator(locale);
  const [subject, body] = ACCESS_NEWS[kind];
  return notificationMail(locale, t(subject, vars), t(body, vars), links);
}

/** A share link was opened for the first time (to the person who made it). */
export const shareLinkViewedMail = notificationOf(admin_mail_shareViewed_subject, admin_mail_shareViewed_body);

const ALERT_NEWS = {
  critical: [investor_mail_alert_subject, investor_mail_alert_body],
  warning: [investor_mail_alertNew_subject, investor_mail_alertNew_body],
  digest: [investor_mail_alertDigest_subject, investor_mail_alertDigest_body],
} as const;

/**
 * New early warnings: `lines` are already in `locale` ("Company — what"). `critical` ones at once
 * (mail kind `alert`), other `warning`s at once for those who chose so (`alert`), or a `digest`
 * (`alert_digest`).
 */
export function alertMail(
  news: keyof typeof ALERT_NEWS,
  locale: Locale,
  vars: { org: string; lines: string[]; link: string },
  links: NotificationLinks,
): ComposedMail {
  const t = translator(locale);
  const list = vars.lines.map((line) => `- ${line}`).join("\n");
  const [subject, body] = ALERT_NEWS[news];
  return notificationMail(locale, t(subject, vars), t(body, { ...vars, list }), links);
}

/**
 * An investor update (decision 025), to one person of a recipient investor org: the update's text
 * (Markdown source, figure tokens written out in the recipient's language) and the link to read it
 * in the app, where opening it is recorded. A notification like the others (decision 023): it ends
 * with the settings and one-click unsubscribe links.
 */
export function investorUpdateMail(
  locale: Locale,
  vars: { company: string; title: string; month: string; text: string; link: string },
  links: NotificationLinks,
): ComposedMail {
  const t = translator(locale);
  return notificationMail(locale, t(updates_mail_subject, { company: vars.company, title: vars.title }), t(updates_mail_body, vars), links);
}

/**
 * A data request's reminder (decision 026), to the people of the asked company: which fund asks,
 * for which period, by when, and the link to the company's requests inbox.
 */
export const requestReminderMail = notificationOf(records_request_mail_subject, records_request_mail_body);
