import { oneRow, type Tx } from "./client";
import { budgets, debtFacilities, fundingRounds, monthlyReports, reportUpdates, riskHistory, risks } from "./schema";
import { addMonths } from "../app/finance";
import { recordAudit, recordAudits, type AuditActor, type AuditEntry } from "../app/models/audit.server";
import { auditView as reportAuditView } from "../app/models/monthly-report.server";
import { auditShape as riskAuditShape } from "../app/models/risk.server";
import type { CompanyPlan } from "./seed-plans";
import { updatesFor, type SimulatedCompany } from "./seed-company";

type Actor = AuditActor;

const DAY = 86_400_000;

/**
 * A company's records and the history that led to them, as if its founder had kept them in
 * the app for two years: each round recorded after it closed, each month's report filed in
 * the first days of the next month (one corrected after a bank reconciliation), risks logged
 * and re-scored, the year's budget saved. Every change gets the audit entry the app's own
 * action writes (same action, same before/after shape, written by the audit model), dated when it
 * happened, and the rows carry the same dates — never later than `now`. Rows and entries go in
 * a statement per table, so the whole demo seeds in a few seconds.
 */
export async function seedCompanyRecords(tx: Tx, actor: Actor, plan: CompanyPlan, sim: SimulatedCompany, index: number, now: Date): Promise<Date> {
  const orgId = actor.org.id;
  const currency = plan.currency ?? "USD";
  const firstMonth = sim.months[0]?.month;
  if (!firstMonth) return now;
  const past = (date: Date) => new Date(Math.min(date.getTime(), now.getTime() - 3_600_000));
  const on = (isoDate: string, hour: number, minute = 0) =>
    past(new Date(`${isoDate}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00Z`));
  const entries: AuditEntry[] = [];
  const audit: Audit = (at, entry) => {
    entries.push({ ...entry, at });
  };

  // The founder opened the org the month before its first report and back-filled earlier rounds.
  const openedAt = on(`${addMonths(firstMonth, -1)}-03`, 9, 10 + index);
  audit(openedAt, { action: "org.create", entityType: "org", entityId: orgId, after: { id: orgId, name: plan.name, kind: "startup", baseCurrency: currency } });

  const roundTimes = sim.rounds.map((round, i) =>
    round.closeDate.slice(0, 7) < firstMonth ? new Date(openedAt.getTime() + (i + 1) * 240_000) : on(round.closeDate, 11, 20),
  );
  const roundRows = await tx
    .insert(fundingRounds)
    .values(
      sim.rounds.map((round, i) => ({
        orgId,
        instrument: round.instrument,
        closeDate: round.closeDate,
        amount: round.amount,
        currency,
        preMoneyValuation: round.preMoney,
        leadInvestor: round.lead,
        otherInvestors: round.others,
        createdAt: roundTimes[i],
        updatedAt: roundTimes[i],
      })),
    )
    .returning();
  for (const row of roundRows) audit(row.createdAt, { action: "funding_round.create", entityType: "funding_round", entityId: row.id, after: row });

  if (sim.debt && plan.debt) {
    const at = on(sim.debt.drawDate, 15, 5);
    const row = oneRow(
      await tx
        .insert(debtFacilities)
        .values({
          orgId,
          lender: plan.debt.lender,
          kind: "venture_debt",
          principal: sim.debt.terms.principal,
          currency,
          annualRateBp: plan.debt.rateBp,
          drawDate: sim.debt.drawDate,
          termMonths: plan.debt.term,
          repaymentType: "interest_only_then_amortizing",
          interestOnlyMonths: plan.debt.interestOnly,
          minimumCash: plan.debt.minimumCash * 100,
          reportingDeadlineDay: 20,
          createdAt: at,
          updatedAt: at,
        })
        .returning(),
      "insert demo facility",
    );
    audit(at, { action: "debt_facility.create", entityType: "debt_facility", entityId: row.id, after: row });
  }

  await seedReports(tx, actor, plan, sim, index, on, audit);
  await seedBudgets(tx, actor, plan, sim, on, audit);
  await seedRisks(tx, actor, plan, index, now, past, audit);
  entries.sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
  await recordAudits(tx, actor, entries);
  return openedAt;
}

type On = (isoDate: string, hour: number, minute?: number) => Date;
type Audit = (at: Date, entry: Omit<AuditEntry, "at">) => void;

async function seedReports(tx: Tx, actor: Actor, plan: CompanyPlan, sim: SimulatedCompany, index: number, on: On, audit: Audit) {
  const orgId = actor.org.id;
  const updates = new Map(updatesFor(plan, sim.months).map((u) => [u.month, u.text]));
  const reported = sim.months.filter((m) => m.reported);
  // One month was filed with the bank's pending balance and corrected two days later.
  const corrected = reported.at(-5)?.month;
  const filings = reported.map((m, i) => {
    const filedAt = on(`${addMonths(m.month, 1)}-${String(6 + ((i + index) % 6)).padStart(2, "0")}`, 9 + (i % 8), (i * 7) % 60);
    const text = updates.get(m.month);
    return {
      m,
      filedAt,
      fixedAt: m.month === corrected ? new Date(filedAt.getTime() + 2 * DAY) : null,
      texts: { highlights: text?.highlights ?? null, lowlights: text?.lowlights ?? null, asks: text?.asks ?? null },
    };
  });
  if (filings.length === 0) return;
  const rows = await tx
    .insert(monthlyReports)
    .values(
      filings.map(({ m, filedAt, fixedAt }) => ({
        orgId,
        month: m.month,
        cash: m.cash,
        revenue: m.revenue,
        compute: m.spend.compute,
        data: m.spend.data,
        payroll: m.spend.payroll,
        research: m.spend.research,
        goToMarket: m.spend.go_to_market,
        generalAdmin: m.spend.general_admin,
        other: m.spend.other,
        headcount: m.headcount,
        arr: m.arr,
        updatedBy: actor.user.id,
        createdAt: filedAt,
        updatedAt: fixedAt ?? filedAt,
        version: fixedAt ? 2 : 1,
      })),
    )
    .returning();
  await tx.insert(reportUpdates).values(filings.map(({ m, texts }) => ({ orgId, month: m.month, ...texts })));
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  for (const { m, filedAt, fixedAt, texts } of filings) {
    const row = byMonth.get(m.month);
    if (!row) continue;
    const first = fixedAt ? { ...row, cash: m.cash + 4_250_000, version: 1 } : row;
    audit(filedAt, { action: "monthly_report.create", entityType: "monthly_report", entityId: row.id, before: null, after: reportAuditView(first, texts) });
    if (fixedAt) {
      audit(fixedAt, {
        action: "monthly_report.update",
        entityType: "monthly_report",
        entityId: row.id,
        before: reportAuditView(first, texts),
        after: reportAuditView(row, texts),
      });
    }
  }
}

