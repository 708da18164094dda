import { TextLink } from "~/components/ui/button";
import { useMemo } from "react";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import { budgetVsActualChartConfig, cashRunwayChartConfig, debtServiceChartConfig, spendByCategoryChartConfig } from "~/components/charts/configs";
import { Badge, Card, EmptyState } from "~/components/ui/layout";
import { grossBurn, SPEND_CATEGORIES } from "~/finance";
import { useFormat, useT } from "~/i18n";
import { listText, monthRangeText, monthText, runwayText, sentencesText, spendCategoryLabel } from "~/lib/format";
import type { BudgetView, CashPointView, DashboardHeadline, DebtView, SpendMonthView } from "~/models/dashboard-types";
import { ChartDataTable } from "~/components/ui/chart-data-table";

/*
 * Cards shared by the startup's dashboard and an investor's read-only company view. `base`
 * is the startup's own `/o/<slug>`: given, empty states link to the page where the data is
 * entered; left out (the investor's view), the cards link nowhere.
 */

export function CashRunwayCard({ cashHistory, currency, headline }: { cashHistory: CashPointView[]; currency: string; headline: DashboardHeadline }) {
  const t = useT();
  const f = useFormat();
  const config = useMemo(() => cashRunwayChartConfig(cashHistory, currency, t), [cashHistory, currency, t]);
  const range = monthRangeText(t, cashHistory[0]!.month, headline.month);
  return (
    <Card title={t("dashboard.cashRunway.title")}>
      <p className="mb-3 text-xs text-slate-600">{t("dashboard.cashRunway.note", { range, months: t("common.unit.months", { count: headline.window }) })}</p>
      <ChartCanvas config={config} label={t("dashboard.cashRunway.chartLabel", { range })} />
      <ChartDataTable
        summary={t("dashboard.chart.showTable")}
        caption={t("dashboard.cashRunway.caption")}
        head={[t("dashboard.chart.month"), t("dashboard.chart.cash"), t("dashboard.chart.runway")]}
        rows={cashHistory.map((p) => [monthText(t, p.month), f.money(p.cash, currency), runwayText(t, p.runwayMonths)])}
      />
    </Card>
  );
}

export function SpendCard({ spendHistory, currency }: { spendHistory: SpendMonthView[]; currency: string }) {
  const t = useT();
  const f = useFormat();
  const config = useMemo(() => spendByCategoryChartConfig(spendHistory, currency, t), [spendHistory, currency, t]);
  const range = monthRangeText(t, spendHistory[0]!.month, spendHistory.at(-1)!.month);
  return (
    <Card title={t("dashboard.spendCard.title")}>
      <p className="mb-3 text-xs text-slate-600">{t("dashboard.spendCard.note", { range })}</p>
      <ChartCanvas config={config} label={t("dashboard.spendCard.chartLabel", { range })} />
      <ChartDataTable
        summary={t("dashboard.chart.showTable")}
        caption={t("dashboard.spendCard.caption")}
        head={[t("dashboard.chart.month"), ...SPEND_CATEGORIES.map((c) => spendCategoryLabel(t, c)), t("dashboard.spendCard.grossBurn")]}
        rows={spendHistory.map((m) => [
          monthText(t, m.month),
          ...SPEND_CATEGORIES.map((c) => f.money(m.spend[c], currency)),
          f.money(grossBurn(m.spend), currency),
        ])}
      />
    </Card>
  );
}

