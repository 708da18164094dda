import "~/page-kit";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireStartup } from "~/auth/tenant.server";
import { UpdateComposerPage } from "~/components/update-composer-page";
import { metaTitle, useT } from "~/i18n";
import { listComposerMetrics } from "~/models/metric.server";
import { getUpdateForStartup, listRecipientChoices, saveUpdate } from "~/models/investor-update.server";
import { notFound } from "~/server/http.server";
import { composerAction } from "~/server/update-form.server";
import { updates_edit_title } from "~/paraglide/messages/updates_edit_title.js";

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
    metrics: await listComposerMetrics(ctx),
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
  return composerAction(request, {
    origin: context.origin,
    orgSlug: ctx.org.slug,
    withVersion: true,
    save: (input, delivery, version) => saveUpdate(ctx, id, version, input, delivery),
  });
}

export default function EditUpdate() {
  const { choices, metrics, version, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return <UpdateComposerPage title={t(updates_edit_title)} result={result} values={values} choices={choices} metrics={metrics} version={version} />;
}
