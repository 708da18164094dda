import "~/page-kit";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { requireInvestor } from "~/auth/tenant.server";
import { notFound } from "~/server/http.server";
import { BenchmarksCard } from "~/components/dashboard/benchmarks-card";
import { BudgetCard, CashRunwayCard, DebtCard, MissingMonthsNotice, SpendCard } from "~/components/dashboard/chart-cards";
import { CompanyUpdatesCard } from "~/components/dashboard/company-updates";
import { HeadlineCards } from "~/components/dashboard/headline-cards";
import { RaisedCard, RiskCard } from "~/components/dashboard/record-cards";
import { WindowSelector } from "~/components/dashboard/window-selector";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { PrintCover } from "~/components/print-cover";
import { common_print_report_company } from "~/paraglide/messages/common_print_report_company.js";
import { localeFromMatches, translate, useT, type PlainKey } from "~/i18n";
import { listText, monthText } from "~/i18n/display";
import { MetricCards } from "~/components/dashboard/metric-cards";
import { parseDashboardWindow } from "~/models/dashboard.server";
import { getCompanyViewForInvestor } from "~/models/company-view.server";
import { common_appName } from "~/paraglide/messages/common_appname1.js";
import { dashboard_company_asOf } from "~/paraglide/messages/dashboard_company_asof1.js";
import { dashboard_company_benchmarksNeedFinancials } from "~/paraglide/messages/dashboard_company_benchmarksneedfinancials2.js";
import { dashboard_company_budgetNeedsFinancials } from "~/paraglide/messages/dashboard_company_budgetneedsfinancials2.js";
import { dashboard_company_description } from "~/paraglide/messages/dashboard_company_description.js";
import { dashboard_company_noReport } from "~/paraglide/messages/dashboard_company_noreport1.js";
import { dashboard_company_noReportBody } from "~/paraglide/messages/dashboard_company_noreportbody2.js";
import { dashboard_company_notShared } from "~/paraglide/messages/dashboard_company_notshared1.js";
import { dashboard_company_notSharedLead } from "~/paraglide/messages/dashboard_company_notsharedlead2.js";
import { dashboard_company_readOnly } from "~/paraglide/messages/dashboard_company_readonly1.js";
import { dashboard_company_shares } from "~/paraglide/messages/dashboard_company_shares.js";
import { dashboard_company_sharesLead } from "~/paraglide/messages/dashboard_company_shareslead1.js";
import { dashboard_meta_company } from "~/paraglide/messages/dashboard_meta_company.js";
import { dashboard_meta_companyFallback } from "~/paraglide/messages/dashboard_meta_companyfallback1.js";
import { dashboard_section_budgets } from "~/paraglide/messages/dashboard_section_budgets.js";
import { dashboard_section_financials } from "~/paraglide/messages/dashboard_section_financials.js";
import { dashboard_section_funding_debt } from "~/paraglide/messages/dashboard_section_funding_debt.js";
import { dashboard_section_risks } from "~/paraglide/messages/dashboard_section_risks.js";
import { dashboard_section_updates } from "~/paraglide/messages/dashboard_section_updates.js";

/*
 * An investor's read-only view of one portfolio company: the company's dashboard limited to
 * the sections its access grant shares, its investor updates, and anonymised benchmarks.
 * No action (a POST answers 405), no forms, no links into the startup's own pages.
 */

/** GRANT_SECTIONS (db/schema/rls.ts) in the order the page lists them; kept here so no schema code reaches the browser. */
const SECTIONS = ["financials", "funding_debt", "budgets", "risks", "updates"] as const;
const SECTION_LABELS: Record<(typeof SECTIONS)[number], PlainKey> = {
  financials: dashboard_section_financials,
  funding_debt: dashboard_section_funding_debt,
  budgets: dashboard_section_budgets,
  risks: dashboard_section_risks,
  updates: dashboard_section_updates,
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  return [
    {
      title: translate(locale, dashboard_meta_company, {
        company: data?.company.name ?? translate(locale, dashboard_meta_companyFallback),
        investor: data?.investor.name ?? translate(locale, common_appName),
      }),
    },
    // The page holds another company's confidential figures.
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params, "read:org");
  const url = new URL(request.url);
  const window = parseDashboardWindow(url.searchParams.get("window"));
  // The grant is checked inside the same read as the figures (one transaction, decision 034).
  const view = await getCompanyViewForInvestor(ctx, params.companySlug ?? "", {
    window,
    updatesPage: Number(url.searchParams.get("page") ?? "1"),
  });
  if (!view) notFound();
  const { access, dashboard, updates, benchmarks, metrics } = view;
  const shared = SECTIONS.filter((key) => access.sections.includes(key));
  return json({
    investor: { name: ctx.org.name, slug: ctx.org.slug },
    company: { name: access.company.name, slug: access.company.slug, baseCurrency: access.company.baseCurrency },
    shared,
    window,
    dashboard,
    metrics,
    // Unshared sections are left out of the data, not sent and hidden.
    ...(updates ? { updates } : {}),
    ...(benchmarks ? { benchmarks } : {}),
  });
}

