/**
 * Data requests (issue #17, decision 026): the only door to data_request_plans, data_requests and
 * data_request_reminders. A fund defines a request (a plan, issued per company and period); the
 * company sees what is addressed to it in its inbox and answers by saving its month; the fund's
 * collection view and "remind now" read the answers under its grant. Status is computed from the
 * company's data on every read (app/domain/data-request.ts), never stored.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "~db/client";
import {
  accessGrants,
  dataRequestPlans,
  dataRequestReminders,
  dataRequests,
  metricDefinitions,
  orgs,
  type RequestAsks,
  type RequestedMetric,
} from "~db/schema";
import { withTenant } from "~db/tenant";
import type { InvestorContext, StartupContext } from "~/auth/context";
import { canRemindNow, periodOf, requestDueOn, type RequestProgress, type RequestStatus } from "~/domain/data-request";
import type { DataRequestInput } from "~/domain/data-request.form";
import { AI_METRIC_TEMPLATES } from "~/domain/metric";
import { messageRef, translate } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { recordAudit } from "./audit.server";
import { progressOf, REQUEST_COLUMNS } from "./data-request-answers.server";
import { queueRequestReminder } from "./data-request-mail.server";
import { mailOrigin } from "./notification.server";
import { investor_request_error_companies } from "~/paraglide/messages/investor_request_error_companies.js";
import { investor_request_error_remindedRecently } from "~/paraglide/messages/investor_request_error_remindedrecently1.js";
import { investor_request_error_alreadyAnswered } from "~/paraglide/messages/investor_request_error_alreadyanswered1.js";
import { investor_request_error_notFound } from "~/paraglide/messages/investor_request_error_notfound1.js";
import { investor_request_error_alreadyAsked } from "~/paraglide/messages/investor_request_error_alreadyasked1.js";
import { readInOrg } from "./org-read.server";

// ---------------------------------------------------------------- what a fund may ask

export interface RequestableCompany {
  id: string;
  name: string;
}

/** Companies whose approved grant shares financials: the answers are read under that section. */
async function requestableCompanies(tx: Tx, fundId: string): Promise<RequestableCompany[]> {
  return tx
    .select({ id: orgs.id, name: orgs.name })
    .from(accessGrants)
    .innerJoin(orgs, eq(orgs.id, accessGrants.orgId))
    .where(and(eq(accessGrants.investorOrgId, fundId), eq(accessGrants.status, "approved"), sql`'financials' = any(${accessGrants.sections})`))
    .orderBy(asc(orgs.name));
}

/**
 * Metrics a fund may ask for: the AI templates and every custom metric its companies already
 * keep (read under their financials grant), by key. A company's own definition wins for its name.
 */
