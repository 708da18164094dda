import "~/page-kit";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { Button, TextLink } from "~/components/ui/button";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { UpdateStatusBadge } from "~/components/update-status";
import { Pager } from "~/components/ui/pager";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { useHrefWith } from "~/components/use-href-with";
import { metaTitle, useFormat, useT } from "~/i18n";
import { listUpdateFeed, listUpdates } from "~/models/investor-update.server";
import { updates_col_company } from "~/paraglide/messages/updates_col_company.js";
import { updates_col_date } from "~/paraglide/messages/updates_col_date.js";
import { updates_col_month } from "~/paraglide/messages/updates_col_month.js";
import { updates_col_opens } from "~/paraglide/messages/updates_col_opens.js";
import { updates_col_status } from "~/paraglide/messages/updates_col_status.js";
import { updates_col_title } from "~/paraglide/messages/updates_col_title.js";
import { updates_feed_empty } from "~/paraglide/messages/updates_feed_empty.js";
import { updates_feed_search } from "~/paraglide/messages/updates_feed_search.js";
import { updates_feed_searchButton } from "~/paraglide/messages/updates_feed_searchbutton1.js";
import { updates_feed_title } from "~/paraglide/messages/updates_feed_title.js";
import { updates_list_empty } from "~/paraglide/messages/updates_list_empty.js";
import { updates_list_new } from "~/paraglide/messages/updates_list_new.js";
import { updates_list_title } from "~/paraglide/messages/updates_list_title.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  metaTitle(matches, data?.kind === "investor" ? updates_feed_title : updates_list_title),
];

/** A startup's updates (drafts, scheduled, sent), or an investor's feed across its portfolio. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:org");
  const url = new URL(request.url);
  const page = Number(url.searchParams.get("page") ?? 1);
  if (ctx.org.kind === "investor") {
    const feed = await listUpdateFeed(ctx, { q: url.searchParams.get("q") ?? "", page });
    return json({ kind: "investor" as const, slug: ctx.org.slug, feed, list: null, canEdit: false });
  }
  const list = await listUpdates(ctx, { page });
  return json({ kind: "startup" as const, slug: ctx.org.slug, feed: null, list, canEdit: can(ctx.role, "edit:records") });
}

export default function UpdatesIndex() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const f = useFormat();
  const hrefWith = useHrefWith();
  const base = `/o/${data.slug}/updates`;
  if (data.feed) {
    const { feed } = data;
    return (
      <>
        <PageHeader title={t(updates_feed_title)} />
        <Card>
          <Form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
            <label className="text-sm">
              <span className="block font-medium text-slate-700">{t(updates_feed_search)}</span>
              <input type="search" name="q" defaultValue={feed.q} className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm" />
            </label>
            <Button type="submit" variant="secondary">
              {t(updates_feed_searchButton)}
            </Button>
          </Form>
          {feed.updates.length === 0 ? (
            <EmptyState title={t(updates_feed_empty)} />
          ) : (
            <Table caption={t(updates_feed_title)}>
              <ColumnHeads heads={[t(updates_col_date), t(updates_col_company), t(updates_col_title), t(updates_col_month)]} />
              <tbody>
                {feed.updates.map((u) => (
                  <Tr key={u.id}>
                    <Td nowrap>{f.dateCell(u.sentAt)}</Td>
                    <Td>{u.company.name}</Td>
                    <Td>
                      <Link to={`${base}/${u.id}`} className="font-medium text-indigo-700 hover:underline">
                        {u.title}
                      </Link>
                    </Td>
                    <Td last nowrap>
                      {f.monthCell(u.month)}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
          <Pager page={feed.page} pageCount={feed.pageCount} href={(p) => hrefWith({ page: String(p) })} />
        </Card>
      </>
    );
  }
  const list = data.list;
  if (!list) return null;
  return (
    <>
      <PageHeader title={t(updates_list_title)} actions={data.canEdit ? <TextLink to={`${base}/new`}>{t(updates_list_new)}</TextLink> : undefined} />
      <Card>
        {list.updates.length === 0 ? (
          <EmptyState title={t(updates_list_empty)} />
        ) : (
          <Table caption={t(updates_list_title)}>
            <ColumnHeads
              heads={[t(updates_col_title), t(updates_col_month), t(updates_col_status), t(updates_col_date), { label: t(updates_col_opens), numeric: true }]}
            />
            <tbody>
              {list.updates.map((u) => (
                <Tr key={u.id}>
                  <Td>
                    <Link to={`${base}/${u.id}`} className="font-medium text-indigo-700 hover:underline">
                      {u.title}
                    </Link>
                  </Td>
                  <Td nowrap>{f.monthCell(u.month)}</Td>
                  <Td>
                    <UpdateStatusBadge status={u.status} />
                  </Td>
                  <Td nowrap>{f.dateTime(u.sentAt ?? u.scheduledAt ?? u.createdAt)}</Td>
                  <Td numeric last>
                    {u.status === "sent" ? f.number(u.opens) : "—"}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pager page={list.page} pageCount={list.pageCount} href={(p) => hrefWith({ page: String(p) })} />
      </Card>
    </>
  );
}
