import type { ReactNode } from "react";
import { Badge } from "~/components/ui/layout";
import { addMonths, runwayLevel, type BurnMultiple } from "~/finance";
import { formatMonthRange, formatMultiple, formatRunway, plural } from "~/lib/format";
import { formatMoney, formatPercent } from "~/lib/money";
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
  const money = (minor: number) => formatMoney(minor, currency);
  const windowText =
    h.window === 1
      ? `the latest reported month (${h.month})`
      : `the last ${h.window} reported months (${formatMonthRange(h.windowFirstMonth, h.month)})`;
  const level = h.runwayMonths === null ? "ok" : runwayLevel({ kind: "months", months: h.runwayMonths });
  const debtText = h.facilitiesInForecast > 0 ? `, plus scheduled debt service of ${plural(h.facilitiesInForecast, "facility", "facilities")}` : "";
  const noDebtNote = debtServiceIncluded ? null : (
    <p className="font-medium text-amber-800">Debt service is not included: the company does not share its funding &amp; debt.</p>
  );
  const shortHistory = h.shortHistory ? (
    <p className="font-medium text-amber-800">
      Short history: only {h.monthsUsed} of {h.window} months in the window are reported.
    </p>
  ) : null;
  const alive = h.defaultAlive;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <MetricCard label="Cash" value={money(h.cash)} badge={h.cash < 0 ? <Badge tone="bad">below zero</Badge> : null} testId="card-cash">
        <p>Cash at the end of {h.month}, the latest reported month.</p>
      </MetricCard>
      <MetricCard label="Net burn" value={<>{money(h.averageNetBurn)}<span className="text-sm font-normal text-slate-600"> / month</span></>} testId="card-net-burn">
        <p>Average net burn (operating spend − revenue) over {windowText}.</p>
        {shortHistory}
        <p>
          {h.month}: net burn {money(h.netBurn)}, gross burn {money(h.grossBurn)}
          {h.computeShare !== null ? `, compute ${formatPercent(h.computeShare)} of spend` : ""}.
        </p>
      </MetricCard>
      <MetricCard
        label="Runway"
        value={formatRunway(h.runwayMonths)}
        badge={level === "critical" ? <Badge tone="bad">Critical: under 3 months</Badge> : level === "caution" ? <Badge tone="warn">Caution: under 6 months</Badge> : null}
        testId="card-runway"
      >
        {h.runwayMonths === null ? (
          <p>Average net burn over {windowText} is zero or negative, so cash is not running down.</p>
        ) : (
          <p>Cash at {h.month} ÷ average net burn over {windowText}, rounded down.</p>
        )}
        {shortHistory}
      </MetricCard>
      <MetricCard label="Cash-out month" value={h.cashOutMonth ?? "Beyond 10 years"} testId="card-cash-out">
        <p>
          First month whose projected closing cash is below zero: from cash at {h.month}, each month subtracts the average net burn
          ({money(h.averageNetBurn)}){debtText}. Horizon: 120 months.
        </p>
        {noDebtNote}
      </MetricCard>
      <MetricCard
        label="Default alive?"
        value={alive.outcome === "profitable" ? "Default alive" : alive.outcome === "cash_out" ? "Default dead" : "Undecided"}
        badge={
          alive.outcome === "profitable" ? (
            <Badge tone="good">profitable from {alive.month}</Badge>
          ) : alive.outcome === "cash_out" ? (
            <Badge tone="bad">cash runs out {alive.month}</Badge>
          ) : (
            <Badge>not within 10 years</Badge>
          )
        }
        testId="card-default-alive"
      >
        <p>
          Expenses held at {h.month}&apos;s gross burn ({money(h.grossBurn)}); revenue grows {formatPercent(alive.growthRate, "en-US", 2)} a month (compound
          growth over the last 3 months){h.facilitiesInForecast > 0 ? "; debt service subtracted" : ""}. Alive if revenue reaches expenses before cash
          falls below zero.
        </p>
        {alive.outcome === "profitable" ? (
          <p>
            Lowest projected cash on the way: {money(alive.lowestCash.cash)} (end of {alive.lowestCash.month}).
          </p>
        ) : null}
        {noDebtNote}
      </MetricCard>
      <BurnMultipleCard value={h.burnMultiple} month={h.month} />
    </div>
  );
}

const BAND_TONES = { amazing: "good", great: "good", good: "info", suspect: "warn", bad: "bad" } as const;
const BAND_RANGES = { amazing: "under 1", great: "1–1.5", good: "1.5–2", suspect: "2–3", bad: "over 3" } as const;

function BurnMultipleCard({ value, month }: { value: BurnMultiple; month: string }) {
  const definition = (
    <p>
      Net burn of {formatMonthRange(addMonths(month, -2), month)} ÷ net new ARR (ARR {month} − ARR {addMonths(month, -3)}).
    </p>
  );
  if (value.kind === "value") {
    return (
      <MetricCard
        label="Burn multiple"
        value={formatMultiple(value.value)}
        badge={<Badge tone={BAND_TONES[value.band]}>{value.band} ({BAND_RANGES[value.band]})</Badge>}
        testId="card-burn-multiple"
      >
        {definition}
        <p>Bands: under 1 amazing, 1–1.5 great, 1.5–2 good, 2–3 suspect, over 3 bad.</p>
      </MetricCard>
    );
  }
  const reason =
    value.kind === "not_burning"
      ? "Net burn over the three months is zero or negative: growth is not being bought with cash."
      : value.reason === "arr_missing"
        ? `Needs ARR in both ${month} and ${addMonths(month, -3)}.`
        : value.reason === "arr_not_growing"
          ? "ARR did not grow over the last three months."
          : `Needs reports for each of ${formatMonthRange(addMonths(month, -2), month)}.`;
  return (
    <MetricCard label="Burn multiple" value={value.kind === "not_burning" ? "Not burning" : "Not available"} testId="card-burn-multiple">
      {definition}
      <p>{reason}</p>
    </MetricCard>
  );
}
