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
import { localeFromMatches, translate, useT, type PlainKey } from "~/i18n";
import { listText, monthText } from "~/lib/format";
import { getCompanyBenchmarks } from "~/models/benchmark.server";
import { getCompanyDashboardForInvestor, parseDashboardWindow } from "~/models/dashboard.server";
import { listCompanyUpdatesForInvestor } from "~/models/report-update.server";

/*
 * An investor's read-only view of one portfolio company: the company's dashboard limited to
 * the sections its access grant shares, its investor updates, and anonymised benchmarks.
 * No action (a POST answers 405), no forms, no links into the startup's own pages.
 */

/** GRANT_SECTIONS (db/schema/rls.ts) in the order the page lists them; kept here so no schema code reaches the browser. */
const SECTIONS = ["financials", "funding_debt", "budgets", "risks", "updates"] as const;
const SECTION_LABELS: Record<(typeof SECTIONS)[number], PlainKey> = {
  financials: "dashboard.section.financials",
  funding_debt: "dashboard.section.funding_debt",
  budgets: "dashboard.section.budgets",
  risks: "dashboard.section.risks",
  updates: "dashboard.section.updates",
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  return [
    {
      title: translate(locale, "dashboard.meta.company", {
        company: data?.company.name ?? translate(locale, "dashboard.meta.companyFallback"),
        investor: data?.investor.name ?? translate(locale, "common.appName"),
      }),
    },
    // The page holds another company's confidential figures.
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, access } = await requireCompanyAccess(request, params);
  const url = new URL(request.url);
  const window = parseDashboardWindow(url.searchParams.get("window"));
  // Three independent read-only transactions: run side by side on the pool rather than one after another.
  const [dashboard, updates, benchmarks] = await Promise.all([
    getCompanyDashboardForInvestor(ctx, access, { window }),
    listCompanyUpdatesForInvestor(ctx, access, { page: Number(url.searchParams.get("page") ?? "1") }),
    getCompanyBenchmarks(ctx, access),
  ]);
  const shared = SECTIONS.filter((key) => access.sections.includes(key));
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
  const t = useT();
  const path = `/o/${investor.slug}/companies/${company.slug}`;
  const financials = dashboard.financials;
  const ready = financials?.kind === "ready" ? financials : null;
  const currency = dashboard.currency;
  const isShared = (key: string) => (shared as readonly string[]).includes(key);
  return (
    <div aria-busy={navigation.state === "loading" ? true : undefined} className={navigation.state === "loading" ? "opacity-60 transition-opacity" : undefined}>
      <PageHeader
        title={company.name}
        description={t("dashboard.company.description", {
          asOf: ready ? t("dashboard.company.asOf", { month: monthText(t, ready.headline.month) }) : "",
          currency,
        })}
        actions={ready ? <WindowSelector path={path} window={window} /> : undefined}
      />
      <SharingNote company={company.name} isShared={isShared} />

      {financials === undefined ? null : ready === null ? (
        <div className="mt-6">
          <EmptyState title={t("dashboard.company.noReport")}>
            <p>{t("dashboard.company.noReportBody", { company: company.name })}</p>
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
  const t = useT();
  const labels = (keys: readonly (typeof SECTIONS)[number][]) => listText(t, keys.map((key) => t(SECTION_LABELS[key])));
  const shared = SECTIONS.filter((key) => isShared(key));
  const notShared = SECTIONS.filter((key) => !isShared(key));
  return (
    <Card>
      <div className="text-sm" data-testid="sharing-note">
        <p>
          {t.rich("dashboard.company.shares", {
            lead: <span className="font-medium">{t("dashboard.company.sharesLead", { company })}</span>,
            sections: labels(shared),
          })}
        </p>
        {notShared.length > 0 ? (
          <p className="mt-1 text-slate-600">
            {t.rich("dashboard.company.notShared", {
              lead: <span className="font-medium">{t("dashboard.company.notSharedLead")}</span>,
              sections: labels(notShared),
            })}
          </p>
        ) : null}
        {isShared("budgets") && !isShared("financials") ? <p className="mt-1 text-slate-600">{t("dashboard.company.budgetNeedsFinancials")}</p> : null}
        {!isShared("financials") ? <p className="mt-1 text-slate-600">{t("dashboard.company.benchmarksNeedFinancials")}</p> : null}
        <p className="mt-1 text-xs text-slate-500">{t("dashboard.company.readOnly", { company })}</p>
      </div>
    </Card>
  );
}
