import { and, asc, desc, eq, gte } from "drizzle-orm";
import { debtFacilities, monthlyReports } from "~db/schema";
import { withTenant } from "~db/tenant";
import {
  addMonths,
  compareMonths,
  covenantBreach,
  debtSchedule,
  debtServiceByMonth,
  isoDateOfDate,
  monthsBetween,
  deadlineStatus,
  type IsoDate,
  type Month,
  type RepaymentType,
  type DeadlineStatus,
  type ScheduleRow,
} from "~/finance";
import { messageRef } from "~/i18n/translate";
import { isUuid } from "~/domain/bounds";
import { debtTermsOf, type DebtFacilityInput } from "~/domain/debt-facility";
import type { DebtKind } from "~/domain/instruments";
import { refreshCompanyMetrics } from "./company-metrics.server";
import type { OrgContext } from "~/auth/context";
import { assertCanEdit } from "./funding-round.server";
import { conflictError } from "./versioning.server";
import { type AuditedRecord, createAudited, deleteAudited, updateAudited } from "./audited-edit.server";
import { records_debt_notFound } from "~/paraglide/messages/records_debt_notfound1.js";
import { records_debt_what } from "~/paraglide/messages/records_debt_what.js";
import { readInOrg } from "./org-read.server";

export type { DebtFacilityInput };
export type DebtFacilityRow = typeof debtFacilities.$inferSelect;
export interface DebtFacility extends DebtFacilityRow {
  kind: DebtKind;
  repaymentType: RepaymentType;
}

export interface DebtFacilitySummary extends DebtFacility {
  maturityMonth: Month;
  /** Outstanding after the last scheduled payment up to and including the current month. */
  outstandingNow: number;
  nextPayment: { month: Month; payment: number } | null;
  /**
   * The minimum-cash covenant against the latest report since the draw (covenant breach:
   * cash(m) below the minimum). Null without the covenant, without such a report, or when the
   * facility is in another currency than the reports.
   */
  minimumCashCheck: MinimumCashCheck | null;
  /** Last month's report against the reporting deadline; null without a deadline or before the first month due. */
  lastReporting: ReportingCheck | null;
}

interface LatestReports {
  latest: { month: Month; cash: number } | null;
  lastMonth: { month: Month; createdAt: Date | string } | null;
}

function summarise(row: DebtFacilityRow, today: IsoDate, reports: LatestReports, baseCurrency: string): DebtFacilitySummary {
  const currentMonth = today.slice(0, 7);
  const schedule = debtSchedule(debtTermsOf(row));
  const paid = schedule.filter((r) => compareMonths(r.month, currentMonth) <= 0);
  const next = schedule.find((r) => compareMonths(r.month, currentMonth) > 0) ?? null;
  const maturity = schedule.at(-1);
  if (!maturity) throw new Error("debtSchedule: a facility has at least one scheduled month");
  const drawMonth = row.drawDate.slice(0, 7);
  const latest = reports.latest;
  const minimumCashCheck =
    row.minimumCash === null || row.currency !== baseCurrency || latest === null || compareMonths(latest.month, drawMonth) < 0
      ? null
      : { month: latest.month, cash: latest.cash, breach: covenantBreach(latest.cash, row.minimumCash) };
  const lastMonth = addMonths(currentMonth, -1);
  let lastReporting: ReportingCheck | null = null;
  if (row.reportingDeadlineDay !== null && compareMonths(lastMonth, drawMonth) >= 0) {
    const submittedOn = reports.lastMonth ? isoDateOfDate(new Date(reports.lastMonth.createdAt)) : null;
    lastReporting = { month: lastMonth, submittedOn, ...deadlineStatus(lastMonth, submittedOn, today, row.reportingDeadlineDay) };
  }
  return {
    ...(row as DebtFacility),
    maturityMonth: maturity.month,
    outstandingNow: paid.at(-1)?.outstandingAfter ?? row.principal,
    nextPayment: next ? { month: next.month, payment: next.payment } : null,
    minimumCashCheck,
    lastReporting,
  };
}

