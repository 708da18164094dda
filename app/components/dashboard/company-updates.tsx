import { TextLink } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/layout";
import { useT, type PlainKey } from "~/i18n";
import { monthText } from "~/lib/format";
import type { ReportUpdatePage } from "~/models/report-update.server";

const PARTS: readonly { key: "highlights" | "lowlights" | "asks"; label: PlainKey }[] = [
  { key: "highlights", label: "dashboard.updates.highlights" },
  { key: "lowlights", label: "dashboard.updates.lowlights" },
  { key: "asks", label: "dashboard.updates.asks" },
];

/** A company's monthly investor updates, newest month first; `pageLink(n)` keeps the rest of the URL. */
export function CompanyUpdatesCard({ list, pageLink }: { list: ReportUpdatePage; pageLink: (page: number) => string }) {
  const t = useT();
  return (
    <Card title={t("dashboard.updates.title")}>
      {list.total === 0 ? (
        <EmptyState title={t("dashboard.updates.none")}>
          <p>{t("dashboard.updates.noneBody")}</p>
        </EmptyState>
      ) : (
        <>
          <ol className="space-y-4" aria-label={t("dashboard.updates.list")}>
            {list.updates.map((u) => (
              <li key={u.month} className="border-b border-slate-100 pb-4 last:border-0" data-testid="company-update">
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
          {list.pageCount > 1 ? (
            <nav aria-label={t("dashboard.updates.pages")} className="mt-4 flex items-center gap-4 text-sm">
              {list.page > 1 ? (
                <TextLink to={pageLink(list.page - 1)}>
                  {t("dashboard.updates.newer")}
                </TextLink>
              ) : null}
              <span>{t("dashboard.updates.pageOf", { page: list.page, pages: list.pageCount, months: t("common.unit.months", { count: list.total }) })}</span>
              {list.page < list.pageCount ? (
                <TextLink to={pageLink(list.page + 1)}>
                  {t("dashboard.updates.older")}
                </TextLink>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </Card>
  );
}
