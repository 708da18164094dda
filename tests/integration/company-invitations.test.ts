import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { accessGrants, auditLog, companyInvitations, dataRequests, orgs, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { monthOfDate } from "../../app/finance/month";
import { revokeGrant } from "../../app/models/access-grant.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, makeOrgWithOwner, makeUser, type Org, TEST_PASSWORD } from "../support/factories";
import { latestMail, linkToken } from "../support/outbox";
import { reportForm } from "../support/report-inputs";
import { routeData } from "../support/route-data";
import { redirectTarget } from "../support/shown-page";

// A fund brings in a company that is not on Capital Desk yet (issue #17, decision 028): the fund
// invites by the founder's address, the mailed link creates the founder's account and startup, the
// fund's grant of exactly the requested sections and the request, all over HTTP on a real server.

const INVITE_ROUTE = "routes/o.$orgSlug.collection.invite";
const JOIN_ROUTE = "routes/join.$token";

let app: TestApp;
let fund: Org;
let fundOwner: TestClient;
let planId: string;
const month = monthOfDate(new Date());

const invitePath = () => `/o/${fund.org.slug}/collection/invite`;

async function invitationCount(orgId: string) {
  const [row] = await withSystem(app.database.db, (tx) => tx.execute(sql`select count(*)::int as n from company_invitations where org_id = ${orgId}`)).then(
    (r) => rowsOf<{ n: number }>(r),
  );
  return row!.n;
}

async function invite(email: string, companyName: string) {
  return fundOwner.post(routeData(invitePath(), INVITE_ROUTE), { intent: "invite", email, companyName, planId });
}

async function tokenFor(email: string) {
  const mail = await latestMail(app.database, email, "invitation");
  expect(mail, `an invitation mail to ${email}`).not.toBeNull();
  return linkToken(mail!.body, "/join");
}

beforeAll(async () => {
  app = await startTestApp();
  fund = await makeOrgWithOwner(app.database, "investor", "Harbour Seed Fund");
  fundOwner = await app.signIn(fund.owner.email);
  // A fund with no company yet defines its request for the companies it is about to invite.
  const created = await fundOwner.post(`/o/${fund.org.slug}/collection/new`, {
    month,
    cadence: "monthly",
    dueDay: "15",
    steps: "-3, 0, 3, 7",
    scope: "all",
    arr: "on",
  });
  const location = redirectTarget(created, new RegExp(`^/o/${fund.org.slug}/collection/invite\\?plan=`));
  planId = new URL(location, app.url).searchParams.get("plan")!;
});
afterAll(() => app?.close());

describe("inviting a company by its founder's address", () => {
  let founder: TestClient;
  let companySlug: string;
  const email = `founder-${Date.now()}@orbital.test`;

  it("the fund's form checks its fields and writes nothing on bad input", async () => {
    const before = await invitationCount(fund.org.id);
    const bad = await fundOwner.post(routeData(invitePath(), INVITE_ROUTE), { intent: "invite", email: "not-an-address", companyName: " ", planId });
    expect(bad.status).toBe(400);
    const { fieldErrors } = (await bad.json()) as { fieldErrors: Record<string, string> };
    expect(Object.keys(fieldErrors).sort()).toEqual(["companyName", "email"]);
    const noPlan = await fundOwner.post(routeData(invitePath(), INVITE_ROUTE), {
      intent: "invite",
      email,
      companyName: "Orbital",
      planId: crypto.randomUUID(),
    });
    expect(noPlan.status).toBe(400);
    expect(Object.keys(((await noPlan.json()) as { fieldErrors: Record<string, string> }).fieldErrors)).toEqual(["planId"]);
    expect(await invitationCount(fund.org.id)).toBe(before);
  });

  it("sends the link through the outbox, in plain text and HTML, and a second invitation to the address is refused", async () => {
    const sent = await invite(email.toUpperCase(), "Orbital Robotics");
    expect(sent.status).toBe(204); // a redirect answered to a data request
    const mail = await latestMail(app.database, email, "invitation");
    expect(mail!.subject).toContain("Harbour Seed Fund");
    expect(mail!.body).toMatch(/\/join\/[A-Za-z0-9_-]+/);
    expect(mail!.html).toContain(`/join/${await tokenFor(email)}`);
    expect(mail!.orgId).toBe(fund.org.id);
    const again = await invite(email, "Orbital Robotics");
    expect(again.status).toBe(400);
    expect(((await again.json()) as { fieldErrors: Record<string, string> }).fieldErrors.email).toMatch(/still open/);
    const [row] = await withSystem(app.database.db, (tx) => tx.select().from(companyInvitations).where(eq(companyInvitations.email, email)));
    expect(row!.tokenHash).not.toBe(await tokenFor(email)); // only the hash is kept
    expect(row!.sections).toEqual(["financials"]);
    const page = await (await fundOwner.get(invitePath())).text();
    expect(page).toContain(email);
    expect(page).toContain("Waiting");
    // The request to answer is named in running text: its period, due date and what it asks.
    expect(page).toMatch(/>[A-Z][a-z]{2} \d{4}, due [A-Z][a-z]{2} 15, \d{4}: monthly report, ARR at month end</);
  });

  it("the link's page says who asks, what, by when and exactly which sections the fund will see", async () => {
    const token = await tokenFor(email);
    const anonymous = app.client();
    const page = await anonymous.get(`/join/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Harbour Seed Fund asks Orbital Robotics for its figures");
    expect(html).toContain('data-section="financials"');
    expect(html).not.toContain('data-section="budgets"');
    expect(html).toMatch(/Not shared: Funding &amp; debt, Budgets, Risks, (Updates|Investor updates)/);
    expect(html).toContain("under Investors");
    expect(html).toContain("ARR at month end");
  });

  it("bad input on the join form writes nothing", async () => {
    const token = await tokenFor(email);
    const usersBefore = await withSystem(app.database.db, (tx) => tx.select({ id: users.id }).from(users));
    const bad = await app.client().post(routeData(`/join/${token}`, JOIN_ROUTE), { name: "", password: "short", companyName: "", baseCurrency: "dollars" });
    expect(bad.status).toBe(400);
    const { fieldErrors } = (await bad.json()) as { fieldErrors: Record<string, string> };
    expect(Object.keys(fieldErrors).sort()).toEqual(["baseCurrency", "companyName", "name", "password"]);
    const usersAfter = await withSystem(app.database.db, (tx) => tx.select({ id: users.id }).from(users));
    expect(usersAfter.length).toBe(usersBefore.length);
  });

  it("answering creates the account (verified), the startup, the grant of exactly financials and the request, and signs the founder in", async () => {
    const token = await tokenFor(email);
    founder = app.client();
    const joined = await founder.post(`/join/${token}`, {
      name: "Ada Founder",
      password: "a long enough password",
      companyName: "Orbital Robotics",
      baseCurrency: "EUR",
    });
    const location = redirectTarget(joined, new RegExp(`^/o/[a-z0-9-]+/reports/${month}$`));
    companySlug = location.split("/")[2]!;
    const [user] = await withSystem(app.database.db, (tx) => tx.select().from(users).where(eq(users.email, email)));
    expect(user!.emailVerifiedAt).not.toBeNull();
    const [company] = await withSystem(app.database.db, (tx) => tx.select().from(orgs).where(eq(orgs.slug, companySlug)));
    expect(company).toMatchObject({ kind: "startup", name: "Orbital Robotics", baseCurrency: "EUR" });
    const grants = await withSystem(app.database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.orgId, company!.id)));
    expect(grants.map((g) => ({ investor: g.investorOrgId, status: g.status, sections: g.sections }))).toEqual([
      { investor: fund.org.id, status: "approved", sections: ["financials"] },
    ]);
    const requests = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(dataRequests)
        .where(and(eq(dataRequests.orgId, fund.org.id), eq(dataRequests.companyOrgId, company!.id))),
    );
    expect(requests.map((r) => r.monthFrom)).toEqual([month]);
    const [row] = await withSystem(app.database.db, (tx) => tx.select().from(companyInvitations).where(eq(companyInvitations.email, email)));
    expect(row!.acceptedAt).not.toBeNull();
    expect(row!.companyOrgId).toBe(company!.id);
    const actions = await withSystem(app.database.db, (tx) => tx.select({ org: auditLog.orgId, action: auditLog.action }).from(auditLog));
    expect(actions).toContainEqual({ org: fund.org.id, action: "company_invitation.create" });
    expect(actions).toContainEqual({ org: fund.org.id, action: "company_invitation.accept" });
    expect(actions).toContainEqual({ org: company!.id, action: "access_grant.approve" });
    // Signed in: the answer form and the inbox are theirs.
    expect((await founder.get(location)).status).toBe(200);
    const inbox = await (await founder.get(`/o/${companySlug}/requests`)).text();
    expect(inbox).toContain("Harbour Seed Fund");
    // The invitation is in the founder's own data download.
    const personal = (await (await founder.get("/account/data.json")).json()) as { companyInvitationsToYourAddress: { fundName: string }[] };
    expect(personal.companyInvitationsToYourAddress).toEqual([expect.objectContaining({ fundName: "Harbour Seed Fund", companyName: "Orbital Robotics" })]);
  });

  it("the answer shows as fulfilled in the fund's collection", async () => {
    const saved = await founder.post(`/o/${companySlug}/reports/${month}`, reportForm({ arr: "120000" }));
    expect(saved.status).toBe(302);
    const collection = await (await fundOwner.get(`/o/${fund.org.slug}/collection?month=${month}`)).text();
    expect(collection).toContain("Orbital Robotics");
    expect(collection).toContain("Fulfilled");
  });

  it("a used link says so and writes nothing more; an unknown one is a 404", async () => {
    const token = await tokenFor(email);
    const used = await app.client().get(`/join/${token}`);
    expect(used.status).toBe(410);
    expect(await used.text()).toContain("already used");
    const orgCount = async () => (await withSystem(app.database.db, (tx) => tx.select({ id: orgs.id }).from(orgs))).length;
    const before = await orgCount();
    const again = await app.client().post(`/join/${token}`, { name: "Mallory", password: "a long enough password", companyName: "Copy", baseCurrency: "USD" });
    expect(again.status).toBe(410);
    expect(await orgCount()).toBe(before);
    expect((await app.client().get("/join/not-a-real-token")).status).toBe(404);
  });

  it("revoking the grant later hides the request from the company and the answers from the fund", async () => {
    const [company] = await withSystem(app.database.db, (tx) => tx.select().from(orgs).where(eq(orgs.slug, companySlug)));
    const [grant] = await withSystem(app.database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.orgId, company!.id)));
    const [user] = await withSystem(app.database.db, (tx) => tx.select().from(users).where(eq(users.email, email)));
    const ctx = {
      db: app.database.db,
      user: { id: user!.id, email: user!.email, name: user!.name },
      org: { id: company!.id, slug: company!.slug, name: company!.name, kind: "startup" as const, baseCurrency: company!.baseCurrency },
      role: "owner" as const,
    };
    await revokeGrant(ctx, grant!.id, grant!.version);
    expect(await (await founder.get(`/o/${companySlug}/requests`)).text()).not.toContain("Harbour Seed Fund");
    expect(await (await fundOwner.get(`/o/${fund.org.slug}/collection?month=${month}`)).text()).not.toContain("Orbital Robotics");
  });
});

describe("a link used many times at once", () => {
  // Ten browsers posting the same link together: the throttle's counters and the invitation's lock
  // meet in parallel transactions; one join wins, the rest are told the link is used, none fails.
  it("makes one account and one startup, and answers every other attempt with a clear refusal", async () => {
    const email = `race-${Date.now()}@example.test`;
    await invite(email, "Race Robotics");
    const token = await tokenFor(email);
    const form = { name: "Rae Race", password: "a long enough password", companyName: "Race Robotics", baseCurrency: "USD" };
    const replies = await Promise.all(Array.from({ length: 10 }, () => app.client().post(`/join/${token}`, form)));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(
      statuses.filter((s) => s >= 400 && s < 500),
      `statuses ${statuses.join(",")}`,
    ).toHaveLength(9);
    const accounts = await withSystem(app.database.db, (tx) => tx.select().from(users).where(eq(users.email, email)));
    expect(accounts).toHaveLength(1);
    const companies = await withSystem(app.database.db, (tx) => tx.select().from(orgs).where(eq(orgs.name, "Race Robotics")));
    expect(companies).toHaveLength(1);
  });
});

describe("the link's other cases", () => {
  it("an expired link says so and creates nothing", async () => {
    const email = `late-${Date.now()}@example.test`;
    expect((await invite(email, "Late Labs")).status).toBe(204);
    const token = await tokenFor(email);
    await withSystem(app.database.db, (tx) =>
      tx
        .update(companyInvitations)
        .set({ expiresAt: new Date(Date.now() - 1000), lastSentAt: new Date(Date.now() - 15 * 24 * 3600 * 1000) })
        .where(eq(companyInvitations.email, email)),
    );
    const page = await app.client().get(`/join/${token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("expired");
    const post = await app.client().post(`/join/${token}`, { name: "Late", password: "a long enough password", companyName: "Late Labs", baseCurrency: "USD" });
    expect(post.status).toBe(410);
    const [account] = await withSystem(app.database.db, (tx) => tx.select().from(users).where(eq(users.email, email)));
    expect(account).toBeUndefined();
    // The fund may send it again (a new link), and the expired one stays dead.
    const resent = await fundOwner.post(routeData(invitePath(), INVITE_ROUTE), {
      intent: "resend",
      invitationId: (await withSystem(app.database.db, (tx) => tx.select().from(companyInvitations).where(eq(companyInvitations.email, email))))[0]!.id,
    });
    expect(resent.status).toBe(204);
    const fresh = await tokenFor(email);
    expect(fresh).not.toBe(token);
    expect((await app.client().get(`/join/${fresh}`)).status).toBe(200);
    expect((await app.client().get(`/join/${token}`)).status).toBe(404);
  });

  it("a resend is throttled and a cancelled link stops working", async () => {
    const email = `cancel-${Date.now()}@example.test`;
    expect((await invite(email, "Cancel Co")).status).toBe(204);
    const token = await tokenFor(email);
    const [row] = await withSystem(app.database.db, (tx) => tx.select().from(companyInvitations).where(eq(companyInvitations.email, email)));
    const soon = await fundOwner.post(routeData(invitePath(), INVITE_ROUTE), { intent: "resend", invitationId: row!.id });
    expect(soon.status).toBe(400);
    const cancelled = await fundOwner.post(routeData(invitePath(), INVITE_ROUTE), { intent: "cancel", invitationId: row!.id });
    expect(cancelled.status).toBe(204);
    expect((await app.client().get(`/join/${token}`)).status).toBe(404);
    // A new invitation to the same address is possible once the earlier one is closed.
    expect((await invite(email, "Cancel Co")).status).toBe(204);
  });

  it("an address that already has an account signs in, then answers as a startup it owns", async () => {
    const existing = await makeOrgWithOwner(app.database, "startup", "Existing Startup");
    expect((await invite(existing.owner.email, "Existing Startup")).status).toBe(204);
    const token = await tokenFor(existing.owner.email);
    const anonymous = await (await app.client().get(`/join/${token}`)).text();
    expect(anonymous).toContain("Sign in to answer");
    expect(anonymous).not.toContain('name="password"');
    // Posting the new-account form anyway creates nothing: the address has an account.
    const refused = await app.client().post(routeData(`/join/${token}`, JOIN_ROUTE), {
      name: "Someone",
      password: "a long enough password",
      companyName: "Hijack",
      baseCurrency: "USD",
    });
    expect(refused.status).toBe(400);
    const owner = await app.signIn(existing.owner.email);
    const page = await (await owner.get(`/join/${token}`)).text();
    expect(page).toContain("Existing Startup");
    const joined = await owner.post(`/join/${token}`, { company: existing.org.id });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe(`/o/${existing.org.slug}/reports/${month}`);
    const grants = await withSystem(app.database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.orgId, existing.org.id)));
    expect(grants.map((g) => [g.investorOrgId, g.status, g.sections])).toEqual([[fund.org.id, "approved", ["financials"]]]);
  });

  it("a signed-in person with another address cannot use the link", async () => {
    const email = `mismatch-${Date.now()}@example.test`;
    expect((await invite(email, "Mismatch Co")).status).toBe(204);
    const token = await tokenFor(email);
    const stranger = await makeUser(app.database, "Stranger");
    const client = await app.signIn(stranger.email);
    expect(await (await client.get(`/join/${token}`)).text()).toContain("this invitation was sent to");
    const post = await client.post(routeData(`/join/${token}`, JOIN_ROUTE), { company: "new", companyName: "Mismatch Co", baseCurrency: "USD" });
    expect(post.status).toBe(403);
    const [row] = await withSystem(app.database.db, (tx) => tx.select().from(companyInvitations).where(eq(companyInvitations.email, email)));
    expect(row!.acceptedAt).toBeNull();
  });
});

describe("who may invite", () => {
  it("another tenant's user gets 404 on the fund's invitation page and writes nothing; a viewer of the fund gets 403", async () => {
    const other = await makeOrgWithOwner(app.database, "investor", "Other Fund");
    const stranger = await app.signIn(other.owner.email);
    const before = await invitationCount(fund.org.id);
    expect((await stranger.get(invitePath())).status).toBe(404);
    expect((await stranger.post(invitePath(), { intent: "invite", email: "x@example.test", companyName: "X", planId })).status).toBe(404);
    const [row] = await withSystem(app.database.db, (tx) => tx.select().from(companyInvitations).where(eq(companyInvitations.orgId, fund.org.id)));
    expect((await stranger.post(invitePath(), { intent: "cancel", invitationId: row!.id })).status).toBe(404);
    const viewer = await addMember(app.database, fund.ctx, "viewer");
    const viewerClient = await app.signIn(viewer.user.email, TEST_PASSWORD);
    expect((await viewerClient.get(invitePath())).status).toBe(403);
    expect((await viewerClient.post(invitePath(), { intent: "invite", email: "y@example.test", companyName: "Y", planId })).status).toBe(403);
    expect(await invitationCount(fund.org.id)).toBe(before);
    const [still] = await withSystem(app.database.db, (tx) => tx.select().from(companyInvitations).where(eq(companyInvitations.id, row!.id)));
    expect(still!.cancelledAt).toEqual(row!.cancelledAt);
  });

  it("an address of a member of an already linked company is refused with a field error", async () => {
    const [linked] = await withSystem(app.database.db, (tx) =>
      tx
        .select({ email: users.email })
        .from(users)
        .innerJoin(companyInvitations, eq(companyInvitations.acceptedBy, users.id))
        .where(
          and(
            eq(companyInvitations.orgId, fund.org.id),
            sql`${companyInvitations.companyOrgId} in (select org_id from access_grants where status = 'approved')`,
          ),
        ),
    );
    const refused = await invite(linked!.email, "Again");
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fieldErrors: Record<string, string> }).fieldErrors.email).toMatch(/already linked/);
  });
});
