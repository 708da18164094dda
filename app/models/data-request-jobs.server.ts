/**
 * The data requests' scheduled work (decision 026), run by the outbox worker's loop on every
 * instance (`jobs` in app/db.server.ts): issue each recurring plan's next period once the one
 * before has ended, and send each request's reminder steps until it is answered.
 *
 * Exactly once per step, with any number of instances: the step's row in data_request_reminders
 * (unique per request and step) is inserted in the same transaction as its mail; a second runner's
 * insert waits for the first to commit, then finds the row and sends nothing. `now` is a parameter
 * so tests (and the e2e server's test clock) decide the time.
 */
import { and, eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "~db/client";
import { accessGrants, dataRequestPlans, dataRequestReminders, dataRequests, orgs } from "~db/schema";
import { withSystem } from "~db/tenant";
import { periodToIssue, REMINDER_STEP_LIMIT, reminderStepDue, todayOf } from "~/domain/data-request";
import { progressOf, REQUEST_COLUMNS } from "./data-request-answers.server";
import { queueRequestReminder } from "./data-request-mail.server";
import { issuePeriod } from "./data-request.server";
import { mailOrigin } from "./notification.server";

/** Companies that share financials with `fundId` now (system step: filtered explicitly). */
const SHARING = (fund: unknown) =>
  sql`select g.org_id from access_grants g where g.investor_org_id = ${fund} and g.status = 'approved' and 'financials' = any(g.sections)`;

/** Issues every plan's period that has come due; returns how many company requests it wrote. */
export async function issueDuePeriods(db: Db, now: Date): Promise<number> {
  const today = todayOf(now);
  // Only a plan issued through a month before this one can have a period to issue (a period is
  // issued once it has ended): the job runs every minute and must not open a transaction per plan.
  const plans = await withSystem(db, (tx) =>
    tx
      .select({ orgId: dataRequestPlans.orgId, id: dataRequestPlans.id })
      .from(dataRequestPlans)
      .where(sql`${dataRequestPlans.issuedThrough} < ${today.slice(0, 7)}`),
  );
  let issued = 0;
  for (const { orgId, id } of plans) {
    issued += await withSystem(db, async (tx) => {
      // Another instance may be issuing this plan: skip it rather than wait.
      const [plan] = await tx
        .select()
        .from(dataRequestPlans)
        .where(and(eq(dataRequestPlans.orgId, orgId), eq(dataRequestPlans.id, id)))
        .for("update", { skipLocked: true });
      const period = plan ? periodToIssue(plan.cadence, plan.issuedThrough, today) : null;
      if (!plan || !period) return 0;
      const sharing = rowsOf<{ org_id: string }>(await tx.execute(SHARING(plan.orgId))).map((r) => r.org_id);
      const companies = plan.companyOrgIds ? sharing.filter((c) => plan.companyOrgIds!.includes(c)) : sharing;
      const n = await issuePeriod(tx, plan, period.monthFrom, companies);
      await tx
        .update(dataRequestPlans)
        .set({ issuedThrough: period.monthFrom })
        .where(and(eq(dataRequestPlans.orgId, orgId), eq(dataRequestPlans.id, id)));
      return n;
    });
  }
  return issued;
}

/** One request's owed step, if any, sent in one transaction with its row; true when a mail was queued. */
async function remindOne(db: Db, orgId: string, requestId: string, now: Date, origin: string): Promise<boolean> {
  return withSystem(db, async (tx) => {
    const [request] = await tx
      .select({
        ...REQUEST_COLUMNS,
        reminderSteps: dataRequests.reminderSteps,
        fundName: orgs.name,
      })
      .from(dataRequests)
      .innerJoin(orgs, eq(orgs.id, dataRequests.orgId))
      .where(and(eq(dataRequests.orgId, orgId), eq(dataRequests.id, requestId)));
    if (!request) return false;
    const sent = await tx
      .select({ step: dataRequestReminders.step })
      .from(dataRequestReminders)
      .where(and(eq(dataRequestReminders.orgId, orgId), eq(dataRequestReminders.requestId, requestId), eq(dataRequestReminders.kind, "step")));
    const step = reminderStepDue(
      request.reminderSteps,
      request.dueOn,
      now,
      sent.flatMap((s) => (s.step === null ? [] : [s.step])),
    );
    if (step === null) return false;
    const [withProgress] = await progressOf(tx, [request], now);
    if (withProgress!.progress.answeredAt !== null) return false;
    const inserted = rowsOf<{ id: string }>(
      await tx.execute(sql`
        insert into data_request_reminders (org_id, request_id, company_org_id, kind, step, sent_at)
        values (${orgId}, ${requestId}, ${request.companyOrgId}, 'step', ${step}, ${now.toISOString()})
        on conflict (org_id, request_id, step) where kind = 'step' do nothing
        returning id`),
    );
    if (inserted.length === 0) return false;
    await queueRequestReminder(tx, request, origin);
    return true;
  });
}

/**
 * One run of the reminder job: issue due periods, then remind every request (of a company that
 * still shares financials) whose due date is near enough for a step. Returns the reminders sent.
 */
export async function runRequestReminders(db: Db, { now = new Date(), origin = mailOrigin() }: { now?: Date; origin?: string } = {}): Promise<number> {
  await issueDuePeriods(db, now);
  // Steps lie within REMINDER_STEP_LIMIT days of the due date: only those requests can owe one.
  const window = (days: number) => todayOf(new Date(now.getTime() + days * 86_400_000));
  const candidates = await withSystem(db, (tx) =>
    tx
      .select({ orgId: dataRequests.orgId, id: dataRequests.id })
      .from(dataRequests)
      .innerJoin(
        accessGrants,
        and(
          eq(accessGrants.orgId, dataRequests.companyOrgId),
          eq(accessGrants.investorOrgId, dataRequests.orgId),
          eq(accessGrants.status, "approved"),
          sql`'financials' = any(${accessGrants.sections})`,
        ),
      )
      .where(and(sql`${dataRequests.dueOn} >= ${window(-REMINDER_STEP_LIMIT - 1)}`, sql`${dataRequests.dueOn} <= ${window(REMINDER_STEP_LIMIT + 1)}`)),
  );
  let sent = 0;
  for (const c of candidates) if (await remindOne(db, c.orgId, c.id, now, origin)) sent += 1;
  return sent;
}
