import { describe, expect, it } from "vitest";
import {
  addMonths,
  compareIsoDates,
  compareMonths,
  daysInMonth,
  isoDateOfDate,
  isValidIsoDate,
  isValidMonth,
  missingMonths,
  monthDiff,
  monthOfDate,
  monthRuns,
  monthsBetween,
} from "./month";

describe("months are calendar months written YYYY-MM", () => {
  it("accepts YYYY-MM and nothing else", () => {
    expect(isValidMonth("2026-04")).toBe(true);
    expect(isValidMonth("2026-12")).toBe(true);
    for (const bad of ["2026-4", "2026-13", "2026-00", "26-04", "2026-04-01", "", " 2026-04", 202604, null]) {
      expect(isValidMonth(bad)).toBe(false);
    }
  });

  it("adds and subtracts months across year ends", () => {
    expect(addMonths("2026-04", 1)).toBe("2026-05");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-04", 120)).toBe("2036-04");
    expect(addMonths("2026-04", 0)).toBe("2026-04");
  });

  it("refuses invalid months and fractional counts", () => {
    expect(() => addMonths("2026-13", 1)).toThrow(RangeError);
    expect(() => addMonths("2026-04", 1.5)).toThrow(RangeError);
    expect(() => monthDiff("April", "2026-04")).toThrow(RangeError);
  });

  it("counts the months from one month to another", () => {
    expect(monthDiff("2026-01", "2026-04")).toBe(3);
    expect(monthDiff("2026-04", "2026-01")).toBe(-3);
    expect(monthDiff("2025-11", "2026-02")).toBe(3);
  });

  it("orders months", () => {
    expect(compareMonths("2026-01", "2026-02")).toBe(-1);
    expect(compareMonths("2026-02", "2026-02")).toBe(0);
    expect(compareMonths("2027-01", "2026-12")).toBe(1);
  });

  it("lists every month between two months, both included", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-02", "2026-02")).toEqual(["2026-02"]);
    expect(monthsBetween("2026-03", "2026-02")).toEqual([]);
  });

  it("reads the month and day of an instant in UTC", () => {
    expect(monthOfDate(new Date("2026-04-30T23:30:00-02:00"))).toBe("2026-05");
    expect(monthOfDate(new Date("2026-05-01T00:30:00+02:00"))).toBe("2026-04");
    expect(isoDateOfDate(new Date("2026-02-28T12:00:00Z"))).toBe("2026-02-28");
    expect(() => monthOfDate(new Date("nonsense"))).toThrow(RangeError);
  });

  it("knows month lengths, leap years included", () => {
    expect(daysInMonth("2026-02")).toBe(28);
    expect(daysInMonth("2028-02")).toBe(29);
    expect(daysInMonth("2026-04")).toBe(30);
    expect(daysInMonth("2026-12")).toBe(31);
  });

  it("validates and orders calendar days", () => {
    expect(isValidIsoDate("2028-02-29")).toBe(true);
    expect(isValidIsoDate("2026-02-29")).toBe(false);
    expect(isValidIsoDate("2026-04-31")).toBe(false);
    expect(compareIsoDates("2026-05-15", "2026-05-16")).toBe(-1);
    expect(compareIsoDates("2026-05-16", "2026-05-16")).toBe(0);
    expect(() => compareIsoDates("2026-5-16", "2026-05-16")).toThrow(RangeError);
  });
});

describe("gaps in a reported history (issue #15 item 6)", () => {
  it("lists every calendar month between the first and last report that has none, across a year end", () => {
    expect(missingMonths(["2026-02", "2025-11", "2026-10", "2026-01"])).toEqual([
      "2025-12",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
    ]);
    expect(missingMonths([])).toEqual([]);
    expect(missingMonths(["2026-04"])).toEqual([]);
    expect(missingMonths(["2026-04", "2026-05"])).toEqual([]);
  });

  it("groups months into runs of consecutive months, so a seven-month gap reads as one range", () => {
    expect(monthRuns(["2026-09", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2025-12"])).toEqual([
      { first: "2025-12", last: "2025-12" },
      { first: "2026-03", last: "2026-09" },
    ]);
    expect(monthRuns([])).toEqual([]);
  });
});
