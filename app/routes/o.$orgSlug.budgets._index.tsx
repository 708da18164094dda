import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { budgetCellName, EARLIEST_FISCAL_YEAR, FISCAL_YEARS_AHEAD } from "~/lib/budget-cells";
import { requireOrgContext } from "~/auth/tenant.server";
import { FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, PageHeader, TableScroller } from "~/components/ui/layout";
import { appErrorResponse, invalid } from "~/lib/forms.server";
import { AppError, notFound } from "~/lib/http.server";
import { formatMoney, formatPercent, minorToMajorString, parseMajorToMinor } from "~/lib/money";
import { SPEND_CATEGORIES, SPEND_CATEGORY_INFO, type SpendCategory } from "~/lib/spend-categories";
import {
  budgetVsActual,
  fiscalYearError,
  listBudgetYears,
  listBudgets,
  saveBudgetGrid,
  type BudgetCellInput,
  type VarianceCell,
} from "~/models/budget.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Budgets ${data?.fiscalYear ?? ""} · Capital Desk` }];

function requestedYear(raw: string | null): number {
  if (raw === null || raw.trim() === "") return new Date().getUTCFullYear();
  return /^\d{4}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "startup") notFound();
  const url = new URL(request.url);
  const fiscalYear = requestedYear(url.searchParams.get("year"));
  if (fiscalYearError(fiscalYear)) notFound();
  const [budgets, comparison, yearsWithData] = await Promise.all([
    listBudgets(ctx, fiscalYear),
    budgetVsActual(ctx, fiscalYear),
    listBudgetYears(ctx),
  ]);
  return json({
    slug: ctx.org.slug,
    fiscalYear,
    budgets,
    comparison,
    yearsWithData,
    latestYear: new Date().getUTCFullYear() + FISCAL_YEARS_AHEAD,
    currency: ctx.org.baseCurrency,
    canEdit: can(ctx.role, "edit:records"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "startup") notFound();
  const formData = await request.formData();
  const fiscalYear = requestedYear(String(formData.get("year") ?? ""));
  const yearError = fiscalYearError(fiscalYear);
  if (yearError) return invalid({ year: yearError }, yearError);
  const token = String(formData.get("token") ?? "");
  const fieldErrors: Record<string, string> = {};
  const cells: BudgetCellInput[] = [];
  const yours: Record<string, string> = {};
  for (const [key, raw] of formData.entries()) {
    if (!key.startsWith("b:") || typeof raw !== "string") continue;
    const [, month = "", category = "", ...extra] = key.split(":");
    const text = raw.trim();
    yours[key] = text;
    const amount = text === "" ? null : parseMajorToMinor(text);
    if (extra.length > 0) fieldErrors[key] = "Unknown budget cell.";
    else if (text !== "" && amount === null) fieldErrors[key] = "Enter an amount with at most two decimals, like 12500.50.";
    else if (amount !== null && amount < 0) fieldErrors[key] = "A budget cannot be negative.";
    else cells.push({ month, category, amount });
  }
  if (Object.keys(fieldErrors).length > 0) return invalid(fieldErrors, "Check the highlighted budget amounts; nothing was saved.");
  try {
    const { changed } = await saveBudgetGrid(ctx, fiscalYear, cells, token);
    return json({
      ok: true as const,
      message: changed === 0 ? "Nothing changed." : `Saved the ${fiscalYear} budget (${changed} ${changed === 1 ? "cell" : "cells"} changed).`,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") {
      const current = await listBudgets(ctx, fiscalYear);
      return json(
        {
          ok: false as const,
          formError: `${error.message} The grid now shows their figures; cells where yours differ are listed. Apply your changes again and save.`,
          fieldErrors: {} as Record<string, string>,
          conflict: { current, yours },
        },
        { status: 409 },
      );
    }
    return appErrorResponse(error);
  }
}

function monthName(month: string) {
  return new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}

function StatusWord({ cell }: { cell: VarianceCell }) {
  if (cell.actual === null) return <Badge>Not reported</Badge>;
  if (cell.budget === null) return <Badge>No budget</Badge>;
  if (cell.overrun) return <Badge tone="bad">Over budget</Badge>;
  return <Badge tone="good">Within budget</Badge>;
}

function VarianceCells({ cell, money }: { cell: VarianceCell; money: (m: number | null) => string }) {
  return (
    <>
      <td className="py-1 pr-4 text-right tabular-nums">{money(cell.actual)}</td>
      <td className="py-1 pr-4 text-right tabular-nums">{money(cell.budget)}</td>
      <td className="py-1 pr-4 text-right tabular-nums">{money(cell.variance)}</td>
      <td className="py-1 pr-4 text-right tabular-nums">{cell.variancePercent === null ? "—" : formatPercent(cell.variancePercent)}</td>
      <td className="py-1">
        <StatusWord cell={cell} />
      </td>
    </>
  );
}

const VARIANCE_HEADERS = (
  <>
    <th scope="col" className="py-1 pr-4 text-right font-medium" title="Operating spend reported for the month">Actual</th>
    <th scope="col" className="py-1 pr-4 text-right font-medium" title="Budgeted amount">Budget</th>
    <th scope="col" className="py-1 pr-4 text-right font-medium" title="Variance = actual − budget; positive means over budget">Variance</th>
    <th scope="col" className="py-1 pr-4 text-right font-medium" title="Variance % = (actual − budget) / budget">Variance %</th>
    <th scope="col" className="py-1 font-medium">Status</th>
  </>
);

type BudgetsData = Awaited<ReturnType<typeof listBudgets>>;
type ActionResult =
  | { ok: true; message: string }
  | { ok: false; formError?: string; fieldErrors: Record<string, string>; conflict?: { current: BudgetsData; yours: Record<string, string> } };

export default function Budgets() {
  const data = useLoaderData<typeof loader>();
  return <BudgetPage data={data} />;
}

function BudgetPage({ data }: { data: SerializeFrom<typeof loader> }) {
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { slug, fiscalYear, comparison, currency, canEdit } = data;
  const failure = result && !result.ok ? result : null;
  const conflict = failure?.conflict ?? null;
  const budgets: BudgetsData = conflict?.current ?? data.budgets;
  const errors: Record<string, string> = failure?.fieldErrors ?? {};
  const money = (minor: number | null) => formatMoney(minor, currency);
  const years: number[] = [];
  for (let y = data.latestYear; y >= EARLIEST_FISCAL_YEAR; y--) years.push(y);
  const thresholdPercent = comparison.thresholdBp / 100;
  const cellValue = (month: string, category: SpendCategory) => {
    const amount = budgets.grid[month]?.[category];
    return amount === undefined ? "" : minorToMajorString(amount);
  };
  const differing = conflict
    ? Object.entries(conflict.yours).filter(([key, mine]) => {
        const [, month, category] = key.split(":");
        return mine !== cellValue(month, category as SpendCategory);
      })
    : [];
  const errorList = Object.entries(errors);

  return (
    <>
      <PageHeader
        title={`Budgets · fiscal year ${fiscalYear}`}
        description={`Budget per month and spend category, against the monthly reports. Fiscal years are calendar years. Amounts in ${currency}.`}
        actions={
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <Form method="get" className="flex items-end gap-2">
              <div>
                <label htmlFor="year-picker" className="block text-xs font-medium text-slate-700">
                  Fiscal year
                </label>
                <select id="year-picker" name="year" defaultValue={fiscalYear} className="rounded-md border border-slate-300 px-2 py-2">
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                      {data.yearsWithData.includes(y) ? " (has data)" : ""}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-2">
                Show
              </button>
            </Form>
            <a className="rounded-md border border-slate-300 px-3 py-2" href={`/o/${slug}/budgets.csv?year=${fiscalYear}`} download>
              Export CSV
            </a>
            {canEdit ? (
              <Link className="rounded-md border border-slate-300 px-3 py-2" to={`/o/${slug}/budgets/import`}>
                Import CSV
              </Link>
            ) : null}
          </div>
        }
      />
      {result?.ok ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {result.message}
        </p>
      ) : null}
      {failure ? (
        <div className="mb-4 space-y-2">
          <FormError error={failure.formError} />
          {errorList.length > 0 ? (
            <ul className="list-disc pl-6 text-sm text-red-800">
              {errorList.map(([key, message]) => (
                <li key={key}>
                  {key.startsWith("b:") ? `${key.split(":")[1]} ${key.split(":")[2]}: ` : ""}
                  {message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {conflict && differing.length > 0 ? (
        <div className="mb-4">
          <Card title="Your entries that were not saved">
            <ul className="text-sm" data-testid="conflict-list">
              {differing.map(([key, mine]) => {
                const [, month, category] = key.split(":");
                return (
                  <li key={key}>
                    {`${month} ${SPEND_CATEGORY_INFO[category as SpendCategory]?.label ?? category}: yours ${mine || "empty"}, saved ${
                      cellValue(month, category as SpendCategory) || "empty"
                    }`}
                  </li>
                );
              })}
            </ul>
          </Card>
        </div>
      ) : null}

      <div className="space-y-6">
        <Card title="Budget grid">
          <p className="mb-3 text-xs text-slate-500">
            Amounts in major units, like 12500.50. Leave a cell empty for no budget. {canEdit ? "Saving writes the whole grid at once." : "You have read-only access."}
          </p>
          <Form method="post" noValidate key={budgets.token}>
            <input type="hidden" name="year" value={fiscalYear} />
            <input type="hidden" name="token" value={budgets.token} />
            <TableScroller>
              <table className="min-w-full text-sm">
                <thead>
                  <tr className="border-b text-left text-slate-600">
                    <th scope="col" className="py-2 pr-2 font-medium">Month</th>
                    {SPEND_CATEGORIES.map((c) => (
                      <th key={c} scope="col" className="px-1 py-2 font-medium" title={SPEND_CATEGORY_INFO[c].meaning}>
                        {SPEND_CATEGORY_INFO[c].label}
                      </th>
                    ))}
                    <th scope="col" className="py-2 pl-2 text-right font-medium" title="Sum of the month's budgeted categories, as saved">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {budgets.months.map((month) => {
                    const saved = budgets.grid[month] ?? {};
                    const total = Object.values(saved).reduce<number>((s, v) => s + (v ?? 0), 0);
                    return (
                      <tr key={month} className="border-b last:border-0">
                        <th scope="row" className="whitespace-nowrap py-1 pr-2 text-left font-medium">
                          {monthName(month)} <span className="text-xs text-slate-600">{month}</span>
                        </th>
                        {SPEND_CATEGORIES.map((c) => {
                          const name = budgetCellName(month, c);
                          return (
                            <td key={c} className="px-1 py-1">
                              <input
                                name={name}
                                inputMode="decimal"
                                defaultValue={cellValue(month, c)}
                                disabled={!canEdit}
                                aria-label={`${SPEND_CATEGORY_INFO[c].label} budget for ${month}`}
                                aria-invalid={errors[name] ? true : undefined}
                                title={errors[name]}
                                className="w-28 rounded border border-slate-300 px-2 py-1 text-right tabular-nums aria-[invalid=true]:border-red-500 disabled:bg-slate-50"
                              />
                            </td>
                          );
                        })}
                        <td className="py-1 pl-2 text-right tabular-nums">{Object.keys(saved).length ? money(total) : "—"}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroller>
            {canEdit ? (
              <div className="mt-4">
                <SubmitButton pendingText="Saving budget…">Save budget</SubmitButton>
              </div>
            ) : null}
          </Form>
        </Card>

        <Card title="Budget vs actual">
          <p className="mb-3 text-xs text-slate-500">
            Variance = actual − budget; variance % = (actual − budget) / budget. Spend more than {thresholdPercent} % over budget — or any spend
            against a zero budget — is marked “Over budget”. Actual is the month’s reported operating spend.
          </p>
          <TableScroller>
            <table className="min-w-full text-sm" data-testid="bva-months">
              <caption className="sr-only">Budget vs actual by month, all categories</caption>
              <thead>
                <tr className="border-b text-left text-slate-600">
                  <th scope="col" className="py-1 pr-4 font-medium">Month (all categories)</th>
                  {VARIANCE_HEADERS}
                </tr>
              </thead>
              <tbody>
                {comparison.months.map((m) => (
                  <tr key={m.month} className="border-b last:border-0">
                    <th scope="row" className="py-1 pr-4 text-left font-medium">
                      {m.month}
                    </th>
                    <VarianceCells cell={m.total} money={money} />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>

          <h3 className="mt-6 text-base font-semibold">By category, year to date</h3>
          <p className="text-xs text-slate-500">Sums over the months that have both a report and a budget.</p>
          <TableScroller>
            <table className="mt-2 min-w-full text-sm" data-testid="bva-ytd">
              <thead>
                <tr className="border-b text-left text-slate-600">
                  <th scope="col" className="py-1 pr-4 font-medium">Category</th>
                  {VARIANCE_HEADERS}
                </tr>
              </thead>
              <tbody>
                {SPEND_CATEGORIES.map((c) => (
                  <tr key={c} className="border-b">
                    <th scope="row" className="py-1 pr-4 text-left font-medium" title={SPEND_CATEGORY_INFO[c].meaning}>
                      {SPEND_CATEGORY_INFO[c].label}
                    </th>
                    <VarianceCells cell={comparison.yearToDate[c]} money={money} />
                  </tr>
                ))}
                <tr>
                  <th scope="row" className="py-1 pr-4 text-left font-semibold">All categories</th>
                  <VarianceCells cell={comparison.yearToDateTotal} money={money} />
                </tr>
              </tbody>
            </table>
          </TableScroller>

          <h3 className="mt-6 text-base font-semibold">By month and category</h3>
          <div className="mt-2 space-y-2">
            {comparison.months.map((m) => (
              <details key={m.month} className="rounded border border-slate-200 p-2" data-testid={`bva-${m.month}`}>
                <summary className="cursor-pointer text-sm">
                  {m.month} · <StatusWord cell={m.total} />
                  {SPEND_CATEGORIES.some((c) => m.cells[c].overrun) ? (
                    <span className="ml-2 text-xs text-red-800">
                      {`Over budget in ${SPEND_CATEGORIES.filter((c) => m.cells[c].overrun)
                        .map((c) => SPEND_CATEGORY_INFO[c].label)
                        .join(", ")}`}
                    </span>
                  ) : null}
                </summary>
                <TableScroller>
                  <table className="mt-2 min-w-full text-sm">
                    <thead>
                      <tr className="border-b text-left text-slate-600">
                        <th scope="col" className="py-1 pr-4 font-medium">Category</th>
                        {VARIANCE_HEADERS}
                      </tr>
                    </thead>
                    <tbody>
                      {SPEND_CATEGORIES.map((c) => (
                        <tr key={c} className="border-b last:border-0">
                          <th scope="row" className="py-1 pr-4 text-left font-medium">
                            {SPEND_CATEGORY_INFO[c].label}
                          </th>
                          <VarianceCells cell={m.cells[c]} money={money} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroller>
              </details>
            ))}
          </div>
        </Card>
      </div>
    </>
  );
}
