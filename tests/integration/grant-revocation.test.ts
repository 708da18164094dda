import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { auditLog, budgets, debtFacilities, monthlyReports, reportUpdates, risks } from "../../db/schema";
import { GRANT_SECTIONS, type GrantSection } from "../../db/schema/rls";
import { withSystem, withTenant } from "../../db/tenant";
import { addMonths, monthOfDate } from "../../app/finance";
import { revokeGrant, updateGrantSections } from "../../app/models/access-grant.server";
import { listAlerts, openAlertCounts } from "../../app/models/alert.server";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { createPosition } from "../../app/models/position.server";
import { createDataRequest } from "../../app/models/data-request.server";
import type { InvestorContext } from "../../app/auth/context";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { grantAccess, makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { createLink } from "../support/share-fixtures";
import { routeData } from "../support/route-data";
import { positionInput } from "../support/record-forms";

/**
 * Issue #13, finding 3: after a startup revokes a grant or unshares a section, nothing of what
 * that section holds may still be read by the investor — not on any page, CSV export, alert
 * (in any status), audit entry or share link it made (live or frozen) — and after the
 * investor's next visit its tenant keeps no copy of it.
 *
 * One table over every place an investor reads, run for a full revoke and for each section
 * removed alone. Each section carries markers (a unique text and unique figures) that are
 * visible before the change; after it, the removed sections' markers must be absent
 * everywhere. Months are relative to the real current month M, so the loaders' own alert
 * syncs (which use the real date) see the same conditions.
 */
const FEED = "routes/o.$orgSlug.alerts._index";
const M = monthOfDate(new Date());
const m = (k: number) => addMonths(M, k);
const K = 100; // one dollar in minor units

// Latest cash $314,159 burning $350,000 a month: runway critical, default dead. Spend in M
// $400,000 against a budget of $271,828 (variance $128,172): budget overrun. A facility with
// a minimum cash of $628,318: covenant breach. A risk scoring 20: risk alert.
const CASH = 314_159;
const BUDGET = 271_828;
const SPEND = 400_000;
const MINIMUM_CASH = 628_318;

type Section = GrantSection;
const markersOf = (label: string): Record<Section | "company", string[]> => ({
  company: [`${label} Robotics`],
  financials: ["314,159", "314159"],
  budgets: ["271,828", "271828", "128,172", "128172"],
  risks: [`${label} quokka supply shock`],
  // The forecasts' debt-service note is funding & debt too: it counts the company's facilities.
  funding_debt: [`${label} Wombat Lending`, "628,318", "628318", "debt service of 1 facility"],
  updates: [`${label} numbat launch`],
});

/** Which alert kinds are computed from which sections (app/models/alert-signals.server.ts). */
const ALERT_NEEDS: Record<string, Section[]> = {
  runway: ["financials"],
  default_dead: ["financials"],
  report_overdue: ["financials"],
  risk_score: ["risks"],
  budget_overrun: ["financials", "budgets"],
  covenant: ["financials", "funding_debt"],
};

/** The alerts the seeded company raises while everything is shared. */
const RAISED = ["budget_overrun", "covenant", "default_dead", "risk_score", "runway"];

interface Scenario {
  name: string;
  label: string;
  /** Sections the investor no longer sees; all of them (and the company) for a revoke. */
  removed: readonly Section[];
  revoke: boolean;
}
const SCENARIOS: Scenario[] = [
  { name: "the grant is revoked", label: "Revoked", removed: GRANT_SECTIONS, revoke: true },
  { name: "risks are unshared", label: "Riskless", removed: ["risks"], revoke: false },
  { name: "budgets are unshared", label: "Budgetless", removed: ["budgets"], revoke: false },
  { name: "funding & debt is unshared", label: "Debtless", removed: ["funding_debt"], revoke: false },
  { name: "updates are unshared", label: "Quiet", removed: ["updates"], revoke: false },
];

type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;

interface World {
  startup: Org;
  grantId: string;
  reader: Org;
  readerClient: TestClient;
  late: Org;
  lateClient: TestClient;
  positionId: string;
  links: { name: string; token: string; id: string }[];
  /** The late fund's alerts, seen (synced) but never acknowledged. */
  lateAlerts: { id: string; kind: string }[];
}

/**
 * Every place the reader fund can read, as the text a person (or a script) gets. HTML pages
 * without the page's messages block (it holds every text the page's code could show, none of
 * it the company's): the rendered markup plus the loader data embedded for hydration.
 */
interface Place {
  name: string;
  /** Sections whose markers this place shows before the change (checked, so the table cannot pass vacuously). */
  shows: readonly (Section | "company")[];
  read(w: World): Promise<string>;
}

let app: TestApp;

async function page(client: TestClient, path: string) {
  const response = await client.get(path);
  // A company no longer shared is a 404; that page's body must not show it either.
  expect([200, 404], `${path}: ${response.status}`).toContain(response.status);
  return await response.text();
}
const anonymous = () => app.client();

const PLACES: Place[] = [
  { name: "overview", shows: [], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/overview`) },
  { name: "portfolio page", shows: ["company", "financials", "risks"], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/portfolio`) },
  { name: "portfolio CSV", shows: ["company", "financials", "risks"], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/portfolio.csv`) },
  { name: "portfolio risks page", shows: ["company", "risks"], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/portfolio/risks`) },
  { name: "companies page", shows: ["company"], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/companies`) },
  // The fund keeps what it asked; it sees a company's status only while it shares financials.
  { name: "data collection", shows: ["company"], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/collection`) },
  {
    name: "company view",
    shows: ["company", "financials", "budgets", "risks", "funding_debt", "updates"],
    read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/companies/${w.startup.org.slug}`),
  },
  ...(["active", "open", "acknowledged", "resolved", "all"] as const).map(
    (status): Place => ({
      name: `alerts (${status})`,
      // Every alert was acknowledged before the change: none is "open".
      shows: status === "active" || status === "acknowledged" || status === "all" ? ["company", "financials", "budgets", "risks", "funding_debt"] : [],
      read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/alerts?status=${status}`),
    }),
  ),
  // Each acknowledgement is audited as references (alert, kind, company id, severity): the
  // audit log outlives the grant, so it never shows the company's figures or texts.
  { name: "audit log page", shows: [], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/audit`) },
  { name: "audit log CSV", shows: [], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/audit.csv`) },
  { name: "late fund's audit log CSV", shows: [], read: (w) => page(w.lateClient, `/o/${w.late.org.slug}/audit.csv`) },
  { name: "positions page", shows: ["company"], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/positions`) },
  { name: "positions CSV", shows: ["company"], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/positions.csv`) },
  { name: "position detail", shows: ["company"], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/positions/${w.positionId}`) },
  { name: "share links page", shows: [], read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/share-links`) },
  ...["company, live", "company, frozen", "portfolio, live", "portfolio, frozen"].flatMap((link): Place[] => [
    {
      name: `share link detail (${link})`,
      shows: [],
      read: (w) => page(w.readerClient, `/o/${w.reader.org.slug}/share-links/${w.links.find((l) => l.name === link)!.id}`),
    },
    {
      name: `partner report (${link})`,
      shows: ["company", "financials", "budgets", "risks", "funding_debt", "updates"],
      read: (w) => page(anonymous(), `/r/${w.links.find((l) => l.name === link)!.token}`),
    },
  ]),
];

