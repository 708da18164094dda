import "~/page-kit";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { RequestStatusBadge } from "~/components/request-status";
import { TextLink } from "~/components/ui/button";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { monthsBetween } from "~/finance/month";
import { metaTitle, useLocale, useT } from "~/i18n";
import { dateText, monthRangeText, monthText } from "~/i18n/display";
import { metricName } from "~/i18n/metric-format";
import { requestAsks } from "~/components/request-asks";
import { listRequestInbox } from "~/models/data-request.server";
import { appNow } from "~/server/clock.server";
import { records_request_inbox_answerMetric } from "~/paraglide/messages/records_request_inbox_answermetric1.js";
import { records_request_inbox_answerReport } from "~/paraglide/messages/records_request_inbox_answerreport1.js";
import { records_request_inbox_arr } from "~/paraglide/messages/records_request_inbox_arr.js";
import { records_request_inbox_asked } from "~/paraglide/messages/records_request_inbox_asked.js";
import { records_request_inbox_description } from "~/paraglide/messages/records_request_inbox_description.js";
import { records_request_inbox_due } from "~/paraglide/messages/records_request_inbox_due.js";
import { records_request_inbox_emptyText } from "~/paraglide/messages/records_request_inbox_emptytext1.js";
import { records_request_inbox_emptyTitle } from "~/paraglide/messages/records_request_inbox_emptytitle1.js";
import { records_request_inbox_from } from "~/paraglide/messages/records_request_inbox_from.js";
import { records_request_inbox_oneReport } from "~/paraglide/messages/records_request_inbox_onereport1.js";
import { records_request_inbox_progress } from "~/paraglide/messages/records_request_inbox_progress.js";
import { records_request_inbox_reminded } from "~/paraglide/messages/records_request_inbox_reminded.js";
import { records_request_inbox_report } from "~/paraglide/messages/records_request_inbox_report.js";
import { records_request_inbox_title } from "~/paraglide/messages/records_request_inbox_title.js";
import { records_request_inbox_viewerNote } from "~/paraglide/messages/records_request_inbox_viewernote1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_request_inbox_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const requests = await listRequestInbox(ctx, appNow());
  return json({ requests, base: `/o/${ctx.org.slug}`, canAnswer: can(ctx.role, "edit:records") });
}

export default function RequestInbox() {
  const { requests, base, canAnswer } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHeader title={t(records_request_inbox_title)} description={t(records_request_inbox_description)} />
      <div className="space-y-6">
        {requests.length === 0 ? (
          <EmptyState title={t(records_request_inbox_emptyTitle)}>{t(records_request_inbox_emptyText)}</EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t(canAnswer ? records_request_inbox_oneReport : records_request_inbox_viewerNote)}</p>
            <ul className="space-y-4">
              {requests.map((r) => (
                <li key={r.id} data-request={r.id}>
                  <Card title={t(records_request_inbox_from, { fund: r.fundName, period: monthRangeText(locale, r.monthFrom, r.monthTo) })}>
                    <div className="flex flex-wrap items-center gap-3 text-sm">
                      <RequestStatusBadge status={r.progress.status} />
                      <span>{t(records_request_inbox_due, { date: dateText(locale, r.dueOn) })}</span>
                      <span>{t(records_request_inbox_progress, { answered: r.progress.answered, asked: r.progress.asked })}</span>
                    </div>
                    {r.note ? <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{r.note}</p> : null}
                    <h3 className="mt-4 text-sm font-medium">{t(records_request_inbox_asked)}</h3>
                    <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                      {requestAsks(locale, r.asks, { report: t(records_request_inbox_report), arr: t(records_request_inbox_arr) }).map((ask, i) => (
                        <li key={i}>{ask}</li>
                      ))}
                    </ul>
                    {canAnswer ? (
                      <div className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
                        {monthsBetween(r.monthFrom, r.monthTo).map((month) => (
                          <TextLink key={month} to={`${base}/reports/${month}`}>
                            {t(records_request_inbox_answerReport, { month: monthText(locale, month) })}
                          </TextLink>
                        ))}
                        {r.asks.metrics.flatMap((m) =>
                          r.metricIds[m.key]
                            ? [
                                <TextLink key={m.key} to={`${base}/metrics/${r.metricIds[m.key]}`}>
                                  {t(records_request_inbox_answerMetric, { metric: metricName(locale, m) })}
                                </TextLink>,
                              ]
                            : [],
                        )}
                      </div>
                    ) : null}
                    {r.reminders.length > 0 ? (
                      <p className="mt-3 text-xs text-slate-600">
                        {t(records_request_inbox_reminded, { dates: r.reminders.map((x) => dateText(locale, x.at)).join(", ") })}
                      </p>
                    ) : null}
                  </Card>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
