import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { can } from "~/auth/permissions";
import { BudgetCard, CashRunwayCard, DebtCard, SpendCard } from "~/components/dashboard/chart-cards";
import { HeadlineCards } from "~/components/dashboard/headline-cards";
import { RaisedCard, RiskCard } from "~/components/dashboard/record-cards";
import { WindowSelector } from "~/components/dashboard/window-selector";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { getStartupDashboard, parseDashboardWindow, type StartupDashboard } from "~/models/dashboard.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.org.kind === "startup" ? "Dashboard" : "Overview"} · ${data?.org.name ?? "Capital Desk"}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:org");
  const org = { name: ctx.org.name, slug: ctx.org.slug, kind: ctx.org.kind, baseCurrency: ctx.org.baseCurrency };
  if (ctx.org.kind !== "startup") return json({ org, role: ctx.role, canEdit: false, window: 3 as const, dashboard: null });
  const window = parseDashboardWindow(new URL(request.url).searchParams.get("window"));
  const dashboard = await getStartupDashboard(ctx, { window });
  return json({ org, role: ctx.role, canEdit: can(ctx.role, "edit:records"), window, dashboard });
}

export default function OrgDashboard() {
  const { org, role, canEdit, window, dashboard } = useLoaderData<typeof loader>();
  if (dashboard === null) {
    return (
      <>
        <PageHeader title={org.name} description={`Investor · base currency ${org.baseCurrency} · you are ${role}`} />
        <Card title="Welcome">
          <p className="text-sm text-slate-700">Link portfolio companies, follow their runway, burn and risk, and get early warnings.</p>
        </Card>
      </>
    );
  }
  const base = `/o/${org.slug}`;
  if (dashboard.kind === "empty") {
    return (
      <>
        <PageHeader title={org.name} description={`Company dashboard · base currency ${org.baseCurrency}`} />
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
  return <StartupDashboardView base={base} orgName={org.name} window={window} data={dashboard} />;
}

type Ready = Extract<StartupDashboard, { kind: "ready" }>;

function StartupDashboardView({ base, orgName, window, data }: { base: string; orgName: string; window: number; data: Ready }) {
  const { headline: h, currency } = data;
  return (
    <>
      <PageHeader
        title={orgName}
        description={`Company dashboard as of ${h.month}, the latest reported month · amounts in ${currency}`}
        actions={<WindowSelector path={base} window={window} />}
      />
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
