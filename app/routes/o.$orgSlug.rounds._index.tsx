import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { RecordCreator } from "~/components/record-editor";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { FundingRoundForm } from "~/components/funding-round-form";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { INSTRUMENT_KEYS, INSTRUMENTS, isInstrument } from "~/domain/instruments";
import { isoDateOfDate } from "~/finance";
import { metaTitle, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { createFromForm } from "~/server/forms.server";
import { fundingRoundSchema } from "~/domain/funding-round";
import { oneYearAfter } from "~/domain/bounds";
import { createFundingRound, listFundingRoundsPage, type RoundSort, type SortDirection } from "~/models/funding-round.server";
import { Pager } from "~/components/ui/pager";
import { SortHeader } from "~/components/ui/sort-header";
import { toast } from "~/server/toast.server";
import { useHrefWith } from "~/components/use-href-with";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { records_action_recording } from "~/paraglide/messages/records_action_recording.js";
import { records_round_field_closeDate } from "~/paraglide/messages/records_round_field_closedate1.js";
import { records_round_field_instrument } from "~/paraglide/messages/records_round_field_instrument.js";
import { records_rounds_amount } from "~/paraglide/messages/records_rounds_amount.js";
import { records_rounds_amountHint } from "~/paraglide/messages/records_rounds_amounthint1.js";
import { records_rounds_backers } from "~/paraglide/messages/records_rounds_backers.js";
import { records_rounds_description } from "~/paraglide/messages/records_rounds_description.js";
import { records_rounds_dilution } from "~/paraglide/messages/records_rounds_dilution.js";
import { records_rounds_dilutionHint } from "~/paraglide/messages/records_rounds_dilutionhint1.js";
import { records_rounds_editLabel } from "~/paraglide/messages/records_rounds_editlabel1.js";
import { records_rounds_emptyEditor } from "~/paraglide/messages/records_rounds_emptyeditor1.js";
import { records_rounds_emptyTitle } from "~/paraglide/messages/records_rounds_emptytitle1.js";
import { records_rounds_emptyViewer } from "~/paraglide/messages/records_rounds_emptyviewer1.js";
import { records_rounds_investors } from "~/paraglide/messages/records_rounds_investors.js";
import { records_rounds_lead } from "~/paraglide/messages/records_rounds_lead.js";
import { records_rounds_listTitle } from "~/paraglide/messages/records_rounds_listtitle1.js";
import { records_rounds_nothingRaised } from "~/paraglide/messages/records_rounds_nothingraised1.js";
import { records_rounds_notice_created } from "~/paraglide/messages/records_rounds_notice_created.js";
import { records_rounds_postMoney } from "~/paraglide/messages/records_rounds_postmoney1.js";
import { records_rounds_postMoneyHint } from "~/paraglide/messages/records_rounds_postmoneyhint2.js";
import { records_rounds_preMoney } from "~/paraglide/messages/records_rounds_premoney1.js";
import { records_rounds_preMoneyHint } from "~/paraglide/messages/records_rounds_premoneyhint2.js";
import { records_rounds_recordSubmit } from "~/paraglide/messages/records_rounds_recordsubmit1.js";
import { records_rounds_recordTitle } from "~/paraglide/messages/records_rounds_recordtitle1.js";
import { records_rounds_title } from "~/paraglide/messages/records_rounds_title.js";
import { records_rounds_totalHint } from "~/paraglide/messages/records_rounds_totalhint1.js";
import { records_rounds_totalRaised } from "~/paraglide/messages/records_rounds_totalraised1.js";
import { records_rounds_totalsNote } from "~/paraglide/messages/records_rounds_totalsnote1.js";
import { records_rounds_totalsTitle } from "~/paraglide/messages/records_rounds_totalstitle1.js";
import { records_rounds_viewLabel } from "~/paraglide/messages/records_rounds_viewlabel1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_rounds_title)];

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
    after: { to: `/o/${ctx.org.slug}/rounds`, toast: toast(records_rounds_notice_created) },
  });
}

