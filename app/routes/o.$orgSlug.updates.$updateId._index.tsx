import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext, requireStartup } from "~/auth/tenant.server";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { FormError } from "~/components/ui/form";
import { confirmedField, versionField } from "~/domain/fields";
import { zodMessage } from "~/i18n/zod-messages";
import { failureFromError, invalidForm, parseForm } from "~/server/forms.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { common_action_deleting } from "~/paraglide/messages/common_action_deleting.js";
import { records_edit_confirmDelete } from "~/paraglide/messages/records_edit_confirmdelete1.js";
import { updates_what } from "~/paraglide/messages/updates_what.js";
import { updates_delete_action } from "~/paraglide/messages/updates_delete_action.js";
import { updates_delete_consequenceDraft } from "~/paraglide/messages/updates_delete_consequencedraft1.js";
import { updates_delete_consequenceScheduled } from "~/paraglide/messages/updates_delete_consequencescheduled1.js";
import { updates_delete_done } from "~/paraglide/messages/updates_delete_done.js";
import { updates_delete_tick } from "~/paraglide/messages/updates_delete_tick.js";
import { updates_delete_title } from "~/paraglide/messages/updates_delete_title.js";
import { UpdateStatusBadge } from "~/components/update-status";
import { TextLink } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/layout";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { metaTitle, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { deleteUpdate, getUpdateForStartup, openUpdateAsInvestor, renderUpdateForStartup } from "~/models/investor-update.server";
import { notFound } from "~/server/http.server";
import { updates_col_company } from "~/paraglide/messages/updates_col_company.js";
import { updates_field_asks } from "~/paraglide/messages/updates_field_asks.js";
import { updates_field_highlights } from "~/paraglide/messages/updates_field_highlights.js";
import { updates_field_lowlights } from "~/paraglide/messages/updates_field_lowlights.js";
import { updates_list_title } from "~/paraglide/messages/updates_list_title.js";
import { updates_view_back } from "~/paraglide/messages/updates_view_back.js";
import { updates_view_edit } from "~/paraglide/messages/updates_view_edit.js";
import { updates_view_noOpens } from "~/paraglide/messages/updates_view_noopens1.js";
import { updates_view_openedAt } from "~/paraglide/messages/updates_view_openedat1.js";
import { updates_view_opens } from "~/paraglide/messages/updates_view_opens.js";
import { updates_view_person } from "~/paraglide/messages/updates_view_person.js";
import { updates_view_recipients } from "~/paraglide/messages/updates_view_recipients.js";
import { updates_view_scheduledFor } from "~/paraglide/messages/updates_view_scheduledfor1.js";
import { updates_view_sentAt } from "~/paraglide/messages/updates_view_sentat1.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [data ? { title: data.update.title } : metaTitle(matches, updates_list_title)];

/**
 * One update. The startup reads its own (any status) with whom it went to and who opened it; an
 * investor reads one sent to it — opening it records the person's first view — or gets 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:org");
  const locale = getLocale(request);
  const id = params.updateId ?? "";
  if (ctx.org.kind === "investor") {
    const update = await openUpdateAsInvestor(ctx, id, locale);
    if (!update) notFound();
    return json({ kind: "investor" as const, slug: ctx.org.slug, update, recipients: null, opens: null, canEdit: false });
  }
  const view = await getUpdateForStartup(ctx, id);
  if (!view) notFound();
  const update = await renderUpdateForStartup(ctx, view, locale);
  return json({ kind: "startup" as const, slug: ctx.org.slug, update, recipients: view.recipients, opens: view.opens, canEdit: can(ctx.role, "edit:records") });
}

/**
 * Deleting a draft or a scheduled update (decision 025, addendum), confirmed and at the version
 * read. A sent update is refused (409): it cannot be taken back from investors.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  const locale = getLocale(request);
  const formData = await request.formData();
  const schema = z.object({
    intent: z.literal("delete"),
    version: versionField(),
    confirm: confirmedField(zodMessage(records_edit_confirmDelete, { what: updates_what })),
  });
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale });
  try {
    await deleteUpdate(ctx, params.updateId ?? "", parsed.data.version);
    return redirectWithToast(`/o/${ctx.org.slug}/updates`, toast(updates_delete_done));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function UpdateView() {
  const { kind, slug, update, recipients, opens, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const t = useT();
  const f = useFormat();
  const when =
    update.status === "sent"
      ? t(updates_view_sentAt, { date: f.dateTime(update.sentAt) })
      : update.status === "scheduled"
        ? t(updates_view_scheduledFor, { date: f.dateTime(update.scheduledAt) })
        : null;
  return (
    <>
      <PageHeader
        title={update.title}
        description={`${kind === "investor" ? `${update.company.name} · ` : ""}${f.month(update.month)}${when ? ` · ${when}` : ""}`}
        actions={
          <span className="flex items-center gap-3 text-sm">
            {kind === "startup" ? <UpdateStatusBadge status={update.status} /> : null}
            {canEdit && update.status !== "sent" ? <TextLink to={`/o/${slug}/updates/${update.id}/edit`}>{t(updates_view_edit)}</TextLink> : null}
            <TextLink to={`/o/${slug}/updates`}>{t(updates_view_back)}</TextLink>
          </span>
        }
      />
      <Card>
        {/* Safe HTML: markdown-it with HTML passthrough off and only http/https/mailto links (update-markdown.server.ts). */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by the safe renderer on the server, never the author's HTML */}
        <div className="update-body prose max-w-none" data-testid="update-body" dangerouslySetInnerHTML={{ __html: update.html }} />
        <dl className="mt-6 grid gap-4 text-sm sm:grid-cols-3">
          <Section label={t(updates_field_highlights)}>{update.highlights}</Section>
          <Section label={t(updates_field_lowlights)}>{update.lowlights}</Section>
          <Section label={t(updates_field_asks)}>{update.asks}</Section>
        </dl>
      </Card>
      {kind === "startup" && canEdit && update.status !== "sent" ? (
        <Form method="post" className="mt-6" noValidate>
          <input type="hidden" name="version" value={update.version} />
          <FormError error={failed?.formError ?? failed?.fieldErrors.version} />
          <ConfirmAction
            intent="delete"
            texts={{
              action: t(updates_delete_action),
              title: t(updates_delete_title, { title: update.title }),
              consequence: t(update.status === "scheduled" ? updates_delete_consequenceScheduled : updates_delete_consequenceDraft),
              tick: t(updates_delete_tick),
              pending: t(common_action_deleting),
            }}
            error={failed?.fieldErrors.confirm}
          />
        </Form>
      ) : null}
      {recipients && opens ? (
        <Card title={t(updates_view_opens)}>
          <p className="mb-3 text-sm">
            <span className="font-medium">{t(updates_view_recipients)}:</span> {recipients.map((r) => r.name).join(", ") || "—"}
          </p>
          {opens.length === 0 ? (
            <p className="text-sm text-slate-500">{t(updates_view_noOpens)}</p>
          ) : (
            <Table caption={t(updates_view_opens)}>
              <ColumnHeads heads={[t(updates_view_person), t(updates_col_company), t(updates_view_openedAt)]} />
              <tbody>
                {opens.map((o) => (
                  <Tr key={o.userId}>
                    <Td>{o.name}</Td>
                    <Td>{o.investorName}</Td>
                    <Td last nowrap>
                      {f.dateTime(o.firstViewedAt)}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      ) : null}
    </>
  );
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div>
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className="mt-1 whitespace-pre-line">{children}</dd>
    </div>
  );
}
