import { Link } from "@remix-run/react";
import { Card, EmptyState } from "~/components/ui/layout";
import type { ReportUpdatePage } from "~/models/report-update.server";

const PARTS = [
  { key: "highlights", label: "Highlights" },
  { key: "lowlights", label: "Lowlights" },
  { key: "asks", label: "Asks" },
] as const;

/** A company's monthly investor updates, newest month first; `pageLink(n)` keeps the rest of the URL. */
export function CompanyUpdatesCard({ list, pageLink }: { list: ReportUpdatePage; pageLink: (page: number) => string }) {
  return (
    <Card title="Investor updates">
      {list.total === 0 ? (
        <EmptyState title="No updates yet">
          <p>The company has not written highlights, lowlights or asks with any monthly report.</p>
        </EmptyState>
      ) : (
        <>
          <ol className="space-y-4" aria-label="Updates, newest month first">
            {list.updates.map((u) => (
              <li key={u.month} className="border-b border-slate-100 pb-4 last:border-0" data-testid="company-update">
                <h3 className="font-semibold">{u.month}</h3>
                <dl className="mt-1 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
                  {PARTS.filter((p) => u[p.key]).map((p) => (
                    <div key={p.key} className="contents">
                      <dt className="font-medium text-slate-600">{p.label}</dt>
                      <dd className="whitespace-pre-line">{u[p.key]}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
          {list.pageCount > 1 ? (
            <nav aria-label="Update pages" className="mt-4 flex items-center gap-4 text-sm">
              {list.page > 1 ? (
                <Link className="text-indigo-700 underline" to={pageLink(list.page - 1)}>
                  Newer updates
                </Link>
              ) : null}
              <span>{`Page ${list.page} of ${list.pageCount} (${list.total} months)`}</span>
              {list.page < list.pageCount ? (
                <Link className="text-indigo-700 underline" to={pageLink(list.page + 1)}>
                  Older updates
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </Card>
  );
}
