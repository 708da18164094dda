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
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, rowsOf } from "~db/client";
import { accessGrants, dataRequestPlans, dataRequests, orgs } from "~db/schema";
import { withSystem } from "~db/tenant";
import { periodToIssue, REMINDER_STEP_LIMIT, reminderStepDue, todayOf } from "~/domain/data-request";
import { progressOf, REQUEST_COLUMNS, type RequestRow } from "./data-request-answers.server";
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
      .where(and(sql`${dataRequestPlans.issuedThrough} < ${today.slice(0, 7)}`, isNull(dataRequestPlans.stoppedAt))),
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
      // Stopped since the list above was read: nothing more to issue.
      const period = plan && plan.stoppedAt === null ? periodToIssue(plan.cadence, plan.issuedThrough, today) : null;
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

/** A request that owes a reminder step now, with what its mail says. */
type Owing = RequestRow & { fundName: string; step: number };

/** The step's row and its mail, in one transaction; false when another runner sent this step first. */
async function sendStep(db: Db, request: Owing, now: Date, origin: string): Promise<boolean> {
  return withSystem(db, async (tx) => {
    const inserted = rowsOf<{ id: string }>(
      await tx.execute(sql`
        insert into data_request_reminders (org_id, request_id, company_org_id, kind, step, sent_at)
        values (${request.orgId}, ${request.id}, ${request.companyOrgId}, 'step', ${request.step}, ${now.toISOString()})
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
 * still shares financials) whose due date is near enough for a step. Which requests owe a step —
 * near their due date, the step's time come and not sent, not yet answered — is read in one
 * transaction; only those open one each, to write the step's row with its mail. Returns the
 * reminders sent.
 */
export async function runRequestReminders(db: Db, { now = new Date(), origin = mailOrigin() }: { now?: Date; origin?: string } = {}): Promise<number> {
  await issueDuePeriods(db, now);
  // Steps lie within REMINDER_STEP_LIMIT days of the due date: only those requests can owe one.
  const window = (days: number) => todayOf(new Date(now.getTime() + days * 86_400_000));
  const owing = await withSystem(db, async (tx) => {
    const candidates = await tx
      .select({
        ...REQUEST_COLUMNS,
        reminderSteps: dataRequests.reminderSteps,
        fundName: orgs.name,
        sent: sql<
          number[] | null
        >`(select array_agg(r.step) from data_request_reminders r where r.org_id = ${dataRequests.orgId} and r.request_id = ${dataRequests.id} and r.kind = 'step')`,
      })
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
      .innerJoin(orgs, eq(orgs.id, dataRequests.orgId))
      // A stopped plan's requests get no more scheduled reminders (decision 035).
      .innerJoin(
        dataRequestPlans,
        and(eq(dataRequestPlans.orgId, dataRequests.orgId), eq(dataRequestPlans.id, dataRequests.planId), isNull(dataRequestPlans.stoppedAt)),
      )
      .where(and(sql`${dataRequests.dueOn} >= ${window(-REMINDER_STEP_LIMIT - 1)}`, sql`${dataRequests.dueOn} <= ${window(REMINDER_STEP_LIMIT + 1)}`));
    const due = candidates.flatMap(({ reminderSteps, sent, ...request }) => {
      const step = reminderStepDue(reminderSteps, request.dueOn, now, (sent ?? []).map(Number));
      return step === null ? [] : [{ ...request, step }];
    });
    // Answered requests are reminded no more: every company's answers in two statements.
    return (await progressOf(tx, due, now)).filter((r) => r.progress.answeredAt === null);
  });
  let sent = 0;
  for (const request of owing) if (await sendStep(db, request, now, origin)) sent += 1;
  return sent;
}
