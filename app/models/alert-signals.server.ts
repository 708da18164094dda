import { and, eq, inArray, isNotNull, max, sql, sum } from "drizzle-orm";
import { rowsOf, type Tx } from "~db/client";
import { accessGrants, budgets, companyMetrics, debtFacilities, metricDefinitions, monthlyReports, orgs, risks } from "~db/schema";
import type { GrantSection } from "~db/schema/rls";
import type { AlertKind, AlertRules, CompanySignals, MetricSignal } from "~/finance/alerts";
import type { RiskStatus } from "~/finance";

/**
 * The sections each alert kind is computed from — what collectSignals below reads for it.
 * Every read of the investor's alerts keeps only those whose company's current grant still
 * shares all of them (alert.server.ts), and the sync deletes the others: an alert is the
 * company's data seen through the grant, so it goes when the grant no longer covers it.
 */
export const ALERT_KIND_SECTIONS = {
  runway: ["financials"],
  report_overdue: ["financials"],
  default_dead: ["financials"],
  risk_score: ["risks"],
  budget_overrun: ["financials", "budgets"],
  covenant: ["financials", "funding_debt"],
  metric: ["financials"],
} as const satisfies Record<AlertKind, readonly GrantSection[]>;

type Signals = {
  -readonly [K in keyof CompanySignals]: CompanySignals[K];
};

/**
 * What each company with an approved grant lets this investor know, for `evaluateAlerts`.
 * A handful of set-based statements over the whole portfolio, never one per company.
 *
 * Runs in the investor's tenant transaction, so row-level security returns a startup's rows
 * only while its grant shares their section; each statement also names the companies
 * sharing that section (from the grants read first), so neither layer alone decides what
 * the investor sees. A signal whose section is not shared stays empty, and no alert can be
 * raised from it. The covenant status lives in company_metrics (financials) but is about
 * debt: it is used only when both financials and funding & debt are shared.
 */
