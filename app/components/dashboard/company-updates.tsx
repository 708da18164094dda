import { TextLink } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/layout";
import { useT, type PlainKey } from "~/i18n";
import { monthText } from "~/i18n/display";
import type { ReportUpdatePage } from "~/views/report-updates";
import { common_unit_months } from "~/paraglide/messages/common_unit_months.js";
import { dashboard_updates_asks } from "~/paraglide/messages/dashboard_updates_asks.js";
import { dashboard_updates_highlights } from "~/paraglide/messages/dashboard_updates_highlights.js";
import { dashboard_updates_list } from "~/paraglide/messages/dashboard_updates_list.js";
import { dashboard_updates_lowlights } from "~/paraglide/messages/dashboard_updates_lowlights.js";
import { dashboard_updates_newer } from "~/paraglide/messages/dashboard_updates_newer.js";
import { dashboard_updates_none } from "~/paraglide/messages/dashboard_updates_none.js";
import { dashboard_updates_noneBody } from "~/paraglide/messages/dashboard_updates_nonebody1.js";
import { dashboard_updates_older } from "~/paraglide/messages/dashboard_updates_older.js";
import { dashboard_updates_pageOf } from "~/paraglide/messages/dashboard_updates_pageof1.js";
import { dashboard_updates_pages } from "~/paraglide/messages/dashboard_updates_pages.js";
import { dashboard_updates_title } from "~/paraglide/messages/dashboard_updates_title.js";
import { dashboard_updates_printedLatest } from "~/paraglide/messages/dashboard_updates_printedlatest1.js";

const PARTS: readonly { key: "highlights" | "lowlights" | "asks"; label: PlainKey }[] = [
  { key: "highlights", label: dashboard_updates_highlights },
  { key: "lowlights", label: dashboard_updates_lowlights },
  { key: "asks", label: dashboard_updates_asks },
];

/** On paper only the newest months print (the page limits of decision 020); the note says so. */
const PRINTED_MONTHS = 4;

/** A company's monthly investor updates, newest month first; `pageLink(n)` keeps the rest of the URL. */
export function CompanyUpdatesCard({ list, pageLink }: { list: ReportUpdatePage; pageLink: (page: number) => string }) {
  const t = useT();
  return (
    <Card title={t(dashboard_updates_title)}>
      {list.total === 0 ? (
        <EmptyState title={t(dashboard_updates_none)} body={t(dashboard_updates_noneBody)} />
      ) : (
        <>
          <ol className="space-y-4" aria-label={t(dashboard_updates_list)}>
            {list.updates.map((u, i) => (
              <li
                key={u.month}
                className={`border-b border-slate-100 pb-4 last:border-0 ${i >= PRINTED_MONTHS ? "print:hidden" : ""}`}
                data-testid="company-update"
              >
                <h3 className="font-semibold">{monthText(t, u.month)}</h3>
                <dl className="mt-1 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
                  {PARTS.filter((p) => u[p.key]).map((p) => (
                    <div key={p.key} className="contents">
                      <dt className="font-medium text-slate-600">{t(p.label)}</dt>
                      <dd className="whitespace-pre-line">{u[p.key]}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
          {list.updates.length > PRINTED_MONTHS ? (
            <p className="hidden text-xs text-slate-600 print:block">{t(dashboard_updates_printedLatest, { shown: PRINTED_MONTHS, total: list.total })}</p>
          ) : null}
          {list.pageCount > 1 ? (
            <nav aria-label={t(dashboard_updates_pages)} className="mt-4 flex items-center gap-4 text-sm">
              {list.page > 1 ? <TextLink to={pageLink(list.page - 1)}>{t(dashboard_updates_newer)}</TextLink> : null}
              <span>{t(dashboard_updates_pageOf, { page: list.page, pages: list.pageCount, months: t(common_unit_months, { count: list.total }) })}</span>
              {list.page < list.pageCount ? <TextLink to={pageLink(list.page + 1)}>{t(dashboard_updates_older)}</TextLink> : null}
            </nav>
          ) : null}
        </>
      )}
    </Card>
  );
}
