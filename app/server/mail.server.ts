/**
 * There is no mail server yet: messages go to the `mail_outbox` table in the same
 * transaction as the change that caused them, and the UI shows links directly. A real
 * sender implements Mailer and drains the outbox.
 */
import type { Role } from "~db/schema";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/translate";
import { admin_mail_invite_body } from "~/paraglide/messages/admin_mail_invite_body.js";
import { admin_mail_invite_subject } from "~/paraglide/messages/admin_mail_invite_subject.js";
import { common_role_admin } from "~/paraglide/messages/common_role_admin.js";
import { common_role_member } from "~/paraglide/messages/common_role_member.js";
import { common_role_owner } from "~/paraglide/messages/common_role_owner.js";
import { common_role_viewer } from "~/paraglide/messages/common_role_viewer.js";

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Development sender: logs the subject line only (bodies may hold single-use links). */
export const logMailer: Mailer = {
  async send(message) {
    console.log(JSON.stringify({ level: "info", msg: "mail.send", to: message.to, subject: message.subject }));
  },
};

/**
 * The invitation e-mail in `locale`: the recipient's stored language when they already have
 * an account with one, otherwise the inviter's (docs/i18n.md, "e-mails").
 */
export function invitationMail(
  locale: Locale,
  vars: { inviter: string; org: string; role: Role; link: string; days: number },
): Pick<MailMessage, "subject" | "body"> {
  const t = translator(locale);
  return {
    subject: t(admin_mail_invite_subject, { inviter: vars.inviter, org: vars.org }),
    body: t(admin_mail_invite_body, {
      org: vars.org,
      role: t({ admin: common_role_admin, member: common_role_member, owner: common_role_owner, viewer: common_role_viewer }[vars.role]),
      link: vars.link,
      count: vars.days,
    }),
  };
}
