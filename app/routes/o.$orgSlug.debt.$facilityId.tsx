import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { DebtFacilityForm, type DebtFormValues } from "~/components/debt-facility-form";
import { Badge, Card } from "~/components/ui/layout";
import { BackHeader } from "~/components/back-header";
import { RecordEditor, SummaryItem } from "~/components/record-editor";
import { isoDateOfDate } from "~/finance";
import { intlLocale, localeFromMatches, metaTitle, useFormat, useLocale, useT, type Locale, type PlainKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { versionedEditAction } from "~/server/versioned-edit.server";
import { toast } from "~/server/toast.server";
import { notFound } from "~/server/http.server";
import { basisPointsToPercentString, debtKindLabel, repaymentTypeLabel } from "~/domain/instruments";
import { minorToMajorString } from "~/domain/money-fields";
import { debtFacilitySchema } from "~/domain/debt-facility";
import { deleteDebtFacility, getDebtFacilityDetail, updateDebtFacility } from "~/models/debt-facility.server";
import { oneYearAfter } from "~/domain/bounds";
import { ColumnHeads, Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { common_state_none } from "~/paraglide/messages/common_state_none.js";
import { common_unit_months } from "~/paraglide/messages/common_unit_months.js";
import { records_action_saveChanges } from "~/paraglide/messages/records_action_savechanges1.js";
import { records_col_cash } from "~/paraglide/messages/records_col_cash.js";
import { records_col_month } from "~/paraglide/messages/records_col_month.js";
import { records_col_status } from "~/paraglide/messages/records_col_status.js";
import { records_col_total } from "~/paraglide/messages/records_col_total.js";
import { records_debt_field_drawDate } from "~/paraglide/messages/records_debt_field_drawdate1.js";
import { records_debt_field_repayment } from "~/paraglide/messages/records_debt_field_repayment.js";
import { records_debt_notice_deleted } from "~/paraglide/messages/records_debt_notice_deleted.js";
import { records_debt_notice_updated } from "~/paraglide/messages/records_debt_notice_updated.js";
import { records_debt_principal } from "~/paraglide/messages/records_debt_principal.js";
import { records_debt_title } from "~/paraglide/messages/records_debt_title.js";
import { records_facility_back } from "~/paraglide/messages/records_facility_back.js";
import { records_facility_breach } from "~/paraglide/messages/records_facility_breach.js";
import { records_facility_breached } from "~/paraglide/messages/records_facility_breached.js";
import { records_facility_cashHint } from "~/paraglide/messages/records_facility_cashhint1.js";
import { records_facility_covenantChecks } from "~/paraglide/messages/records_facility_covenantchecks1.js";
import { records_facility_currencyMismatch } from "~/paraglide/messages/records_facility_currencymismatch1.js";
import { records_facility_deadline } from "~/paraglide/messages/records_facility_deadline.js";
import { records_facility_deadlineDay } from "~/paraglide/messages/records_facility_deadlineday1.js";
import { records_facility_deadlineNote } from "~/paraglide/messages/records_facility_deadlinenote1.js";
import { records_facility_delete } from "~/paraglide/messages/records_facility_delete.js";
import { records_facility_deleteConfirm } from "~/paraglide/messages/records_facility_deleteconfirm1.js";
import { records_facility_deleteConsequence } from "~/paraglide/messages/records_facility_deleteconsequence1.js";
import { records_facility_deleteDialogTitle } from "~/paraglide/messages/records_facility_deletedialogtitle2.js";
import { records_facility_deleteTitle } from "~/paraglide/messages/records_facility_deletetitle1.js";
import { records_facility_due } from "~/paraglide/messages/records_facility_due.js";
import { records_facility_dueBy } from "~/paraglide/messages/records_facility_dueby1.js";
import { records_facility_editTitle } from "~/paraglide/messages/records_facility_edittitle1.js";
import { records_facility_firstSaved } from "~/paraglide/messages/records_facility_firstsaved1.js";
import { records_facility_firstSavedHint } from "~/paraglide/messages/records_facility_firstsavedhint2.js";
import { records_facility_interest } from "~/paraglide/messages/records_facility_interest.js";
import { records_facility_interestOnlyPart } from "~/paraglide/messages/records_facility_interestonlypart2.js";
import { records_facility_minimum } from "~/paraglide/messages/records_facility_minimum.js";
import { records_facility_late } from "~/paraglide/messages/records_facility_late.js";
import { records_facility_minimumCash } from "~/paraglide/messages/records_facility_minimumcash1.js";
import { records_facility_minimumCashCovenant } from "~/paraglide/messages/records_facility_minimumcashcovenant2.js";
import { records_facility_minimumCashNote } from "~/paraglide/messages/records_facility_minimumcashnote2.js";
import { records_facility_noBreach } from "~/paraglide/messages/records_facility_nobreach1.js";
import { records_facility_noDeadline } from "~/paraglide/messages/records_facility_nodeadline1.js";
import { records_facility_noMinimumCash } from "~/paraglide/messages/records_facility_nominimumcash2.js";
import { records_facility_noReportsYet } from "~/paraglide/messages/records_facility_noreportsyet2.js";
import { records_facility_nothingDue } from "~/paraglide/messages/records_facility_nothingdue1.js";
import { records_facility_ok } from "~/paraglide/messages/records_facility_ok.js";
import { records_facility_outstanding } from "~/paraglide/messages/records_facility_outstanding.js";
import { records_facility_outstandingHint } from "~/paraglide/messages/records_facility_outstandinghint1.js";
import { records_facility_overdue } from "~/paraglide/messages/records_facility_overdue.js";
import { records_facility_payment } from "~/paraglide/messages/records_facility_payment.js";
import { records_facility_paymentHint } from "~/paraglide/messages/records_facility_paymenthint1.js";
import { records_facility_rate } from "~/paraglide/messages/records_facility_rate.js";
import { records_facility_readOnly } from "~/paraglide/messages/records_facility_readonly1.js";
import { records_facility_reportMonth } from "~/paraglide/messages/records_facility_reportmonth1.js";
import { records_facility_reported } from "~/paraglide/messages/records_facility_reported.js";
import { records_facility_schedule } from "~/paraglide/messages/records_facility_schedule.js";
import { records_facility_scheduleNote } from "~/paraglide/messages/records_facility_schedulenote1.js";
import { records_facility_term } from "~/paraglide/messages/records_facility_term.js";
import { records_facility_title } from "~/paraglide/messages/records_facility_title.js";
import { records_facility_totalInterest } from "~/paraglide/messages/records_facility_totalinterest1.js";
import { records_facility_whatShort } from "~/paraglide/messages/records_facility_whatshort1.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data
    ? metaTitle(matches, records_facility_title, { lender: data.facility.lender, kind: debtKindLabel(data.facility.kind, localeFromMatches(matches)) })
    : metaTitle(matches, records_debt_title),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const today = isoDateOfDate(new Date());
  const detail = await getDebtFacilityDetail(ctx, params.facilityId ?? "", { today });
  if (!detail) notFound();
  return json({
    ...detail,
    today,
    canEdit: can(ctx.role, "edit:records"),
    baseCurrency: ctx.org.baseCurrency,
    maxDrawDate: oneYearAfter(today),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  const id = params.facilityId ?? "";
  const list = `/o/${ctx.org.slug}/debt`;
  return versionedEditAction(await request.formData(), {
    what: records_facility_whatShort,
    locale: getLocale(request),
    schema: debtFacilitySchema(isoDateOfDate(new Date())),
    update: (version, data) => updateDebtFacility(ctx, id, version, data),
    remove: (version) => deleteDebtFacility(ctx, id, version),
    afterUpdate: { to: `${list}/${id}`, toast: toast(records_debt_notice_updated) },
    afterDelete: { to: list, toast: toast(records_debt_notice_deleted) },
  });
}

/** Schedules are exact to the cent, so they show cents (cards elsewhere round to whole units); Intl in the page's language. */
function centsFormatter(locale: Locale) {
  return (minor: number, currency: string) =>
    new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
}

const REPORTING_LABELS = {
  reported: { text: records_facility_reported, tone: "good" },
  late: { text: records_facility_reported, tone: "warn" },
  due: { text: records_facility_due, tone: "neutral" },
  overdue: { text: records_facility_overdue, tone: "bad" },
} as const satisfies Record<string, { text: PlainKey; tone: string }>;

export default function DebtFacilityDetail() {
  const { facility: f, schedule, minimumCash, reporting, currencyMismatch, canEdit, baseCurrency, maxDrawDate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const fmt = useFormat();
  const locale = useLocale();
  const money = centsFormatter(locale);
  const values: DebtFormValues = {
    lender: f.lender,
    kind: f.kind,
    principal: minorToMajorString(f.principal),
    annualRatePercent: basisPointsToPercentString(f.annualRateBp),
    drawDate: f.drawDate,
    termMonths: String(f.termMonths),
    repaymentType: f.repaymentType,
    interestOnlyMonths: f.repaymentType === "interest_only_then_amortizing" ? String(f.interestOnlyMonths) : "",
    minimumCash: f.minimumCash === null ? "" : minorToMajorString(f.minimumCash),
    reportingDeadlineDay: f.reportingDeadlineDay === null ? "" : String(f.reportingDeadlineDay),
  };
  const totals = schedule.reduce(
    (sum, row) => ({ interest: sum.interest + row.interest, principal: sum.principal + row.principal, payment: sum.payment + row.payment }),
    { interest: 0, principal: 0, payment: 0 },
  );
  const breaches = minimumCash?.filter((c) => c.breach) ?? [];

  return (
    <div className="space-y-6">
      <BackHeader title={t(records_facility_title, { lender: f.lender, kind: debtKindLabel(f.kind, locale) })} back={t(records_facility_back)} />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3" data-testid="facility-terms">
          <SummaryItem label={t(records_debt_principal)}>{money(f.principal, f.currency)}</SummaryItem>
          <SummaryItem label={t(records_facility_rate)}>{fmt.basisPoints(f.annualRateBp)}</SummaryItem>
          <SummaryItem label={t(records_debt_field_drawDate)}>{f.drawDate}</SummaryItem>
          <SummaryItem label={t(records_facility_term)}>{t(common_unit_months, { count: f.termMonths })}</SummaryItem>
          <SummaryItem label={t(records_debt_field_repayment)}>
            {repaymentTypeLabel(f.repaymentType, locale)}
            {f.repaymentType === "interest_only_then_amortizing" ? t(records_facility_interestOnlyPart, { count: f.interestOnlyMonths }) : ""}
          </SummaryItem>
          <SummaryItem label={t(records_facility_minimumCashCovenant)}>
            {f.minimumCash === null ? t(common_state_none) : money(f.minimumCash, f.currency)}
          </SummaryItem>
          <SummaryItem label={t(records_facility_deadline)}>
            {f.reportingDeadlineDay === null ? t(common_state_none) : t(records_facility_deadlineDay, { day: f.reportingDeadlineDay })}
          </SummaryItem>
          <SummaryItem label={t(records_facility_totalInterest)}>{money(totals.interest, f.currency)}</SummaryItem>
        </dl>
      </Card>

      <Card title={t(records_facility_covenantChecks)}>
        {currencyMismatch ? (
          <p className="mb-3 text-sm text-amber-900">{t(records_facility_currencyMismatch, { currency: f.currency, base: baseCurrency })}</p>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="min-cash-heading">
            <h3 id="min-cash-heading" className="font-semibold">
              {t(records_facility_minimumCash)}
            </h3>
            <p className="mb-2 text-xs text-slate-500">{t(records_facility_minimumCashNote)}</p>
            {f.minimumCash === null ? (
              <p className="text-sm text-slate-600">{t(records_facility_noMinimumCash)}</p>
            ) : minimumCash === null ? null : minimumCash.length === 0 ? (
              <p className="text-sm text-slate-600">{t(records_facility_noReportsYet)}</p>
            ) : (
              <>
                <p className="mb-2 text-sm" data-testid="breach-summary">
                  {breaches.length === 0
                    ? t(records_facility_noBreach, { count: minimumCash.length })
                    : t(records_facility_breached, {
                        breaches: breaches.length,
                        count: minimumCash.length,
                        months: breaches.map((b) => b.month).join(", "),
                      })}
                </p>
                <Table maxHeight="max-h-96">
                  <TableHead sticky>
                    <Th>{t(records_col_month)}</Th>
                    <Th numeric title={t(records_facility_cashHint)}>
                      {t(records_col_cash)}
                    </Th>
                    <Th numeric>{t(records_facility_minimum)}</Th>
                    <Th last>{t(records_col_status)}</Th>
                  </TableHead>
                  <tbody>
                    {[...minimumCash].reverse().map((c) => (
                      <Tr key={c.month} data-testid="covenant-row">
                        <Td>{c.month}</Td>
                        <Td numeric>{fmt.money(c.cash, f.currency)}</Td>
                        <Td numeric>{fmt.money(f.minimumCash, f.currency)}</Td>
                        <Td last>{c.breach ? <Badge tone="bad">{t(records_facility_breach)}</Badge> : <Badge tone="good">{t(records_facility_ok)}</Badge>}</Td>
                      </Tr>
                    ))}
                  </tbody>
                </Table>
              </>
            )}
          </section>
          <section aria-labelledby="reporting-heading">
            <h3 id="reporting-heading" className="font-semibold">
              {t(records_facility_deadline)}
            </h3>
            <p className="mb-2 text-xs text-slate-500">{t(records_facility_deadlineNote, { day: f.reportingDeadlineDay ?? "—" })}</p>
            {reporting === null ? (
              <p className="text-sm text-slate-600">{t(records_facility_noDeadline)}</p>
            ) : reporting.length === 0 ? (
              <p className="text-sm text-slate-600">{t(records_facility_nothingDue)}</p>
            ) : (
              <Table>
                <ColumnHeads
                  heads={[
                    { label: t(records_facility_reportMonth) },
                    { label: t(records_facility_dueBy) },
                    { label: t(records_col_status) },
                    { label: t(records_facility_firstSaved), hint: t(records_facility_firstSavedHint) },
                  ]}
                />
                <tbody>
                  {reporting.map((r) => (
                    <Tr key={r.month} data-testid="reporting-row">
                      <Td>{r.month}</Td>
                      <Td>{r.dueDate}</Td>
                      <Td>
                        <Badge tone={REPORTING_LABELS[r.status].tone}>
                          {r.status === "late" && r.submittedOn
                            ? t(records_facility_late, { date: fmt.date(r.submittedOn) })
                            : t(REPORTING_LABELS[r.status].text)}
                        </Badge>
                      </Td>
                      <Td last>{r.submittedOn ?? "—"}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
        </div>
      </Card>

      <Card title={t(records_facility_schedule)}>
        <p className="mb-3 text-xs text-slate-500">{t(records_facility_scheduleNote)}</p>
        <Table maxHeight="max-h-[32rem]" data-testid="schedule">
          <ColumnHeads
            sticky
            heads={[
              { label: t(records_col_month) },
              { label: t(records_facility_interest), numeric: true },
              { label: t(records_debt_principal), numeric: true },
              { label: t(records_facility_payment), hint: t(records_facility_paymentHint), numeric: true },
              { label: t(records_facility_outstanding), hint: t(records_facility_outstandingHint), numeric: true },
            ]}
          />
          <tbody>
            {schedule.map((row) => (
              <Tr key={row.month} data-testid="schedule-row">
                <Td dense>{row.month}</Td>
                <Td numeric dense>
                  {money(row.interest, f.currency)}
                </Td>
                <Td numeric dense>
                  {money(row.principal, f.currency)}
                </Td>
                <Td numeric dense>
                  {money(row.payment, f.currency)}
                </Td>
                <Td numeric last dense>
                  {money(row.outstandingAfter, f.currency)}
                </Td>
              </Tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t font-semibold">
              <Td>{t(records_col_total)}</Td>
              <Td numeric>{money(totals.interest, f.currency)}</Td>
              <Td numeric>{money(totals.principal, f.currency)}</Td>
              <Td numeric>{money(totals.payment, f.currency)}</Td>
              <td />
            </tr>
          </tfoot>
        </Table>
      </Card>

      <RecordEditor
        layout="card"
        canEdit={canEdit}
        result={result}
        version={f.version}
        title={t(records_facility_editTitle)}
        readOnly={t(records_facility_readOnly)}
        remove={{
          heading: t(records_facility_deleteTitle),
          action: t(records_facility_delete),
          title: t(records_facility_deleteDialogTitle, { lender: f.lender, kind: debtKindLabel(f.kind, locale) }),
          consequence: t(records_facility_deleteConsequence),
          tick: t(records_facility_deleteConfirm),
        }}
        form={(edit) => (
          <DebtFacilityForm {...edit} values={values} currency={f.currency} maxDrawDate={maxDrawDate} submitLabel={t(records_action_saveChanges)} />
        )}
      />
    </div>
  );
}
