import type { ReactNode } from "react";
import { Badge } from "~/components/ui/layout";
import { addMonths, runwayLevel, type BurnMultiple } from "~/finance";
import { useFormat, useT, type Translator } from "~/i18n";
import { monthRangeText, monthText, multipleText, runwayText } from "~/lib/format";
import type { DashboardHeadline } from "~/models/dashboard-types";

function MetricCard({ label, value, badge, children, testId }: { label: string; value: ReactNode; badge?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId} aria-label={label}>
      <h2 className="text-sm font-medium text-slate-600">{label}</h2>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-bold tracking-tight">
        {value}
        {badge}
      </p>
      <div className="mt-2 space-y-1 text-xs text-slate-600">{children}</div>
    </section>
  );
}

/**
 * Cash, net burn, runway, cash-out month, default alive and burn multiple as of month m.
 * `debtServiceIncluded` false: the viewer cannot read the debt facilities (an investor whose
 * grant leaves out funding & debt), so the forecasts say they leave debt service out.
 */
export function HeadlineCards({ headline: h, currency, debtServiceIncluded = true }: { headline: DashboardHeadline; currency: string; debtServiceIncluded?: boolean }) {
  const t = useT();
  const f = useFormat();
  const money = (minor: number) => f.money(minor, currency);
  const month = monthText(t, h.month);
  const windowText =
    h.window === 1
      ? t("dashboard.headline.windowOne", { month })
      : t("dashboard.headline.windowMany", { count: h.window, range: monthRangeText(t, h.windowFirstMonth, h.month) });
  const level = h.runwayMonths === null ? "ok" : runwayLevel({ kind: "months", months: h.runwayMonths });
  const debtText = h.facilitiesInForecast > 0 ? t("dashboard.headline.debtText", { count: h.facilitiesInForecast }) : "";
  const noDebtNote = debtServiceIncluded ? null : <p className="font-medium text-amber-800">{t("dashboard.headline.noDebt")}</p>;
  const shortHistory = h.shortHistory ? (
    <p className="font-medium text-amber-800">{t("dashboard.headline.shortHistory", { used: h.monthsUsed, window: h.window })}</p>
  ) : null;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <MetricCard
        label={t("dashboard.headline.cash")}
        value={money(h.cash)}
        badge={h.cash < 0 ? <Badge tone="bad">{t("dashboard.headline.belowZero")}</Badge> : null}
        testId="card-cash"
      >
        <p>{t("dashboard.headline.cashNote", { month })}</p>
      </MetricCard>
      <MetricCard
        label={t("dashboard.headline.netBurn")}
        value={
          <>
            {money(h.averageNetBurn)}
            <span className="text-sm font-normal text-slate-600"> {t("dashboard.headline.perMonth")}</span>
          </>
        }
        testId="card-net-burn"
      >
        <p>{t("dashboard.headline.netBurnNote", { window: windowText })}</p>
        {shortHistory}
        <p>
          {h.computeShare !== null
            ? t("dashboard.headline.monthBurnCompute", { month, net: money(h.netBurn), gross: money(h.grossBurn), share: f.percent(h.computeShare) })
            : t("dashboard.headline.monthBurn", { month, net: money(h.netBurn), gross: money(h.grossBurn) })}
        </p>
      </MetricCard>
      <MetricCard
        label={t("dashboard.headline.runway")}
        value={runwayText(t, h.runwayMonths)}
        badge={
          level === "critical" ? (
            <Badge tone="bad">{t("dashboard.headline.critical")}</Badge>
          ) : level === "caution" ? (
            <Badge tone="warn">{t("dashboard.headline.caution")}</Badge>
          ) : null
        }
        testId="card-runway"
      >
        {h.runwayMonths === null ? (
          <p>{t("dashboard.headline.notBurningNote", { window: windowText })}</p>
        ) : (
          <p>{t("dashboard.headline.runwayNote", { month, window: windowText })}</p>
        )}
        {shortHistory}
      </MetricCard>
      <MetricCard
        label={t("dashboard.headline.cashOut")}
        value={h.cashOutMonth ? monthText(t, h.cashOutMonth) : t("dashboard.headline.beyond")}
        testId="card-cash-out"
      >
        <p>{t("dashboard.headline.cashOutNote", { month, burn: money(h.averageNetBurn), debt: debtText })}</p>
        {noDebtNote}
      </MetricCard>
      <DefaultAliveCard headline={h} money={money} noDebtNote={noDebtNote} t={t} />
      <BurnMultipleCard value={h.burnMultiple} month={h.month} t={t} />
    </div>
  );
}

