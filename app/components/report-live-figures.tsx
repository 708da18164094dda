import { averageNetBurn, grossBurn, netBurn, runway, runwayForDisplay, SPEND_CATEGORIES, type MonthlyFigures, type SpendCategory } from "~/finance";
import { parseAmount } from "~/domain/money";
import { useFormat, useT } from "~/i18n";
import { records_report_live_basis } from "~/paraglide/messages/records_report_live_basis.js";
import { records_report_live_gross } from "~/paraglide/messages/records_report_live_gross.js";
import { records_report_live_incomplete } from "~/paraglide/messages/records_report_live_incomplete.js";
import { records_report_live_net } from "~/paraglide/messages/records_report_live_net.js";
import { records_report_live_netGenerated } from "~/paraglide/messages/records_report_live_netgenerated1.js";
import { records_report_live_notBurning } from "~/paraglide/messages/records_report_live_notburning1.js";
import { records_report_live_runway } from "~/paraglide/messages/records_report_live_runway.js";
import { records_report_live_runwayMonths } from "~/paraglide/messages/records_report_live_runwaymonths1.js";
import { records_report_live_title } from "~/paraglide/messages/records_report_live_title.js";

/** The earlier months the live runway averages with (figures as the loader sends them). */
export interface EarlierMonth {
  month: string;
  cash: number;
  revenue: number;
  compute: number;
  data: number;
  payroll: number;
  research: number;
  go_to_market: number;
  general_admin: number;
  other: number;
}

export interface LiveFigures {
  grossBurn: number;
  netBurn: number;
  /** Rounded down to one decimal; null when not burning. */
  runwayMonths: number | null;
  monthsUsed: number;
}

/**
 * Gross burn, net burn and runway of the month being typed, from the form's text: the same
 * parser as the server and the pure finance functions the dashboard uses (window 3). Null
 * while an amount cannot be read (blank amounts count as 0, as the form saves them).
 */
export function liveFigures(values: Record<string, string>, month: string, earlier: readonly EarlierMonth[]): LiveFigures | null {
  const read = (name: string): number | null => {
    const text = (values[name] ?? "").trim();
    if (text === "") return 0;
    const parsed = parseAmount(text);
    return parsed.ok && parsed.minor >= 0 ? parsed.minor : null;
  };
  const spend: Partial<Record<SpendCategory, number>> = {};
  for (const c of SPEND_CATEGORIES) {
    const amount = read(c);
    if (amount === null) return null;
    spend[c] = amount;
  }
  const cash = read("cash");
  const revenue = read("revenue");
  if (cash === null || revenue === null) return null;
  const toFigures = (r: EarlierMonth): MonthlyFigures => ({
    month: r.month,
    revenue: r.revenue,
    cash: r.cash,
    spend: Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, r[c]])),
  });
  const average = averageNetBurn([...earlier.map(toFigures), { month, spend, revenue, cash }], month, 3);
  return {
    grossBurn: grossBurn(spend),
    netBurn: netBurn(spend, revenue),
    runwayMonths: average.value === null ? null : runwayForDisplay(runway(cash, average.value)),
    monthsUsed: average.monthsUsed,
  };
}

export function ReportLiveFigures({
  values,
  month,
  earlier,
  currency,
}: {
  values: Record<string, string>;
  month: string;
  earlier: readonly EarlierMonth[];
  currency: string;
}) {
  const t = useT();
  const f = useFormat();
  const live = liveFigures(values, month, earlier);
  return (
    <section aria-labelledby="live-figures-title" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="live-figures">
      <h2 id="live-figures-title" className="text-sm font-semibold">
        {t(records_report_live_title)}
      </h2>
      {live === null ? (
        <p className="mt-1 text-amber-800">{t(records_report_live_incomplete)}</p>
      ) : (
        <>
          <dl aria-live="polite" className="mt-1 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-3">
            <div className="flex justify-between gap-2 sm:block">
              <dt className="text-slate-600">{t(records_report_live_gross)}</dt>
              <dd className="font-medium tabular-nums" data-testid="live-gross">
                {f.money(live.grossBurn, currency)}
              </dd>
            </div>
            <div className="flex justify-between gap-2 sm:block">
              <dt className="text-slate-600">{live.netBurn < 0 ? t(records_report_live_netGenerated) : t(records_report_live_net)}</dt>
              <dd className="font-medium tabular-nums" data-testid="live-net">
                {f.money(Math.abs(live.netBurn), currency)}
              </dd>
            </div>
            <div className="flex justify-between gap-2 sm:block">
              <dt className="text-slate-600">{t(records_report_live_runway)}</dt>
              <dd className="font-medium tabular-nums" data-testid="live-runway">
                {live.runwayMonths === null ? t(records_report_live_notBurning) : t(records_report_live_runwayMonths, { months: live.runwayMonths })}
              </dd>
            </div>
          </dl>
          <p className="mt-1 text-xs text-slate-500">{t(records_report_live_basis, { count: live.monthsUsed })}</p>
        </>
      )}
    </section>
  );
}
