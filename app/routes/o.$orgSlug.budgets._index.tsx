import "~/page-kit";
import type { ComponentProps } from "react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { budgetCellName, FISCAL_YEARS_AHEAD } from "~/domain/budget-cells";
import { applyBudgetTool, budgetYearsOffered, isBudgetTool } from "~/domain/budget-tools";
import { BudgetGridTools } from "~/components/budget-grid-tools";
import { requireStartup } from "~/auth/tenant.server";
import { FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { messageRef, metaTitle, useFormat, useT } from "~/i18n";
import { renderMessage } from "~/i18n/message-ref";
import { getLocale } from "~/i18n/locale.server";
import { conflictFailure, failureFromError, formFailure, isConflict } from "~/server/forms.server";
import { notFound } from "~/server/http.server";
import { minorToGroupedString } from "~/domain/money";
import { SPEND_CATEGORIES, SPEND_CATEGORY_KEYS, type SpendCategory } from "~/domain/spend-categories";
import { fiscalYearError, parseBudgetGrid } from "~/domain/budget";
import { budgetVsActual, listBudgetRows, listBudgetYears, listBudgets, saveBudgetGrid, type VarianceCell } from "~/models/budget.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { records_action_importCsv } from "~/paraglide/messages/records_action_importcsv1.js";
import { records_budget_checkAmounts } from "~/paraglide/messages/records_budget_checkamounts1.js";
import { records_budgets_actual } from "~/paraglide/messages/records_budgets_actual.js";
import { records_budgets_actualHint } from "~/paraglide/messages/records_budgets_actualhint1.js";
import { records_budgets_allCategories } from "~/paraglide/messages/records_budgets_allcategories1.js";
import { records_budgets_budget } from "~/paraglide/messages/records_budgets_budget.js";
import { records_budgets_budgetHint } from "~/paraglide/messages/records_budgets_budgethint1.js";
import { records_budgets_bvaCaption } from "~/paraglide/messages/records_budgets_bvacaption1.js";
import { records_budgets_bvaNote } from "~/paraglide/messages/records_budgets_bvanote1.js";
import { records_budgets_bvaTitle } from "~/paraglide/messages/records_budgets_bvatitle1.js";
import { records_budgets_byMonthTitle } from "~/paraglide/messages/records_budgets_bymonthtitle2.js";
import { records_budgets_cellLabel } from "~/paraglide/messages/records_budgets_celllabel1.js";
import { records_budgets_conflictHelp } from "~/paraglide/messages/records_budgets_conflicthelp1.js";
import { records_budgets_conflictItem } from "~/paraglide/messages/records_budgets_conflictitem1.js";
import { records_budgets_description } from "~/paraglide/messages/records_budgets_description.js";
import { records_budgets_empty } from "~/paraglide/messages/records_budgets_empty.js";
import { records_budgets_fiscalYear } from "~/paraglide/messages/records_budgets_fiscalyear1.js";
import { records_budgets_gridNote } from "~/paraglide/messages/records_budgets_gridnote1.js";
import { records_budgets_gridSaves } from "~/paraglide/messages/records_budgets_gridsaves1.js";
import { records_budgets_gridTitle } from "~/paraglide/messages/records_budgets_gridtitle1.js";
import { records_budgets_metaTitle } from "~/paraglide/messages/records_budgets_metatitle1.js";
import { records_budgets_monthAll } from "~/paraglide/messages/records_budgets_monthall1.js";
import { records_budgets_noBudget } from "~/paraglide/messages/records_budgets_nobudget1.js";
import { records_budgets_notReported } from "~/paraglide/messages/records_budgets_notreported1.js";
import { records_budgets_nothingChanged } from "~/paraglide/messages/records_budgets_nothingchanged1.js";
import { records_budgets_overBudget } from "~/paraglide/messages/records_budgets_overbudget1.js";
import { records_budgets_overIn } from "~/paraglide/messages/records_budgets_overin1.js";
import { records_budgets_readOnly } from "~/paraglide/messages/records_budgets_readonly1.js";
import { records_budgets_save } from "~/paraglide/messages/records_budgets_save.js";
import { records_budgets_saved } from "~/paraglide/messages/records_budgets_saved.js";
import { records_budgets_saving } from "~/paraglide/messages/records_budgets_saving.js";
import { records_budgets_show } from "~/paraglide/messages/records_budgets_show.js";
import { records_budgets_title } from "~/paraglide/messages/records_budgets_title.js";
import { records_budgets_totalHint } from "~/paraglide/messages/records_budgets_totalhint1.js";
import { records_budgets_variance } from "~/paraglide/messages/records_budgets_variance.js";
import { records_budgets_varianceHint } from "~/paraglide/messages/records_budgets_variancehint1.js";
import { records_budgets_variancePercent } from "~/paraglide/messages/records_budgets_variancepercent1.js";
import { records_budgets_variancePercentHint } from "~/paraglide/messages/records_budgets_variancepercenthint2.js";
import { records_budgets_withinBudget } from "~/paraglide/messages/records_budgets_withinbudget1.js";
import { records_budgets_yearWithData } from "~/paraglide/messages/records_budgets_yearwithdata2.js";
import { records_budgets_ytdNote } from "~/paraglide/messages/records_budgets_ytdnote1.js";
import { records_budgets_ytdTitle } from "~/paraglide/messages/records_budgets_ytdtitle1.js";
import { records_col_category } from "~/paraglide/messages/records_col_category.js";
import { records_col_month } from "~/paraglide/messages/records_col_month.js";
import { records_col_status } from "~/paraglide/messages/records_col_status.js";
import { records_col_total } from "~/paraglide/messages/records_col_total.js";
import { records_conflict_notSavedTitle } from "~/paraglide/messages/records_conflict_notsavedtitle2.js";
import { records_listSeparator } from "~/paraglide/messages/records_listseparator1.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  metaTitle(matches, records_budgets_metaTitle, { year: String(data?.fiscalYear ?? "") }),
];

