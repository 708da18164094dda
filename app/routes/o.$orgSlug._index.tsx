import "~/page-kit";
import type { ReactNode } from "react";
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { can } from "~/auth/permissions";
import { BudgetCard, CashRunwayCard, DebtCard, MissingMonthsNotice, SpendCard } from "~/components/dashboard/chart-cards";
import { HeadlineCards } from "~/components/dashboard/headline-cards";
import { RaisedCard, RiskCard } from "~/components/dashboard/record-cards";
import { WindowSelector } from "~/components/dashboard/window-selector";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { localeFromMatches, translate, useT } from "~/i18n";
import { monthText } from "~/i18n/display";
import { OnboardingChecklist } from "~/components/onboarding-checklist";
import { PrintCover } from "~/components/print-cover";
import { common_print_report_dashboard } from "~/paraglide/messages/common_print_report_dashboard.js";
import { getOnboarding } from "~/models/onboarding.server";
import { MetricCards } from "~/components/dashboard/metric-cards";
import { listMetrics } from "~/models/metric.server";
import type { MetricView } from "~/views/metrics";
import { getStartupDashboard, parseDashboardWindow, type StartupDashboard } from "~/models/dashboard.server";
import { common_appName } from "~/paraglide/messages/common_appname1.js";
import { dashboard_meta_startup } from "~/paraglide/messages/dashboard_meta_startup.js";
import { dashboard_startup_description } from "~/paraglide/messages/dashboard_startup_description.js";
import { dashboard_startup_emptyDescription } from "~/paraglide/messages/dashboard_startup_emptydescription1.js";
import { dashboard_startup_enterMonth } from "~/paraglide/messages/dashboard_startup_entermonth1.js";
import { dashboard_startup_importCsv } from "~/paraglide/messages/dashboard_startup_importcsv1.js";
import { dashboard_startup_noReports } from "~/paraglide/messages/dashboard_startup_noreports1.js";
import { dashboard_startup_noReportsBody } from "~/paraglide/messages/dashboard_startup_noreportsbody2.js";
import { dashboard_startup_viewerNote } from "~/paraglide/messages/dashboard_startup_viewernote1.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  const org = data?.org.name ?? translate(locale, common_appName);
  return [{ title: translate(locale, dashboard_meta_startup, { org }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:org");
  // A fund's home is its overview, a page of its own (o.$orgSlug.overview.tsx says why).
  if (ctx.org.kind !== "startup") throw redirect(`/o/${ctx.org.slug}/overview`);
  const org = { name: ctx.org.name, slug: ctx.org.slug, baseCurrency: ctx.org.baseCurrency };
  const window = parseDashboardWindow(new URL(request.url).searchParams.get("window"));
  const [dashboard, metrics] = await Promise.all([getStartupDashboard(ctx, { window }), listMetrics(ctx)]);
  // A viewer cannot do any of the steps, so the checklist is for the people who can.
  const onboarding = ctx.role === "viewer" ? [] : await getOnboarding(ctx);
  return json({ org, canEdit: can(ctx.role, "edit:records"), window, dashboard, onboarding, metrics });
}

export default function OrgDashboard() {
  const { org, canEdit, window, dashboard, onboarding, metrics } = useLoaderData<typeof loader>();
  const t = useT();
  const checklist = <OnboardingChecklist steps={onboarding} orgSlug={org.slug} />;
  const base = `/o/${org.slug}`;
  if (dashboard.kind === "empty") {
    return (
      <>
        <PageHeader title={org.name} description={t(dashboard_startup_emptyDescription, { currency: org.baseCurrency })} />
        {checklist}
        <EmptyState title={t(dashboard_startup_noReports)}>
          <p>{t(dashboard_startup_noReportsBody)}</p>
          {canEdit ? (
            <p className="mt-4 flex flex-wrap justify-center gap-3">
              <Link to={`${base}/reports/new`} className="rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700">
                {t(dashboard_startup_enterMonth)}
              </Link>
              <Link to={`${base}/reports/import`} className="rounded-md border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
                {t(dashboard_startup_importCsv)}
              </Link>
            </p>
          ) : (
            <p className="mt-2">{t(dashboard_startup_viewerNote, { org: org.name })}</p>
          )}
        </EmptyState>
        <div className="mt-6">
          <MetricCards metrics={metrics} currency={org.baseCurrency} hrefOf={(m) => `${base}/metrics/${m.id}`} />
        </div>
      </>
    );
  }
  return <StartupDashboardView base={base} orgName={org.name} window={window} data={dashboard} checklist={checklist} canEdit={canEdit} metrics={metrics} />;
}

type Ready = Extract<StartupDashboard, { kind: "ready" }>;

function StartupDashboardView({
  base,
  orgName,
  window,
  data,
  checklist,
  canEdit,
  metrics,
}: {
  metrics: MetricView[];
  base: string;
  orgName: string;
  window: number;
  data: Ready;
  checklist: ReactNode;
  canEdit: boolean;
}) {
  const { headline: h, currency } = data;
  const t = useT();
  return (
    <>
      <PrintCover report={t(common_print_report_dashboard, { company: orgName })} month={monthText(t, h.month)} />
      <PageHeader
        title={orgName}
        description={t(dashboard_startup_description, { month: monthText(t, h.month), currency })}
        actions={<WindowSelector path={base} window={window} />}
      />
      {checklist}
      <HeadlineCards headline={h} currency={currency} />
      <MissingMonthsNotice months={data.missingMonths} reportHref={canEdit ? (month) => `${base}/reports/${month}` : undefined} />
      <div className="mt-6 grid gap-6 lg:grid-cols-2 print:mt-3 print:grid-cols-2 print:gap-3">
        <CashRunwayCard cashHistory={data.cashHistory} currency={currency} headline={h} />
        <SpendCard spendHistory={data.spendHistory} currency={currency} />
        <BudgetCard budget={data.budget} currency={currency} month={h.month} base={base} />
        <DebtCard debt={data.debt} currency={currency} month={h.month} base={base} />
        <RiskCard risks={data.risks} base={base} />
        <RaisedCard raised={data.raised} currency={currency} base={base} />
      </div>
      <div className="mt-6 print:mt-3">
        <MetricCards metrics={metrics} currency={currency} hrefOf={(m) => `${base}/metrics/${m.id}`} />
      </div>
    </>
  );
}
