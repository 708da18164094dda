/**
 * A fund's data request, as pure rules (issue #17, decision 026): the period a request covers,
 * when it is due, where it stands, and which reminder step is owed. The models read the data and
 * ask these; nothing here touches the database, so the tests read like the rules.
 */
import { reportDueDate } from "~/finance/covenants";
import { addMonths, compareIsoDates, isoDateOfDate, monthsBetween, type IsoDate, type Month } from "~/finance/month";

export type RequestCadence = "monthly" | "quarterly";
export const DEFAULT_REQUEST_DUE_DAY = 15;
export const DEFAULT_REMINDER_STEPS = [-3, 0, 3, 7] as const;
/** Steps further than this from the due date make no sense for a monthly cycle. */
export const REMINDER_STEP_LIMIT = 60;
export const MAX_REMINDER_STEPS = 8;
/** "Remind now" sends at most one mail per request in this window. */
export const REMIND_NOW_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface Period {
  monthFrom: Month;
  monthTo: Month;
}

/** The period of `cadence` that contains `month`: the month itself, or its calendar quarter. */
export function periodOf(cadence: RequestCadence, month: Month): Period {
  if (cadence === "monthly") return { monthFrom: month, monthTo: month };
  const m = Number(month.slice(5, 7));
  const first = `${month.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, "0")}`;
  return { monthFrom: first, monthTo: addMonths(first, 2) };
}

export function nextPeriod(cadence: RequestCadence, period: Period): Period {
  return periodOf(cadence, addMonths(period.monthTo, 1));
}

/** Due on `dueDay` of the month after the period ends: the overdue rule's 15th by default. */
export function requestDueOn(period: Period, dueDay = DEFAULT_REQUEST_DUE_DAY): IsoDate {
  return reportDueDate(period.monthTo, dueDay);
}

/**
 * The period a recurring plan should have issued by `today`: its first period, then each later
 * one once the period before it has ended (a month's figures are asked for once the month is
 * over). Null while nothing beyond `issuedThrough` is owed.
 */
export function periodToIssue(cadence: RequestCadence, issuedThrough: Month, today: IsoDate): Period | null {
  let latest: Period | null = null;
  for (let p = nextPeriod(cadence, periodOf(cadence, issuedThrough)); p.monthTo < today.slice(0, 7); p = nextPeriod(cadence, p)) latest = p;
  return latest;
}

// ---------------------------------------------------------------- where a request stands

export type RequestStatus = "not_started" | "partly" | "fulfilled" | "late";

export interface RequestShape extends Period {
  dueOn: IsoDate;
  asks: { arr: boolean; metrics: readonly { key: string }[] };
}

/** What a company has in for a request's months; `at` is when each item first came in. */
export interface Answers {
  /** month → when the report was first saved, and whether it has ARR. */
  reports: ReadonlyMap<Month, { at: Date; arr: boolean }>;
  /** `${key}@${month}` → when the value was first saved. */
  metrics: ReadonlyMap<string, Date>;
}

export interface RequestProgress {
  status: RequestStatus;
  asked: number;
  answered: number;
  /** When the last asked item came in, once all are in. */
  answeredAt: Date | null;
}

/** Every item a request asks for, as keys: the report (and ARR) and each metric, per month. */
function askedItems(request: RequestShape): { key: string; month: Month; kind: "report" | "arr" | "metric" }[] {
  const items: { key: string; month: Month; kind: "report" | "arr" | "metric" }[] = [];
  for (const month of monthsBetween(request.monthFrom, request.monthTo)) {
    items.push({ key: "report", month, kind: "report" });
    if (request.asks.arr) items.push({ key: "arr", month, kind: "arr" });
    for (const metric of request.asks.metrics) items.push({ key: metric.key, month, kind: "metric" });
  }
  return items;
}

/** End of the due day, UTC: a request answered on its due day is on time. */
export function dueDeadline(dueOn: IsoDate): Date {
  return new Date(`${dueOn}T23:59:59.999Z`);
}

/**
 * Where a request stands, computed from the data, never a stored flag: fulfilled when every asked
 * item of every month of the period is in; late when it came in after the due day, or the due day
 * has passed with items still missing; otherwise partly answered or not started.
 */
export function requestProgress(request: RequestShape, answers: Answers, now: Date): RequestProgress {
  const items = askedItems(request);
  let answered = 0;
  let last = 0;
  for (const item of items) {
    const report = answers.reports.get(item.month);
    const at =
      item.kind === "report" ? report?.at : item.kind === "arr" ? (report?.arr ? report.at : undefined) : answers.metrics.get(`${item.key}@${item.month}`);
    if (!at) continue;
    answered += 1;
    last = Math.max(last, at.getTime());
  }
  const complete = answered === items.length;
  const deadline = dueDeadline(request.dueOn).getTime();
  const answeredAt = complete ? new Date(last) : null;
  let status: RequestStatus;
  if (complete) status = last > deadline ? "late" : "fulfilled";
  else if (now.getTime() > deadline) status = "late";
  else status = answered === 0 ? "not_started" : "partly";
  return { status, asked: items.length, answered, answeredAt };
}

export function isComplete(progress: RequestProgress): boolean {
  return progress.answeredAt !== null;
}

// ---------------------------------------------------------------- reminders

/** When a step falls: the due day's start (UTC) plus `step` days. */
export function stepTime(dueOn: IsoDate, step: number): Date {
  return new Date(new Date(`${dueOn}T00:00:00.000Z`).getTime() + step * 86_400_000);
}

/**
 * The step owed at `now`: the latest step whose time has come and that was not sent. Earlier
 * steps missed (the request was made after them, the job did not run) are not sent late: one
 * reminder stands for them, so a company is never sent a burst.
 */
export function reminderStepDue(steps: readonly number[], dueOn: IsoDate, now: Date, sent: readonly number[]): number | null {
  const passed = [...steps].sort((a, b) => a - b).filter((s) => stepTime(dueOn, s).getTime() <= now.getTime());
  const latest = passed.at(-1);
  if (latest === undefined) return null;
  if (sent.some((s) => s >= latest)) return null;
  return latest;
}

/** Whether a "remind now" is allowed: none sent for this request in the last interval. */
export function canRemindNow(lastManual: Date | null, now: Date): boolean {
  return lastManual === null || now.getTime() - lastManual.getTime() >= REMIND_NOW_INTERVAL_MS;
}

/** "-3, 0, 3, 7" → [-3, 0, 3, 7] (sorted, distinct); null when it is not such a list within the limits. */
export function parseReminderSteps(text: string): number[] | null {
  const parts = text
    .split(/[,\s，]+/)
    .map((s) => s.trim().replace(/^\+/, "").replace(/^−/, "-"))
    .filter(Boolean);
  if (parts.length > MAX_REMINDER_STEPS) return null;
  const steps: number[] = [];
  for (const part of parts) {
    if (!/^-?\d{1,2}$/.test(part)) return null;
    const n = Number(part);
    if (Math.abs(n) > REMINDER_STEP_LIMIT) return null;
    if (!steps.includes(n)) steps.push(n === 0 ? 0 : n);
  }
  return steps.sort((a, b) => a - b);
}

export function formatReminderSteps(steps: readonly number[]): string {
  return steps.map((s) => (s > 0 ? `+${s}` : String(s))).join(", ");
}

/** Today as the request rules see it (UTC, like the month helpers). */
export function todayOf(now: Date): IsoDate {
  return isoDateOfDate(now);
}

export function isPastDue(dueOn: IsoDate, now: Date): boolean {
  return compareIsoDates(todayOf(now), dueOn) > 0;
}
