import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireOrgContext } from "~/auth/tenant.server";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { failureOf, Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { metaTitle, useFormat, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/server/forms.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { DELETION_GRACE_DAYS, getOrgDeletion, scheduleOrgDeletion, undoOrgDeletion } from "~/models/org-deletion.server";
import { common_validation_tickToConfirm } from "~/paraglide/messages/common_validation_ticktoconfirm2.js";
import { deletion_org_confirmName } from "~/paraglide/messages/deletion_org_confirmname1.js";
import { deletion_org_confirmNameHint } from "~/paraglide/messages/deletion_org_confirmnamehint2.js";
import { deletion_org_confirm_action } from "~/paraglide/messages/deletion_org_confirm_action.js";
import { deletion_org_confirm_consequence } from "~/paraglide/messages/deletion_org_confirm_consequence.js";
import { deletion_org_confirm_pending } from "~/paraglide/messages/deletion_org_confirm_pending.js";
import { deletion_org_confirm_tick } from "~/paraglide/messages/deletion_org_confirm_tick.js";
import { deletion_org_confirm_title } from "~/paraglide/messages/deletion_org_confirm_title.js";
import { deletion_org_error_nameRequired } from "~/paraglide/messages/deletion_org_error_namerequired1.js";
import { deletion_org_intro } from "~/paraglide/messages/deletion_org_intro.js";
import { deletion_org_metaTitle } from "~/paraglide/messages/deletion_org_metatitle1.js";
import { deletion_org_notice_scheduled } from "~/paraglide/messages/deletion_org_notice_scheduled.js";
import { deletion_org_notice_undone } from "~/paraglide/messages/deletion_org_notice_undone.js";
import { deletion_org_requestedBy } from "~/paraglide/messages/deletion_org_requestedby1.js";
import { deletion_org_scheduledBody } from "~/paraglide/messages/deletion_org_scheduledbody1.js";
import { deletion_org_scheduledTitle } from "~/paraglide/messages/deletion_org_scheduledtitle1.js";
import { deletion_org_stepGrace } from "~/paraglide/messages/deletion_org_stepgrace1.js";
import { deletion_org_stepNow } from "~/paraglide/messages/deletion_org_stepnow1.js";
import { deletion_org_stepPurge } from "~/paraglide/messages/deletion_org_steppurge1.js";
import { deletion_org_title } from "~/paraglide/messages/deletion_org_title.js";
import { deletion_org_undo } from "~/paraglide/messages/deletion_org_undo.js";
import { deletion_org_undoPending } from "~/paraglide/messages/deletion_org_undopending1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, deletion_org_metaTitle)];

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("schedule"),
    confirmName: z
      .string({ error: zodMessage(deletion_org_error_nameRequired) })
      .trim()
      .min(1, zodMessage(deletion_org_error_nameRequired))
      .max(200, zodMessage(deletion_org_error_nameRequired)),
    confirm: z.literal("yes", { error: zodMessage(common_validation_tickToConfirm) }),
  }),
  z.object({ intent: z.literal("undo") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "delete:org");
  return json({ orgName: ctx.org.name, deletion: await getOrgDeletion(ctx), graceDays: DELETION_GRACE_DAYS });
}

// Owners only, and allowed while the deletion is scheduled: this is where it is undone.
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "delete:org", { whileDeletionScheduled: "allow" });
  const locale = getLocale(request);
  const parsed = parseForm(ActionSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.confirm });
  try {
    if (parsed.data.intent === "schedule") {
      await scheduleOrgDeletion(ctx, { confirmName: parsed.data.confirmName });
      return redirectWithToast(`/o/${ctx.org.slug}`, toast(deletion_org_notice_scheduled));
    }
    await undoOrgDeletion(ctx);
    return redirectWithToast(`/o/${ctx.org.slug}`, toast(deletion_org_notice_undone));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function DeleteOrg() {
  const { orgName, deletion, graceDays } = useLoaderData<typeof loader>();
  const t = useT();
  const f = useFormat();
  const { errors, formError } = failureOf(useActionData<typeof action>());
  if (deletion) {
    return (
      <>
        <PageHeader title={t(deletion_org_title, { org: orgName })} />
        <Card title={t(deletion_org_scheduledTitle)}>
          <div className="space-y-3 text-sm text-slate-700">
            <FormError error={formError} />
            <p>{t(deletion_org_scheduledBody, { requested: f.dateTime(deletion.requestedAt), purge: f.dateTime(deletion.purgeAfter) })}</p>
            {deletion.requestedByName ? <p>{t(deletion_org_requestedBy, { name: deletion.requestedByName })}</p> : null}
            <Form method="post">
              <SubmitButton intent="undo" pendingText={t(deletion_org_undoPending)}>
                {t(deletion_org_undo)}
              </SubmitButton>
            </Form>
          </div>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t(deletion_org_title, { org: orgName })} description={t(deletion_org_intro)} />
      <Card>
        <ol className="mb-6 list-inside list-decimal space-y-2 text-sm text-slate-700">
          <li>{t(deletion_org_stepNow)}</li>
          <li>{t(deletion_org_stepGrace, { count: graceDays })}</li>
          <li>{t(deletion_org_stepPurge)}</li>
        </ol>
        <Form method="post" className="max-w-md space-y-4" noValidate>
          <FormError error={formError} />
          <Field
            label={t(deletion_org_confirmName)}
            name="confirmName"
            autoComplete="off"
            spellCheck={false}
            hint={t(deletion_org_confirmNameHint, { name: orgName })}
            error={errors.confirmName}
          />
          <ConfirmAction
            intent="schedule"
            error={errors.confirm}
            texts={{
              action: t(deletion_org_confirm_action),
              title: t(deletion_org_confirm_title, { org: orgName }),
              consequence: t(deletion_org_confirm_consequence, { count: graceDays }),
              tick: t(deletion_org_confirm_tick),
              pending: t(deletion_org_confirm_pending),
            }}
          />
        </Form>
      </Card>
    </>
  );
}
