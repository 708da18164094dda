import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import { budgetVsActualChartConfig, cashRunwayChartConfig, debtServiceChartConfig, spendByCategoryChartConfig } from "~/components/charts/configs";
import { Badge, Card, EmptyState } from "~/components/ui/layout";
import { grossBurn, SPEND_CATEGORIES } from "~/finance";
import { formatMonthRange, formatRunway, plural, SPEND_CATEGORY_LABELS } from "~/lib/format";
import { formatMoney, formatPercent } from "~/lib/money";
import type { BudgetView, CashPointView, DashboardHeadline, DebtView, SpendMonthView } from "~/models/dashboard-types";
import { DataTable } from "./data-table";

/*
 * Cards shared by the startup's dashboard and an investor's read-only company view. `base`
 * is the startup's own `/o/<slug>`: given, empty states link to the page where the data is
 * entered; left out (the investor's view), the cards link nowhere.
 */

export function CashRunwayCard({ cashHistory, currency, headline }: { cashHistory: CashPointView[]; currency: string; headline: DashboardHeadline }) {
  const config = useMemo(() => cashRunwayChartConfig(cashHistory, currency), [cashHistory, currency]);
  const first = cashHistory[0]!.month;
  return (
    <Card title="Cash and runway">
      <p className="mb-3 text-xs text-slate-600">
        Cash at each reported month end ({formatMonthRange(first, headline.month)}) and the runway it gave at the time, with net burn averaged over{" "}
        {plural(headline.window, "month")}. Gaps in the runway line are months when the company was not burning.
      </p>
      <ChartCanvas config={config} label={`Line chart of cash and runway by month, ${formatMonthRange(first, headline.month)}`} />
      <DataTable
        caption="Cash and runway by month"
        head={["Month", "Cash", "Runway"]}
        rows={cashHistory.map((p) => [p.month, formatMoney(p.cash, currency), formatRunway(p.runwayMonths)])}
      />
    </Card>
  );
}

export function SpendCard({ spendHistory, currency }: { spendHistory: SpendMonthView[]; currency: string }) {
  const config = useMemo(() => spendByCategoryChartConfig(spendHistory, currency), [spendHistory, currency]);
  const range = formatMonthRange(spendHistory[0]!.month, spendHistory.at(-1)!.month);
  return (
    <Card title="Spend by category">
      <p className="mb-3 text-xs text-slate-600">
        Operating spend of each reported month ({range}), stacked by category; the stack&apos;s height is gross burn. Debt interest and principal are not
        operating spend.
      </p>
      <ChartCanvas config={config} label={`Stacked bar chart of operating spend by category and month, ${range}`} />
      <DataTable
        caption="Operating spend by category and month"
        head={["Month", ...SPEND_CATEGORIES.map((c) => SPEND_CATEGORY_LABELS[c]), "Gross burn"]}
        rows={spendHistory.map((m) => [m.month, ...SPEND_CATEGORIES.map((c) => formatMoney(m.spend[c], currency)), formatMoney(grossBurn(m.spend), currency)])}
      />
    </Card>
  );
}

