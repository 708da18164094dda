import { Link } from "@remix-run/react";
import { useT } from "~/i18n";
import { common_unit_months } from "~/paraglide/messages/common_unit_months.js";
import { dashboard_window_averageOver } from "~/paraglide/messages/dashboard_window_averageover1.js";
import { dashboard_window_label } from "~/paraglide/messages/dashboard_window_label.js";

/** The same choices parseDashboardWindow accepts (a .server module's values do not reach the browser). */
export const WINDOWS = [1, 3, 6] as const;

/** Switches the burn window by link (`<path>?window=w`), so it works before hydration too. */
export function WindowSelector({ path, window }: { path: string; window: number }) {
  const t = useT();
  return (
    <nav aria-label={t(dashboard_window_label)} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600" id="window-label">
        {t(dashboard_window_averageOver)}
      </span>
      <ul className="flex overflow-hidden rounded-md border border-slate-300" aria-labelledby="window-label">
        {WINDOWS.map((w) => (
          <li key={w}>
            <Link
              to={`${path}?window=${w}`}
              aria-current={w === window ? "true" : undefined}
              className={`block whitespace-nowrap px-3 py-1 ${w === window ? "bg-indigo-600 font-semibold text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {t(common_unit_months, { count: w })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