export default function FundingRounds() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const hrefWith = useHrefWith();
  const instrumentName = (value: string) => (isInstrument(value) ? t(INSTRUMENT_KEYS[value]) : value);
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
        title={t(records_rounds_title)}
        description={t(records_rounds_description)}
        actions={
          <a href={`/o/${data.slug}/rounds.csv`} className="text-sm text-indigo-700 underline" download>
            {t(common_action_exportCsv)}
          </a>
        }
      />
      <div className="space-y-6">
        <Card title={t(records_rounds_totalsTitle)}>
          <p className="mb-3 text-xs text-slate-500">{t(records_rounds_totalsNote)}</p>
          {totals.length === 0 ? (
            <p className="text-sm text-slate-600">{t(records_rounds_nothingRaised)}</p>
          ) : (
            <Table data-testid="totals-by-instrument">
              <TableHead>
                <Th>{t(records_round_field_instrument)}</Th>
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
                  <Td title={t(records_rounds_totalHint)}>{t(records_rounds_totalRaised)}</Td>
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

        <Card title={t(records_rounds_listTitle, { count: data.total })}>
          {rounds.length === 0 ? (
            <EmptyState title={t(records_rounds_emptyTitle)}>{data.canEdit ? t(records_rounds_emptyEditor) : t(records_rounds_emptyViewer)}</EmptyState>
          ) : (
            <>
              <Table>
                <TableHead>
                  <SortHeader
                    label={t(records_round_field_closeDate)}
                    sorted={sorted("close_date")}
                    href={sortLink("close_date")}
                    className="whitespace-nowrap py-2 pr-4"
                  />
                  <Th>{t(records_round_field_instrument)}</Th>
                  <SortHeader
                    label={t(records_rounds_amount)}
                    sorted={sorted("amount")}
                    href={sortLink("amount")}
                    hint={t(records_rounds_amountHint)}
                    align="right"
                    className="whitespace-nowrap py-2 pr-4"
                  />
                  <Th numeric title={t(records_rounds_preMoneyHint)}>
                    {t(records_rounds_preMoney)}
                  </Th>
                  <Th numeric title={t(records_rounds_postMoneyHint)}>
                    {t(records_rounds_postMoney)}
                  </Th>
                  <Th numeric title={t(records_rounds_dilutionHint)}>
                    {t(records_rounds_dilution)}
                  </Th>
                  <Th>{t(records_rounds_investors)}</Th>
                </TableHead>
                <tbody>
                  {rounds.map((r) => (
                    <Tr key={r.id} data-testid="round-row">
                      <Td nowrap>
                        <TextLink
                          to={r.id}
                          aria-label={t(data.canEdit ? records_rounds_editLabel : records_rounds_viewLabel, {
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
                            {r.crowdfundingPlatform} · {t(records_rounds_backers, { count: r.backerCount ?? 0 })}
                          </span>
                        ) : null}
                      </Td>
                      <Td numeric nowrap>
                        {f.money(r.amount, r.currency)}
                      </Td>
                      <Td numeric nowrap>
                        {f.money(r.preMoneyValuation, r.currency)}
                      </Td>
                      <Td numeric nowrap>
                        {f.money(r.valuation?.postMoney, r.currency)}
                      </Td>
                      <Td numeric nowrap>
                        {f.percent(r.valuation?.dilution, 2)}
                      </Td>
                      <Td>
                        {r.leadInvestor ? <span className="font-medium">{t(records_rounds_lead, { name: r.leadInvestor })}</span> : null}
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
          <RecordCreator
            title={t(records_rounds_recordTitle)}
            result={result}
            form={(create) => (
              <FundingRoundForm
                {...create}
                baseCurrency={data.baseCurrency}
                maxCloseDate={data.maxCloseDate}
                submitLabel={t(records_rounds_recordSubmit)}
                pendingText={t(records_action_recording)}
              />
            )}
          />
        ) : null}
      </div>
    </>
  );
}
