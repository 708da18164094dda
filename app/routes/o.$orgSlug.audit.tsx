import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { metaTitle, useFormat, useT } from "~/i18n";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "~/models/audit.server";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "admin.audit.metaTitle")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:audit");
  const beforeId = new URL(request.url).searchParams.get("before") ?? "";
  const entries = await listAuditEntries(ctx, { beforeId: /^[0-9a-f-]{36}$/i.test(beforeId) ? beforeId : undefined });
  return json({ entries, hasMore: entries.length === AUDIT_PAGE_SIZE });
}

export default function AuditLog() {
  const { entries, hasMore } = useLoaderData<typeof loader>();
  const location = useLocation();
  const t = useT();
  const f = useFormat();
  const last = entries.at(-1);
  return (
    <>
      <PageHeader
        title={t("admin.audit.title")}
        description={t("admin.audit.description")}
        actions={
          <a className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold" href={`${location.pathname}.csv`} download>
            {t("common.action.exportCsv")}
          </a>
        }
      />
      <Card>
        {entries.length === 0 ? (
          <EmptyState title={t("admin.audit.empty")} />
        ) : (
          <TableScroller>
            <table className="min-w-full text-sm">
              <thead>
                <tr className="border-b text-left text-slate-600">
                  <th className="py-2 pr-4 font-medium">{t("admin.audit.col.when")}</th>
                  <th className="py-2 pr-4 font-medium">{t("deletion.audit.who")}</th>
                  <th className="py-2 pr-4 font-medium">{t("admin.audit.col.action")}</th>
                  <th className="py-2 pr-4 font-medium">{t("admin.audit.col.before")}</th>
                  <th className="py-2 font-medium">{t("admin.audit.col.after")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} className="border-b align-top last:border-0">
                    <td className="whitespace-nowrap py-2 pr-4">
                      {/* The exact instant stays in dateTime (the CSV export has it to the microsecond). */}
                      <time dateTime={new Date(e.at).toISOString()}>{f.dateTime(e.at)}</time>
                    </td>
                    <td className="py-2 pr-4">{e.actorName ?? <span className="text-slate-500">{t("deletion.audit.formerMember")}</span>}</td>
                    <td className="py-2 pr-4">{e.action}</td>
                    <td className="max-w-xs break-all py-2 pr-4 font-mono text-xs">{e.before ? JSON.stringify(e.before) : "—"}</td>
                    <td className="max-w-xs break-all py-2 font-mono text-xs">{e.after ? JSON.stringify(e.after) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        )}
        {hasMore && last ? (
          <Link className="mt-4 inline-block text-indigo-700 underline" to={`${location.pathname}?before=${last.id}`}>
            {t("admin.audit.older")}
          </Link>
        ) : null}
      </Card>
    </>
  );
}
