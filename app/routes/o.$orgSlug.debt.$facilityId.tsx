import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { DebtFacilityForm, type DebtFormValues } from "~/components/debt-facility-form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { isoDateOfDate } from "~/finance";
import { intlLocale, localeFromMatches, metaTitle, useFormat, useLocale, useT, type Locale, type PlainKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { versionedEditAction } from "~/lib/versioned-edit.server";
import { toast } from "~/lib/toast.server";
import { notFound } from "~/lib/http.server";
import { basisPointsToPercentString, debtKindLabel, repaymentTypeLabel } from "~/lib/instruments";
import { minorToMajorString } from "~/lib/money";
import { debtFacilitySchema } from "~/domain/debt-facility";
import { deleteDebtFacility, getDebtFacilityDetail, updateDebtFacility } from "~/models/debt-facility.server";
import { oneYearAfter } from "~/domain/bounds";
import { DeleteForm } from "~/components/ui/delete-form";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data
    ? metaTitle(matches, "records.facility.title", { lender: data.facility.lender, kind: debtKindLabel(data.facility.kind, localeFromMatches(matches)) })
    : metaTitle(matches, "records.debt.title"),
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
    what: "records.facility.whatShort",
    locale: getLocale(request),
    schema: debtFacilitySchema(isoDateOfDate(new Date())),
    update: (version, data) => updateDebtFacility(ctx, id, version, data),
    remove: (version) => deleteDebtFacility(ctx, id, version),
    afterUpdate: { to: `${list}/${id}`, toast: toast("records.debt.notice.updated") },
    afterDelete: { to: list, toast: toast("records.debt.notice.deleted") },
  });
}

/** Schedules are exact to the cent, so they show cents (cards elsewhere round to whole units); Intl in the page's language. */
function centsFormatter(locale: Locale) {
  return (minor: number, currency: string) =>
    new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
}

const REPORTING_LABELS = {
  reported: { text: "records.facility.reported", tone: "good" },
  due: { text: "records.facility.due", tone: "neutral" },
  overdue: { text: "records.facility.overdue", tone: "bad" },
} as const satisfies Record<string, { text: PlainKey; tone: string }>;