export function BudgetCard({ budget, currency, month, base }: { budget: BudgetView | null; currency: string; month: string; base?: string }) {
  const config = useMemo(() => (budget ? budgetVsActualChartConfig(budget.rows, currency) : null), [budget, currency]);
  if (!budget || !config) {
    return (
      <Card title="Budget vs actual">
        <EmptyState title={`No budget for ${month.slice(0, 4)} yet`}>
          {base ? (
            <p>
              Set a budget per month and category to compare it with what you spent. <Link to={`${base}/budgets`} className="text-indigo-700 underline">Go to budgets</Link>
            </p>
          ) : (
            <p>The company has not set a budget for this fiscal year.</p>
          )}
        </EmptyState>
      </Card>
    );
  }
  const money = (minor: number) => formatMoney(minor, currency);
  const status = (overrun: boolean, variance: number) =>
    overrun ? <Badge tone="bad">over budget</Badge> : variance > 0 ? <Badge tone="warn">above budget</Badge> : <Badge tone="good">within budget</Badge>;
  const compared = budget.monthsCompared;
  const overruns = budget.rows.filter((r) => r.overrun);
  return (
    <Card title={`Budget vs actual, fiscal year ${budget.fiscalYear}`}>
      <p className="mb-3 text-xs text-slate-600">
        Year to date: budget and actual spend for the {plural(compared.length, "reported month")} of {budget.fiscalYear} (
        {formatMonthRange(compared[0]!, compared.at(-1)!)}). Variance = actual − budget; over budget means more than {formatPercent(budget.overrunThresholdBp / 10_000)} over.
        {overruns.length > 0 ? ` Over budget: ${overruns.map((r) => SPEND_CATEGORY_LABELS[r.category]).join(", ")}.` : " No category is over budget."}
      </p>
      <ChartCanvas config={config} label={`Bar chart of budget and actual spend by category, ${budget.fiscalYear} year to date`} />
      <DataTable
        caption={`Budget vs actual by category, ${budget.fiscalYear} year to date`}
        head={["Category", "Budget (YTD)", "Actual (YTD)", "Variance", "Variance %", "Status", "Full-year budget"]}
        rows={budget.rows.map((r) => [
          SPEND_CATEGORY_LABELS[r.category],
          money(r.budget),
          money(r.actual),
          money(r.variance),
          formatPercent(r.variancePercent),
          status(r.overrun, r.variance),
          money(r.fullYearBudget),
        ])}
        foot={["Total", money(budget.total.budget), money(budget.total.actual), money(budget.total.variance), formatPercent(budget.total.variancePercent), status(budget.total.overrun, budget.total.variance), money(budget.total.fullYearBudget)]}
      />
    </Card>
  );
}

const COVENANT_TEXT = { ok: "minimum cash met", breach: "below minimum cash", projected_breach: "projected below minimum cash" } as const;

/** `covenantsChecked` false: no cash figure to test minimum-cash covenants against (financials not shared). */
export function DebtCard({
  debt,
  currency,
  month,
  base,
  covenantsChecked = true,
}: {
  debt: DebtView | null;
  currency: string;
  month: string;
  base?: string;
  covenantsChecked?: boolean;
}) {
  const config = useMemo(() => (debt ? debtServiceChartConfig(debt.months, currency) : null), [debt, currency]);
  if (!debt || !config) {
    return (
      <Card title="Debt service ahead">
        <EmptyState title="No debt facilities">
          {base ? (
            <p>
              Loans, venture debt and bonds you record appear here with their interest and repayments, and go into the forecasts.{" "}
              <Link to={`${base}/debt`} className="text-indigo-700 underline">Go to debt</Link>
            </p>
          ) : (
            <p>The company has recorded no loans, venture debt or bonds.</p>
          )}
        </EmptyState>
      </Card>
    );
  }
  const money = (minor: number) => formatMoney(minor, currency);
  const range = formatMonthRange(debt.firstMonth, debt.lastMonth);
  const total = debt.months.reduce((a, m) => a + m.interest + m.principal, 0);
  return (
    <Card title="Debt service ahead">
      <p className="mb-3 text-xs text-slate-600">
        Interest and principal the schedules of all {plural(debt.facilities.length, "facility", "facilities")} put in each of the next 24 months ({range}):{" "}
        {money(total)} in all. The cash-out and default-alive forecasts subtract it.
        {debt.foreignCurrencyFacilities > 0
          ? ` ${plural(debt.foreignCurrencyFacilities, "facility is", "facilities are")} recorded in another currency and counted unconverted.`
          : ""}
        {covenantsChecked ? "" : " Minimum-cash covenants are not checked here: the company does not share its financials."}
      </p>
      <ChartCanvas config={config} label={`Stacked bar chart of debt interest and principal due by month, ${range}`} />
      <DataTable
        caption={`Debt service by month, ${range}`}
        head={["Month", "Interest", "Principal", "Total"]}
        rows={debt.months.map((m) => [m.month, money(m.interest), money(m.principal), money(m.interest + m.principal)])}
      />
      <ul className="mt-4 space-y-2 text-sm">
        {debt.facilities.map((f, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{f.lender}</span>
            <span className="text-slate-600">
              {formatMoney(f.principal, f.currency)} drawn, {formatMoney(f.outstanding, f.currency)} outstanding after {month}
            </span>
            {f.covenant ? (
              <Badge tone={f.covenant.kind === "ok" ? "good" : "bad"}>
                {COVENANT_TEXT[f.covenant.kind]}
                {f.covenant.kind === "projected_breach" ? ` in ${f.covenant.month}` : ""} ({formatMoney(f.minimumCash, f.currency)})
              </Badge>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
