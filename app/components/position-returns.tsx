/**
 * The positions page's figures: portfolio MOIC, MOIC by company and the positions table.
 * Every converted figure names the FX rate it used; a missing rate says "rate missing"
 * and the position is left out of the totals — never shown or counted as zero.
 */
import { Link } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { instrumentName } from "~/domain/portfolio-query";
import { Badge, Card } from "~/components/ui/layout";
import { useFormat, useT, type PlainKey } from "~/i18n";
import { dateText, monthText, multipleText } from "~/i18n/display";
import { SortHeader } from "~/components/ui/sort-header";
import { useHrefWith } from "~/components/use-href-with";
import { ColumnHeads, Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { deletion_position_deleted } from "~/paraglide/messages/deletion_position_deleted.js";
import { investor_charts_raised_instrument } from "~/paraglide/messages/investor_charts_raised_instrument.js";
import { investor_positions_aCompanyGone } from "~/paraglide/messages/investor_positions_acompanygone2.js";
import { investor_positions_addRates } from "~/paraglide/messages/investor_positions_addrates1.js";
import { investor_positions_atRate } from "~/paraglide/messages/investor_positions_atrate1.js";
import { investor_positions_companyGone } from "~/paraglide/messages/investor_positions_companygone1.js";
import { investor_positions_currentValue } from "~/paraglide/messages/investor_positions_currentvalue1.js";
import { investor_positions_editLabel } from "~/paraglide/messages/investor_positions_editlabel1.js";
import { investor_positions_head_amount } from "~/paraglide/messages/investor_positions_head_amount.js";
import { investor_positions_head_currentValueIn } from "~/paraglide/messages/investor_positions_head_currentvaluein2.js";
import { investor_positions_head_invested } from "~/paraglide/messages/investor_positions_head_invested.js";
import { investor_positions_head_investedIn } from "~/paraglide/messages/investor_positions_head_investedin1.js";
import { investor_positions_head_investedOn } from "~/paraglide/messages/investor_positions_head_investedon1.js";
import { investor_positions_head_moic } from "~/paraglide/messages/investor_positions_head_moic.js";
import { investor_positions_head_ownership } from "~/paraglide/messages/investor_positions_head_ownership.js";
import { investor_positions_head_valueIn } from "~/paraglide/messages/investor_positions_head_valuein1.js";
import { investor_positions_invested } from "~/paraglide/messages/investor_positions_invested.js";
import { investor_positions_leftOut } from "~/paraglide/messages/investor_positions_leftout1.js";
import { investor_positions_missingAmount } from "~/paraglide/messages/investor_positions_missingamount1.js";
import { investor_positions_missingValue } from "~/paraglide/messages/investor_positions_missingvalue1.js";
import { investor_positions_moicDefinition } from "~/paraglide/messages/investor_positions_moicdefinition1.js";
import { investor_positions_moicExplain } from "~/paraglide/messages/investor_positions_moicexplain1.js";
import { investor_positions_noLongerShared } from "~/paraglide/messages/investor_positions_nolongershared2.js";
import { investor_positions_portfolioMoic } from "~/paraglide/messages/investor_positions_portfoliomoic1.js";
import { investor_positions_rateMissing } from "~/paraglide/messages/investor_positions_ratemissing1.js";
import { investor_positions_someLeftOut } from "~/paraglide/messages/investor_positions_someleftout2.js";
import { investor_positions_title } from "~/paraglide/messages/investor_positions_title.js";
import { investor_positions_viewLabel } from "~/paraglide/messages/investor_positions_viewlabel1.js";
import { investor_table_company } from "~/paraglide/messages/investor_table_company.js";

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
  /** The name a company had when its org was deleted; null otherwise. */
  companyName: string | null;
  returns: { investedRate: UsedRate | null; valueRate: UsedRate | null; investedBase: number | null; currentValueBase: number | null; moic: number | null };
}

function MissingBadge() {
  const t = useT();
  return <Badge tone="warn">{t(investor_positions_rateMissing)}</Badge>;
}

