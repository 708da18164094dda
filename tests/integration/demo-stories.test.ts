/**
 * Issue #15 items 17 and 18: on a freshly seeded demo the investor's company pages show peer
 * benchmarks (every cohort reaches the floor of 5), and the demo tells different stories — one
 * company near default, one profitable, one in breach of a loan covenant, one growing fast —
 * each with its own risks and updates, and a founder whose audit log holds two years of history.
 * Every figure is computed by the app's own models and finance functions.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { metricDefinitions, metricValues, orgs, reportUpdates, risks, users } from "../../db/schema";
import { seedDemo, DEMO_USERS } from "../../db/seed";
import { withSystem } from "../../db/tenant";
import type { InvestorContext, OrgContext } from "../../app/auth/context";
import { companySnapshot, DEFAULT_RUNWAY_THRESHOLDS, grossBurn, MIN_COHORT_SIZE, monthlyGrowthRate, runwayForDisplay } from "../../app/finance";
import { listAuditLog } from "../../app/models/audit.server";
import { getCollectionView } from "../../app/models/data-request.server";
import { getUpdateForStartup, listUpdateFeed, listUpdates, renderUpdateForStartup } from "../../app/models/investor-update.server";
import { readAlone } from "../support/company-view-parts";
import { listAccessibleCompanies } from "../../app/models/company-access.server";
import { listDebtFacilities } from "../../app/models/debt-facility.server";
import { listReportFigures } from "../../app/models/monthly-report.server";
import { auditTexts } from "../../app/server/audit-text.server";
import { at, first } from "../support/at";
import { openTestDatabase } from "../support/test-db";

let database: Database;
let seedMs = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  const started = performance.now();
  await seedDemo(database.db);
  seedMs = performance.now() - started;
});
afterAll(() => database?.close());

/** The context a route resolves for `email` in the org `slug` (the demo's users are owners). */
async function contextFor(email: string, slug: string): Promise<OrgContext> {
  return withSystem(database.db, async (tx) => {
    const [org] = await tx.select().from(orgs).where(eq(orgs.slug, slug));
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!org || !user) throw new Error(`no ${slug} or ${email}`);
    return {
      db: database.db,
      user: { id: user.id, email: user.email, name: user.name },
      org: { id: org.id, slug: org.slug, name: org.name, kind: org.kind, baseCurrency: org.baseCurrency },
      role: "owner" as const,
    };
  });
}

const founder = (slug: string) => contextFor(DEMO_USERS.founder.email, slug);

async function snapshotOf(slug: string) {
  const reports = await listReportFigures(await founder(slug));
  const latest = reports.at(-1);
  if (!latest) throw new Error(`${slug} has no reports`);
  const snapshot = companySnapshot(reports, latest.month, { window: 3 });
  if (!snapshot) throw new Error(`${slug} has no snapshot`);
  return { reports, latest, snapshot };
}

it("seeds in a few seconds", () => {
  console.info(`seedDemo took ${Math.round(seedMs)} ms`);
  expect(seedMs).toBeLessThan(60_000);
});

describe("peer benchmarks on the demo fund", () => {
  it("every company the fund reads is benchmarked on all four figures against a cohort of at least 5", async () => {
    const fund = await contextFor(DEMO_USERS.investor.email, "northwind-ventures");
    const companies = await listAccessibleCompanies(fund);
    expect(companies.length).toBeGreaterThanOrEqual(MIN_COHORT_SIZE + 1);
    for (const access of companies) {
      const benchmarks = await readAlone.benchmarks(fund, access);
      expect(benchmarks, access.company.slug).not.toBeNull();
      for (const metric of benchmarks?.metrics ?? []) {
        expect(metric.peers, `${access.company.slug} ${metric.metric}`).not.toBeNull();
        expect(metric.peers?.cohortSize ?? 0, `${access.company.slug} ${metric.metric}`).toBeGreaterThanOrEqual(MIN_COHORT_SIZE);
      }
    }
  });
});

