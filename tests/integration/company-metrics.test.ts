import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyMetrics } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { saveMonthlyReport } from "../../app/models/monthly-report.server";
import { importMonthlyReports } from "../../app/models/import.server";
import { createDebtFacility, deleteDebtFacility } from "../../app/models/debt-facility.server";
import type { OrgContext } from "../../app/auth/context";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeOrgWithOwner } from "../support/factories";
import { major, WORKED_EXAMPLE } from "../support/worked-example";

/**
 * company_metrics is derived data: every write to reports or debt must leave it equal to
 * what the finance engine computes from scratch, in the same transaction.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const NOW = new Date("2026-06-10T12:00:00Z");
const texts = { highlights: null, lowlights: null, asks: null };
const zeroSpend = { compute: 0, data: 0, research: 0, go_to_market: 0, general_admin: 0, other: 0 };
// The spec's worked example (amounts in cents), all spend in payroll.
const WORKED = WORKED_EXAMPLE.map((r) => ({ month: r.month, payroll: major(r.spend), revenue: major(r.revenue), cash: major(r.cash) }));

/** A month's report as the form sends it: all spend in payroll, ten people, no ARR. */
const reportOf = (m: { payroll: number; revenue: number; cash: number }) => ({
  ...zeroSpend,
  payroll: m.payroll,
  revenue: m.revenue,
  cash: m.cash,
  headcount: 10,
  arr: null,
});

async function saveWorkedExample(ctx: OrgContext) {
  for (const m of WORKED) await saveMonthlyReport(ctx, m.month, null, { ...reportOf(m), ...texts }, NOW);
}

async function metricsOf(ctx: OrgContext) {
  const [row] = await withTenant(app.database.db, ctx.org.id, (tx) => tx.select().from(companyMetrics).where(eq(companyMetrics.orgId, ctx.org.id)));
  return row ?? null;
}

describe("company metrics kept on write", () => {
  it("follows every saved month: the worked example gives runway 9.2 and cash-out 2027-02", async () => {
    const { ctx } = await makeOrgWithOwner(app.database);
    expect(await metricsOf(ctx)).toBeNull();
    await saveWorkedExample(ctx);
    expect(await metricsOf(ctx)).toMatchObject({
      month: "2026-04",
      cash: 1_200_000_00,
      averageNetBurn: 130_000_00,
      runwayMonths: "9.2",
      cashOutMonth: "2027-02",
      defaultAlive: "profitable",
      defaultAliveMonth: "2026-11",
      reportCount: 4,
      covenant: null,
    });
    // Editing the latest month changes the figures at once: 650,000 / 130,000 = 5.0 months;
    // closing cash is exactly 0 at the end of 2026-09 (not below zero), −130,000 at the end of 2026-10.
    await saveMonthlyReport(ctx, "2026-04", 1, { ...reportOf({ payroll: 170_000_00, revenue: 40_000_00, cash: 650_000_00 }), ...texts }, NOW);
    expect(await metricsOf(ctx)).toMatchObject({ cash: 650_000_00, runwayMonths: "5.0", cashOutMonth: "2026-10" });
  });

  it("follows a CSV import, and a rejected import leaves it untouched", async () => {
    const { ctx } = await makeOrgWithOwner(app.database);
    const row = (m: (typeof WORKED)[number]) => ({ month: m.month, ...reportOf(m) });
    await importMonthlyReports(ctx, WORKED.map(row));
    expect(await metricsOf(ctx)).toMatchObject({ month: "2026-04", runwayMonths: "9.2" });
    const before = await metricsOf(ctx);
    await expect(importMonthlyReports(ctx, [{ ...row(WORKED[3]!), month: "2026-05", cash: -1 }])).rejects.toBeTruthy();
    expect(await metricsOf(ctx)).toEqual(before);
  });

  it("follows debt facilities: a minimum-cash covenant above cash is a breach, deleting it clears the status", async () => {
    const { ctx } = await makeOrgWithOwner(app.database);
    await saveWorkedExample(ctx);
    const facility = await createDebtFacility(ctx, {
      lender: "Bank",
      kind: "venture_debt",
      principal: 500_000_00,
      annualRatePercent: 1200,
      drawDate: "2026-01-15",
      termMonths: 36,
      repaymentType: "bullet",
      interestOnlyMonths: 0,
      minimumCash: 1_300_000_00,
      reportingDeadlineDay: null,
    } as never);
    const withDebt = await metricsOf(ctx);
    expect(withDebt).toMatchObject({ covenant: "breach" });
    // Monthly interest of 5,000 now brings the cash-out month forward.
    expect(withDebt!.cashOutMonth! < "2027-02").toBe(true);
    await deleteDebtFacility(ctx, facility.id);
    expect(await metricsOf(ctx)).toMatchObject({ covenant: null, cashOutMonth: "2027-02" });
  });

  it("keeps the last 24 months' net burn for the portfolio chart, and migration 0007's backfill writes the same", async () => {
    const { ctx } = await makeOrgWithOwner(app.database);
    await saveWorkedExample(ctx);
    const written = await metricsOf(ctx);
    expect(written!.recentNetBurn).toEqual([...Array(20).fill(null), 120_000_00, 130_000_00, 130_000_00, 130_000_00]);

    // Rows that existed before the column: emptied, then the migration's own UPDATE.
    const migration = fs.readFileSync("migrations/0007_company_metrics_recent_net_burn.sql", "utf8");
    const backfill = migration.slice(
      migration.indexOf('UPDATE "company_metrics"'),
      migration.indexOf(";--> statement-breakpoint", migration.indexOf("UPDATE")),
    );
    await withSystem(app.database.db, async (tx) => {
      await tx
        .update(companyMetrics)
        .set({ recentNetBurn: Array(24).fill(0) })
        .where(eq(companyMetrics.orgId, ctx.org.id));
      await tx.execute(sql.raw(backfill));
    });
    expect((await metricsOf(ctx))!.recentNetBurn).toEqual(written!.recentNetBurn);
  });

  it("keeps the first reported month, also when an earlier month is saved later; migration 0028's backfill writes the same", async () => {
    const { ctx } = await makeOrgWithOwner(app.database);
    await saveWorkedExample(ctx);
    expect(await metricsOf(ctx)).toMatchObject({ month: "2026-04", firstMonth: "2026-01" });
    await saveMonthlyReport(ctx, "2025-10", null, { ...reportOf(WORKED[0]!), ...texts }, NOW);
    expect(await metricsOf(ctx)).toMatchObject({ month: "2026-04", firstMonth: "2025-10" });

    const migration = fs.readFileSync("migrations/0028_company_metrics_first_month.sql", "utf8");
    const backfill = migration.slice(
      migration.indexOf('UPDATE "company_metrics"'),
      migration.indexOf(";--> statement-breakpoint", migration.indexOf("UPDATE")),
    );
    await withSystem(app.database.db, async (tx) => {
      await tx.update(companyMetrics).set({ firstMonth: "2026-04" }).where(eq(companyMetrics.orgId, ctx.org.id));
      await tx.execute(sql.raw(backfill));
    });
    expect((await metricsOf(ctx))!.firstMonth).toBe("2025-10");
  });
});
