import "~/page-kit";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { Field, SelectField } from "~/components/ui/form";
import { ListPager } from "~/components/list-filters";
import { SortHeader } from "~/components/ui/sort-header";
import { useHrefWith } from "~/components/use-href-with";
import { metaTitle, translate, useFormat, useT } from "~/i18n";
import { renderMessages } from "~/i18n/message-ref";
import { getLocale } from "~/i18n/locale.server";
import { AUDIT_ACTIONS, auditFiltersSchema, parseAuditOrder, type AuditSortKey } from "~/domain/audit";
import { listAuditLog } from "~/models/audit.server";
import { auditActionLabel, auditTexts } from "~/server/audit-text.server";
import { parseForm } from "~/server/forms.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { admin_audit_col_action } from "~/paraglide/messages/admin_audit_col_action.js";
import { admin_audit_col_changes } from "~/paraglide/messages/admin_audit_col_changes.js";
import { admin_audit_col_what } from "~/paraglide/messages/admin_audit_col_what.js";
import { admin_audit_col_when } from "~/paraglide/messages/admin_audit_col_when.js";
import { admin_audit_description } from "~/paraglide/messages/admin_audit_description.js";
import { admin_audit_empty } from "~/paraglide/messages/admin_audit_empty.js";
import { admin_audit_entries } from "~/paraglide/messages/admin_audit_entries.js";
import { admin_audit_error_filters } from "~/paraglide/messages/admin_audit_error_filters.js";
import { admin_audit_filter_action } from "~/paraglide/messages/admin_audit_filter_action.js";
import { admin_audit_filter_any } from "~/paraglide/messages/admin_audit_filter_any.js";
import { admin_audit_filter_apply } from "~/paraglide/messages/admin_audit_filter_apply.js";
import { admin_audit_filter_clear } from "~/paraglide/messages/admin_audit_filter_clear.js";
import { admin_audit_filter_from } from "~/paraglide/messages/admin_audit_filter_from.js";
import { admin_audit_filter_person } from "~/paraglide/messages/admin_audit_filter_person.js";
import { admin_audit_filter_title } from "~/paraglide/messages/admin_audit_filter_title.js";
import { admin_audit_filter_to } from "~/paraglide/messages/admin_audit_filter_to.js";
import { admin_audit_metaTitle } from "~/paraglide/messages/admin_audit_metatitle1.js";
import { admin_audit_noMatch } from "~/paraglide/messages/admin_audit_nomatch1.js";
import { admin_audit_title } from "~/paraglide/messages/admin_audit_title.js";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { deletion_audit_formerMember } from "~/paraglide/messages/deletion_audit_formermember1.js";
import { deletion_audit_who } from "~/paraglide/messages/deletion_audit_who.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, admin_audit_metaTitle)];

const FILTER_FIELDS = ["actor", "action", "from", "to"] as const;

interface AuditRowView {
  id: string;
  /** ISO instant. */
  at: string;
  who: string | null;
  email: string | null;
  action: string;
  sentence: string;
  changes: string[];
}

