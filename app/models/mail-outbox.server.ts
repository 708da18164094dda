/**
 * The outbox is the mail queue (decision 016). A message is written here in the same
 * transaction as the change that caused it — an invitation, a sign-up, a reset request — so it
 * exists exactly when that change does; the delivery worker (app/server/mail-delivery.server.ts)
 * sends it later. This module is the only door to the table.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type Db, rowsOf, type Tx } from "~db/client";
import { mailOutbox } from "~db/schema";
import { withSystem } from "~db/tenant";
import type { OrgContext } from "~/auth/context";
import { isUuid } from "~/domain/bounds";
import type { Locale } from "~/i18n/locales";
import type { ComposedMail } from "~/server/mail.server";
import { readInOrg } from "./org-read.server";

export interface QueuedMail extends ComposedMail {
  /** The org whose change caused it; null for account mail (verification, reset, security). */
  orgId: string | null;
  toEmail: string;
  toUserId?: string | null;
  /** What caused it (app/server/mail.server.ts, MailKind). */
  kind: string;
  locale: Locale;
  /** A notification's one-click unsubscribe URL (decision 023); the worker sends it as List-Unsubscribe. */
  listUnsubscribe?: string | null;
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
    listUnsubscribe: mail.listUnsubscribe ?? null,
  });
  mailQueued();
  return { id, messageId };
}

/**
 * Account mail (decision 017): to a person about their own account, in no org (`orgId` null),
 * so queued from a system transaction. `to` is the person; `to.email` the address it goes to.
 */
export function queueAccountMail(tx: Tx, to: { id: string; email: string }, kind: string, locale: Locale, mail: ComposedMail) {
  return queueMail(tx, { ...mail, orgId: null, toEmail: to.email, toUserId: to.id, kind, locale });
}

// ---------------------------------------------------------------- delivery (the worker's side)

/** A due message the worker now holds until its claim lapses. */
export interface ClaimedMail {
  id: string;
  toEmail: string;
  toUserId: string | null;
  kind: string;
  locale: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  /** The one-click unsubscribe URL of a notification; null for any other mail. */
  listUnsubscribe: string | null;
  /** Attempts before this one. */
  attempts: number;
}

interface ClaimedRow {
  id: string;
  to_email: string;
  to_user_id: string | null;
  kind: string;
  locale: string;
  subject: string;
  body: string;
  html: string | null;
  message_id: string;
  list_unsubscribe: string | null;
  attempts: number;
}

const listeners = new Set<() => void>();

/**
 * In-process wake-up: the delivery worker listens, so a reset link need not wait for the next
 * poll. Called before the queuing transaction commits, so the worker looks again shortly after
 * (mail-delivery.server.ts); a wake that comes too early costs one empty claim.
 */
export function onMailQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function mailQueued(): void {
  for (const listener of listeners) listener();
}

/**
 * Claims up to `limit` due messages for `leaseMs`: queued or retrying, due, and not held by a
 * live claim (a crashed worker's claim lapses and the row is due again). `FOR UPDATE SKIP
 * LOCKED` lets several instances claim at once without ever taking the same row; the claim is
 * committed before anything is sent, so a slow SMTP server holds no lock.
 */
export async function claimDueMail(db: Db, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  return withSystem(db, async (tx) => {
    const result = await tx.execute(sql`
      update mail_outbox set claimed_until = now() + make_interval(secs => ${leaseMs / 1000})
      where id in (
        select id from mail_outbox
        where status in ('queued', 'retrying') and next_attempt_at <= now()
          and (claimed_until is null or claimed_until < now())
        order by next_attempt_at
        limit ${limit}
        for update skip locked
      )
      returning id, to_email, to_user_id, kind, locale, subject, body, html, message_id, list_unsubscribe, attempts`);
    return rowsOf<ClaimedRow>(result).map((r) => ({
      id: r.id,
      toEmail: r.to_email,
      toUserId: r.to_user_id,
      kind: r.kind,
      locale: r.locale,
      subject: r.subject,
      text: r.body,
      html: r.html,
      messageId: r.message_id,
      listUnsubscribe: r.list_unsubscribe,
      attempts: Number(r.attempts),
    }));
  });
}

/**
 * Delivered: the parts are blanked (they may hold a single-use link; the recipient has them
 * now), the claim released. Only a row still in flight changes, so a late duplicate mark is a no-op.
 */
