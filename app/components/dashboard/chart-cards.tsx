import { TextLink } from "~/components/ui/button";
import { EmptyCard } from "~/components/dashboard/empty-card";
import { useMemo } from "react";
import { ChartCanvas } from "~/components/charts/chart-canvas";
import { budgetVsActualChartConfig, cashRunwayChartConfig, debtServiceChartConfig, spendByCategoryChartConfig } from "~/components/charts/configs";
import { Badge, Card } from "~/components/ui/layout";
import { onCalendar, gapRuns } from "~/components/charts/calendar";
import { grossBurn, SPEND_CATEGORIES } from "~/finance";
import { monthRuns } from "~/finance/month";
import { useFormat, useT, type Translator } from "~/i18n";
import { listText, monthCell, monthRangeText, monthText, runwayText, sentencesText, spendCategoryLabel } from "~/i18n/display";
import type { BudgetView, CashPointView, DashboardHeadline, DebtView, SpendMonthView } from "~/views/dashboard";
import { ChartDataTable } from "~/components/ui/chart-data-table";
import { common_unit_months } from "~/paraglide/messages/common_unit_months.js";
import { dashboard_budget_above } from "~/paraglide/messages/dashboard_budget_above.js";
import { dashboard_budget_actualYtd } from "~/paraglide/messages/dashboard_budget_actualytd1.js";
import { dashboard_budget_budgetYtd } from "~/paraglide/messages/dashboard_budget_budgetytd1.js";
import { dashboard_budget_caption } from "~/paraglide/messages/dashboard_budget_caption.js";
import { dashboard_budget_category } from "~/paraglide/messages/dashboard_budget_category.js";
import { dashboard_budget_chartLabel } from "~/paraglide/messages/dashboard_budget_chartlabel1.js";
import { dashboard_budget_fullYear } from "~/paraglide/messages/dashboard_budget_fullyear1.js";
import { dashboard_budget_noOverrun } from "~/paraglide/messages/dashboard_budget_nooverrun1.js";
import { dashboard_budget_none } from "~/paraglide/messages/dashboard_budget_none.js";
import { dashboard_budget_note } from "~/paraglide/messages/dashboard_budget_note.js";
import { dashboard_budget_over } from "~/paraglide/messages/dashboard_budget_over.js";
import { dashboard_budget_overruns } from "~/paraglide/messages/dashboard_budget_overruns.js";
import { dashboard_budget_reportedMonths } from "~/paraglide/messages/dashboard_budget_reportedmonths1.js";
import { dashboard_budget_status } from "~/paraglide/messages/dashboard_budget_status.js";
import { dashboard_budget_titleYear } from "~/paraglide/messages/dashboard_budget_titleyear1.js";
import { dashboard_budget_variance } from "~/paraglide/messages/dashboard_budget_variance.js";
import { dashboard_budget_variancePercent } from "~/paraglide/messages/dashboard_budget_variancepercent1.js";
import { dashboard_budget_within } from "~/paraglide/messages/dashboard_budget_within.js";
import { dashboard_cashRunway_caption } from "~/paraglide/messages/dashboard_cashrunway_caption1.js";
import { dashboard_cashRunway_chartLabel } from "~/paraglide/messages/dashboard_cashrunway_chartlabel2.js";
import { dashboard_cashRunway_note } from "~/paraglide/messages/dashboard_cashrunway_note1.js";
import { dashboard_cashRunway_title } from "~/paraglide/messages/dashboard_cashrunway_title1.js";
import { dashboard_chart_cash } from "~/paraglide/messages/dashboard_chart_cash.js";
import { dashboard_chart_missing } from "~/paraglide/messages/dashboard_chart_missing.js";
import { dashboard_chart_month } from "~/paraglide/messages/dashboard_chart_month.js";
import { dashboard_chart_noReport } from "~/paraglide/messages/dashboard_chart_noreport1.js";
import { dashboard_chart_runway } from "~/paraglide/messages/dashboard_chart_runway.js";
import { dashboard_chart_showTable } from "~/paraglide/messages/dashboard_chart_showtable1.js";
import { dashboard_chart_total } from "~/paraglide/messages/dashboard_chart_total.js";
import { dashboard_missing_enter } from "~/paraglide/messages/dashboard_missing_enter.js";
import { dashboard_missing_notice } from "~/paraglide/messages/dashboard_missing_notice.js";
import { dashboard_debt_caption } from "~/paraglide/messages/dashboard_debt_caption.js";
import { dashboard_debt_chartLabel } from "~/paraglide/messages/dashboard_debt_chartlabel1.js";
import { dashboard_debt_covenant_breach } from "~/paraglide/messages/dashboard_debt_covenant_breach.js";
import { dashboard_debt_covenant_ok } from "~/paraglide/messages/dashboard_debt_covenant_ok.js";
import { dashboard_debt_covenant_projected } from "~/paraglide/messages/dashboard_debt_covenant_projected.js";
import { dashboard_debt_covenantsUnchecked } from "~/paraglide/messages/dashboard_debt_covenantsunchecked1.js";
import { dashboard_debt_facility } from "~/paraglide/messages/dashboard_debt_facility.js";
import { dashboard_debt_foreign } from "~/paraglide/messages/dashboard_debt_foreign.js";
import { dashboard_debt_interest } from "~/paraglide/messages/dashboard_debt_interest.js";
import { dashboard_debt_none } from "~/paraglide/messages/dashboard_debt_none.js";
import { dashboard_debt_note } from "~/paraglide/messages/dashboard_debt_note.js";
import { dashboard_debt_principal } from "~/paraglide/messages/dashboard_debt_principal.js";
import { dashboard_debt_title } from "~/paraglide/messages/dashboard_debt_title.js";
import { dashboard_spendCard_caption } from "~/paraglide/messages/dashboard_spendcard_caption1.js";
import { dashboard_spendCard_chartLabel } from "~/paraglide/messages/dashboard_spendcard_chartlabel2.js";
import { dashboard_spendCard_grossBurn } from "~/paraglide/messages/dashboard_spendcard_grossburn2.js";
import { dashboard_spendCard_note } from "~/paraglide/messages/dashboard_spendcard_note1.js";
import { dashboard_spendCard_title } from "~/paraglide/messages/dashboard_spendcard_title1.js";

