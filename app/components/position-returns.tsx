/**
 * The positions page's figures: portfolio MOIC, MOIC by company and the positions table.
 * Every converted figure names the FX rate it used; a missing rate says "rate missing"
 * and the position is left out of the totals — never shown or counted as zero.
 */
import { Link } from "@remix-run/react";
import { Badge, Card, TableScroller } from "~/components/ui/layout";
import { formatMultiple } from "~/lib/format";
import { basisPointsToPercentString, instrumentLabel } from "~/lib/instruments";
import { formatMoney } from "~/lib/money";

interface UsedRate {
  month: string;
  rate: string;
}
interface Total {
  invested: number;
  currentValue: number;
  moic: number | null;
  includedCount: number;
  excludedCount: number;
}
interface Missing {
  currency: string;
  month: string;
  use: "amount" | "current_value";
}
interface Row {
  id: string;
  investedOn: string;
  amount: number;
  currentValue: number;
  currency: string;
  instrument: string;
  ownershipBp: number | null;
  company: { name: string; slug: string } | null;
  returns: { investedRate: UsedRate | null; valueRate: UsedRate | null; investedBase: number | null; currentValueBase: number | null; moic: number | null };
}

export const MOIC_DEFINITION = "MOIC = current value / amount invested";

const missingBadge = <Badge tone="warn">rate missing</Badge>;

function RateNote({ rate, currency, baseCurrency }: { rate: UsedRate; currency: string; baseCurrency: string }) {
  if (currency === baseCurrency) return null;
  return (
    <span className="block text-xs text-slate-500">
      at {rate.rate} {baseCurrency}/{currency} ({rate.month})
    </span>
  );
}

export function PortfolioMoicCard({ portfolio, baseCurrency, currentMonth }: { portfolio: Total; baseCurrency: string; currentMonth: string }) {
  return (
    <Card title="Portfolio MOIC">
      <div className="grid gap-4 sm:grid-cols-3" data-testid="portfolio-moic">
        <div>
          <p className="text-3xl font-bold tabular-nums" data-testid="portfolio-moic-value">
            {portfolio.moic === null ? "—" : formatMultiple(portfolio.moic)}
          </p>
          <p className="text-sm text-slate-600">{MOIC_DEFINITION}</p>
        </div>
        <div>
          <p className="text-sm text-slate-600">Amount invested</p>
          <p className="text-xl font-semibold tabular-nums" data-testid="portfolio-invested">
            {formatMoney(portfolio.invested, baseCurrency)}
          </p>
        </div>
        <div>
          <p className="text-sm text-slate-600">Current value</p>
          <p className="text-xl font-semibold tabular-nums" data-testid="portfolio-value">
            {formatMoney(portfolio.currentValue, baseCurrency)}
          </p>
        </div>
      </div>
      <p className="mt-4 text-xs text-slate-500">
        Summed over every position in {baseCurrency} (not an average of company MOICs). Amounts invested are converted at the FX rate
        of the month they were invested; current values at the rate of {currentMonth}, or of the latest earlier month that has one.
        Each figure below names the rate it used.
      </p>
    </Card>
  );
}

export function MissingRatesNote({ missingRates, excludedCount, fxHref }: { missingRates: Missing[]; excludedCount: number; fxHref: string }) {
  if (excludedCount === 0) return null;
  return (
    <div role="note" className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="missing-rates">
      <p className="font-semibold">
        {excludedCount} {excludedCount === 1 ? "position is" : "positions are"} left out of the MOIC totals: rate missing.
      </p>
      <ul className="mt-2 list-disc pl-5">
        {missingRates.map((m) => (
          <li key={`${m.currency}|${m.month}|${m.use}`}>
            {m.currency} for {m.month} ({m.use === "amount" ? "amount invested" : "current value: no rate in or before this month"})
          </li>
        ))}
      </ul>
      <Link to={fxHref} className="mt-2 inline-block underline">
        Add the missing rates
      </Link>
    </div>
  );
}

