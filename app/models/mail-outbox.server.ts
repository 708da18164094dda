/**
 * The outbox is the mail queue (decision 016). A message is written here in the same
 * transaction as the change that caused it — an invitation, a sign-up, a reset request — so it
 * exists exactly when that change does; the delivery worker (app/server/mail-delivery.server.ts)
 * sends it later. This module is the only door to the table.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "~db/client";
import { mailOutbox } from "~db/schema";
import type { Locale } from "~/i18n/locales";
import type { ComposedMail } from "~/server/mail.server";

export interface QueuedMail extends ComposedMail {
  /** The org whose change caused it; null for account mail (verification, reset, security). */
  orgId: string | null;
  toEmail: string;
  toUserId?: string | null;
  /** What caused it (app/server/mail.server.ts, MailKind). */
  kind: string;
  locale: Locale;
}

/** The Message-ID, fixed before the first attempt so every retry carries the same one. */
export function newMessageId(id: string): string {
  return `<${id}@outbox.capital-desk>`;
}

/**
 * Queues `mail` inside `tx`. For org mail, `tx` is that org's tenant transaction (RLS checks
 * the org); account mail (`orgId: null`) must be queued from a system transaction.
 */
export async function queueMail(tx: Tx, mail: QueuedMail): Promise<{ id: string; messageId: string }> {
  const id = randomUUID();
  const messageId = newMessageId(id);
  await tx.insert(mailOutbox).values({
    id,
    orgId: mail.orgId,
    toUserId: mail.toUserId ?? null,
    toEmail: mail.toEmail,
    kind: mail.kind,
    locale: mail.locale,
    subject: mail.subject,
    body: mail.text,
    html: mail.html,
    messageId,
  });
  return { id, messageId };
}
