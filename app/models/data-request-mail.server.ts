/**
 * A data request's reminder mail (decision 026): the kind `request_reminder`, queued through
 * queueNotification in the caller's transaction (the fund's "remind now" or the reminder job's), so
 * each person of the company may turn reminders off and every message carries one-click unsubscribe.
 */
import type { Tx } from "~db/client";
import { dateText, monthRangeText } from "~/i18n/display";
import { requestReminderMail } from "~/server/mail.server";
import { orgForMail, orgPeople, queueNotification } from "./notification.server";

/** Who is reminded: the people who can answer (owners, admins, members); viewers cannot. */
const ANSWERERS = ["owner", "admin", "member"] as const;

export interface ReminderSubject {
  companyOrgId: string;
  fundName: string;
  monthFrom: string;
  monthTo: string;
  dueOn: string;
}

/** Queues the reminder to the company's people who want it; returns the company's name. */
export async function queueRequestReminder(tx: Tx, request: ReminderSubject, origin: string): Promise<string> {
  const company = await orgForMail(tx, request.companyOrgId);
  if (!company) return "";
  const people = await orgPeople(tx, request.companyOrgId, ANSWERERS);
  await queueNotification(tx, {
    orgId: request.companyOrgId,
    kind: "request_reminder",
    userIds: people,
    origin,
    compose: (locale, links) =>
      requestReminderMail(
        locale,
        {
          fund: request.fundName,
          company: company.name,
          period: monthRangeText(locale, request.monthFrom, request.monthTo),
          due: dateText(locale, request.dueOn),
          link: `${origin}/o/${company.slug}/requests`,
        },
        links,
      ),
  });
  return company.name;
}
