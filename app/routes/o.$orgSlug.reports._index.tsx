import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { metaTitle, useFormat, useT, type PlainKey } from "~/i18n";
import { listMonthlyReports } from "~/models/monthly-report.server";
import { Pager } from "~/components/ui/pager";
import { SortHeader } from "~/components/ui/sort-header";
import { useHrefWith } from "~/lib/use-href-with";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "records.reports.title")];

const DEFINITIONS = {
  cash: "records.reports.def.cash",
  revenue: "records.reports.def.revenue",
  grossBurn: "records.reports.def.grossBurn",
  netBurn: "records.reports.def.netBurn",
  headcount: "records.reports.def.headcount",
} satisfies Record<string, PlainKey>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const url = new URL(request.url);
  const list = await listMonthlyReports(ctx, {
    page: Number(url.searchParams.get("page") ?? "1"),
    sort: url.searchParams.get("sort") === "oldest" ? "oldest" : "newest",
  });
  return json({ list, currency: ctx.org.baseCurrency, canEdit: can(ctx.role, "edit:records"), slug: ctx.org.slug });
}

export default function MonthlyReports() {
  const { list, currency, canEdit, slug } = useLoaderData<typeof loader>();
  const base = `/o/${slug}/reports`;
  const hrefWith = useHrefWith();
  // Newest first unless the URL says otherwise; the month header turns the order round.
  const sortParam = list.sort === "oldest" ? "oldest" : null;
  const pageLink = (page: number) => hrefWith({ sort: sortParam, page: String(page) });
  const t = useT();
  const f = useFormat();
  const money = (minor: number) => f.money(minor, currency);
  return (
    <>
      <PageHeader
        title={t("records.reports.title")}
        description={t("records.reports.description", { currency })}
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            <a className="rounded-md border border-slate-300 px-3 py-2" href={`/o/${slug}/reports.csv`} download>
              {t("common.action.exportCsv")}
            </a>
            {canEdit ? (
              <Link className="rounded-md border border-slate-300 px-3 py-2" to={`${base}/import`}>
                {t("records.action.importCsv")}
              </Link>
            ) : null}
            {canEdit ? (
              <Link className="rounded-md bg-indigo-600 px-3 py-2 font-semibold text-white" to={`${base}/new`}>
                {t("records.reports.enterMonth")}
              </Link>
            ) : null}
          </div>
        }
      />
      <Card>
        {list.total === 0 ? (
          <EmptyState title={t("records.reports.emptyTitle")}>
            {canEdit ? (
              <TextLink to={`${base}/new`}>
                {t("records.reports.enterFirst")}
              </TextLink>
            ) : (
              t("records.reports.emptyViewer")
            )}
          </EmptyState>
        ) : (
          <>
            <Table caption={list.sort === "newest" ? t("records.reports.captionNewest") : t("records.reports.captionOldest")}>
              <TableHead>
                <SortHeader
                  label={t("records.col.month")}
                  sorted={list.sort === "newest" ? "desc" : "asc"}
                  href={hrefWith({ sort: list.sort === "newest" ? "oldest" : null })}
                />
                <Th numeric title={t(DEFINITIONS.cash)}>{t("records.col.cash")}</Th>
                <Th numeric title={t(DEFINITIONS.revenue)}>{t("records.col.revenue")}</Th>
                <Th numeric title={t(DEFINITIONS.grossBurn)}>{t("records.col.grossBurn")}</Th>
                <Th numeric title={t(DEFINITIONS.netBurn)}>{t("records.col.netBurn")}</Th>
                <Th numeric last title={t(DEFINITIONS.headcount)}>{t("records.col.headcount")}</Th>
              </TableHead>
              <tbody>
                {list.reports.map((r) => (
                  <Tr key={r.month} data-testid="report-row">
                    <Td>
                      <TextLink to={`${base}/${r.month}`}>
                        {r.month}
                      </TextLink>
                    </Td>
                    <Td numeric>{money(r.cash)}</Td>
                    <Td numeric>{money(r.revenue)}</Td>
                    <Td numeric>{money(r.grossBurn)}</Td>
                    <Td numeric>{money(r.netBurn)}</Td>
                    <Td numeric last>{f.number(r.headcount)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <ul className="mt-4 grid gap-1 text-xs text-slate-600 sm:grid-cols-2" aria-label={t("records.reports.definitions")}>
              {Object.entries(DEFINITIONS).map(([key, text]) => (
                <li key={key}>{t(text)}</li>
              ))}
            </ul>
            <Pager page={list.page} pageCount={list.pageCount} href={pageLink} summary={t("common.unit.months", { count: list.total })} />
          </>
        )}
      </Card>
    </>
  );
}