async function requestableMetrics(tx: Tx): Promise<RequestedMetric[]> {
  const byKey = new Map<string, RequestedMetric>();
  for (const t of AI_METRIC_TEMPLATES) {
    byKey.set(t.key, {
      key: t.key,
      nameEn: translate("en", t.name),
      nameZh: translate("zh-CN", t.name),
      unit: t.unit,
      direction: t.direction,
      rollup: t.rollup,
    });
  }
  const kept = await tx
    .selectDistinctOn([metricDefinitions.key], {
      key: metricDefinitions.key,
      nameEn: metricDefinitions.nameEn,
      nameZh: metricDefinitions.nameZh,
      unit: metricDefinitions.unit,
      direction: metricDefinitions.direction,
      rollup: metricDefinitions.rollup,
    })
    .from(metricDefinitions)
    .orderBy(asc(metricDefinitions.key));
  for (const m of kept) if (!byKey.has(m.key)) byKey.set(m.key, m);
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export async function getRequestChoices(ctx: InvestorContext): Promise<{ companies: RequestableCompany[]; metrics: RequestedMetric[] }> {
  return readInOrg(ctx, async (tx) => ({ companies: await requestableCompanies(tx, ctx.org.id), metrics: await requestableMetrics(tx) }));
}

// ---------------------------------------------------------------- defining a request

/** Issues one period of a plan to `companyIds`; rows that exist already are left as they are. */
export async function issuePeriod(
  tx: Tx,
  plan: { orgId: string; id: string; cadence: "monthly" | "quarterly"; asks: RequestAsks; dueDay: number; note: string | null; reminderSteps: number[] },
  month: string,
  companyIds: readonly string[],
): Promise<number> {
  if (companyIds.length === 0) return 0;
  const period = periodOf(plan.cadence, month);
  const rows = await tx
    .insert(dataRequests)
    .values(
      companyIds.map((companyOrgId) => ({
        orgId: plan.orgId,
        planId: plan.id,
        companyOrgId,
        ...period,
        dueOn: requestDueOn(period, plan.dueDay),
        asks: plan.asks,
        note: plan.note,
        reminderSteps: plan.reminderSteps,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: dataRequests.id });
  return rows.length;
}

/**
 * Defines a request and issues its first period to every linked company (now and, through the
 * plan, later ones) or to the chosen ones. A company that does not share financials with the fund
 * cannot be asked: the whole form is refused and nothing is written.
 */
export async function createDataRequest(ctx: InvestorContext, input: DataRequestInput): Promise<{ planId: string; issued: number; month: string }> {
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const linked = await requestableCompanies(tx, ctx.org.id);
    const linkedIds = new Set(linked.map((c) => c.id));
    const chosen = input.companyIds ?? [...linkedIds];
    // "Every linked company" with none linked yet is a request for the companies the fund is about
    // to invite (decision 028): the plan is made, nothing is issued until a company joins.
    const forInvitations = input.companyIds === null && linkedIds.size === 0;
    if ((chosen.length === 0 && !forInvitations) || chosen.some((id) => !linkedIds.has(id))) {
      throw new AppError("INVALID", messageRef(investor_request_error_companies), { companies: messageRef(investor_request_error_companies) });
    }
    const offered = new Map((await requestableMetrics(tx)).map((m) => [m.key, m]));
    const asks: RequestAsks = { arr: input.arr, metrics: input.metricKeys.flatMap((k) => offered.get(k) ?? []) };
    const period = periodOf(input.cadence, input.month);
    const [plan] = await tx
      .insert(dataRequestPlans)
      .values({
        orgId: ctx.org.id,
        cadence: input.cadence,
        asks,
        firstMonth: period.monthFrom,
        issuedThrough: period.monthFrom,
        dueDay: input.dueDay,
        note: input.note,
        reminderSteps: input.steps,
        companyOrgIds: input.companyIds,
        createdBy: ctx.user.id,
      })
      .returning();
    const issued = await issuePeriod(tx, { ...plan!, cadence: input.cadence }, period.monthFrom, chosen);
    if (issued === 0 && !forInvitations) throw new AppError("INVALID", messageRef(investor_request_error_alreadyAsked));
    // What was asked, of whom, as the fund defined it. Companies by id only: their names are read
    // through the audit log's join while they are shared, so a revoke leaves no copy here.
    await recordAudit(tx, ctx, {
      action: "data_request.create",
      entityType: "data_request_plan",
      entityId: plan!.id,
      after: {
        cadence: input.cadence,
        ...period,
        dueOn: requestDueOn(period, input.dueDay),
        dueDay: input.dueDay,
        reminderSteps: input.steps,
        arr: asks.arr,
        metrics: asks.metrics.map((m) => m.key),
        everyCompany: input.companyIds === null,
        companyOrgIds: chosen,
        companies: chosen.length,
        ...(chosen.length === 1 ? { companyOrgId: chosen[0] } : {}),
        issued,
      },
    });
    return { planId: plan!.id, issued, month: period.monthFrom };
  });
}

// ---------------------------------------------------------------- the company's inbox

export interface InboxRequest {
  id: string;
  fundName: string;
  monthFrom: string;
  monthTo: string;
  dueOn: string;
  note: string | null;
  asks: RequestAsks;
  progress: RequestProgress;
  /** Metric ids in the company, by key, for the answer links. */
  metricIds: Record<string, string>;
  reminders: { at: string; step: number | null }[];
}

/**
 * Requested metrics the company does not keep yet are defined in it, from the fund's names, with
 * `source_org_id` = the fund (decision 024's seam): the values stay the company's own data.
 */
async function adoptRequestedMetrics(tx: Tx, ctx: StartupContext, requests: { orgId: string; asks: RequestAsks }[]): Promise<void> {
  await adoptMetricsInto(tx, ctx.org.id, requests);
}

/** The same for a company `companyId` in the caller's transaction (accepting a fund's invitation, decision 028). */
export async function adoptMetricsInto(tx: Tx, companyId: string, requests: { orgId: string; asks: RequestAsks }[]): Promise<void> {
  const wanted = requests.flatMap((r) => r.asks.metrics.map((m) => ({ ...m, sourceOrgId: r.orgId })));
  if (wanted.length === 0) return;
  await tx
    .insert(metricDefinitions)
    .values(
      wanted.map((m) => ({
        orgId: companyId,
        key: m.key,
        nameEn: m.nameEn,
        nameZh: m.nameZh,
        unit: m.unit,
        direction: m.direction,
        rollup: m.rollup,
        sourceOrgId: m.sourceOrgId,
      })),
    )
    .onConflictDoNothing();
}

/** Every request addressed to this company by a fund that still holds its grant, newest period first. */
export async function listRequestInbox(ctx: StartupContext, now: Date): Promise<InboxRequest[]> {
  const canAnswer = ctx.role !== "viewer";
  return withTenant(
    ctx.db,
    ctx.org.id,
    async (tx) => {
      // The company_read policy shows only rows naming this company from funds it still grants.
      const rows = await tx
        .select({
          ...REQUEST_COLUMNS,
          note: dataRequests.note,
          fundName: orgs.name,
        })
        .from(dataRequests)
        .innerJoin(orgs, eq(orgs.id, dataRequests.orgId))
        .where(eq(dataRequests.companyOrgId, ctx.org.id))
        .orderBy(desc(dataRequests.monthTo), asc(orgs.name));
      if (canAnswer) await adoptRequestedMetrics(tx, ctx, rows);
      const metrics = await tx
        .select({ id: metricDefinitions.id, key: metricDefinitions.key })
        .from(metricDefinitions)
        .where(eq(metricDefinitions.orgId, ctx.org.id));
      const metricIds = Object.fromEntries(metrics.map((m) => [m.key, m.id]));
      const reminders =
        rows.length === 0
          ? []
          : await tx
              .select({ requestId: dataRequestReminders.requestId, at: dataRequestReminders.sentAt, step: dataRequestReminders.step })
              .from(dataRequestReminders)
              .where(
                and(
                  eq(dataRequestReminders.companyOrgId, ctx.org.id),
                  inArray(
                    dataRequestReminders.requestId,
                    rows.map((r) => r.id),
                  ),
                ),
              )
              .orderBy(asc(dataRequestReminders.sentAt));
      const withProgress = await progressOf(tx, rows, now);
      return withProgress.map(({ orgId: _fund, companyOrgId: _company, ...r }) => ({
        ...r,
        metricIds,
        reminders: reminders.filter((x) => x.requestId === r.id).map((x) => ({ at: new Date(x.at).toISOString(), step: x.step })),
      }));
    },
    { readOnly: !canAnswer },
  );
}

// ---------------------------------------------------------------- the fund's collection view

export const COLLECTION_PAGE_SIZE = 25;
export const COLLECTION_SORTS = ["company", "status", "answered", "due"] as const;
export type CollectionSort = (typeof COLLECTION_SORTS)[number];

export interface CollectionRow {
  id: string;
  companyName: string;
  dueOn: string;
  status: RequestStatus;
  asked: number;
  answered: number;
  answeredAt: string | null;
  lastReminderAt: string | null;
  canRemind: boolean;
}

export interface CollectionView {
  periods: string[];
  month: string | null;
  rows: CollectionRow[];
  counts: Record<RequestStatus, number>;
  page: number;
  pages: number;
  total: number;
}

const STATUS_ORDER: Record<RequestStatus, number> = { late: 0, not_started: 1, partly: 2, fulfilled: 3 };

/**
 * One period of the fund's requests (the latest by default), each company's status from its own
 * data. Companies whose grant is revoked or no longer shares financials are left out: the fund
 * keeps what it asked, but sees nothing of their answers.
 */
export async function getCollectionView(
  ctx: InvestorContext,
  options: { month?: string | null; sort?: CollectionSort; dir?: "asc" | "desc"; page?: number },
  now: Date,
): Promise<CollectionView> {
  return readInOrg(ctx, async (tx) => {
    const periods = (
      await tx.selectDistinct({ month: dataRequests.monthTo }).from(dataRequests).where(eq(dataRequests.orgId, ctx.org.id)).orderBy(desc(dataRequests.monthTo))
    ).map((p) => p.month);
    const month = options.month && periods.includes(options.month) ? options.month : (periods[0] ?? null);
    const counts: Record<RequestStatus, number> = { not_started: 0, partly: 0, fulfilled: 0, late: 0 };
    if (!month) return { periods, month, rows: [], counts, page: 1, pages: 1, total: 0 };
    const rows = await tx
      .select({
        ...REQUEST_COLUMNS,
        companyName: orgs.name,
        lastReminderAt: sql<
          string | null
        >`(select max(r.sent_at) from data_request_reminders r where r.org_id = ${dataRequests.orgId} and r.request_id = ${dataRequests.id})`,
        lastManualAt: sql<
          string | null
        >`(select max(r.sent_at) from data_request_reminders r where r.org_id = ${dataRequests.orgId} and r.request_id = ${dataRequests.id} and r.kind = 'manual')`,
      })
      .from(dataRequests)
      .innerJoin(
        accessGrants,
        and(
          eq(accessGrants.orgId, dataRequests.companyOrgId),
          eq(accessGrants.investorOrgId, ctx.org.id),
          eq(accessGrants.status, "approved"),
          sql`'financials' = any(${accessGrants.sections})`,
        ),
      )
      .innerJoin(orgs, eq(orgs.id, dataRequests.companyOrgId))
      .where(and(eq(dataRequests.orgId, ctx.org.id), eq(dataRequests.monthTo, month)));
    const all = (await progressOf(tx, rows, now)).map((r) => ({
      id: r.id,
      companyName: r.companyName,
      dueOn: r.dueOn,
      status: r.progress.status,
      asked: r.progress.asked,
      answered: r.progress.answered,
      answeredAt: r.progress.answeredAt?.toISOString() ?? null,
      lastReminderAt: r.lastReminderAt ? new Date(r.lastReminderAt).toISOString() : null,
      canRemind: r.progress.answeredAt === null && canRemindNow(r.lastManualAt ? new Date(r.lastManualAt) : null, now),
    }));
    for (const r of all) counts[r.status] += 1;
    const sorted = sortCollection(all, options.sort ?? "status", options.dir ?? "asc");
    const pages = Math.max(1, Math.ceil(sorted.length / COLLECTION_PAGE_SIZE));
    const page = Math.min(Math.max(1, options.page ?? 1), pages);
    return {
      periods,
      month,
      rows: sorted.slice((page - 1) * COLLECTION_PAGE_SIZE, page * COLLECTION_PAGE_SIZE),
      counts,
      page,
      pages,
      total: sorted.length,
    };
  });
}

export function sortCollection(rows: CollectionRow[], sort: CollectionSort, dir: "asc" | "desc"): CollectionRow[] {
  const key = (r: CollectionRow): string | number =>
    sort === "company" ? r.companyName.toLowerCase() : sort === "status" ? STATUS_ORDER[r.status] : sort === "answered" ? (r.answeredAt ?? "~") : r.dueOn;
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return a.companyName.localeCompare(b.companyName);
  });
}

