import { describe, expect, it } from "vitest";
import { annuityPayment, debtSchedule, debtServiceByMonth, monthlyInterest, type DebtTerms } from "./debt";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const loan = (overrides: Partial<DebtTerms>): DebtTerms => ({
  principal: 100_000_00,
  annualRateBps: 1200, // 12.00 % a year, 1 % a month
  drawMonth: "2026-04",
  termMonths: 12,
  repayment: "amortizing",
  ...overrides,
});

describe("bullet: monthly interest, principal at maturity", () => {
  const rows = debtSchedule(loan({ repayment: "bullet", termMonths: 6 }));

  it("starts paying the month after the draw and runs for the term", () => {
    expect(rows.map((r) => r.month)).toEqual(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]);
  });

  it("charges interest only until maturity, then repays all principal", () => {
    expect(rows.slice(0, 5).every((r) => r.interest === 1_000_00 && r.principal === 0 && r.payment === 1_000_00)).toBe(true);
    expect(rows.slice(0, 5).every((r) => r.outstandingAfter === 100_000_00)).toBe(true);
    expect(rows[5]).toEqual({ month: "2026-10", interest: 1_000_00, principal: 100_000_00, payment: 101_000_00, outstandingAfter: 0 });
  });
});

describe("amortizing: equal monthly payments by the annuity formula", () => {
  const rows = debtSchedule(loan({}));

  it("pays 8,884.88 a month on 100,000 at 12 % over 12 months", () => {
    expect(annuityPayment(100_000_00, 1200, 12)).toBe(8_884_88);
    expect(rows.slice(0, 11).every((r) => r.payment === 8_884_88)).toBe(true);
  });

  it("splits each payment into interest on the balance and principal", () => {
    expect(rows[0]).toEqual({ month: "2026-05", interest: 1_000_00, principal: 7_884_88, payment: 8_884_88, outstandingAfter: 92_115_12 });
    expect(rows[1]!.interest).toBe(921_15); // 1 % of 92,115.12, rounded half-up
  });

  it("repays exactly the principal: the last payment absorbs rounding", () => {
    expect(sum(rows.map((r) => r.principal))).toBe(100_000_00);
    expect(rows.at(-1)!.outstandingAfter).toBe(0);
    expect(Math.abs(rows.at(-1)!.payment - 8_884_88)).toBeLessThanOrEqual(12);
  });

  it("with a zero rate, repays principal in equal parts", () => {
    const free = debtSchedule(loan({ annualRateBps: 0, principal: 100_00, termMonths: 3 }));
    expect(free.map((r) => r.payment)).toEqual([33_33, 33_33, 33_34]);
    expect(free.every((r) => r.interest === 0)).toBe(true);
  });
});

describe("interest-only for N months, then amortizing over the rest of the term", () => {
  const rows = debtSchedule(loan({ repayment: "interest_only_then_amortizing", interestOnlyMonths: 3, termMonths: 12 }));

  it("pays interest only for the first N months", () => {
    expect(rows.slice(0, 3).map((r) => [r.interest, r.principal])).toEqual([
      [1_000_00, 0],
      [1_000_00, 0],
      [1_000_00, 0],
    ]);
  });

  it("then pays the annuity over the remaining 9 months and repays exactly the principal", () => {
    const payment = annuityPayment(100_000_00, 1200, 9);
    expect(rows.slice(3, 11).every((r) => r.payment === payment)).toBe(true);
    expect(sum(rows.map((r) => r.principal))).toBe(100_000_00);
    expect(rows.at(-1)!.outstandingAfter).toBe(0);
    expect(rows).toHaveLength(12);
  });

  it("with zero interest-only months is a plain amortizing loan", () => {
    expect(debtSchedule(loan({ repayment: "interest_only_then_amortizing", interestOnlyMonths: 0 }))).toEqual(debtSchedule(loan({})));
  });

  it("refuses an interest-only period as long as the term (that is a bullet)", () => {
    expect(() => debtSchedule(loan({ repayment: "interest_only_then_amortizing", interestOnlyMonths: 12 }))).toThrow(RangeError);
  });
});

describe("terms are validated", () => {
  it.each([{ principal: 0 }, { principal: 10.5 }, { annualRateBps: -1 }, { annualRateBps: 12.5 }, { termMonths: 0 }, { drawMonth: "2026-13" }])(
    "refuses %o",
    (overrides) => {
      expect(() => debtSchedule(loan(overrides))).toThrow(RangeError);
    },
  );

  it("rounds a month's interest half-up, exactly, even on huge balances", () => {
    expect(monthlyInterest(50, 1200)).toBe(1); // 0.5 → 1
    expect(monthlyInterest(49, 1200)).toBe(0);
    expect(monthlyInterest(9_000_000_000_000_000, 1200)).toBe(90_000_000_000_000);
  });
});

describe("debt service by month aggregates several facilities", () => {
  it("adds payments falling in the same month", () => {
    const service = debtServiceByMonth([
      loan({ repayment: "bullet", termMonths: 2 }),
      loan({ repayment: "bullet", termMonths: 1, principal: 10_000_00, drawMonth: "2026-05" }),
    ]);
    expect(service.get("2026-05")).toBe(1_000_00);
    expect(service.get("2026-06")).toBe(1_000_00 + 100_000_00 + 100_00 + 10_000_00);
    expect(service.get("2026-07")).toBeUndefined();
    expect(debtServiceByMonth([]).size).toBe(0);
  });
});