describe("the four stories", () => {
  it("Parallax AI is near default: default dead, runway under the caution threshold", async () => {
    const { snapshot } = await snapshotOf("parallax-ai");
    expect(snapshot.defaultAlive.alive).toBe(false);
    expect(snapshot.defaultAlive.outcome).toBe("cash_out");
    const months = runwayForDisplay(snapshot.runway);
    expect(months).not.toBeNull();
    expect(months ?? Infinity).toBeLessThan(DEFAULT_RUNWAY_THRESHOLDS.cautionBelowMonths);
  });

  it("Quanta Speech is profitable: revenue covers gross burn in its latest month, so it is default alive from that month", async () => {
    const { latest, snapshot } = await snapshotOf("quanta-speech");
    expect(latest.revenue).toBeGreaterThanOrEqual(grossBurn(latest.spend));
    expect(snapshot.defaultAlive.outcome).toBe("profitable");
    expect(snapshot.defaultAlive.month).toBe(latest.month);
    expect(snapshot.runway.kind).toBe("not_burning");
  });

  it("Tensorleaf breached its minimum-cash covenant, and the debt list flags it", async () => {
    const facilities = await listDebtFacilities(await founder("tensorleaf"));
    const breached = facilities.filter((f) => f.minimumCashCheck?.breach);
    expect(breached.length).toBe(1);
    const check = first(breached).minimumCashCheck;
    expect(check?.cash ?? 0).toBeLessThan(first(breached).minimumCash ?? 0);
    // A new breach: the month before was still above the minimum.
    const { reports } = await snapshotOf("tensorleaf");
    expect(at(reports, reports.length - 2).cash ?? 0).toBeGreaterThanOrEqual(first(breached).minimumCash ?? 0);
  });

  it("Lumen Labs grows fast: revenue compounds at 10 % a month or more over the last quarter, and it is default alive", async () => {
    const { reports, latest, snapshot } = await snapshotOf("lumen-labs");
    expect(monthlyGrowthRate(latest.revenue, at(reports, reports.length - 4).revenue)).toBeGreaterThanOrEqual(0.1);
    expect(snapshot.defaultAlive.alive).toBe(true);
  });

  it("the steady companies are neither near default nor in breach", async () => {
    for (const slug of ["mosaic-robotics", "helix-bio-ai"]) {
      const { snapshot } = await snapshotOf(slug);
      expect(runwayForDisplay(snapshot.runway) ?? 0, slug).toBeGreaterThan(DEFAULT_RUNWAY_THRESHOLDS.cautionBelowMonths);
    }
  });
});

describe("each company its own content", () => {
  it("no two companies share a risk title or a latest investor update, and risks are scored differently", async () => {
    const rows = await withSystem(database.db, async (tx) => ({
      risks: await tx.select({ orgId: risks.orgId, title: risks.title, likelihood: risks.likelihood, impact: risks.impact }).from(risks),
      updates: await tx.select({ orgId: reportUpdates.orgId, month: reportUpdates.month, highlights: reportUpdates.highlights }).from(reportUpdates),
    }));
    const titles = rows.risks.map((r) => r.title);
    expect(new Set(titles).size).toBe(titles.length);
    const scores = new Set(rows.risks.map((r) => `${r.likelihood}x${r.impact}`));
    expect(scores.size).toBeGreaterThanOrEqual(6);
    const orgIds = [...new Set(rows.updates.map((u) => u.orgId))];
    expect(orgIds.length).toBe(9);
    const latest = orgIds.map(
      (orgId) =>
        rows.updates
          .filter((u) => u.orgId === orgId)
          .sort((a, b) => a.month.localeCompare(b.month))
          .at(-1)?.highlights,
    );
    expect(new Set(latest).size).toBe(orgIds.length);
  });
});

describe("the founder's audit log", () => {
  it("holds two years of the founder's changes, written as the app writes them and read back in sentences", async () => {
    const ctx = await founder("lumen-labs");
    const log = await listAuditLog(ctx, { sort: "at", dir: "desc", page: 1, actor: null, action: null, from: null, to: null });
    expect(log.total).toBeGreaterThan(30);
    expect(log.people.map((p) => p.email)).toEqual([DEMO_USERS.founder.email]);
    const everything = await listAuditLog(ctx, { sort: "at", dir: "asc", page: 1, actor: null, action: null, from: null, to: null });
    const oldest = new Date(first(everything.entries).at).getTime();
    expect(Date.now() - oldest).toBeGreaterThan(365 * 86_400_000);
    expect(new Date(first(log.entries).at).getTime()).toBeLessThanOrEqual(Date.now());
    const actions = new Set<string>();
    for (let page = 1; page <= log.pageCount; page++) {
      const entries = (await listAuditLog(ctx, { sort: "at", dir: "asc", page, actor: null, action: null, from: null, to: null })).entries;
      for (const entry of entries) actions.add(entry.action);
    }
    for (const action of [
      "org.create",
      "funding_round.create",
      "monthly_report.create",
      "monthly_report.update",
      "risk.create",
      "risk.update",
      "budget.save_grid",
      "access_grant.approve",
    ]) {
      expect(actions, action).toContain(action);
    }
    const say = auditTexts("en", "USD");
    const approval = await listAuditLog(ctx, { sort: "at", dir: "desc", page: 1, actor: null, action: "access_grant.approve", from: null, to: null });
    expect(say(first(approval.entries)).sentence).toContain("Northwind Ventures");
    const correction = await listAuditLog(ctx, { sort: "at", dir: "desc", page: 1, actor: null, action: "monthly_report.update", from: null, to: null });
    expect(say(first(correction.entries)).changes.join(" ")).toMatch(/Cash: \$[\d,]+ → \$[\d,]+/);
  });
});

