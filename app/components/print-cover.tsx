import { useRouteLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { common_print_chartFigures } from "~/paraglide/messages/common_print_chartfigures1.js";
import { common_print_cover } from "~/paraglide/messages/common_print_cover.js";
import { common_print_coverShared } from "~/paraglide/messages/common_print_covershared1.js";
import { common_print_noMonth } from "~/paraglide/messages/common_print_nomonth1.js";

/*
 * The first line on paper (docs/printing.md): who printed which report, for which org, as of
 * which month. Hidden on screen, where the page header already says all of it; on paper the
 * header and navigation are gone and a sheet must still say what it is when it is passed on.
 */

function CoverLine({ text, charts }: { text: string; charts: boolean }) {
  const t = useT();
  return (
    <div className="mb-3 hidden border-b border-slate-300 pb-1 text-xs text-slate-700 print:block" data-testid="print-cover">
      <p className="font-medium">{text}</p>
      {/* On paper the charts' data tables stay folded (decision 020): say where the figures are. */}
      {charts ? <p className="text-slate-500">{t(common_print_chartFigures)}</p> : null}
    </div>
  );
}

/** The org layout's loader data, read without importing the route (components import no route or model). */
function useOrgLayoutData(): { who: string; org: string } | null {
  const data = useRouteLoaderData("routes/o.$orgSlug") as { user?: { name?: unknown }; org?: { name?: unknown } } | undefined;
  const who = data?.user?.name;
  const org = data?.org?.name;
  return typeof who === "string" && typeof org === "string" ? { who, org } : null;
}

/** For a page inside an org: the signed-in person and their org come from the layout. `month` comes formatted. */
export function PrintCover({ report, month, charts = true }: { report: string; month: string | null; charts?: boolean }) {
  const t = useT();
  const layout = useOrgLayoutData();
  if (!layout) return null;
  return <CoverLine text={t(common_print_cover, { who: layout.who, org: layout.org, report, month: month ?? t(common_print_noMonth) })} charts={charts} />;
}

/** For a partner's share-link report: a partner has no account, so the line names the org that shared it. */
export function SharedPrintCover({ report, issuer, month, charts = true }: { report: string; issuer: string; month: string | null; charts?: boolean }) {
  const t = useT();
  return <CoverLine text={t(common_print_coverShared, { report, org: issuer, month: month ?? t(common_print_noMonth) })} charts={charts} />;
}
