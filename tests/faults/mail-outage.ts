// The mail relay goes away while the app queues mail, and comes back (issue #16): part of
// `npm run test:faults`. The production server runs with SMTP_URL pointing at a real SMTP
// server in this process (tests/support/smtp.ts). Reset links are asked for while the relay
// is up (delivered within seconds), while it is down (nothing lost: the rows wait as
// "retrying" with the connection error) and after it returns (every message delivered exactly
// once, by its Message-ID, with no duplicate copy at all).
import postgres from "postgres";
import type { ParsedMail } from "mailparser";
import type { TestSmtp } from "../support/smtp";

type Check = (ok: boolean, message: string) => boolean;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// The worker's first retry comes 30 s (± 25 %) after a failed attempt; a second one may be due.
const REDELIVERY_MS = 150_000;

async function askForReset(base: string, email: string): Promise<number> {
  const response = await fetch(`${base}/forgot-password`, {
    method: "POST",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email }),
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.status;
}

async function waitUntil(test: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await test()) return true;
    await sleep(250);
  }
  return test();
}

interface OutboxRow {
  to_email: string;
  status: string;
  attempts: number;
  last_error: string | null;
  message_id: string;
}

async function outboxRows(databaseUrl: string, addresses: string[]): Promise<OutboxRow[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql<OutboxRow[]>`
      select to_email, status, attempts, last_error, message_id from mail_outbox
      where kind = 'password_reset' and to_email in ${sql(addresses)} order by created_at`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const recipients = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address));

/**
 * `before` is asked for while the relay is up, `during` while it is down; the relay is stopped
 * and started here. Returns when every message is in or the time is up.
 */
export async function phaseMailOutage(
  { base, databaseUrl, smtp, check }: { base: string; databaseUrl: string; smtp: TestSmtp; check: Check },
  { before, during }: { before: string; during: string[] },
) {
  console.log("\n== mail: relay up, then down, then back");
  const asked = await askForReset(base, before);
  check(asked === 200, `mail: a reset link asked for while the relay is up is accepted (${asked})`);
  const arrived = await waitUntil(() => smtp.to(before).length === 1, 15_000);
  check(arrived, `mail: with the relay up the reset mail arrives within 15 s (${smtp.to(before).length} for ${before})`);

  await smtp.stop();
  for (const email of during) {
    const status = await askForReset(base, email);
    check(status === 200, `mail: asking for a reset while the relay is down still answers 200 (${status} for ${email})`);
  }
  const waiting = await waitUntil(async () => {
    const rows = await outboxRows(databaseUrl, during);
    return rows.length === during.length && rows.every((r) => r.status === "retrying" && r.attempts >= 1);
  }, 15_000);
  const rows = await outboxRows(databaseUrl, during);
  check(
    waiting,
    `mail: while the relay is down each message waits as "retrying" with its attempt counted (${rows.map((r) => `${r.status}/${r.attempts}`).join(", ")})`,
  );
  check(
    rows.every((r) => Boolean(r.last_error) && !r.last_error?.includes("reset-password")),
    "mail: each waiting row says why (the connection error), never the message or its link",
  );
  check(
    during.every((email) => smtp.to(email).length === 0),
    "mail: nothing reached the relay while it was down",
  );

  await smtp.start();
  const started = Date.now();
  const delivered = await waitUntil(() => during.every((email) => smtp.to(email).length >= 1), REDELIVERY_MS);
  check(delivered, `mail: once the relay is back every waiting message arrives (in ${Math.round((Date.now() - started) / 1000)} s)`);
  // A moment more: a duplicate would come now if a row were sent twice.
  await sleep(3_000);
  for (const email of [before, ...during]) {
    const copies = smtp.to(email);
    check(copies.length === 1, `mail: ${email} received exactly one reset mail (${copies.length})`);
  }
  const sent = await outboxRows(databaseUrl, [before, ...during]);
  check(
    sent.length === during.length + 1 && sent.every((r) => r.status === "sent"),
    `mail: every row is marked sent (${sent.map((r) => r.status).join(", ")})`,
  );
  const ids = new Set(smtp.messages.filter((m) => recipients(m).some((a) => a && [before, ...during].includes(a))).map((m) => m.messageId));
  check(
    sent.every((r) => ids.has(r.message_id)),
    "mail: each delivered message carries the Message-ID its row was given when it was queued",
  );
}