/**
 * Default alive: the verdict, and what the projection behind it assumed. Revenue that already
 * covers gross burn needs no projection; a growth rate that could not be measured is said so
 * (never "grows 0 %"), and a "dead" that rests on that assumed flat revenue is an amber
 * "dead if revenue stays flat", not the red verdict a measured rate earns.
 */
function DefaultAliveCard({ headline: h, money, noDebtNote, t }: { headline: DashboardHeadline; money: (minor: number) => string; noDebtNote: ReactNode; t: Translator }) {
  const f = useFormat();
  const alive = h.defaultAlive;
  const month = monthText(t, h.month);
  const aliveMonth = alive.month ? monthText(t, alive.month) : "";
  const debt = h.facilitiesInForecast > 0 ? t("dashboard.headline.aliveDebt") : "";
  const alreadyProfitable = alive.outcome === "profitable" && alive.month === h.month;
  const flatDead = alive.outcome === "cash_out" && alive.verdictAssumesGrowth;
  const earlier = monthText(t, addMonths(h.month, -3));
  return (
    <MetricCard
      label={t("dashboard.headline.defaultAlive")}
      value={
        alive.outcome === "profitable"
          ? t("dashboard.headline.alive")
          : flatDead
            ? t("dashboard.headline.deadIfFlat")
            : alive.outcome === "cash_out"
              ? t("dashboard.headline.dead")
              : t("dashboard.headline.undecided")
      }
      badge={
        alive.outcome === "profitable" ? (
          <Badge tone="good">{t("dashboard.headline.profitableFrom", { month: aliveMonth })}</Badge>
        ) : alive.outcome === "cash_out" ? (
          <Badge tone={flatDead ? "warn" : "bad"}>{t("dashboard.headline.cashRunsOut", { month: aliveMonth })}</Badge>
        ) : (
          <Badge>{t("dashboard.headline.notWithin")}</Badge>
        )
      }
      testId="card-default-alive"
    >
      {alreadyProfitable ? (
        <p>{t("dashboard.headline.alreadyProfitable", { month, revenue: money(h.revenue), gross: money(h.grossBurn) })}</p>
      ) : alive.growth === "measured" ? (
        <p>{t("dashboard.headline.aliveNote", { month, gross: money(h.grossBurn), rate: f.percent(alive.growthRate, 2), debt })}</p>
      ) : (
        <>
          <p className="font-medium text-amber-800">
            {alive.growth === "not_enough_history"
              ? t("dashboard.headline.growthNotEnoughHistory", { earlier, month })
              : t("dashboard.headline.growthNoBase", { earlier, month })}
          </p>
          <p>{t("dashboard.headline.assumedFlat", { revenue: money(h.revenue), gross: money(h.grossBurn), month, debt })}</p>
        </>
      )}
      {alive.outcome === "profitable" && !alreadyProfitable ? (
        <p>{t("dashboard.headline.lowestCash", { cash: money(alive.lowestCash.cash), month: monthText(t, alive.lowestCash.month) })}</p>
      ) : null}
      {noDebtNote}
    </MetricCard>
  );
}

const BAND_TONES = { amazing: "good", great: "good", good: "info", suspect: "warn", bad: "bad" } as const;

function BurnMultipleCard({ value, month, t }: { value: BurnMultiple; month: string; t: Translator }) {
  const range = monthRangeText(t, addMonths(month, -2), month);
  const earlier = monthText(t, addMonths(month, -3));
  const definition = <p>{t("dashboard.burnMultiple.definition", { range, month: monthText(t, month), earlier })}</p>;
  if (value.kind === "value") {
    return (
      <MetricCard
        label={t("dashboard.burnMultiple.label")}
        value={multipleText(t, value.value)}
        badge={<Badge tone={BAND_TONES[value.band]}>{t(`dashboard.burnMultiple.band.${value.band}`)}</Badge>}
        testId="card-burn-multiple"
      >
        {definition}
        <p>{t("dashboard.burnMultiple.bands")}</p>
      </MetricCard>
    );
  }
  const reason =
    value.kind === "not_burning"
      ? t("dashboard.burnMultiple.notBurning")
      : value.reason === "arr_missing"
        ? t("dashboard.burnMultiple.arrMissing", { month: monthText(t, month), earlier })
        : value.reason === "arr_not_growing"
          ? t("dashboard.burnMultiple.arrNotGrowing")
          : t("dashboard.burnMultiple.reportsMissing", { range });
  return (
    <MetricCard
      label={t("dashboard.burnMultiple.label")}
      value={value.kind === "not_burning" ? t("dashboard.format.notBurning") : t("common.state.notAvailable")}
      testId="card-burn-multiple"
    >
      {definition}
      <p>{reason}</p>
    </MetricCard>
  );
}
