import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { DebtFacilityForm, type DebtFormValues } from "~/components/debt-facility-form";
import { FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, PageHeader, TableScroller } from "~/components/ui/layout";
import { isoDateOfDate } from "~/finance";
import { versionedEditAction } from "~/lib/versioned-edit.server";
import { notFound } from "~/lib/http.server";
import { basisPointsToPercentString, debtKindLabel, repaymentTypeLabel } from "~/lib/instruments";
import { formatMoney, minorToMajorString } from "~/lib/money";
import {
  DEBT_FACILITY_RULES,
  debtFacilitySchema,
  deleteDebtFacility,
  getDebtFacilityDetail,
  updateDebtFacility,
} from "~/models/debt-facility.server";
import { oneYearAfter } from "~/models/funding-round.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "startup") notFound();
  const today = isoDateOfDate(new Date());
  const detail = await getDebtFacilityDetail(ctx, params.facilityId ?? "", { today });
  if (!detail) notFound();
  return json({
    ...detail,
    today,
    canEdit: can(ctx.role, "edit:records"),
    baseCurrency: ctx.org.baseCurrency,
    maxDrawDate: oneYearAfter(today),
    rules: DEBT_FACILITY_RULES,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "startup") notFound();
  const id = params.facilityId ?? "";
  const list = `/o/${ctx.org.slug}/debt`;
  return versionedEditAction(await request.formData(), {
    what: "facility",
    schema: debtFacilitySchema(isoDateOfDate(new Date())),
    update: (version, data) => updateDebtFacility(ctx, id, version, data),
    remove: (version) => deleteDebtFacility(ctx, id, version),
    afterUpdate: `${list}/${id}?notice=updated`,
    afterDelete: `${list}?notice=deleted`,
  });
}

/** Schedules are exact to the cent, so they show cents (cards elsewhere round to whole units). */
function money(minor: number, currency: string) {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
}

const REPORTING_LABELS = {
  reported: { text: "Reported", tone: "good" },
  due: { text: "Due", tone: "neutral" },
  overdue: { text: "Overdue", tone: "bad" },
} as const;

