import { and, asc, eq, like } from "drizzle-orm";
import type { Tx } from "~db/client";
import { budgets, debtFacilities, fundingRounds, monthlyReports, orgs, risks } from "~db/schema";
import { withTenant } from "~db/tenant";
import { DEFAULT_RISK_BANDS, isoDateOfDate, type BurnWindow, type IsoDate } from "~/finance";
import type { CompanyAccess } from "./company-access.server";
import type { OrgContext } from "~/auth/context";
import type { CompanyDashboardForInvestor, StartupDashboard } from "~/views/dashboard";
import {
  buildCompanyDashboardForInvestor,
  buildStartupDashboard,
  type BudgetInputRow,
  type CompanySettings,
  type FacilityRow,
  type ReportRow,
  RISK_INPUT_COLUMNS,
  type RiskInputRow,
  type RoundInputRow,
  type SharedRows,
} from "./dashboard-view.server";

export type * from "~/views/dashboard";
export { CASH_HISTORY_MONTHS, DEBT_LOOKAHEAD_MONTHS, SPEND_HISTORY_MONTHS } from "./dashboard-view.server";

export const DASHBOARD_WINDOWS = [1, 3, 6] as const satisfies readonly BurnWindow[];
export const DEFAULT_DASHBOARD_WINDOW: BurnWindow = 3;

/** `?window=` from the URL: 1, 3 or 6; anything else falls back to the default of 3. */
export function parseDashboardWindow(value: string | null | undefined): BurnWindow {
  const n = Number(value);
  return (DASHBOARD_WINDOWS as readonly number[]).includes(n) ? (n as BurnWindow) : DEFAULT_DASHBOARD_WINDOW;
}

export interface DashboardOptions {
  window?: BurnWindow;
  today?: IsoDate;
}

/** The startup's own dashboard: its tenant transaction, every section. */
export async function getStartupDashboard(ctx: OrgContext, options: DashboardOptions = {}): Promise<StartupDashboard> {
  const companyId = ctx.org.id;
  const rows = await withTenant(
    ctx.db,
    companyId,
    async (tx) => {
      const reports = await readReports(tx, companyId);
      const latest = reports.at(-1);
      if (!latest) return null;
      const settings = await readSettings(tx, companyId);
      return {
        ...settings,
        reports,
        budgets: await readBudgets(tx, companyId, latest.month.slice(0, 4)),
        facilities: await readFacilities(tx, companyId),
        rounds: await readRounds(tx, companyId),
        risks: await readRisks(tx, companyId),
      };
    },
    { readOnly: true },
  );
  if (rows === null) return { kind: "empty", currency: ctx.org.baseCurrency };
  return buildStartupDashboard(rows, {
    currency: ctx.org.baseCurrency,
    window: options.window ?? DEFAULT_DASHBOARD_WINDOW,
    today: options.today ?? isoDateOfDate(new Date()),
  });
}

/**
 * A portfolio company's dashboard as an investor reads it, inside the investor's read-only
 * tenant transaction the caller opened (the company view reads all its parts in one; row-level
 * security applies the grant again). Every query is filtered to this company — in an investor
 * transaction RLS alone would return every granted company — and only the sections `access`
 * shares are read at all: unshared sections are absent from the result, not merely hidden by
 * the page. The shared sections are read side by side: on PostgreSQL they travel pipelined on
 * the one connection.
 */
export async function companyDashboardForInvestorIn(
  tx: Tx,
  ctx: OrgContext,
  access: CompanyAccess,
  options: DashboardOptions = {},
): Promise<CompanyDashboardForInvestor> {
  if (ctx.org.kind !== "investor") throw new Error("companyDashboardForInvestorIn: not an investor org");
  const companyId = access.company.id;
  const shared = new Set(access.sections);
  const financials = async (): Promise<Pick<SharedRows, "reports" | "budgets">> => {
    const reports = await readReports(tx, companyId);
    const latest = reports.at(-1);
    if (!shared.has("budgets")) return { reports };
    return { reports, budgets: latest ? await readBudgets(tx, companyId, latest.month.slice(0, 4)) : [] };
  };
  const [settings, fin, facilities, rounds, risks] = await Promise.all([
    readSettings(tx, companyId),
    shared.has("financials") ? financials() : {},
    shared.has("funding_debt") ? readFacilities(tx, companyId) : null,
    shared.has("funding_debt") ? readRounds(tx, companyId) : null,
    shared.has("risks") ? readRisks(tx, companyId) : null,
  ]);
  const rows: SharedRows = { ...settings, ...fin };
  if (facilities && rounds) Object.assign(rows, { facilities, rounds });
  if (risks) rows.risks = risks;
  return buildCompanyDashboardForInvestor(rows, access.sections, {
    currency: access.company.baseCurrency,
    window: options.window ?? DEFAULT_DASHBOARD_WINDOW,
    today: options.today ?? isoDateOfDate(new Date()),
  });
}

// ---------------------------------------------------------------------------------------
// Reading. Each query names the company explicitly; RLS is the second lock, not the first.

function readReports(tx: Tx, companyId: string): Promise<ReportRow[]> {
  return tx.select().from(monthlyReports).where(eq(monthlyReports.orgId, companyId)).orderBy(asc(monthlyReports.month));
}

async function readSettings(tx: Tx, companyId: string): Promise<CompanySettings> {
  const [org] = await tx
    .select({
      threshold: orgs.budgetOverrunThresholdBp,
      mediumFrom: orgs.riskMediumFrom,
      highFrom: orgs.riskHighFrom,
      criticalFrom: orgs.riskCriticalFrom,
    })
    .from(orgs)
    .where(eq(orgs.id, companyId));
  return {
    overrunThresholdBp: org?.threshold ?? 1000,
    riskBands: org ? { mediumFrom: org.mediumFrom, highFrom: org.highFrom, criticalFrom: org.criticalFrom } : DEFAULT_RISK_BANDS,
  };
}

function readBudgets(tx: Tx, companyId: string, fiscalYear: string): Promise<BudgetInputRow[]> {
  return tx
    .select({ month: budgets.month, category: budgets.category, amount: budgets.amount })
    .from(budgets)
    .where(and(eq(budgets.orgId, companyId), like(budgets.month, `${fiscalYear}-%`)));
}

function readFacilities(tx: Tx, companyId: string): Promise<FacilityRow[]> {
  return tx.select().from(debtFacilities).where(eq(debtFacilities.orgId, companyId)).orderBy(asc(debtFacilities.drawDate));
}

function readRounds(tx: Tx, companyId: string): Promise<RoundInputRow[]> {
  return tx
    .select({ instrument: fundingRounds.instrument, amount: fundingRounds.amount, currency: fundingRounds.currency, closeDate: fundingRounds.closeDate })
    .from(fundingRounds)
    .where(eq(fundingRounds.orgId, companyId))
    .orderBy(asc(fundingRounds.closeDate));
}

function readRisks(tx: Tx, companyId: string): Promise<RiskInputRow[]> {
  return tx.select(RISK_INPUT_COLUMNS).from(risks).where(eq(risks.orgId, companyId));
}
