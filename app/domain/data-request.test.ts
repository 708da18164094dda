import { describe, expect, it } from "vitest";
import {
  canRemindNow,
  formatReminderSteps,
  parseReminderSteps,
  periodOf,
  periodToIssue,
  reminderStepDue,
  requestDueOn,
  requestProgress,
  type Answers,
  type RequestShape,
} from "./data-request";

const at = (iso: string) => new Date(iso);
const none: Answers = { reports: new Map(), metrics: new Map() };

describe("the period a request covers and when it is due", () => {
  it("a monthly request covers its month; a quarterly one its calendar quarter", () => {
    expect(periodOf("monthly", "2026-05")).toEqual({ monthFrom: "2026-05", monthTo: "2026-05" });
    expect(periodOf("quarterly", "2026-05")).toEqual({ monthFrom: "2026-04", monthTo: "2026-06" });
    expect(periodOf("quarterly", "2026-12")).toEqual({ monthFrom: "2026-10", monthTo: "2026-12" });
  });

  it("is due on the 15th of the month after the period, as the overdue rule says, or the day the fund chose", () => {
    expect(requestDueOn(periodOf("monthly", "2026-11"))).toBe("2026-12-15");
    expect(requestDueOn(periodOf("quarterly", "2026-11"), 10)).toBe("2027-01-10");
  });

  it("a recurring plan issues the latest period that has ended since its last, and nothing while the next is running", () => {
    expect(periodToIssue("monthly", "2026-10", "2026-11-20")).toBeNull();
    expect(periodToIssue("monthly", "2026-10", "2026-12-01")).toEqual({ monthFrom: "2026-11", monthTo: "2026-11" });
    // Two months missed: one request, for the latest ended month.
    expect(periodToIssue("monthly", "2026-09", "2026-12-03")).toEqual({ monthFrom: "2026-11", monthTo: "2026-11" });
    expect(periodToIssue("quarterly", "2026-09", "2026-12-31")).toBeNull();
    expect(periodToIssue("quarterly", "2026-09", "2027-01-02")).toEqual({ monthFrom: "2026-10", monthTo: "2026-12" });
  });
});

describe("where a request stands, from the data", () => {
  const request: RequestShape = {
    monthFrom: "2026-11",
    monthTo: "2026-11",
    dueOn: "2026-12-15",
    asks: { arr: true, metrics: [{ key: "gpu_hours" }, { key: "tokens_served" }] },
  };

  it("nothing in before the due day is not started", () => {
    expect(requestProgress(request, none, at("2026-12-10T10:00:00Z"))).toEqual({ status: "not_started", asked: 4, answered: 0, answeredAt: null });
  });

  it("some asked items in is partly answered; a report without ARR does not answer ARR", () => {
    const answers: Answers = { reports: new Map([["2026-11", { at: at("2026-12-02T09:00:00Z"), arr: false }]]), metrics: new Map() };
    expect(requestProgress(request, answers, at("2026-12-10T10:00:00Z"))).toMatchObject({ status: "partly", answered: 1 });
  });

  it("every item in by the end of the due day is fulfilled, answered when the last came in", () => {
    const answers: Answers = {
      reports: new Map([["2026-11", { at: at("2026-12-02T09:00:00Z"), arr: true }]]),
      metrics: new Map([
        ["gpu_hours@2026-11", at("2026-12-03T09:00:00Z")],
        ["tokens_served@2026-11", at("2026-12-15T23:00:00Z")],
      ]),
    };
    expect(requestProgress(request, answers, at("2026-12-20T00:00:00Z"))).toEqual({
      status: "fulfilled",
      asked: 4,
      answered: 4,
      answeredAt: at("2026-12-15T23:00:00Z"),
    });
  });

  it("is late after the due day while items are missing, and stays late when answered after it", () => {
    expect(requestProgress(request, none, at("2026-12-16T00:00:01Z")).status).toBe("late");
    const answers: Answers = {
      reports: new Map([["2026-11", { at: at("2026-12-18T09:00:00Z"), arr: true }]]),
      metrics: new Map([
        ["gpu_hours@2026-11", at("2026-12-18T09:00:00Z")],
        ["tokens_served@2026-11", at("2026-12-18T09:00:00Z")],
      ]),
    };
    expect(requestProgress(request, answers, at("2026-12-20T00:00:00Z"))).toMatchObject({ status: "late", answeredAt: at("2026-12-18T09:00:00Z") });
  });

  it("a quarterly request needs every month of the quarter", () => {
    const quarter: RequestShape = { monthFrom: "2026-10", monthTo: "2026-12", dueOn: "2027-01-15", asks: { arr: false, metrics: [] } };
    const two: Answers = {
      reports: new Map([
        ["2026-10", { at: at("2026-11-01T00:00:00Z"), arr: false }],
        ["2026-11", { at: at("2026-12-01T00:00:00Z"), arr: false }],
      ]),
      metrics: new Map(),
    };
    expect(requestProgress(quarter, two, at("2027-01-02T00:00:00Z"))).toMatchObject({ status: "partly", asked: 3, answered: 2 });
  });
});

describe("reminder steps", () => {
  const steps = [-3, 0, 3, 7];
  it("owes nothing before the first step, then the latest step that has come and was not sent", () => {
    expect(reminderStepDue(steps, "2026-12-15", at("2026-12-11T23:59:59Z"), [])).toBeNull();
    expect(reminderStepDue(steps, "2026-12-15", at("2026-12-12T00:00:00Z"), [])).toBe(-3);
    expect(reminderStepDue(steps, "2026-12-15", at("2026-12-13T00:00:00Z"), [-3])).toBeNull();
    expect(reminderStepDue(steps, "2026-12-15", at("2026-12-15T08:00:00Z"), [-3])).toBe(0);
  });

  it("missed steps are not sent in a burst: one reminder stands for them", () => {
    expect(reminderStepDue(steps, "2026-12-15", at("2026-12-19T00:00:00Z"), [])).toBe(3);
    expect(reminderStepDue(steps, "2026-12-15", at("2026-12-19T00:00:00Z"), [3])).toBeNull();
  });

  it("reads and writes the fund's list of steps", () => {
    expect(parseReminderSteps("-3, 0, +3, 7")).toEqual([-3, 0, 3, 7]);
    expect(parseReminderSteps("7 −3 0 0")).toEqual([-3, 0, 7]);
    expect(parseReminderSteps("")).toEqual([]);
    expect(parseReminderSteps("three")).toBeNull();
    expect(parseReminderSteps("90")).toBeNull();
    expect(formatReminderSteps([-3, 0, 3])).toBe("-3, 0, +3");
  });

  it("'remind now' waits a day after the last one", () => {
    expect(canRemindNow(null, at("2026-12-01T00:00:00Z"))).toBe(true);
    expect(canRemindNow(at("2026-12-01T00:00:00Z"), at("2026-12-01T23:00:00Z"))).toBe(false);
    expect(canRemindNow(at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z"))).toBe(true);
  });
});
