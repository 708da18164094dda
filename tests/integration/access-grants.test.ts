import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgs } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { REQUEST_SENT } from "../../app/models/access-grant.server";
import { findCompanyAccess } from "../../app/models/company-access.server";
import { createOrg } from "../../app/models/org.server";
import { systemContextOf } from "../../app/auth/system.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, makeOrgWithOwner } from "../support/factories";
import { auditOf, grantsBetween, grantState } from "../support/grant-fixtures";
import { fingerprint, postPairs } from "../support/hostile";
import { redirectOf, toastCookieOf } from "../support/toast";
import { routeData } from "../support/route-data";
import { at, first } from "../support/at";

const INVESTORS = "routes/o.$orgSlug.investors";
const COMPANIES = "routes/o.$orgSlug.companies._index";

type Made = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let app: TestApp;
let startup: Made;
let fund: Made;
let shareCode: string;
let founder: TestClient;
let partner: TestClient;

const investorsUrl = (slug: string) => routeData(`/o/${slug}/investors`, INVESTORS);
const companiesUrl = (slug: string) => routeData(`/o/${slug}/companies`, COMPANIES);

/** Posts a form the way a browser does, ticked boxes as repeated `sections` fields. */
function post(client: TestClient, url: string, form: Record<string, string>, sections: string[] = []) {
  return postPairs(client, url, [...Object.entries(form), ...sections.map((s) => ["sections", s] as [string, string])]);
}

/** A sent request redirects back to the companies page (204 to a JavaScript post) with a toast; a refusal answers JSON. */
async function requestAs(client: TestClient, slug: string, via: string) {
  const response = await post(client, companiesUrl(slug), { intent: "request", via });
  type Body = { redirect?: string | null; toast?: string; fieldErrors?: Record<string, string> };
  if (response.status === 204) return { status: 204, body: { redirect: redirectOf(response), toast: toastCookieOf(response)?.message.key } as Body };
  return { status: response.status, body: (await response.json()) as Body };
}

/** The one answer to every well-formed request, matched or not: nothing tells the investor who exists. */
const SENT = () => ({ status: 204, body: { redirect: `/o/${fund.org.slug}/companies`, toast: REQUEST_SENT.key } });

