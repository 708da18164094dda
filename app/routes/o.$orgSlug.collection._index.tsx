import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireInvestor, requirePermission } from "~/auth/tenant.server";
import { RequestStatusBadge, useRequestStatusLabel } from "~/components/request-status";
import { TextLink } from "~/components/ui/button";
import { FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { ListPager } from "~/components/list-filters";
import { SortHeader } from "~/components/ui/sort-header";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { useHrefWith } from "~/components/use-href-with";
import { isUuid } from "~/domain/bounds";
import { metaTitle, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { dateCell, monthText } from "~/i18n/display";
import { COLLECTION_SORTS, type CollectionSort, getCollectionView, remindNow } from "~/models/data-request.server";
import { appNow } from "~/server/clock.server";
import { failureFromError } from "~/server/forms.server";
import { notFound } from "~/server/http.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { investor_request_col_answered } from "~/paraglide/messages/investor_request_col_answered.js";
import { investor_request_col_company } from "~/paraglide/messages/investor_request_col_company.js";
import { investor_request_col_due } from "~/paraglide/messages/investor_request_col_due.js";
import { investor_request_col_reminded } from "~/paraglide/messages/investor_request_col_reminded.js";
import { investor_request_col_status } from "~/paraglide/messages/investor_request_col_status.js";
import { investor_request_collection_caption } from "~/paraglide/messages/investor_request_collection_caption.js";
import { investor_request_collection_counts } from "~/paraglide/messages/investor_request_collection_counts.js";
import { investor_request_collection_description } from "~/paraglide/messages/investor_request_collection_description.js";
import { investor_request_collection_emptyManager } from "~/paraglide/messages/investor_request_collection_emptymanager1.js";
import { investor_request_collection_emptyTitle } from "~/paraglide/messages/investor_request_collection_emptytitle1.js";
import { investor_request_collection_emptyViewer } from "~/paraglide/messages/investor_request_collection_emptyviewer1.js";
import { investor_request_collection_new } from "~/paraglide/messages/investor_request_collection_new.js";
import { investor_request_collection_period } from "~/paraglide/messages/investor_request_collection_period.js";
import { investor_request_collection_show } from "~/paraglide/messages/investor_request_collection_show.js";
import { investor_request_collection_summary } from "~/paraglide/messages/investor_request_collection_summary.js";
import { investor_request_collection_title } from "~/paraglide/messages/investor_request_collection_title.js";
import { investor_plans_link } from "~/paraglide/messages/investor_plans_link.js";
import { investor_request_remindNow } from "~/paraglide/messages/investor_request_remindnow1.js";
import { investor_request_remindNowPending } from "~/paraglide/messages/investor_request_remindnowpending2.js";
import { investor_request_reminded } from "~/paraglide/messages/investor_request_reminded.js";
import { investor_request_progress } from "~/paraglide/messages/investor_request_progress.js";
import { investor_request_collection_invite } from "~/paraglide/messages/investor_request_collection_invite.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_request_collection_title)];

const isSort = (v: string | null): v is CollectionSort => (COLLECTION_SORTS as readonly (string | null)[]).includes(v);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const q = new URL(request.url).searchParams;
  const sort = q.get("sort");
  const dir: "asc" | "desc" = q.get("dir") === "desc" ? "desc" : "asc";
  const page = Number(q.get("page") ?? "1");
  const view = await getCollectionView(
    ctx,
    {
      month: q.get("month"),
      sort: isSort(sort) ? sort : "status",
      dir,
      page: Number.isSafeInteger(page) ? page : 1,
    },
    appNow(),
  );
  return json({ view, sort: isSort(sort) ? sort : "status", dir, canManage: can(ctx.role, "manage:requests") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  requirePermission(ctx, "manage:requests");
  const locale = getLocale(request);
  const formData = await request.formData();
  const requestId = String(formData.get("requestId") ?? "");
  if (!isUuid(requestId)) notFound();
  try {
    const { companyName } = await remindNow(ctx, requestId, appNow(), context.origin);
    const url = new URL(request.url);
    return redirectWithToast(`${url.pathname}${url.search}`, toast(investor_request_reminded, { company: companyName }));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function CollectionView() {
  const { view, sort, dir, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const hrefWith = useHrefWith();
  const statusLabel = useRequestStatusLabel();
  const sortHref = (key: CollectionSort) => hrefWith({ sort: key, dir: sort === key && dir === "asc" ? "desc" : "asc" });
  const sorted = (key: CollectionSort) => (sort === key ? dir : null);
  return (
    <>
      <PageHeader
        title={t(investor_request_collection_title)}
        description={t(investor_request_collection_description)}
        actions={
          <div className="flex flex-wrap gap-4">
            {canManage ? <TextLink to="new">{t(investor_request_collection_new)}</TextLink> : null}
            {canManage ? <TextLink to="invite">{t(investor_request_collection_invite)}</TextLink> : null}
            <TextLink to="plans">{t(investor_plans_link)}</TextLink>
          </div>
        }
      />
      <div className="space-y-6">
        <FormError error={result && !result.ok ? result.formError : undefined} />
        {view.month === null ? (
          <EmptyState title={t(investor_request_collection_emptyTitle)}>
            {t(canManage ? investor_request_collection_emptyManager : investor_request_collection_emptyViewer)}
          </EmptyState>
        ) : (
          <Card>
            <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
              <SelectField
                label={t(investor_request_collection_period)}
                name="month"
                defaultValue={view.month}
                options={view.periods.map((m) => ({ value: m, label: monthText(locale, m) }))}
              />
              <SubmitButton variant="secondary">{t(investor_request_collection_show)}</SubmitButton>
            </Form>
            <p className="mb-3 text-sm text-slate-700">
              {t(investor_request_collection_counts, {
                fulfilled: view.counts.fulfilled,
                partly: view.counts.partly,
                not_started: view.counts.not_started,
                late: view.counts.late,
              })}
            </p>
            <Table caption={t(investor_request_collection_caption, { month: monthText(locale, view.month) })}>
              <TableHead>
                <SortHeader
                  className="whitespace-nowrap py-2 pr-4"
                  label={t(investor_request_col_company)}
                  sorted={sorted("company")}
                  href={sortHref("company")}
                />
                <SortHeader
                  className="whitespace-nowrap py-2 pr-4"
                  label={t(investor_request_col_status)}
                  sorted={sorted("status")}
                  href={sortHref("status")}
                />
                <SortHeader className="whitespace-nowrap py-2 pr-4" label={t(investor_request_col_due)} sorted={sorted("due")} href={sortHref("due")} />
                <SortHeader
                  className="whitespace-nowrap py-2 pr-4"
                  label={t(investor_request_col_answered)}
                  sorted={sorted("answered")}
                  href={sortHref("answered")}
                />
                <Th nowrap>{t(investor_request_col_reminded)}</Th>
                {canManage ? <Th last /> : null}
              </TableHead>
              <tbody>
                {view.rows.map((r) => (
                  <Tr key={r.id} data-request={r.id}>
                    <Td>{r.companyName}</Td>
                    <Td>
                      <RequestStatusBadge status={r.status} />{" "}
                      <span className="text-xs text-slate-600">{t(investor_request_progress, { answered: r.answered, asked: r.asked })}</span>
                    </Td>
                    <Td nowrap>{dateCell(locale, r.dueOn)}</Td>
                    <Td nowrap>{r.answeredAt ? dateCell(locale, r.answeredAt) : "—"}</Td>
                    <Td nowrap>{r.lastReminderAt ? dateCell(locale, r.lastReminderAt) : "—"}</Td>
                    {canManage ? (
                      <Td last>
                        {r.canRemind ? (
                          <Form method="post">
                            <input type="hidden" name="requestId" value={r.id} />
                            <SubmitButton variant="secondary" pendingText={t(investor_request_remindNowPending)}>
                              <span>{t(investor_request_remindNow)}</span>
                              <span className="sr-only">
                                {" "}
                                {r.companyName} ({statusLabel(r.status)})
                              </span>
                            </SubmitButton>
                          </Form>
                        ) : null}
                      </Td>
                    ) : null}
                  </Tr>
                ))}
              </tbody>
            </Table>
            <ListPager
              list={{ page: view.page, pageCount: view.pages }}
              hrefWith={hrefWith}
              summary={t(investor_request_collection_summary, { count: view.total })}
            />
          </Card>
        )}
      </div>
    </>
  );
}