interface AuditPageRows {
  people: { value: string; label: string }[];
  entries: AuditRowView[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Guard, parse the filters (a bad one answers 400 with its field error and lists nothing),
 * one model call, and the entries put into the reader's words here on the server, so the page
 * carries sentences rather than raw JSON and the catalogue of every action's wording.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:audit");
  const locale = getLocale(request);
  const search = new URL(request.url).searchParams;
  const values = Object.fromEntries(FILTER_FIELDS.map((k) => [k, search.get(k) ?? ""]));
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  const parsed = parseForm(auditFiltersSchema, form);
  const order = parseAuditOrder(search);
  const actions = AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(locale, value) }));
  const filtered = FILTER_FIELDS.some((k) => values[k] !== "");
  const page = { values, filtered, order, actions };
  if (!parsed.ok) {
    const nothing: AuditPageRows = { people: [], entries: [], total: 0, page: 1, pageCount: 1 };
    return json(
      { ...page, ...nothing, fieldErrors: renderMessages(locale, parsed.fieldErrors), formError: translate(locale, admin_audit_error_filters) },
      { status: 400 },
    );
  }
  const log = await listAuditLog(ctx, { ...parsed.data, ...order });
  const inWords = auditTexts(locale, ctx.org.baseCurrency);
  const entries: AuditRowView[] = log.entries.map((e) => {
    const words = inWords(e);
    return {
      id: e.id,
      at: new Date(e.at).toISOString(),
      who: e.actorName,
      email: e.actorEmail,
      action: words.label,
      sentence: words.sentence,
      changes: words.changes,
    };
  });
  const rows: AuditPageRows = {
    people: log.people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` })),
    entries,
    total: log.total,
    page: log.page,
    pageCount: log.pageCount,
  };
  return json({ ...page, ...rows, fieldErrors: {} as Record<string, string>, formError: null as string | null });
}

export default function AuditLog() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  const hrefWith = useHrefWith();
  const t = useT();
  const f = useFormat();
  const any = { value: "", label: t(admin_audit_filter_any) };
  const sortLink = (key: AuditSortKey) => {
    const next = data.order.sort === key ? (data.order.dir === "asc" ? "desc" : "asc") : key === "at" ? "desc" : "asc";
    return hrefWith({ sort: key, dir: next });
  };
  const sorted = (key: AuditSortKey) => (data.order.sort === key ? data.order.dir : null);
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
      <div className="space-y-6">
        <Card title={t(admin_audit_filter_title)}>
          <Form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" data-testid="audit-filters">
            <SelectField
              label={t(admin_audit_filter_person)}
              name="actor"
              defaultValue={data.values.actor}
              error={data.fieldErrors.actor}
              options={[any, ...data.people]}
            />
            <SelectField
              label={t(admin_audit_filter_action)}
              name="action"
              defaultValue={data.values.action}
              error={data.fieldErrors.action}
              options={[any, ...data.actions]}
            />
            <Field label={t(admin_audit_filter_from)} name="from" type="date" defaultValue={data.values.from} error={data.fieldErrors.from} />
            <Field label={t(admin_audit_filter_to)} name="to" type="date" defaultValue={data.values.to} error={data.fieldErrors.to} />
            <div className="flex items-center gap-3 pb-1">
              {data.order.sort !== "at" || data.order.dir !== "desc" ? (
                <>
                  <input type="hidden" name="sort" value={data.order.sort} />
                  <input type="hidden" name="dir" value={data.order.dir} />
                </>
              ) : null}
              <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
                {t(admin_audit_filter_apply)}
              </button>
              {data.filtered ? (
                <Link to={location.pathname} className="text-sm text-indigo-700 underline">
                  {t(admin_audit_filter_clear)}
                </Link>
              ) : null}
            </div>
          </Form>
          {data.formError ? (
            <p role="alert" className="mt-3 text-sm text-red-800">
              {data.formError}
            </p>
          ) : null}
        </Card>
        <Card>
          {data.entries.length === 0 ? (
            <EmptyState title={data.filtered ? t(admin_audit_noMatch) : t(admin_audit_empty)} />
          ) : (
            <Table>
              <TableHead>
                <SortHeader label={t(admin_audit_col_when)} sorted={sorted("at")} href={sortLink("at")} />
                <SortHeader label={t(deletion_audit_who)} sorted={sorted("actor")} href={sortLink("actor")} />
                <SortHeader label={t(admin_audit_col_action)} sorted={sorted("action")} href={sortLink("action")} />
                <Th>{t(admin_audit_col_what)}</Th>
                <Th last>{t(admin_audit_col_changes)}</Th>
              </TableHead>
              <tbody>
                {data.entries.map((e) => (
                  <Tr key={e.id} top data-testid="audit-row">
                    <Td nowrap>
                      {/* The exact instant stays in dateTime (the CSV export has it to the microsecond). */}
                      <time dateTime={e.at}>{f.dateTime(e.at)}</time>
                    </Td>
                    <Td>
                      {e.who ? (
                        <>
                          {e.who}
                          <span className="block text-xs text-slate-500 break-all">{e.email}</span>
                        </>
                      ) : (
                        <span className="text-slate-500">{t(deletion_audit_formerMember)}</span>
                      )}
                    </Td>
                    <Td>{e.action}</Td>
                    <Td>{e.sentence}</Td>
                    <Td last>
                      {e.changes.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="space-y-0.5 text-xs text-slate-700">
                          {e.changes.map((line) => (
                            <li key={line}>{line}</li>
                          ))}
                        </ul>
                      )}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
          <ListPager list={data} hrefWith={hrefWith} summary={t(admin_audit_entries, { count: data.total })} />
        </Card>
      </div>
    </>
  );
}
