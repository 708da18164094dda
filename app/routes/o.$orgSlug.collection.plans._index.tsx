import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireInvestor, requirePermission } from "~/auth/tenant.server";
import { ListPager } from "~/components/list-filters";
import { requestAsks } from "~/components/request-asks";
import { TextLink } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { FormError } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { useHrefWith } from "~/components/use-href-with";
import { formatReminderSteps } from "~/domain/data-request";
import { isUuid } from "~/domain/bounds";
import { confirmedField, versionField } from "~/domain/fields";
import { metaTitle, useFormat, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { zodMessage } from "~/i18n/zod-messages";
import { listRequestPlans, stopRequestPlan } from "~/models/request-plan.server";
import { appNow } from "~/server/clock.server";
import { failureFromError, invalidForm, parseForm } from "~/server/forms.server";
import { notFound } from "~/server/http.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { investor_plans_allCompanies } from "~/paraglide/messages/investor_plans_allcompanies1.js";
import { investor_plans_change_action } from "~/paraglide/messages/investor_plans_change_action.js";
import { investor_plans_change_label } from "~/paraglide/messages/investor_plans_change_label.js";
import { investor_plans_col_asks } from "~/paraglide/messages/investor_plans_col_asks.js";
import { investor_plans_col_companies } from "~/paraglide/messages/investor_plans_col_companies.js";
import { investor_plans_col_due } from "~/paraglide/messages/investor_plans_col_due.js";
import { investor_plans_col_reminders } from "~/paraglide/messages/investor_plans_col_reminders.js";
import { investor_plans_description } from "~/paraglide/messages/investor_plans_description.js";
import { investor_plans_due } from "~/paraglide/messages/investor_plans_due.js";
import { investor_plans_emptyManager } from "~/paraglide/messages/investor_plans_emptymanager1.js";
import { investor_plans_emptyTitle } from "~/paraglide/messages/investor_plans_emptytitle1.js";
import { investor_plans_emptyViewer } from "~/paraglide/messages/investor_plans_emptyviewer1.js";
import { investor_plans_error_confirm } from "~/paraglide/messages/investor_plans_error_confirm.js";
import { investor_plans_issued } from "~/paraglide/messages/investor_plans_issued.js";
import { investor_plans_monthlyFrom } from "~/paraglide/messages/investor_plans_monthlyfrom1.js";
import { investor_plans_noReminders } from "~/paraglide/messages/investor_plans_noreminders1.js";
import { investor_plans_quarterlyFrom } from "~/paraglide/messages/investor_plans_quarterlyfrom1.js";
import { investor_plans_reminders } from "~/paraglide/messages/investor_plans_reminders.js";
import { investor_plans_running } from "~/paraglide/messages/investor_plans_running.js";
import { investor_plans_stop_action } from "~/paraglide/messages/investor_plans_stop_action.js";
import { investor_plans_stop_consequence } from "~/paraglide/messages/investor_plans_stop_consequence.js";
import { investor_plans_stop_done } from "~/paraglide/messages/investor_plans_stop_done.js";
import { investor_plans_stop_label } from "~/paraglide/messages/investor_plans_stop_label.js";
import { investor_plans_stop_pending } from "~/paraglide/messages/investor_plans_stop_pending.js";
import { investor_plans_stop_tick } from "~/paraglide/messages/investor_plans_stop_tick.js";
import { investor_plans_stop_title } from "~/paraglide/messages/investor_plans_stop_title.js";
import { investor_plans_stoppedBy } from "~/paraglide/messages/investor_plans_stoppedby1.js";
import { investor_plans_stopped } from "~/paraglide/messages/investor_plans_stopped.js";
import { investor_plans_summary } from "~/paraglide/messages/investor_plans_summary.js";
import { investor_plans_title } from "~/paraglide/messages/investor_plans_title.js";
import { investor_request_form_back } from "~/paraglide/messages/investor_request_form_back.js";
import { records_request_inbox_arr } from "~/paraglide/messages/records_request_inbox_arr.js";
import { records_request_inbox_report } from "~/paraglide/messages/records_request_inbox_report.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_plans_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const list = await listRequestPlans(ctx, { page: Number.isSafeInteger(page) ? page : 1 });
  return json({ list, canManage: can(ctx.role, "manage:requests") });
}

