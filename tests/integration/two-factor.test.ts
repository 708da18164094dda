import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { orgs, twoFactorRecoveryCodes, userTwoFactor, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { totpCodeAt } from "../../app/server/totp.server";
import { startTestAppCapturingLogs, type TestApp, type TestClient } from "../support/app-server";
import { addMember, makeOrgWithOwner, makeUser, TEST_PASSWORD } from "../support/factories";
import type { LogCapture } from "../support/log-capture";
import { latestMail, mailTo } from "../support/outbox";
import { routeData } from "../support/route-data";

/**
 * Issue #16, two-factor sign-in (decision 021), over HTTP on the built app: enrolment with a
 * code, the second step of sign-in (no session before it), codes accepted once, recovery codes
 * single use, the throttle, the org's "members must use two-factor", the security mail, and
 * no secret or code in the server log.
 */
// Requests are logged (as in production), so the log test below reads what an operator would.
process.env.LOG_LEVEL = "info";

let app: TestApp;
let logs: LogCapture;
/** Every secret and code this file saw: none may reach the log. */
const secrets: string[] = [];

beforeAll(async () => {
  ({ app, logs } = await startTestAppCapturingLogs());
});
afterAll(() => app.close());

const PAGE = "/account/two-factor";
const ROUTE = "routes/account.two-factor";
const STEP = "/login/two-factor";
const STEP_ROUTE = "routes/login_.two-factor";

function secretOnPage(html: string): string {
  const match = /data-testid="totp-secret"[^>]*>([^<]+)</.exec(html);
  if (!match?.[1]) throw new Error("no secret on the page");
  return match[1].replace(/\s/g, "");
}

/** Enrols the signed-in `client`: the secret from the page, a current code, the ten recovery codes. */
async function enrol(client: TestClient) {
  expect((await client.post(PAGE, { intent: "start" })).status).toBe(302);
  const html = await (await client.get(PAGE)).text();
  expect(html).toContain('src="data:image/svg+xml;base64,');
  const secret = secretOnPage(html);
  secrets.push(secret);
  const confirmed = await client.post(routeData(PAGE, ROUTE), { intent: "confirm", code: totpCodeAt(secret) });
  expect(confirmed.status).toBe(200);
  const body = (await confirmed.json()) as { codes: string[] };
  secrets.push(...body.codes);
  return { secret, codes: body.codes };
}

/** A code of a later time step than any used so far (a step ahead is allowed for clock drift). */
const nextCode = (secret: string) => totpCodeAt(secret, Date.now() + 30_000);

async function signInWithPassword(email: string, ip: string) {
  const client = app.client();
  const response = await client.post("/login", { email, password: TEST_PASSWORD }, { "X-Forwarded-For": ip });
  return { client, response };
}

async function secondFactorRow(userId: string) {
  return withSystem(app.database.db, async (tx) => (await tx.select().from(userTwoFactor).where(eq(userTwoFactor.userId, userId)))[0] ?? null);
}

describe("enrolment", () => {
  it("shows a QR code and the key, turns on only with a right code, stores the secret sealed and the recovery codes hashed, and queues the mail", async () => {
    const person = await makeUser(app.database);
    const client = await app.signIn(person.email);
    expect((await client.get(PAGE)).status).toBe(200);
    expect((await client.post(PAGE, { intent: "start" })).status).toBe(302);
    const secret = secretOnPage(await (await client.get(PAGE)).text());
    secrets.push(secret);
    const wrong = await client.post(routeData(PAGE, ROUTE), { intent: "confirm", code: totpCodeAt(secret, Date.now() - 10 * 60_000) });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { fieldErrors: Record<string, string> }).fieldErrors.code).toEqual(expect.any(String));
    expect((await secondFactorRow(person.id))?.enabledAt).toBeNull();
    expect(await mailTo(app.database, person.email, "two_factor_changed")).toEqual([]);

    const confirmed = await client.post(routeData(PAGE, ROUTE), { intent: "confirm", code: totpCodeAt(secret) });
    expect(confirmed.status).toBe(200);
    const { codes } = (await confirmed.json()) as { codes: string[] };
    secrets.push(...codes);
    expect(codes).toHaveLength(10);
    const row = await secondFactorRow(person.id);
    expect(row?.enabledAt).toBeInstanceOf(Date);
    expect(row?.secret).not.toContain(secret);
    expect(row?.secret).toMatch(/^v1\.[0-9a-f]{16}\./);
    const stored = await withSystem(app.database.db, (tx) => tx.select().from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, person.id)));
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.map((s) => s.codeHash)).not.toContain(code);
    const mail = await latestMail(app.database, person.email, "two_factor_changed");
    expect(mail?.subject).toMatch(/Two-factor/);
    for (const value of [secret, ...codes]) expect(mail?.body).not.toContain(value);
    // The page now says it is on, and never shows the codes again.
    const page = await (await client.get(PAGE)).text();
    expect(page).not.toContain(codes[0]);
    expect(page).not.toContain('data-testid="totp-secret"');
  });

  it("bad input: a code that is not six digits is refused on its field, an unknown intent on its own", async () => {
    const person = await makeUser(app.database);
    const client = await app.signIn(person.email);
    const notDigits = await client.post(routeData(PAGE, ROUTE), { intent: "confirm", code: "abc" });
    expect(notDigits.status).toBe(400);
    expect(((await notDigits.json()) as { fieldErrors: Record<string, string> }).fieldErrors.code).toEqual(expect.any(String));
    const bogus = await client.post(routeData(PAGE, ROUTE), { intent: "bogus" });
    expect(bogus.status).toBe(400);
    expect(await secondFactorRow(person.id)).toBeNull();
  });

  it("the mail is in the person's language", async () => {
    const person = await makeUser(app.database);
    await withSystem(app.database.db, (tx) => tx.update(users).set({ locale: "zh-CN" }).where(eq(users.id, person.id)));
    await enrol(await app.signIn(person.email));
    expect((await latestMail(app.database, person.email, "two_factor_changed"))?.subject).toContain("两步验证");
  });
});

