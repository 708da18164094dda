import { assertMinorUnits } from "./money";
import { addMonths, compareIsoDates, daysInMonth, type IsoDate, type Month } from "./month";
import type { CashPoint } from "./forecast";

/** covenant breach: cash(m) below the facility's minimum cash. */
export function covenantBreach(cash: number, minimumCash: number): boolean {
  assertMinorUnits(cash, "cash");
  assertMinorUnits(minimumCash, "minimumCash");
  return cash < minimumCash;
}

/**
 * Projected breach: the cash-out forecast (`forecastCashOut(...).series`) goes below the
 * minimum within the next `withinMonths` months (3 by default). Returns the first such
 * month, or null.
 */
export function projectedCovenantBreach(forecast: readonly CashPoint[], minimumCash: number, withinMonths = 3): Month | null {
  assertMinorUnits(minimumCash, "minimumCash");
  const hit = forecast.slice(0, withinMonths).find((point) => point.closingCash < minimumCash);
  return hit?.month ?? null;
}

export type CovenantStatus = { readonly kind: "ok" } | { readonly kind: "breach" } | { readonly kind: "projected_breach"; readonly month: Month };

/** A breach now outranks a projected one: that is the alert a lender acts on. */
export function covenantStatus(cash: number, minimumCash: number, forecast: readonly CashPoint[], withinMonths = 3): CovenantStatus {
  if (covenantBreach(cash, minimumCash)) return { kind: "breach" };
  const month = projectedCovenantBreach(forecast, minimumCash, withinMonths);
  return month === null ? { kind: "ok" } : { kind: "projected_breach", month };
}

/** The product's default: the report for month m is due by day 15 of the following month. */
export const DEFAULT_REPORT_DUE_DAY = 15;

/** The due date of month m's report; a due day past the month's end means its last day. */
export function reportDueDate(reportMonth: Month, dueDay = DEFAULT_REPORT_DUE_DAY): IsoDate {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) throw new RangeError("Due day must be 1–31");
  const next = addMonths(reportMonth, 1);
  const day = Math.min(dueDay, daysInMonth(next));
  return `${next}-${String(day).padStart(2, "0")}`;
}

export type ReportingStatus = "reported" | "due" | "overdue";

/**
 * Status of month m's report on `today`: reported once it is in; otherwise overdue
 * from the day after the due date, and due until then (a report is "in by day 15" if it
 * arrives on the 15th).
 */
export function reportingStatus(
  reportMonth: Month,
  reported: boolean,
  today: IsoDate,
  dueDay = DEFAULT_REPORT_DUE_DAY,
): { readonly status: ReportingStatus; readonly dueDate: IsoDate } {
  const dueDate = reportDueDate(reportMonth, dueDay);
  if (reported) return { status: "reported", dueDate };
  return { status: compareIsoDates(today, dueDate) > 0 ? "overdue" : "due", dueDate };
}

/** A reporting deadline's status: "late" is a report that came in after its due date. */
export type DeadlineStatus = ReportingStatus | "late";

/**
 * Status of month m's report against a lender's reporting deadline on `today`: on time when it
 * came in by the due date, late (amber, with the day it came in) after it; not in yet: due,
 * then overdue from the day after the due date.
 */
export function deadlineStatus(
  reportMonth: Month,
  submittedOn: IsoDate | null,
  today: IsoDate,
  dueDay = DEFAULT_REPORT_DUE_DAY,
): { readonly status: DeadlineStatus; readonly dueDate: IsoDate } {
  const { status, dueDate } = reportingStatus(reportMonth, submittedOn !== null, today, dueDay);
  if (submittedOn !== null && compareIsoDates(submittedOn, dueDate) > 0) return { status: "late", dueDate };
  return { status, dueDate };
}
