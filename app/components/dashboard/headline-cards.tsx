import type { ReactNode } from "react";
import { Definition } from "~/components/ui/definition";
import { Badge } from "~/components/ui/layout";
import { addMonths, runwayLevel, type BurnMultiple } from "~/finance";
import { useFormat, useT, type Translator } from "~/i18n";
import { cashOutText, monthRangeText, monthText, multipleText, netBurnPhrase, runwayText } from "~/i18n/display";
import type { DashboardHeadline } from "~/views/dashboard";
import { common_state_notAvailable } from "~/paraglide/messages/common_state_notavailable1.js";
import { dashboard_burnMultiple_arrMissing } from "~/paraglide/messages/dashboard_burnmultiple_arrmissing2.js";
import { dashboard_burnMultiple_arrNotGrowing } from "~/paraglide/messages/dashboard_burnmultiple_arrnotgrowing3.js";
import { dashboard_burnMultiple_band_amazing } from "~/paraglide/messages/dashboard_burnmultiple_band_amazing1.js";
import { dashboard_burnMultiple_band_bad } from "~/paraglide/messages/dashboard_burnmultiple_band_bad1.js";
import { dashboard_burnMultiple_band_good } from "~/paraglide/messages/dashboard_burnmultiple_band_good1.js";
import { dashboard_burnMultiple_band_great } from "~/paraglide/messages/dashboard_burnmultiple_band_great1.js";
import { dashboard_burnMultiple_band_suspect } from "~/paraglide/messages/dashboard_burnmultiple_band_suspect1.js";
import { dashboard_burnMultiple_bands } from "~/paraglide/messages/dashboard_burnmultiple_bands1.js";
import { dashboard_burnMultiple_definition } from "~/paraglide/messages/dashboard_burnmultiple_definition1.js";
import { dashboard_burnMultiple_label } from "~/paraglide/messages/dashboard_burnmultiple_label1.js";
import { dashboard_burnMultiple_notBurning } from "~/paraglide/messages/dashboard_burnmultiple_notburning2.js";
import { dashboard_burnMultiple_reportsMissing } from "~/paraglide/messages/dashboard_burnmultiple_reportsmissing2.js";
import { dashboard_format_netCashGenerated } from "~/paraglide/messages/dashboard_format_netcashgenerated2.js";
import { dashboard_format_notBurning } from "~/paraglide/messages/dashboard_format_notburning1.js";
import { dashboard_headline_alive } from "~/paraglide/messages/dashboard_headline_alive.js";
import { dashboard_headline_aliveDefinition } from "~/paraglide/messages/dashboard_headline_alivedefinition1.js";
import { dashboard_headline_aliveDebt } from "~/paraglide/messages/dashboard_headline_alivedebt1.js";
import { dashboard_headline_aliveNote } from "~/paraglide/messages/dashboard_headline_alivenote1.js";
import { dashboard_headline_alreadyProfitable } from "~/paraglide/messages/dashboard_headline_alreadyprofitable1.js";
import { dashboard_headline_assumedFlat } from "~/paraglide/messages/dashboard_headline_assumedflat1.js";
import { dashboard_headline_belowZero } from "~/paraglide/messages/dashboard_headline_belowzero1.js";
import { dashboard_headline_cash } from "~/paraglide/messages/dashboard_headline_cash.js";
import { dashboard_headline_cashNote } from "~/paraglide/messages/dashboard_headline_cashnote1.js";
import { dashboard_headline_cashOut } from "~/paraglide/messages/dashboard_headline_cashout1.js";
import { dashboard_headline_cashOutNote } from "~/paraglide/messages/dashboard_headline_cashoutnote2.js";
import { dashboard_headline_cashRunsOut } from "~/paraglide/messages/dashboard_headline_cashrunsout2.js";
import { dashboard_headline_caution } from "~/paraglide/messages/dashboard_headline_caution.js";
import { dashboard_headline_critical } from "~/paraglide/messages/dashboard_headline_critical.js";
import { dashboard_headline_dead } from "~/paraglide/messages/dashboard_headline_dead.js";
import { dashboard_headline_deadIfFlat } from "~/paraglide/messages/dashboard_headline_deadifflat2.js";
import { dashboard_headline_debtText } from "~/paraglide/messages/dashboard_headline_debttext1.js";
import { dashboard_headline_defaultAlive } from "~/paraglide/messages/dashboard_headline_defaultalive1.js";
import { dashboard_headline_growthNoBase } from "~/paraglide/messages/dashboard_headline_growthnobase2.js";
import { dashboard_headline_growthNotEnoughHistory } from "~/paraglide/messages/dashboard_headline_growthnotenoughhistory3.js";
import { dashboard_headline_lowestCash } from "~/paraglide/messages/dashboard_headline_lowestcash1.js";
import { dashboard_headline_monthBurn } from "~/paraglide/messages/dashboard_headline_monthburn1.js";
import { dashboard_headline_monthBurnCompute } from "~/paraglide/messages/dashboard_headline_monthburncompute2.js";
import { dashboard_headline_netBurn } from "~/paraglide/messages/dashboard_headline_netburn1.js";
import { dashboard_headline_netGeneratedNote } from "~/paraglide/messages/dashboard_headline_netgeneratednote2.js";
import { dashboard_headline_netBurnNote } from "~/paraglide/messages/dashboard_headline_netburnnote2.js";
import { dashboard_headline_noDebt } from "~/paraglide/messages/dashboard_headline_nodebt1.js";
import { dashboard_headline_notBurningNote } from "~/paraglide/messages/dashboard_headline_notburningnote2.js";
import { dashboard_headline_notWithin } from "~/paraglide/messages/dashboard_headline_notwithin1.js";
import { dashboard_headline_perMonth } from "~/paraglide/messages/dashboard_headline_permonth1.js";
import { dashboard_headline_profitableFrom } from "~/paraglide/messages/dashboard_headline_profitablefrom1.js";
import { dashboard_headline_runway } from "~/paraglide/messages/dashboard_headline_runway.js";
import { dashboard_headline_runwayNote } from "~/paraglide/messages/dashboard_headline_runwaynote1.js";
import { dashboard_headline_shortHistory } from "~/paraglide/messages/dashboard_headline_shorthistory1.js";
import { dashboard_headline_undecided } from "~/paraglide/messages/dashboard_headline_undecided.js";
import { dashboard_headline_windowMany } from "~/paraglide/messages/dashboard_headline_windowmany1.js";
import { dashboard_headline_windowOne } from "~/paraglide/messages/dashboard_headline_windowone1.js";