function found(text: string, markers: readonly string[]) {
  return markers.filter((marker) => text.includes(marker));
}

/** Markers of `sections` anywhere in the org's rows (every table with org_id), read past RLS: what its tenant keeps. */
async function storedMarkers(orgId: string, markers: readonly string[]) {
  return withSystem(app.database.db, async (tx) => {
    const tables = rowsOf<{ table: string }>(
      await tx.execute(sql`select c.relname as table from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id'
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1`),
    );
    const hits: string[] = [];
    for (const { table } of tables) {
      for (const marker of markers) {
        const [row] = rowsOf<{ n: number }>(
          await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} t where t.org_id = ${orgId} and strpos(t::text, ${marker}) > 0`),
        );
        if (Number(row!.n) > 0) hits.push(`${table}: ${marker}`);
      }
    }
    return hits;
  });
}

async function signIn(org: Org) {
  const client = app.client();
  await client.login(org.owner.email, TEST_PASSWORD);
  return client;
}

async function feed(client: TestClient, slug: string, status = "all") {
  const response = await client.get(routeData(`/o/${slug}/alerts?status=${status}`, FEED));
  expect(response.status).toBe(200);
  return ((await response.json()) as { list: { alerts: { id: string; kind: string; companyName: string }[] } }).list.alerts;
}
const acknowledge = (client: TestClient, slug: string, alertId: string) =>
  client.post(routeData(`/o/${slug}/alerts`, FEED), { intent: "acknowledge", alertId });

/** A startup whose every section holds markers, shared in full with two funds. */
async function buildWorld(label: string): Promise<World> {
  const startup = await makeOrgWithOwner(app.database, "startup", `${label} Robotics`);
  const id = startup.org.id;
  await withTenant(app.database.db, id, async (tx) => {
    const burn = SPEND - 50_000;
    await tx
      .insert(monthlyReports)
      .values([-2, -1, 0].map((k) => ({ orgId: id, month: m(k), cash: (CASH - k * burn) * K, revenue: 50_000 * K, payroll: SPEND * K })));
    await tx.insert(reportUpdates).values({ orgId: id, month: m(0), highlights: `${label} numbat launch` });
    await tx.insert(budgets).values({ orgId: id, month: m(0), category: "payroll", amount: BUDGET * K });
    await tx.insert(risks).values({ orgId: id, title: `${label} quokka supply shock`, category: "technical", likelihood: 4, impact: 5, status: "open" });
    await tx.insert(debtFacilities).values({
      orgId: id,
      lender: `${label} Wombat Lending`,
      kind: "bank_loan",
      principal: 100_000 * K,
      currency: "USD",
      annualRateBp: 1200,
      drawDate: `${m(-6)}-01`,
      termMonths: 36,
      repaymentType: "bullet",
      minimumCash: MINIMUM_CASH * K,
    });
    await refreshCompanyMetrics(tx, id);
  });
  const reader = await makeOrgWithOwner(app.database, "investor", `${label} Reader Fund`);
  const late = await makeOrgWithOwner(app.database, "investor", `${label} Late Fund`);
  const grantId = await grantAccess(app.database, startup.org, reader.org);
  await grantAccess(app.database, startup.org, late.org);
  const readerClient = await signIn(reader);
  const lateClient = await signIn(late);

  // The reader fund acknowledges every alert (each acknowledgement is audited), holds a
  // position and has made four partner links; the late fund has only seen its alerts.
  const alerts = await feed(readerClient, reader.org.slug);
  expect(alerts.map((a) => a.kind).sort()).toEqual(RAISED);
  for (const alert of alerts) expect((await acknowledge(readerClient, reader.org.slug, alert.id)).status).toBe(204);
  const position = await createPosition(reader.ctx, positionInput(id));
  const links: World["links"] = [];
  for (const [name, form] of [
    ["company, live", { scope: "company", companyId: id, mode: "live" }],
    ["company, frozen", { scope: "company", companyId: id, mode: "frozen", frozenMonth: M }],
    ["portfolio, live", { scope: "portfolio", mode: "live" }],
    ["portfolio, frozen", { scope: "portfolio", mode: "frozen", frozenMonth: M }],
  ] as const) {
    links.push({ name, ...(await createLink(readerClient, reader.org.slug, { label: "For our LPs", ...form })) });
  }
  // A data request for this month (decision 026): the collection view lists the company and its status.
  await createDataRequest(reader.ctx as InvestorContext, {
    month: M,
    cadence: "monthly",
    dueDay: 15,
    steps: [-3, 0, 3, 7],
    note: null,
    arr: false,
    metricKeys: [],
    companyIds: [id],
  });
  const lateAlerts = (await feed(lateClient, late.org.slug)).map(({ id: alertId, kind }) => ({ id: alertId, kind }));
  return { startup, grantId, reader, readerClient, late, lateClient, positionId: position.id, links, lateAlerts };
}

/** The change, made by the startup's owner through the real grant workflow. */
async function applyChange(w: World, scenario: Scenario) {
  if (scenario.revoke) await revokeGrant(w.startup.ctx, w.grantId, 1);
  else
    await updateGrantSections(
      w.startup.ctx,
      w.grantId,
      1,
      GRANT_SECTIONS.filter((s) => !scenario.removed.includes(s)),
    );
  // The late fund's grant changes the same way.
  const [lateGrant] = await withSystem(app.database.db, (tx) =>
    tx.execute(
      sql`select id::text as id, version from access_grants where org_id = ${w.startup.org.id} and investor_org_id = ${w.late.org.id} and status = 'approved'`,
    ),
  ).then((r) => rowsOf<{ id: string; version: number }>(r));
  if (scenario.revoke) await revokeGrant(w.startup.ctx, lateGrant!.id, lateGrant!.version);
  else
    await updateGrantSections(
      w.startup.ctx,
      lateGrant!.id,
      lateGrant!.version,
      GRANT_SECTIONS.filter((s) => !scenario.removed.includes(s)),
    );
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe.each(SCENARIOS)("when $name", (scenario) => {
  let w: World;
  const markers = markersOf(scenario.label);
  const gone: (Section | "company")[] = scenario.revoke ? ["company", ...scenario.removed] : [...scenario.removed];
  const goneMarkers = gone.flatMap((s) => markers[s]);
  const goneKinds = Object.entries(ALERT_NEEDS)
    .filter(([, needs]) => needs.some((s) => scenario.removed.includes(s)))
    .map(([kind]) => kind);

  beforeAll(async () => {
    w = await buildWorld(scenario.label);
  });

  it("before: every place shows what the grant shares, and the investor's tenant holds copies", async () => {
    const missing: string[] = [];
    for (const place of PLACES) {
      const text = await place.read(w);
      for (const section of place.shows) if (found(text, markers[section]).length === 0) missing.push(`${place.name}: ${section}`);
    }
    expect(missing).toEqual([]);
    // Acknowledgements are audited as references only.
    const acknowledged = await withSystem(app.database.db, (tx) =>
      tx
        .select({ before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.orgId, w.reader.org.id), eq(auditLog.action, "alert.acknowledge"))),
    );
    expect(acknowledged).toHaveLength(RAISED.length);
    for (const entry of acknowledged) {
      expect(Object.keys(entry.before as object).sort()).toEqual(["acknowledgedAt", "companyOrgId", "id", "kind", "severity"]);
      expect(Object.keys(entry.after as object).sort()).toEqual(["acknowledgedAt", "acknowledgedByUserId", "companyOrgId", "id", "kind", "severity"]);
    }
    // What makes the rest of the test mean something: copies exist before (alert reasons, audit, frozen reports).
    expect((await storedMarkers(w.reader.org.id, goneMarkers)).length).toBeGreaterThan(0);
  });

  it("on the next statement, no alert read returns an alert computed from a removed section", async () => {
    await applyChange(w, scenario);
    // No sync has run since the change: the reads themselves must apply the current grant.
    const listed = (await listAlerts(w.reader.ctx, { status: "all" })).alerts;
    expect(listed.filter((a) => goneKinds.includes(a.kind)).map((a) => a.kind)).toEqual([]);
    const counts = await openAlertCounts(w.reader.ctx, { sync: false });
    expect(counts.total).toBe(RAISED.filter((kind) => !goneKinds.includes(kind)).length);
  });

  it("acknowledging an alert computed from a removed section is refused and audits nothing", async () => {
    // Still no sync: the late fund's alerts are as it last saw them.
    const auditBefore = await page(w.lateClient, `/o/${w.late.org.slug}/audit.csv`);
    for (const alert of w.lateAlerts.filter((a) => goneKinds.includes(a.kind))) {
      expect((await acknowledge(w.lateClient, w.late.org.slug, alert.id)).status, alert.kind).toBe(404);
    }
    expect(await page(w.lateClient, `/o/${w.late.org.slug}/audit.csv`)).toBe(auditBefore);
  });

  it.each(PLACES.map((place) => [place.name, place] as const))("after: %s shows nothing of what is no longer shared", async (_name, place) => {
    const text = await place.read(w);
    expect(found(text, goneMarkers)).toEqual([]);
  });

  it("after: what is still shared is still shown", async () => {
    const kept = (["financials", "budgets", "risks", "funding_debt", "updates"] as const).filter((s) => !gone.includes(s));
    const view = await page(w.readerClient, `/o/${w.reader.org.slug}/companies/${w.startup.org.slug}`);
    for (const section of kept) expect(found(view, markers[section]), section).not.toEqual([]);
    const frozen = await page(anonymous(), `/r/${w.links.find((l) => l.name === "company, frozen")!.token}`);
    for (const section of kept) expect(found(frozen, markers[section]), `frozen: ${section}`).not.toEqual([]);
  });

  it("after the investor's next visit, its tenant keeps no copy of what is no longer shared", async () => {
    await page(w.readerClient, `/o/${w.reader.org.slug}/overview`);
    await page(w.lateClient, `/o/${w.late.org.slug}/overview`);
    expect(await storedMarkers(w.reader.org.id, goneMarkers)).toEqual([]);
    expect(await storedMarkers(w.late.org.id, goneMarkers)).toEqual([]);
  });
});
