import "~/page-kit";
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
import { useHrefWith } from "~/components/use-href-with";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { common_unit_months } from "~/paraglide/messages/common_unit_months.js";
import { records_action_importCsv } from "~/paraglide/messages/records_action_importcsv1.js";
import { records_col_cash } from "~/paraglide/messages/records_col_cash.js";
import { records_col_grossBurn } from "~/paraglide/messages/records_col_grossburn1.js";
import { records_col_headcount } from "~/paraglide/messages/records_col_headcount.js";
import { records_col_month } from "~/paraglide/messages/records_col_month.js";
import { records_col_netBurn } from "~/paraglide/messages/records_col_netburn1.js";
import { records_col_revenue } from "~/paraglide/messages/records_col_revenue.js";
import { records_reports_captionNewest } from "~/paraglide/messages/records_reports_captionnewest1.js";
import { records_reports_captionOldest } from "~/paraglide/messages/records_reports_captionoldest1.js";
import { records_reports_def_cash } from "~/paraglide/messages/records_reports_def_cash.js";
import { records_reports_def_grossBurn } from "~/paraglide/messages/records_reports_def_grossburn1.js";
import { records_reports_def_headcount } from "~/paraglide/messages/records_reports_def_headcount.js";
import { records_reports_def_netBurn } from "~/paraglide/messages/records_reports_def_netburn1.js";
import { records_reports_def_revenue } from "~/paraglide/messages/records_reports_def_revenue.js";
import { records_reports_definitions } from "~/paraglide/messages/records_reports_definitions.js";
import { records_reports_description } from "~/paraglide/messages/records_reports_description.js";
import { records_reports_emptyTitle } from "~/paraglide/messages/records_reports_emptytitle1.js";
import { records_reports_emptyViewer } from "~/paraglide/messages/records_reports_emptyviewer1.js";
import { records_reports_enterFirst } from "~/paraglide/messages/records_reports_enterfirst1.js";
import { records_reports_enterMonth } from "~/paraglide/messages/records_reports_entermonth1.js";
import { records_reports_title } from "~/paraglide/messages/records_reports_title.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_reports_title)];

/** The list's figure columns, in order: each header's label and the definition its hint gives (also listed under the table). */
const FIGURES = {
  cash: [records_col_cash, records_reports_def_cash],
  revenue: [records_col_revenue, records_reports_def_revenue],
  grossBurn: [records_col_grossBurn, records_reports_def_grossBurn],
  netBurn: [records_col_netBurn, records_reports_def_netBurn],
  headcount: [records_col_headcount, records_reports_def_headcount],
} satisfies Record<string, [PlainKey, PlainKey]>;

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
        title={t(records_reports_title)}
        description={t(records_reports_description, { currency })}
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            <a className="rounded-md border border-slate-300 px-3 py-2" href={`/o/${slug}/reports.csv`} download>
              {t(common_action_exportCsv)}
            </a>
            {canEdit ? (
              <Link className="rounded-md border border-slate-300 px-3 py-2" to={`${base}/import`}>
                {t(records_action_importCsv)}
              </Link>
            ) : null}
            {canEdit ? (
              <Link className="rounded-md bg-indigo-600 px-3 py-2 font-semibold text-white" to={`${base}/new`}>
                {t(records_reports_enterMonth)}
              </Link>
            ) : null}
          </div>
        }
      />
      <Card>
        {list.total === 0 ? (
          <EmptyState title={t(records_reports_emptyTitle)}>
            {canEdit ? <TextLink to={`${base}/new`}>{t(records_reports_enterFirst)}</TextLink> : t(records_reports_emptyViewer)}
          </EmptyState>
        ) : (
          <>
            <Table caption={list.sort === "newest" ? t(records_reports_captionNewest) : t(records_reports_captionOldest)}>
              <TableHead>
                <SortHeader
                  label={t(records_col_month)}
                  sorted={list.sort === "newest" ? "desc" : "asc"}
                  href={hrefWith({ sort: list.sort === "newest" ? "oldest" : null })}
                />
                {Object.entries(FIGURES).map(([figure, [label, definition]]) => (
                  <Th key={figure} numeric last={figure === "headcount"} title={t(definition)}>
                    {t(label)}
                  </Th>
                ))}
              </TableHead>
              <tbody>
                {list.reports.map((r) => (
                  <Tr key={r.month} data-testid="report-row">
                    <Td>
                      <TextLink to={`${base}/${r.month}`}>{r.month}</TextLink>
                    </Td>
                    <Td numeric>{money(r.cash)}</Td>
                    <Td numeric>{money(r.revenue)}</Td>
                    <Td numeric>{money(r.grossBurn)}</Td>
                    <Td numeric>{money(r.netBurn)}</Td>
                    <Td numeric last>
                      {f.number(r.headcount)}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <ul className="mt-4 grid gap-1 text-xs text-slate-600 sm:grid-cols-2" aria-label={t(records_reports_definitions)}>
              {Object.entries(FIGURES).map(([figure, [, definition]]) => (
                <li key={figure}>{t(definition)}</li>
              ))}
            </ul>
            <Pager page={list.page} pageCount={list.pageCount} href={pageLink} summary={t(common_unit_months, { count: list.total })} />
          </>
        )}
      </Card>
    </>
  );
}
