/**
 * Reading a partner report. Every function here runs inside a transaction the caller opened
 * as the ISSUING org's tenant (read-only): for a startup that is its own data, for an
 * investor row-level security limits every statement to approved grants and their sections.
 * On top of that each query names the companies explicitly and reads a table only for the
 * companies whose sections (link ∩ grant) include it — so a section not shared is never read.
 */
import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import type { Tx } from "~db/client";
import { accessGrants, budgets, debtFacilities, fundingRounds, monthlyReports, orgs, reportUpdates, risks } from "~db/schema";
import type { GrantSection } from "~db/schema/rls";
import type { ShareScope } from "~db/schema/sharing";
import { withTenant } from "~db/tenant";
import { DEFAULT_RISK_BANDS, daysInMonth, type IsoDate, type Month } from "~/finance";
import { SECTION_KEYS } from "~/domain/access-grants";
import type { CompanyDashboardForInvestor, RiskView } from "~/views/dashboard";
import { buildCompanyDashboardForInvestor, RISK_INPUT_COLUMNS, type SharedRows } from "./dashboard-view.server";
import type { CompanyReport, ShareReport, ShareSnapshot, StoredCompanyReport, UpdateView } from "~/views/share-report";
import type { SystemContext } from "~/auth/context";

/** How many monthly investor updates a report shows per company. */
export const REPORT_UPDATE_MONTHS = 3;

export interface ReportIssuer {
  id: string;
  kind: "startup" | "investor";
  name: string;
  baseCurrency: string;
}

export interface ReportCompany {
  id: string;
  name: string;
  currency: string;
  /** What this report shows of the company: the link's sections, and for an investor ∩ the grant's. */
  sections: GrantSection[];
}

export function intersectSections(a: readonly string[], b: readonly string[]): GrantSection[] {
  const other = new Set(b);
  return SECTION_KEYS.filter((s) => a.includes(s) && other.has(s));
}

/**
 * The companies a link covers as the issuer's tenant sees them right now. A startup's link is
 * the startup itself. An investor's is its approved grants — all of them (portfolio) or only
 * the ids the link names (company, companies): a company whose grant was revoked, or whose
 * grant shares none of the link's sections, drops out.
 */
export async function resolveReportCompanies(
  tx: Tx,
  issuer: ReportIssuer,
  link: { scope: ShareScope; companyOrgIds: string[]; sections: readonly string[] },
): Promise<ReportCompany[]> {
  if (issuer.kind === "startup") {
    if (link.scope !== "company" || link.companyOrgIds.length !== 1 || link.companyOrgIds[0] !== issuer.id) return [];
    return [{ id: issuer.id, name: issuer.name, currency: issuer.baseCurrency, sections: intersectSections(SECTION_KEYS, link.sections) }];
  }
  if (link.scope !== "portfolio" && link.companyOrgIds.length === 0) return [];
  const rows = await tx
    .select({ id: orgs.id, name: orgs.name, currency: orgs.baseCurrency, sections: accessGrants.sections })
    .from(accessGrants)
    .innerJoin(orgs, eq(orgs.id, accessGrants.orgId))
    .where(
      and(
        eq(accessGrants.investorOrgId, issuer.id),
        eq(accessGrants.status, "approved"),
        link.scope === "portfolio" ? undefined : inArray(accessGrants.orgId, link.companyOrgIds),
      ),
    )
    .orderBy(asc(orgs.name), asc(orgs.id));
  return rows
    .map((r) => ({ id: r.id, name: r.name, currency: r.currency, sections: intersectSections(r.sections, link.sections) }))
    .filter((c) => c.sections.length > 0);
}

export interface ReadOptions {
  /** Frozen reports: only months up to this one (and rounds closed by its end). */
  throughMonth: Month | null;
  today: IsoDate;
  /** For a snapshot: also keep each headline without debt service (StoredCompanyReport). */
  keepHeadlineWithoutDebt?: boolean;
}

