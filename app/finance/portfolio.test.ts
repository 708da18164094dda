import { describe, expect, it } from "vitest";
import { addMonths, daysInMonth, monthsBetween } from "./month";
import {
  classifyByBoundaries,
  portfolioReportingStatus,
  reportingStatusBoundaries,
  monthsOfCashBeforeCashOut,
  runwayLevelOfStored,
  runwayThresholdsText,
} from "./portfolio";

describe("portfolio reporting status", () => {
  it("is reported while the month after the last report has not ended", () => {
    expect(portfolioReportingStatus("2026-04", "2026-05-20")).toEqual({ status: "reported", expectedMonth: "2026-05", dueDate: "2026-06-15" });
    expect(portfolioReportingStatus("2026-05", "2026-05-02").status).toBe("reported");
  });

  it("is due until day 15 of the following month, overdue from day 16", () => {
    // Last report March: April's report is owed, due 2026-05-15.
    expect(portfolioReportingStatus("2026-03", "2026-05-01")).toEqual({ status: "due", expectedMonth: "2026-04", dueDate: "2026-05-15" });
    expect(portfolioReportingStatus("2026-03", "2026-05-15").status).toBe("due");
    expect(portfolioReportingStatus("2026-03", "2026-05-16").status).toBe("overdue");
    expect(portfolioReportingStatus("2025-12", "2026-05-01")).toMatchObject({ status: "overdue", expectedMonth: "2026-01", dueDate: "2026-02-15" });
  });

  it("honours another due day, capped at the month's end", () => {
    expect(portfolioReportingStatus("2026-03", "2026-05-05", 5).status).toBe("due");
    expect(portfolioReportingStatus("2026-03", "2026-05-06", 5).status).toBe("overdue");
    expect(portfolioReportingStatus("2025-12", "2026-02-28", 31)).toMatchObject({ status: "due", dueDate: "2026-02-28" });
  });

  it("gives the same answer as the month boundaries the SQL compares against, for every day of a year", () => {
    const lastMonths = monthsBetween("2024-10", "2026-12");
    for (const dueDay of [1, 15, 28, 31]) {
      for (const month of monthsBetween("2025-01", "2025-12")) {
        for (let day = 1; day <= daysInMonth(month); day++) {
          const today = `${month}-${String(day).padStart(2, "0")}`;
          const bounds = reportingStatusBoundaries(today, dueDay);
          for (const last of lastMonths) {
            expect(classifyByBoundaries(last, bounds), `${last} on ${today}, due day ${dueDay}`).toBe(portfolioReportingStatus(last, today, dueDay).status);
          }
        }
      }
    }
  });

  it("puts the boundaries one and two months back", () => {
    expect(reportingStatusBoundaries("2026-05-10")).toEqual({ reportedFrom: "2026-04", dueFrom: "2026-03" });
    expect(reportingStatusBoundaries("2026-05-16")).toEqual({ reportedFrom: "2026-04", dueFrom: "2026-04" });
    expect(reportingStatusBoundaries("2026-01-03")).toEqual({ reportedFrom: addMonths("2026-01", -1), dueFrom: "2025-11" });
  });
});

describe("runway level of a stored runway", () => {
  const defaults = { cautionBelowMonths: 6, criticalBelowMonths: 3 };
  it("uses the thresholds as strict upper bounds", () => {
    expect(runwayLevelOfStored(2.9, defaults)).toBe("critical");
    expect(runwayLevelOfStored(3, defaults)).toBe("caution");
    expect(runwayLevelOfStored(5.9, defaults)).toBe("caution");
    expect(runwayLevelOfStored(6, defaults)).toBe("ok");
    expect(runwayLevelOfStored(0, defaults)).toBe("critical");
    expect(runwayLevelOfStored(null, defaults)).toBe("not_burning");
    expect(runwayLevelOfStored(8, { cautionBelowMonths: 9.5, criticalBelowMonths: 4 })).toBe("caution");
  });

  it("counts the whole months of cash before a cash-out month: cash-out in m + k leaves k − 1", () => {
    expect(monthsOfCashBeforeCashOut("2026-04", "2026-05")).toBe(0);
    expect(monthsOfCashBeforeCashOut("2026-04", "2026-07")).toBe(2);
    // The same count a burning company's runway gives: 3.0 months (300 at 100 a month) is out in m + 4.
    expect(monthsOfCashBeforeCashOut("2026-04", "2026-08")).toBe(3);
  });

  it("levels a company that is not burning by its cash-out month when debt service ahead exhausts its cash", () => {
    // Not burning, but a bullet repayment takes cash below zero in 2026-07: 2 whole months left.
    expect(runwayLevelOfStored(null, defaults, { month: "2026-04", cashOutMonth: "2026-07" })).toBe("critical");
    expect(runwayLevelOfStored(null, defaults, { month: "2026-04", cashOutMonth: "2026-08" })).toBe("caution");
    expect(runwayLevelOfStored(null, defaults, { month: "2026-04", cashOutMonth: "2026-11" })).toBe("not_burning");
    expect(runwayLevelOfStored(null, defaults, { month: "2026-04", cashOutMonth: null })).toBe("not_burning");
    // A burning company keeps its runway's level.
    expect(runwayLevelOfStored(9.2, defaults, { month: "2026-04", cashOutMonth: "2027-02" })).toBe("ok");
  });

  it("says the thresholds in words", () => {
    expect(runwayThresholdsText(defaults)).toBe("critical under 3 months, caution under 6 months, ok from 6 months");
    expect(runwayThresholdsText({ cautionBelowMonths: 9.5, criticalBelowMonths: 4 })).toBe(
      "critical under 4 months, caution under 9.5 months, ok from 9.5 months",
    );
  });
});