export default function DebtFacilityDetail() {
  const { facility: f, schedule, minimumCash, reporting, currencyMismatch, canEdit, baseCurrency, maxDrawDate } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const fmt = useFormat();
  const locale = useLocale();
  const money = centsFormatter(locale);
  const errors = result && !result.ok ? result.fieldErrors : {};
  const formError = result && !result.ok ? result.formError : undefined;
  const conflict = Boolean(result && "conflict" in result && result.conflict);
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
      <PageHeader
        title={t("records.facility.title", { lender: f.lender, kind: debtKindLabel(f.kind, locale) })}
        actions={
          <TextLink to=".." relative="path" className="text-sm">
            {t("records.facility.back")}
          </TextLink>
        }
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3" data-testid="facility-terms">
          <Item label={t("records.debt.principal")}>{money(f.principal, f.currency)}</Item>
          <Item label={t("records.facility.rate")}>{basisPointsToPercentString(f.annualRateBp)} %</Item>
          <Item label={t("records.debt.field.drawDate")}>{f.drawDate}</Item>
          <Item label={t("records.facility.term")}>{t("common.unit.months", { count: f.termMonths })}</Item>
          <Item label={t("records.debt.field.repayment")}>
            {repaymentTypeLabel(f.repaymentType, locale)}
            {f.repaymentType === "interest_only_then_amortizing" ? t("records.facility.interestOnlyPart", { count: f.interestOnlyMonths }) : ""}
          </Item>
          <Item label={t("records.facility.minimumCashCovenant")}>{f.minimumCash === null ? t("common.state.none") : money(f.minimumCash, f.currency)}</Item>
          <Item label={t("records.facility.deadline")}>
            {f.reportingDeadlineDay === null ? t("common.state.none") : t("records.facility.deadlineDay", { day: f.reportingDeadlineDay })}
          </Item>
          <Item label={t("records.facility.totalInterest")}>{money(totals.interest, f.currency)}</Item>
        </dl>
      </Card>

      <Card title={t("records.facility.covenantChecks")}>
        {currencyMismatch ? (
          <p className="mb-3 text-sm text-amber-900">{t("records.facility.currencyMismatch", { currency: f.currency, base: baseCurrency })}</p>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="min-cash-heading">
            <h3 id="min-cash-heading" className="font-semibold">
              {t("records.facility.minimumCash")}
            </h3>
            <p className="mb-2 text-xs text-slate-500">{t("records.facility.minimumCashNote")}</p>
            {f.minimumCash === null ? (
              <p className="text-sm text-slate-600">{t("records.facility.noMinimumCash")}</p>
            ) : minimumCash === null ? null : minimumCash.length === 0 ? (
              <p className="text-sm text-slate-600">{t("records.facility.noReportsYet")}</p>
            ) : (
              <>
                <p className="mb-2 text-sm" data-testid="breach-summary">
                  {breaches.length === 0
                    ? t("records.facility.noBreach", { count: minimumCash.length })
                    : t("records.facility.breached", {
                        breaches: breaches.length,
                        count: minimumCash.length,
                        months: breaches.map((b) => b.month).join(", "),
                      })}
                </p>
                  <Table maxHeight="max-h-96">
                    <TableHead sticky>
                      <Th>{t("records.col.month")}</Th>
                      <Th numeric title={t("records.facility.cashHint")}>
                        {t("records.col.cash")}
                      </Th>
                      <Th numeric>{t("records.facility.minimum")}</Th>
                      <Th last>{t("records.col.status")}</Th>
                    </TableHead>
                    <tbody>
                      {[...minimumCash].reverse().map((c) => (
                        <Tr key={c.month} data-testid="covenant-row">
                          <Td>{c.month}</Td>
                          <Td numeric>{fmt.money(c.cash, f.currency)}</Td>
                          <Td numeric>{fmt.money(f.minimumCash, f.currency)}</Td>
                          <Td last>
                            {c.breach ? <Badge tone="bad">{t("records.facility.breach")}</Badge> : <Badge tone="good">{t("records.facility.ok")}</Badge>}
                          </Td>
                        </Tr>
                      ))}
                    </tbody>
                  </Table>
              </>
            )}
          </section>
          <section aria-labelledby="reporting-heading">
            <h3 id="reporting-heading" className="font-semibold">
              {t("records.facility.deadline")}
            </h3>
            <p className="mb-2 text-xs text-slate-500">{t("records.facility.deadlineNote", { day: f.reportingDeadlineDay ?? "—" })}</p>
            {reporting === null ? (
              <p className="text-sm text-slate-600">{t("records.facility.noDeadline")}</p>
            ) : reporting.length === 0 ? (
              <p className="text-sm text-slate-600">{t("records.facility.nothingDue")}</p>
            ) : (
              <Table>
                <TableHead>
                  <Th>{t("records.facility.reportMonth")}</Th>
                  <Th>{t("records.facility.dueBy")}</Th>
                  <Th>{t("records.col.status")}</Th>
                  <Th last title={t("records.facility.firstSavedHint")}>
                    {t("records.facility.firstSaved")}
                  </Th>
                </TableHead>
                <tbody>
                  {reporting.map((r) => (
                    <Tr key={r.month} data-testid="reporting-row">
                      <Td>{r.month}</Td>
                      <Td>{r.dueDate}</Td>
                      <Td>
                        <Badge tone={REPORTING_LABELS[r.status].tone}>{t(REPORTING_LABELS[r.status].text)}</Badge>
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

      <Card title={t("records.facility.schedule")}>
        <p className="mb-3 text-xs text-slate-500">{t("records.facility.scheduleNote")}</p>
          <Table maxHeight="max-h-[32rem]" data-testid="schedule">
            <TableHead sticky>
              <Th>{t("records.col.month")}</Th>
              <Th numeric>{t("records.facility.interest")}</Th>
              <Th numeric>{t("records.debt.principal")}</Th>
              <Th numeric title={t("records.facility.paymentHint")}>
                {t("records.facility.payment")}
              </Th>
              <Th numeric last title={t("records.facility.outstandingHint")}>
                {t("records.facility.outstanding")}
              </Th>
            </TableHead>
            <tbody>
              {schedule.map((row) => (
                <Tr key={row.month} data-testid="schedule-row">
                  <Td dense>{row.month}</Td>
                  <Td numeric dense>{money(row.interest, f.currency)}</Td>
                  <Td numeric dense>{money(row.principal, f.currency)}</Td>
                  <Td numeric dense>{money(row.payment, f.currency)}</Td>
                  <Td numeric last dense>{money(row.outstandingAfter, f.currency)}</Td>
                </Tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t font-semibold">
                <Td>{t("records.col.total")}</Td>
                <Td numeric>{money(totals.interest, f.currency)}</Td>
                <Td numeric>{money(totals.principal, f.currency)}</Td>
                <Td numeric>{money(totals.payment, f.currency)}</Td>
                <td />
              </tr>
            </tfoot>
          </Table>
      </Card>

      {canEdit ? (
        <Card title={t("records.facility.editTitle")}>
          {conflict ? (
            <p className="mb-3 text-sm text-slate-700">
              {t.rich("records.conflict.savedShown", {
                reload: (
                  // biome-ignore lint/a11y/useValidAnchor: an empty href is this very URL: following it reloads the page, without JavaScript
                  <a href="" className="text-indigo-700 underline">
                    {t("records.conflict.reload")}
                  </a>
                ),
              })}
            </p>
          ) : null}
          {/* Not keyed by version: after a conflict the user's typing stays and so does the version they edited. */}
          <DebtFacilityForm
            values={values}
            errors={errors}
            formError={formError}
            currency={f.currency}
            maxDrawDate={maxDrawDate}
            intent="update"
            submitLabel={t("records.action.saveChanges")}
            pendingText={t("common.action.saving")}
            version={f.version}
          />
          <DeleteForm
            version={f.version}
            heading={t("records.facility.deleteTitle")}
            texts={{
              action: t("records.facility.delete"),
              title: t("records.facility.deleteDialogTitle", { lender: f.lender, kind: debtKindLabel(f.kind, locale) }),
              consequence: t("records.facility.deleteConsequence"),
              tick: t("records.facility.deleteConfirm"),
              pending: t("common.action.deleting"),
            }}
            error={errors.confirm}
            className="mt-6"
          />
        </Card>
      ) : (
        <p className="text-xs text-slate-500">{t("records.facility.readOnly")}</p>
      )}
    </div>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
