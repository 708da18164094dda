import "~/page-kit";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireInvestor } from "~/auth/tenant.server";
import { FundAlerts, FundLateReports, FundLowRunway, FundPendingRequests, FundRecentUpdates } from "~/components/fund-overview";
import { OnboardingChecklist } from "~/components/onboarding-checklist";
import { TextLink } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { localeFromMatches, translate, useT } from "~/i18n";
import { getFundOverview } from "~/models/fund-overview.server";
import { getOnboarding } from "~/models/onboarding.server";
import { common_appName } from "~/paraglide/messages/common_appname1.js";
import { dashboard_meta_investor } from "~/paraglide/messages/dashboard_meta_investor.js";
import { dashboard_overview_noCompanies } from "~/paraglide/messages/dashboard_overview_nocompanies1.js";
import { dashboard_overview_openPortfolio } from "~/paraglide/messages/dashboard_overview_openportfolio1.js";
import { dashboard_overview_requestAccess } from "~/paraglide/messages/dashboard_overview_requestaccess1.js";
import { investor_home_description } from "~/paraglide/messages/investor_home_description.js";
import { investor_home_empty_title } from "~/paraglide/messages/investor_home_empty_title.js";
import { ROLE_LABELS } from "~/domain/role-labels";

/**
 * A fund's home: new alerts, late reports, low runway, recent updates, pending access requests
 * (issue #15 item 13). Its own route, not a branch of the org home (`/o/:orgSlug` sends a fund
 * here): a startup's browser never downloads the fund's overview, nor a fund's the startup
 * dashboard and its charts (the JavaScript budget, docs/performance.md).
 */
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  return [{ title: translate(locale, dashboard_meta_investor, { org: data?.org.name ?? translate(locale, common_appName) }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  // A viewer cannot do any of the steps, so the checklist is for the people who can.
  const [overview, onboarding] = await Promise.all([getFundOverview(ctx), ctx.role === "viewer" ? Promise.resolve([]) : getOnboarding(ctx)]);
  return json({ org: { name: ctx.org.name, slug: ctx.org.slug, baseCurrency: ctx.org.baseCurrency }, role: ctx.role, overview, onboarding });
}

export default function FundOverviewPage() {
  const { org, role, overview, onboarding } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/o/${org.slug}`;
  return (
    <>
      <PageHeader
        title={org.name}
        description={t(investor_home_description, {
          currency: org.baseCurrency,
          role: t(ROLE_LABELS[role]),
        })}
        actions={<TextLink to={`${base}/portfolio`}>{t(dashboard_overview_openPortfolio)}</TextLink>}
      />
      <OnboardingChecklist steps={onboarding} orgSlug={org.slug} />
      {overview.companyCount === 0 ? (
        <div className="grid gap-4 md:grid-cols-2">
          <EmptyState title={t(investor_home_empty_title)}>
            <p data-testid="overview-companies">{t(dashboard_overview_noCompanies)}</p>
            <p className="mt-3">
              <TextLink to={`${base}/companies`}>{t(dashboard_overview_requestAccess)}</TextLink>
            </p>
          </EmptyState>
          <FundPendingRequests base={base} pending={overview.pendingRequests} />
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <FundAlerts base={base} alerts={overview.alerts} />
          <FundLateReports base={base} late={overview.lateReports} />
          <FundLowRunway base={base} low={overview.lowRunway} thresholds={overview.runwayThresholds} />
          <FundRecentUpdates base={base} updates={overview.recentUpdates} />
          <FundPendingRequests base={base} pending={overview.pendingRequests} />
        </div>
      )}
    </>
  );
}
