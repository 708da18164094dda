import type { ReactNode } from "react";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { requireOrgContext } from "~/auth/tenant.server";
import { can } from "~/auth/permissions";
import { BudgetCard, CashRunwayCard, DebtCard, SpendCard } from "~/components/dashboard/chart-cards";
import { HeadlineCards } from "~/components/dashboard/headline-cards";
import { RaisedCard, RiskCard } from "~/components/dashboard/record-cards";
import { WindowSelector } from "~/components/dashboard/window-selector";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { localeFromMatches, translate, useT } from "~/i18n";
import { monthText } from "~/lib/format";
import { OnboardingChecklist } from "~/components/onboarding-checklist";
import { openAlertCounts } from "~/models/alert.server";
import { getOnboarding } from "~/models/onboarding.server";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { getStartupDashboard, parseDashboardWindow, type StartupDashboard } from "~/models/dashboard.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  const org = data?.org.name ?? translate(locale, "common.appName");
  return [{ title: translate(locale, data?.org.kind === "startup" ? "dashboard.meta.startup" : "dashboard.meta.investor", { org }) }];
};

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
  const t = useT();
  const checklist = <OnboardingChecklist steps={onboarding} orgSlug={org.slug} />;
  if (dashboard === null) {
    const base = `/o/${org.slug}`;
    return (
      <>
        <PageHeader title={org.name} description={t("dashboard.overview.description", { currency: org.baseCurrency, role: t(`common.role.${role}`) })} />
        {checklist}
        <div className="grid gap-4 md:grid-cols-2">
          <Card title={t("dashboard.overview.portfolio")}>
            <p className="text-sm text-slate-700" data-testid="overview-companies">
              {overview && overview.companyCount > 0
                ? t("dashboard.overview.companies", { count: overview.companyCount })
                : t("dashboard.overview.noCompanies")}
            </p>
            <p className="mt-3 flex flex-wrap gap-3 text-sm">
              <TextLink to={`${base}/portfolio`}>
                {t("dashboard.overview.openPortfolio")}
              </TextLink>
              <TextLink to={`${base}/companies`}>
                {t("dashboard.overview.requestAccess")}
              </TextLink>
            </p>
          </Card>
          <Card title={t("dashboard.overview.warnings")}>
            <p className="text-sm text-slate-700" data-testid="overview-alerts">
              {overview && overview.alerts.total > 0
                ? t("dashboard.overview.alerts", {
                    critical: overview.alerts.critical,
                    warning: overview.alerts.warning,
                    unacknowledged: overview.alerts.unacknowledged,
                  })
                : t("dashboard.overview.noAlerts")}
            </p>
            <p className="mt-3 text-sm">
              <TextLink to={`${base}/alerts`}>
                {t("dashboard.overview.openAlerts")}
              </TextLink>
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
        <PageHeader title={org.name} description={t("dashboard.startup.emptyDescription", { currency: org.baseCurrency })} />
        {checklist}
        <EmptyState title={t("dashboard.startup.noReports")}>
          <p>{t("dashboard.startup.noReportsBody")}</p>
          {canEdit ? (
            <p className="mt-4 flex flex-wrap justify-center gap-3">
              <Link to={`${base}/reports/new`} className="rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700">
                {t("dashboard.startup.enterMonth")}
              </Link>
              <Link to={`${base}/reports/import`} className="rounded-md border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
                {t("dashboard.startup.importCsv")}
              </Link>
            </p>
          ) : (
            <p className="mt-2">{t("dashboard.startup.viewerNote", { org: org.name })}</p>
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
  const t = useT();
  return (
    <>
      <PageHeader
        title={orgName}
        description={t("dashboard.startup.description", { month: monthText(t, h.month), currency })}
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