/** Each company's report, read set-based (one query per table for all companies that share it). */
export async function readCompanyReports(tx: Tx, companies: readonly ReportCompany[], options: ReadOptions): Promise<StoredCompanyReport[]> {
  if (companies.length === 0) return [];
  const having = (section: GrantSection) => companies.filter((c) => c.sections.includes(section)).map((c) => c.id);
  const through = options.throughMonth;
  const ids = companies.map((c) => c.id);

  const settingsRows = await tx
    .select({
      id: orgs.id,
      threshold: orgs.budgetOverrunThresholdBp,
      mediumFrom: orgs.riskMediumFrom,
      highFrom: orgs.riskHighFrom,
      criticalFrom: orgs.riskCriticalFrom,
    })
    .from(orgs)
    .where(inArray(orgs.id, ids));

  const financialIds = having("financials");
  const reports = financialIds.length
    ? await tx
        .select()
        .from(monthlyReports)
        .where(and(inArray(monthlyReports.orgId, financialIds), through ? lte(monthlyReports.month, through) : undefined))
        .orderBy(asc(monthlyReports.orgId), asc(monthlyReports.month))
    : [];
  // Budget vs actual compares the fiscal year of each company's latest month (needs financials too).
  const budgetIds = having("budgets").filter((id) => financialIds.includes(id));
  const budgetRows = budgetIds.length
    ? await tx
        .select({ orgId: budgets.orgId, month: budgets.month, category: budgets.category, amount: budgets.amount })
        .from(budgets)
        .where(inArray(budgets.orgId, budgetIds))
    : [];
  const debtIds = having("funding_debt");
  const facilities = debtIds.length
    ? await tx.select().from(debtFacilities).where(inArray(debtFacilities.orgId, debtIds)).orderBy(asc(debtFacilities.drawDate))
    : [];
  const rounds = debtIds.length
    ? await tx
        .select({
          orgId: fundingRounds.orgId,
          instrument: fundingRounds.instrument,
          amount: fundingRounds.amount,
          currency: fundingRounds.currency,
          closeDate: fundingRounds.closeDate,
        })
        .from(fundingRounds)
        .where(
          and(
            inArray(fundingRounds.orgId, debtIds),
            through ? lte(fundingRounds.closeDate, `${through}-${String(daysInMonth(through)).padStart(2, "0")}`) : undefined,
          ),
        )
        .orderBy(asc(fundingRounds.closeDate))
    : [];
  const riskIds = having("risks");
  const riskRows = riskIds.length
    ? await tx
        .select({ orgId: risks.orgId, ...RISK_INPUT_COLUMNS })
        .from(risks)
        .where(inArray(risks.orgId, riskIds))
    : [];
  const updateIds = having("updates");
  const updateRows = updateIds.length
    ? await tx
        .select({
          orgId: reportUpdates.orgId,
          month: reportUpdates.month,
          highlights: reportUpdates.highlights,
          lowlights: reportUpdates.lowlights,
          asks: reportUpdates.asks,
        })
        .from(reportUpdates)
        .where(and(inArray(reportUpdates.orgId, updateIds), through ? lte(reportUpdates.month, through) : undefined))
        .orderBy(desc(reportUpdates.month))
    : [];

  const of = <T extends { orgId: string }>(rows: T[], id: string) => rows.filter((r) => r.orgId === id);
  return companies.map((company) => {
    const shared = new Set(company.sections);
    const settings = settingsRows.find((s) => s.id === company.id);
    const rows: SharedRows = {
      overrunThresholdBp: settings?.threshold ?? 1000,
      riskBands: settings ? { mediumFrom: settings.mediumFrom, highFrom: settings.highFrom, criticalFrom: settings.criticalFrom } : DEFAULT_RISK_BANDS,
    };
    if (shared.has("financials")) {
      rows.reports = of(reports, company.id);
      const year = rows.reports.at(-1)?.month.slice(0, 4);
      if (shared.has("budgets")) rows.budgets = year ? of(budgetRows, company.id).filter((b) => b.month.startsWith(`${year}-`)) : [];
    }
    if (shared.has("funding_debt")) {
      rows.facilities = of(facilities, company.id);
      rows.rounds = of(rounds, company.id);
    }
    if (shared.has("risks")) rows.risks = of(riskRows, company.id);
    const shape = { currency: company.currency, window: 3 as const, today: options.today };
    const dashboard = buildCompanyDashboardForInvestor(rows, company.sections, shape);
    const report: StoredCompanyReport = { orgId: company.id, name: company.name, currency: company.currency, sections: company.sections, dashboard };
    if (options.keepHeadlineWithoutDebt && dashboard.financials?.kind === "ready" && dashboard.financials.debtServiceIncluded) {
      const withoutDebt = buildCompanyDashboardForInvestor(
        { ...rows, facilities: undefined },
        company.sections.filter((s) => s !== "funding_debt"),
        shape,
      );
      if (withoutDebt.financials?.kind === "ready") report.headlineWithoutDebt = withoutDebt.financials.headline;
    }
    if (shared.has("updates")) {
      report.updates = of(updateRows, company.id)
        .filter((u) => u.highlights || u.lowlights || u.asks)
        .slice(0, REPORT_UPDATE_MONTHS)
        .map(({ orgId: _orgId, ...u }): UpdateView => u);
    }
    return report;
  });
}

/**
 * A stored company report cut down to `sections` (a grant narrowed since a frozen link was
 * made): what the narrower set would not have shown is removed, never merely hidden. That
 * includes what the figures owe to a section: forecasts that subtracted the debt service of
 * facilities no longer shared give way to the headline stored without it (or, in a snapshot
 * made before that headline was stored, the financials go).
 */