/**
 * A figure, what this company's case says about it (`children`: short history, a missing
 * growth rate, debt left out), and how it is calculated one click away (`definition`).
 */
function MetricCard({
  label,
  value,
  badge,
  children,
  definition,
  testId,
}: {
  label: string;
  value: ReactNode;
  badge?: ReactNode;
  children?: ReactNode;
  definition: ReactNode;
  testId: string;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId} aria-label={label}>
      <h2 className="text-sm font-medium text-slate-600">{label}</h2>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-bold tracking-tight">
        {value}
        {badge}
      </p>
      {children ? <div className="mt-2 space-y-1 text-xs text-slate-600">{children}</div> : null}
      <Definition>{definition}</Definition>
    </section>
  );
}

/**
 * Cash, net burn, runway, cash-out month, default alive and burn multiple as of month m.
 * `debtServiceIncluded` false: the viewer cannot read the debt facilities (an investor whose
 * grant leaves out funding & debt), so the forecasts say they leave debt service out.
 */
export function HeadlineCards({
  headline: h,
  currency,
  debtServiceIncluded = true,
}: {
  headline: DashboardHeadline;
  currency: string;
  debtServiceIncluded?: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const money = (minor: number) => f.money(minor, currency);
  const month = monthText(t, h.month);
  const windowText =
    h.window === 1
      ? t(dashboard_headline_windowOne, { month })
      : t(dashboard_headline_windowMany, { count: h.window, range: monthRangeText(t, h.windowFirstMonth, h.month) });
  const generating = h.averageNetBurn < 0;
  const level = h.runwayMonths === null ? "ok" : runwayLevel({ kind: "months", months: h.runwayMonths });
  const debtText = h.facilitiesInForecast > 0 ? t(dashboard_headline_debtText, { count: h.facilitiesInForecast }) : "";
  const noDebtNote = debtServiceIncluded ? null : <p className="font-medium text-amber-800">{t(dashboard_headline_noDebt)}</p>;
  const shortHistory = h.shortHistory ? (
    <p className="font-medium text-amber-800">{t(dashboard_headline_shortHistory, { used: h.monthsUsed, window: h.window })}</p>
  ) : null;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3 print:gap-2">
      <MetricCard
        label={t(dashboard_headline_cash)}
        value={money(h.cash)}
        badge={h.cash < 0 ? <Badge tone="bad">{t(dashboard_headline_belowZero)}</Badge> : null}
        testId="card-cash"
        definition={<p>{t(dashboard_headline_cashNote, { month })}</p>}
      />
      {/* Revenue above spend is cash generated, said so: never "net burn -$15,000". */}
      <MetricCard
        label={generating ? t(dashboard_format_netCashGenerated) : t(dashboard_headline_netBurn)}
        value={
          <>
            {money(Math.abs(h.averageNetBurn))}
            <span className="text-sm font-normal text-slate-600"> {t(dashboard_headline_perMonth)}</span>
          </>
        }
        testId="card-net-burn"
        definition={
          <p>{generating ? t(dashboard_headline_netGeneratedNote, { window: windowText }) : t(dashboard_headline_netBurnNote, { window: windowText })}</p>
        }
      >
        {shortHistory}
        <p>
          {h.computeShare !== null
            ? t(dashboard_headline_monthBurnCompute, {
                month,
                net: netBurnPhrase(t, h.netBurn, money),
                gross: money(h.grossBurn),
                share: f.percent(h.computeShare),
              })
            : t(dashboard_headline_monthBurn, { month, net: netBurnPhrase(t, h.netBurn, money), gross: money(h.grossBurn) })}
        </p>
      </MetricCard>
      <MetricCard
        label={t(dashboard_headline_runway)}
        value={runwayText(t, h.runwayMonths)}
        badge={
          level === "critical" ? (
            <Badge tone="bad">{t(dashboard_headline_critical)}</Badge>
          ) : level === "caution" ? (
            <Badge tone="warn">{t(dashboard_headline_caution)}</Badge>
          ) : null
        }
        testId="card-runway"
        definition={
          h.runwayMonths === null ? (
            <p>{t(dashboard_headline_notBurningNote, { window: windowText })}</p>
          ) : (
            <p>{t(dashboard_headline_runwayNote, { month, window: windowText })}</p>
          )
        }
      >
        {shortHistory}
      </MetricCard>
      <MetricCard
        label={t(dashboard_headline_cashOut)}
        value={cashOutText(t, h.cashOutMonth)}
        testId="card-cash-out"
        definition={<p>{t(dashboard_headline_cashOutNote, { month, burn: money(h.averageNetBurn), debt: debtText })}</p>}
      >
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
function DefaultAliveCard({
  headline: h,
  money,
  noDebtNote,
  t,
}: {
  headline: DashboardHeadline;
  money: (minor: number) => string;
  noDebtNote: ReactNode;
  t: Translator;
}) {
  const f = useFormat();
  const alive = h.defaultAlive;
  const month = monthText(t, h.month);
  const aliveMonth = alive.month ? monthText(t, alive.month) : "";
  const debt = h.facilitiesInForecast > 0 ? t(dashboard_headline_aliveDebt) : "";
  const alreadyProfitable = alive.outcome === "profitable" && alive.month === h.month;
  const flatDead = alive.outcome === "cash_out" && alive.verdictAssumesGrowth;
  const earlier = monthText(t, addMonths(h.month, -3));
  return (
    <MetricCard
      label={t(dashboard_headline_defaultAlive)}
      value={
        alive.outcome === "profitable"
          ? t(dashboard_headline_alive)
          : flatDead
            ? t(dashboard_headline_deadIfFlat)
            : alive.outcome === "cash_out"
              ? t(dashboard_headline_dead)
              : t(dashboard_headline_undecided)
      }
      badge={
        alive.outcome === "profitable" ? (
          <Badge tone="good">{t(dashboard_headline_profitableFrom, { month: aliveMonth })}</Badge>
        ) : alive.outcome === "cash_out" ? (
          <Badge tone={flatDead ? "warn" : "bad"}>{t(dashboard_headline_cashRunsOut, { month: aliveMonth })}</Badge>
        ) : (
          <Badge>{t(dashboard_headline_notWithin)}</Badge>
        )
      }
      testId="card-default-alive"
      definition={
        alreadyProfitable ? (
          <p>{t(dashboard_headline_alreadyProfitable, { month, revenue: money(h.revenue), gross: money(h.grossBurn) })}</p>
        ) : alive.growth === "measured" ? (
          <p>{t(dashboard_headline_aliveNote, { month, gross: money(h.grossBurn), rate: f.percent(alive.growthRate, 2), debt })}</p>
        ) : (
          <p>{t(dashboard_headline_aliveDefinition)}</p>
        )
      }
    >
      {/* A growth rate that could not be measured is said on the card, with what the projection assumed instead. */}
      {alreadyProfitable || alive.growth === "measured" ? null : (
        <>
          <p className="font-medium text-amber-800">
            {alive.growth === "not_enough_history"
              ? t(dashboard_headline_growthNotEnoughHistory, { earlier, month })
              : t(dashboard_headline_growthNoBase, { earlier, month })}
          </p>
          <p>{t(dashboard_headline_assumedFlat, { revenue: money(h.revenue), gross: money(h.grossBurn), month, debt })}</p>
        </>
      )}
      {alive.outcome === "profitable" && !alreadyProfitable ? (
        <p>{t(dashboard_headline_lowestCash, { cash: money(alive.lowestCash.cash), month: monthText(t, alive.lowestCash.month) })}</p>
      ) : null}
      {noDebtNote}
    </MetricCard>
  );
}

const BAND_TONES = { amazing: "good", great: "good", good: "info", suspect: "warn", bad: "bad" } as const;

function BurnMultipleCard({ value, month, t }: { value: BurnMultiple; month: string; t: Translator }) {
  const range = monthRangeText(t, addMonths(month, -2), month);
  const earlier = monthText(t, addMonths(month, -3));
  const definition = <p>{t(dashboard_burnMultiple_definition, { range, month: monthText(t, month), earlier })}</p>;
  if (value.kind === "value") {
    return (
      <MetricCard
        label={t(dashboard_burnMultiple_label)}
        value={multipleText(t, value.value)}
        badge={
          <Badge tone={BAND_TONES[value.band]}>
            {t(
              {
                amazing: dashboard_burnMultiple_band_amazing,
                bad: dashboard_burnMultiple_band_bad,
                good: dashboard_burnMultiple_band_good,
                great: dashboard_burnMultiple_band_great,
                suspect: dashboard_burnMultiple_band_suspect,
              }[value.band],
            )}
          </Badge>
        }
        testId="card-burn-multiple"
        definition={
          <>
            {definition}
            <p>{t(dashboard_burnMultiple_bands)}</p>
          </>
        }
      />
    );
  }
  const reason =
    value.kind === "not_burning"
      ? t(dashboard_burnMultiple_notBurning)
      : value.reason === "arr_missing"
        ? t(dashboard_burnMultiple_arrMissing, { month: monthText(t, month), earlier })
        : value.reason === "arr_not_growing"
          ? t(dashboard_burnMultiple_arrNotGrowing)
          : t(dashboard_burnMultiple_reportsMissing, { range });
  return (
    <MetricCard
      label={t(dashboard_burnMultiple_label)}
      value={value.kind === "not_burning" ? t(dashboard_format_notBurning) : t(common_state_notAvailable)}
      testId="card-burn-multiple"
      definition={definition}
    >
      <p>{reason}</p>
    </MetricCard>
  );
}