/*
 * Cards shared by the startup's dashboard and an investor's read-only company view. `base`
 * is the startup's own `/o/<slug>`: given, empty states link to the page where the data is
 * entered; left out (the investor's view), the cards link nowhere.
 */

/** "2026-03 – 2026-09, 2026-11": runs of months in running text. */
export function monthRunsText(t: Translator, runs: readonly { first: string; last: string }[]): string {
  return listText(
    t,
    runs.map((r) => monthRangeText(t, r.first, r.last)),
  );
}

/** The line under a time-series chart naming the months it leaves empty (none: nothing). */
function GapsLine({ points }: { points: readonly { month: string }[] }) {
  const t = useT();
  const runs = gapRuns(points);
  if (runs.length === 0) return null;
  return (
    <p className="mt-2 text-xs font-medium text-amber-800" data-testid="chart-gaps">
      {t(dashboard_chart_missing, { months: monthRunsText(t, runs) })}
    </p>
  );
}

export function CashRunwayCard({ cashHistory, currency, headline }: { cashHistory: CashPointView[]; currency: string; headline: DashboardHeadline }) {
  const t = useT();
  const f = useFormat();
  const config = useMemo(() => cashRunwayChartConfig(cashHistory, currency, t), [cashHistory, currency, t]);
  const range = monthRangeText(t, cashHistory[0]!.month, headline.month);
  const noReport = t(dashboard_chart_noReport);
  return (
    <Card title={t(dashboard_cashRunway_title)}>
      <p className="mb-3 text-xs text-slate-600">{t(dashboard_cashRunway_note, { range, months: t(common_unit_months, { count: headline.window }) })}</p>
      <ChartCanvas config={config} label={t(dashboard_cashRunway_chartLabel, { range })} />
      <GapsLine points={cashHistory} />
      <ChartDataTable
        summary={t(dashboard_chart_showTable)}
        caption={t(dashboard_cashRunway_caption)}
        head={[t(dashboard_chart_month), t(dashboard_chart_cash), t(dashboard_chart_runway)]}
        rows={onCalendar(cashHistory).map(({ month, point: p }) =>
          p ? [monthCell(t, month), f.money(p.cash, currency), runwayText(t, p.runwayMonths)] : [monthCell(t, month), noReport, "—"],
        )}
      />
    </Card>
  );
}

