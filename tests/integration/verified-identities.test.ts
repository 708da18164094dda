import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { accessGrants, accountTokens, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { systemContextOf } from "../../app/auth/system.server";
import { createOrg } from "../../app/models/org.server";
import { inviteInvestor, requestAccess } from "../../app/models/access-grant.server";
import { acceptInvitation, createInvitation } from "../../app/models/invitation.server";
import { requestPasswordReset, resendVerification, resetPassword, verifyEmail } from "../../app/models/account-token.server";
import { signIn, signUp } from "../../app/models/user.server";
import type { OrgContext } from "../../app/auth/context";
import { AppError } from "../../app/server/http.server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { latestMail, linkToken, mailTo } from "../support/outbox";
import { openTestDatabase } from "../support/test-db";

/**
 * Issue #16, Identity (decision 017). The attack first: someone signed up with a fund partner's
 * address before the partner did, the founder shared "with" that address, and the attacker read
 * the startup's figures. An address nobody has proven must name nobody.
 */
const ORIGIN = "https://desk.example.test";
let database: Database;
let n = 0;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const system = () => systemContextOf(database);
const fresh = (label: string) => `${label}-${++n}-${Date.now()}@example.test`;

/** Signs up like the form does (unverified) and makes an org of `kind` for the account. */
async function signUpWithOrg(email: string, kind: "startup" | "investor", name: string) {
  const user = await signUp(system(), { email, name, password: TEST_PASSWORD }, "10.0.0.1", { origin: ORIGIN, locale: "en" });
  if (!user) throw new Error("address taken");
  const org = await createOrg(system(), user, { name, kind, baseCurrency: "USD" });
  const ctx: OrgContext = { db: database.db, user, org: { id: org.id, slug: org.slug, name: org.name, kind: org.kind, baseCurrency: "USD" }, role: "owner" };
  return { user, org, ctx };
}

async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
    return "no error";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return JSON.stringify({ code: error.code, message: error.message, fields: error.fieldErrors });
  }
}

async function grantsOf(orgId: string) {
  return withSystem(database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.investorOrgId, orgId)));
}

async function expireTokens(userId: string) {
  await withSystem(database.db, (tx) => tx.update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(accountTokens.userId, userId)));
}

describe("the attack: an account made with someone else's address", () => {
  it("gets no grant when the founder shares with that address, and the founder sees the answer an unknown address gets", async () => {
    const partner = fresh("partner");
    const attacker = await signUpWithOrg(partner, "investor", "Mallory Capital");
    const founder = await makeOrgWithOwner(database, "startup", "Victim Labs");

    const shared = await refusal(() => inviteInvestor(founder.ctx, { via: partner, sections: ["financials"] }));
    const nobody = await refusal(() => inviteInvestor(founder.ctx, { via: fresh("nobody"), sections: ["financials"] }));
    expect(shared).toMatch(/investor_grants_error_noInvestor/);
    expect(shared).toBe(nobody);
    expect(await grantsOf(attacker.org.id)).toEqual([]);
  });

  it("works once the address is proven by its link", async () => {
    const partner = fresh("partner");
    const owner = await signUpWithOrg(partner, "investor", "Real Partner Fund");
    const founder = await makeOrgWithOwner(database, "startup", "Proud Labs");
    const mail = await latestMail(database, partner, "verify_email");
    expect(mail?.orgId).toBeNull();
    expect((await verifyEmail(system(), linkToken(mail?.body ?? "", "/verify-email"))).state).toBe("verified");
    await inviteInvestor(founder.ctx, { via: partner, sections: ["financials"] });
    expect((await grantsOf(owner.org.id)).map((g) => g.status)).toEqual(["approved"]);
  });

  it("an unverified owner cannot be named on an access request's owner line", async () => {
    const founderEmail = fresh("founder");
    const startup = await signUpWithOrg(founderEmail, "startup", "Unproven Labs");
    const fund = await makeOrgWithOwner(database, "investor", "Curious Fund");
    await requestAccess(fund.ctx, { via: founderEmail });
    const asked = await withSystem(database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.orgId, startup.org.id)));
    expect(asked).toEqual([]);
  });
});

describe("verification links", () => {
  it("work once, not after 24 hours, and not with a wrong token", async () => {
    const email = fresh("verify");
    const { user } = await signUpWithOrg(email, "startup", "Link Labs");
    const token = linkToken((await latestMail(database, email, "verify_email"))?.body ?? "", "/verify-email");
    expect((await verifyEmail(system(), `${token}x`)).state).toBe("invalid");
    expect((await verifyEmail(system(), token)).state).toBe("verified");
    expect((await verifyEmail(system(), token)).state).toBe("used");
    const [row] = await withSystem(database.db, (tx) => tx.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, user.id)));
    expect(row?.at).toBeInstanceOf(Date);

    const late = fresh("late");
    const other = await signUpWithOrg(late, "startup", "Late Labs");
    const lateToken = linkToken((await latestMail(database, late, "verify_email"))?.body ?? "", "/verify-email");
    await expireTokens(other.user.id);
    expect((await verifyEmail(system(), lateToken)).state).toBe("expired");
  });

  it("only the hash is stored; a resend replaces the earlier link", async () => {
    const email = fresh("resend");
    const { user } = await signUpWithOrg(email, "startup", "Resend Labs");
    const first = linkToken((await latestMail(database, email, "verify_email"))?.body ?? "", "/verify-email");
    const stored = await withSystem(database.db, (tx) => tx.select().from(accountTokens).where(eq(accountTokens.userId, user.id)));
    expect(JSON.stringify(stored)).not.toContain(first);
    expect((await resendVerification(system(), user.id, ORIGIN, "en", "10.0.0.2")).ok).toBe(true);
    expect(await mailTo(database, email, "verify_email")).toHaveLength(2);
    expect((await verifyEmail(system(), first)).state).toBe("used");
  });

  it("resending is throttled per address", async () => {
    const email = fresh("spam");
    const { user } = await signUpWithOrg(email, "startup", "Spam Labs");
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await resendVerification(system(), user.id, ORIGIN, "en", "10.0.0.3")).ok);
    expect(results).toEqual([true, true, true, true, true, false]);
  });
});

