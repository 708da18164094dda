import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { requireOrgContext } from "~/auth/tenant.server";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { metaTitle, useFormat, useT } from "~/i18n";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "~/models/audit.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

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
          <Table>
            <TableHead>
              <Th>{t("admin.audit.col.when")}</Th>
              <Th>{t("deletion.audit.who")}</Th>
              <Th>{t("admin.audit.col.action")}</Th>
              <Th>{t("admin.audit.col.before")}</Th>
              <Th last>{t("admin.audit.col.after")}</Th>
            </TableHead>
            <tbody>
              {entries.map((e) => (
                <Tr key={e.id} top>
                  <Td nowrap>
                    {/* The exact instant stays in dateTime (the CSV export has it to the microsecond). */}
                    <time dateTime={new Date(e.at).toISOString()}>{f.dateTime(e.at)}</time>
                  </Td>
                  <Td>{e.actorName ?? <span className="text-slate-500">{t("deletion.audit.formerMember")}</span>}</Td>
                  <Td>{e.action}</Td>
                  <td className="max-w-xs break-all py-2 pr-4 font-mono text-xs">{e.before ? JSON.stringify(e.before) : "—"}</td>
                  <td className="max-w-xs break-all py-2 font-mono text-xs">{e.after ? JSON.stringify(e.after) : "—"}</td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
        {hasMore && last ? (
          <TextLink className="mt-4 inline-block" to={`${location.pathname}?before=${last.id}`}>
            {t("admin.audit.older")}
          </TextLink>
        ) : null}
      </Card>
    </>
  );
}
