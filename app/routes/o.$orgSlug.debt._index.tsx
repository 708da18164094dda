import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { DebtFacilityForm } from "~/components/debt-facility-form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { isoDateOfDate } from "~/finance";
import { metaTitle, useFormat, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { createFromForm } from "~/lib/forms.server";
import { basisPointsToPercentString, debtKindLabel, isRepaymentType, REPAYMENT_TYPE_SHORT_KEYS } from "~/lib/instruments";
import { debtFacilitySchema } from "~/domain/debt-facility";
import { createDebtFacility, listDebtFacilities } from "~/models/debt-facility.server";
import { oneYearAfter } from "~/domain/bounds";
import { toast } from "~/lib/toast.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "records.debt.title")];

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
    after: { to: `/o/${ctx.org.slug}/debt`, toast: toast("records.debt.notice.created") },
  });
}

export default function Debt() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const failure = result && "fieldErrors" in result ? result : null;
  const values = failure && "values" in failure ? (failure.values as Record<string, string>) : {};
  const { facilities } = data;
  return (
    <>
      <PageHeader
        title={t("records.debt.title")}
        description={t("records.debt.description")}
        actions={
          <a href={`/o/${data.slug}/debt.csv`} className="text-sm text-indigo-700 underline" download>
            {t("common.action.exportCsv")}
          </a>
        }
      />
      <div className="space-y-6">
        <Card title={t("records.debt.listTitle", { count: facilities.length })}>
          {facilities.length === 0 ? (
            <EmptyState title={t("records.debt.emptyTitle")}>
              {data.canEdit ? t("records.debt.emptyEditor") : t("records.debt.emptyViewer")}
            </EmptyState>
          ) : (
            <Table>
              <TableHead>
                <Th>{t("records.debt.field.lender")}</Th>
                <Th>{t("records.debt.field.kind")}</Th>
                <Th numeric title={t("records.debt.principalHint")}>
                  {t("records.debt.principal")}
                </Th>
                <Th numeric title={t("records.debt.rateHint")}>
                  {t("records.debt.rate")}
                </Th>
                <Th>{t("records.debt.drawn")}</Th>
                <Th title={t("records.debt.maturityHint")}>
                  {t("records.debt.maturity")}
                </Th>
                <Th>{t("records.debt.field.repayment")}</Th>
                <Th numeric title={t("records.debt.outstandingNowHint", { month: data.currentMonth })}>
                  {t("records.debt.outstandingNow")}
                </Th>
                <Th numeric title={t("records.debt.nextPaymentHint")}>
                  {t("records.debt.nextPayment")}
                </Th>
              </TableHead>
              <tbody>
                {facilities.map((facility) => (
                  <Tr key={facility.id} data-testid="facility-row">
                    <Td>
                      <TextLink to={facility.id}>
                        {facility.lender}
                      </TextLink>
                      {facility.currency !== data.baseCurrency ? (
                        <span className="ml-2">
                          <Badge tone="warn">{t("records.debt.otherCurrency", { currency: facility.currency })}</Badge>
                        </span>
                      ) : null}
                    </Td>
                    <Td>{debtKindLabel(facility.kind, locale)}</Td>
                    <Td numeric nowrap>{f.money(facility.principal, facility.currency)}</Td>
                    <Td numeric nowrap>{basisPointsToPercentString(facility.annualRateBp)} %</Td>
                    <Td nowrap>{facility.drawDate}</Td>
                    <Td nowrap>{facility.maturityMonth}</Td>
                    <Td>
                      {isRepaymentType(facility.repaymentType) ? t(REPAYMENT_TYPE_SHORT_KEYS[facility.repaymentType]) : facility.repaymentType}
                      {facility.repaymentType === "interest_only_then_amortizing"
                        ? ` ${t("records.debt.interestOnlyNote", { count: facility.interestOnlyMonths })}`
                        : ""}
                      <span className="block text-xs text-slate-500">{t("common.unit.months", { count: facility.termMonths })}</span>
                    </Td>
                    <Td numeric nowrap>{f.money(facility.outstandingNow, facility.currency)}</Td>
                    <Td numeric nowrap>
                      {facility.nextPayment ? (
                        <>
                          {f.money(facility.nextPayment.payment, facility.currency)}
                          <span className="block text-xs text-slate-500">{facility.nextPayment.month}</span>
                        </>
                      ) : (
                        t("records.debt.repaid")
                      )}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        {data.canEdit ? (
          <Card title={t("records.debt.recordTitle")}>
            {/* Keyed by location: after a successful save (a redirect here) the form starts empty again. */}
            <DebtFacilityForm
              key={location.key}
              values={values}
              errors={failure?.fieldErrors ?? {}}
              formError={failure?.formError}
              currency={data.baseCurrency}
              maxDrawDate={data.maxDrawDate}
              intent="create"
              submitLabel={t("records.debt.recordSubmit")}
              pendingText={t("records.action.recording")}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
