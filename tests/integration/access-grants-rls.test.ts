import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { accessGrants, budgets, companyMetrics, debtFacilities, fundingRounds, monthlyReports, reportUpdates, riskHistory, risks } from "../../db/schema";
import type { GrantSection } from "../../db/schema/rls";
import { withSystem, withTenant } from "../../db/tenant";
import { AppError } from "../../app/server/http.server";
import { approveGrant, declineGrant, requestAccess, revokeGrant, updateGrantSections } from "../../app/models/access-grant.server";
import { findCompanyAccess, listAccessibleCompanies } from "../../app/models/company-access.server";
import { makeOrgWithOwner } from "../support/factories";
import { auditOf, grantsBetween, rowCounts, SECTION_TABLES, seedStartupData, type SectionTable } from "../support/grant-fixtures";
import { fingerprint } from "../support/hostile";
import { openTestDatabase } from "../support/test-db";
import { first } from "../support/at";

/**
 * The grant as the database enforces it: what an investor's tenant transaction can read and
 * write in a startup's tables, whatever the application code would or would not ask for.
 */
const TABLES = {
  monthly_reports: monthlyReports,
  company_metrics: companyMetrics,
  funding_rounds: fundingRounds,
  debt_facilities: debtFacilities,
  budgets,
  risks,
  risk_history: riskHistory,
  report_updates: reportUpdates,
} as const;
const ALL: GrantSection[] = ["financials", "funding_debt", "budgets", "risks", "updates"];

type Made = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let database: Database;
let startup: Made;
let bystander: Made;
let fund: Made;
let grantId: string;

async function shareCodeOf(orgId: string) {
  return withSystem(
    database.db,
    async (tx) => first(rowsOf<{ code: string }>(await tx.execute(sql`select share_code as code from orgs where id = ${orgId}`))).code,
  );
}

async function currentGrant() {
  const grant = first(await withSystem(database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.id, grantId))));
  return grant;
}

/** What the investor's tenant transaction returns for each table with no where clause at all. */
async function investorReads(): Promise<Record<SectionTable, { orgId: string }[]>> {
  const result = {} as Record<SectionTable, { orgId: string }[]>;
  for (const [name, table] of Object.entries(TABLES) as [SectionTable, (typeof TABLES)[SectionTable]][]) {
    result[name] = await withTenant(database.db, fund.org.id, (tx) => tx.select().from(table));
  }
  return result;
}

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const e = error as { message?: string; cause?: { message?: string } };
    return `${e.message ?? ""} ${e.cause?.message ?? ""}`;
  }
  throw new Error("expected the statement to fail");
}

beforeAll(async () => {
  database = await openTestDatabase();
  startup = await makeOrgWithOwner(database, "startup", "Shared Co");
  bystander = await makeOrgWithOwner(database, "startup", "Bystander Co");
  fund = await makeOrgWithOwner(database, "investor", "Reader Fund");
  await seedStartupData(startup.ctx, "Shared");
  await seedStartupData(bystander.ctx, "Bystander");
  // The bystander was asked too but never approved: its rows must never show.
  await requestAccess(fund.ctx, { via: await shareCodeOf(bystander.org.id) });
  await requestAccess(fund.ctx, { via: startup.owner.email });
  ({ id: grantId } = first(await grantsBetween(database, startup.org.id, fund.org.id)));
}, 60_000);
afterAll(() => database?.close());