async function load<T>(client: TestClient, url: string): Promise<T> {
  const response = await client.get(url);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

interface StartupPage {
  shareCode: string | null;
  canManage: boolean;
  pending: { id: string; version: number; investorName: string; requestedVia: string }[];
  active: { id: string; version: number; investorName: string; sections: string[] }[];
  history: { investorName: string; status: string; sections: string[] }[];
}
interface InvestorPage {
  companies: { name: string; slug: string; sections: string[] }[];
  pending: { requestedVia: string }[];
}

beforeAll(async () => {
  app = await startTestApp();
  startup = await makeOrgWithOwner(app.database, "startup", "Quiet Tensor");
  fund = await makeOrgWithOwner(app.database, "investor", "Harbor Fund");
  ({ shareCode } = first(await withSystem(app.database.db, (tx) => tx.select({ shareCode: orgs.shareCode }).from(orgs).where(eq(orgs.id, startup.org.id)))));
  founder = await app.signIn(startup.owner.email);
  partner = await app.signIn(fund.owner.email);
}, 60_000);
afterAll(() => app?.close());

describe("the access-grant workflow over HTTP", () => {
  it("request by share code, approve two sections, change them, revoke — each step audited", async () => {
    // The investor types the code in lower case with spaces; it still matches.
    const typed = `${shareCode.slice(0, 4).toLowerCase()} ${shareCode.slice(4)}`;
    expect(await requestAs(partner, fund.org.slug, typed)).toEqual(SENT());
    const requested = first(await grantsBetween(app.database, startup.org.id, fund.org.id));
    expect(requested).toMatchObject({
      status: "requested",
      sections: [],
      initiatedBy: "investor",
      requestedVia: typed,
      requestedByUserId: fund.owner.id,
      decidedAt: null,
    });
    expect((await auditOf(app.database, fund.org.id)).map((a) => [a.action, a.entityId, (a.after as { requestedVia: string }).requestedVia])).toEqual([
      ["access_grant.request", requested.id, typed],
    ]);

    // Until the startup approves, the investor sees what it typed, never the company's name.
    const waiting = await partner.get(companiesUrl(fund.org.slug));
    const waitingText = await waiting.text();
    expect(JSON.parse(waitingText)).toMatchObject({ companies: [], pending: [{ requestedVia: typed }] });
    expect(waitingText).not.toContain("Quiet Tensor");
    expect(await findCompanyAccess(fund.ctx, startup.org.slug)).toBeNull();

    const page = await load<StartupPage>(founder, investorsUrl(startup.org.slug));
    expect(page.shareCode).toBe(shareCode);
    expect(page.pending).toEqual([expect.objectContaining({ id: requested.id, version: 1, investorName: "Harbor Fund", requestedVia: typed })]);

    const approve = await post(founder, investorsUrl(startup.org.slug), { intent: "approve", grantId: requested.id, version: "1" }, ["risks", "financials"]);
    expect(approve.status).toBe(204);
    expect(toastCookieOf(approve)).toMatchObject({ tone: "success", message: { key: "investor_grants_approved" } });
    expect(await findCompanyAccess(fund.ctx, startup.org.slug)).toMatchObject({ company: { name: "Quiet Tensor" }, sections: ["financials", "risks"] });
    const linked = await load<InvestorPage>(partner, companiesUrl(fund.org.slug));
    expect(linked).toMatchObject({ companies: [{ name: "Quiet Tensor", slug: startup.org.slug, sections: ["financials", "risks"] }], pending: [] });

    // A stale version changes nothing (409); the current one replaces the sections.
    const stale = await post(founder, investorsUrl(startup.org.slug), { intent: "update-sections", grantId: requested.id, version: "1" }, ["budgets"]);
    expect(stale.status).toBe(409);
    const change = await post(founder, investorsUrl(startup.org.slug), { intent: "update-sections", grantId: requested.id, version: "2" }, [
      "financials",
      "budgets",
    ]);
    expect(change.status).toBe(204);
    expect((await findCompanyAccess(fund.ctx, startup.org.slug))?.sections).toEqual(["financials", "budgets"]);

    // Revoking needs the confirmation tick; without it nothing happens.
    const unconfirmed = await post(founder, investorsUrl(startup.org.slug), { intent: "revoke", grantId: requested.id, version: "3" });
    expect(unconfirmed.status).toBe(400);
    expect(((await unconfirmed.json()) as { fieldErrors: Record<string, string> }).fieldErrors.confirm).toMatch(/Tick the box/);
    expect(first(await grantsBetween(app.database, startup.org.id, fund.org.id)).status).toBe("approved");
    const revoke = await post(founder, investorsUrl(startup.org.slug), { intent: "revoke", grantId: requested.id, version: "3", confirm: "yes" });
    expect(revoke.status).toBe(204);
    expect(await findCompanyAccess(fund.ctx, startup.org.slug)).toBeNull();
    expect(await load<InvestorPage>(partner, companiesUrl(fund.org.slug))).toMatchObject({ companies: [], pending: [] });
    const after = await load<StartupPage>(founder, investorsUrl(startup.org.slug));
    expect(after).toMatchObject({
      pending: [],
      active: [],
      history: [{ investorName: "Harbor Fund", status: "revoked", sections: ["financials", "budgets"] }],
    });

    const trail = await auditOf(app.database, startup.org.id);
    expect(
      trail.map((a) => [
        a.action,
        (a.before as { status: string }).status,
        (a.after as { status: string; sections: string[] }).status,
        (a.after as { sections: string[] }).sections,
      ]),
    ).toEqual([
      ["access_grant.approve", "requested", "approved", ["financials", "risks"]],
      ["access_grant.update_sections", "approved", "approved", ["financials", "budgets"]],
      ["access_grant.revoke", "approved", "revoked", ["financials", "budgets"]],
    ]);
    expect(
      trail.every(
        (a) => a.entityId === requested.id && a.actorUserId === startup.owner.id && (a.after as { investorName: string }).investorName === "Harbor Fund",
      ),
    ).toBe(true);
  });

  it("request by owner email reaches every startup that person owns; each decides alone", async () => {
    const other = await makeOrgWithOwner(app.database, "startup", "Second Light");
    const sibling = await createOrg(systemContextOf(app.database), other.owner, { name: "Second Light Labs", kind: "startup", baseCurrency: "EUR" });
    const typed = `  ${other.owner.email.toUpperCase()} `;
    expect(await requestAs(partner, fund.org.slug, typed)).toEqual(SENT());
    const first = at(await grantsBetween(app.database, other.org.id, fund.org.id), 0);
    const second = at(await grantsBetween(app.database, sibling.id, fund.org.id), 0);
    expect([first.status, second.status, first.requestedVia]).toEqual(["requested", "requested", typed.trim()]);
    // One pending entry per thing typed: the investor does not learn how many companies matched.
    expect((await load<InvestorPage>(partner, companiesUrl(fund.org.slug))).pending).toEqual([expect.objectContaining({ requestedVia: typed.trim() })]);

    const owner = await app.signIn(other.owner.email);
    // Declining is confirmed (the dialog, or the tick box without JavaScript).
    const unconfirmed = await post(owner, investorsUrl(sibling.slug), { intent: "decline", grantId: second.id, version: "1" });
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).fieldErrors).toEqual({ confirm: "Tick the box to confirm you want to decline this request." });
    expect(at(await grantsBetween(app.database, sibling.id, fund.org.id), 0).status).toBe("requested");
    expect((await post(owner, investorsUrl(sibling.slug), { intent: "decline", grantId: second.id, version: "1", confirm: "yes" })).status).toBe(204);
    expect((await post(owner, investorsUrl(other.org.slug), { intent: "approve", grantId: first.id, version: "1" }, ["updates"])).status).toBe(204);
    expect(await load<InvestorPage>(partner, companiesUrl(fund.org.slug))).toMatchObject({
      companies: [{ name: "Second Light", sections: ["updates"] }],
      pending: [],
    });
    expect((await auditOf(app.database, sibling.id)).map((a) => a.action)).toEqual(["access_grant.decline"]);
    // Approving a declined request is a conflict, not a resurrection.
    expect((await post(owner, investorsUrl(sibling.slug), { intent: "approve", grantId: second.id, version: "2" }, ["updates"])).status).toBe(409);
  });

  it("an unknown code or email, a non-startup code and a duplicate all get the same answer and write nothing", async () => {
    const target = await makeOrgWithOwner(app.database, "startup", "Dup Target");
    const { code } = first(await withSystem(app.database.db, (tx) => tx.select({ code: orgs.shareCode }).from(orgs).where(eq(orgs.id, target.org.id))));
    const { fundCode } = first(await withSystem(app.database.db, (tx) => tx.select({ fundCode: orgs.shareCode }).from(orgs).where(eq(orgs.id, fund.org.id))));
    expect((await requestAs(partner, fund.org.slug, code)).status).toBe(204);
    const before = await grantState(app.database, [fund.org.id, target.org.id]);
    for (const via of ["ZZZZ0000ZZZZ", "nobody-here@example.test", fundCode, code, code.toLowerCase(), target.owner.email]) {
      expect(await requestAs(partner, fund.org.slug, via), via).toEqual(SENT());
    }
    expect(await grantState(app.database, [fund.org.id, target.org.id])).toEqual(before);

    // Once approved, asking again is still the same answer and still writes nothing.
    const grant = first(await grantsBetween(app.database, target.org.id, fund.org.id));
    const owner = await app.signIn(target.owner.email);
    expect((await post(owner, investorsUrl(target.org.slug), { intent: "approve", grantId: grant.id, version: "1" }, ["risks"])).status).toBe(204);
    const approved = await grantState(app.database, [fund.org.id, target.org.id]);
    expect(await requestAs(partner, fund.org.slug, code)).toEqual(SENT());
    expect(await grantState(app.database, [fund.org.id, target.org.id])).toEqual(approved);

    // Malformed input is a field error (it says nothing about who exists) and writes nothing.
    for (const via of ["", "'; drop table orgs; --", "a@b"]) {
      const bad = await requestAs(partner, fund.org.slug, via);
      expect(bad.status, via).toBe(400);
      expect(bad.body.fieldErrors?.via, via).toBeTruthy();
    }
    expect(await grantState(app.database, [fund.org.id, target.org.id])).toEqual(approved);
  });

  it("a startup shares with an investor it names; an unknown investor is a field error", async () => {
    const company = await makeOrgWithOwner(app.database, "startup", "Inviting Co");
    const fund2 = await makeOrgWithOwner(app.database, "investor", "Invited Partners");
    const owner = await app.signIn(company.owner.email);
    const url = investorsUrl(company.org.slug);
    const before = await grantState(app.database, [company.org.id]);
    const unknown = await post(owner, url, { intent: "invite", via: "nobody-at-all@example.test" }, ["financials"]);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { fieldErrors: Record<string, string> }).fieldErrors.via).toBe(
      "No investor organisation matches this share code or email.",
    );
    // A startup's own code or owner is not an investor.
    expect((await post(owner, url, { intent: "invite", via: startup.owner.email }, ["financials"])).status).toBe(400);
    const noSections = await post(owner, url, { intent: "invite", via: fund2.owner.email });
    expect(((await noSections.json()) as { fieldErrors: Record<string, string> }).fieldErrors.sections).toBe("Choose at least one section to share.");
    expect((await post(owner, url, { intent: "invite", via: fund2.owner.email }, ["financials", "everything"])).status).toBe(400);
    expect(await grantState(app.database, [company.org.id])).toEqual(before);

    const shared = await post(owner, url, { intent: "invite", via: fund2.owner.email }, ["funding_debt", "financials"]);
    expect(shared.status).toBe(204);
    expect(toastCookieOf(shared)).toMatchObject({ message: { key: "investor_grants_sharedWith", values: { name: "Invited Partners" } } });
    expect(await grantsBetween(app.database, company.org.id, fund2.org.id)).toEqual([
      expect.objectContaining({
        status: "approved",
        sections: ["financials", "funding_debt"],
        initiatedBy: "startup",
        decidedByUserId: company.owner.id,
        requestedVia: fund2.owner.email,
      }),
    ]);
    expect(await findCompanyAccess(fund2.ctx, company.org.slug)).toMatchObject({ sections: ["financials", "funding_debt"] });
    expect((await auditOf(app.database, company.org.id)).map((a) => [a.action, a.before, (a.after as { status: string }).status])).toEqual([
      ["access_grant.invite", null, "approved"],
    ]);
    const again = await post(owner, url, { intent: "invite", via: fund2.owner.email }, ["risks"]);
    expect(again.status).toBe(400);
    expect((await grantsBetween(app.database, company.org.id, fund2.org.id)).length).toBe(1);
  });
});