/**
 * Every facility with its maturity, what is outstanding now, the next payment and its
 * covenants at a glance: minimum cash against the latest report, last month's reporting deadline.
 */
export async function listDebtFacilities(ctx: OrgContext, options: { today?: IsoDate } = {}): Promise<DebtFacilitySummary[]> {
  const today = options.today ?? isoDateOfDate(new Date());
  const lastMonth = addMonths(today.slice(0, 7), -1);
  const { rows, reports } = await readInOrg(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(debtFacilities)
      .where(eq(debtFacilities.orgId, ctx.org.id))
      .orderBy(desc(debtFacilities.drawDate), asc(debtFacilities.lender), asc(debtFacilities.id));
    if (rows.length === 0) return { rows, reports: { latest: null, lastMonth: null } };
    const [latest] = await tx
      .select({ month: monthlyReports.month, cash: monthlyReports.cash })
      .from(monthlyReports)
      .where(eq(monthlyReports.orgId, ctx.org.id))
      .orderBy(desc(monthlyReports.month))
      .limit(1);
    const [last] = await tx
      .select({ month: monthlyReports.month, createdAt: monthlyReports.createdAt })
      .from(monthlyReports)
      .where(and(eq(monthlyReports.orgId, ctx.org.id), eq(monthlyReports.month, lastMonth)));
    return { rows, reports: { latest: latest ?? null, lastMonth: last ?? null } };
  });
  return rows.map((row) => summarise(row, today, reports, ctx.org.baseCurrency));
}

/** The facility, or null when this org has no such facility (another org's id included). */
export async function getDebtFacility(ctx: OrgContext, id: string): Promise<DebtFacility | null> {
  if (!isUuid(id)) return null;
  const [row] = await readInOrg(ctx, (tx) =>
    tx
      .select()
      .from(debtFacilities)
      .where(and(eq(debtFacilities.orgId, ctx.org.id), eq(debtFacilities.id, id))),
  );
  return row ? (row as DebtFacility) : null;
}

export interface MinimumCashCheck {
  month: Month;
  cash: number;
  /** covenant breach: cash(m) below the facility's minimum cash. */
  breach: boolean;
}

export interface ReportingCheck {
  month: Month;
  /** "late": the report came in (was first saved) after its due date. */
  status: DeadlineStatus;
  dueDate: IsoDate;
  /**
   * The day the report was first saved, when it is in: the day it came in, judged against the
   * due date. A past month imported later carries the import day, so it reads as late — the
   * lender also only had it then.
   */
  submittedOn: IsoDate | null;
}

export interface DebtFacilityDetail {
  facility: DebtFacility;
  schedule: ScheduleRow[];
  /** Null when the facility has no minimum-cash covenant. */
  minimumCash: MinimumCashCheck[] | null;
  /** Null when the facility has no reporting deadline. */
  reporting: ReportingCheck[] | null;
  /** Reports are kept in the org's base currency; a facility in another one cannot be compared. */
  currencyMismatch: boolean;
}

/** How many of the most recent months' reporting deadlines the facility page shows. */
export const REPORTING_MONTHS_SHOWN = 3;

/**
 * The facility page: terms, the month-by-month schedule, and covenant checks — minimum
 * cash against every monthly report since the draw, and the reporting-deadline status of
 * the latest months' reports.
 */