export function CompanyReturnsTable({
  companies,
  baseCurrency,
}: {
  companies: (Total & { companyId: string; name: string | null; positionCount: number })[];
  baseCurrency: string;
}) {
  return (
    <TableScroller>
      <table className="min-w-full text-sm" data-testid="company-moic">
        <thead>
          <tr className="border-b text-left text-slate-600">
            <th className="py-2 pr-4 font-medium">Company</th>
            <th className="py-2 pr-4 text-right font-medium">Positions</th>
            <th className="py-2 pr-4 text-right font-medium">Invested ({baseCurrency})</th>
            <th className="py-2 pr-4 text-right font-medium">Current value ({baseCurrency})</th>
            <th className="py-2 pr-4 text-right font-medium" title={MOIC_DEFINITION}>
              MOIC
            </th>
          </tr>
        </thead>
        <tbody>
          {companies.map((c) => (
            <tr key={c.companyId} className="border-b last:border-0" data-testid="company-moic-row">
              <td className="py-2 pr-4">{c.name ?? <span className="text-slate-500">Company no longer shared</span>}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{c.positionCount}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{c.includedCount > 0 ? formatMoney(c.invested, baseCurrency) : "—"}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{c.includedCount > 0 ? formatMoney(c.currentValue, baseCurrency) : "—"}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {c.moic === null ? (c.excludedCount > 0 ? missingBadge : "—") : formatMultiple(c.moic)}
                {c.excludedCount > 0 && c.moic !== null ? (
                  <span className="block text-xs text-amber-800">
                    {c.excludedCount} of {c.positionCount} left out: rate missing
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

const SORT_LABELS = { company: "Company", invested_on: "Invested on", invested: "Invested", moic: "MOIC" } as const;
type Sort = keyof typeof SORT_LABELS;

export function PositionsTable({
  positions,
  baseCurrency,
  sort,
  direction,
  canEdit,
}: {
  positions: Row[];
  baseCurrency: string;
  sort: Sort;
  direction: "asc" | "desc";
  canEdit: boolean;
}) {
  const header = (key: Sort, extra = "", label: string = SORT_LABELS[key]) => {
    const next = sort === key && direction === "desc" ? "asc" : "desc";
    const ariaSort = sort === key ? (direction === "asc" ? "ascending" : "descending") : "none";
    const arrow = sort === key ? (direction === "asc" ? " ↑" : " ↓") : "";
    return (
      <th className={`whitespace-nowrap py-2 pr-4 font-medium ${extra}`} aria-sort={ariaSort}>
        <Link to={`?sort=${key}&dir=${next}`} className="hover:underline">
          {label}
          {arrow}
        </Link>
      </th>
    );
  };
  return (
    <TableScroller>
      <table className="min-w-full text-sm" data-testid="positions">
        <thead>
          <tr className="border-b text-left text-slate-600">
            {header("invested_on")}
            {header("company")}
            <th className="py-2 pr-4 font-medium">Instrument</th>
            <th className="py-2 pr-4 text-right font-medium">Amount</th>
            {header("invested", "text-right", `Invested (${baseCurrency})`)}
            <th className="py-2 pr-4 text-right font-medium">Current value</th>
            <th className="py-2 pr-4 text-right font-medium">Value ({baseCurrency})</th>
            <th className="py-2 pr-4 text-right font-medium">Ownership</th>
            {header("moic", "text-right")}
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => (
            <tr key={p.id} className="border-b align-top last:border-0" data-testid="position-row">
              <td className="whitespace-nowrap py-2 pr-4">
                <Link to={p.id} className="text-indigo-700 underline" aria-label={`${canEdit ? "Edit" : "View"} position of ${p.investedOn} in ${p.company?.name ?? "a company no longer shared"}`}>
                  {p.investedOn}
                </Link>
              </td>
              <td className="py-2 pr-4">{p.company?.name ?? <span className="text-slate-500">No longer shared</span>}</td>
              <td className="py-2 pr-4">{instrumentLabel(p.instrument)}</td>
              <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{formatMoney(p.amount, p.currency)}</td>
              <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">
                {p.returns.investedRate && p.returns.investedBase !== null ? (
                  <>
                    {formatMoney(p.returns.investedBase, baseCurrency)}
                    <RateNote rate={p.returns.investedRate} currency={p.currency} baseCurrency={baseCurrency} />
                  </>
                ) : (
                  missingBadge
                )}
              </td>
              <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{formatMoney(p.currentValue, p.currency)}</td>
              <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">
                {p.returns.valueRate && p.returns.currentValueBase !== null ? (
                  <>
                    {formatMoney(p.returns.currentValueBase, baseCurrency)}
                    <RateNote rate={p.returns.valueRate} currency={p.currency} baseCurrency={baseCurrency} />
                  </>
                ) : (
                  missingBadge
                )}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{p.ownershipBp === null ? "—" : `${basisPointsToPercentString(p.ownershipBp)} %`}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{p.returns.moic === null ? missingBadge : formatMultiple(p.returns.moic)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