function requestedYear(raw: string | null): number {
  if (raw === null || raw.trim() === "") return new Date().getUTCFullYear();
  return /^\d{4}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const url = new URL(request.url);
  const fiscalYear = requestedYear(url.searchParams.get("year"));
  if (fiscalYearError(fiscalYear)) notFound();
  const [budgets, comparison, yearsWithData] = await Promise.all([listBudgets(ctx, fiscalYear), budgetVsActual(ctx, fiscalYear), listBudgetYears(ctx)]);
  return json({
    slug: ctx.org.slug,
    fiscalYear,
    budgets,
    comparison,
    yearsWithData,
    years: budgetYearsOffered(yearsWithData, new Date().getUTCFullYear(), fiscalYear),
    latestYear: new Date().getUTCFullYear() + FISCAL_YEARS_AHEAD,
    currency: ctx.org.baseCurrency,
    canEdit: can(ctx.role, "edit:records"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  const locale = getLocale(request);
  const formData = await request.formData();
  const fiscalYear = requestedYear(String(formData.get("year") ?? ""));
  const yearError = fiscalYearError(fiscalYear);
  if (yearError) return formFailure({ locale, fieldErrors: { year: yearError }, formError: yearError });
  const token = String(formData.get("token") ?? "");
  const intent = formData.get("intent");
  if (isBudgetTool(intent)) {
    // A tool fills the grid from what was typed and answers it unsaved (200); only Save writes.
    const typed = Object.fromEntries([...formData.entries()].filter(([key, value]) => key.startsWith("b:") && typeof value === "string")) as Record<
      string,
      string
    >;
    const copyFrom = Number(formData.get("copyFrom"));
    const copyRows = intent === "copyYear" && !fiscalYearError(copyFrom) ? await listBudgetRows(ctx, copyFrom) : [];
    const tool = applyBudgetTool(intent, formData, typed, fiscalYear, copyRows);
    if (!tool.ok) return formFailure({ locale, fieldErrors: tool.fieldErrors, formError: messageRef(records_budget_checkAmounts), values: formData });
    return json({ ok: true as const, preview: { values: tool.values, notice: renderMessage(locale, tool.notice), token } });
  }
  const { cells, fieldErrors, yours } = parseBudgetGrid(formData);
  if (Object.keys(fieldErrors).length > 0) return formFailure({ locale, fieldErrors, formError: messageRef(records_budget_checkAmounts), values: formData });
  try {
    const { changed } = await saveBudgetGrid(ctx, fiscalYear, cells, token);
    return redirectWithToast(
      `/o/${ctx.org.slug}/budgets?year=${fiscalYear}`,
      changed === 0 ? { ...toast(records_budgets_nothingChanged), tone: "info" } : toast(records_budgets_saved, { year: String(fiscalYear), count: changed }),
    );
  } catch (error) {
    if (isConflict(error)) {
      return conflictFailure(error, { locale, help: records_budgets_conflictHelp, current: await listBudgets(ctx, fiscalYear), yours });
    }
    return failureFromError(error, locale);
  }
}

function StatusWord({ cell }: { cell: VarianceCell }) {
  const t = useT();
  if (cell.actual === null) return <Badge>{t(records_budgets_notReported)}</Badge>;
  if (cell.budget === null) return <Badge>{t(records_budgets_noBudget)}</Badge>;
  if (cell.overrun) return <Badge tone="bad">{t(records_budgets_overBudget)}</Badge>;
  return <Badge tone="good">{t(records_budgets_withinBudget)}</Badge>;
}

function VarianceCells({ cell, money }: { cell: VarianceCell; money: (m: number | null) => string }) {
  const f = useFormat();
  return (
    <>
      <Td numeric dense>
        {money(cell.actual)}
      </Td>
      <Td numeric dense>
        {money(cell.budget)}
      </Td>
      <Td numeric dense>
        {money(cell.variance)}
      </Td>
      <Td numeric dense>
        {f.percent(cell.variancePercent)}
      </Td>
      <Td last dense>
        <StatusWord cell={cell} />
      </Td>
    </>
  );
}

/** A budget-versus-actual table: a row per month or category (then any total row given as children). */
function VarianceTable({
  head,
  rows,
  rowClassName,
  money,
  children,
  ...table
}: ComponentProps<typeof Table> & {
  head: string;
  rows: { key: string; label: string; title?: string; cell: VarianceCell }[];
  rowClassName?: string;
  money: (m: number | null) => string;
}) {
  return (
    <Table {...table}>
      <TableHead>
        <Th dense>{head}</Th>
        <VarianceHeaders />
      </TableHead>
      <tbody>
        {rows.map((row) => (
          <Tr key={row.key} className={rowClassName}>
            <Th row dense title={row.title}>
              {row.label}
            </Th>
            <VarianceCells cell={row.cell} money={money} />
          </Tr>
        ))}
        {children}
      </tbody>
    </Table>
  );
}

/** The figure columns of a budget-versus-actual row, each with the hint that explains it. */
const VARIANCE_FIGURES = [
  ["actual", records_budgets_actual, records_budgets_actualHint],
  ["budget", records_budgets_budget, records_budgets_budgetHint],
  ["variance", records_budgets_variance, records_budgets_varianceHint],
  ["variancePercent", records_budgets_variancePercent, records_budgets_variancePercentHint],
] as const;

function VarianceHeaders() {
  const t = useT();
  return (
    <>
      {VARIANCE_FIGURES.map(([figure, label, hint]) => (
        <Th key={figure} numeric dense title={t(hint)}>
          {t(label)}
        </Th>
      ))}
      <Th last dense>
        {t(records_col_status)}
      </Th>
    </>
  );
}

type BudgetsData = Awaited<ReturnType<typeof listBudgets>>;
type ActionResult =
  | {
      ok: false;
      formError?: string;
      fieldErrors: Record<string, string>;
      values?: Record<string, string>;
      conflict?: { current: BudgetsData; yours: Record<string, string> };
    }
  | { ok: true; preview: { values: Record<string, string>; notice: string; token: string } };

export default function Budgets() {
  const data = useLoaderData<typeof loader>();
  return <BudgetPage data={data} />;
}

function BudgetPage({ data }: { data: SerializeFrom<typeof loader> }) {
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { slug, fiscalYear, comparison, currency, canEdit } = data;
  const failure = result && !result.ok ? result : null;
  const preview = result?.ok ? result.preview : null;
  const conflict = failure?.conflict ?? null;
  const budgets: BudgetsData = conflict?.current ?? data.budgets;
  const errors: Record<string, string> = failure?.fieldErrors ?? {};
  const t = useT();
  const f = useFormat();
  const money = (minor: number | null) => f.money(minor, currency);
  const label = (category: SpendCategory) => t(SPEND_CATEGORY_KEYS[category].label);
  const years = data.years;
  const cellValue = (month: string, category: SpendCategory) => {
    const amount = budgets.grid[month]?.[category];
    return amount === undefined ? "" : minorToGroupedString(amount);
  };
  // What the grid shows: a tool's unsaved result, or what was typed before a refusal, or what is saved.
  const typed = preview?.values ?? (!conflict ? failure?.values : undefined);
  const shownValue = (month: string, category: SpendCategory) => {
    const name = budgetCellName(month, category);
    return typed ? (typed[name] ?? "") : cellValue(month, category);
  };
  const formKey = `${budgets.token}-${preview ? JSON.stringify(preview.values).length + preview.notice : failure?.values ? "typed" : "saved"}`;
  const differing = conflict
    ? Object.entries(conflict.yours).filter(([key, mine]) => {
        const [, month = "", category = ""] = key.split(":");
        return mine !== cellValue(month, category as SpendCategory);
      })
    : [];
  const errorList = Object.entries(errors);

  return (
    <>
      <PageHeader
        title={t(records_budgets_title, { year: String(fiscalYear) })}
        description={t(records_budgets_description, { currency })}
        actions={
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <Form method="get" className="flex items-end gap-2">
              <div>
                <label htmlFor="year-picker" className="block text-xs font-medium text-slate-700">
                  {t(records_budgets_fiscalYear)}
                </label>
                <select id="year-picker" name="year" defaultValue={fiscalYear} className="rounded-md border border-slate-300 px-2 py-2">
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {data.yearsWithData.includes(y) ? t(records_budgets_yearWithData, { year: String(y) }) : y}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-2">
                {t(records_budgets_show)}
              </button>
            </Form>
            <a className="rounded-md border border-slate-300 px-3 py-2" href={`/o/${slug}/budgets.csv?year=${fiscalYear}`} download>
              {t(common_action_exportCsv)}
            </a>
            {canEdit ? (
              <Link className="rounded-md border border-slate-300 px-3 py-2" to={`/o/${slug}/budgets/import`}>
                {t(records_action_importCsv)}
              </Link>
            ) : null}
          </div>
        }
      />
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
          <Card title={t(records_conflict_notSavedTitle)}>
            <ul className="text-sm" data-testid="conflict-list">
              {differing.map(([key, mine]) => {
                const [, month = "", category = ""] = key.split(":");
                return (
                  <li key={key}>
                    {t(records_budgets_conflictItem, {
                      month,
                      category: SPEND_CATEGORY_KEYS[category as SpendCategory] ? label(category as SpendCategory) : category,
                      yours: mine || t(records_budgets_empty),
                      saved: cellValue(month, category as SpendCategory) || t(records_budgets_empty),
                    })}
                  </li>
                );
              })}
            </ul>
          </Card>
        </div>
      ) : null}

      <div className="space-y-6">
        <Card title={t(records_budgets_gridTitle)}>
          <p className="mb-3 text-xs text-slate-500">
            {t(records_budgets_gridNote)} {canEdit ? t(records_budgets_gridSaves) : t(records_budgets_readOnly)}
          </p>
          {preview ? (
            <p role="status" className="mb-3 rounded-md border border-indigo-200 bg-indigo-50 p-2 text-sm text-indigo-900" data-testid="budget-preview">
              {preview.notice}
            </p>
          ) : null}
          <Form method="post" noValidate key={formKey}>
            <input type="hidden" name="year" value={fiscalYear} />
            <input type="hidden" name="token" value={budgets.token} />
            <Table>
              <TableHead>
                <th scope="col" className="py-2 pr-2 font-medium">
                  {t(records_col_month)}
                </th>
                {SPEND_CATEGORIES.map((c) => (
                  <th key={c} scope="col" className="px-1 py-2 font-medium" title={t(SPEND_CATEGORY_KEYS[c].meaning)}>
                    {label(c)}
                  </th>
                ))}
                <th scope="col" className="py-2 pl-2 text-right font-medium" title={t(records_budgets_totalHint)}>
                  {t(records_col_total)}
                </th>
              </TableHead>
              <tbody>
                {budgets.months.map((month) => {
                  const saved = budgets.grid[month] ?? {};
                  const total = Object.values(saved).reduce<number>((s, v) => s + (v ?? 0), 0);
                  return (
                    <Tr key={month}>
                      <th scope="row" className="whitespace-nowrap py-1 pr-2 text-left font-medium">
                        {f.monthCell(month)}
                      </th>
                      {SPEND_CATEGORIES.map((c) => {
                        const name = budgetCellName(month, c);
                        return (
                          <td key={c} className="px-1 py-1">
                            <input
                              name={name}
                              inputMode="decimal"
                              defaultValue={shownValue(month, c)}
                              disabled={!canEdit}
                              aria-label={t(records_budgets_cellLabel, { category: label(c), month })}
                              aria-invalid={errors[name] ? true : undefined}
                              title={errors[name]}
                              className="w-28 rounded border border-slate-300 px-2 py-1 text-right tabular-nums aria-[invalid=true]:border-red-500 disabled:bg-slate-50"
                            />
                          </td>
                        );
                      })}
                      <td className="py-1 pl-2 text-right tabular-nums">{Object.keys(saved).length ? money(total) : "—"}</td>
                    </Tr>
                  );
                })}
              </tbody>
            </Table>
            {canEdit ? (
              <div className="mt-4">
                <SubmitButton pendingText={t(records_budgets_saving)}>{t(records_budgets_save)}</SubmitButton>
              </div>
            ) : null}
            {canEdit ? (
              <BudgetGridTools fiscalYear={fiscalYear} months={budgets.months} copyYears={years.filter((y) => y !== fiscalYear)} errors={errors} />
            ) : null}
          </Form>
        </Card>

        <Card title={t(records_budgets_bvaTitle)}>
          <p className="mb-3 text-xs text-slate-500">{t(records_budgets_bvaNote, { threshold: f.percent(comparison.thresholdBp / 10_000, 2) })}</p>
          <VarianceTable
            caption={t(records_budgets_bvaCaption)}
            data-testid="bva-months"
            head={t(records_budgets_monthAll)}
            rows={comparison.months.map((m) => ({ key: m.month, label: m.month, cell: m.total }))}
            money={money}
          />

          <h3 className="mt-6 text-base font-semibold">{t(records_budgets_ytdTitle)}</h3>
          <p className="text-xs text-slate-500">{t(records_budgets_ytdNote)}</p>
          <VarianceTable
            className="mt-2 min-w-full text-sm"
            data-testid="bva-ytd"
            head={t(records_col_category)}
            rows={SPEND_CATEGORIES.map((c) => ({ key: c, label: label(c), title: t(SPEND_CATEGORY_KEYS[c].meaning), cell: comparison.yearToDate[c] }))}
            rowClassName="border-b"
            money={money}
          >
            <tr>
              <th scope="row" className="py-1 pr-4 text-left font-semibold">
                {t(records_budgets_allCategories)}
              </th>
              <VarianceCells cell={comparison.yearToDateTotal} money={money} />
            </tr>
          </VarianceTable>

          <h3 className="mt-6 text-base font-semibold">{t(records_budgets_byMonthTitle)}</h3>
          <div className="mt-2 space-y-2">
            {comparison.months.map((m) => (
              <details key={m.month} className="rounded border border-slate-200 p-2" data-testid={`bva-${m.month}`}>
                <summary className="cursor-pointer text-sm">
                  {m.month} · <StatusWord cell={m.total} />
                  {SPEND_CATEGORIES.some((c) => m.cells[c].overrun) ? (
                    <span className="ml-2 text-xs text-red-800">
                      {t(records_budgets_overIn, {
                        categories: SPEND_CATEGORIES.filter((c) => m.cells[c].overrun)
                          .map(label)
                          .join(t(records_listSeparator)),
                      })}
                    </span>
                  ) : null}
                </summary>
                <VarianceTable
                  className="mt-2 min-w-full text-sm"
                  head={t(records_col_category)}
                  rows={SPEND_CATEGORIES.map((c) => ({ key: c, label: label(c), cell: m.cells[c] }))}
                  money={money}
                />
              </details>
            ))}
          </div>
        </Card>
      </div>
    </>
  );
}
