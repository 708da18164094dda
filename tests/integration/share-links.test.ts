import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, monthlyReports, shareLinks, shareLinkViews } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { randomToken } from "../../app/server/crypto.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner } from "../support/factories";
import { postPairs } from "../support/hostile";
import { captureLogs, type LogCapture } from "../support/log-capture";
import {
  createLink,
  digestAll,
  editCash,
  LIST_ROUTE,
  type LinkForm,
  linkPairs,
  REPORT_ROUTE,
  seedCompany,
  stable,
  textOf,
  viewCount,
} from "../support/share-fixtures";
import { routeData } from "../support/route-data";

process.env.LOG_LEVEL = "info";

let app: TestApp;
let logs: LogCapture;
type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let alpha: Org, beta: Org, gamma: Org, fund: Org, other: Org;
let alphaOwner: TestClient, betaOwner: TestClient, fundOwner: TestClient, otherOwner: TestClient;
let alphaMember: TestClient, alphaViewer: TestClient, fundViewer: TestClient;
const tokens: string[] = [];
const NOT_LOGGED = ["sessions", "login_throttle"];

/** An anonymous partner's request: no cookies, a recognisable browser. */
function partner(path: string, init: RequestInit = {}) {
  return fetch(app.url + path, { redirect: "manual", ...init, headers: { "User-Agent": "PartnerBrowser/1.0 (test)", ...(init.headers ?? {}) } });
}

async function link(client: TestClient, slug: string, form: Parameters<typeof createLink>[2] = {}) {
  const created = await createLink(client, slug, form);
  tokens.push(created.token);
  return created;
}

async function reportText(token: string) {
  const response = await partner(`/r/${token}`);
  expect(response.status).toBe(200);
  return textOf(await response.text());
}

beforeAll(async () => {
  logs = captureLogs();
  app = await startTestApp();
  alpha = await makeOrgWithOwner(app.database, "startup", "Alpha Vision");
  beta = await makeOrgWithOwner(app.database, "startup", "Beta Forge");
  gamma = await makeOrgWithOwner(app.database, "startup", "Gamma Loop");
  fund = await makeOrgWithOwner(app.database, "investor", "North Fund");
  other = await makeOrgWithOwner(app.database, "startup", "Other Tenant");
  await seedCompany(alpha.ctx, "Alpha", 4_321_987);
  await seedCompany(beta.ctx, "Beta", 7_654_321);
  await seedCompany(gamma.ctx, "Gamma", 5_555_123);
  await grantAccess(app.database, alpha.org, fund.org);
  await grantAccess(app.database, beta.org, fund.org, ["financials"]);
  await grantAccess(app.database, gamma.org, fund.org);
  alphaOwner = await app.signIn(alpha.owner.email);
  betaOwner = await app.signIn(beta.owner.email);
  fundOwner = await app.signIn(fund.owner.email);
  otherOwner = await app.signIn(other.owner.email);
  alphaMember = await app.signIn((await addMember(app.database, alpha.ctx, "member")).user.email);
  alphaViewer = await app.signIn((await addMember(app.database, alpha.ctx, "viewer")).user.email);
  fundViewer = await app.signIn((await addMember(app.database, fund.ctx, "viewer")).user.email);
}, 60_000);

afterAll(async () => {
  logs.restore();
  await app.close();
});

