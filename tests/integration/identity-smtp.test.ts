import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessGrants, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { type MailWorker, smtpSender, startMailDelivery } from "../../app/server/mail-delivery.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeOrgWithOwner } from "../support/factories";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

/**
 * Issue #16, "Done when", end to end: the production HTTP stack, the real delivery worker and a
 * real SMTP server. What a person receives is what the test follows — sign-up's verification
 * link, forgot-password's reset link — and the attack (an account made with a partner's address)
 * reaches nobody by mail or by grant.
 */
let app: TestApp;
let smtp: TestSmtp;
let worker: MailWorker;
let n = 0;
beforeAll(async () => {
  app = await startTestApp();
  smtp = await startTestSmtp();
  worker = startMailDelivery(async () => app.database.db, smtpSender(smtp.url, "Capital Desk <no-reply@desk.example.test>"), {
    pollMs: 100,
    log: () => {},
  });
});
afterAll(async () => {
  await worker.stop();
  await smtp.stop();
  await app.close();
});

const fresh = (label: string) => `${label}-${++n}-${Date.now()}@example.test`;
const PASSWORD = "a-long-enough-password";

async function arrived(email: string, subject: RegExp, timeoutMs = 15_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = smtp.to(email).find((m) => subject.test(m.subject ?? ""));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail matching ${subject} for ${email}; got: ${smtp.to(email).map((m) => m.subject)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The path of the first link in the message's text part that starts with `prefix`. */
function linkPath(mail: ParsedMail, prefix: string): string {
  const match = (mail.text ?? "").match(new RegExp(`https?://[^\\s]+(${prefix}/[A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${prefix} link in: ${mail.text}`);
  return match[1];
}

async function verifiedAt(email: string) {
  const [row] = await withSystem(app.database.db, (tx) => tx.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.email, email)));
  return row?.at ?? null;
}

async function signUp(email: string) {
  const visitor = app.client();
  const response = await visitor.post("/signup", { email, name: "Pat Example", password: PASSWORD });
  expect(response.status).toBe(302);
  return visitor;
}

describe("sign-up over a real relay", () => {
  it("mails a verification link in text and HTML; following it proves the address", async () => {
    const email = fresh("newcomer");
    await signUp(email);
    expect(await verifiedAt(email)).toBeNull();
    const mail = await arrived(email, /confirm|verify/i);
    expect(mail.html).toContain("/verify-email/");
    const path = linkPath(mail, "/verify-email");
    const page = await app.client().get(path);
    expect(page.status).toBe(200);
    expect(await verifiedAt(email)).not.toBeNull();
    // Single use: the same link a second time is gone.
    expect((await app.client().get(path)).status).toBe(410);
  });
});

describe("forgot password over a real relay", () => {
  it("mails a reset link; the new password signs in and the old one no longer does", async () => {
    const email = fresh("forgetful");
    await signUp(email);
    const asked = await app.client().post("/forgot-password", { email }, { "X-Forwarded-For": "10.77.0.1" });
    expect(asked.status).toBe(200);
    const mail = await arrived(email, /reset|password/i);
    const path = linkPath(mail, "/reset-password");
    const done = await app.client().post(path, { newPassword: "another-long-password", confirmPassword: "another-long-password" });
    expect(done.status).toBe(302);
    expect((await app.client().post("/login", { email, password: PASSWORD })).status).toBe(401);
    expect((await app.client().post("/login", { email, password: "another-long-password" })).status).toBe(302);
  });
});

describe("the attack over a real relay", () => {
  it("sharing with an address someone else signed up with reaches nobody and reads like an unknown address", async () => {
    const partner = fresh("partner");
    const attacker = await signUp(partner);
    const made = await attacker.post("/orgs/new", { name: "Mallory Capital", kind: "investor", baseCurrency: "USD" });
    expect(made.status).toBe(302);
    const founder = await makeOrgWithOwner(app.database, "startup", "Victim Labs");
    const client = await app.signIn(founder.owner.email);
    // The attacker's own verification mail is the only one that address ever gets.
    await arrived(partner, /confirm|verify/i);

    const shared = await client.post(`/o/${founder.org.slug}/investors`, { intent: "invite", via: partner, sections: ["financials"] });
    const unknown = await client.post(`/o/${founder.org.slug}/investors`, { intent: "invite", via: fresh("nobody"), sections: ["financials"] });
    expect(shared.status).toBe(unknown.status);
    expect(shared.status).toBeGreaterThanOrEqual(400);
    const [sharedText, unknownText] = [await shared.text(), await unknown.text()];
    expect(sharedText).toContain("No investor organisation matches this share code or email.");
    expect(unknownText).toContain("No investor organisation matches this share code or email.");

    const grants = await withSystem(app.database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.orgId, founder.org.id)));
    expect(grants).toEqual([]);
    // Give the worker time to send anything queued: nothing more reaches the partner's address.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.to(partner).map((m) => m.subject)).toHaveLength(1);
  });
});
