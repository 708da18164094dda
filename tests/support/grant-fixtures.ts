import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { accessGrants, auditLog } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { isoDateOfDate } from "../../app/finance";
import type { OrgContext } from "../../app/auth/context";
import { listBudgets, saveBudgetGrid } from "../../app/models/budget.server";
import { debtFacilitySchema } from "../../app/domain/debt-facility";
import { createDebtFacility } from "../../app/models/debt-facility.server";
import { fundingRoundSchema } from "../../app/domain/funding-round";
import { createFundingRound } from "../../app/models/funding-round.server";
import { saveMonthlyReport } from "../../app/models/monthly-report.server";
import { createRisk } from "../../app/models/risk.server";
import { facilityForm, roundForm } from "./record-forms";
import { first } from "./at";

/** Every table an investor may read through a grant, and the section that shares it (db/schema/rls.ts). */
export const SECTION_TABLES = {
  monthly_reports: "financials",
  company_metrics: "financials",
  funding_rounds: "funding_debt",
  debt_facilities: "funding_debt",
  budgets: "budgets",
  risks: "risks",
  risk_history: "risks",
  report_updates: "updates",
} as const;
export type SectionTable = keyof typeof SECTION_TABLES;

const spend = { compute: 6_000_000, data: 1_000_000, payroll: 8_000_000, research: 500_000, go_to_market: 1_000_000, general_admin: 400_000, other: 100_000 };

/**
 * A little of everything a startup records, through the real models, so every section table
 * holds rows: two months of reports (one with an investor update), a round, a facility, a
 * budget cell and a risk (with its history row). company_metrics follows from the reports.
 */
export async function seedStartupData(ctx: OrgContext, label: string) {
  await saveMonthlyReport(ctx, "2026-01", null, {
    cash: 120_000_000,
    revenue: 2_000_000,
    headcount: 11,
    arr: null,
    ...spend,
    highlights: `${label} shipped`,
    lowlights: null,
    asks: null,
  });
  await saveMonthlyReport(ctx, "2026-02", null, {
    cash: 110_000_000,
    revenue: 3_000_000,
    headcount: 12,
    arr: null,
    ...spend,
    highlights: null,
    lowlights: null,
    asks: null,
  });
  const today = isoDateOfDate(new Date());
  await createFundingRound(ctx, fundingRoundSchema(today).parse(roundForm(`${label} lead`)));
  await createDebtFacility(ctx, debtFacilitySchema(today).parse(facilityForm(`${label} Bank`)));
  const grid = await listBudgets(ctx, 2026);
  await saveBudgetGrid(ctx, 2026, [{ month: "2026-01", category: "compute", amount: 5_000_000 }], grid.token);
  await createRisk(ctx, {
    title: `${label} GPU prices`,
    category: "financial",
    likelihood: 3,
    impact: 4,
    owner: "CFO",
    mitigation: null,
    status: "open",
    nextReviewDate: null,
  });
}

/** How many rows each section table holds for one org, read past RLS. */
export async function rowCounts(database: Database, orgId: string): Promise<Record<SectionTable, number>> {
  return withSystem(database.db, async (tx) => {
    const counts = {} as Record<SectionTable, number>;
    for (const table of Object.keys(SECTION_TABLES) as SectionTable[]) {
      const row = first(rowsOf<{ n: number }>(await tx.execute(sql.raw(`select count(*)::int as n from "${table}" where org_id = '${orgId}'`))));
      counts[table] = Number(row.n);
    }
    return counts;
  });
}

/** Every grant row anywhere, plus the audit entries of the given orgs: "nothing written" means this is unchanged. */
export async function grantState(database: Database, orgIds: string[]) {
  return withSystem(database.db, async (tx) => {
    const audit: Record<string, number> = {};
    for (const id of orgIds) audit[id] = (await tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.orgId, id))).length;
    return { grants: await tx.select().from(accessGrants).orderBy(accessGrants.createdAt, accessGrants.id), audit };
  });
}

export async function grantsBetween(database: Database, startupId: string, investorId: string) {
  return withSystem(database.db, (tx) =>
    tx
      .select()
      .from(accessGrants)
      .where(and(eq(accessGrants.orgId, startupId), eq(accessGrants.investorOrgId, investorId)))
      .orderBy(accessGrants.createdAt),
  );
}

export async function auditOf(database: Database, orgId: string, entityType = "access_grant") {
  return withSystem(database.db, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityType, entityType)))
      .orderBy(auditLog.at, auditLog.id),
  );
}