/** Stopping a plan: confirmed, at the version read (decision 035). */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  requirePermission(ctx, "manage:requests");
  const locale = getLocale(request);
  const formData = await request.formData();
  // A plan id that is not one can name no plan of this fund.
  const planId = formData.get("planId");
  if (!isUuid(planId)) notFound();
  const schema = z.object({
    intent: z.literal("stop"),
    version: versionField(),
    confirm: confirmedField(zodMessage(investor_plans_error_confirm)),
  });
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
  try {
    await stopRequestPlan(ctx, planId, parsed.data.version, appNow());
    // Back to the same page of plans (the form's URL also carries `?index`).
    const page = new URL(request.url).searchParams.get("page");
    return redirectWithToast(`/o/${ctx.org.slug}/collection/plans${page ? `?page=${encodeURIComponent(page)}` : ""}`, toast(investor_plans_stop_done));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function RequestPlans() {
  const { list, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  // An unticked stop is refused on the tick box of the plan it was for, not on every plan's.
  const failedPlan = failed && "values" in failed ? failed.values?.planId : undefined;
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const hrefWith = useHrefWith();
  return (
    <>
      <PageHeader
        title={t(investor_plans_title)}
        description={t(investor_plans_description)}
        actions={
          <TextLink to=".." relative="path">
            {t(investor_request_form_back)}
          </TextLink>
        }
      />
      <div className="space-y-6">
        <FormError error={failed?.formError ?? failed?.fieldErrors.version} />
        {list.total === 0 ? (
          <EmptyState title={t(investor_plans_emptyTitle)}>{t(canManage ? investor_plans_emptyManager : investor_plans_emptyViewer)}</EmptyState>
        ) : (
          <>
            <ul className="space-y-4">
              {list.plans.map((plan) => {
                const began = f.month(plan.firstMonth);
                const sentTo = plan.companies === null ? t(investor_plans_allCompanies) : plan.companies.join(", ") || "—";
                return (
                  <li key={plan.id} data-plan={plan.id}>
                    <Card
                      title={t(plan.cadence === "monthly" ? investor_plans_monthlyFrom : investor_plans_quarterlyFrom, { month: began })}
                      actions={
                        plan.stoppedAt ? (
                          <Badge>
                            {plan.stoppedByName
                              ? t(investor_plans_stoppedBy, { date: f.date(plan.stoppedAt), name: plan.stoppedByName })
                              : t(investor_plans_stopped, { date: f.date(plan.stoppedAt) })}
                          </Badge>
                        ) : (
                          <Badge tone="good">{t(investor_plans_running)}</Badge>
                        )
                      }
                    >
                      <dl className="grid gap-3 text-sm sm:grid-cols-2">
                        <Item term={t(investor_plans_col_asks)}>
                          {requestAsks(locale, plan.asks, { report: t(records_request_inbox_report), arr: t(records_request_inbox_arr) }).join(", ")}
                        </Item>
                        <Item term={t(investor_plans_col_companies)}>{sentTo}</Item>
                        <Item term={t(investor_plans_col_due)}>{t(investor_plans_due, { day: plan.dueDay })}</Item>
                        <Item term={t(investor_plans_col_reminders)}>
                          {plan.reminderSteps.length > 0
                            ? t(investor_plans_reminders, { steps: formatReminderSteps(plan.reminderSteps) })
                            : t(investor_plans_noReminders)}
                        </Item>
                      </dl>
                      <p className="mt-3 text-sm text-slate-700">{t(investor_plans_issued, { count: plan.issued, month: f.month(plan.issuedThrough) })}</p>
                      {plan.note ? <p className="mt-3 whitespace-pre-line text-sm text-slate-600">{plan.note}</p> : null}
                      {canManage && !plan.stoppedAt ? (
                        <Form method="post" className="mt-4 flex flex-wrap items-center gap-4" noValidate>
                          <TextLink to={plan.id} aria-label={t(investor_plans_change_label, { month: began, to: sentTo })}>
                            {t(investor_plans_change_action)}
                          </TextLink>
                          <input type="hidden" name="planId" value={plan.id} />
                          <input type="hidden" name="version" value={plan.version} />
                          <ConfirmAction
                            intent="stop"
                            look="secondary"
                            label={t(investor_plans_stop_label, { month: began, to: sentTo })}
                            texts={{
                              action: t(investor_plans_stop_action),
                              title: t(investor_plans_stop_title, { month: began, to: sentTo }),
                              consequence: t(investor_plans_stop_consequence),
                              tick: t(investor_plans_stop_tick),
                              pending: t(investor_plans_stop_pending),
                            }}
                            error={failedPlan === plan.id ? failed?.fieldErrors.confirm : undefined}
                          />
                        </Form>
                      ) : null}
                    </Card>
                  </li>
                );
              })}
            </ul>
            <ListPager list={{ page: list.page, pageCount: list.pages }} hrefWith={hrefWith} summary={t(investor_plans_summary, { count: list.total })} />
          </>
        )}
      </div>
    </>
  );
}

/** One term of a plan's description and its value. */
function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-medium">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
