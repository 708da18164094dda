import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { requireOrgContext } from "~/auth/tenant.server";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { metaTitle, useFormat, useT } from "~/i18n";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "~/models/audit.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { admin_audit_col_action } from "~/paraglide/messages/admin_audit_col_action.js";
import { admin_audit_col_after } from "~/paraglide/messages/admin_audit_col_after.js";
import { admin_audit_col_before } from "~/paraglide/messages/admin_audit_col_before.js";
import { admin_audit_col_when } from "~/paraglide/messages/admin_audit_col_when.js";
import { admin_audit_description } from "~/paraglide/messages/admin_audit_description.js";
import { admin_audit_empty } from "~/paraglide/messages/admin_audit_empty.js";
import { admin_audit_metaTitle } from "~/paraglide/messages/admin_audit_metatitle1.js";
import { admin_audit_older } from "~/paraglide/messages/admin_audit_older.js";
import { admin_audit_title } from "~/paraglide/messages/admin_audit_title.js";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { deletion_audit_formerMember } from "~/paraglide/messages/deletion_audit_formermember1.js";
import { deletion_audit_who } from "~/paraglide/messages/deletion_audit_who.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, admin_audit_metaTitle)];

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
        title={t(admin_audit_title)}
        description={t(admin_audit_description)}
        actions={
          <a className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold" href={`${location.pathname}.csv`} download>
            {t(common_action_exportCsv)}
          </a>
        }
      />
      <Card>
        {entries.length === 0 ? (
          <EmptyState title={t(admin_audit_empty)} />
        ) : (
          <Table>
            <TableHead>
              <Th>{t(admin_audit_col_when)}</Th>
              <Th>{t(deletion_audit_who)}</Th>
              <Th>{t(admin_audit_col_action)}</Th>
              <Th>{t(admin_audit_col_before)}</Th>
              <Th last>{t(admin_audit_col_after)}</Th>
            </TableHead>
            <tbody>
              {entries.map((e) => (
                <Tr key={e.id} top>
                  <Td nowrap>
                    {/* The exact instant stays in dateTime (the CSV export has it to the microsecond). */}
                    <time dateTime={new Date(e.at).toISOString()}>{f.dateTime(e.at)}</time>
                  </Td>
                  <Td>{e.actorName ?? <span className="text-slate-500">{t(deletion_audit_formerMember)}</span>}</Td>
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
            {t(admin_audit_older)}
          </TextLink>
        ) : null}
      </Card>
    </>
  );
}