export async function getDebtFacilityDetail(ctx: OrgContext, id: string, options: { today?: IsoDate } = {}): Promise<DebtFacilityDetail | null> {
  if (!isUuid(id)) return null;
  const today = options.today ?? isoDateOfDate(new Date());
  return readInOrg(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(debtFacilities)
      .where(and(eq(debtFacilities.orgId, ctx.org.id), eq(debtFacilities.id, id)));
    if (!row) return null;
    const drawMonth = row.drawDate.slice(0, 7);
    const reports = await tx
      .select({ month: monthlyReports.month, cash: monthlyReports.cash, createdAt: monthlyReports.createdAt })
      .from(monthlyReports)
      .where(and(eq(monthlyReports.orgId, ctx.org.id), gte(monthlyReports.month, drawMonth)))
      .orderBy(asc(monthlyReports.month));
    const currencyMismatch = row.currency !== ctx.org.baseCurrency;
    const minimumCash =
      row.minimumCash === null || currencyMismatch
        ? null
        : reports.map((r) => ({ month: r.month, cash: r.cash, breach: covenantBreach(r.cash, row.minimumCash as number) }));
    let reporting: ReportingCheck[] | null = null;
    if (row.reportingDeadlineDay !== null) {
      const dueDay = row.reportingDeadlineDay;
      const lastMonth = addMonths(today.slice(0, 7), -1);
      const firstShown = addMonths(lastMonth, -(REPORTING_MONTHS_SHOWN - 1));
      const from = compareMonths(firstShown, drawMonth) < 0 ? drawMonth : firstShown;
      const byMonth = new Map(reports.map((r) => [r.month, r]));
      reporting = monthsBetween(from, lastMonth)
        .reverse()
        .map((month) => {
          const report = byMonth.get(month);
          const submittedOn = report ? isoDateOfDate(new Date(report.createdAt)) : null;
          const { status, dueDate } = deadlineStatus(month, submittedOn, today, dueDay);
          return { month, status, dueDate, submittedOn };
        });
    }
    return { facility: row as DebtFacility, schedule: debtSchedule(debtTermsOf(row)), minimumCash, reporting, currencyMismatch };
  });
}

/**
 * Debt service (interest + principal) per month across the org's facilities, in minor units
 * of the base currency — what cash-out and default-alive forecasts subtract. A facility
 * recorded before the base currency changed is left out rather than added in the wrong unit.
 */
export async function debtServiceForOrg(ctx: OrgContext): Promise<Map<Month, number>> {
  const rows = await readInOrg(ctx, (tx) => tx.select().from(debtFacilities).where(eq(debtFacilities.orgId, ctx.org.id)));
  return debtServiceByMonth(rows.filter((r) => r.currency === ctx.org.baseCurrency).map(debtTermsOf));
}

function columnsFrom(input: DebtFacilityInput) {
  return {
    lender: input.lender,
    kind: input.kind,
    principal: input.principal,
    annualRateBp: input.annualRatePercent,
    drawDate: input.drawDate,
    termMonths: input.termMonths,
    repaymentType: input.repaymentType,
    interestOnlyMonths: input.repaymentType === "interest_only_then_amortizing" ? (input.interestOnlyMonths ?? 0) : 0,
    minimumCash: input.minimumCash,
    reportingDeadlineDay: input.reportingDeadlineDay,
  };
}

/** How rows are created, edited and deleted: each change with its audit entry. */
const FACILITIES: AuditedRecord<typeof debtFacilities> = {
  table: debtFacilities,
  entity: "debt_facility",
  refusals: { notFound: messageRef(records_debt_notFound), conflict: () => conflictError(records_debt_what) },
};

export async function createDebtFacility(ctx: OrgContext, input: DebtFacilityInput): Promise<DebtFacility> {
  assertCanEdit(ctx);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const row = await createAudited(tx, ctx, FACILITIES, { orgId: ctx.org.id, currency: ctx.org.baseCurrency, ...columnsFrom(input) });
    await refreshCompanyMetrics(tx, ctx.org.id);
    return row as DebtFacility;
  });
}

/** Saves an edit made on `version`; a concurrent save in between is a conflict, not an overwrite. */
export async function updateDebtFacility(ctx: OrgContext, id: string, version: number, input: DebtFacilityInput): Promise<DebtFacility> {
  assertCanEdit(ctx);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const row = await updateAudited(tx, ctx, FACILITIES, id, version, columnsFrom(input));
    await refreshCompanyMetrics(tx, ctx.org.id);
    return row as DebtFacility;
  });
}

/** Deletes the facility; with `version`, only if nobody changed it since it was read. */
export async function deleteDebtFacility(ctx: OrgContext, id: string, version?: number): Promise<void> {
  assertCanEdit(ctx);
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    await deleteAudited(tx, ctx, FACILITIES, id, version);
    await refreshCompanyMetrics(tx, ctx.org.id);
  });
}