describe("investor updates on the demo", () => {
  const STORY_SLUGS = ["lumen-labs", "parallax-ai", "quanta-speech", "tensorleaf"];

  it("each story company has sent the fund updates of its own, some with live figure cards frozen at sending", async () => {
    const bodies: string[] = [];
    for (const slug of STORY_SLUGS) {
      const ctx = await founder(slug);
      const { updates } = await listUpdates(ctx);
      const sent = updates.filter((u) => u.status === "sent");
      expect(sent.length, slug).toBeGreaterThanOrEqual(1);
      for (const item of sent) {
        const view = await getUpdateForStartup(ctx, item.id);
        expect(
          view?.recipients.map((r) => r.name),
          slug,
        ).toEqual(["Northwind Ventures"]);
        expect(view?.update.figures?.reported, `${slug}: figures frozen from a reported month`).toBe(true);
        expect(item.sentAt!.getTime(), slug).toBeLessThanOrEqual(Date.now());
        bodies.push(view!.update.body);
      }
    }
    expect(new Set(bodies).size, "every update in its own words").toBe(bodies.length);
    expect(bodies.some((b) => b.includes("{{runway}}"))).toBe(true);
    expect(bodies.some((b) => b.includes("{{cash}}"))).toBe(true);
    // The card reads the figures as they were sent: Parallax's runway, short as its story says.
    const parallax = await founder("parallax-ai");
    const [latest] = (await listUpdates(parallax)).updates;
    const view = await getUpdateForStartup(parallax, latest!.id);
    const rendered = await renderUpdateForStartup(parallax, view!, "en");
    expect(rendered.html).toContain('data-figure="runway"');
    expect(view!.update.figures?.runway).toEqual(expect.any(Number));
    expect(view!.update.figures!.runway!).toBeLessThan(DEFAULT_RUNWAY_THRESHOLDS.cautionBelowMonths);
  });

  it("the demo investor reads them in the feed and has opened all but the newest; Helix Bio AI keeps a draft", async () => {
    const fund = (await contextFor(DEMO_USERS.investor.email, "northwind-ventures")) as InvestorContext;
    const feed = await listUpdateFeed(fund);
    expect(new Set(feed.updates.map((u) => u.company.slug))).toEqual(new Set(STORY_SLUGS));
    let opened = 0;
    let unopened = 0;
    for (const slug of STORY_SLUGS) {
      const ctx = await founder(slug);
      for (const item of (await listUpdates(ctx)).updates.filter((u) => u.status === "sent")) {
        const view = await getUpdateForStartup(ctx, item.id);
        if (view!.opens.length === 0) unopened += 1;
        for (const open of view!.opens) {
          expect(open).toMatchObject({ name: DEMO_USERS.investor.name, investorName: "Northwind Ventures" });
          expect(open.firstViewedAt.getTime()).toBeGreaterThanOrEqual(item.sentAt!.getTime());
          opened += 1;
        }
      }
    }
    expect(opened).toBeGreaterThanOrEqual(4);
    expect(unopened).toBe(1);
    const helix = await listUpdates(await founder("helix-bio-ai"));
    expect(helix.updates.map((u) => u.status)).toEqual(["draft"]);
  });
});

describe("data requests and custom metrics on the demo", () => {
  it("the fund's requests stand in every status", async () => {
    const fund = (await contextFor(DEMO_USERS.investor.email, "northwind-ventures")) as InvestorContext;
    const statuses = new Set<string>();
    for (const month of (await getCollectionView(fund, {}, new Date())).periods) {
      for (const row of (await getCollectionView(fund, { month }, new Date())).rows) statuses.add(row.status);
    }
    expect([...statuses].sort()).toEqual(["fulfilled", "late", "not_started", "partly"]);
  });

  it("custom metrics have a year of values, ending at the company's last reported month", async () => {
    const rows = await withSystem(database.db, (tx) =>
      tx
        .select({ slug: orgs.slug, key: metricDefinitions.key, month: metricValues.month })
        .from(metricValues)
        .innerJoin(metricDefinitions, eq(metricDefinitions.id, metricValues.metricId))
        .innerJoin(orgs, eq(orgs.id, metricValues.orgId)),
    );
    const series = new Map<string, string[]>();
    for (const r of rows) series.set(`${r.slug} ${r.key}`, [...(series.get(`${r.slug} ${r.key}`) ?? []), r.month]);
    expect(new Set(rows.map((r) => r.slug))).toEqual(new Set(["lumen-labs", "parallax-ai", "tensorleaf"]));
    for (const [name, months] of series) {
      const slug = name.split(" ")[0]!;
      expect(months.length, name).toBe(12);
      const { latest } = await snapshotOf(slug);
      expect(months.sort().at(-1), name).toBe(latest.month);
    }
  });
});
