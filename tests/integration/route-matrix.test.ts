import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from "../../db/seed";
import { withSystem } from "../../db/tenant";
import { startTestApp, type TestApp } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner } from "../support/factories";
import { type BuiltRoute, builtRoutes, routeData } from "../support/route-data";
import { first } from "../support/at";
import { orgFingerprint } from "../support/hostile";

/**
 * Every route module in the built Remix manifest, called as: anonymous, a user of another
 * org, and a viewer of the victim org. A new route is covered the moment it is built; a route
 * without a guard fails here.
 */
// Reachable without signing in, on purpose.
const PUBLIC_ROUTES = new Set([
  "root",
  "routes/_index",
  "routes/login",
  "routes/signup",
  "routes/logout",
  "routes/invite.$token",
  // Account links (decision 017): the token in the link is the capability.
  "routes/forgot-password",
  "routes/reset-password.$token",
  "routes/verify-email.$token",
  // The second step of a sign-in (decision 021): the pending sign-in cookie is the capability.
  "routes/login_.two-factor",
  // A change of address (decision 022): the link's token is the capability, as for a reset.
  "routes/confirm-email.$token",
  // One-click unsubscribe (RFC 8058; decision 023): the token in the link is the capability.
  "routes/unsubscribe.$token",
  // The demo's mailbox: a 404 except on the embedded demo opened from this machine (demo-mailbox.test.ts).
  "routes/mailbox",
  "routes/r.$token",
  // A fund's invitation to a company (decision 028): the token in the link is the capability.
  "routes/join.$token",
  "routes/locale",
  "routes/i18n",
]);

let app: TestApp;
let routes: BuiltRoute[];
let victim: { orgId: string; slug: string; name: string };
let params: Record<string, string>;

/** What the victim org holds, to compare before and after a refused request. */
const fingerprint = (orgId: string) => orgFingerprint(app.database, orgId);
const orgRoutes = () => routes.filter((r) => r.pattern.includes(":orgSlug"));

/** Calls every org route, then checks the victim org's rows are exactly as they were before. */
async function everyOrgRouteWritingNothing(call: (route: BuiltRoute) => Promise<void>) {
  const before = await fingerprint(victim.orgId);
  for (const route of orgRoutes()) await call(route);
  expect(await fingerprint(victim.orgId)).toEqual(before);
}

/** An index route shares its URL with its parent; `?index` makes a POST reach the index route itself. */
function urlFor(route: { pattern: string; id: string; index: boolean }, overrides: Record<string, string> = {}) {
  const all = { ...params, ...overrides };
  const path = route.pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(all[name] ?? "00000000-0000-4000-8000-000000000000"));
  return routeData(path, route.id);
}

beforeAll(async () => {
  app = await startTestApp();
  await seedDemo(app.database.db);
  routes = await builtRoutes();
  const ids = await withSystem(app.database.db, async (tx) => {
    const one = async (q: ReturnType<typeof sql>) => rowsOf<{ v: string }>(await tx.execute(q))[0]?.v ?? "none";
    const org = first(rowsOf<{ id: string; name: string }>(await tx.execute(sql`select id, name from orgs where slug = 'lumen-labs'`)));
    return {
      org,
      roundId: await one(sql`select id::text as v from funding_rounds where org_id = ${org.id} limit 1`),
      facilityId: await one(sql`select id::text as v from debt_facilities limit 1`),
      riskId: await one(sql`select id::text as v from risks where org_id = ${org.id} limit 1`),
      metricId: await one(sql`select id::text as v from metric_definitions where org_id = ${org.id} limit 1`),
      month: await one(sql`select month as v from monthly_reports where org_id = ${org.id} order by month desc limit 1`),
      // A draft update of the victim, so the delete action on its page is tried on a real one.
      updateId: await one(sql`insert into investor_updates (org_id, title, month) values (${org.id}, 'Matrix draft', '2026-10') returning id::text as v`),
    };
  });
  victim = { orgId: ids.org.id, slug: "lumen-labs", name: ids.org.name };
  params = {
    orgSlug: victim.slug,
    companySlug: victim.slug,
    roundId: ids.roundId,
    facilityId: ids.facilityId,
    riskId: ids.riskId,
    metricId: ids.metricId,
    month: ids.month,
    updateId: ids.updateId,
    token: "not-a-token",
  };
});
afterAll(() => app.close());

