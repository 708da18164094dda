import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireStartup } from "~/auth/tenant.server";
import { UpdateComposer } from "~/components/update-composer";
import { TextLink } from "~/components/ui/button";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { Card, PageHeader } from "~/components/ui/layout";
import { metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { getUpdateForStartup, listRecipientChoices, saveUpdate } from "~/models/investor-update.server";
import { notFound } from "~/server/http.server";
import { composerAction } from "~/server/update-form.server";
import { updates_edit_title } from "~/paraglide/messages/updates_edit_title.js";
import { updates_view_back } from "~/paraglide/messages/updates_view_back.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, updates_edit_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  const view = await getUpdateForStartup(ctx, params.updateId ?? "");
  if (!view) notFound();
  // A sent update is history: it is read, never edited.
  if (view.update.status === "sent") throw redirect(`/o/${ctx.org.slug}/updates/${view.update.id}`);
  const { update } = view;
  return json({
    choices: await listRecipientChoices(ctx),
    version: update.version,
    values: {
      title: update.title,
      month: update.month,
      body: update.body,
      highlights: update.highlights ?? "",
      lowlights: update.lowlights ?? "",
      asks: update.asks ?? "",
      recipients: update.recipientOrgIds,
      scheduledAt: update.scheduledAt ? update.scheduledAt.toISOString().slice(0, 16) : "",
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  const id = params.updateId ?? "";
  return composerAction(await request.formData(), {
    locale: getLocale(request),
    origin: context.origin,
    withVersion: true,
    save: (input, delivery, version) => saveUpdate(ctx, id, version, input, delivery),
    to: (updateId) => `/o/${ctx.org.slug}/updates/${updateId}`,
  });
}

export default function EditUpdate() {
  const { choices, version, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const typed = result && !result.ok ? (result.values ?? {}) : {};
  const conflict = Boolean(result && !result.ok && result.conflict);
  return (
    <>
      <PageHeader
        title={t(updates_edit_title)}
        actions={
          <TextLink to=".." relative="path" className="text-sm">
            {t(updates_view_back)}
          </TextLink>
        }
      />
      <Card>
        {conflict ? <ConflictNotice className="mb-3" /> : null}
        {/* After a conflict the user's typing stays and so does the version they edited. */}
        <UpdateComposer
          values={{ ...values, ...typed, recipients: values.recipients }}
          errors={result && !result.ok ? result.fieldErrors : {}}
          formError={result && !result.ok ? result.formError : undefined}
          choices={choices}
          version={version}
        />
      </Card>
    </>
  );
}
