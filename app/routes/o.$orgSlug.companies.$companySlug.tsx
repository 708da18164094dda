import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { requireCompanyAccess } from "~/auth/tenant.server";
import { BenchmarksCard } from "~/components/dashboard/benchmarks-card";
import { BudgetCard, CashRunwayCard, DebtCard, SpendCard } from "~/components/dashboard/chart-cards";
import { CompanyUpdatesCard } from "~/components/dashboard/company-updates";
import { HeadlineCards } from "~/components/dashboard/headline-cards";
import { RaisedCard, RiskCard } from "~/components/dashboard/record-cards";
import { WindowSelector } from "~/components/dashboard/window-selector";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { getCompanyBenchmarks } from "~/models/benchmark.server";
import { getCompanyDashboardForInvestor, parseDashboardWindow } from "~/models/dashboard.server";
import { listCompanyUpdatesForInvestor } from "~/models/report-update.server";

/*
 * An investor's read-only view of one portfolio company: the company's dashboard limited to
 * the sections its access grant shares, its investor updates, and anonymised benchmarks.
 * No action (a POST answers 405), no forms, no links into the startup's own pages.
 */

/** GRANT_SECTIONS (db/schema/rls.ts) in the order the page lists them; kept here so no schema code reaches the browser. */
const SECTIONS = [
  { key: "financials", label: "Financials" },
  { key: "funding_debt", label: "Funding & debt" },
  { key: "budgets", label: "Budgets" },
  { key: "risks", label: "Risks" },
  { key: "updates", label: "Investor updates" },
] as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.company.name ?? "Company"} · ${data?.investor.name ?? "Capital Desk"}` },
  // The page holds another company's confidential figures.
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, access } = await requireCompanyAccess(request, params);
  const url = new URL(request.url);
  const window = parseDashboardWindow(url.searchParams.get("window"));
  const dashboard = await getCompanyDashboardForInvestor(ctx, access, { window });
  const updates = await listCompanyUpdatesForInvestor(ctx, access, { page: Number(url.searchParams.get("page") ?? "1") });
  const benchmarks = await getCompanyBenchmarks(ctx, access);
  const shared = SECTIONS.filter((s) => access.sections.includes(s.key)).map((s) => s.key);
  return json({
    investor: { name: ctx.org.name, slug: ctx.org.slug },
    company: { name: access.company.name, slug: access.company.slug, baseCurrency: access.company.baseCurrency },
    shared,
    window,
    dashboard,
    // Unshared sections are left out of the data, not sent and hidden.
    ...(updates ? { updates } : {}),
    ...(benchmarks ? { benchmarks } : {}),
  });
}

export default function CompanyView() {
  const data = useLoaderData<typeof loader>();
  const { investor, company, shared, window, dashboard } = data;
  const navigation = useNavigation();
  const path = `/o/${investor.slug}/companies/${company.slug}`;
  const financials = dashboard.financials;
  const ready = financials?.kind === "ready" ? financials : null;
  const currency = dashboard.currency;
  const isShared = (key: string) => (shared as readonly string[]).includes(key);
  return (
    <div aria-busy={navigation.state === "loading" ? true : undefined} className={navigation.state === "loading" ? "opacity-60 transition-opacity" : undefined}>
      <PageHeader
        title={company.name}
        description={`Portfolio company · read only${ready ? ` · as of ${ready.headline.month}, its latest reported month` : ""} · amounts in ${currency}`}
        actions={ready ? <WindowSelector path={path} window={window} /> : undefined}
      />
      <SharingNote company={company.name} isShared={isShared} />

      {financials === undefined ? null : ready === null ? (
        <div className="mt-6">
          <EmptyState title="No report yet">
            <p>{company.name} has not entered a monthly report, so there are no cash, burn or runway figures yet.</p>
          </EmptyState>
        </div>
      ) : (
        <div className="mt-6">
          <HeadlineCards headline={ready.headline} currency={currency} debtServiceIncluded={ready.debtServiceIncluded} />
        </div>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {ready ? <CashRunwayCard cashHistory={ready.cashHistory} currency={currency} headline={ready.headline} /> : null}
        {ready ? <SpendCard spendHistory={ready.spendHistory} currency={currency} /> : null}
        {ready && dashboard.budget !== undefined ? <BudgetCard budget={dashboard.budget} currency={currency} month={ready.headline.month} /> : null}
        {dashboard.fundingDebt ? (
          <DebtCard debt={dashboard.fundingDebt.debt} currency={currency} month={dashboard.fundingDebt.asOf} covenantsChecked={dashboard.fundingDebt.covenantsChecked} />
        ) : null}
        {dashboard.fundingDebt ? <RaisedCard raised={dashboard.fundingDebt.raised} currency={currency} /> : null}
        {dashboard.risks ? <RiskCard risks={dashboard.risks} /> : null}
      </div>

      {data.benchmarks ? (
        <div className="mt-6">
          <BenchmarksCard companyName={company.name} benchmarks={data.benchmarks} />
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
  const shared = SECTIONS.filter((s) => isShared(s.key));
  const notShared = SECTIONS.filter((s) => !isShared(s.key));
  return (
    <Card>
      <div className="text-sm" data-testid="sharing-note">
        <p>
          <span className="font-medium">{company} shares with you:</span> {shared.map((s) => s.label).join(", ")}.
        </p>
        {notShared.length > 0 ? (
          <p className="mt-1 text-slate-600">
            <span className="font-medium">Not shared:</span> {notShared.map((s) => s.label).join(", ")} — not shown here, and not sent to your browser.
          </p>
        ) : null}
        {isShared("budgets") && !isShared("financials") ? (
          <p className="mt-1 text-slate-600">Budget vs actual compares the budget with reported spend, so it also needs the financials, which are not shared.</p>
        ) : null}
        {!isShared("financials") ? <p className="mt-1 text-slate-600">Benchmarks need the company&apos;s financials, which are not shared.</p> : null}
        <p className="mt-1 text-xs text-slate-500">Read only: {company} decides what it shares and can change or revoke it at any time.</p>
      </div>
    </Card>
  );
}