describe("the report page", () => {
  it("shows a startup's own figures, read only, with noindex, no-store and no referrer; each view is logged", async () => {
    const { token, id } = await link(alphaOwner, alpha.org.slug, { label: "Alpha for LPs" });
    const response = await partner(`/r/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    const text = textOf(html);
    expect(text).toContain("Alpha for LPs");
    expect(text).toContain("$4,321,987");
    expect(text).toContain("Alpha highlight of March");
    expect(text).toContain("Alpha risk register entry");
    expect(text).toContain("as of Mar 2026");
    // No way into the app, nothing to submit.
    expect(html).not.toMatch(/<form/i);
    expect(html).not.toMatch(/href="\/o\//);
    expect(html).not.toMatch(/href="\/(login|signup|logout)/);
    expect(await viewCount(app.database, id)).toBe(1);
    const [view] = await withSystem(app.database.db, (tx) => tx.select().from(shareLinkViews).where(eq(shareLinkViews.linkId, id)));
    expect(view!.userAgent).toBe("PartnerBrowser/1.0 (test)");
    expect(view!.orgId).toBe(alpha.org.id);
    // The loader's data answers with the same headers.
    const data = await partner(routeData(`/r/${token}`, REPORT_ROUTE));
    expect(data.headers.get("cache-control")).toBe("private, no-store");
    expect(await viewCount(app.database, id)).toBe(2);
  });

  it("answers expired, revoked, tampered, guessed and malformed tokens with the same 404", async () => {
    const revoked = await link(alphaOwner, alpha.org.slug, { label: "to revoke" });
    // Unconfirmed (no tick, no dialog): refused, and the link stays active.
    const detail = routeData(`/o/${alpha.org.slug}/share-links/${revoked.id}`, "routes/o.$orgSlug.share-links.$linkId");
    const unconfirmed = await postPairs(alphaOwner, detail, [["intent", "revoke"]]);
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).fieldErrors).toEqual({ confirm: "Tick the box to confirm you want to revoke this link." });
    expect((await (await alphaOwner.get(detail)).json()).link.status).toBe("active");
    const revoke = await postPairs(alphaOwner, `/o/${alpha.org.slug}/share-links/${revoked.id}`, [
      ["intent", "revoke"],
      ["confirm", "yes"],
    ]);
    expect(revoke.status).toBe(302);
    const expired = await link(alphaOwner, alpha.org.slug, { label: "to expire", expiresInDays: "1" });
    await withSystem(app.database.db, (tx) =>
      tx
        .update(shareLinks)
        .set({ createdAt: sql`now() - interval '3 days'`, expiresAt: sql`now() - interval '1 second'` })
        .where(eq(shareLinks.id, expired.id)),
    );
    const live = await link(alphaOwner, alpha.org.slug, { label: "live one" });
    const flip = (c: string) => (c === "A" ? "B" : "A");
    const tampered = live.token.slice(0, 20) + flip(live.token[20]!) + live.token.slice(21);
    const cases = { revoked: revoked.token, expired: expired.token, tampered, guessed: randomToken(32), malformed: "abc", empty: "%20" };
    const answers = await Promise.all(
      Object.entries(cases).map(async ([name, token]) => {
        const response = await partner(`/r/${token}`);
        const headers = [...response.headers].filter(([k]) => !["date", "x-request-id", "content-security-policy", "keep-alive"].includes(k));
        return { name, status: response.status, body: stable(await response.text()), headers };
      }),
    );
    for (const a of answers) {
      expect(a.status, a.name).toBe(404);
      expect(a.body, a.name).toBe(answers[0]!.body);
      expect(a.headers, a.name).toEqual(answers[0]!.headers);
    }
    expect(answers[0]!.headers).toContainEqual(["cache-control", "private, no-store"]);
    const data = await Promise.all(Object.values(cases).map((t) => partner(routeData(`/r/${t}`, REPORT_ROUTE)).then(async (r) => [r.status, await r.text()])));
    for (const d of data) expect(d).toEqual(data[0]);
    expect(await viewCount(app.database, revoked.id)).toBe(0);
    expect(await viewCount(app.database, expired.id)).toBe(0);
    expect((await partner(`/r/${live.token}`)).status).toBe(200);
  });

  it("unlocks with the right passphrase and throttles wrong ones from an address, after which even the right one is refused there", async () => {
    const { token, id } = await link(alphaOwner, alpha.org.slug, { label: "protected", passphrase: "open sesame 42" });
    const locked = await partner(`/r/${token}`);
    expect(locked.status).toBe(200);
    const lockedHtml = await locked.text();
    expect(lockedHtml).toContain('name="passphrase"');
    expect(textOf(lockedHtml)).not.toContain("$4,321,987");
    expect(textOf(lockedHtml)).not.toContain("Alpha Vision");
    expect(await viewCount(app.database, id)).toBe(0);

    const post = (passphrase: string, ip = "203.0.113.7") =>
      partner(`/r/${token}`, { method: "POST", body: new URLSearchParams({ passphrase }), headers: { Origin: app.url, "X-Forwarded-For": ip } });
    const right = await post("open sesame 42");
    expect(right.status).toBe(200);
    expect(textOf(await right.text())).toContain("$4,321,987");
    expect(await viewCount(app.database, id)).toBe(1);

    for (let i = 1; i <= 5; i++) {
      const wrong = await post(`guess ${i}`);
      expect(wrong.status).toBe(401);
      expect(textOf(await wrong.text())).toContain("That passphrase is not right.");
    }
    const sixth = await post("guess 6");
    expect(sixth.status).toBe(429);
    expect(textOf(await sixth.text())).toContain("Too many wrong passphrases");
    // Locked for the link from that address, right passphrase or not (issue #13: not from
    // every address, so a guesser cannot lock the partner out; tests/integration/throttles.test.ts).
    const refused = await post("open sesame 42");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(textOf(await refused.text())).not.toContain("$4,321,987");
    expect(await viewCount(app.database, id)).toBe(1);
    const elsewhere = await post("open sesame 42", "198.51.100.9");
    expect(elsewhere.status).toBe(200);
    expect(await viewCount(app.database, id)).toBe(2);
  });

  it("refuses every other POST (405) and writes nothing; unknown tokens stay 404", async () => {
    const open = await link(alphaOwner, alpha.org.slug, { label: "no passphrase" });
    const guarded = await link(alphaOwner, alpha.org.slug, { label: "guarded", passphrase: "correct passphrase" });
    const before = await digestAll(app.database, NOT_LOGGED);
    const post = (token: string, body: Record<string, string>, method = "POST") =>
      partner(`/r/${token}`, { method, body: new URLSearchParams(body), headers: { Origin: app.url } });
    expect((await post(open.token, {})).status).toBe(405);
    expect((await post(open.token, { intent: "revoke" })).status).toBe(405);
    expect((await post(open.token, { passphrase: "anything" })).status).toBe(405);
    expect((await post(guarded.token, { passphrase: "correct passphrase", intent: "revoke" })).status).toBe(405);
    expect((await post(guarded.token, { label: "x" })).status).toBe(405);
    expect((await post(open.token, { passphrase: "x" }, "DELETE")).status).toBe(405);
    expect((await post(open.token, {}, "PUT")).status).toBe(405);
    expect((await post(randomToken(), { passphrase: "x" })).status).toBe(404);
    expect(await digestAll(app.database, NOT_LOGGED)).toEqual(before);
  });

  it("keeps a frozen report's figures byte for byte after the company edits its data, while a live one changes", async () => {
    // Its own company: the edit below must not change the figures the other tests look for.
    const delta = await makeOrgWithOwner(app.database, "startup", "Delta Edits");
    await seedCompany(delta.ctx, "Delta", 4_321_987);
    const deltaOwner = await app.signIn(delta.owner.email);
    const frozen = await link(deltaOwner, delta.org.slug, { label: "Frozen March", mode: "frozen", frozenMonth: "2026-03" });
    const live = await link(deltaOwner, delta.org.slug, { label: "Live" });
    const dataOf = async (token: string) => {
      const response = await partner(routeData(`/r/${token}`, REPORT_ROUTE));
      return ((await response.json()) as { report: { companies: unknown[]; generatedAt: string } }).report;
    };
    const articleOf = async (token: string) => stable((await (await partner(`/r/${token}`)).text()).match(/<article[\s\S]*<\/article>/)![0]);
    const frozenBefore = await dataOf(frozen.token);
    const frozenHtml = await articleOf(frozen.token);
    expect(JSON.stringify(frozenBefore)).toContain("432198700");

    const [march] = await withSystem(app.database.db, (tx) =>
      tx
        .select({ version: monthlyReports.version })
        .from(monthlyReports)
        .where(and(eq(monthlyReports.orgId, delta.org.id), eq(monthlyReports.month, "2026-03"))),
    );
    await editCash(delta.ctx, "2026-03", march!.version, 3_210_001);

    expect(await dataOf(frozen.token)).toEqual(frozenBefore);
    expect(await articleOf(frozen.token)).toBe(frozenHtml);
    const liveText = await reportText(live.token);
    expect(liveText).toContain("$3,210,001");
    expect(liveText).not.toContain("$4,321,987");
    expect(await reportText(frozen.token)).toContain("$4,321,987");
  });
});

describe("scope and sections", () => {
  it("a link for one company never shows another", async () => {
    const own = await link(alphaOwner, alpha.org.slug, { label: "Alpha alone" });
    const viaFund = await link(fundOwner, fund.org.slug, { label: "Fund on Alpha", scope: "company", companyId: alpha.org.id });
    for (const token of [own.token, viaFund.token]) {
      const text = await reportText(token);
      expect(text).toContain("$4,321,987");
      for (const leak of ["Beta", "7,654,321", "Gamma", "5,555,123", "Other Tenant"]) expect(text).not.toContain(leak);
    }
    // A startup cannot point its link at another company.
    const refused = await postPairs(alphaOwner, routeData(`/o/${alpha.org.slug}/share-links`, LIST_ROUTE), [
      ["intent", "create"],
      ["label", "sneaky"],
      ["scope", "portfolio"],
      ["mode", "live"],
      ["expiresInDays", "30"],
      ["sections", "financials"],
    ]);
    expect(refused.status).toBe(400);
  });

  it("a portfolio subset shows exactly its companies; the portfolio shows each only as its grant allows", async () => {
    const subset = await link(fundOwner, fund.org.slug, { label: "Alpha and Gamma", scope: "companies", companyIds: [alpha.org.id, gamma.org.id] });
    const text = await reportText(subset.token);
    for (const shown of ["Alpha Vision", "$4,321,987", "Gamma Loop", "$5,555,123", "Gamma highlight of March"]) expect(text).toContain(shown);
    for (const hidden of ["Beta", "7,654,321"]) expect(text).not.toContain(hidden);

    const whole = await link(fundOwner, fund.org.slug, { label: "Whole fund", scope: "portfolio" });
    const all = await reportText(whole.token);
    for (const shown of ["Alpha Vision", "Beta Forge", "$7,654,321", "Gamma Loop"]) expect(all).toContain(shown);
    // Beta shares financials only with the fund: its risks and updates are not in the fund's report.
    for (const hidden of ["Beta risk register entry", "Beta highlight of March", "Other Tenant"]) expect(all).not.toContain(hidden);
  });

  it("leaves out sections the link does not share, from the page and from its data", async () => {
    const { token } = await link(alphaOwner, alpha.org.slug, { label: "Numbers only", sections: ["financials"] });
    const text = await reportText(token);
    expect(text).toContain("$4,321,987");
    for (const hidden of ["Alpha highlight of March", "Alpha risk register entry", "Capital raised", "Debt service ahead", "Risk heat map", "Investor updates"])
      expect(text).not.toContain(hidden);
    const data = (await (await partner(routeData(`/r/${token}`, REPORT_ROUTE))).json()) as {
      report: { companies: { dashboard: Record<string, unknown>; updates?: unknown }[] };
    };
    const company = data.report.companies[0]!;
    expect(Object.keys(company.dashboard).sort()).toEqual(["currency", "financials", "window"]);
    expect(company.updates).toBeUndefined();
    // An investor cannot ask for more than the grant shares.
    const tooMuch = await postPairs(fundOwner, routeData(`/o/${fund.org.slug}/share-links`, LIST_ROUTE), [
      ["intent", "create"],
      ["label", "Beta risks"],
      ["scope", "company"],
      ["companyId", beta.org.id],
      ["mode", "live"],
      ["expiresInDays", "30"],
      ["sections", "risks"],
    ]);
    expect(tooMuch.status).toBe(400);
  });

  it("re-checks an investor's grants on every view, frozen reports included", async () => {
    const frozen = await link(fundOwner, fund.org.slug, { label: "Frozen fund", scope: "portfolio", mode: "frozen", frozenMonth: "2026-03" });
    expect(await reportText(frozen.token)).toContain("Gamma highlight of March");
    await withSystem(app.database.db, (tx) => tx.execute(sql`update access_grants set sections = '{financials}' where org_id = ${gamma.org.id}`));
    const narrowed = await reportText(frozen.token);
    expect(narrowed).toContain("$5,555,123");
    expect(narrowed).not.toContain("Gamma highlight of March");
    await withSystem(app.database.db, (tx) => tx.execute(sql`update access_grants set status = 'revoked' where org_id = ${gamma.org.id}`));
    const revoked = await reportText(frozen.token);
    expect(revoked).not.toContain("Gamma");
    expect(revoked).toContain("Alpha Vision");
    await withSystem(app.database.db, (tx) =>
      tx.execute(
        sql`update access_grants set status = 'approved', sections = '{financials,funding_debt,budgets,risks,updates}' where org_id = ${gamma.org.id}`,
      ),
    );
  });
});

describe("managing links", () => {
  it("refuses members and viewers (403) but lets them read the list; other tenants get 404; nothing is written", async () => {
    const { id } = await link(alphaOwner, alpha.org.slug, { label: "Managed" });
    const before = await digestAll(app.database, NOT_LOGGED);
    for (const client of [alphaMember, alphaViewer]) {
      const list = await client.get(routeData(`/o/${alpha.org.slug}/share-links`, LIST_ROUTE));
      expect(list.status).toBe(200);
      const body = (await list.json()) as { canManage: boolean; links: { label: string }[] };
      expect(body.canManage).toBe(false);
      expect(body.links.map((l) => l.label)).toContain("Managed");
      expect((await createAs(client, alpha.org.slug)).status).toBe(403);
      expect(
        (
          await postPairs(client, `/o/${alpha.org.slug}/share-links/${id}`, [
            ["intent", "revoke"],
            ["confirm", "yes"],
          ])
        ).status,
      ).toBe(403);
    }
    expect((await otherOwner.get(`/o/${alpha.org.slug}/share-links`)).status).toBe(404);
    expect((await otherOwner.get(`/o/${other.org.slug}/share-links/${id}`)).status).toBe(404);
    expect(
      (
        await postPairs(otherOwner, `/o/${other.org.slug}/share-links/${id}`, [
          ["intent", "revoke"],
          ["confirm", "yes"],
        ])
      ).status,
    ).toBe(404);
    expect((await createAs(otherOwner, alpha.org.slug)).status).toBe(404);
    expect(await digestAll(app.database, NOT_LOGGED)).toEqual(before);
  });

  it("refuses bad input with 400 and writes nothing", async () => {
    const before = await digestAll(app.database, NOT_LOGGED);
    for (const bad of [
      { label: "" },
      { expiresInDays: "366" },
      { expiresInDays: "0" },
      { mode: "frozen" as const },
      { mode: "frozen" as const, frozenMonth: "2099-01" },
      { mode: "frozen" as const, frozenMonth: "0000-01" },
      { sections: [] },
      { sections: ["payroll"] },
      { passphrase: "short" },
    ]) {
      expect((await createAs(alphaOwner, alpha.org.slug, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(
      (
        await postPairs(alphaOwner, `/o/${alpha.org.slug}/share-links/${crypto.randomUUID()}`, [
          ["intent", "revoke"],
          ["confirm", "yes"],
        ])
      ).status,
    ).toBe(404);
    expect(await digestAll(app.database, NOT_LOGGED)).toEqual(before);
  });

  it("lets a viewer of an investor org read the portfolio, a company and the links, and change nothing", async () => {
    await link(fundOwner, fund.org.slug, { label: "For the viewer to see", scope: "portfolio" });
    const before = await digestAll(app.database, NOT_LOGGED);
    expect((await fundViewer.get(`/o/${fund.org.slug}/portfolio`)).status).toBe(200);
    expect((await fundViewer.get(`/o/${fund.org.slug}/companies/${alpha.org.slug}`)).status).toBe(200);
    const list = await fundViewer.get(`/o/${fund.org.slug}/share-links`);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(textOf(html)).toContain("For the viewer to see");
    expect(html).not.toContain('name="intent" value="create"');
    expect((await createAs(fundViewer, fund.org.slug, { scope: "portfolio" })).status).toBe(403);
    expect(await digestAll(app.database, NOT_LOGGED)).toEqual(before);
  });

  it("audits create and revoke without the token, and never logs a token", async () => {
    const { token, id } = await link(betaOwner, beta.org.slug, { label: "Audited", passphrase: "audited passphrase" });
    await partner(`/r/${token}`, { method: "POST", body: new URLSearchParams({ passphrase: "wrong one" }), headers: { Origin: app.url } });
    await postPairs(betaOwner, `/o/${beta.org.slug}/share-links/${id}`, [
      ["intent", "revoke"],
      ["confirm", "yes"],
    ]);
    const entries = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, beta.org.id), eq(auditLog.entityId, id))),
    );
    expect(entries.map((e) => e.action).sort()).toEqual(["share_link.create", "share_link.revoke"]);
    const [stored] = await withSystem(app.database.db, (tx) =>
      tx.select({ hash: shareLinks.tokenHash, pass: shareLinks.passphraseHash }).from(shareLinks).where(eq(shareLinks.id, id)),
    );
    const audited = JSON.stringify(entries);
    expect(audited).not.toContain(token);
    expect(audited).not.toContain(stored!.hash);
    expect(audited).not.toContain(stored!.pass!);
    expect(audited).not.toContain("audited passphrase");
    const output = logs.text();
    expect(output).toContain('"path":"/r/:token"');
    for (const t of tokens) expect(output).not.toContain(t);
    expect(output).not.toContain("audited passphrase");
  });
});

/** Posts the create form as-is (no status check): label "x" and financials only, unless the form says otherwise. */
function createAs(client: TestClient, slug: string, form: LinkForm = {}) {
  return postPairs(client, routeData(`/o/${slug}/share-links`, LIST_ROUTE), linkPairs({ label: "x", sections: ["financials"], ...form }));
}