export function BudgetCard({ budget, currency, month, base }: { budget: BudgetView | null; currency: string; month: string; base?: string }) {
  const t = useT();
  const f = useFormat();
  const config = useMemo(() => (budget ? budgetVsActualChartConfig(budget.rows, currency, t) : null), [budget, currency, t]);
  if (!budget || !config) {
    return (
      <Card title={t("dashboard.budget.title")}>
        {/* The year as text: a number would be grouped ("2,026"). */}
        <EmptyState title={t("dashboard.budget.none", { year: month.slice(0, 4) })}>
          {base ? (
            <p>
              {t("dashboard.budget.setOne")}{" "}
              <TextLink to={`${base}/budgets`}>
                {t("dashboard.budget.goTo")}
              </TextLink>
            </p>
          ) : (
            <p>{t("dashboard.budget.noneInvestor")}</p>
          )}
        </EmptyState>
      </Card>
    );
  }
  const money = (minor: number) => f.money(minor, currency);
  const status = (overrun: boolean, variance: number) =>
    overrun ? (
      <Badge tone="bad">{t("dashboard.budget.over")}</Badge>
    ) : variance > 0 ? (
      <Badge tone="warn">{t("dashboard.budget.above")}</Badge>
    ) : (
      <Badge tone="good">{t("dashboard.budget.within")}</Badge>
    );
  const compared = budget.monthsCompared;
  const overruns = budget.rows.filter((r) => r.overrun);
  const year = String(budget.fiscalYear);
  return (
    <Card title={t("dashboard.budget.titleYear", { year })}>
      <p className="mb-3 text-xs text-slate-600">
        {sentencesText(t, [
          t("dashboard.budget.note", {
            months: t("dashboard.budget.reportedMonths", { count: compared.length }),
            year,
            range: monthRangeText(t, compared[0]!, compared.at(-1)!),
            threshold: f.percent(budget.overrunThresholdBp / 10_000),
          }),
          overruns.length > 0
            ? t("dashboard.budget.overruns", { categories: listText(t, overruns.map((r) => spendCategoryLabel(t, r.category))) })
            : t("dashboard.budget.noOverrun"),
        ])}
      </p>
      <ChartCanvas config={config} label={t("dashboard.budget.chartLabel", { year })} />
      <ChartDataTable
        summary={t("dashboard.chart.showTable")}
        caption={t("dashboard.budget.caption", { year })}
        head={[
          t("dashboard.budget.category"),
          t("dashboard.budget.budgetYtd"),
          t("dashboard.budget.actualYtd"),
          t("dashboard.budget.variance"),
          t("dashboard.budget.variancePercent"),
          t("dashboard.budget.status"),
          t("dashboard.budget.fullYear"),
        ]}
        rows={budget.rows.map((r) => [
          spendCategoryLabel(t, r.category),
          money(r.budget),
          money(r.actual),
          money(r.variance),
          f.percent(r.variancePercent),
          status(r.overrun, r.variance),
          money(r.fullYearBudget),
        ])}
        foot={[
          t("dashboard.chart.total"),
          money(budget.total.budget),
          money(budget.total.actual),
          money(budget.total.variance),
          f.percent(budget.total.variancePercent),
          status(budget.total.overrun, budget.total.variance),
          money(budget.total.fullYearBudget),
        ]}
      />
    </Card>
  );
}

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
  const t = useT();
  const f = useFormat();
  const config = useMemo(() => (debt ? debtServiceChartConfig(debt.months, currency, t) : null), [debt, currency, t]);
  if (!debt || !config) {
    return (
      <Card title={t("dashboard.debt.title")}>
        <EmptyState title={t("dashboard.debt.none")}>
          {base ? (
            <p>
              {t("dashboard.debt.noneStartup")}{" "}
              <TextLink to={`${base}/debt`}>
                {t("dashboard.debt.goTo")}
              </TextLink>
            </p>
          ) : (
            <p>{t("dashboard.debt.noneInvestor")}</p>
          )}
        </EmptyState>
      </Card>
    );
  }
  const money = (minor: number) => f.money(minor, currency);
  const range = monthRangeText(t, debt.firstMonth, debt.lastMonth);
  const total = debt.months.reduce((a, m) => a + m.interest + m.principal, 0);
  return (
    <Card title={t("dashboard.debt.title")}>
      <p className="mb-3 text-xs text-slate-600">
        {sentencesText(t, [
          t("dashboard.debt.note", { facilities: t("dashboard.debt.facilities", { count: debt.facilities.length }), range, total: money(total) }),
          debt.foreignCurrencyFacilities > 0 && t("dashboard.debt.foreign", { count: debt.foreignCurrencyFacilities }),
          !covenantsChecked && t("dashboard.debt.covenantsUnchecked"),
        ])}
      </p>
      <ChartCanvas config={config} label={t("dashboard.debt.chartLabel", { range })} />
      <ChartDataTable
        summary={t("dashboard.chart.showTable")}
        caption={t("dashboard.debt.caption", { range })}
        head={[t("dashboard.chart.month"), t("dashboard.debt.interest"), t("dashboard.debt.principal"), t("dashboard.chart.total")]}
        rows={debt.months.map((m) => [monthText(t, m.month), money(m.interest), money(m.principal), money(m.interest + m.principal)])}
      />
      <ul className="mt-4 space-y-2 text-sm">
        {debt.facilities.map((facility, i) => {
          const amount = f.money(facility.minimumCash, facility.currency);
          const covenant = facility.covenant;
          return (
            <li key={i} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{facility.lender}</span>
              <span className="text-slate-600">
                {t("dashboard.debt.facility", {
                  principal: f.money(facility.principal, facility.currency),
                  outstanding: f.money(facility.outstanding, facility.currency),
                  month: monthText(t, month),
                })}
              </span>
              {covenant ? (
                <Badge tone={covenant.kind === "ok" ? "good" : "bad"}>
                  {covenant.kind === "ok"
                    ? t("dashboard.debt.covenant.ok", { amount })
                    : covenant.kind === "breach"
                      ? t("dashboard.debt.covenant.breach", { amount })
                      : t("dashboard.debt.covenant.projected", { amount, month: monthText(t, covenant.month) })}
                </Badge>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
