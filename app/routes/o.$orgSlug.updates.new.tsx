import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireStartup } from "~/auth/tenant.server";
import { UpdateComposer } from "~/components/update-composer";
import { TextLink } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/layout";
import { addMonths, monthOfDate } from "~/finance";
import { metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { createUpdate, listRecipientChoices } from "~/models/investor-update.server";
import { composerAction } from "~/server/update-form.server";
import { updates_new_title } from "~/paraglide/messages/updates_new_title.js";
import { updates_view_back } from "~/paraglide/messages/updates_view_back.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, updates_new_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return json({ choices: await listRecipientChoices(ctx), lastMonth: addMonths(monthOfDate(new Date()), -1) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return composerAction(await request.formData(), {
    locale: getLocale(request),
    origin: context.origin,
    withVersion: false,
    save: (input, delivery) => createUpdate(ctx, input, delivery),
    to: (id) => `/o/${ctx.org.slug}/updates/${id}`,
  });
}

export default function NewUpdate() {
  const { choices, lastMonth } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const typed = result && !result.ok ? (result.values ?? {}) : {};
  return (
    <>
      <PageHeader
        title={t(updates_new_title)}
        actions={
          <TextLink to=".." relative="path" className="text-sm">
            {t(updates_view_back)}
          </TextLink>
        }
      />
      <Card>
        <UpdateComposer
          values={{
            title: typed.title ?? "",
            month: typed.month ?? lastMonth,
            body: typed.body ?? "",
            highlights: typed.highlights ?? "",
            lowlights: typed.lowlights ?? "",
            asks: typed.asks ?? "",
            recipients: [],
            scheduledAt: typed.scheduledAt ?? "",
          }}
          errors={result && !result.ok ? result.fieldErrors : {}}
          formError={result && !result.ok ? result.formError : undefined}
          choices={choices}
        />
      </Card>
    </>
  );
}
