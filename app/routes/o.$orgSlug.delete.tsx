import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireOrgContext } from "~/auth/tenant.server";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { messageRef, metaTitle, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/lib/forms.server";
import { redirectWithToast, toast } from "~/lib/toast.server";
import { DELETION_GRACE_DAYS, getOrgDeletion, scheduleOrgDeletion, undoOrgDeletion } from "~/models/org-deletion.server";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "deletion.org.metaTitle")];

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("schedule"),
    confirmName: z
      .string({ error: messageRef("deletion.org.error.nameRequired") })
      .trim()
      .min(1, messageRef("deletion.org.error.nameRequired"))
      .max(200, messageRef("deletion.org.error.nameRequired")),
    confirm: z.literal("yes", { error: messageRef("common.validation.tickToConfirm") }),
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
  const parsed = parseForm(ActionSchema, await request.formData(), locale);
  if (!parsed.ok) return formFailure({ fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.confirm });
  try {
    if (parsed.data.intent === "schedule") {
      await scheduleOrgDeletion(ctx, { confirmName: parsed.data.confirmName });
      return redirectWithToast(`/o/${ctx.org.slug}`, toast("deletion.org.notice.scheduled"));
    }
    await undoOrgDeletion(ctx);
    return redirectWithToast(`/o/${ctx.org.slug}`, toast("deletion.org.notice.undone"));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function DeleteOrg() {
  const { orgName, deletion, graceDays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const formError = result && !result.ok ? result.formError : undefined;
  if (deletion) {
    return (
      <>
        <PageHeader title={t("deletion.org.title", { org: orgName })} />
        <Card title={t("deletion.org.scheduledTitle")}>
          <div className="space-y-3 text-sm text-slate-700">
            <FormError error={formError} />
            <p>{t("deletion.org.scheduledBody", { requested: f.dateTime(deletion.requestedAt), purge: f.dateTime(deletion.purgeAfter) })}</p>
            {deletion.requestedByName ? <p>{t("deletion.org.requestedBy", { name: deletion.requestedByName })}</p> : null}
            <Form method="post">
              <SubmitButton intent="undo" pendingText={t("deletion.org.undoPending")}>
                {t("deletion.org.undo")}
              </SubmitButton>
            </Form>
          </div>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("deletion.org.title", { org: orgName })} description={t("deletion.org.intro")} />
      <Card>
        <ol className="mb-6 list-inside list-decimal space-y-2 text-sm text-slate-700">
          <li>{t("deletion.org.stepNow")}</li>
          <li>{t("deletion.org.stepGrace", { count: graceDays })}</li>
          <li>{t("deletion.org.stepPurge")}</li>
        </ol>
        <Form method="post" className="max-w-md space-y-4" noValidate>
          <FormError error={formError} />
          <Field
            label={t("deletion.org.confirmName")}
            name="confirmName"
            autoComplete="off"
            spellCheck={false}
            hint={t("deletion.org.confirmNameHint", { name: orgName })}
            error={errors.confirmName}
          />
          <ConfirmAction
            intent="schedule"
            error={errors.confirm}
            texts={{
              action: t("deletion.org.confirm.action"),
              title: t("deletion.org.confirm.title", { org: orgName }),
              consequence: t("deletion.org.confirm.consequence", { count: graceDays }),
              tick: t("deletion.org.confirm.tick"),
              pending: t("deletion.org.confirm.pending"),
            }}
          />
        </Form>
      </Card>
    </>
  );
}
