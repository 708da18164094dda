import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { FundingRoundForm } from "~/components/funding-round-form";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { INSTRUMENT_KEYS, INSTRUMENTS, isInstrument } from "~/lib/instruments";
import { isoDateOfDate } from "~/finance";
import { metaTitle, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { createFromForm } from "~/lib/forms.server";
import { fundingRoundSchema } from "~/domain/funding-round";
import { oneYearAfter } from "~/domain/bounds";
import { createFundingRound, listFundingRoundsPage, type RoundSort, type SortDirection } from "~/models/funding-round.server";
import { Pager } from "~/components/ui/pager";
import { SortHeader } from "~/components/ui/sort-header";
import { toast } from "~/lib/toast.server";
import { useHrefWith } from "~/lib/use-href-with";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "records.rounds.title")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
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
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return createFromForm(await request.formData(), {
    schema: fundingRoundSchema(isoDateOfDate(new Date())),
    locale: getLocale(request),
    save: (data) => createFundingRound(ctx, data),
    after: { to: `/o/${ctx.org.slug}/rounds`, toast: toast("records.rounds.notice.created") },
  });
}

export default function FundingRounds() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const t = useT();
  const f = useFormat();
  const hrefWith = useHrefWith();
  const instrumentName = (value: string) => (isInstrument(value) ? t(INSTRUMENT_KEYS[value]) : value);
  const failure = result && "fieldErrors" in result ? result : null;
  const values = failure && "values" in failure ? (failure.values as Record<string, string>) : {};
  const { rounds, totals } = data;

  // Newest or largest first; the sorted column's link turns the order round.
  const sortLink = (sort: RoundSort) => {
    const direction: SortDirection = data.sort === sort && data.direction === "desc" ? "asc" : "desc";
    return hrefWith({ sort, dir: direction });
  };
  const sorted = (sort: RoundSort) => (data.sort === sort ? data.direction : null);
  const pageLink = (page: number) => hrefWith({ sort: data.sort, dir: data.direction, page: String(page) });

  return (
    <>
      <PageHeader
        title={t("records.rounds.title")}
        description={t("records.rounds.description")}
        actions={
          <a href={`/o/${data.slug}/rounds.csv`} className="text-sm text-indigo-700 underline" download>
            {t("common.action.exportCsv")}
          </a>
        }
      />
      <div className="space-y-6">
        <Card title={t("records.rounds.totalsTitle")}>
          <p className="mb-3 text-xs text-slate-500">{t("records.rounds.totalsNote")}</p>
          {totals.length === 0 ? (
            <p className="text-sm text-slate-600">{t("records.rounds.nothingRaised")}</p>
          ) : (
            <Table data-testid="totals-by-instrument">
              <TableHead>
                <Th>{t("records.round.field.instrument")}</Th>
                {totals.map((total) => (
                  <Th key={total.currency} numeric>
                    {total.currency}
                  </Th>
                ))}
              </TableHead>
              <tbody>
                {INSTRUMENTS.filter((i) => totals.some((total) => total.byInstrument[i] > 0)).map((i) => (
                  <Tr key={i}>
                    <Td>{t(INSTRUMENT_KEYS[i])}</Td>
                    {totals.map((total) => (
                      <Td key={total.currency} numeric>
                        {total.byInstrument[i] > 0 ? f.money(total.byInstrument[i], total.currency) : "—"}
                      </Td>
                    ))}
                  </Tr>
                ))}
                <tr className="font-semibold">
                  <Td title={t("records.rounds.totalHint")}>
                    {t("records.rounds.totalRaised")}
                  </Td>
                  {totals.map((total) => (
                    <Td key={total.currency} numeric data-testid={`total-${total.currency}`}>
                      {f.money(total.total, total.currency)}
                    </Td>
                  ))}
                </tr>
              </tbody>
            </Table>
          )}
        </Card>

        <Card title={t("records.rounds.listTitle", { count: data.total })}>
          {rounds.length === 0 ? (
            <EmptyState title={t("records.rounds.emptyTitle")}>
              {data.canEdit ? t("records.rounds.emptyEditor") : t("records.rounds.emptyViewer")}
            </EmptyState>
          ) : (
            <>
              <Table>
                <TableHead>
                  <SortHeader label={t("records.round.field.closeDate")} sorted={sorted("close_date")} href={sortLink("close_date")} className="whitespace-nowrap py-2 pr-4" />
                  <Th>{t("records.round.field.instrument")}</Th>
                  <SortHeader label={t("records.rounds.amount")} sorted={sorted("amount")} href={sortLink("amount")} hint={t("records.rounds.amountHint")} align="right" className="whitespace-nowrap py-2 pr-4" />
                  <Th numeric title={t("records.rounds.preMoneyHint")}>
                    {t("records.rounds.preMoney")}
                  </Th>
                  <Th numeric title={t("records.rounds.postMoneyHint")}>
                    {t("records.rounds.postMoney")}
                  </Th>
                  <Th numeric title={t("records.rounds.dilutionHint")}>
                    {t("records.rounds.dilution")}
                  </Th>
                  <Th>{t("records.rounds.investors")}</Th>
                </TableHead>
                <tbody>
                  {rounds.map((r) => (
                    <Tr key={r.id} data-testid="round-row">
                      <Td nowrap>
                        <TextLink
                          to={r.id}
                          aria-label={t(data.canEdit ? "records.rounds.editLabel" : "records.rounds.viewLabel", {
                            instrument: instrumentName(r.instrument),
                            date: r.closeDate,
                          })}
                        >
                          {r.closeDate}
                        </TextLink>
                      </Td>
                      <Td>
                        {instrumentName(r.instrument)}
                        {r.instrument === "equity_crowdfunding" && r.crowdfundingPlatform ? (
                          <span className="block text-xs text-slate-500">
                            {r.crowdfundingPlatform} · {t("records.rounds.backers", { count: r.backerCount ?? 0 })}
                          </span>
                        ) : null}
                      </Td>
                      <Td numeric nowrap>{f.money(r.amount, r.currency)}</Td>
                      <Td numeric nowrap>{f.money(r.preMoneyValuation, r.currency)}</Td>
                      <Td numeric nowrap>{f.money(r.valuation?.postMoney, r.currency)}</Td>
                      <Td numeric nowrap>{f.percent(r.valuation?.dilution, 2)}</Td>
                      <Td>
                        {r.leadInvestor ? <span className="font-medium">{t("records.rounds.lead", { name: r.leadInvestor })}</span> : null}
                        {r.leadInvestor && r.otherInvestors ? ", " : null}
                        {r.otherInvestors}
                        {!r.leadInvestor && !r.otherInvestors ? "—" : null}
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
              <Pager page={data.page} pageCount={data.pageCount} href={pageLink} />
            </>
          )}
        </Card>

        {data.canEdit ? (
          <Card title={t("records.rounds.recordTitle")}>
            {/* Keyed by location: after a successful save (a redirect here) the form starts empty again. */}
            <FundingRoundForm
              key={location.key}
              values={values}
              errors={failure?.fieldErrors ?? {}}
              formError={failure?.formError}
              baseCurrency={data.baseCurrency}
              maxCloseDate={data.maxCloseDate}
              intent="create"
              submitLabel={t("records.rounds.recordSubmit")}
              pendingText={t("records.action.recording")}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