/** A position's amount as two cells: in its own currency, then in the fund's (with the rate used). */
function AmountCells({
  amount,
  inBase,
  rate,
  currency,
  baseCurrency,
}: {
  amount: number;
  inBase: number | null;
  rate: UsedRate | null | undefined;
  currency: string;
  baseCurrency: string;
}) {
  const f = useFormat();
  return (
    <>
      <Td numeric nowrap>
        {f.money(amount, currency)}
      </Td>
      <Td numeric nowrap>
        <InBaseCurrency amount={inBase} rate={rate} currency={currency} baseCurrency={baseCurrency} />
      </Td>
    </>
  );
}

/** An amount in the fund's currency with the rate that converted it, or the badge saying no rate was found. */
function InBaseCurrency({
  amount,
  rate,
  currency,
  baseCurrency,
}: {
  amount: number | null;
  rate: UsedRate | null | undefined;
  currency: string;
  baseCurrency: string;
}) {
  const f = useFormat();
  if (!rate || amount === null) return <MissingBadge />;
  return (
    <>
      {f.money(amount, baseCurrency)}
      <RateNote rate={rate} currency={currency} baseCurrency={baseCurrency} />
    </>
  );
}

function RateNote({ rate, currency, baseCurrency }: { rate: UsedRate; currency: string; baseCurrency: string }) {
  const t = useT();
  if (currency === baseCurrency) return null;
  return (
    <span className="block text-xs text-slate-500">
      {t(investor_positions_atRate, { rate: rate.rate, base: baseCurrency, currency, month: monthText(t, rate.month) })}
    </span>
  );
}

export function PortfolioMoicCard({ portfolio, baseCurrency, currentMonth }: { portfolio: Total; baseCurrency: string; currentMonth: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <Card title={t(investor_positions_portfolioMoic)}>
      <div className="grid gap-4 sm:grid-cols-3" data-testid="portfolio-moic">
        <div>
          <p className="text-3xl font-bold tabular-nums" data-testid="portfolio-moic-value">
            {portfolio.moic === null ? "—" : multipleText(t, portfolio.moic)}
          </p>
          <p className="text-sm text-slate-600">{t(investor_positions_moicDefinition)}</p>
        </div>
        <PortfolioAmount label={t(investor_positions_invested)} testId="portfolio-invested" amount={f.money(portfolio.invested, baseCurrency)} />
        <PortfolioAmount label={t(investor_positions_currentValue)} testId="portfolio-value" amount={f.money(portfolio.currentValue, baseCurrency)} />
      </div>
      <p className="mt-4 text-xs text-slate-500">{t(investor_positions_moicExplain, { base: baseCurrency, month: monthText(t, currentMonth) })}</p>
    </Card>
  );
}

function PortfolioAmount({ label, testId, amount }: { label: string; testId: string; amount: string }) {
  return (
    <div>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="text-xl font-semibold tabular-nums" data-testid={testId}>
        {amount}
      </p>
    </div>
  );
}

export function MissingRatesNote({ missingRates, excludedCount, fxHref }: { missingRates: Missing[]; excludedCount: number; fxHref: string }) {
  const t = useT();
  if (excludedCount === 0) return null;
  return (
    <div role="note" className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="missing-rates">
      <p className="font-semibold">{t(investor_positions_leftOut, { count: excludedCount })}</p>
      <ul className="mt-2 list-disc pl-5">
        {missingRates.map((m) => (
          <li key={`${m.currency}|${m.month}|${m.use}`}>
            {t(m.use === "amount" ? investor_positions_missingAmount : investor_positions_missingValue, { currency: m.currency, month: monthText(t, m.month) })}
          </li>
        ))}
      </ul>
      <Link to={fxHref} className="mt-2 inline-block underline">
        {t(investor_positions_addRates)}
      </Link>
    </div>
  );
}

