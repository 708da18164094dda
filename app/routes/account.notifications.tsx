import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireSystemContext } from "~/auth/system.server";
import { AccountLinks } from "~/components/account-links";
import { AuthShell } from "~/components/auth-shell";
import { FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { NOTIFICATION_CHOICE_KINDS, NOTIFICATION_CHOICE_LABELS, NOTIFICATION_CHOICES, NOTIFICATION_SETTING_LABELS } from "~/domain/mail-kinds";
import { messageRef, metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { getNotificationSettings, saveNotificationSettings } from "~/models/notification.server";
import { invalidForm } from "~/server/forms.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { auth_notify_alertHelp } from "~/paraglide/messages/auth_notify_alerthelp1.js";
import { auth_notify_help } from "~/paraglide/messages/auth_notify_help.js";
import { auth_notify_invalid } from "~/paraglide/messages/auth_notify_invalid.js";
import { auth_notify_metaTitle } from "~/paraglide/messages/auth_notify_metatitle1.js";
import { auth_notify_pending } from "~/paraglide/messages/auth_notify_pending.js";
import { auth_notify_saved } from "~/paraglide/messages/auth_notify_saved.js";
import { auth_notify_submit } from "~/paraglide/messages/auth_notify_submit.js";
import { auth_notify_title } from "~/paraglide/messages/auth_notify_title.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_notify_metaTitle)];

export async function loader({ request }: LoaderFunctionArgs) {
  const account = await requireSystemContext(request);
  return json({ settings: await getNotificationSettings(account) });
}

export async function action({ request }: ActionFunctionArgs) {
  const account = await requireSystemContext(request);
  const form = await request.formData();
  const saved = await saveNotificationSettings(account, Object.fromEntries(NOTIFICATION_CHOICE_KINDS.map((choice) => [choice, form.get(choice)])));
  if (!saved.ok) {
    return invalidForm(Object.fromEntries(saved.invalid.map((choice) => [choice, messageRef(auth_notify_invalid)])), { locale: getLocale(request) });
  }
  return redirectWithToast("/account/notifications", toast(auth_notify_saved));
}

/** Which notifications a person gets (decision 023); security mail is not among the choices. */
export default function NotificationSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  return (
    <AuthShell title={t(auth_notify_title)}>
      <p className="mb-4 text-sm text-slate-700">{t(auth_notify_help)}</p>
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={result?.formError} />
        {NOTIFICATION_CHOICE_KINDS.map((choice) => (
          <div key={choice}>
            <SelectField
              label={t(NOTIFICATION_CHOICE_LABELS[choice])}
              name={choice}
              defaultValue={settings[choice]}
              error={errors[choice]}
              options={NOTIFICATION_CHOICES[choice].options.map((option) => ({ value: option, label: t(NOTIFICATION_SETTING_LABELS[option]) }))}
            />
            {choice === "alert" ? <p className="mt-1 text-xs text-slate-500">{t(auth_notify_alertHelp)}</p> : null}
          </div>
        ))}
        <SubmitButton pendingText={t(auth_notify_pending)}>{t(auth_notify_submit)}</SubmitButton>
      </Form>
      <AccountLinks current="notifications" />
    </AuthShell>
  );
}
