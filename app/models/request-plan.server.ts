/**
 * A fund's request plans (decision 035): the list of what it asks, how often and from whom,
 * changing a running plan's schedule, and stopping a plan. The only door to changing data_request_plans after it is defined
 * (data-request.server.ts defines and issues it; data-request-jobs.server.ts runs it).
 */
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { dataRequestPlans, dataRequests, orgs, type RequestAsks, type RequestCadence, users } from "~db/schema";
import type { Tx } from "~db/client";
import { withTenant } from "~db/tenant";
import type { InvestorContext } from "~/auth/context";
import type { RequestPlanChange } from "~/domain/data-request.form";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { recordAudit } from "./audit.server";
import { readInOrg } from "./org-read.server";
import { investor_plans_error_notFound } from "~/paraglide/messages/investor_plans_error_notfound1.js";
import { investor_plans_error_stale } from "~/paraglide/messages/investor_plans_error_stale.js";
import { investor_plans_error_stopped } from "~/paraglide/messages/investor_plans_error_stopped.js";

export const PLANS_PAGE_SIZE = 10;

export interface RequestPlanRow {
  id: string;
  version: number;
  cadence: RequestCadence;
  asks: RequestAsks;
  firstMonth: string;
  issuedThrough: string;
  dueDay: number;
  note: string | null;
  reminderSteps: number[];
  /** The chosen companies' names (those the fund can still see), or null for every linked company. */
  companies: string[] | null;
  /** Company requests issued from it, over every period. */
  issued: number;
  createdAt: string;
  stoppedAt: string | null;
  stoppedByName: string | null;
}

export interface RequestPlanPage {
  plans: RequestPlanRow[];
  page: number;
  pages: number;
  total: number;
}

/** The fund's plans, running ones first, newest first within each; paged. */
export function listRequestPlans(ctx: InvestorContext, options: { page?: number } = {}): Promise<RequestPlanPage> {
  return listRequestPlansWhere(ctx, null, options);
}

/** The list, or the one plan `onlyId` names (a page of one, or of none). */
function listRequestPlansWhere(ctx: InvestorContext, onlyId: string | null, options: { page?: number } = {}): Promise<RequestPlanPage> {
  const which =
    onlyId === null ? eq(dataRequestPlans.orgId, ctx.org.id) : and(eq(dataRequestPlans.orgId, ctx.org.id), sql`${dataRequestPlans.id}::text = ${onlyId}`);
  return readInOrg(ctx, async (tx) => {
    const [counted] = await tx.select({ total: count() }).from(dataRequestPlans).where(which);
    const total = counted?.total ?? 0;
    const pages = Math.max(1, Math.ceil(total / PLANS_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), pages);
    const rows = await tx
      .select({
        id: dataRequestPlans.id,
        version: dataRequestPlans.version,
        cadence: dataRequestPlans.cadence,
        asks: dataRequestPlans.asks,
        firstMonth: dataRequestPlans.firstMonth,
        issuedThrough: dataRequestPlans.issuedThrough,
        dueDay: dataRequestPlans.dueDay,
        note: dataRequestPlans.note,
        reminderSteps: dataRequestPlans.reminderSteps,
        companyOrgIds: dataRequestPlans.companyOrgIds,
        createdAt: dataRequestPlans.createdAt,
        stoppedAt: dataRequestPlans.stoppedAt,
        stoppedByName: users.name,
        issued: sql<number>`(select count(*) from ${dataRequests} r where r.org_id = ${dataRequestPlans.orgId} and r.plan_id = ${dataRequestPlans.id})`.mapWith(
          Number,
        ),
      })
      .from(dataRequestPlans)
      .leftJoin(users, eq(users.id, dataRequestPlans.stoppedBy))
      .where(which)
      .orderBy(sql`${dataRequestPlans.stoppedAt} is not null`, desc(dataRequestPlans.createdAt), asc(dataRequestPlans.id))
      .limit(PLANS_PAGE_SIZE)
      .offset((page - 1) * PLANS_PAGE_SIZE);
    const chosen = [...new Set(rows.flatMap((r) => r.companyOrgIds ?? []))];
    const names = new Map(
      chosen.length === 0 ? [] : (await tx.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, chosen))).map((o) => [o.id, o.name]),
    );
    const plans = rows.map(({ companyOrgIds, createdAt, stoppedAt, ...row }) => ({
      ...row,
      createdAt: createdAt.toISOString(),
      stoppedAt: stoppedAt?.toISOString() ?? null,
      companies: companyOrgIds === null ? null : companyOrgIds.flatMap((id) => names.get(id) ?? []).sort((a, b) => a.localeCompare(b)),
    }));
    return { plans, page, pages, total };
  });
}

