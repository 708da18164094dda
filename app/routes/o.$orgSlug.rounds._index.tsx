import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { FundingRoundForm } from "~/components/funding-round-form";
import { Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { INSTRUMENTS, instrumentLabel, INSTRUMENT_LABELS } from "~/lib/instruments";
import { isoDateOfDate } from "~/finance";
import { appErrorResponse, parseForm, invalidSubmission } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { formatMoney, formatPercent } from "~/lib/money";
import {
  createFundingRound,
  FUNDING_ROUND_RULES,
  fundingRoundSchema,
  listFundingRoundsPage,
  oneYearAfter,
  type RoundSort,
  type SortDirection,
} from "~/models/funding-round.server";
import { Pager } from "~/components/ui/pager";

export const meta: MetaFunction = () => [{ title: "Funding rounds · Capital Desk" }];

const NOTICES: Record<string, string> = {
  created: "Round recorded.",
  updated: "Round saved.",
  deleted: "Round deleted.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "startup") notFound();
  const search = new URL(request.url).searchParams;
  const sort: RoundSort = search.get("sort") === "amount" ? "amount" : "close_date";
  const direction: SortDirection = search.get("dir") === "asc" ? "asc" : "desc";
  const page = await listFundingRoundsPage(ctx, { sort, direction, page: Number(search.get("page") ?? "1") });
  const today = isoDateOfDate(new Date());
  return json({
    ...page,
    sort,
    direction,
    canEdit: can(ctx.role, "edit:records"),
    baseCurrency: ctx.org.baseCurrency,
    slug: ctx.org.slug,
    maxCloseDate: oneYearAfter(today),
    rules: FUNDING_ROUND_RULES,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "startup") notFound();
  const formData = await request.formData();
  const parsed = parseForm(fundingRoundSchema(isoDateOfDate(new Date())), formData);
  if (!parsed.ok) {
    return invalidSubmission(parsed.fieldErrors, formData);
  }
  try {
    await createFundingRound(ctx, parsed.data);
  } catch (error) {
    return appErrorResponse(error);
  }
  return redirect(`/o/${ctx.org.slug}/rounds?notice=created`);
}

export default function FundingRounds() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const [search] = useSearchParams();
  const notice = NOTICES[search.get("notice") ?? ""];
  const failure = result && "fieldErrors" in result ? result : null;
  const values = failure && "values" in failure ? (failure.values as Record<string, string>) : {};
  const { rounds, totals } = data;

  const sortLink = (sort: RoundSort) => {
    const direction: SortDirection = data.sort === sort && data.direction === "desc" ? "asc" : "desc";
    return `?sort=${sort}&dir=${direction}`;
  };
  const ariaSort = (sort: RoundSort) => (data.sort === sort ? (data.direction === "asc" ? "ascending" : "descending") : "none");
  const arrow = (sort: RoundSort) => (data.sort === sort ? (data.direction === "asc" ? " ↑" : " ↓") : "");
  const pageLink = (page: number) => `?sort=${data.sort}&dir=${data.direction}&page=${page}`;

  return (
    <>
      <PageHeader
        title="Funding rounds"
        description="Every round the company has closed: equity, SAFEs, notes, debt and grants."
        actions={
          <a href={`/o/${data.slug}/rounds.csv`} className="text-sm text-indigo-700 underline" download>
            Export CSV
          </a>
        }
      />
      {notice ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}
      <div className="space-y-6">
        <Card title="Total raised by instrument">
          <p className="mb-3 text-xs text-slate-500">
            Sum of the amounts of all recorded rounds per instrument, in each round's own currency (no conversion).
          </p>
          {totals.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing raised yet.</p>
          ) : (
            <TableScroller>
              <table className="min-w-full text-sm" data-testid="totals-by-instrument">
                <thead>
                  <tr className="border-b text-left text-slate-600">
                    <th className="py-2 pr-4 font-medium">Instrument</th>
                    {totals.map((t) => (
                      <th key={t.currency} className="py-2 pr-4 text-right font-medium">
                        {t.currency}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {INSTRUMENTS.filter((i) => totals.some((t) => t.byInstrument[i] > 0)).map((i) => (
                    <tr key={i} className="border-b last:border-0">
                      <td className="py-2 pr-4">{INSTRUMENT_LABELS[i]}</td>
                      {totals.map((t) => (
                        <td key={t.currency} className="py-2 pr-4 text-right tabular-nums">
                          {t.byInstrument[i] > 0 ? formatMoney(t.byInstrument[i], t.currency) : "—"}
                        </td>
                      ))}
                    </tr>
                  ))}
                  <tr className="font-semibold">
                    <td className="py-2 pr-4" title="Sum of every round in this currency">
                      Total raised
                    </td>
                    {totals.map((t) => (
                      <td key={t.currency} className="py-2 pr-4 text-right tabular-nums" data-testid={`total-${t.currency}`}>
                        {formatMoney(t.total, t.currency)}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </TableScroller>
          )}
        </Card>

        <Card title={`Rounds (${data.total})`}>
          {rounds.length === 0 ? (
            <EmptyState title="No funding rounds recorded yet">
              {data.canEdit ? "Record your first round with the form below." : "Editors of this organisation can record rounds here."}
            </EmptyState>
          ) : (
            <>
              <TableScroller>
                <table className="min-w-full text-sm">
                  <thead>
                    <tr className="border-b text-left text-slate-600">
                      <th className="whitespace-nowrap py-2 pr-4 font-medium" aria-sort={ariaSort("close_date")}>
                        <Link to={sortLink("close_date")} className="hover:underline">
                          Close date{arrow("close_date")}
                        </Link>
                      </th>
                      <th className="py-2 pr-4 font-medium">Instrument</th>
                      <th className="whitespace-nowrap py-2 pr-4 text-right font-medium" aria-sort={ariaSort("amount")}>
                        <Link to={sortLink("amount")} className="hover:underline" title="Amount raised in the round's currency">
                          Amount{arrow("amount")}
                        </Link>
                      </th>
                      <th className="py-2 pr-4 text-right font-medium" title="Valuation before the new money, as agreed in the round">
                        Pre-money
                      </th>
                      <th className="py-2 pr-4 text-right font-medium" title="Post-money = pre-money + amount (derived)">
                        Post-money
                      </th>
                      <th className="py-2 pr-4 text-right font-medium" title="Dilution = amount / post-money (derived)">
                        Dilution
                      </th>
                      <th className="py-2 pr-4 font-medium">Investors</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rounds.map((r) => (
                      <tr key={r.id} className="border-b last:border-0" data-testid="round-row">
                        <td className="whitespace-nowrap py-2 pr-4">
                          <Link to={r.id} className="text-indigo-700 underline" aria-label={`${data.canEdit ? "Edit" : "View"} ${instrumentLabel(r.instrument)} round of ${r.closeDate}`}>
                            {r.closeDate}
                          </Link>
                        </td>
                        <td className="py-2 pr-4">
                          {instrumentLabel(r.instrument)}
                          {r.instrument === "equity_crowdfunding" && r.crowdfundingPlatform ? (
                            <span className="block text-xs text-slate-500">
                              {r.crowdfundingPlatform} · {r.backerCount?.toLocaleString("en-US")} backers
                            </span>
                          ) : null}
                        </td>
                        <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{formatMoney(r.amount, r.currency)}</td>
                        <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{formatMoney(r.preMoneyValuation, r.currency)}</td>
                        <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{formatMoney(r.valuation?.postMoney, r.currency)}</td>
                        <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{formatPercent(r.valuation?.dilution, "en-US", 2)}</td>
                        <td className="py-2 pr-4">
                          {r.leadInvestor ? <span className="font-medium">{r.leadInvestor} (lead)</span> : null}
                          {r.leadInvestor && r.otherInvestors ? ", " : null}
                          {r.otherInvestors}
                          {!r.leadInvestor && !r.otherInvestors ? "—" : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
              <Pager page={data.page} pageCount={data.pageCount} href={pageLink} />
            </>
          )}
        </Card>

        {data.canEdit ? (
          <Card title="Record a round">
            {/* Keyed by location: after a successful save (a redirect here) the form starts empty again. */}
            <FundingRoundForm
              key={location.key}
              values={values}
              errors={failure?.fieldErrors ?? {}}
              formError={failure?.formError}
              baseCurrency={data.baseCurrency}
              maxCloseDate={data.maxCloseDate}
              rules={data.rules}
              intent="create"
              submitLabel="Record round"
              pendingText="Recording…"
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
