import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { addMonths, monthOfDate, monthsBetween } from "~/finance";
import { COMMON_CURRENCIES } from "~/lib/currencies";
import { appErrorResponse, invalidSubmission, parseForm } from "~/lib/forms.server";
import { AppError, notFound } from "~/lib/http.server";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { deleteFxRate, EARLIEST_RATE_MONTH, fxRateKeySchema, fxRateSchema, listFxRatesPage, missingFxRates, saveFxRate } from "~/models/fx-rate.server";
import { listPositionCurrencies } from "~/models/position.server";
import { Pager } from "~/components/ui/pager";

export const meta: MetaFunction = () => [{ title: "FX rates · Capital Desk" }];

const NOTICES: Record<string, string> = {
  created: "Rate recorded.",
  updated: "Rate replaced.",
  unchanged: "That rate was already recorded: nothing changed.",
  deleted: "Rate deleted.",
};

/** The months whose missing rates the page lists: the 12 up to and including this one. */
const COVERAGE_MONTHS = 12;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "investor") notFound();
  const search = new URL(request.url).searchParams;
  const currentMonth = monthOfDate(new Date());
  const [page, companies, positionCurrencies] = await Promise.all([
    listFxRatesPage(ctx, { page: Number(search.get("page") ?? "1") }),
    listAccessibleCompanies(ctx),
    listPositionCurrencies(ctx),
  ]);
  const currencies = [...companies.map((c) => c.company.baseCurrency), ...positionCurrencies];
  const months = monthsBetween(addMonths(currentMonth, -(COVERAGE_MONTHS - 1)), currentMonth);
  const missing = await missingFxRates(ctx, currencies, months);
  return json({
    ...page,
    missing,
    firstCoverageMonth: months[0],
    currentMonth,
    earliestMonth: EARLIEST_RATE_MONTH,
    canEdit: can(ctx.role, "edit:records"),
    baseCurrency: ctx.org.baseCurrency,
    slug: ctx.org.slug,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "investor") notFound();
  const formData = await request.formData();
  const list = `/o/${ctx.org.slug}/fx`;
  try {
    if (formData.get("intent") === "delete") {
      const key = parseForm(fxRateKeySchema, formData);
      if (!key.ok) return invalidSubmission(key.fieldErrors, formData, "Nothing was deleted: reload the page and try again.");
      await deleteFxRate(ctx, key.data.month, key.data.currency);
      return redirect(`${list}?notice=deleted`);
    }
    const parsed = parseForm(fxRateSchema(monthOfDate(new Date()), ctx.org.baseCurrency), formData);
    if (!parsed.ok) return invalidSubmission(parsed.fieldErrors, formData);
    const saved = await saveFxRate(ctx, parsed.data);
    return redirect(`${list}?notice=${saved.status}`);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID") return invalidSubmission(error.fieldErrors, formData);
    return appErrorResponse(error);
  }
}

