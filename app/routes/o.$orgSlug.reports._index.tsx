import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { notFound } from "~/lib/http.server";
import { formatMoney } from "~/lib/money";
import { listMonthlyReports } from "~/models/monthly-report.server";
import { Pager } from "~/components/ui/pager";

export const meta: MetaFunction = () => [{ title: "Monthly reports · Capital Desk" }];

const DEFINITIONS = {
  cash: "Cash at month end.",
  revenue: "Revenue recognised in the month.",
  grossBurn: "Gross burn = sum of the seven operating spend categories in the month (excludes debt interest and principal).",
  netBurn: "Net burn = gross burn − revenue; positive means the company is burning cash.",
  headcount: "People at month end.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "startup") notFound();
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
  const pageLink = (page: number) => `${base}?page=${page}${list.sort === "oldest" ? "&sort=oldest" : ""}`;
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <>
      <PageHeader
        title="Monthly reports"
        description={`One report per calendar month: cash, revenue, spend by category, headcount. Amounts in ${currency}.`}
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            <a className="rounded-md border border-slate-300 px-3 py-2" href={`/o/${slug}/reports.csv`} download>
              Export CSV
            </a>
            {canEdit ? (
              <Link className="rounded-md border border-slate-300 px-3 py-2" to={`${base}/import`}>
                Import CSV
              </Link>
            ) : null}
            {canEdit ? (
              <Link className="rounded-md bg-indigo-600 px-3 py-2 font-semibold text-white" to={`${base}/new`}>
                Enter a month
              </Link>
            ) : null}
          </div>
        }
      />
      <Card>
        {list.total === 0 ? (
          <EmptyState title="No monthly reports yet">
            {canEdit ? (
              <Link className="text-indigo-700 underline" to={`${base}/new`}>
                Enter your first month
              </Link>
            ) : (
              "Nobody has entered a month yet."
            )}
          </EmptyState>
        ) : (
          <>
            <TableScroller>
              <table className="min-w-full text-sm">
                <caption className="sr-only">Monthly reports, {list.sort === "newest" ? "newest" : "oldest"} first</caption>
                <thead>
                  <tr className="border-b text-left text-slate-600">
                    <th scope="col" className="py-2 pr-4 font-medium">
                      <Link
                        to={`${base}?sort=${list.sort === "newest" ? "oldest" : "newest"}`}
                        className="underline"
                        aria-label={`Month, sorted ${list.sort} first; change order`}
                      >
                        Month {list.sort === "newest" ? "↓" : "↑"}
                      </Link>
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium" title={DEFINITIONS.cash}>Cash</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium" title={DEFINITIONS.revenue}>Revenue</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium" title={DEFINITIONS.grossBurn}>Gross burn</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium" title={DEFINITIONS.netBurn}>Net burn</th>
                    <th scope="col" className="py-2 text-right font-medium" title={DEFINITIONS.headcount}>Headcount</th>
                  </tr>
                </thead>
                <tbody>
                  {list.reports.map((r) => (
                    <tr key={r.month} className="border-b last:border-0" data-testid="report-row">
                      <td className="py-2 pr-4">
                        <Link className="text-indigo-700 underline" to={`${base}/${r.month}`}>
                          {r.month}
                        </Link>
                      </td>
                      <td className="py-2 pr-4 text-right tabular-nums">{money(r.cash)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{money(r.revenue)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{money(r.grossBurn)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{money(r.netBurn)}</td>
                      <td className="py-2 text-right tabular-nums">{r.headcount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
            <ul className="mt-4 grid gap-1 text-xs text-slate-600 sm:grid-cols-2" aria-label="Definitions">
              {Object.entries(DEFINITIONS).map(([key, text]) => (
                <li key={key}>{text}</li>
              ))}
            </ul>
            <Pager page={list.page} pageCount={list.pageCount} href={pageLink} summary={`${list.total} months`} />
          </>
        )}
      </Card>
    </>
  );
}