export async function collectSignals(tx: Tx, investorOrgId: string, rules: AlertRules, metricKeys: readonly string[] = []): Promise<CompanySignals[]> {
  const grants = await tx
    .select({ companyOrgId: accessGrants.orgId, sections: accessGrants.sections, currency: orgs.baseCurrency })
    .from(accessGrants)
    .innerJoin(orgs, eq(orgs.id, accessGrants.orgId))
    .where(and(eq(accessGrants.investorOrgId, investorOrgId), eq(accessGrants.status, "approved")));

  const signals = new Map<string, Signals>(
    grants.map((g) => [
      g.companyOrgId,
      { companyOrgId: g.companyOrgId, currency: g.currency, metrics: null, lastReportedMonth: null, risks: [], budget: null, covenant: null },
    ]),
  );
  const sharing = (...sections: GrantSection[]) => grants.filter((g) => sections.every((s) => g.sections.includes(s))).map((g) => g.companyOrgId);
  const financials = sharing(...ALERT_KIND_SECTIONS.runway);
  const withBudgets = sharing(...ALERT_KIND_SECTIONS.budget_overrun);
  const withDebt = sharing(...ALERT_KIND_SECTIONS.covenant);
  const withRisks = sharing(...ALERT_KIND_SECTIONS.risk_score);

  if (financials.length > 0) {
    const metrics = await tx
      .select({
        orgId: companyMetrics.orgId,
        month: companyMetrics.month,
        cash: companyMetrics.cash,
        runwayMonths: companyMetrics.runwayMonths,
        cashOutMonth: companyMetrics.cashOutMonth,
        defaultAlive: companyMetrics.defaultAlive,
        defaultAliveMonth: companyMetrics.defaultAliveMonth,
        verdictAssumesGrowth: companyMetrics.verdictAssumesGrowth,
        covenant: companyMetrics.covenant,
      })
      .from(companyMetrics)
      .where(inArray(companyMetrics.orgId, financials));
    const minimums = new Map<string, number>();
    if (rules.covenantEnabled && withDebt.length > 0) {
      const rows = await tx
        .select({ orgId: debtFacilities.orgId, minimumCash: max(debtFacilities.minimumCash) })
        .from(debtFacilities)
        .where(and(inArray(debtFacilities.orgId, withDebt), isNotNull(debtFacilities.minimumCash)))
        .groupBy(debtFacilities.orgId);
      for (const row of rows) if (row.minimumCash !== null) minimums.set(row.orgId, Number(row.minimumCash));
    }
    for (const m of metrics) {
      const s = signals.get(m.orgId);
      if (!s) continue;
      s.metrics = {
        month: m.month,
        runwayMonths: m.runwayMonths === null ? null : Number(m.runwayMonths),
        cashOutMonth: m.cashOutMonth,
        defaultAlive: m.defaultAlive,
        defaultAliveMonth: m.defaultAliveMonth,
        verdictAssumesGrowth: m.verdictAssumesGrowth,
      };
      if (m.covenant !== null && withDebt.includes(m.orgId)) {
        s.covenant = { status: m.covenant, month: m.month, cash: m.cash, minimumCash: minimums.get(m.orgId) ?? null };
      }
    }

    if (rules.overdueEnabled) {
      const latest = await tx
        .select({ orgId: monthlyReports.orgId, month: max(monthlyReports.month) })
        .from(monthlyReports)
        .where(inArray(monthlyReports.orgId, financials))
        .groupBy(monthlyReports.orgId);
      for (const row of latest) {
        const s = signals.get(row.orgId);
        if (s && row.month) s.lastReportedMonth = row.month;
      }
    }
  }

  if (rules.budgetEnabled && withBudgets.length > 0) {
    // The last reported month (company_metrics.month) against the sum of its budget cells.
    const rows = await tx
      .select({ orgId: budgets.orgId, month: companyMetrics.month, budget: sum(budgets.amount), actual: companyMetrics.grossBurn })
      .from(budgets)
      .innerJoin(companyMetrics, and(eq(companyMetrics.orgId, budgets.orgId), eq(companyMetrics.month, budgets.month)))
      .where(inArray(budgets.orgId, withBudgets))
      .groupBy(budgets.orgId, companyMetrics.month, companyMetrics.grossBurn);
    for (const row of rows) {
      const s = signals.get(row.orgId);
      if (s && row.budget !== null) s.budget = { month: row.month, budget: Number(row.budget), actual: row.actual };
    }
  }

  if (rules.riskEnabled && withRisks.length > 0) {
    const rows = await tx
      .select({ orgId: risks.orgId, id: risks.id, likelihood: risks.likelihood, impact: risks.impact, status: risks.status })
      .from(risks)
      .where(
        and(
          inArray(risks.orgId, withRisks),
          inArray(risks.status, ["open", "mitigating"]),
          sql`${risks.likelihood} * ${risks.impact} >= ${rules.riskScoreMin}`,
        ),
      );
    const byCompany = new Map<string, Signals["risks"][number][]>();
    for (const row of rows) {
      const list = byCompany.get(row.orgId) ?? [];
      list.push({ id: row.id, likelihood: row.likelihood, impact: row.impact, status: row.status as RiskStatus });
      byCompany.set(row.orgId, list);
    }
    for (const [orgId, list] of byCompany) {
      const s = signals.get(orgId);
      if (s) s.risks = list;
    }
  }

  if (metricKeys.length > 0 && financials.length > 0) {
    for (const [orgId, list] of await latestMetricValues(tx, financials, metricKeys)) {
      const s = signals.get(orgId);
      if (s) s.customMetrics = list;
    }
  }

  return [...signals.values()];
}

/**
 * Each named custom metric's latest month in each company, with the calendar month before it
 * (for a fall or rise), in one statement: a lateral look-up per definition on the
 * (org, metric, month) index, never one query per company.
 */
async function latestMetricValues(tx: Tx, companies: readonly string[], keys: readonly string[]): Promise<Map<string, MetricSignal[]>> {
  const rows = rowsOf<{ org_id: string; key: string; unit: string; month: string; value: string; previous: string | null }>(
    await tx.execute(sql`
      select ${metricDefinitions.orgId} as org_id, ${metricDefinitions.key} as key, ${metricDefinitions.unit} as unit, l.month, l.value::text as value,
             (select p.value::text from metric_values p
               where p.org_id = ${metricDefinitions.orgId} and p.metric_id = ${metricDefinitions.id}
                 and p.month = to_char(to_date(l.month, 'YYYY-MM') - interval '1 month', 'YYYY-MM')) as previous
        from ${metricDefinitions}
        join lateral (
          select v.month, v.value from metric_values v
           where v.org_id = ${metricDefinitions.orgId} and v.metric_id = ${metricDefinitions.id}
           order by v.month desc limit 1
        ) l on true
       where ${and(inArray(metricDefinitions.orgId, [...companies]), inArray(metricDefinitions.key, [...keys]))}`),
  );
  const byCompany = new Map<string, MetricSignal[]>();
  for (const row of rows) {
    const list = byCompany.get(row.org_id) ?? [];
    list.push({ key: row.key, unit: row.unit, month: row.month, value: row.value, previous: row.previous });
    byCompany.set(row.org_id, list);
  }
  return byCompany;
}