// ---------------------------------------------------------------- remind now

/**
 * Queues a reminder to the company now. Throttled per request (one a day, checked under a lock on
 * the request so two clicks cannot both pass); refused once the request is answered, and a 404 for
 * a request that is not this fund's or whose company no longer shares financials with it.
 */
export async function remindNow(ctx: InvestorContext, requestId: string, now: Date, origin?: string): Promise<{ companyName: string }> {
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [row] = await tx
      .select({
        ...REQUEST_COLUMNS,
      })
      .from(dataRequests)
      .where(
        and(
          eq(dataRequests.orgId, ctx.org.id),
          sql`${dataRequests.id}::text = ${requestId}`,
          sql`exists (select 1 from access_grants g where g.org_id = ${dataRequests.companyOrgId} and g.investor_org_id = ${ctx.org.id} and g.status = 'approved' and 'financials' = any(g.sections))`,
        ),
      )
      .for("update");
    if (!row) throw new AppError("NOT_FOUND", messageRef(investor_request_error_notFound));
    const [last] = await tx
      .select({ at: sql<string | null>`max(${dataRequestReminders.sentAt})` })
      .from(dataRequestReminders)
      .where(and(eq(dataRequestReminders.orgId, ctx.org.id), eq(dataRequestReminders.requestId, row.id), eq(dataRequestReminders.kind, "manual")));
    if (!canRemindNow(last?.at ? new Date(last.at) : null, now)) throw new AppError("INVALID", messageRef(investor_request_error_remindedRecently));
    const [withProgress] = await progressOf(tx, [row], now);
    if (withProgress!.progress.answeredAt !== null) throw new AppError("INVALID", messageRef(investor_request_error_alreadyAnswered));
    await tx
      .insert(dataRequestReminders)
      .values({ orgId: ctx.org.id, requestId: row.id, companyOrgId: row.companyOrgId, kind: "manual", sentBy: ctx.user.id, sentAt: now });
    const company = await queueRequestReminder(tx, { ...row, fundName: ctx.org.name }, mailOrigin(origin));
    await recordAudit(tx, ctx, {
      action: "data_request.remind",
      entityType: "data_request",
      entityId: row.id,
      after: { companyOrgId: row.companyOrgId, monthFrom: row.monthFrom, monthTo: row.monthTo, dueOn: row.dueOn },
    });
    return { companyName: company };
  });
}