describe("who may do what", () => {
  it("members and viewers read the list but every grant action is 403 and writes nothing", async () => {
    const company = await makeOrgWithOwner(app.database, "startup", "Roles Co");
    const { code } = first(await withSystem(app.database.db, (tx) => tx.select({ code: orgs.shareCode }).from(orgs).where(eq(orgs.id, company.org.id))));
    await requestAs(partner, fund.org.slug, code);
    const grant = first(await grantsBetween(app.database, company.org.id, fund.org.id));
    const fundViewer = await addMember(app.database, fund.ctx, "viewer");
    for (const role of ["member", "viewer"] as const) {
      const person = await addMember(app.database, company.ctx, role);
      const client = await app.signIn(person.user.email);
      const page = await load<StartupPage>(client, investorsUrl(company.org.slug));
      expect(page).toMatchObject({ canManage: false, shareCode: null, pending: [{ id: grant.id, investorName: "Harbor Fund" }] });
      const before = await fingerprint(app.database, company.org.id);
      const forms: [Record<string, string>, string[]][] = [
        [{ intent: "approve", grantId: grant.id, version: "1" }, ["financials"]],
        [{ intent: "decline", grantId: grant.id, version: "1", confirm: "yes" }, []],
        [{ intent: "update-sections", grantId: grant.id, version: "1" }, ["risks"]],
        [{ intent: "revoke", grantId: grant.id, version: "1", confirm: "yes" }, []],
        [{ intent: "invite", via: fund.owner.email }, ["financials"]],
      ];
      for (const [form, sections] of forms)
        expect((await post(client, investorsUrl(company.org.slug), form, sections)).status, `${role} ${form.intent}`).toBe(403);
      expect(await fingerprint(app.database, company.org.id)).toEqual(before);
    }
    const viewer = await app.signIn(fundViewer.user.email);
    const before = await grantState(app.database, [fund.org.id]);
    expect((await post(viewer, companiesUrl(fund.org.slug), { intent: "request", via: "ZZZZ0000ZZZZ" })).status).toBe(403);
    expect(await grantState(app.database, [fund.org.id])).toEqual(before);
    expect((await load<{ canManage: boolean; shareCode: string | null }>(viewer, companiesUrl(fund.org.slug))).shareCode).toBeNull();
  });

  it("another org's user gets 404 from both pages, and each page is 404 for the other kind of org", async () => {
    const outsider = await makeOrgWithOwner(app.database, "investor", "Outside Capital");
    const client = await app.signIn(outsider.owner.email);
    const elsewhere = await makeOrgWithOwner(app.database, "startup", "Elsewhere AI");
    const elsewhereOwner = await app.signIn(elsewhere.owner.email);
    const grant = first(await grantsBetween(app.database, startup.org.id, fund.org.id));
    const before = [await fingerprint(app.database, startup.org.id), await fingerprint(app.database, fund.org.id)];
    expect((await client.get(investorsUrl(startup.org.slug))).status).toBe(404);
    expect((await client.get(companiesUrl(fund.org.slug))).status).toBe(404);
    expect((await client.get(`/o/${startup.org.slug}/investors`)).status).toBe(404);
    expect(
      (await post(client, investorsUrl(startup.org.slug), { intent: "revoke", grantId: grant.id, version: String(grant.version), confirm: "yes" })).status,
    ).toBe(404);
    expect((await post(client, companiesUrl(fund.org.slug), { intent: "request", via: shareCode })).status).toBe(404);
    // Wrong kind: a startup has no companies page, an investor no investors page.
    expect((await founder.get(companiesUrl(startup.org.slug))).status).toBe(404);
    expect((await partner.get(investorsUrl(fund.org.slug))).status).toBe(404);
    expect((await post(partner, investorsUrl(fund.org.slug), { intent: "invite", via: startup.owner.email }, ["risks"])).status).toBe(404);
    expect((await post(founder, companiesUrl(startup.org.slug), { intent: "request", via: shareCode })).status).toBe(404);
    // A grant of another startup, posted to one's own page, is not found.
    expect(
      (await post(elsewhereOwner, investorsUrl(elsewhere.org.slug), { intent: "revoke", grantId: grant.id, version: String(grant.version), confirm: "yes" }))
        .status,
    ).toBe(404);
    expect([await fingerprint(app.database, startup.org.id), await fingerprint(app.database, fund.org.id)]).toEqual(before);
  });

  it("the pages render with their empty states and forms", async () => {
    const fresh = await makeOrgWithOwner(app.database, "startup", "Fresh Start");
    const html = await (await (await app.signIn(fresh.owner.email)).get(`/o/${fresh.org.slug}/investors`)).text();
    expect(html).toContain("No pending requests");
    expect(html).toContain("No investor has access");
    expect(html).toContain("Share with an investor");
    const fundHtml = await (await partner.get(`/o/${fund.org.slug}/companies`)).text();
    expect(fundHtml).toContain("Request access");
    expect(fundHtml).toContain(`/o/${fund.org.slug}/companies/`);
  });
});