describe("invitations and unverified accounts", () => {
  it("an invitation to another address cannot be accepted; one to the account's own address verifies it", async () => {
    const team = await makeOrgWithOwner(database, "startup", "Inviting Labs");
    const email = fresh("invitee");
    const { user } = await signUpWithOrg(email, "startup", "Invitee Labs");
    const elsewhere = await createInvitation(team.ctx, { email: fresh("someone-else"), role: "member" }, ORIGIN);
    expect(await refusal(() => acceptInvitation(system(), linkToken(elsewhere.link, "/invite"), user))).toMatch(/FORBIDDEN/);
    const own = await createInvitation(team.ctx, { email, role: "member" }, ORIGIN);
    await acceptInvitation(system(), linkToken(own.link, "/invite"), user);
    const [row] = await withSystem(database.db, (tx) => tx.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, user.id)));
    expect(row?.at).toBeInstanceOf(Date);
  });
});

describe("sign-up with an existing address", () => {
  it("writes no account and queues an account_exists mail with sign-in and reset links", async () => {
    const email = fresh("exists");
    await signUpWithOrg(email, "startup", "First Labs");
    const again = await signUp(system(), { email: email.toUpperCase(), name: "Mallory", password: "another-long-password" }, "10.0.0.4", {
      origin: ORIGIN,
      locale: "en",
    });
    expect(again).toBeNull();
    const mail = await latestMail(database, email, "account_exists");
    expect(mail?.orgId).toBeNull();
    expect(mail?.body).toContain(`${ORIGIN}/login`);
    expect(mail?.body).toContain(`${ORIGIN}/forgot-password`);
  });
});

describe("password reset", () => {
  it("queues nothing for an unknown address", async () => {
    const email = fresh("unknown");
    expect((await requestPasswordReset(system(), email, ORIGIN, "en", "10.0.1.1")).ok).toBe(true);
    expect(await mailTo(database, email)).toEqual([]);
  });

  it("a known address gets a link that sets the password once, ends every session and sends a notice", async () => {
    const email = fresh("reset");
    const { user } = await signUpWithOrg(email, "startup", "Reset Labs");
    await withSystem(database.db, (tx) =>
      tx.execute(
        sql`insert into sessions (id, user_id, expires_at, absolute_expires_at) values ('other-session', ${user.id}, now() + interval '1 day', now() + interval '1 day')`,
      ),
    );
    await requestPasswordReset(system(), email.toUpperCase(), ORIGIN, "en", "10.0.1.2");
    const token = linkToken((await latestMail(database, email, "password_reset"))?.body ?? "", "/reset-password");
    expect(await resetPassword(system(), token, "a-brand-new-password", ORIGIN, "en")).toBe("valid");
    expect(await resetPassword(system(), token, "yet-another-password", ORIGIN, "en")).toBe("used");
    const sessionsLeft = rowsOf(await withSystem(database.db, (tx) => tx.execute(sql`select id from sessions where user_id = ${user.id}`)));
    expect(sessionsLeft).toEqual([]);
    expect((await signIn(system(), email, TEST_PASSWORD, "10.0.1.3")).ok).toBe(false);
    expect((await signIn(system(), email, "a-brand-new-password", "10.0.1.3")).ok).toBe(true);
    expect(await latestMail(database, email, "password_changed")).not.toBeNull();
  });

  it("an expired reset link does nothing", async () => {
    const email = fresh("expired-reset");
    const { user } = await signUpWithOrg(email, "startup", "Expired Labs");
    await requestPasswordReset(system(), email, ORIGIN, "en", "10.0.1.4");
    const token = linkToken((await latestMail(database, email, "password_reset"))?.body ?? "", "/reset-password");
    await expireTokens(user.id);
    expect(await resetPassword(system(), token, "a-brand-new-password", ORIGIN, "en")).toBe("expired");
    expect((await signIn(system(), email, TEST_PASSWORD, "10.0.1.5")).ok).toBe(true);
  });

  it("is throttled per address and per client address, known or not", async () => {
    const email = fresh("throttled");
    const perAddress = [];
    for (let i = 0; i < 6; i++) perAddress.push((await requestPasswordReset(system(), email, ORIGIN, "en", "10.0.2.1")).ok);
    expect(perAddress).toEqual([true, true, true, true, true, false]);
    const perIp = [];
    for (let i = 0; i < 31; i++) perIp.push((await requestPasswordReset(system(), fresh("spray"), ORIGIN, "en", "10.0.2.2")).ok);
    expect(perIp.slice(0, 30).every(Boolean)).toBe(true);
    expect(perIp[30]).toBe(false);
  });
});
