import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { mailOutbox } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { createInvitation } from "../../app/models/invitation.server";
import { claimDueMail, queueMail } from "../../app/models/mail-outbox.server";
import { composeMail } from "../../app/server/mail.server";
import { type DeliveryOptions, smtpSender, startMailDelivery } from "../../app/server/mail-delivery.server";
import { openTestDatabase } from "../support/test-db";
import { makeOrgWithOwner, type Org } from "../support/factories";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { first } from "../support/at";

/*
 * Delivery (issue #16, decision 016): the outbox drained into a real SMTP server in this
 * process — what arrived, retries while the server refuses or is down, the crash between send
 * and mark (sent again with the same Message-ID, one distinct message), two workers racing.
 */

let database: Database;
let smtp: TestSmtp;
let alpha: Org;
const ORIGIN = "https://desk.example.test";

function worker(overrides: Partial<DeliveryOptions> = {}, sender = smtpSender(smtp.url, "Capital Desk <no-reply@desk.example.test>")) {
  return startMailDelivery(async () => database.db, sender, { poll: false, log: () => {}, ...overrides });
}

async function rowFor(email: string) {
  const rows = await withSystem(database.db, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, email)));
  expect(rows).toHaveLength(1);
  return first(rows);
}

/** Makes every waiting message due now (a retry's backoff is seconds to minutes). */
async function everythingDue() {
  await withSystem(database.db, (tx) => tx.execute(sql`update mail_outbox set next_attempt_at = now() where status in ('queued', 'retrying')`));
}

let n = 0;
const address = () => `invitee${++n}-${Date.now()}@example.test`;
/** Invites a new address to alpha as a member, which queues the invitation's mail; gives the address. */
async function inviteNewMember() {
  const to = address();
  await createInvitation(alpha.ctx, { email: to, role: "member" }, ORIGIN);
  return to;
}

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startTestSmtp();
  alpha = await makeOrgWithOwner(database, "startup", "Alpha Mail");
}, 60_000);

afterAll(async () => {
  await smtp.stop();
  await database.close();
});

beforeEach(async () => {
  smtp.refuse(false);
  await smtp.start();
  // Nothing left over from another test is due.
  await withSystem(database.db, (tx) => tx.execute(sql`update mail_outbox set status = 'held' where status in ('queued', 'retrying')`));
});