export default function FxRates() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const [search] = useSearchParams();
  const notice = NOTICES[search.get("notice") ?? ""];
  const failure = result && "fieldErrors" in result ? result : null;
  const values = failure && "values" in failure ? (failure.values as Record<string, string>) : {};
  const errors = failure?.fieldErrors ?? {};
  const base = data.baseCurrency;
  const gaps = data.missing.filter((m) => m.months.length > 0);

  return (
    <>
      <PageHeader
        title="FX rates"
        description={`Monthly rates into your base currency, ${base}: 1 unit of the currency = rate ${base}. Positions and portfolio figures are converted with them.`}
        actions={
          <div className="flex gap-4 text-sm">
            <Link to={`/o/${data.slug}/positions`} className="text-indigo-700 underline">
              Positions
            </Link>
            {data.canEdit ? (
              <Link to={`/o/${data.slug}/fx/import`} className="text-indigo-700 underline">
                Import CSV
              </Link>
            ) : null}
            <a href={`/o/${data.slug}/fx.csv`} className="text-indigo-700 underline" download>
              Export CSV
            </a>
          </div>
        }
      />
      {notice ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={`Missing rates, ${data.firstCoverageMonth} to ${data.currentMonth}`}>
            <div data-testid="missing-rates">
              {data.missing.length === 0 ? (
                <p className="text-sm text-slate-600">
                  Every portfolio company and position is in {base}: no rates are needed.
                </p>
              ) : gaps.length === 0 ? (
                <p className="text-sm text-emerald-800">
                  Every month has a rate for {data.missing.map((m) => m.currency).join(", ")}.
                </p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {data.missing.map((m) => (
                    <li key={m.currency} data-testid={`missing-${m.currency}`}>
                      <span className="font-semibold">{m.currency}</span>:{" "}
                      {m.months.length === 0 ? "every month recorded." : `${m.months.length} missing — ${m.months.join(", ")}.`}
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-3 text-xs text-slate-500">
                For the currencies your portfolio companies report in and your positions are held in. A missing rate is shown as missing
                wherever it is needed, never as zero.
              </p>
            </div>
          </Card>

          <Card title={`Rates (${data.total})`}>
            {data.rates.length === 0 ? (
              <EmptyState title="No FX rates recorded yet">
                {data.canEdit ? "Record a rate with the form, or import a CSV file of month,currency,rate." : "Editors of this organisation can record rates here."}
              </EmptyState>
            ) : (
              <TableScroller>
                <table className="min-w-full text-sm" data-testid="fx-rates">
                  <thead>
                    <tr className="border-b text-left text-slate-600">
                      <th className="py-2 pr-4 font-medium">Month</th>
                      <th className="py-2 pr-4 font-medium">Currency</th>
                      <th className="py-2 pr-4 text-right font-medium">Rate</th>
                      <th className="py-2 pr-4 font-medium">Means</th>
                      {data.canEdit ? <th className="py-2 pr-4 font-medium"><span className="sr-only">Actions</span></th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {data.rates.map((r) => (
                      <tr key={`${r.month}-${r.currency}`} className="border-b last:border-0" data-testid="fx-rate-row">
                        <td className="py-2 pr-4">{r.month}</td>
                        <td className="py-2 pr-4">{r.currency}</td>
                        <td className="py-2 pr-4 text-right tabular-nums">{r.rate}</td>
                        <td className="py-2 pr-4 text-slate-600">
                          1 {r.currency} = {r.rate} {base}
                        </td>
                        {data.canEdit ? (
                          <td className="py-2 pr-4">
                            <Form method="post">
                              <input type="hidden" name="month" value={r.month} />
                              <input type="hidden" name="currency" value={r.currency} />
                              <button type="submit" name="intent" value="delete" className="text-red-700 underline" aria-label={`Delete the ${r.currency} rate of ${r.month}`}>
                                Delete
                              </button>
                            </Form>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
            )}
            <Pager page={data.page} pageCount={data.pageCount} href={(p) => `?page=${p}`} />
          </Card>
        </div>

        {data.canEdit ? (
          <Card title="Record a rate">
            <Form method="post" className="space-y-4" noValidate key={location.key}>
              <FormError error={failure?.formError} />
              <Field
                label="Month"
                name="month"
                type="month"
                min={data.earliestMonth}
                max={data.currentMonth}
                placeholder="YYYY-MM"
                defaultValue={values.month ?? data.currentMonth}
                error={errors.month}
                hint={`YYYY-MM, ${data.earliestMonth} to ${data.currentMonth}.`}
              />
              <Field
                label="Currency (ISO 4217)"
                name="currency"
                maxLength={3}
                list="fx-currencies"
                defaultValue={values.currency}
                error={errors.currency}
                hint={`Any currency but ${base}, whose rate is always 1.`}
              />
              <datalist id="fx-currencies">
                {COMMON_CURRENCIES.filter((c) => c !== base).map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
              <Field
                label={`Rate (${base} per unit)`}
                name="rate"
                inputMode="decimal"
                defaultValue={values.rate}
                error={errors.rate}
                hint={`How many ${base} one unit of the currency was worth that month, up to 10 decimals, like 1.0825. A month and currency already recorded gets the new rate.`}
              />
              <SubmitButton intent="save" pendingText="Saving…">
                Save rate
              </SubmitButton>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