export default function DebtFacilityDetail() {
  const { facility: f, schedule, minimumCash, reporting, currencyMismatch, canEdit, baseCurrency, maxDrawDate, rules } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const formError = result && !result.ok ? result.formError : undefined;
  const conflict = formError?.startsWith("Someone else changed");
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
        title={`${f.lender} · ${debtKindLabel(f.kind)}`}
        actions={<Link to=".." relative="path" className="text-sm text-indigo-700 underline">Back to debt</Link>}
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3" data-testid="facility-terms">
          <Item label="Principal">{money(f.principal, f.currency)}</Item>
          <Item label="Annual interest rate">{basisPointsToPercentString(f.annualRateBp)} %</Item>
          <Item label="Draw date">{f.drawDate}</Item>
          <Item label="Term">{f.termMonths} months</Item>
          <Item label="Repayment">
            {repaymentTypeLabel(f.repaymentType)}
            {f.repaymentType === "interest_only_then_amortizing" ? `, ${f.interestOnlyMonths} months interest-only` : ""}
          </Item>
          <Item label="Minimum cash covenant">{f.minimumCash === null ? "None" : money(f.minimumCash, f.currency)}</Item>
          <Item label="Reporting deadline">{f.reportingDeadlineDay === null ? "None" : `Day ${f.reportingDeadlineDay} of the following month`}</Item>
          <Item label="Total interest over the term">{money(totals.interest, f.currency)}</Item>
        </dl>
      </Card>

      <Card title="Covenant checks">
        {currencyMismatch ? (
          <p className="mb-3 text-sm text-amber-900">
            This facility is in {f.currency} but monthly reports are in {baseCurrency}, so cash cannot be compared with its minimum.
          </p>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="min-cash-heading">
            <h3 id="min-cash-heading" className="font-semibold">
              Minimum cash
            </h3>
            <p className="mb-2 text-xs text-slate-500">
              A breach is a month whose reported month-end cash is below the minimum, for every monthly report since the draw.
            </p>
            {f.minimumCash === null ? (
              <p className="text-sm text-slate-600">This facility has no minimum-cash covenant.</p>
            ) : minimumCash === null ? null : minimumCash.length === 0 ? (
              <p className="text-sm text-slate-600">No monthly reports since the draw yet.</p>
            ) : (
              <>
                <p className="mb-2 text-sm" data-testid="breach-summary">
                  {breaches.length === 0
                    ? `No breach in ${minimumCash.length} reported month${minimumCash.length === 1 ? "" : "s"}.`
                    : `Breached in ${breaches.length} of ${minimumCash.length} reported months: ${breaches.map((b) => b.month).join(", ")}.`}
                </p>
                  <TableScroller maxHeight="max-h-96">
                    <table className="min-w-full text-sm">
                      <thead className="sticky top-0 bg-white">
                        <tr className="border-b text-left text-slate-600">
                          <th className="py-2 pr-4 font-medium">Month</th>
                          <th className="py-2 pr-4 text-right font-medium" title="Cash at month end, from the monthly report">
                            Cash
                          </th>
                          <th className="py-2 pr-4 text-right font-medium">Minimum</th>
                          <th className="py-2 font-medium">Status</th>
                        </tr>
                      </thead>
                      <tbody>
                        {[...minimumCash].reverse().map((c) => (
                          <tr key={c.month} className="border-b last:border-0" data-testid="covenant-row">
                            <td className="py-2 pr-4">{c.month}</td>
                            <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(c.cash, f.currency)}</td>
                            <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(f.minimumCash, f.currency)}</td>
                            <td className="py-2">{c.breach ? <Badge tone="bad">Breach</Badge> : <Badge tone="good">OK</Badge>}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroller>
              </>
            )}
          </section>
          <section aria-labelledby="reporting-heading">
            <h3 id="reporting-heading" className="font-semibold">
              Reporting deadline
            </h3>
            <p className="mb-2 text-xs text-slate-500">
              Month m&apos;s report is due by day {f.reportingDeadlineDay ?? "—"} of month m+1; overdue from the day after. Latest months since the draw.
            </p>
            {reporting === null ? (
              <p className="text-sm text-slate-600">This facility has no reporting deadline.</p>
            ) : reporting.length === 0 ? (
              <p className="text-sm text-slate-600">No report has fallen due since the draw yet.</p>
            ) : (
              <TableScroller>
                <table className="min-w-full text-sm">
                  <thead>
                    <tr className="border-b text-left text-slate-600">
                      <th className="py-2 pr-4 font-medium">Report month</th>
                      <th className="py-2 pr-4 font-medium">Due by</th>
                      <th className="py-2 pr-4 font-medium">Status</th>
                      <th className="py-2 font-medium" title="The day the report was first saved here; an import of past months carries the import day">
                        First saved
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {reporting.map((r) => (
                      <tr key={r.month} className="border-b last:border-0" data-testid="reporting-row">
                        <td className="py-2 pr-4">{r.month}</td>
                        <td className="py-2 pr-4">{r.dueDate}</td>
                        <td className="py-2 pr-4">
                          <Badge tone={REPORTING_LABELS[r.status].tone}>{REPORTING_LABELS[r.status].text}</Badge>
                        </td>
                        <td className="py-2">{r.submittedOn ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
            )}
          </section>
        </div>
      </Card>

      <Card title="Repayment schedule">
        <p className="mb-3 text-xs text-slate-500">
          Payments start the month after the draw. Interest = outstanding × annual rate / 12, rounded to the cent; payment = interest +
          principal; the last payment repays whatever is outstanding.
        </p>
          <TableScroller maxHeight="max-h-[32rem]">
            <table className="min-w-full text-sm" data-testid="schedule">
              <thead className="sticky top-0 bg-white">
                <tr className="border-b text-left text-slate-600">
                  <th className="py-2 pr-4 font-medium">Month</th>
                  <th className="py-2 pr-4 text-right font-medium">Interest</th>
                  <th className="py-2 pr-4 text-right font-medium">Principal</th>
                  <th className="py-2 pr-4 text-right font-medium" title="Interest + principal">
                    Payment
                  </th>
                  <th className="py-2 text-right font-medium" title="Balance after this month's payment">
                    Outstanding
                  </th>
                </tr>
              </thead>
              <tbody>
                {schedule.map((row) => (
                  <tr key={row.month} className="border-b last:border-0" data-testid="schedule-row">
                    <td className="py-1 pr-4">{row.month}</td>
                    <td className="py-1 pr-4 text-right tabular-nums">{money(row.interest, f.currency)}</td>
                    <td className="py-1 pr-4 text-right tabular-nums">{money(row.principal, f.currency)}</td>
                    <td className="py-1 pr-4 text-right tabular-nums">{money(row.payment, f.currency)}</td>
                    <td className="py-1 text-right tabular-nums">{money(row.outstandingAfter, f.currency)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t font-semibold">
                  <td className="py-2 pr-4">Total</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(totals.interest, f.currency)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(totals.principal, f.currency)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(totals.payment, f.currency)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </TableScroller>
      </Card>

      {canEdit ? (
        <Card title="Edit facility">
          {conflict ? (
            <p className="mb-3 text-sm text-slate-700">
              The saved version is shown above. Your changes are still in the form below;{" "}
              <a href="" className="text-indigo-700 underline">
                reload
              </a>{" "}
              to start again from the saved version.
            </p>
          ) : null}
          {/* Not keyed by version: after a conflict the user's typing stays and so does the version they edited. */}
          <DebtFacilityForm
            values={values}
            errors={errors}
            formError={formError}
            currency={f.currency}
            maxDrawDate={maxDrawDate}
            rules={rules}
            intent="update"
            submitLabel="Save changes"
            pendingText="Saving…"
            version={f.version}
          />
          <Form method="post" className="mt-6 space-y-3 rounded-md border border-red-200 bg-red-50 p-4" noValidate>
            <h3 className="font-semibold text-red-900">Delete this facility</h3>
            <input type="hidden" name="version" defaultValue={f.version} />
            <label className="flex items-start gap-2 text-sm text-red-900">
              <input type="checkbox" name="confirm" value="yes" className="mt-1" aria-invalid={errors.confirm ? true : undefined} />
              <span>Yes, delete this facility for everyone. Its debt service leaves the cash forecasts at once; the audit log keeps a copy.</span>
            </label>
            {errors.confirm ? <FormError error={errors.confirm} /> : null}
            <SubmitButton intent="delete" variant="danger" pendingText="Deleting…">
              Delete facility
            </SubmitButton>
          </Form>
        </Card>
      ) : (
        <p className="text-xs text-slate-500">You can read this facility; only owners, admins and members can change it.</p>
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
