import { describe, expect, it } from "vitest";
import { covenantBreach, covenantStatus, deadlineStatus, projectedCovenantBreach, reportDueDate, reportingStatus } from "./covenants";
import { forecastCashOut } from "./forecast";

describe("covenant breach: cash(m) below the facility's minimum cash", () => {
  it("breaches below the minimum, not at it", () => {
    expect(covenantBreach(499_999_99, 500_000_00)).toBe(true);
    expect(covenantBreach(500_000_00, 500_000_00)).toBe(false);
  });
});

describe("projected breach: the cash-out forecast crosses the minimum within 3 months", () => {
  const forecast = forecastCashOut({ cash: 1_000_000_00, month: "2026-04", averageNetBurn: 150_000_00 }).series;
  // Month ends: 850,000 (05), 700,000 (06), 550,000 (07), 400,000 (08)

  it("finds the first month below the minimum within 3 months", () => {
    expect(projectedCovenantBreach(forecast, 600_000_00)).toBe("2026-07");
  });

  it("ignores a crossing in the fourth month", () => {
    expect(projectedCovenantBreach(forecast, 500_000_00)).toBeNull();
    expect(projectedCovenantBreach(forecast, 500_000_00, 4)).toBe("2026-08");
  });

  it("reports a breach now before a projected one", () => {
    expect(covenantStatus(1_000_000_00, 2_000_000_00, forecast)).toEqual({ kind: "breach" });
    expect(covenantStatus(1_000_000_00, 600_000_00, forecast)).toEqual({ kind: "projected_breach", month: "2026-07" });
    expect(covenantStatus(1_000_000_00, 100_000_00, forecast)).toEqual({ kind: "ok" });
  });
});

describe("reporting deadline: month m's report is due by day 15 of the following month", () => {
  it("is due on the 15th of the next month by default", () => {
    expect(reportDueDate("2026-04")).toBe("2026-05-15");
    expect(reportDueDate("2026-12")).toBe("2027-01-15");
  });

  it("takes a facility's own due day, capped at the month's last day", () => {
    expect(reportDueDate("2026-01", 30)).toBe("2026-02-28");
    expect(reportDueDate("2026-04", 5)).toBe("2026-05-05");
    expect(() => reportDueDate("2026-04", 0)).toThrow(RangeError);
  });

  it("is due up to and including the due date, overdue the day after", () => {
    expect(reportingStatus("2026-04", false, "2026-05-15")).toEqual({ status: "due", dueDate: "2026-05-15" });
    expect(reportingStatus("2026-04", false, "2026-05-16")).toEqual({ status: "overdue", dueDate: "2026-05-15" });
  });

  it("is reported once the report is in, whenever today is", () => {
    expect(reportingStatus("2026-04", true, "2026-09-01").status).toBe("reported");
  });

  it("is late when the report came in after its due date, on time when it came in on the due date", () => {
    expect(deadlineStatus("2026-04", "2026-05-15", "2026-09-01")).toEqual({ status: "reported", dueDate: "2026-05-15" });
    expect(deadlineStatus("2026-04", "2026-05-16", "2026-09-01")).toEqual({ status: "late", dueDate: "2026-05-15" });
    expect(deadlineStatus("2026-04", null, "2026-05-16").status).toBe("overdue");
    expect(deadlineStatus("2026-04", null, "2026-05-10").status).toBe("due");
  });
});