export function restrictCompanyReport(
  report: CompanyReport & Pick<StoredCompanyReport, "headlineWithoutDebt">,
  sections: readonly GrantSection[],
): CompanyReport {
  const shared = new Set(sections);
  const d = report.dashboard;
  const dashboard: CompanyDashboardForInvestor = { currency: d.currency, window: d.window };
  if (shared.has("financials") && d.financials) {
    const f = d.financials;
    if (f.kind !== "ready" || !f.debtServiceIncluded || shared.has("funding_debt")) dashboard.financials = f;
    else if (report.headlineWithoutDebt) dashboard.financials = { ...f, headline: report.headlineWithoutDebt, debtServiceIncluded: false };
  }
  if (shared.has("financials") && shared.has("budgets") && d.budget !== undefined) dashboard.budget = d.budget;
  if (shared.has("funding_debt") && d.fundingDebt) dashboard.fundingDebt = d.fundingDebt;
  if (shared.has("risks") && d.risks) dashboard.risks = storedRiskView(d.risks);
  const result: CompanyReport = { name: report.name, currency: report.currency, sections: intersectSections(report.sections, sections), dashboard };
  if (shared.has("updates") && report.updates) result.updates = report.updates;
  return result;
}

/**
 * A stored risk view as the page reads it. A snapshot stored before issue #15 counted accepted
 * risks on its heat map and kept `closedCount` (closed only): its counts cannot be recounted, so
 * it is marked `countsAccepted` and its card says what it counts.
 */
function storedRiskView(risks: RiskView | (Omit<RiskView, "leftOutCount"> & { closedCount?: number })): RiskView {
  if ("leftOutCount" in risks && typeof risks.leftOutCount === "number") return risks;
  const { closedCount, ...rest } = risks as Omit<RiskView, "leftOutCount"> & { closedCount?: number };
  return { ...rest, leftOutCount: closedCount ?? 0, countsAccepted: true };
}

/**
 * A frozen snapshot cut down to the investor's current grants (`allowed`: company → shared
 * sections): companies without an approved grant leave it, the others keep only what their
 * grant still shares. Stored back by the investor's sync (share-link.server.ts
 * pruneFrozenSnapshots), so the snapshot is no copy of what the grants stopped sharing.
 */
export function restrictSnapshot(snapshot: ShareSnapshot, allowed: ReadonlyMap<string, readonly GrantSection[]>): ShareSnapshot {
  return {
    ...snapshot,
    companies: snapshot.companies.flatMap((stored) => {
      const sections = allowed.get(stored.orgId);
      if (!sections) return [];
      const kept: StoredCompanyReport = { orgId: stored.orgId, ...restrictCompanyReport(stored, sections) };
      if (stored.headlineWithoutDebt && kept.dashboard.financials?.kind === "ready" && kept.dashboard.financials.debtServiceIncluded) {
        kept.headlineWithoutDebt = stored.headlineWithoutDebt;
      }
      return [kept];
    }),
  };
}

/** The "today" a report is computed for: a frozen one stands at the end of its month (or now, if earlier). */
export function reportToday(now: Date, throughMonth: Month | null): IsoDate {
  const today = now.toISOString().slice(0, 10);
  if (!throughMonth) return today;
  const end = `${throughMonth}-${String(daysInMonth(throughMonth)).padStart(2, "0")}`;
  return end < today ? end : today;
}

export interface ReportLink {
  orgId: string;
  label: string;
  scope: ShareScope;
  companyOrgIds: string[];
  sections: GrantSection[];
  mode: "live" | "frozen";
  frozenMonth: Month | null;
  snapshot: ShareSnapshot | null;
  issuer: ReportIssuer;
}

/**
 * The report a link shows, read in the issuer's read-only tenant transaction. Live: read now.
 * Frozen: the stored snapshot — but for an investor's link the grants are checked again on
 * every view, so a company that revoked or narrowed its grant since drops out or loses the
 * sections it no longer shares.
 */
export async function getShareReport({ db }: SystemContext, link: ReportLink, now = new Date()): Promise<ShareReport> {
  const companies = await withTenant(
    db,
    link.orgId,
    async (tx): Promise<CompanyReport[]> => {
      const current = await resolveReportCompanies(tx, link.issuer, link);
      if (link.mode === "live" || !link.snapshot) {
        const read = await readCompanyReports(tx, current, { throughMonth: null, today: reportToday(now, null) });
        return read.map(({ orgId: _orgId, ...report }) => report);
      }
      const allowed = new Map(current.map((c) => [c.id, c.sections]));
      return link.snapshot.companies.flatMap(({ orgId, ...report }) => {
        const sections = allowed.get(orgId);
        return sections ? [restrictCompanyReport(report, sections)] : [];
      });
    },
    { readOnly: true },
  );
  return {
    label: link.label,
    issuer: link.issuer.name,
    scope: link.scope,
    mode: link.mode,
    frozenMonth: link.frozenMonth,
    generatedAt: link.mode === "frozen" && link.snapshot ? link.snapshot.generatedAt : now.toISOString(),
    sections: link.sections,
    companies,
  };
}