export default function CompanyView() {
  const data = useLoaderData<typeof loader>();
  const { investor, company, shared, window, dashboard } = data;
  const navigation = useNavigation();
  const t = useT();
  const path = `/o/${investor.slug}/companies/${company.slug}`;
  const financials = dashboard.financials;
  const ready = financials?.kind === "ready" ? financials : null;
  const currency = dashboard.currency;
  const isShared = (key: string) => (shared as readonly string[]).includes(key);
  return (
    <div aria-busy={navigation.state === "loading" ? true : undefined} className={navigation.state === "loading" ? "opacity-60 transition-opacity" : undefined}>
      <PrintCover report={t(common_print_report_company, { company: company.name })} month={ready ? monthText(t, ready.headline.month) : null} />
      <PageHeader
        title={company.name}
        description={t(dashboard_company_description, {
          asOf: ready ? t(dashboard_company_asOf, { month: monthText(t, ready.headline.month) }) : "",
          currency,
        })}
        actions={ready ? <WindowSelector path={path} window={window} /> : undefined}
      />
      <SharingNote company={company.name} isShared={isShared} />

      {financials === undefined ? null : ready === null ? (
        <div className="mt-6">
          <EmptyState title={t(dashboard_company_noReport)} body={t(dashboard_company_noReportBody, { company: company.name })} />
        </div>
      ) : (
        <div className="mt-6">
          <HeadlineCards headline={ready.headline} currency={currency} debtServiceIncluded={ready.debtServiceIncluded} />
          <MissingMonthsNotice months={ready.missingMonths} />
        </div>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-2 print:mt-3 print:grid-cols-2 print:gap-3">
        {ready ? <CashRunwayCard cashHistory={ready.cashHistory} currency={currency} headline={ready.headline} /> : null}
        {ready ? <SpendCard spendHistory={ready.spendHistory} currency={currency} /> : null}
        {ready && dashboard.budget !== undefined ? <BudgetCard budget={dashboard.budget} currency={currency} month={ready.headline.month} /> : null}
        {dashboard.fundingDebt ? (
          <DebtCard
            debt={dashboard.fundingDebt.debt}
            currency={currency}
            month={dashboard.fundingDebt.asOf}
            covenantsChecked={dashboard.fundingDebt.covenantsChecked}
          />
        ) : null}
        {dashboard.fundingDebt ? <RaisedCard raised={dashboard.fundingDebt.raised} currency={currency} /> : null}
        {dashboard.risks ? <RiskCard risks={dashboard.risks} /> : null}
      </div>

      {data.metrics.length > 0 ? (
        <div className="mt-6">
          <MetricCards metrics={data.metrics} currency={currency} />
        </div>
      ) : null}
      {data.benchmarks ? (
        <div className="mt-6">
          <BenchmarksCard companyName={company.name} benchmarks={data.benchmarks} currency={company.baseCurrency} />
        </div>
      ) : null}
      {data.updates ? (
        <div className="mt-6">
          <CompanyUpdatesCard list={data.updates} pageLink={(page) => `${path}?window=${window}&page=${page}`} />
        </div>
      ) : null}
    </div>
  );
}

function SharingNote({ company, isShared }: { company: string; isShared: (key: string) => boolean }) {
  const t = useT();
  const labels = (keys: readonly (typeof SECTIONS)[number][]) =>
    listText(
      t,
      keys.map((key) => t(SECTION_LABELS[key])),
    );
  const shared = SECTIONS.filter((key) => isShared(key));
  const notShared = SECTIONS.filter((key) => !isShared(key));
  return (
    <Card>
      <div className="text-sm" data-testid="sharing-note">
        <p>
          {t.rich(dashboard_company_shares, {
            lead: <span className="font-medium">{t(dashboard_company_sharesLead, { company })}</span>,
            sections: labels(shared),
          })}
        </p>
        {notShared.length > 0 ? (
          <p className="mt-1 text-slate-600">
            {t.rich(dashboard_company_notShared, {
              lead: <span className="font-medium">{t(dashboard_company_notSharedLead)}</span>,
              sections: labels(notShared),
            })}
          </p>
        ) : null}
        {isShared("budgets") && !isShared("financials") ? <p className="mt-1 text-slate-600">{t(dashboard_company_budgetNeedsFinancials)}</p> : null}
        {!isShared("financials") ? <p className="mt-1 text-slate-600">{t(dashboard_company_benchmarksNeedFinancials)}</p> : null}
        <p className="mt-1 text-xs text-slate-500">{t(dashboard_company_readOnly, { company })}</p>
      </div>
    </Card>
  );
}
