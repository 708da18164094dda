import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, expect, it } from "vitest";
import { MIGRATIONS, migrationsBefore } from "../support/migrations-before";

// Migration 0015 (issue #15, amended definitions) on company_metrics rows written by the version
// before it: revenue that already covers gross burn becomes "profitable from m itself", and a
// verdict with no revenue three months back (or zero revenue then) is marked as resting on flat
// revenue — the same as refreshCompanyMetrics now writes.
const before = migrationsBefore("_company_metrics_verdict_assumes_growth");
afterAll(before.remove);

const PROFITABLE = "11111111-1111-4111-8111-111111111111";
const YOUNG = "22222222-2222-4222-8222-222222222222";
const MEASURED = "33333333-3333-4333-8333-333333333333";
const NO_REVENUE = "44444444-4444-4444-8444-444444444444";
const ZERO_BASE = "55555555-5555-4555-8555-555555555555";

it("marks already-profitable companies profitable from their month and flags verdicts on flat revenue", async () => {
  const client = new PGlite();
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: before.folder });
  const metrics = (org: string, revenue: number, gross: number, alive: string, aliveMonth: string | null) =>
    `('${org}', '2026-04', 100000, ${revenue}, ${gross}, ${gross - revenue}, ${gross - revenue}, false, null, null, '${alive}', ${aliveMonth ? `'${aliveMonth}'` : "null"}, 0, 0, array_fill(null::bigint, array[24]))`;
  await client.exec(`
    insert into orgs (id, slug, name, kind) values
      ('${PROFITABLE}', 'profitable', 'Profitable', 'startup'), ('${YOUNG}', 'young', 'Young', 'startup'),
      ('${MEASURED}', 'measured', 'Measured', 'startup'), ('${NO_REVENUE}', 'no-revenue', 'No Revenue', 'startup'),
      ('${ZERO_BASE}', 'zero-base', 'Zero Base', 'startup');
    insert into monthly_reports (org_id, month, cash, revenue, payroll) values
      ('${YOUNG}', '2026-02', 1, 1200000, 10000000), ('${YOUNG}', '2026-03', 1, 1450000, 10000000), ('${YOUNG}', '2026-04', 100000, 1780000, 10000000),
      ('${MEASURED}', '2026-01', 1, 2000000, 10000000), ('${MEASURED}', '2026-04', 100000, 4000000, 10000000),
      ('${ZERO_BASE}', '2026-01', 1, 0, 10000000), ('${ZERO_BASE}', '2026-04', 100000, 4000000, 10000000);
    insert into company_metrics (org_id, month, cash, revenue, gross_burn, net_burn, average_net_burn, short_history, runway_months,
      cash_out_month, default_alive, default_alive_month, headcount, report_count, recent_net_burn) values
      ${metrics(PROFITABLE, 10400000, 10000000, "profitable", "2026-05")},
      ${metrics(YOUNG, 1780000, 10000000, "cash_out", "2026-05")},
      ${metrics(MEASURED, 4000000, 10000000, "cash_out", "2026-05")},
      ${metrics(NO_REVENUE, 0, 10000000, "cash_out", "2026-05")},
      ${metrics(ZERO_BASE, 4000000, 10000000, "cash_out", "2026-05")};
  `);

  await migrate(db, { migrationsFolder: MIGRATIONS });

  const rows = (
    await client.query<{ org_id: string; default_alive: string; default_alive_month: string; verdict_assumes_growth: boolean }>(
      "select org_id::text, default_alive, default_alive_month, verdict_assumes_growth from company_metrics order by org_id",
    )
  ).rows;
  expect(rows).toEqual([
    { org_id: PROFITABLE, default_alive: "profitable", default_alive_month: "2026-04", verdict_assumes_growth: false },
    { org_id: YOUNG, default_alive: "cash_out", default_alive_month: "2026-05", verdict_assumes_growth: true },
    { org_id: MEASURED, default_alive: "cash_out", default_alive_month: "2026-05", verdict_assumes_growth: false },
    { org_id: NO_REVENUE, default_alive: "cash_out", default_alive_month: "2026-05", verdict_assumes_growth: false },
    { org_id: ZERO_BASE, default_alive: "cash_out", default_alive_month: "2026-05", verdict_assumes_growth: true },
  ]);
  await client.close();
}, 180_000);