describe("route-wide access matrix", () => {
  it("finds the org routes in the manifest", () => {
    expect(orgRoutes().length).toBeGreaterThanOrEqual(4);
  });

  it("anonymous visitors are sent to sign in on every non-public route", async () => {
    const anonymous = app.client();
    for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(r.id))) {
      if (route.hasLoader) {
        const response = await anonymous.get(urlFor(route));
        expect([204, 302], `${route.id} GET`).toContain(response.status);
        expect(response.headers.get("x-remix-redirect") ?? response.headers.get("location") ?? "", route.id).toMatch(/^\/login/);
      }
    }
  });

  it("a user of another org gets 404 from every org route, sees none of its data and writes nothing", async () => {
    const attacker = await makeOrgWithOwner(app.database, "investor", "Attacker Capital");
    const browser = await app.signIn(attacker.owner.email);
    await everyOrgRouteWritingNothing(async (route) => {
      const url = urlFor(route);
      if (route.hasLoader) {
        const response = await browser.get(url);
        expect(response.status, `${route.id} GET`).toBe(404);
        expect(await response.text(), route.id).not.toContain(victim.name);
      }
      if (route.hasAction) {
        const response = await browser.post(url, { intent: "delete", name: "Hacked", amount: "1", cash: "1" });
        expect(response.status, `${route.id} POST`).toBe(404);
      }
    });
  });

  it("a viewer of the org can read its pages but every mutation is refused and writes nothing", async () => {
    const browser = await app.signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD);
    await everyOrgRouteWritingNothing(async (route) => {
      const url = urlFor(route);
      if (route.hasAction) {
        const response = await browser.post(url, { intent: "delete", name: "Viewer edit", amount: "1", cash: "1" });
        expect([400, 403, 404, 405], `${route.id} POST as viewer`).toContain(response.status);
      }
    });
  });

  it("a member (not admin) cannot reach owner/admin-only pages", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Matrix Member Co");
    const member = await addMember(app.database, ctx, "member");
    const browser = await app.signIn(member.user.email);
    for (const path of ["settings", "audit"]) {
      expect((await browser.get(`/o/${ctx.org.slug}/${path}`)).status, path).toBe(403);
    }
  });

  // Text only the victim's unshared sections hold (demo seed): risk titles, a round's lead,
  // the investor updates. None may appear anywhere an investor without that section looks.
  const UNSHARED_MARKERS = ["GPU supply and price spikes", "Policyholder data in model training", "Harbour Capital", "Net revenue retention 148"];

  it("an investor without a grant gets 404 for the company on every route and sees none of its data", async () => {
    const outsider = await makeOrgWithOwner(app.database, "investor", "No Grant Capital");
    const browser = await app.signIn(outsider.owner.email);
    await everyOrgRouteWritingNothing(async (route) => {
      const url = urlFor(route, { orgSlug: outsider.org.slug });
      if (route.pattern.includes(":companySlug") && route.hasLoader) {
        expect((await browser.get(url)).status, `${route.id} GET`).toBe(404);
      } else if (route.hasLoader) {
        const response = await browser.get(url);
        expect(await response.text(), route.id).not.toContain(victim.name);
      }
      if (route.hasAction) await browser.post(url, { intent: "delete", name: "Hacked", amount: "1", cash: "1" });
    });
  });

  it("an investor whose grant excludes sections never sees them on any route, and writes nothing to the company", async () => {
    const partial = await makeOrgWithOwner(app.database, "investor", "Partial Capital");
    await grantAccess(app.database, { id: victim.orgId }, partial.org, ["financials"]);
    const browser = await app.signIn(partial.owner.email);
    let companyPagesRead = 0;
    await everyOrgRouteWritingNothing(async (route) => {
      const url = urlFor(route, { orgSlug: partial.org.slug });
      if (route.hasLoader) {
        const response = await browser.get(url);
        expect([200, 204, 302, 403, 404], `${route.id} GET`).toContain(response.status);
        const body = await response.text();
        for (const marker of UNSHARED_MARKERS) expect(body, `${route.id} shows "${marker}"`).not.toContain(marker);
        if (route.pattern.includes(":companySlug") && response.status === 200) companyPagesRead += 1;
      }
      if (route.hasAction) {
        const response = await browser.post(url, { intent: "delete", name: "Investor edit", amount: "1", cash: "1" });
        expect(response.status, `${route.id} POST`).not.toBe(500);
      }
    });
    expect(companyPagesRead, "the company view itself is readable with the financials section").toBeGreaterThanOrEqual(1);
  });
});