describe("an invitation is delivered", () => {
  it("arrives once with both parts, its Message-ID and the recipient's language; the row is sent and blanked", async () => {
    const to = address();
    const { link } = await createInvitation(alpha.ctx, { email: to, role: "member" }, ORIGIN, "en");
    const queued = await rowFor(to);
    expect(await worker().runOnce()).toBe(1);
    const [mail] = smtp.to(to);
    expect(smtp.to(to)).toHaveLength(1);
    expect(mail?.messageId).toBe(queued.messageId);
    expect(mail?.subject).toContain("Alpha Mail");
    expect(mail?.text).toContain(link);
    expect(mail?.html).toContain(`<a href="${link}">`);
    expect(mail?.headers.get("content-language")).toBe("en");
    expect(mail?.from?.text).toContain("no-reply@desk.example.test");
    // An invitation is transactional: nothing recurs, so no List-Unsubscribe (decision 016).
    expect(mail?.headers.has("list-unsubscribe")).toBe(false);
    const sent = await rowFor(to);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, body: "", html: null, claimedUntil: null, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it("in Chinese when the inviter writes Chinese", async () => {
    const to = address();
    await createInvitation(alpha.ctx, { email: to, role: "viewer" }, ORIGIN, "zh-CN");
    await worker().runOnce();
    const mail = first(smtp.to(to));
    expect(mail.headers.get("content-language")).toBe("zh-CN");
    expect(mail.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(mail.text).toMatch(/[\u4e00-\u9fff]/);
    expect(mail.html).toContain('<html lang="zh-CN">');
  });

  it("account mail (no org) goes out the same way", async () => {
    const to = address();
    await withSystem(database.db, (tx) =>
      queueMail(tx, {
        ...composeMail("en", "Reset your password", "Open https://desk.example.test/reset/abc"),
        orgId: null,
        toEmail: to,
        kind: "password_reset",
        locale: "en",
      }),
    );
    await worker().runOnce();
    expect(smtp.to(to)).toHaveLength(1);
    expect(first(smtp.to(to)).headers.has("list-unsubscribe")).toBe(false);
  });
});

describe("retries", () => {
  it("a relay answering 4xx: retrying, attempt counted, due later with the reason; delivered once when it accepts", async () => {
    const to = await inviteNewMember();
    smtp.refuse(true);
    await worker().runOnce();
    const retrying = await rowFor(to);
    expect(retrying).toMatchObject({ status: "retrying", attempts: 1, claimedUntil: null });
    expect(retrying.lastError).toMatch(/451/);
    expect(retrying.lastError).not.toContain("/invite/");
    // Backoff: base 30 s, jitter ±25 %.
    expect(retrying.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: another run leaves it alone.
    smtp.refuse(false);
    expect(await worker().runOnce()).toBe(0);
    await everythingDue();
    await worker().runOnce();
    expect(smtp.to(to)).toHaveLength(1);
    expect(await rowFor(to)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a relay that is down (connection refused): retrying, then delivered once when it is back", async () => {
    const to = await inviteNewMember();
    await smtp.stop();
    await worker().runOnce();
    expect(await rowFor(to)).toMatchObject({ status: "retrying", attempts: 1 });
    expect((await rowFor(to)).lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    await smtp.start();
    await everythingDue();
    await worker().runOnce();
    await worker().runOnce();
    expect(smtp.to(to)).toHaveLength(1);
    expect(await rowFor(to)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("after maxAttempts the message is failed and never tried again", async () => {
    const to = await inviteNewMember();
    smtp.refuse(true);
    for (let i = 0; i < 3; i++) {
      await everythingDue();
      await worker({ maxAttempts: 3 }).runOnce();
    }
    expect(await rowFor(to)).toMatchObject({ status: "failed", attempts: 3 });
    smtp.refuse(false);
    await everythingDue();
    expect(await worker().runOnce()).toBe(0);
    expect(smtp.to(to)).toHaveLength(0);
  });
});

describe("exactly once, as far as SMTP allows", () => {
  it("a worker that dies between send and mark: the claim lapses, the same Message-ID goes again, one distinct message", async () => {
    const to = await inviteNewMember();
    const crashing = worker({
      leaseMs: 300,
      afterSend: () => {
        throw new Error("killed after the server accepted");
      },
    });
    await expect(crashing.runOnce()).rejects.toThrow("killed");
    expect(smtp.to(to)).toHaveLength(1);
    // Still claimed: nobody else takes it while the lease runs.
    expect(await worker().runOnce()).toBe(0);
    expect(await rowFor(to)).toMatchObject({ status: "queued" });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await worker().runOnce()).toBe(1);
    const arrived = smtp.to(to);
    expect(arrived).toHaveLength(2);
    expect(new Set(arrived.map((m) => m.messageId)).size).toBe(1);
    expect(smtp.distinct().filter((m) => m.messageId === first(arrived).messageId)).toHaveLength(1);
    expect(await rowFor(to)).toMatchObject({ status: "sent" });
  });

  it("two workers claiming at once never take the same row", async () => {
    const emails = Array.from({ length: 20 }, address);
    for (const to of emails) {
      await withTenant(database.db, alpha.org.id, (tx) =>
        queueMail(tx, { ...composeMail("en", "Hello", "Hi"), orgId: alpha.org.id, toEmail: to, kind: "access_requested", locale: "en" }),
      );
    }
    const [a, b] = await Promise.all([claimDueMail(database.db, 15, 60_000), claimDueMail(database.db, 15, 60_000)]);
    const ids = [...a, ...b].map((m) => m.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    // And the whole workers: every message delivered exactly once.
    await everythingDue();
    await withSystem(database.db, (tx) => tx.execute(sql`update mail_outbox set claimed_until = null where status = 'queued'`));
    await Promise.all([worker({ batch: 7 }).runOnce(), worker({ batch: 7 }).runOnce(), worker({ batch: 7 }).runOnce()]);
    await worker({ batch: 20 }).runOnce();
    for (const to of emails) expect(smtp.to(to)).toHaveLength(1);
  });
});

describe("without SMTP_URL", () => {
  it("holds the message and logs recipient and subject only — never the body or its link", async () => {
    const to = address();
    const { link } = await createInvitation(alpha.ctx, { email: to, role: "member" }, ORIGIN);
    const lines: Record<string, unknown>[] = [];
    await worker({ log: (line) => lines.push(line) }, null as never).runOnce();
    const logged = JSON.stringify(lines);
    expect(lines).toContainEqual(expect.objectContaining({ msg: "mail held: no SMTP_URL", to, kind: "invitation" }));
    expect(logged).not.toContain(link);
    expect(logged).not.toContain("/invite/");
    const held = await rowFor(to);
    expect(held.status).toBe("held");
    // Kept for the demo mailbox; never sent later.
    expect(held.body).toContain(link);
    expect(smtp.to(to)).toHaveLength(0);
  });

  it("a delivered message's log lines carry no body or link either", async () => {
    const to = address();
    const { link } = await createInvitation(alpha.ctx, { email: to, role: "member" }, ORIGIN);
    const lines: Record<string, unknown>[] = [];
    smtp.refuse(true);
    await worker({ log: (line) => lines.push(line) }).runOnce();
    smtp.refuse(false);
    await everythingDue();
    await worker({ log: (line) => lines.push(line) }).runOnce();
    expect(lines.map((l) => l.msg)).toEqual(["mail not delivered", "mail sent"]);
    expect(JSON.stringify(lines)).not.toContain(link);
    expect(JSON.stringify(lines)).not.toContain("/invite/");
  });
});
