import type { ReactNode } from "react";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { can } from "~/auth/permissions";
import { BudgetCard, CashRunwayCard, DebtCard, SpendCard } from "~/components/dashboard/chart-cards";
import { HeadlineCards } from "~/components/dashboard/headline-cards";
import { RaisedCard, RiskCard } from "~/components/dashboard/record-cards";
import { WindowSelector } from "~/components/dashboard/window-selector";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { plural } from "~/lib/format";
import { OnboardingChecklist } from "~/components/onboarding-checklist";
import { openAlertCounts } from "~/models/alert.server";
import { getOnboarding } from "~/models/onboarding.server";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { getStartupDashboard, parseDashboardWindow, type StartupDashboard } from "~/models/dashboard.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.org.kind === "startup" ? "Dashboard" : "Overview"} · ${data?.org.name ?? "Capital Desk"}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:org");
  const org = { name: ctx.org.name, slug: ctx.org.slug, kind: ctx.org.kind, baseCurrency: ctx.org.baseCurrency };
  if (ctx.org.kind !== "startup") {
    const [alerts, companies] = await Promise.all([openAlertCounts(ctx), listAccessibleCompanies(ctx)]);
    const overview = { alerts, companyCount: companies.length };
    const onboarding = ctx.role === "viewer" ? [] : await getOnboarding(ctx);
    return json({ org, role: ctx.role, canEdit: false, window: 3 as const, dashboard: null, overview, onboarding });
  }
  const window = parseDashboardWindow(new URL(request.url).searchParams.get("window"));
  const dashboard = await getStartupDashboard(ctx, { window });
  // A viewer cannot do any of the steps, so the checklist is for the people who can.
  const onboarding = ctx.role === "viewer" ? [] : await getOnboarding(ctx);
  return json({ org, role: ctx.role, canEdit: can(ctx.role, "edit:records"), window, dashboard, overview: null, onboarding });
}

export default function OrgDashboard() {
  const { org, role, canEdit, window, dashboard, overview, onboarding } = useLoaderData<typeof loader>();
  const checklist = <OnboardingChecklist steps={onboarding} orgSlug={org.slug} />;
  if (dashboard === null) {
    const base = `/o/${org.slug}`;
    return (
      <>
        <PageHeader title={org.name} description={`Investor · base currency ${org.baseCurrency} · you are ${role}`} />
        {checklist}
        <div className="grid gap-4 md:grid-cols-2">
          <Card title="Portfolio">
            <p className="text-sm text-slate-700" data-testid="overview-companies">
              {overview && overview.companyCount > 0
                ? `${plural(overview.companyCount, "company", "companies")} linked through approved access grants.`
                : "No company has approved access yet. Ask a startup for its share code and request access."}
            </p>
            <p className="mt-3 flex flex-wrap gap-3 text-sm">
              <Link className="text-indigo-700 underline" to={`${base}/portfolio`}>Open the portfolio</Link>
              <Link className="text-indigo-700 underline" to={`${base}/companies`}>Request access to a company</Link>
            </p>
          </Card>
          <Card title="Early warnings">
            <p className="text-sm text-slate-700" data-testid="overview-alerts">
              {overview && overview.alerts.total > 0
                ? `${overview.alerts.critical} critical and ${overview.alerts.warning} warning alerts open; ${overview.alerts.unacknowledged} not yet acknowledged.`
                : "No open early warnings: every linked company is within your rules."}
            </p>
            <p className="mt-3 text-sm">
              <Link className="text-indigo-700 underline" to={`${base}/alerts`}>Open the alert feed</Link>
            </p>
          </Card>
        </div>
      </>
    );
  }
  const base = `/o/${org.slug}`;
  if (dashboard.kind === "empty") {
    return (
      <>
        <PageHeader title={org.name} description={`Company dashboard · base currency ${org.baseCurrency}`} />
        {checklist}
        <EmptyState title="No monthly reports yet">
          <p>Cash, burn, runway and the forecasts start from your monthly reports: cash at month end, revenue and spend by category.</p>
          {canEdit ? (
            <p className="mt-4 flex flex-wrap justify-center gap-3">
              <Link to={`${base}/reports/new`} className="rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700">
                Enter a month
              </Link>
              <Link to={`${base}/reports/import`} className="rounded-md border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
                Import a CSV
              </Link>
            </p>
          ) : (
            <p className="mt-2">As a viewer you cannot add reports; ask an owner, admin or member of {org.name} to enter the first month.</p>
          )}
        </EmptyState>
      </>
    );
  }
  return <StartupDashboardView base={base} orgName={org.name} window={window} data={dashboard} checklist={checklist} />;
}

type Ready = Extract<StartupDashboard, { kind: "ready" }>;

function StartupDashboardView({ base, orgName, window, data, checklist }: { base: string; orgName: string; window: number; data: Ready; checklist: ReactNode }) {
  const { headline: h, currency } = data;
  return (
    <>
      <PageHeader
        title={orgName}
        description={`Company dashboard as of ${h.month}, the latest reported month · amounts in ${currency}`}
        actions={<WindowSelector path={base} window={window} />}
      />
      {checklist}
      <HeadlineCards headline={h} currency={currency} />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <CashRunwayCard cashHistory={data.cashHistory} currency={currency} headline={h} />
        <SpendCard spendHistory={data.spendHistory} currency={currency} />
        <BudgetCard budget={data.budget} currency={currency} month={h.month} base={base} />
        <DebtCard debt={data.debt} currency={currency} month={h.month} base={base} />
        <RiskCard risks={data.risks} base={base} />
        <RaisedCard raised={data.raised} currency={currency} base={base} />
      </div>
    </>
  );
}
