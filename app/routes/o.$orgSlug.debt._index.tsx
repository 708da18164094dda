import "~/page-kit";
import type { ComponentProps } from "react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { RecordCreator } from "~/components/record-editor";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { DebtFacilityForm } from "~/components/debt-facility-form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { isoDateOfDate } from "~/finance";
import { metaTitle, useFormat, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { createFromForm } from "~/server/forms.server";
import { debtKindLabel, isRepaymentType, REPAYMENT_TYPE_SHORT_KEYS } from "~/domain/instruments";
import { debtFacilitySchema } from "~/domain/debt-facility";
import { createDebtFacility, listDebtFacilities, type DebtFacilitySummary } from "~/models/debt-facility.server";
import { monthText } from "~/i18n/display";
import { oneYearAfter } from "~/domain/bounds";
import { toast } from "~/server/toast.server";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { common_unit_months } from "~/paraglide/messages/common_unit_months.js";
import { records_action_recording } from "~/paraglide/messages/records_action_recording.js";
import { records_debt_description } from "~/paraglide/messages/records_debt_description.js";
import { records_debt_drawn } from "~/paraglide/messages/records_debt_drawn.js";
import { records_debt_emptyEditor } from "~/paraglide/messages/records_debt_emptyeditor1.js";
import { records_debt_emptyTitle } from "~/paraglide/messages/records_debt_emptytitle1.js";
import { records_debt_emptyViewer } from "~/paraglide/messages/records_debt_emptyviewer1.js";
import { records_debt_field_kind } from "~/paraglide/messages/records_debt_field_kind.js";
import { records_debt_field_lender } from "~/paraglide/messages/records_debt_field_lender.js";
import { records_debt_field_repayment } from "~/paraglide/messages/records_debt_field_repayment.js";
import { records_debt_interestOnlyNote } from "~/paraglide/messages/records_debt_interestonlynote2.js";
import { records_debt_listTitle } from "~/paraglide/messages/records_debt_listtitle1.js";
import { records_debt_maturity } from "~/paraglide/messages/records_debt_maturity.js";
import { records_debt_maturityHint } from "~/paraglide/messages/records_debt_maturityhint1.js";
import { records_debt_nextPayment } from "~/paraglide/messages/records_debt_nextpayment1.js";
import { records_debt_nextPaymentHint } from "~/paraglide/messages/records_debt_nextpaymenthint2.js";
import { records_debt_notice_created } from "~/paraglide/messages/records_debt_notice_created.js";
import { records_debt_otherCurrency } from "~/paraglide/messages/records_debt_othercurrency1.js";
import { records_debt_outstandingNow } from "~/paraglide/messages/records_debt_outstandingnow1.js";
import { records_debt_outstandingNowHint } from "~/paraglide/messages/records_debt_outstandingnowhint2.js";
import { records_debt_principal } from "~/paraglide/messages/records_debt_principal.js";
import { records_debt_principalHint } from "~/paraglide/messages/records_debt_principalhint1.js";
import { records_debt_rate } from "~/paraglide/messages/records_debt_rate.js";
import { records_debt_rateHint } from "~/paraglide/messages/records_debt_ratehint1.js";
import { records_debt_recordSubmit } from "~/paraglide/messages/records_debt_recordsubmit1.js";
import { records_debt_recordTitle } from "~/paraglide/messages/records_debt_recordtitle1.js";
import { records_debt_repaid } from "~/paraglide/messages/records_debt_repaid.js";
import { records_debt_title } from "~/paraglide/messages/records_debt_title.js";
import { records_debt_covenants } from "~/paraglide/messages/records_debt_covenants.js";
import { records_debt_covenantsHint } from "~/paraglide/messages/records_debt_covenantshint1.js";
import { records_debt_covenantBreach } from "~/paraglide/messages/records_debt_covenantbreach1.js";
import { records_debt_covenantMet } from "~/paraglide/messages/records_debt_covenantmet1.js";
import { records_debt_reportOnTime } from "~/paraglide/messages/records_debt_reportontime2.js";
import { records_debt_reportLate } from "~/paraglide/messages/records_debt_reportlate1.js";
import { records_debt_reportOverdue } from "~/paraglide/messages/records_debt_reportoverdue1.js";
import { records_debt_reportDue } from "~/paraglide/messages/records_debt_reportdue1.js";
import { records_debt_noCovenants } from "~/paraglide/messages/records_debt_nocovenants1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_debt_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const today = isoDateOfDate(new Date());
  const facilities = await listDebtFacilities(ctx, { today });
  return json({
    facilities,
    canEdit: can(ctx.role, "edit:records"),
    baseCurrency: ctx.org.baseCurrency,
    slug: ctx.org.slug,
    currentMonth: today.slice(0, 7),
    maxDrawDate: oneYearAfter(today),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return createFromForm(await request.formData(), {
    schema: debtFacilitySchema(isoDateOfDate(new Date())),
    locale: getLocale(request),
    save: (data) => createDebtFacility(ctx, data),
    after: { to: `/o/${ctx.org.slug}/debt`, toast: toast(records_debt_notice_created) },
  });
}

type BadgeTone = NonNullable<ComponentProps<typeof Badge>["tone"]>;

/** The last reporting month's standing: late (with when it came in), overdue, due, or on time. */
function ReportingBadge({ report }: { report: NonNullable<DebtFacilitySummary["lastReporting"]> }) {
  const t = useT();
  const f = useFormat();
  const month = monthText(t, report.month);
  const [tone, text]: [BadgeTone, string] =
    report.status === "late" && report.submittedOn
      ? ["warn", t(records_debt_reportLate, { month, date: f.date(report.submittedOn), dueDate: f.date(report.dueDate) })]
      : report.status === "overdue"
        ? ["bad", t(records_debt_reportOverdue, { month, dueDate: f.date(report.dueDate) })]
        : report.status === "due"
          ? ["neutral", t(records_debt_reportDue, { month, dueDate: f.date(report.dueDate) })]
          : ["good", t(records_debt_reportOnTime, { month })];
  return (
    <Badge wrap tone={tone}>
      {text}
    </Badge>
  );
}

/** The list's covenant column: a breach and a late or overdue report stand out; a quiet facility says so briefly. */
function CovenantsAtAGlance({ facility }: { facility: Pick<DebtFacilitySummary, "currency" | "minimumCash" | "minimumCashCheck" | "lastReporting"> }) {
  const t = useT();
  const f = useFormat();
  const cash = facility.minimumCashCheck;
  const report = facility.lastReporting;
  if (!cash && !report) return <span className="text-slate-500">{t(records_debt_noCovenants)}</span>;
  return (
    <ul className="min-w-[12rem] max-w-[18rem] space-y-1" data-testid="facility-covenants">
      {cash && facility.minimumCash !== null ? (
        <li>
          {cash.breach ? (
            <Badge wrap tone="bad">
              {t(records_debt_covenantBreach, {
                cash: f.money(cash.cash, facility.currency),
                month: monthText(t, cash.month),
                minimum: f.money(facility.minimumCash, facility.currency),
              })}
            </Badge>
          ) : (
            <Badge wrap tone="good">
              {t(records_debt_covenantMet, { month: monthText(t, cash.month) })}
            </Badge>
          )}
        </li>
      ) : null}
      {report ? (
        <li>
          <ReportingBadge report={report} />
        </li>
      ) : null}
    </ul>
  );
}

export default function Debt() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const { facilities } = data;
  return (
    <>
      <PageHeader
        title={t(records_debt_title)}
        description={t(records_debt_description)}
        actions={
          <a href={`/o/${data.slug}/debt.csv`} className="text-sm text-indigo-700 underline" download>
            {t(common_action_exportCsv)}
          </a>
        }
      />
      <div className="space-y-6">
        <Card title={t(records_debt_listTitle, { count: facilities.length })}>
          {facilities.length === 0 ? (
            <EmptyState title={t(records_debt_emptyTitle)}>{data.canEdit ? t(records_debt_emptyEditor) : t(records_debt_emptyViewer)}</EmptyState>
          ) : (
            <Table>
              <ColumnHeads
                heads={[
                  { label: t(records_debt_field_lender) },
                  { label: t(records_debt_field_kind) },
                  { label: t(records_debt_principal), hint: t(records_debt_principalHint), numeric: true },
                  { label: t(records_debt_rate), hint: t(records_debt_rateHint), numeric: true },
                  { label: t(records_debt_drawn) },
                  { label: t(records_debt_maturity), hint: t(records_debt_maturityHint) },
                  { label: t(records_debt_field_repayment) },
                  { label: t(records_debt_outstandingNow), hint: t(records_debt_outstandingNowHint, { month: data.currentMonth }), numeric: true },
                  { label: t(records_debt_nextPayment), hint: t(records_debt_nextPaymentHint), numeric: true },
                  { label: t(records_debt_covenants), hint: t(records_debt_covenantsHint) },
                ]}
              />
              <tbody>
                {facilities.map((facility) => (
                  <Tr key={facility.id} data-testid="facility-row">
                    <Td>
                      <TextLink to={facility.id}>{facility.lender}</TextLink>
                      {facility.currency !== data.baseCurrency ? (
                        <span className="ml-2">
                          <Badge tone="warn">{t(records_debt_otherCurrency, { currency: facility.currency })}</Badge>
                        </span>
                      ) : null}
                    </Td>
                    <Td>{debtKindLabel(facility.kind, locale)}</Td>
                    <Td numeric nowrap>
                      {f.money(facility.principal, facility.currency)}
                    </Td>
                    <Td numeric nowrap>
                      {f.basisPoints(facility.annualRateBp)}
                    </Td>
                    <Td nowrap>{facility.drawDate}</Td>
                    <Td nowrap>{facility.maturityMonth}</Td>
                    <Td>
                      {isRepaymentType(facility.repaymentType) ? t(REPAYMENT_TYPE_SHORT_KEYS[facility.repaymentType]) : facility.repaymentType}
                      {facility.repaymentType === "interest_only_then_amortizing"
                        ? ` ${t(records_debt_interestOnlyNote, { count: facility.interestOnlyMonths })}`
                        : ""}
                      <span className="block text-xs text-slate-500">{t(common_unit_months, { count: facility.termMonths })}</span>
                    </Td>
                    <Td numeric nowrap>
                      {f.money(facility.outstandingNow, facility.currency)}
                    </Td>
                    <Td numeric nowrap>
                      {facility.nextPayment ? (
                        <>
                          {f.money(facility.nextPayment.payment, facility.currency)}
                          <span className="block text-xs text-slate-500">{facility.nextPayment.month}</span>
                        </>
                      ) : (
                        t(records_debt_repaid)
                      )}
                    </Td>
                    <Td last>
                      <CovenantsAtAGlance facility={facility} />
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        {data.canEdit ? (
          <RecordCreator
            title={t(records_debt_recordTitle)}
            result={result}
            form={(create) => (
              <DebtFacilityForm
                {...create}
                currency={data.baseCurrency}
                maxDrawDate={data.maxDrawDate}
                submitLabel={t(records_debt_recordSubmit)}
                pendingText={t(records_action_recording)}
              />
            )}
          />
        ) : null}
      </div>
    </>
  );
}
