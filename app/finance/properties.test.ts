import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageNetBurn } from "./burn";
import { debtSchedule, type RepaymentType } from "./debt";
import { cashOutMonth, defaultAlive } from "./forecast";
import { addMonths, monthDiff } from "./month";
import { runway } from "./runway";

const money = fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 });
const month = fc.integer({ min: 0, max: 12 * 100 }).map((k) => addMonths("1990-01", k));
const months = (result: string) => (result === "beyond_10_years" ? 121 : monthDiff("2026-04", result));

describe("properties", () => {
  it("every schedule repays exactly the principal and ends at zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000_00 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 360 }),
        fc.constantFrom<RepaymentType>("bullet", "amortizing", "interest_only_then_amortizing"),
        fc.nat(),
        (principal, annualRateBps, termMonths, repayment, io) => {
          const rows = debtSchedule({ principal, annualRateBps, drawMonth: "2026-04", termMonths, repayment, interestOnlyMonths: io % termMonths });
          expect(rows.reduce((s, r) => s + r.principal, 0)).toBe(principal);
          expect(rows.at(-1)!.outstandingAfter).toBe(0);
          expect(rows.every((r) => r.principal >= 0 && r.interest >= 0 && r.payment === r.interest + r.principal)).toBe(true);
        },
      ),
    );
  });

  it("runway is never negative, zero-divided or NaN", () => {
    fc.assert(
      fc.property(money, money, (cash, burn) => {
        const r = runway(cash, burn);
        if (burn <= 0) expect(r.kind).toBe("not_burning");
        else expect(r.kind === "months" && Number.isFinite(r.months) && r.months >= 0).toBe(true);
      }),
    );
  });

  it("the cash-out month is never earlier when burn decreases", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), money, fc.integer({ min: 0, max: 1_000_000_00 }), (cash, burn, cut) => {
        const before = cashOutMonth({ cash, month: "2026-04", averageNetBurn: burn });
        const after = cashOutMonth({ cash, month: "2026-04", averageNetBurn: burn - cut });
        expect(months(after)).toBeGreaterThanOrEqual(months(before));
      }),
    );
  });

  it("average net burn lies between the smallest and largest net burn in the window", () => {
    fc.assert(
      fc.property(fc.uniqueArray(month, { minLength: 1, maxLength: 12 }), fc.array(money, { minLength: 12, maxLength: 12 }), (ms, burns) => {
        const reports = ms.map((m, i) => ({ month: m, spend: { other: burns[i]! }, revenue: 0 }));
        const latest = ms.reduce((a, b) => (monthDiff(a, b) > 0 ? b : a));
        const avg = averageNetBurn(reports, latest, 6);
        const used = reports.filter((r) => monthDiff(r.month, latest) < 6 && monthDiff(r.month, latest) >= 0).map((r) => r.spend.other);
        expect(avg.monthsUsed).toBe(used.length);
        expect(avg.shortHistory).toBe(used.length < 6);
        expect(avg.value!).toBeGreaterThanOrEqual(Math.min(...used));
        expect(avg.value!).toBeLessThanOrEqual(Math.max(...used));
      }),
    );
  });

  it("default alive names a month exactly when it decides, and more cash never turns alive into dead", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_00 }),
        fc.integer({ min: 0, max: 500_000_00 }),
        fc.option(fc.integer({ min: 0, max: 500_000_00 })),
        fc.integer({ min: 0, max: 500_000_00 }),
        fc.integer({ min: 0, max: 5_000_000_00 }),
        (cash, revenue, revenueThreeMonthsAgo, expenses, extra) => {
          const input = { month: "2026-04", cash, revenue, revenueThreeMonthsAgo, expenses };
          const result = defaultAlive(input);
          expect(result.month === null).toBe(result.outcome === "undecided");
          if (result.alive) expect(defaultAlive({ ...input, cash: cash + extra }).alive).toBe(true);
        },
      ),
    );
  });
});