export function SpendCard({ spendHistory, currency }: { spendHistory: SpendMonthView[]; currency: string }) {
  const t = useT();
  const f = useFormat();
  const config = useMemo(() => spendByCategoryChartConfig(spendHistory, currency, t), [spendHistory, currency, t]);
  const range = monthRangeText(t, spendHistory[0]!.month, spendHistory.at(-1)!.month);
  const noReport = t(dashboard_chart_noReport);
  return (
    <Card title={t(dashboard_spendCard_title)}>
      <p className="mb-3 text-xs text-slate-600">{t(dashboard_spendCard_note, { range })}</p>
      <ChartCanvas config={config} label={t(dashboard_spendCard_chartLabel, { range })} />
      <GapsLine points={spendHistory} />
      <ChartDataTable
        summary={t(dashboard_chart_showTable)}
        caption={t(dashboard_spendCard_caption)}
        head={[t(dashboard_chart_month), ...SPEND_CATEGORIES.map((c) => spendCategoryLabel(t, c)), t(dashboard_spendCard_grossBurn)]}
        rows={onCalendar(spendHistory).map(({ month, point: m }) =>
          m
            ? [monthCell(t, month), ...SPEND_CATEGORIES.map((c) => f.money(m.spend[c], currency)), f.money(grossBurn(m.spend), currency)]
            : [monthCell(t, month), noReport, ...SPEND_CATEGORIES.map(() => "—")],
        )}
      />
    </Card>
  );
}

/**
 * The dashboard's notice of the months without a report between the first and the latest one
 * (the gaps the charts keep empty), with a link to the first one's form for those who may edit (`reportHref`).
 */
export function MissingMonthsNotice({ months, reportHref }: { months: readonly string[] | undefined; reportHref?: (month: string) => string }) {
  const t = useT();
  if (!months || months.length === 0) return null;
  return (
    <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="missing-months" role="note">
      {t(dashboard_missing_notice, { months: monthRunsText(t, monthRuns(months)) })}
      {reportHref ? (
        <>
          {" "}
          <TextLink to={reportHref(months[0]!)}>{t(dashboard_missing_enter, { month: monthText(t, months[0]!) })}</TextLink>
        </>
      ) : null}
    </p>
  );
}