export function CompanyReturnsTable({
  companies,
  baseCurrency,
}: {
  companies: (Total & { companyId: string; name: string | null; deletedName: string | null; positionCount: number })[];
  baseCurrency: string;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <Table data-testid="company-moic">
      <ColumnHeads
        heads={[
          { label: t(investor_table_company) },
          { label: t(investor_positions_title), numeric: true, nowrap: true },
          { label: t(investor_positions_head_investedIn, { base: baseCurrency }), numeric: true },
          { label: t(investor_positions_head_currentValueIn, { base: baseCurrency }), numeric: true },
          { label: t(investor_positions_head_moic), hint: t(investor_positions_moicDefinition), numeric: true },
        ]}
      />
      <tbody>
        {companies.map((c) => (
          <Tr key={c.companyId} data-testid="company-moic-row">
            <Td>
              {c.name ??
                (c.deletedName ? (
                  t(deletion_position_deleted, { name: c.deletedName })
                ) : (
                  <span className="text-slate-500">{t(investor_positions_companyGone)}</span>
                ))}
            </Td>
            <Td numeric>{f.number(c.positionCount)}</Td>
            <Td numeric>{c.includedCount > 0 ? f.money(c.invested, baseCurrency) : "—"}</Td>
            <Td numeric>{c.includedCount > 0 ? f.money(c.currentValue, baseCurrency) : "—"}</Td>
            <Td numeric last>
              {c.moic === null ? c.excludedCount > 0 ? <MissingBadge /> : "—" : multipleText(t, c.moic)}
              {c.excludedCount > 0 && c.moic !== null ? (
                <span className="block text-xs text-amber-800">{t(investor_positions_someLeftOut, { excluded: c.excludedCount, total: c.positionCount })}</span>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

const SORT_LABELS = {
  company: investor_table_company,
  invested_on: investor_positions_head_investedOn,
  invested: investor_positions_head_invested,
  moic: investor_positions_head_moic,
} as const satisfies Record<string, PlainKey>;
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
  const t = useT();
  const f = useFormat();
  const hrefWith = useHrefWith();
  // Newest, largest or best first; the sorted column's link turns the order round.
  const header = (key: Sort, align: "left" | "right" = "left", label: string = t(SORT_LABELS[key])) => (
    <SortHeader
      label={label}
      sorted={sort === key ? direction : null}
      href={hrefWith({ sort: key, dir: sort === key && direction === "desc" ? "asc" : "desc" })}
      align={align}
      className="whitespace-nowrap py-2 pr-4"
    />
  );
  return (
    <Table data-testid="positions">
      <TableHead>
        {header("invested_on")}
        {header("company")}
        {/* An instrument is a word or two: on a phone the column would wrap it one character a line. */}
        <Th nowrap>{t(investor_charts_raised_instrument)}</Th>
        <Th numeric>{t(investor_positions_head_amount)}</Th>
        {header("invested", "right", t(investor_positions_head_investedIn, { base: baseCurrency }))}
        <Th numeric>{t(investor_positions_currentValue)}</Th>
        <Th numeric>{t(investor_positions_head_valueIn, { base: baseCurrency })}</Th>
        <Th numeric>{t(investor_positions_head_ownership)}</Th>
        {header("moic", "right")}
      </TableHead>
      <tbody>
        {positions.map((p) => (
          <Tr key={p.id} top data-testid="position-row">
            <Td nowrap>
              <TextLink
                to={p.id}
                aria-label={t(canEdit ? investor_positions_editLabel : investor_positions_viewLabel, {
                  date: dateText(t, p.investedOn),
                  company: p.company?.name ?? (p.companyName ? t(deletion_position_deleted, { name: p.companyName }) : t(investor_positions_aCompanyGone)),
                })}
              >
                {dateText(t, p.investedOn)}
              </TextLink>
            </Td>
            <Td>
              {p.company?.name ??
                (p.companyName ? (
                  t(deletion_position_deleted, { name: p.companyName })
                ) : (
                  <span className="text-slate-500">{t(investor_positions_noLongerShared)}</span>
                ))}
            </Td>
            <Td nowrap>{instrumentName(t, p.instrument)}</Td>
            <AmountCells amount={p.amount} inBase={p.returns.investedBase} rate={p.returns.investedRate} currency={p.currency} baseCurrency={baseCurrency} />
            <AmountCells
              amount={p.currentValue}
              inBase={p.returns.currentValueBase}
              rate={p.returns.valueRate}
              currency={p.currency}
              baseCurrency={baseCurrency}
            />
            <Td numeric>{p.ownershipBp === null ? "—" : f.basisPoints(p.ownershipBp)}</Td>
            <Td numeric>{p.returns.moic === null ? <MissingBadge /> : multipleText(t, p.returns.moic)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