export async function markSent(db: Db, id: string): Promise<void> {
  await withSystem(db, (tx) =>
    tx
      .update(mailOutbox)
      .set({
        status: "sent",
        sentAt: sql`now()`,
        body: "",
        html: null,
        listUnsubscribe: null,
        attempts: sql`${mailOutbox.attempts} + 1`,
        claimedUntil: null,
        lastError: null,
      })
      .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ["queued", "retrying"]))),
  );
}

/**
 * Not delivered: counts the attempt and records why (`error` is the SMTP answer or the
 * connection error, never the message). Due again after `retryInMs`; after `maxAttempts`, or
 * when `permanent` (the server refused the message for good, a 5xx), it is `failed`.
 */
export async function markFailedAttempt(
  db: Db,
  id: string,
  { error, retryInMs, maxAttempts, permanent = false }: { error: string; retryInMs: number; maxAttempts: number; permanent?: boolean },
): Promise<void> {
  await withSystem(db, (tx) =>
    tx
      .update(mailOutbox)
      .set({
        attempts: sql`${mailOutbox.attempts} + 1`,
        status: permanent ? "failed" : sql`case when ${mailOutbox.attempts} + 1 >= ${maxAttempts} then 'failed' else 'retrying' end`,
        nextAttemptAt: sql`now() + make_interval(secs => ${retryInMs / 1000})`,
        claimedUntil: null,
        lastError: error.slice(0, 300),
      })
      .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ["queued", "retrying"]))),
  );
}

/**
 * Without a sender (no SMTP_URL): the message is held — kept, never sent later when a sender
 * appears (an old link arriving out of the blue), and shown by the demo mailbox.
 */
export async function markHeld(db: Db, id: string): Promise<void> {
  await withSystem(db, (tx) =>
    tx
      .update(mailOutbox)
      .set({ status: "held", claimedUntil: null })
      .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ["queued", "retrying"]))),
  );
}

/** A stopping worker gives back the rows it claimed and did not get to: due again at once. */
export async function releaseClaims(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await withSystem(db, (tx) =>
    tx
      .update(mailOutbox)
      .set({ claimedUntil: null })
      .where(and(inArray(mailOutbox.id, ids), inArray(mailOutbox.status, ["queued", "retrying"]))),
  );
}

/**
 * The org's recent mail and how its delivery went, for its owners and admins (the settings
 * page). A tenant read: RLS confines it to the org, and account mail (no org) is never seen.
 * Never the parts: they may hold a link meant for the recipient alone.
 */
export async function listOrgMail(ctx: OrgContext, limit = 50) {
  return readInOrg(ctx, (tx) =>
    tx
      .select({
        id: mailOutbox.id,
        toEmail: mailOutbox.toEmail,
        subject: mailOutbox.subject,
        kind: mailOutbox.kind,
        status: mailOutbox.status,
        attempts: mailOutbox.attempts,
        lastError: mailOutbox.lastError,
        createdAt: mailOutbox.createdAt,
        sentAt: mailOutbox.sentAt,
      })
      .from(mailOutbox)
      .orderBy(desc(mailOutbox.createdAt))
      .limit(limit),
  );
}

/** A message as the demo mailbox shows it (app/routes/mailbox.tsx). */
export interface MailboxEntry {
  id: string;
  toEmail: string;
  subject: string;
  kind: string;
  status: string;
  createdAt: Date;
}

const MAILBOX_COLUMNS = {
  id: mailOutbox.id,
  toEmail: mailOutbox.toEmail,
  subject: mailOutbox.subject,
  kind: mailOutbox.kind,
  status: mailOutbox.status,
  createdAt: mailOutbox.createdAt,
};

/**
 * The demo mailbox (embedded database, no SMTP relay, this machine only — see
 * app/server/demo-mailbox.server.ts): the latest messages that were not sent, every org's and
 * every account's, newest first. Only through the system door: it crosses tenants on purpose.
 */
export async function listUnsentMail({ db }: { db: Db }, limit = 100): Promise<MailboxEntry[]> {
  return withSystem(db, (tx) =>
    tx
      .select(MAILBOX_COLUMNS)
      .from(mailOutbox)
      .where(inArray(mailOutbox.status, ["held", "queued"]))
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(limit),
  );
}

/** One unsent message with its text, for the demo mailbox; null when there is none by that id. */
export async function getUnsentMail({ db }: { db: Db }, id: string): Promise<(MailboxEntry & { text: string }) | null> {
  if (!isUuid(id)) return null;
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ ...MAILBOX_COLUMNS, text: mailOutbox.body })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ["held", "queued"]))),
  );
  return row ?? null;
}