export function BudgetCard({ budget, currency, month, base }: { budget: BudgetView | null; currency: string; month: string; base?: string }) {
  const t = useT();
  const f = useFormat();
  const config = useMemo(() => (budget ? budgetVsActualChartConfig(budget.rows, currency, t) : null), [budget, currency, t]);
  if (!budget || !config) {
    return (
      <EmptyCard
        section="budgets"
        // The year as text: a number would be grouped ("2,026").
        empty={t(dashboard_budget_none, { year: month.slice(0, 4) })}
        base={base}
      />
    );
  }
  const money = (minor: number) => f.money(minor, currency);
  const status = (overrun: boolean, variance: number) =>
    overrun ? (
      <Badge tone="bad">{t(dashboard_budget_over)}</Badge>
    ) : variance > 0 ? (
      <Badge tone="warn">{t(dashboard_budget_above)}</Badge>
    ) : (
      <Badge tone="good">{t(dashboard_budget_within)}</Badge>
    );
  const compared = budget.monthsCompared;
  const overruns = budget.rows.filter((r) => r.overrun);
  const year = String(budget.fiscalYear);
  return (
    <Card title={t(dashboard_budget_titleYear, { year })}>
      <p className="mb-3 text-xs text-slate-600">
        {sentencesText(t, [
          t(dashboard_budget_note, {
            months: t(dashboard_budget_reportedMonths, { count: compared.length }),
            year,
            range: monthRangeText(t, compared[0]!, compared.at(-1)!),
            threshold: f.percent(budget.overrunThresholdBp / 10_000),
          }),
          overruns.length > 0
            ? t(dashboard_budget_overruns, {
                categories: listText(
                  t,
                  overruns.map((r) => spendCategoryLabel(t, r.category)),
                ),
              })
            : t(dashboard_budget_noOverrun),
        ])}
      </p>
      <ChartCanvas config={config} label={t(dashboard_budget_chartLabel, { year })} />
      <ChartDataTable
        summary={t(dashboard_chart_showTable)}
        caption={t(dashboard_budget_caption, { year })}
        head={[
          t(dashboard_budget_category),
          t(dashboard_budget_budgetYtd),
          t(dashboard_budget_actualYtd),
          t(dashboard_budget_variance),
          t(dashboard_budget_variancePercent),
          t(dashboard_budget_status),
          t(dashboard_budget_fullYear),
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
          t(dashboard_chart_total),
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
    return <EmptyCard section="debt" empty={t(dashboard_debt_none)} base={base} />;
  }
  const money = (minor: number) => f.money(minor, currency);
  const range = monthRangeText(t, debt.firstMonth, debt.lastMonth);
  const total = debt.months.reduce((a, m) => a + m.interest + m.principal, 0);
  return (
    <Card title={t(dashboard_debt_title)}>
      <p className="mb-3 text-xs text-slate-600">
        {sentencesText(t, [
          t(dashboard_debt_note, { count: debt.facilities.length, range, total: money(total) }),
          debt.foreignCurrencyFacilities > 0 && t(dashboard_debt_foreign, { count: debt.foreignCurrencyFacilities }),
          !covenantsChecked && t(dashboard_debt_covenantsUnchecked),
        ])}
      </p>
      <ChartCanvas config={config} label={t(dashboard_debt_chartLabel, { range })} />
      <ChartDataTable
        summary={t(dashboard_chart_showTable)}
        caption={t(dashboard_debt_caption, { range })}
        head={[t(dashboard_chart_month), t(dashboard_debt_interest), t(dashboard_debt_principal), t(dashboard_chart_total)]}
        rows={debt.months.map((m) => [monthCell(t, m.month), money(m.interest), money(m.principal), money(m.interest + m.principal)])}
      />
      <ul className="mt-4 space-y-2 text-sm">
        {debt.facilities.map((facility, i) => {
          const amount = f.money(facility.minimumCash, facility.currency);
          const covenant = facility.covenant;
          return (
            <li key={i} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{facility.lender}</span>
              <span className="text-slate-600">
                {t(dashboard_debt_facility, {
                  principal: f.money(facility.principal, facility.currency),
                  outstanding: f.money(facility.outstanding, facility.currency),
                  month: monthText(t, month),
                })}
              </span>
              {covenant ? (
                <Badge tone={covenant.kind === "ok" ? "good" : "bad"}>
                  {covenant.kind === "ok"
                    ? t(dashboard_debt_covenant_ok, { amount })
                    : covenant.kind === "breach"
                      ? t(dashboard_debt_covenant_breach, { amount })
                      : t(dashboard_debt_covenant_projected, { amount, month: monthText(t, covenant.month) })}
                </Badge>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
