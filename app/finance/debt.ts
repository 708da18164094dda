import { assertMinorUnits, divideRounded } from "./money";
import { addMonths, type Month } from "./month";

export type RepaymentType = "bullet" | "amortizing" | "interest_only_then_amortizing";

export interface DebtTerms {
  /** Minor units drawn. */
  readonly principal: number;
  /** Annual interest rate in basis points: 1200 = 12.00 %. Integers keep rates exact. */
  readonly annualRateBps: number;
  readonly drawMonth: Month;
  readonly termMonths: number;
  readonly repayment: RepaymentType;
  /** Only for interest_only_then_amortizing: months of interest-only before amortizing. */
  readonly interestOnlyMonths?: number | undefined;
}

export interface ScheduleRow {
  readonly month: Month;
  readonly interest: number;
  readonly principal: number;
  readonly payment: number;
  readonly outstandingAfter: number;
}

/** A month's interest on a balance: balance × rate / 12, rounded half-up to a minor unit, exactly. */
export function monthlyInterest(balance: number, annualRateBps: number): number {
  return divideRounded(BigInt(balance) * BigInt(annualRateBps), 12n * 10_000n);
}

/**
 * The annuity payment P·i / (1 − (1 + i)^−n), rounded half-up to a minor unit.
 * The rounding error is not lost: the schedule's last payment absorbs it.
 */
export function annuityPayment(principal: number, annualRateBps: number, months: number): number {
  if (months <= 0) throw new RangeError("An annuity needs at least one month");
  if (annualRateBps === 0) return divideRounded(principal, months);
  const i = annualRateBps / 10_000 / 12;
  return Math.round((principal * i) / (1 - (1 + i) ** -months));
}

function validate(terms: DebtTerms): number {
  assertMinorUnits(terms.principal, "principal");
  if (terms.principal <= 0) throw new RangeError("Principal must be positive");
  if (!Number.isInteger(terms.annualRateBps) || terms.annualRateBps < 0 || terms.annualRateBps > 100_000) {
    throw new RangeError("Annual rate must be whole basis points between 0 and 100000");
  }
  if (!Number.isInteger(terms.termMonths) || terms.termMonths < 1 || terms.termMonths > 600) {
    throw new RangeError("Term must be 1 to 600 whole months");
  }
  const ioMonths = terms.repayment === "interest_only_then_amortizing" ? (terms.interestOnlyMonths ?? 0) : 0;
  if (!Number.isInteger(ioMonths) || ioMonths < 0 || ioMonths >= terms.termMonths) {
    throw new RangeError("Interest-only months must be a whole number below the term");
  }
  return ioMonths;
}

/**
 * The month-by-month schedule. Payments start the month after the draw and run for the
 * term. Interest is rounded each month; principal is exact: the rows' principal always
 * sums to the amount drawn, because the final row repays whatever is outstanding.
 */
export function debtSchedule(terms: DebtTerms): ScheduleRow[] {
  const interestOnlyMonths = validate(terms);
  const amortizingFrom = terms.repayment === "bullet" ? terms.termMonths : interestOnlyMonths;
  const rows: ScheduleRow[] = [];
  let outstanding = terms.principal;
  let payment = 0;
  for (let k = 1; k <= terms.termMonths; k++) {
    const interest = monthlyInterest(outstanding, terms.annualRateBps);
    if (k === amortizingFrom + 1) {
      payment = annuityPayment(outstanding, terms.annualRateBps, terms.termMonths - amortizingFrom);
    }
    let principal = 0;
    if (k === terms.termMonths) principal = outstanding;
    else if (k > amortizingFrom) principal = Math.min(outstanding, Math.max(0, payment - interest));
    outstanding -= principal;
    rows.push({ month: addMonths(terms.drawMonth, k), interest, principal, payment: interest + principal, outstandingAfter: outstanding });
  }
  return rows;
}

/** Debt service (interest + principal) per month across facilities, for the cash forecasts. */
export function debtServiceByMonth(facilities: readonly DebtTerms[]): Map<Month, number> {
  const service = new Map<Month, number>();
  for (const facility of facilities) {
    for (const row of debtSchedule(facility)) {
      service.set(row.month, (service.get(row.month) ?? 0) + row.payment);
    }
  }
  return service;
}
