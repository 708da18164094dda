import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, expect, it } from "vitest";
import { MIGRATIONS, migrationsBefore } from "../support/migrations-before";
import { alertReasonFromStored, alertReasonText } from "../../app/domain/alert-reasons";

// The migration that forgets what investors copied from startups (issue #13, finding 3), on a
// database written by the version before it: risk titles in alert reasons (key format and
// the older English sentences), acknowledgements audited with the alert's reason, and alerts of
// a company that has since narrowed or revoked its grant.
const before = migrationsBefore("_forget_unshared_investor_copies");
afterAll(before.remove);

const STARTUP = "11111111-1111-4111-8111-111111111111";
const NARROWED = "22222222-2222-4222-8222-222222222222";
const FUND = "33333333-3333-4333-8333-333333333333";
const reason = (title: string) =>
  `investor.alertReason.riskScore#${JSON.stringify({ title, score: 20, likelihood: 4, impact: 5, threshold: 16, status: { key: "investor.alertReasonWord.open" } })}`;

it("drops risk titles from stored reasons, redacts acknowledgements in the audit log and deletes alerts no longer shared", async () => {
  const client = new PGlite();
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: before.folder });
  await client.exec(`
    insert into orgs (id, slug, name, kind) values
      ('${STARTUP}', 'shares-all', 'Shares All', 'startup'),
      ('${NARROWED}', 'narrowed', 'Narrowed', 'startup'),
      ('${FUND}', 'fund', 'Fund', 'investor');
    insert into access_grants (org_id, investor_org_id, status, sections, initiated_by) values
      ('${STARTUP}', '${FUND}', 'approved', '{financials,risks,budgets,funding_debt,updates}', 'startup'),
      ('${NARROWED}', '${FUND}', 'approved', '{financials}', 'startup');
    insert into alerts (org_id, id, company_org_id, kind, subject, severity, reason, resolved_at) values
      ('${FUND}', 'a0000000-0000-4000-8000-000000000001', '${STARTUP}', 'risk_score', 'r1', 'critical', '${reason("Secret supplier")}', null),
      ('${FUND}', 'a0000000-0000-4000-8000-000000000002', '${STARTUP}', 'risk_score', 'r2', 'critical', 'Risk "Old secret" scores 20 (likelihood 4 × impact 5).', now()),
      ('${FUND}', 'a0000000-0000-4000-8000-000000000003', '${STARTUP}', 'runway', '', 'critical', 'investor.alertReason.runway#{"runway":{"fixed":2.4,"digits":1}}', null),
      ('${FUND}', 'a0000000-0000-4000-8000-000000000004', '${NARROWED}', 'runway', '', 'warning', 'investor.alertReason.runway#{"runway":{"fixed":5.1,"digits":1}}', null),
      ('${FUND}', 'a0000000-0000-4000-8000-000000000005', '${NARROWED}', 'risk_score', 'r3', 'critical', '${reason("Narrowed secret")}', now()),
      ('${FUND}', 'a0000000-0000-4000-8000-000000000006', '${NARROWED}', 'budget_overrun', '2026-01', 'warning', 'investor.alertReason.budgetOverrun#{"budget":{"money":27182800,"currency":"USD"}}', now());
    insert into audit_log (org_id, action, entity_type, entity_id, before, after) values
      ('${FUND}', 'alert.acknowledge', 'alert', 'a0000000-0000-4000-8000-000000000005',
        '{"id":"a0000000-0000-4000-8000-000000000005","companyOrgId":"${NARROWED}","kind":"risk_score","subject":"r3","severity":"critical","reason":${JSON.stringify(reason("Narrowed secret"))},"acknowledgedAt":null}',
        '{"id":"a0000000-0000-4000-8000-000000000005","companyOrgId":"${NARROWED}","kind":"risk_score","subject":"r3","severity":"critical","reason":${JSON.stringify(reason("Narrowed secret"))},"acknowledgedAt":"2026-01-02T00:00:00Z","acknowledgedByUserId":null}'),
      ('${FUND}', 'position.create', 'position', 'p1', null, '{"notes":"our own note"}');
  `);

  await migrate(db, { migrationsFolder: MIGRATIONS });

  const alerts = (await client.query<{ id: string; reason: string }>("select id::text, reason from alerts order by id")).rows;
  // The narrowed company shares financials only: its risk and budget alerts are gone, its runway alert stays.
  expect(alerts.map((a) => a.id.slice(-1))).toEqual(["1", "2", "3", "4"]);
  const all = alerts.map((a) => a.reason).join("\n");
  expect(all).not.toContain("secret");
  expect(all).not.toContain("Secret");
  expect(alertReasonText("en", alertReasonFromStored(alerts[0]!.reason), { title: "Read from the register" })).toBe(
    "Risk “Read from the register” scores 20 (likelihood 4 × impact 5), at or above the threshold of 16; it is open.",
  );
  expect(alertReasonText("en", alertReasonFromStored(alerts[1]!.reason))).toBe("A risk scored at or above the threshold.");
  expect(alerts[2]!.reason).toBe('investor.alertReason.runway#{"runway":{"fixed":2.4,"digits":1}}');

  const audit = (await client.query<{ action: string; before: unknown; after: unknown }>("select action, before, after from audit_log order by action")).rows;
  expect(audit).toEqual([
    {
      action: "alert.acknowledge",
      before: { id: "a0000000-0000-4000-8000-000000000005", companyOrgId: NARROWED, kind: "risk_score", severity: "critical", acknowledgedAt: null },
      after: {
        id: "a0000000-0000-4000-8000-000000000005",
        companyOrgId: NARROWED,
        kind: "risk_score",
        severity: "critical",
        acknowledgedAt: "2026-01-02T00:00:00Z",
        acknowledgedByUserId: null,
      },
    },
    { action: "position.create", before: null, after: { notes: "our own note" } },
  ]);
  await client.close();
});
