import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { DebtFacilityForm } from "~/components/debt-facility-form";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { isoDateOfDate } from "~/finance";
import { appErrorResponse, parseForm, invalidSubmission } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { basisPointsToPercentString, debtKindLabel, repaymentTypeLabel } from "~/lib/instruments";
import { formatMoney } from "~/lib/money";
import { createDebtFacility, DEBT_FACILITY_RULES, debtFacilitySchema, listDebtFacilities } from "~/models/debt-facility.server";
import { oneYearAfter } from "~/models/funding-round.server";

export const meta: MetaFunction = () => [{ title: "Debt · Capital Desk" }];

const NOTICES: Record<string, string> = {
  created: "Facility recorded.",
  updated: "Facility saved.",
  deleted: "Facility deleted.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "startup") notFound();
  const today = isoDateOfDate(new Date());
  const facilities = await listDebtFacilities(ctx, { today });
  return json({
    facilities,
    canEdit: can(ctx.role, "edit:records"),
    baseCurrency: ctx.org.baseCurrency,
    slug: ctx.org.slug,
    currentMonth: today.slice(0, 7),
    maxDrawDate: oneYearAfter(today),
    rules: DEBT_FACILITY_RULES,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "startup") notFound();
  const formData = await request.formData();
  const parsed = parseForm(debtFacilitySchema(isoDateOfDate(new Date())), formData);
  if (!parsed.ok) {
    return invalidSubmission(parsed.fieldErrors, formData);
  }
  try {
    await createDebtFacility(ctx, parsed.data);
  } catch (error) {
    return appErrorResponse(error);
  }
  return redirect(`/o/${ctx.org.slug}/debt?notice=created`);
}

export default function Debt() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const [search] = useSearchParams();
  const notice = NOTICES[search.get("notice") ?? ""];
  const failure = result && "fieldErrors" in result ? result : null;
  const values = failure && "values" in failure ? (failure.values as Record<string, string>) : {};
  const { facilities } = data;
  return (
    <>
      <PageHeader
        title="Debt"
        description="Loans, venture debt, bonds and revenue-based financing, with their repayment schedules and covenants."
        actions={
          <a href={`/o/${data.slug}/debt.csv`} className="text-sm text-indigo-700 underline" download>
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
        <Card title={`Facilities (${facilities.length})`}>
          {facilities.length === 0 ? (
            <EmptyState title="No debt facilities recorded">
              {data.canEdit ? "Record a loan with the form below to see its schedule and covenant checks." : "Editors of this organisation can record debt here."}
            </EmptyState>
          ) : (
            <TableScroller>
              <table className="min-w-full text-sm">
                <thead>
                  <tr className="border-b text-left text-slate-600">
                    <th className="py-2 pr-4 font-medium">Lender</th>
                    <th className="py-2 pr-4 font-medium">Kind</th>
                    <th className="py-2 pr-4 text-right font-medium" title="Amount drawn">
                      Principal
                    </th>
                    <th className="py-2 pr-4 text-right font-medium" title="Nominal annual interest rate">
                      Rate
                    </th>
                    <th className="py-2 pr-4 font-medium">Drawn</th>
                    <th className="py-2 pr-4 font-medium" title="Month of the last scheduled payment">
                      Maturity
                    </th>
                    <th className="py-2 pr-4 font-medium">Repayment</th>
                    <th
                      className="py-2 pr-4 text-right font-medium"
                      title={`Outstanding after the payments scheduled up to ${data.currentMonth}, from the repayment schedule`}
                    >
                      Outstanding now
                    </th>
                    <th className="py-2 pr-4 text-right font-medium" title="The next scheduled payment: interest + principal">
                      Next payment
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {facilities.map((f) => (
                    <tr key={f.id} className="border-b last:border-0" data-testid="facility-row">
                      <td className="py-2 pr-4">
                        <Link to={f.id} className="text-indigo-700 underline">
                          {f.lender}
                        </Link>
                        {f.currency !== data.baseCurrency ? (
                          <span className="ml-2">
                            <Badge tone="warn">in {f.currency}, not in forecasts</Badge>
                          </span>
                        ) : null}
                      </td>
                      <td className="py-2 pr-4">{debtKindLabel(f.kind)}</td>
                      <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{formatMoney(f.principal, f.currency)}</td>
                      <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{basisPointsToPercentString(f.annualRateBp)} %</td>
                      <td className="whitespace-nowrap py-2 pr-4">{f.drawDate}</td>
                      <td className="whitespace-nowrap py-2 pr-4">{f.maturityMonth}</td>
                      <td className="py-2 pr-4">
                        {repaymentTypeLabel(f.repaymentType).split(" (")[0]}
                        {f.repaymentType === "interest_only_then_amortizing" ? ` (${f.interestOnlyMonths} months interest-only)` : ""}
                        <span className="block text-xs text-slate-500">{f.termMonths} months</span>
                      </td>
                      <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{formatMoney(f.outstandingNow, f.currency)}</td>
                      <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">
                        {f.nextPayment ? (
                          <>
                            {formatMoney(f.nextPayment.payment, f.currency)}
                            <span className="block text-xs text-slate-500">{f.nextPayment.month}</span>
                          </>
                        ) : (
                          "Repaid"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )}
        </Card>

        {data.canEdit ? (
          <Card title="Record a facility">
            {/* Keyed by location: after a successful save (a redirect here) the form starts empty again. */}
            <DebtFacilityForm
              key={location.key}
              values={values}
              errors={failure?.fieldErrors ?? {}}
              formError={failure?.formError}
              currency={data.baseCurrency}
              maxDrawDate={data.maxDrawDate}
              rules={data.rules}
              intent="create"
              submitLabel="Record facility"
              pendingText="Recording…"
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
