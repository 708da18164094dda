import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { withSystem } from "../../db/tenant";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { addMember, grantAccess, makeOrgWithOwner } from "./factories";
import { first } from "./at";

/**
 * A startup and an investor it shares everything with, with at least one row in every table
 * that has org_id, each text carrying `marker` and the side it belongs to (`<marker>-S` for the
 * startup, `<marker>-I` for the investor) so an export can be searched for what must or must
 * not be in it. Secrets get their own strings (`secrets`), which must never be in any export.
 */
export async function seedExportWorld(database: Database, marker: string) {
  const startup = await makeOrgWithOwner(database, "startup", `${marker}-S Startup`);
  const investor = await makeOrgWithOwner(database, "investor", `${marker}-I Fund`);
  const admin = await addMember(database, startup.ctx, "admin");
  const member = await addMember(database, startup.ctx, "member");
  const viewer = await addMember(database, startup.ctx, "viewer");
  await grantAccess(database, startup.org, investor.org);
  const secrets = {
    invitationToken: hex(`${marker} invitation`),
    linkToken: hex(`${marker} startup link`),
    investorLinkToken: hex(`${marker} investor link`),
    passphraseHash: `$argon2id$v=19$m=19456,t=2,p=1$${marker}PassphraseSecretSalt$${marker}PassphraseSecretHash`,
    mailBody: `Join here: https://desk.example/invite/${marker}-live-invitation-token`,
  };
  const S = `${marker}-S`;
  const I = `${marker}-I`;
  await withSystem(database.db, async (tx) => {
    const s = startup.org.id;
    const i = investor.org.id;
    const owner = startup.owner.id;
    await tx.execute(sql`insert into invitations (org_id, email, role, token_hash, invited_by, expires_at)
      values (${s}, ${`${S.toLowerCase()}-invitee@example.test`}, 'member', ${secrets.invitationToken}, ${owner}, now() + interval '7 days')`);
    await tx.execute(sql`insert into mail_outbox (org_id, to_email, subject, body, html, message_id)
      values (${s}, ${`${S.toLowerCase()}-invitee@example.test`}, ${`${S} invitation mail`}, ${secrets.mailBody},
              ${`<p>${secrets.mailBody}</p>`}, ${`<${S.toLowerCase()}-fixture@outbox.capital-desk>`})`);
    await tx.execute(sql`insert into audit_log (org_id, actor_user_id, action, entity_type, entity_id, after)
      values (${s}, ${owner}, 'test.marker', 'test', ${`${S} audit entity`}, ${JSON.stringify({ note: `${S} audit after` })}::jsonb)`);
    await tx.execute(sql`insert into funding_rounds (org_id, instrument, close_date, amount, currency, lead_investor, notes)
      values (${s}, 'seed', '2025-06-30', 150000000, 'USD', ${`${S} Lead Partners`}, ${`=${S} formula-looking note`})`);
    await tx.execute(sql`insert into debt_facilities (org_id, lender, kind, principal, currency, annual_rate_bp, draw_date, term_months, repayment_type, minimum_cash)
      values (${s}, ${`${S} Bank`}, 'bank_loan', 50000000, 'USD', 1200, '2025-07-01', 24, 'bullet', 10000000)`);
    for (const [month, cash] of [
      ["2026-01", 900000000],
      ["2026-02", 850000000],
      ["2026-03", 800000000],
    ] as const) {
      await tx.execute(sql`insert into monthly_reports (org_id, month, cash, revenue, compute, payroll, headcount, updated_by)
        values (${s}, ${month}, ${cash}, 1000000, 2000000, 40000000, 12, ${owner})`);
    }
    await tx.execute(sql`insert into report_updates (org_id, month, highlights, asks) values (${s}, '2026-03', ${`${S} highlight`}, ${`${S} ask`})`);
    await tx.execute(sql`insert into budgets (org_id, month, category, amount) values (${s}, '2026-03', 'compute', 2500000)`);
    const risk = first(
      rowsOf<{ id: string }>(
        await tx.execute(sql`insert into risks (org_id, title, category, likelihood, impact, owner)
        values (${s}, ${`${S} GPU shortage risk`}, 'technical', 4, 5, ${`${S} CTO`}) returning id`),
      ),
    );
    await tx.execute(sql`insert into risk_history (org_id, risk_id, likelihood, impact, status, changed_by) values (${s}, ${risk.id}, 4, 5, 'open', ${owner})`);
    await refreshCompanyMetrics(tx, s);
    const link = first(
      rowsOf<{ id: string }>(
        await tx.execute(sql`insert into share_links (org_id, token_hash, label, scope, company_org_ids, sections, mode, expires_at, passphrase_hash, created_by)
        values (${s}, ${secrets.linkToken}, ${`${S} board link`}, 'company', array[${s}]::uuid[], array['financials']::text[], 'live', now() + interval '30 days', ${secrets.passphraseHash}, ${owner}) returning id`),
      ),
    );
    await tx.execute(sql`insert into share_link_views (org_id, link_id, user_agent) values (${s}, ${link.id}, ${`${S} Browser/1.0`})`);

    const fund = investor.owner.id;
    await tx.execute(sql`insert into positions (org_id, company_org_id, invested_on, amount, currency, instrument, ownership_bp, current_value, notes)
      values (${i}, ${s}, '2025-06-30', 25000000, 'USD', 'seed', 1250, 40000000, ${`${I} position note`})`);
    await tx.execute(sql`insert into fx_rates (org_id, month, currency, rate) values (${i}, '2026-03', 'EUR', '1.0850000000')`);
    await tx.execute(sql`insert into alert_rules (org_id) values (${i})`);
    await tx.execute(sql`insert into alerts (org_id, company_org_id, kind, subject, severity, reason)
      values (${i}, ${s}, 'runway', '2026-03', 'warning', ${`${I} alert reason`})`);
    await tx.execute(sql`insert into share_links (org_id, token_hash, label, scope, company_org_ids, sections, mode, expires_at, created_by)
      values (${i}, ${secrets.investorLinkToken}, ${`${I} LP link`}, 'portfolio', '{}'::uuid[], array['financials']::text[], 'live', now() + interval '30 days', ${fund})`);
    await tx.execute(sql`insert into audit_log (org_id, actor_user_id, action, entity_type, after)
      values (${i}, ${fund}, 'test.marker', 'test', ${JSON.stringify({ note: `${I} audit after` })}::jsonb)`);
  });
  return { startup, investor, admin, member, viewer, secrets, markers: { startup: S, investor: I } };
}

function hex(seed: string): string {
  return crypto.createHash("sha256").update(seed).digest("hex");
}
