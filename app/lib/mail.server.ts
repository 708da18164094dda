/**
 * There is no mail server yet: messages go to the `mail_outbox` table in the same
 * transaction as the change that caused them, and the UI shows links directly. A real
 * sender implements Mailer and drains the outbox.
 */
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