describe("sign-in with two-factor", () => {
  it("the password alone makes no session; a code finishes the sign-in once, and the same code is refused after", async () => {
    const person = await makeUser(app.database);
    const { secret } = await enrol(await app.signIn(person.email));
    const { client, response } = await signInWithPassword(person.email, "10.21.0.1");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(STEP);
    expect(client.cookies.has("cd_session")).toBe(false);
    expect(client.cookies.has("cd_2fa")).toBe(true);
    expect((await client.get("/account/password")).status).toBe(302);
    expect((await client.get(STEP)).status).toBe(200);

    const code = nextCode(secret);
    secrets.push(code);
    const done = await client.post(STEP, { code });
    expect(done.status).toBe(302);
    expect(client.cookies.has("cd_session")).toBe(true);
    expect(client.cookies.has("cd_2fa")).toBe(false);
    expect((await client.get("/account/password")).status).toBe(200);

    // The same code again, on a fresh password sign-in: refused, no session.
    const again = await signInWithPassword(person.email, "10.21.0.1");
    const replay = await again.client.post(routeData(STEP, STEP_ROUTE), { code });
    expect(replay.status).toBe(401);
    expect(again.client.cookies.has("cd_session")).toBe(false);
  });

  it("keeps the page it was going to", async () => {
    const person = await makeUser(app.database);
    const { secret } = await enrol(await app.signIn(person.email));
    const client = app.client();
    const response = await client.post("/login", { email: person.email, password: TEST_PASSWORD, redirectTo: "/account/data" });
    expect(response.headers.get("location")).toBe(`${STEP}?redirectTo=${encodeURIComponent("/account/data")}`);
    const done = await client.post(STEP, { code: nextCode(secret), redirectTo: "/account/data" });
    expect(done.headers.get("location")).toBe("/account/data");
  });

  it("a recovery code signs in once", async () => {
    const person = await makeUser(app.database);
    const { codes } = await enrol(await app.signIn(person.email));
    const code = codes[3]!;
    const first = await signInWithPassword(person.email, "10.21.0.2");
    expect((await first.client.post(STEP, { code: code.toUpperCase() })).status).toBe(302);
    expect(first.client.cookies.has("cd_session")).toBe(true);
    const second = await signInWithPassword(person.email, "10.21.0.2");
    expect((await second.client.post(routeData(STEP, STEP_ROUTE), { code })).status).toBe(401);
    expect(second.client.cookies.has("cd_session")).toBe(false);
  });

  it("without a pending sign-in (no cookie, or a made-up one) the step refuses", async () => {
    const visitor = app.client();
    expect((await visitor.post(routeData(STEP, STEP_ROUTE), { code: "123456" })).status).toBe(401);
    const forged = await visitor.post(routeData(STEP, STEP_ROUTE), { code: "123456" }, { Cookie: "cd_2fa=made-up" });
    expect(forged.status).toBe(401);
    expect(visitor.cookies.has("cd_session")).toBe(false);
  });

  it("guessing codes is throttled like passwords: 429 with Retry-After, and even the right code waits", async () => {
    const person = await makeUser(app.database);
    const { secret } = await enrol(await app.signIn(person.email));
    const { client } = await signInWithPassword(person.email, "10.21.0.3");
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) {
      const guess = String(100000 + i);
      const r = await client.post(routeData(STEP, STEP_ROUTE), { code: guess }, { "X-Forwarded-For": "10.21.0.3" });
      answers.push(r.status);
      if (r.status === 429) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(answers.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(answers[5]).toBe(429);
    const right = await client.post(routeData(STEP, STEP_ROUTE), { code: nextCode(secret) }, { "X-Forwarded-For": "10.21.0.3" });
    expect(right.status).toBe(429);
    expect(client.cookies.has("cd_session")).toBe(false);
  });
});

describe("changing two-factor", () => {
  it("turning it off needs the password or a current code; then the password alone signs in; the mail is queued", async () => {
    const person = await makeUser(app.database);
    const client = await app.signIn(person.email);
    const { secret } = await enrol(client);
    const wrong = await client.post(routeData(PAGE, ROUTE), { intent: "disable", proof: "not the password" });
    expect(wrong.status).toBe(400);
    expect((await secondFactorRow(person.id))?.enabledAt).toBeInstanceOf(Date);
    expect((await client.post(PAGE, { intent: "disable", proof: nextCode(secret) })).status).toBe(302);
    expect(await secondFactorRow(person.id)).toBeNull();
    const mails = await mailTo(app.database, person.email, "two_factor_changed");
    expect(mails).toHaveLength(2);
    expect(mails[0]?.body).toMatch(/turned off/);
    const { response } = await signInWithPassword(person.email, "10.21.0.4");
    expect(response.headers.get("location")).toBe("/");
  });

  it("new recovery codes replace the old ones (password as proof)", async () => {
    const person = await makeUser(app.database);
    const client = await app.signIn(person.email);
    const { codes: old } = await enrol(client);
    const made = await client.post(routeData(PAGE, ROUTE), { intent: "regenerate", proof: TEST_PASSWORD });
    expect(made.status).toBe(200);
    const { codes } = (await made.json()) as { codes: string[] };
    secrets.push(...codes);
    expect(codes).toHaveLength(10);
    const stale = await signInWithPassword(person.email, "10.21.0.5");
    expect((await stale.client.post(routeData(STEP, STEP_ROUTE), { code: old[0]! })).status).toBe(401);
    expect((await stale.client.post(STEP, { code: codes[0]! })).status).toBe(302);
    expect((await mailTo(app.database, person.email, "two_factor_changed"))[0]?.body).toMatch(/recovery codes/);
  });
});

describe("an org that requires two-factor", () => {
  it("the owner must have it first; then members without it are sent to enrol for that org only", async () => {
    const alpha = await makeOrgWithOwner(app.database, "startup", "TwoFactor Alpha");
    const other = await makeOrgWithOwner(app.database, "startup", "TwoFactor Other");
    const member = await addMember(app.database, alpha.ctx, "member");
    // The member also belongs to `other`, which does not require two-factor.
    await withSystem(app.database.db, (tx) =>
      tx.execute(sql`insert into memberships (org_id, user_id, role) values (${other.org.id}, ${member.user.id}, 'member') on conflict do nothing`),
    );
    const owner = await app.signIn(alpha.owner.email);
    const settings = { name: "TwoFactor Alpha", baseCurrency: "USD", budgetOverrunThresholdPercent: "10", requireTwoFactor: "on" };
    const refused = await owner.post(routeData(`/o/${alpha.org.slug}/settings`, "routes/o.$orgSlug.settings"), settings);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fieldErrors: Record<string, string> }).fieldErrors.requireTwoFactor).toEqual(expect.any(String));
    expect(await requires(alpha.org.id)).toBe(false);

    await enrol(owner);
    expect((await owner.post(`/o/${alpha.org.slug}/settings`, settings)).status).toBe(302);
    expect(await requires(alpha.org.id)).toBe(true);
    expect((await owner.get(`/o/${alpha.org.slug}`)).status).toBe(200);

    const memberClient = await app.signIn(member.user.email);
    const sent = await memberClient.get(`/o/${alpha.org.slug}/risks`);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/account/two-factor?for=${alpha.org.slug}`);
    expect(await (await memberClient.get(`/account/two-factor?for=${alpha.org.slug}`)).text()).toContain("TwoFactor Alpha");
    expect((await memberClient.get(`/o/${other.org.slug}`)).status).toBe(200);

    await enrol(memberClient);
    expect((await memberClient.get(`/o/${alpha.org.slug}`)).status).toBe(200);
  });

  it("another tenant's owner gets 404 on the setting and nothing is written", async () => {
    const alpha = await makeOrgWithOwner(app.database, "startup", "TwoFactor Victim");
    const beta = await makeOrgWithOwner(app.database, "startup", "TwoFactor Intruder");
    const intruder = await app.signIn(beta.owner.email);
    await enrol(intruder);
    const before = await orgRow(alpha.org.id);
    const response = await intruder.post(routeData(`/o/${alpha.org.slug}/settings`, "routes/o.$orgSlug.settings"), {
      name: "Taken",
      baseCurrency: "USD",
      budgetOverrunThresholdPercent: "10",
      requireTwoFactor: "on",
    });
    expect(response.status).toBe(404);
    expect(await orgRow(alpha.org.id)).toEqual(before);
  });
});

async function requires(orgId: string) {
  return withSystem(app.database.db, async (tx) => (await tx.select({ v: orgs.requireTwoFactor }).from(orgs).where(eq(orgs.id, orgId)))[0]?.v);
}

async function orgRow(orgId: string) {
  return withSystem(app.database.db, async (tx) => rowsOf(await tx.execute(sql`select md5(o::text) as digest from orgs o where id = ${orgId}`)));
}

describe("the server log", () => {
  it("never holds a secret, a code or a recovery code", () => {
    expect(secrets.length).toBeGreaterThan(20);
    const text = logs.text();
    expect(text).toContain("/login/two-factor");
    for (const value of secrets) expect(text).not.toContain(value);
  });
});
