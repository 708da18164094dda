/**
 * The early-warning digest (decision 023): for each fund member who chose a daily or weekly
 * digest, the warnings (not critical: those came at once) first seen in their funds since their
 * last digest, one message per fund. Run by the outbox worker's loop on every instance; the
 * schedule rows (person-schedule.server.ts) make each period's digest go once.
 */
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~db/client";
import { alerts, memberships, orgs } from "~db/schema";
import { withSystem } from "~db/tenant";
import { alertMail } from "~/server/mail.server";
import { alertLines } from "./alert.server";
import { mailOrigin, queueNotification, settingOf } from "./notification.server";
import { claimDueSchedules, finishSchedule, lockDueSchedule } from "./person-schedule.server";

export const ALERT_DIGEST_JOB = "alert_digest";
const DAY_MS = 86_400_000;

/** Every member of a fund has a digest schedule; a new one's first digest covers from now on. */
async function addMissingSchedules(db: Db): Promise<void> {
  await withSystem(db, (tx) =>
    tx.execute(sql`
      insert into person_schedules (user_id, job, last_run_at, next_run_at)
      select distinct m.user_id, ${ALERT_DIGEST_JOB}, now(), now() + interval '1 day'
      from memberships m join orgs o on o.id = m.org_id and o.kind = 'investor'
      on conflict do nothing`),
  );
}

/** One person's digest, in one transaction with the mark that it went. */
async function digestFor(db: Db, userId: string, origin: string): Promise<number> {
  return withSystem(db, async (tx) => {
    const schedule = await lockDueSchedule(tx, userId, ALERT_DIGEST_JOB);
    if (!schedule) return 0;
    const setting = await settingOf(tx, userId, "alert");
    let queued = 0;
    if (setting === "daily" || setting === "weekly") {
      const since = schedule.lastRunAt ?? new Date(Date.now() - DAY_MS);
      const funds = await tx
        .select({ id: orgs.id, name: orgs.name, slug: orgs.slug })
        .from(memberships)
        .innerJoin(orgs, and(eq(orgs.id, memberships.orgId), eq(orgs.kind, "investor"), isNull(orgs.purgeAfter)))
        .where(eq(memberships.userId, userId));
      for (const fund of funds) {
        const company = sql<string>`(select c.name from orgs c where c.id = ${alerts.companyOrgId})`;
        const list = await tx
          .select({ kind: alerts.kind, companyName: company })
          .from(alerts)
          .where(and(eq(alerts.orgId, fund.id), inArray(alerts.severity, ["warning"]), isNull(alerts.resolvedAt), gt(alerts.firstSeenAt, since)))
          .orderBy(asc(alerts.firstSeenAt), asc(alerts.id));
        if (list.length === 0) continue;
        queued += await queueNotification(tx, {
          orgId: null, // the person's own mail: it names companies (see alert.server.ts)
          kind: "alert_digest",
          userIds: [userId],
          origin,
          compose: (locale, links) =>
            alertMail("digest", locale, { org: fund.name, lines: alertLines(locale, list), link: `${origin}/o/${fund.slug}/alerts` }, links),
        });
      }
    }
    // Off or "immediately": nothing to gather; look again in a day (the choice may change).
    await finishSchedule(tx, userId, ALERT_DIGEST_JOB, setting === "weekly" ? 7 * DAY_MS : DAY_MS);
    return queued;
  });
}

/** One run of the digest job: schedules for new fund members, then up to `limit` due digests. Returns how many mails it queued. */
export async function runAlertDigests(db: Db, { limit = 50, leaseMs = 5 * 60_000, origin = mailOrigin() } = {}): Promise<number> {
  await addMissingSchedules(db);
  let queued = 0;
  for (const claimed of await claimDueSchedules(db, ALERT_DIGEST_JOB, limit, leaseMs)) {
    queued += await digestFor(db, claimed.userId, origin);
  }
  return queued;
}