describe("reading through a grant", () => {
  it("every section table holds rows for both startups (the tests below would prove nothing otherwise)", async () => {
    for (const org of [startup, bystander]) {
      for (const [table, n] of Object.entries(await rowCounts(database, org.org.id))) expect(n, `${org.org.name} ${table}`).toBeGreaterThan(0);
    }
  });

  it("without an approved grant the investor finds no company and reads no row", async () => {
    expect(await findCompanyAccess(fund.ctx, startup.org.slug)).toBeNull();
    expect(await findCompanyAccess(fund.ctx, bystander.org.slug)).toBeNull();
    expect(await listAccessibleCompanies(fund.ctx)).toEqual([]);
    for (const [table, rows] of Object.entries(await investorReads())) expect(rows, table).toEqual([]);
  });

  it("each section alone opens exactly its tables, with the startup's rows only; the rest stay empty", async () => {
    const counts = await rowCounts(database, startup.org.id);
    const grant = await currentGrant();
    await approveGrant(startup.ctx, grantId, grant.version, ["financials"]);
    for (const section of ALL) {
      const { version } = await currentGrant();
      await updateGrantSections(startup.ctx, grantId, version, [section]);
      expect((await findCompanyAccess(fund.ctx, startup.org.slug))?.sections).toEqual([section]);
      const reads = await investorReads();
      for (const table of Object.keys(TABLES) as SectionTable[]) {
        if (SECTION_TABLES[table] === section) {
          expect(reads[table].length, `${section}: ${table}`).toBe(counts[table]);
          expect(
            reads[table].every((row) => row.orgId === startup.org.id),
            `${section}: ${table} rows of another org`,
          ).toBe(true);
        } else {
          expect(reads[table], `${section}: ${table} must be unreadable`).toEqual([]);
        }
      }
    }
  });

  it("a revoked grant cuts every read at once", async () => {
    const { version } = await currentGrant();
    await updateGrantSections(startup.ctx, grantId, version, ALL);
    const counts = await rowCounts(database, startup.org.id);
    const open = await investorReads();
    for (const table of Object.keys(TABLES) as SectionTable[]) expect(open[table].length, table).toBe(counts[table]);

    await revokeGrant(startup.ctx, grantId, version + 1);
    // The very next statements, in the investor's next transaction: nothing.
    for (const [table, rows] of Object.entries(await investorReads())) expect(rows, table).toEqual([]);
    expect(await findCompanyAccess(fund.ctx, startup.org.slug)).toBeNull();
    expect(await listAccessibleCompanies(fund.ctx)).toEqual([]);
    const orgRows = await withTenant(database.db, fund.org.id, (tx) => tx.execute(sql`select name from orgs where id = ${startup.org.id}`));
    expect(rowsOf(orgRows)).toEqual([]);
    // The grant stays as history with the sections it had.
    expect(await currentGrant()).toMatchObject({ status: "revoked", sections: ALL });
  });
});

