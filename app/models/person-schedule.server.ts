/**
 * Per-person schedules (decision 023): a row per person and job in `person_schedules`, due at
 * `next_run_at`. Claimed like the outbox (decision 016): `FOR UPDATE SKIP LOCKED` and a lease
 * committed before the work, so several app instances never run one person's job at once and a
 * crashed instance's claim lapses. The job marks its row done (`finishSchedule`) in the same
 * transaction as what it queued, so a period's run happens exactly once. The alert digest is the
 * first job; a monthly request reminder would be another job name with its own period.
 */
import { and, eq, sql } from "drizzle-orm";
import { type Db, rowsOf, type Tx } from "~db/client";
import { personSchedules } from "~db/schema";
import { withSystem } from "~db/tenant";

export interface ClaimedSchedule {
  userId: string;
  lastRunAt: Date | null;
}

/** Claims up to `limit` due rows of `job` for `leaseMs`. */
export async function claimDueSchedules(db: Db, job: string, limit: number, leaseMs: number): Promise<ClaimedSchedule[]> {
  return withSystem(db, async (tx) => {
    const result = await tx.execute(sql`
      update person_schedules set claimed_until = now() + make_interval(secs => ${leaseMs / 1000})
      where job = ${job} and user_id in (
        select user_id from person_schedules
        where job = ${job} and next_run_at <= now() and (claimed_until is null or claimed_until < now())
        order by next_run_at
        limit ${limit}
        for update skip locked
      )
      returning user_id, last_run_at`);
    return rowsOf<{ user_id: string; last_run_at: Date | string | null }>(result).map((r) => ({
      userId: r.user_id,
      lastRunAt: r.last_run_at === null ? null : new Date(r.last_run_at),
    }));
  });
}

/**
 * Inside the job's transaction: locks the row and says whether it is still due (another instance
 * whose lease lapsed may have finished it meanwhile).
 */
export async function lockDueSchedule(tx: Tx, userId: string, job: string): Promise<{ lastRunAt: Date | null } | null> {
  const [row] = await tx
    .select({ lastRunAt: personSchedules.lastRunAt, due: sql<boolean>`${personSchedules.nextRunAt} <= now()` })
    .from(personSchedules)
    .where(and(eq(personSchedules.userId, userId), eq(personSchedules.job, job)))
    .for("update");
  return row?.due ? { lastRunAt: row.lastRunAt } : null;
}

/** Done for this period: the "last run" mark is now, the next run `nextInMs` later, the claim released. */
export async function finishSchedule(tx: Tx, userId: string, job: string, nextInMs: number): Promise<void> {
  await tx
    .update(personSchedules)
    .set({ lastRunAt: sql`now()`, nextRunAt: sql`now() + make_interval(secs => ${nextInMs / 1000})`, claimedUntil: null })
    .where(and(eq(personSchedules.userId, userId), eq(personSchedules.job, job)));
}
