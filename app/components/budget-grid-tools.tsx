import type { ReactNode } from "react";
import { SubmitButton } from "~/components/ui/form";
import { SPEND_CATEGORIES, SPEND_CATEGORY_KEYS } from "~/domain/spend-categories";
import { useFormat, useT } from "~/i18n";
import { records_budgets_allCategories } from "~/paraglide/messages/records_budgets_allcategories1.js";
import { records_budgets_tools_annual } from "~/paraglide/messages/records_budgets_tools_annual.js";
import { records_budgets_tools_annualPlaceholder } from "~/paraglide/messages/records_budgets_tools_annualplaceholder1.js";
import { records_budgets_tools_category } from "~/paraglide/messages/records_budgets_tools_category.js";
import { records_budgets_tools_copyAction } from "~/paraglide/messages/records_budgets_tools_copyaction1.js";
import { records_budgets_tools_copyYear } from "~/paraglide/messages/records_budgets_tools_copyyear1.js";
import { records_budgets_tools_fillAction } from "~/paraglide/messages/records_budgets_tools_fillaction1.js";
import { records_budgets_tools_fillHint } from "~/paraglide/messages/records_budgets_tools_fillhint1.js";
import { records_budgets_tools_fillMonth } from "~/paraglide/messages/records_budgets_tools_fillmonth1.js";
import { records_budgets_tools_note } from "~/paraglide/messages/records_budgets_tools_note.js";
import { records_budgets_tools_spreadAction } from "~/paraglide/messages/records_budgets_tools_spreadaction1.js";
import { records_budgets_tools_spreadHint } from "~/paraglide/messages/records_budgets_tools_spreadhint1.js";
import { records_budgets_tools_title } from "~/paraglide/messages/records_budgets_tools_title.js";

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm aria-[invalid=true]:border-red-500";

function Labelled({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What a tool's control is told: its error marks it invalid and describes it (`tool-<name>-error`). */
function wiring(name: string, error: string | undefined) {
  const id = `tool-${name}`;
  return { id, name, className: control, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined };
}

function ToolSelect({
  name,
  label,
  error,
  defaultValue,
  options,
}: {
  name: string;
  label: string;
  error?: string;
  defaultValue?: number;
  options: { value: string | number; label: string }[];
}) {
  return (
    <Labelled id={`tool-${name}`} label={label} error={error}>
      <select {...wiring(name, error)} defaultValue={defaultValue}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** One tool: its controls, what it does in a sentence, and its button (labelled by what it will do). */
function Tool({ intent, action, hint, children }: { intent: string; action: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-2">
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <SubmitButton intent={intent} variant="secondary" pendingText={action}>
        {action}
      </SubmitButton>
    </div>
  );
}

/**
 * Copy a year, spread an annual amount, fill the later months: submit buttons inside the grid's
 * form (`intent`), so each one works on what was typed, with or without JavaScript, and the
 * server answers the filled grid without saving it (app/domain/budget-tools.ts applyBudgetTool).
 */
export function BudgetGridTools({
  fiscalYear,
  months,
  copyYears,
  errors,
}: {
  fiscalYear: number;
  months: string[];
  copyYears: number[];
  errors: Record<string, string>;
}) {
  const t = useT();
  const f = useFormat();
  const categories = SPEND_CATEGORIES.map((c) => ({ value: c, label: t(SPEND_CATEGORY_KEYS[c].label) }));
  return (
    <fieldset className="mt-6 rounded-md border border-slate-200 p-3" data-testid="budget-tools">
      <legend className="px-1 text-sm font-semibold">{t(records_budgets_tools_title)}</legend>
      <p className="mb-3 text-xs text-slate-500">{t(records_budgets_tools_note)}</p>
      <div className="grid gap-4 lg:grid-cols-3">
        <Tool intent="copyYear" action={t(records_budgets_tools_copyAction, { year: String(fiscalYear) })}>
          <ToolSelect
            name="copyFrom"
            label={t(records_budgets_tools_copyYear)}
            error={errors.copyFrom}
            defaultValue={copyYears.includes(fiscalYear - 1) ? fiscalYear - 1 : copyYears[0]}
            options={copyYears.map((y) => ({ value: y, label: String(y) }))}
          />
        </Tool>
        <Tool intent="spread" action={t(records_budgets_tools_spreadAction)} hint={t(records_budgets_tools_spreadHint)}>
          <div className="grid grid-cols-2 gap-2">
            <ToolSelect name="spreadCategory" label={t(records_budgets_tools_category)} error={errors.spreadCategory} options={categories} />
            <Labelled id="tool-spreadAmount" label={t(records_budgets_tools_annual)} error={errors.spreadAmount}>
              <input
                {...wiring("spreadAmount", errors.spreadAmount)}
                inputMode="text"
                autoComplete="off"
                placeholder={t(records_budgets_tools_annualPlaceholder)}
              />
            </Labelled>
          </div>
        </Tool>
        <Tool intent="fillRight" action={t(records_budgets_tools_fillAction)} hint={t(records_budgets_tools_fillHint)}>
          <div className="grid grid-cols-2 gap-2">
            <ToolSelect
              name="fillMonth"
              label={t(records_budgets_tools_fillMonth)}
              error={errors.fillMonth}
              options={months.slice(0, -1).map((m) => ({ value: m, label: f.month(m) }))}
            />
            <ToolSelect
              name="fillCategory"
              label={t(records_budgets_tools_category)}
              error={errors.fillCategory}
              options={[{ value: "all", label: t(records_budgets_allCategories) }, ...categories]}
            />
          </div>
        </Tool>
      </div>
    </fieldset>
  );
}