/**
 * Stops a plan at the version the fund read: no more periods are issued and its requests get no
 * more scheduled reminders (the jobs skip stopped plans). What was issued stays, answerable and in
 * the collection view. A plan of another fund, or an unknown id, is a 404; stopping a stopped plan
 * or a stale version is refused and writes nothing.
 */
export async function stopRequestPlan(ctx: InvestorContext, planId: string, version: number, now: Date): Promise<void> {
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const plan = await lockRunningPlan(tx, ctx, planId, version);
    await tx
      .update(dataRequestPlans)
      .set({ stoppedAt: now, stoppedBy: ctx.user.id, version: version + 1 })
      .where(and(eq(dataRequestPlans.orgId, ctx.org.id), sql`${dataRequestPlans.id}::text = ${planId}`));
    await recordAudit(tx, ctx, {
      action: "data_request.stop",
      entityType: "data_request_plan",
      entityId: planId,
      // A stop changes no field a reader compares: the sentence says it all.
      before: null,
      after: { cadence: plan.cadence, firstMonth: plan.firstMonth },
    });
  });
}

/** One plan of the fund, for its change form; null for an id that names none of its plans. */
export async function getRequestPlan(ctx: InvestorContext, planId: string): Promise<RequestPlanRow | null> {
  const { plans } = await listRequestPlansWhere(ctx, planId);
  return plans[0] ?? null;
}

/**
 * Changes a running plan's due day, reminder days and note, at the version the fund read. The
 * change applies to the periods issued from now on: requests already sent keep the due date and
 * reminders their company was given. Refused (409, nothing written) for a stopped plan or a stale
 * version; a 404 for another fund's plan.
 */
export async function changeRequestPlan(ctx: InvestorContext, planId: string, version: number, change: RequestPlanChange): Promise<void> {
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const plan = await lockRunningPlan(tx, ctx, planId, version);
    await tx
      .update(dataRequestPlans)
      .set({ dueDay: change.dueDay, reminderSteps: change.steps, note: change.note, version: version + 1 })
      .where(and(eq(dataRequestPlans.orgId, ctx.org.id), sql`${dataRequestPlans.id}::text = ${planId}`));
    await recordAudit(tx, ctx, {
      action: "data_request.change",
      entityType: "data_request_plan",
      entityId: planId,
      before: { firstMonth: plan.firstMonth, reportDueDay: plan.dueDay, reminderDays: plan.reminderSteps.join(", "), notes: plan.note },
      after: { firstMonth: plan.firstMonth, reportDueDay: change.dueDay, reminderDays: change.steps.join(", "), notes: change.note },
    });
  });
}

/**
 * The fund's plan `planId`, locked for the change that follows, while it runs and is at
 * `version`: a 404 for an id that names none of the fund's plans, a 409 for a stopped plan or a
 * stale version (nothing written).
 */
async function lockRunningPlan(tx: Tx, ctx: InvestorContext, planId: string, version: number) {
  const [plan] = await tx
    .select({
      version: dataRequestPlans.version,
      stoppedAt: dataRequestPlans.stoppedAt,
      cadence: dataRequestPlans.cadence,
      firstMonth: dataRequestPlans.firstMonth,
      dueDay: dataRequestPlans.dueDay,
      reminderSteps: dataRequestPlans.reminderSteps,
      note: dataRequestPlans.note,
    })
    .from(dataRequestPlans)
    .where(and(eq(dataRequestPlans.orgId, ctx.org.id), sql`${dataRequestPlans.id}::text = ${planId}`))
    .for("update");
  if (!plan) throw new AppError("NOT_FOUND", messageRef(investor_plans_error_notFound));
  if (plan.stoppedAt !== null) throw new AppError("CONFLICT", messageRef(investor_plans_error_stopped));
  if (plan.version !== version) throw new AppError("CONFLICT", messageRef(investor_plans_error_stale));
  return plan;
}
