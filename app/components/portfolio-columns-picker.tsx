import { Form, useLocation } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/form";
import { PORTFOLIO_COLUMN_LABELS, PORTFOLIO_COLUMNS, type PortfolioColumn } from "~/domain/portfolio-columns";
import { useT } from "~/i18n";
import { investor_columns_apply } from "~/paraglide/messages/investor_columns_apply.js";
import { investor_columns_button } from "~/paraglide/messages/investor_columns_button.js";
import { investor_columns_legend } from "~/paraglide/messages/investor_columns_legend.js";
import { investor_columns_reset } from "~/paraglide/messages/investor_columns_reset.js";

/**
 * "Columns": which of the portfolio table's optional columns to show (issue #15 item 20). A
 * disclosure with a plain form post (works without JavaScript); the page's action remembers
 * the choice in a cookie and comes back to the same page, filters and sort kept.
 */
export function PortfolioColumnsPicker({ columns }: { columns: readonly PortfolioColumn[] }) {
  const t = useT();
  const location = useLocation();
  return (
    <details className="relative text-sm" data-testid="columns-picker">
      <summary className="cursor-pointer rounded-md border border-slate-300 px-3 py-1 font-semibold text-slate-800 hover:bg-slate-50">
        {t(investor_columns_button)}
      </summary>
      <Form method="post" className="absolute right-0 z-30 mt-2 w-72 space-y-3 rounded-md border border-slate-200 bg-white p-4 shadow-lg">
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <fieldset>
          <legend className="text-xs text-slate-600">{t(investor_columns_legend)}</legend>
          <div className="mt-2 grid gap-1">
            {PORTFOLIO_COLUMNS.map((column) => (
              <label key={column} className="flex items-center gap-2">
                <input type="checkbox" name="columns" value={column} defaultChecked={columns.includes(column)} />
                {t(PORTFOLIO_COLUMN_LABELS[column])}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <SubmitButton intent="columns">{t(investor_columns_apply)}</SubmitButton>
          <SubmitButton intent="columns-default" variant="secondary">
            {t(investor_columns_reset)}
          </SubmitButton>
        </div>
      </Form>
    </details>
  );
}
