import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireStartup } from "~/auth/tenant.server";
import type { ComposerValues } from "~/components/update-composer";
import { UpdateComposerPage } from "~/components/update-composer-page";
import { addMonths, monthOfDate } from "~/finance";
import { metaTitle, useT } from "~/i18n";
import { listComposerMetrics } from "~/models/metric.server";
import { createUpdate, listRecipientChoices } from "~/models/investor-update.server";
import { composerAction } from "~/server/update-form.server";
import { updates_new_title } from "~/paraglide/messages/updates_new_title.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, updates_new_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  // A new update starts blank, about last month (the month most updates report on).
  const month = addMonths(monthOfDate(new Date()), -1);
  const values: ComposerValues = { title: "", month, body: "", highlights: "", lowlights: "", asks: "", recipients: [], scheduledAt: "" };
  return json({ choices: await listRecipientChoices(ctx), metrics: await listComposerMetrics(ctx), values });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return composerAction(request, {
    origin: context.origin,
    orgSlug: ctx.org.slug,
    withVersion: false,
    save: (input, delivery) => createUpdate(ctx, input, delivery),
  });
}

export default function NewUpdate() {
  const { choices, metrics, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return <UpdateComposerPage title={t(updates_new_title)} result={result} values={values} choices={choices} metrics={metrics} />;
}
