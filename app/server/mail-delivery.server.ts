/**
 * The delivery worker (decision 016): drains the outbox, which is the queue. Every app instance
 * runs one; `claimDueMail` takes rows with SKIP LOCKED, so instances never share a row. It wakes
 * every `pollMs` and, in this process, soon after a message is queued (onMailQueued).
 *
 * Exactly-once is impossible over SMTP: a worker can die after the server accepted a message
 * and before the row says so. Then the claim lapses, the row is sent again — with the SAME
 * Message-ID, fixed at queue time — and receivers (and our tests) drop the duplicate by it.
 */
import nodemailer from "nodemailer";
import type { Db } from "~db/client";
import { mailCategory } from "~/domain/mail-kinds";
import { type ClaimedMail, claimDueMail, markFailedAttempt, markHeld, markSent, onMailQueued, releaseClaims } from "~/models/mail-outbox.server";

/** Where a claimed message goes. Throws when it was not accepted. */
export interface MailSender {
  send(mail: ClaimedMail): Promise<void>;
  close?(): void;
}

/**
 * RFC 8058 one-click unsubscribe, on notifications only (decision 023): never on security or
 * transactional mail, whatever the row says. The URL's token is bound to the recipient and the kind.
 */
export function unsubscribeHeaders(mail: Pick<ClaimedMail, "kind" | "listUnsubscribe">): Record<string, string> {
  if (mailCategory(mail.kind) !== "notification" || !mail.listUnsubscribe) return {};
  return { "List-Unsubscribe": `<${mail.listUnsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** An SMTP relay: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
export function smtpSender(url: string, from: string): MailSender {
  // Short timeouts: a hung relay must not outlive the claim (see DEFAULTS.leaseMs).
  const transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 } as never);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.toEmail,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        messageId: mail.messageId,
        headers: { "Content-Language": mail.locale, ...unsubscribeHeaders(mail) },
      });
    },
    close: () => transport.close(),
  };
}

export interface DeliveryOptions {
  pollMs: number;
  /** Messages claimed at once; their sends run one after another within the lease. */
  batch: number;
  /** How long a claim lasts: longer than `batch` sends at their timeouts. A crashed worker's rows wait this long. */
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  random: () => number;
  log: (line: Record<string, unknown>) => void;
  /** Off: no timer and no wake-ups; the caller drives runOnce (tests). */
  poll: boolean;
  /**
   * Scheduled work run in this loop at most every `jobsEveryMs` (decision 023): each claims its
   * own due rows (SKIP LOCKED), so every instance may run it. A failing job is logged, and the
   * mail goes on.
   */
  jobs: ((db: Db) => Promise<unknown>)[];
  jobsEveryMs: number;
  /** Tests: runs after the server accepted a message and before it is marked sent (a crash there). */
  afterSend?: (mail: ClaimedMail) => void | Promise<void>;
}

export const DEFAULTS: DeliveryOptions = {
  pollMs: 1_000,
  poll: true,
  batch: 5,
  leaseMs: 5 * 60_000,
  maxAttempts: 8,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  random: Math.random,
  log: (line) => console.log(JSON.stringify(line)),
  jobs: [],
  jobsEveryMs: 60_000,
};

/** Exponential backoff with jitter: base·2^(attempts before), capped, then 75–125 % of that. */
export function retryDelayMs(
  attemptsBefore: number,
  { retryBaseMs, retryMaxMs, random }: Pick<DeliveryOptions, "retryBaseMs" | "retryMaxMs" | "random">,
): number {
  const plain = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(attemptsBefore, 30));
  return Math.round(plain * (0.75 + random() * 0.5));
}

/** Why a send failed, for the owners' table: the SMTP code and reply or the connection error — never the message. */
function failureOf(error: unknown): { text: string; permanent: boolean } {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const firstLine = String(e?.message ?? error).split("\n")[0] ?? "";
  const code = e?.responseCode ?? e?.code;
  return { text: `${code ? `${code}: ` : ""}${firstLine}`.slice(0, 300), permanent: typeof e?.responseCode === "number" && e.responseCode >= 500 };
}

export interface MailWorker {
  /** One claim and its sends; resolves to how many messages it handled. */
  runOnce(): Promise<number>;
  /** Look now (and again shortly: the queuing transaction may not have committed yet). */
  wake(): void;
  /** Stops polling and waits for the send in flight; claimed rows not yet sent are released. */
  stop(): Promise<void>;
}

/**
 * Starts the worker. With `sender` null (no SMTP_URL) nothing is sent: each message is logged
 * by recipient and subject only and held (markHeld), where the demo mailbox shows it.
 */
export function startMailDelivery(getDb: () => Promise<Db>, sender: MailSender | null, overrides: Partial<DeliveryOptions> = {}): MailWorker {
  const options = { ...DEFAULTS, ...overrides };
  const { log } = options;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  async function handle(db: Db, mail: ClaimedMail): Promise<void> {
    if (!sender) {
      log({ level: "info", msg: "mail held: no SMTP_URL", to: mail.toEmail, subject: mail.subject, kind: mail.kind });
      await markHeld(db, mail.id);
      return;
    }
    try {
      await sender.send(mail);
    } catch (error) {
      const { text, permanent } = failureOf(error);
      await markFailedAttempt(db, mail.id, { error: text, permanent, maxAttempts: options.maxAttempts, retryInMs: retryDelayMs(mail.attempts, options) });
      log({ level: "warn", msg: "mail not delivered", id: mail.id, kind: mail.kind, attempt: mail.attempts + 1, error: text });
      return;
    }
    await options.afterSend?.(mail);
    await markSent(db, mail.id);
    log({ level: "info", msg: "mail sent", id: mail.id, kind: mail.kind, messageId: mail.messageId });
  }

  let jobsRanAt = Number.NEGATIVE_INFINITY;
  async function runJobs(): Promise<void> {
    if (options.jobs.length === 0 || Date.now() - jobsRanAt < options.jobsEveryMs) return;
    jobsRanAt = Date.now();
    const db = await getDb();
    for (const job of options.jobs) {
      try {
        await job(db);
      } catch (error) {
        log({
          level: "warn",
          msg: "scheduled job failed",
          error: error instanceof Response ? `database unavailable (${error.status})` : (error as Error).message,
        });
      }
    }
  }

  async function runOnce(): Promise<number> {
    const db = await getDb();
    const claimed = await claimDueMail(db, options.batch, options.leaseMs);
    for (const [index, mail] of claimed.entries()) {
      if (stopped) {
        await releaseClaims(
          db,
          claimed.slice(index).map((m) => m.id),
        );
        break;
      }
      await handle(db, mail);
    }
    return claimed.length;
  }

  function tick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await runJobs();
          // A full batch means more may be due: keep going.
          while (!stopped && (await runOnce()) === options.batch);
        } catch (error) {
          // A database outage arrives as a 503 Response (db/unavailable.ts); the next tick tries again.
          log({
            level: "warn",
            msg: "mail delivery run failed",
            error: error instanceof Response ? `database unavailable (${error.status})` : (error as Error).message,
          });
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  }

  const soon: ReturnType<typeof setTimeout>[] = [];
  const wake = () => {
    soon.splice(0, soon.length, setTimeout(tick, 20).unref(), setTimeout(tick, 300).unref());
  };
  const timer = options.poll ? setInterval(tick, options.pollMs).unref() : undefined;
  const unsubscribe = options.poll ? onMailQueued(wake) : () => {};
  if (options.poll) soon.push(setTimeout(tick, 0).unref());

  return {
    runOnce,
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const t of soon) clearTimeout(t);
      unsubscribe();
      await running;
      sender?.close?.();
    },
  };
}
