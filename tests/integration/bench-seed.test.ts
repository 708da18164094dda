// The benchmark generator (tests/bench/seed.ts) computes company_metrics in TypeScript and
// bulk-inserts them instead of calling refreshCompanyMetrics per company. This proves the
// rows are exactly what refreshCompanyMetrics writes, and that the investor sees the
// portfolio through its grants like any other.
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accessGrants, companyMetrics, fundingRounds, metricDefinitions, metricValues, monthlyReports, orgs, riskHistory, risks } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { openTestDatabase } from "../support/test-db";
import { seedBench, type BenchSeedResult } from "../bench/seed";
import { generateCompany } from "../bench/generate";
import { first } from "../support/at";

const COMPANIES = 12;
const MONTHS = 24;
let database: Database;
let result: BenchSeedResult;

beforeAll(async () => {
  database = await openTestDatabase();
  result = await seedBench(database, { companies: COMPANIES, months: MONTHS, lastMonth: "2026-06", chunk: 5, subset: 4 });
});
afterAll(async () => database?.close());

const withoutTimestamp = ({ updatedAt: _ignored, ...rest }: typeof companyMetrics.$inferSelect) => rest;

describe("bench seed", () => {
  it("writes the same company_metrics rows as refreshCompanyMetrics, for every company", async () => {
    const seeded = await withSystem(database.db, (tx) => tx.select().from(companyMetrics).orderBy(asc(companyMetrics.orgId)));
    expect(seeded).toHaveLength(COMPANIES);
    for (const row of seeded) {
      await withTenant(database.db, row.orgId, (tx) => refreshCompanyMetrics(tx, row.orgId));
    }
    const refreshed = await withSystem(database.db, (tx) => tx.select().from(companyMetrics).orderBy(asc(companyMetrics.orgId)));
    expect(refreshed.map(withoutTimestamp)).toEqual(seeded.map(withoutTimestamp));
    // The sample is not trivial: debt, late reporters and non-burning companies are in it.
    const kinds = new Set(seeded.map((r) => r.defaultAlive));
    expect(kinds.size).toBeGreaterThan(1);
  });

  it("the generator's company_metrics also match after a company with a debt facility is refreshed", async () => {
    // Find a seeded company with debt (seed 42 has some in the first dozen) and compare once more.
    const withDebt = await withSystem(database.db, (tx) => tx.execute(sql`select org_id from debt_facilities group by org_id limit 1`));
    const rows = Array.isArray(withDebt) ? withDebt : (withDebt as { rows: { org_id: string }[] }).rows;
    expect(rows.length).toBe(1);
    const orgId = (rows[0] as { org_id: string }).org_id;
    const before = first(await withSystem(database.db, (tx) => tx.select().from(companyMetrics).where(eq(companyMetrics.orgId, orgId))));
    await withTenant(database.db, orgId, (tx) => refreshCompanyMetrics(tx, orgId));
    const after = first(await withSystem(database.db, (tx) => tx.select().from(companyMetrics).where(eq(companyMetrics.orgId, orgId))));
    expect(withoutTimestamp(after)).toEqual(withoutTimestamp(before));
  });

  it("gives every company its history, rounds and risks, and an approved grant for every section", async () => {
    const counts = await withSystem(database.db, async (tx) => ({
      reports: await tx.select({ orgId: monthlyReports.orgId }).from(monthlyReports),
      rounds: await tx.select({ orgId: fundingRounds.orgId }).from(fundingRounds),
      risks: await tx.select({ orgId: risks.orgId }).from(risks),
      history: await tx.select({ orgId: riskHistory.orgId }).from(riskHistory),
      grants: await tx.select().from(accessGrants),
    }));
    const perCompany = (rows: { orgId: string }[]) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(r.orgId, (m.get(r.orgId) ?? 0) + 1);
      return [...m.values()];
    };
    expect(perCompany(counts.reports)).toEqual(Array(COMPANIES).fill(MONTHS));
    for (const n of perCompany(counts.rounds)) expect([2, 3]).toContain(n);
    for (const n of perCompany(counts.risks)) expect([3, 4, 5, 6]).toContain(n);
    expect(counts.history.length).toBeGreaterThan(counts.risks.length);
    // 12 grants to the fund, 4 more to the smaller fund.
    expect(counts.grants).toHaveLength(COMPANIES + 4);
    for (const g of counts.grants) {
      expect(g.status).toBe("approved");
      expect([...g.sections].sort()).toEqual(["budgets", "financials", "funding_debt", "risks", "updates"]);
    }
    expect(result.rows.monthly_reports).toBe(COMPANIES * MONTHS);
  });

  it("lets the fund's tenant read its companies' metrics through RLS, and the smaller fund only its four", async () => {
    const funds = await withSystem(database.db, (tx) => tx.select({ id: orgs.id, slug: orgs.slug }).from(orgs).where(eq(orgs.kind, "investor")));
    const fund = funds.find((f) => f.slug === result.investor.slug)!;
    const small = funds.find((f) => f.slug === result.subsetInvestor!.slug)!;
    const seen = await withTenant(database.db, fund.id, (tx) => tx.select({ orgId: companyMetrics.orgId }).from(companyMetrics), { readOnly: true });
    const seenSmall = await withTenant(database.db, small.id, (tx) => tx.select({ orgId: companyMetrics.orgId }).from(companyMetrics), { readOnly: true });
    expect(seen).toHaveLength(COMPANIES);
    expect(seenSmall).toHaveLength(4);
  });

  it("gives every company three custom metrics under shared keys, each with a value for every reported month, readable by the fund", async () => {
    const fund = first(await withSystem(database.db, (tx) => tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, result.investor.slug))));
    const seen = await withTenant(
      database.db,
      fund.id,
      async (tx) => ({
        definitions: await tx.select({ orgId: metricDefinitions.orgId, key: metricDefinitions.key }).from(metricDefinitions),
        values: await tx.select({ orgId: metricValues.orgId, value: metricValues.value }).from(metricValues),
      }),
      { readOnly: true },
    );
    expect(seen.definitions).toHaveLength(COMPANIES * 3);
    expect(new Set(seen.definitions.map((d) => d.key))).toEqual(new Set(["tokens_served", "gpu_hours", "gross_margin"]));
    expect(seen.values).toHaveLength(COMPANIES * 3 * MONTHS);
    expect(result.rows.metric_values).toBe(COMPANIES * 3 * MONTHS);
    // Exact decimals as written: no float artefacts in what the generator stored.
    for (const { value } of seen.values) expect(value).toMatch(/^-?\d+(\.\d{1,6})?$/);
  });

  it("generates the same company in the same state whatever the history length", () => {
    const long = generateCompany(3, 60, "2026-06", 42);
    const short = generateCompany(3, 12, "2026-06", 42);
    expect(short.reports).toHaveLength(12);
    expect(short.reports.map((r) => ({ ...r, orgId: "" }))).toEqual(long.reports.slice(-12).map((r) => ({ ...r, orgId: "", updatedBy: short.founderId })));
    // Today's figures are the same; only the number of reports, the first month and the kept
    // history differ (the short one keeps its 12 months, the long one its last 24 — ending the same way).
    const same = (m: typeof long.metrics) => ({ ...m, orgId: "", reportCount: 0, firstMonth: "", recentNetBurn: [] });
    expect(same(short.metrics)).toEqual(same(long.metrics));
    expect([short.metrics!.firstMonth, long.metrics!.firstMonth]).toEqual(["2025-07", "2021-07"]);
    expect(long.metrics!.recentNetBurn.every((v) => v !== null)).toBe(true);
    expect(short.metrics!.recentNetBurn.slice(0, 12).every((v) => v === null)).toBe(true);
    expect(short.metrics!.recentNetBurn.slice(-12)).toEqual(long.metrics!.recentNetBurn.slice(-12));
  });
});
