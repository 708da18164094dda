import type { Translator } from "~/i18n";
import { runwayNumber } from "~/i18n/display";
import { investor_runway_months } from "~/paraglide/messages/investor_runway_months.js";
import { investor_runway_notBurning } from "~/paraglide/messages/investor_runway_notburning1.js";

// Its own module, not portfolio-table.tsx: the fund's home page shows runways too, and importing
// them from the table pulled the table's column messages into that page's JavaScript.

/** Runway months as the finance module rounds them (one decimal): "9.2 months" / "9.2 个月", or "Not burning". */
export function runwayMonthsText(t: Translator, months: number | null): string {
  if (months === null) return t(investor_runway_notBurning);
  return t(investor_runway_months, { months: runwayNumber(t.locale, months) });
}
