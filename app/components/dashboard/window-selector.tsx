import { Link } from "@remix-run/react";
import { plural } from "~/lib/format";

/** The same choices parseDashboardWindow accepts (a .server module's values do not reach the browser). */
export const WINDOWS = [1, 3, 6] as const;

/** Switches the burn window by link (`<path>?window=w`), so it works before hydration too. */
export function WindowSelector({ path, window }: { path: string; window: number }) {
  return (
    <nav aria-label="Burn window" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600" id="window-label">
        Average burn over
      </span>
      <ul className="flex overflow-hidden rounded-md border border-slate-300" aria-labelledby="window-label">
        {WINDOWS.map((w) => (
          <li key={w}>
            <Link
              to={`${path}?window=${w}`}
              aria-current={w === window ? "true" : undefined}
              className={`block whitespace-nowrap px-3 py-1 ${w === window ? "bg-indigo-600 font-semibold text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {plural(w, "month")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
