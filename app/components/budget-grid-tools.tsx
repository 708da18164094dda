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

function Labelled({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
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
  const invalid = (name: string) => (errors[name] ? true : undefined);
  const describedBy = (name: string) => (errors[name] ? `tool-${name}-error` : undefined);
  return (
    <fieldset className="mt-6 rounded-md border border-slate-200 p-3" data-testid="budget-tools">
      <legend className="px-1 text-sm font-semibold">{t(records_budgets_tools_title)}</legend>
      <p className="mb-3 text-xs text-slate-500">{t(records_budgets_tools_note)}</p>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-2">
          <Labelled id="tool-copyFrom" label={t(records_budgets_tools_copyYear)} error={errors.copyFrom}>
            <select
              id="tool-copyFrom"
              name="copyFrom"
              defaultValue={copyYears.includes(fiscalYear - 1) ? fiscalYear - 1 : copyYears[0]}
              className={control}
              aria-invalid={invalid("copyFrom")}
              aria-describedby={describedBy("copyFrom")}
            >
              {copyYears.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </Labelled>
          <SubmitButton intent="copyYear" variant="secondary" pendingText={t(records_budgets_tools_copyAction, { year: String(fiscalYear) })}>
            {t(records_budgets_tools_copyAction, { year: String(fiscalYear) })}
          </SubmitButton>
        </div>
        <div className="space-y-2">
          <div className="grid grid-cols-2 gap-2">
            <Labelled id="tool-spreadCategory" label={t(records_budgets_tools_category)} error={errors.spreadCategory}>
              <select id="tool-spreadCategory" name="spreadCategory" className={control} aria-invalid={invalid("spreadCategory")}>
                {SPEND_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(SPEND_CATEGORY_KEYS[c].label)}
                  </option>
                ))}
              </select>
            </Labelled>
            <Labelled id="tool-spreadAmount" label={t(records_budgets_tools_annual)} error={errors.spreadAmount}>
              <input
                id="tool-spreadAmount"
                name="spreadAmount"
                inputMode="text"
                autoComplete="off"
                placeholder={t(records_budgets_tools_annualPlaceholder)}
                className={control}
                aria-invalid={invalid("spreadAmount")}
                aria-describedby={describedBy("spreadAmount")}
              />
            </Labelled>
          </div>
          <p className="text-xs text-slate-500">{t(records_budgets_tools_spreadHint)}</p>
          <SubmitButton intent="spread" variant="secondary" pendingText={t(records_budgets_tools_spreadAction)}>
            {t(records_budgets_tools_spreadAction)}
          </SubmitButton>
        </div>
        <div className="space-y-2">
          <div className="grid grid-cols-2 gap-2">
            <Labelled id="tool-fillMonth" label={t(records_budgets_tools_fillMonth)} error={errors.fillMonth}>
              <select id="tool-fillMonth" name="fillMonth" className={control} aria-invalid={invalid("fillMonth")}>
                {months.slice(0, -1).map((m) => (
                  <option key={m} value={m}>
                    {f.month(m)}
                  </option>
                ))}
              </select>
            </Labelled>
            <Labelled id="tool-fillCategory" label={t(records_budgets_tools_category)} error={errors.fillCategory}>
              <select id="tool-fillCategory" name="fillCategory" className={control} aria-invalid={invalid("fillCategory")}>
                <option value="all">{t(records_budgets_allCategories)}</option>
                {SPEND_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(SPEND_CATEGORY_KEYS[c].label)}
                  </option>
                ))}
              </select>
            </Labelled>
          </div>
          <p className="text-xs text-slate-500">{t(records_budgets_tools_fillHint)}</p>
          <SubmitButton intent="fillRight" variant="secondary" pendingText={t(records_budgets_tools_fillAction)}>
            {t(records_budgets_tools_fillAction)}
          </SubmitButton>
        </div>
      </div>
    </fieldset>
  );
}
