import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "~/models/audit.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Capital Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:audit");
  const beforeId = new URL(request.url).searchParams.get("before") ?? "";
  const entries = await listAuditEntries(ctx, { beforeId: /^[0-9a-f-]{36}$/i.test(beforeId) ? beforeId : undefined });
  return json({ entries, hasMore: entries.length === AUDIT_PAGE_SIZE });
}

export default function AuditLog() {
  const { entries, hasMore } = useLoaderData<typeof loader>();
  const location = useLocation();
  const last = entries.at(-1);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change: who, when, what, before and after. Newest first."
        actions={
          <a className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold" href={`${location.pathname}.csv`} download>
            Export CSV
          </a>
        }
      />
      <Card>
        {entries.length === 0 ? (
          <EmptyState title="No changes recorded yet" />
        ) : (
          <TableScroller>
            <table className="min-w-full text-sm">
              <thead>
                <tr className="border-b text-left text-slate-600">
                  <th className="py-2 pr-4 font-medium">When (UTC)</th>
                  <th className="py-2 pr-4 font-medium">Action</th>
                  <th className="py-2 pr-4 font-medium">Before</th>
                  <th className="py-2 font-medium">After</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} className="border-b align-top last:border-0">
                    <td className="whitespace-nowrap py-2 pr-4">{new Date(e.at).toISOString().replace("T", " ").slice(0, 19)}</td>
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
            Older entries
          </Link>
        ) : null}
      </Card>
    </>
  );
}