describe("writing as the investor", () => {
  beforeAll(async () => {
    // The strongest case: everything shared, so every row is visible to the investor's SELECTs.
    await requestAccess(fund.ctx, { via: await shareCodeOf(startup.org.id) });
    const live = (await grantsBetween(database, startup.org.id, fund.org.id)).find((g) => g.status === "requested")!;
    grantId = live.id;
    await approveGrant(startup.ctx, grantId, live.version, ALL);
  });

  it("can insert, update and delete nothing in any of the startup's tables", async () => {
    const before = await fingerprint(database, startup.org.id);
    const s = startup.org.id;
    const { riskId } = first(await withSystem(database.db, (tx) => tx.select({ riskId: risks.id }).from(risks).where(eq(risks.orgId, s))));
    const inserts: Record<SectionTable, (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<unknown>> = {
      monthly_reports: (tx) => tx.insert(monthlyReports).values({ orgId: s, month: "2019-01", cash: 1 }),
      company_metrics: (tx) =>
        tx.insert(companyMetrics).values({
          orgId: s,
          month: "2019-01",
          cash: 1,
          revenue: 0,
          grossBurn: 0,
          netBurn: 0,
          averageNetBurn: 0,
          shortHistory: true,
          defaultAlive: "undecided",
          headcount: 1,
          reportCount: 1,
          firstMonth: "2019-01",
          recentNetBurn: Array(24).fill(null),
        }),
      funding_rounds: (tx) => tx.insert(fundingRounds).values({ orgId: s, instrument: "seed", closeDate: "2020-01-01", amount: 1, currency: "USD" }),
      debt_facilities: (tx) =>
        tx.insert(debtFacilities).values({
          orgId: s,
          lender: "Forged",
          kind: "bank_loan",
          principal: 1,
          currency: "USD",
          annualRateBp: 100,
          drawDate: "2020-01-01",
          termMonths: 12,
          repaymentType: "bullet",
        }),
      budgets: (tx) => tx.insert(budgets).values({ orgId: s, month: "2019-01", category: "compute", amount: 1 }),
      risks: (tx) => tx.insert(risks).values({ orgId: s, title: "Forged", category: "market", likelihood: 1, impact: 1 }),
      risk_history: (tx) => tx.insert(riskHistory).values({ orgId: s, riskId, likelihood: 5, impact: 5, status: "open" }),
      report_updates: (tx) => tx.insert(reportUpdates).values({ orgId: s, month: "2019-01", highlights: "Forged" }),
    };
    for (const table of Object.keys(TABLES) as SectionTable[]) {
      expect(await failure(withTenant(database.db, fund.org.id, inserts[table])), `insert into ${table}`).toMatch(/row-level security/);
      for (const statement of [
        `update "${table}" set org_id = org_id where org_id = '${s}' returning 1`,
        `update "${table}" set org_id = '${fund.org.id}' where org_id = '${s}' returning 1`,
        `delete from "${table}" where org_id = '${s}' returning 1`,
        `delete from "${table}" returning 1`,
      ]) {
        expect(rowsOf(await withTenant(database.db, fund.org.id, (tx) => tx.execute(sql.raw(statement)))), statement).toEqual([]);
      }
    }
    expect(rowsOf(await withTenant(database.db, fund.org.id, (tx) => tx.execute(sql`update orgs set name = 'Hacked' where id = ${s} returning 1`)))).toEqual(
      [],
    );
    expect(await fingerprint(database, s)).toEqual(before);
    // And the reads still work: the refusals above are about writing, not about the grant.
    expect((await investorReads()).risks.length).toBeGreaterThan(0);
  });

  it("cannot forge an approved grant, nor change or delete any grant", async () => {
    const fresh = await makeOrgWithOwner(database, "startup", "Unasked Co");
    const other = await makeOrgWithOwner(database, "investor", "Other Fund");
    const base = { orgId: fresh.org.id, investorOrgId: fund.org.id, status: "requested" as const, sections: [] as string[], initiatedBy: "investor" as const };
    const forgeries = [
      { ...base, status: "approved" as const, sections: ALL },
      { ...base, status: "approved" as const },
      { ...base, sections: ["financials"] },
      { ...base, initiatedBy: "startup" as const },
      { ...base, decidedByUserId: fresh.owner.id },
      { ...base, investorOrgId: other.org.id },
    ];
    for (const values of forgeries) {
      expect(await failure(withTenant(database.db, fund.org.id, (tx) => tx.insert(accessGrants).values(values))), JSON.stringify(values)).toMatch(
        /row-level security/,
      );
    }
    expect(await grantsBetween(database, fresh.org.id, fund.org.id)).toEqual([]);

    // The one shape the investor may write — a bare request — goes in, and then it is stuck.
    const request = first(await withTenant(database.db, fund.org.id, (tx) => tx.insert(accessGrants).values(base).returning()));
    const before = await withSystem(database.db, (tx) => tx.select().from(accessGrants).orderBy(accessGrants.id));
    const approvedAll = sql`status = 'approved', sections = array['financials','funding_debt','budgets','risks','updates']::text[]`;
    for (const statement of [
      sql`update access_grants set ${approvedAll} where id = ${request.id} returning 1`,
      sql`update access_grants set ${approvedAll} where investor_org_id = ${fund.org.id} returning 1`,
      sql`update access_grants set investor_org_id = ${fund.org.id} where org_id = ${startup.org.id} returning 1`,
      sql`delete from access_grants where investor_org_id = ${fund.org.id} returning 1`,
    ]) {
      expect(rowsOf(await withTenant(database.db, fund.org.id, (tx) => tx.execute(statement)))).toEqual([]);
    }
    expect(await withSystem(database.db, (tx) => tx.select().from(accessGrants).orderBy(accessGrants.id))).toEqual(before);
    expect(await findCompanyAccess(fund.ctx, fresh.org.slug)).toBeNull();
  });
});

describe("grant pairs are always startup → investor", () => {
  it("an investor cannot pose as the startup of a grant, so it cannot read an unapproved startup's org row", async () => {
    const target = await makeOrgWithOwner(database, "startup", "Never Asked Co");
    // The investor's own tenant policy lets it write rows with org_id = itself; the pair check must refuse this one.
    const posing = { orgId: fund.org.id, investorOrgId: target.org.id, status: "approved" as const, sections: ALL, initiatedBy: "startup" as const };
    expect(await failure(withTenant(database.db, fund.org.id, (tx) => tx.insert(accessGrants).values(posing)))).toMatch(/row-level security/);
    const visible = await withTenant(database.db, fund.org.id, async (tx) =>
      rowsOf<{ name: string }>(await tx.execute(sql`select name from orgs where id = ${target.org.id}`)),
    );
    expect(visible).toEqual([]);
  });

  it("a startup cannot name another startup as its investor", async () => {
    const other = await makeOrgWithOwner(database, "startup", "Peer Startup");
    const values = {
      orgId: startup.org.id,
      investorOrgId: other.org.id,
      status: "approved" as const,
      sections: ["financials"],
      initiatedBy: "startup" as const,
    };
    expect(await failure(withTenant(database.db, startup.org.id, (tx) => tx.insert(accessGrants).values(values)))).toMatch(/row-level security/);
    expect(await grantsBetween(database, startup.org.id, other.org.id)).toEqual([]);
  });
});

describe("grant decisions in the model", () => {
  it("refuses stale versions, wrong states, foreign grants and empty section lists; a no-op writes nothing", async () => {
    const grant = await currentGrant();
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => "ok",
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
    expect(await code(updateGrantSections(startup.ctx, grantId, grant.version - 1, ["risks"]))).toBe("CONFLICT");
    expect(await code(approveGrant(startup.ctx, grantId, grant.version, ["risks"]))).toBe("CONFLICT"); // already approved
    expect(await code(declineGrant(startup.ctx, grantId, grant.version))).toBe("CONFLICT");
    expect(await code(updateGrantSections(startup.ctx, grantId, grant.version, []))).toBe("INVALID");
    expect(await code(updateGrantSections(bystander.ctx, grantId, grant.version, ["risks"]))).toBe("NOT_FOUND");
    expect(await code(revokeGrant(fund.ctx, grantId, grant.version))).toBe("NOT_FOUND"); // an investor org cannot decide
    expect(await code(revokeGrant(startup.ctx, "not-a-uuid", 1))).toBe("NOT_FOUND");
    const audit = (await auditOf(database, startup.org.id)).length;
    await updateGrantSections(startup.ctx, grantId, grant.version, [...ALL].reverse());
    expect(await currentGrant()).toEqual(grant);
    expect((await auditOf(database, startup.org.id)).length).toBe(audit);
    const trail = await auditOf(database, startup.org.id);
    expect(trail.filter((a) => a.entityId === grantId).map((a) => a.action)).toEqual(["access_grant.approve"]);
    expect(trail.map((a) => a.action)).toContain("access_grant.revoke");
    expect(
      await withSystem(database.db, (tx) =>
        tx
          .select()
          .from(accessGrants)
          .where(and(eq(accessGrants.orgId, bystander.org.id), eq(accessGrants.status, "requested"))),
      ),
    ).toHaveLength(1);
  });
});