/** The current year's budget, saved in one go in the first week of January. */
async function seedBudgets(tx: Tx, actor: Actor, plan: CompanyPlan, sim: SimulatedCompany, on: On, audit: Audit) {
  const lastMonth = sim.months.at(-1)?.month;
  if (!lastMonth) return;
  const year = lastMonth.slice(0, 4);
  const rows = [];
  for (const m of sim.months.filter((x) => x.month.startsWith(year))) {
    for (const [category, amount] of Object.entries(m.spend)) {
      // Budgets were set a little below reality for compute, so overruns show up.
      const factor = plan.budgetFactor ?? (category === "compute" ? 0.85 : 1.02);
      rows.push({ orgId: actor.org.id, month: m.month, category, amount: Math.round((amount * factor) / 100) * 100 });
    }
  }
  if (rows.length === 0) return;
  const at = on(`${year}-01-07`, 16, 30);
  await tx.insert(budgets).values(rows.map((r) => ({ ...r, createdAt: at, updatedAt: at })));
  const before: Record<string, number | null> = {};
  const after: Record<string, number | null> = {};
  for (const r of rows) {
    before[`${r.month}:${r.category}`] = null;
    after[`${r.month}:${r.category}`] = r.amount;
  }
  audit(at, { action: "budget.save_grid", entityType: "budget_grid", entityId: year, before, after });
}

/** Each risk logged months ago; those re-scored or moved to mitigating since have a second history row and an update. */
async function seedRisks(tx: Tx, actor: Actor, plan: CompanyPlan, index: number, now: Date, past: (d: Date) => Date, audit: Audit) {
  const orgId = actor.org.id;
  const dayOf = (offsetDays: number) => new Date(now.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
  const plans = plan.risks.map((r, i) => {
    const status = r.status ?? "open";
    const firstLikelihood = r.firstLikelihood ?? r.likelihood;
    const changed = firstLikelihood !== r.likelihood || status !== "open";
    return {
      r,
      status,
      firstLikelihood,
      loggedAt: past(new Date(now.getTime() - (200 - 25 * i - index) * DAY)),
      changedAt: changed ? past(new Date(now.getTime() - (35 - 6 * i) * DAY)) : null,
    };
  });
  const rows = await tx
    .insert(risks)
    .values(
      plans.map(({ r, status, loggedAt, changedAt }) => ({
        orgId,
        title: r.title,
        category: r.category,
        likelihood: r.likelihood,
        impact: r.impact,
        owner: plan.founder === "demo" ? "Maya Chen" : plan.founder.name,
        mitigation: r.mitigation,
        status,
        nextReviewDate: dayOf(r.reviewInDays),
        createdAt: loggedAt,
        updatedAt: changedAt ?? loggedAt,
        version: changedAt ? 2 : 1,
      })),
    )
    .returning();
  const history: (typeof riskHistory.$inferInsert)[] = [];
  for (const row of rows) {
    const p = plans.find((x) => x.r.title === row.title);
    if (!p) continue;
    const first = { ...row, likelihood: p.firstLikelihood, status: "open", version: 1, nextReviewDate: dayOf(p.r.reviewInDays - 60) };
    history.push({ orgId, riskId: row.id, likelihood: p.firstLikelihood, impact: row.impact, status: "open", changedBy: actor.user.id, changedAt: p.loggedAt });
    audit(p.loggedAt, { action: "risk.create", entityType: "risk", entityId: row.id, after: riskAuditShape(first) });
    if (p.changedAt) {
      history.push({
        orgId,
        riskId: row.id,
        likelihood: row.likelihood,
        impact: row.impact,
        status: row.status,
        changedBy: actor.user.id,
        changedAt: p.changedAt,
      });
      audit(p.changedAt, { action: "risk.update", entityType: "risk", entityId: row.id, before: riskAuditShape(first), after: riskAuditShape(row) });
    }
  }
  await tx.insert(riskHistory).values(history);
}

/** The founder's approval of the fund's access request, dated two days after the org was opened. */
export async function auditGrantApproval(tx: Tx, actor: Actor, grant: { id: string; sections: string[] }, fund: { id: string; name: string }, at: Date) {
  const view = (status: string, version: number) => ({
    investorOrgId: fund.id,
    investorName: fund.name,
    status,
    sections: grant.sections,
    initiatedBy: "investor",
    requestedVia: "share code",
    version,
  });
  await recordAudit(tx, actor, {
    action: "access_grant.approve",
    entityType: "access_grant",
    entityId: grant.id,
    before: view("requested", 1),
    after: view("approved", 2),
    at,
  });
}
