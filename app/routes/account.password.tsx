import "~/page-kit";
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { requireUser, sessionClient, startSession } from "~/auth/session.server";
import { requireSystemContext } from "~/auth/system.server";
import { AccountLinks } from "~/components/account-links";
import { AuthShell } from "~/components/auth-shell";
import { NewPasswordFields } from "~/components/new-password-fields";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { messageRef, metaTitle, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { keepRetryAfter, passwordAttemptRefused } from "~/server/throttle-answer.server";
import { passwordField } from "~/domain/base-fields";
import { changePassword } from "~/models/user.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { auth_password_changed } from "~/paraglide/messages/auth_password_changed.js";
import { auth_password_current } from "~/paraglide/messages/auth_password_current.js";
import { auth_password_currentRequired } from "~/paraglide/messages/auth_password_currentrequired1.js";
import { auth_password_currentWrong } from "~/paraglide/messages/auth_password_currentwrong1.js";
import { auth_password_metaTitle } from "~/paraglide/messages/auth_password_metatitle1.js";
import { auth_password_mismatch } from "~/paraglide/messages/auth_password_mismatch.js";
import { auth_password_new } from "~/paraglide/messages/auth_password_new.js";
import { auth_password_pending } from "~/paraglide/messages/auth_password_pending.js";
import { auth_password_repeatRequired } from "~/paraglide/messages/auth_password_repeatrequired1.js";
import { auth_password_submit } from "~/paraglide/messages/auth_password_submit.js";
import { auth_password_title } from "~/paraglide/messages/auth_password_title.js";

export const headers: HeadersFunction = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_password_metaTitle)];

const PasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: zodMessage(auth_password_currentRequired) })
      .min(1, zodMessage(auth_password_currentRequired))
      .max(200),
    newPassword: passwordField,
    confirmPassword: z.string({ error: zodMessage(auth_password_repeatRequired) }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: zodMessage(auth_password_mismatch) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = await requireSystemContext(request);
  const { user } = account;
  const locale = getLocale(request);
  const parsed = parseForm(PasswordSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
  const changed = await changePassword(account, user, parsed.data.currentPassword, parsed.data.newPassword, context.clientIp, {
    origin: context.origin,
    locale,
  });
  if (!changed.ok) {
    if (changed.reason === "throttled") return passwordAttemptRefused(locale, changed.retryAfterSeconds);
    const wrong = messageRef(auth_password_currentWrong);
    return formFailure({ locale, fieldErrors: { currentPassword: wrong }, formError: wrong });
  }
  // changePassword ended every session (another browser, a stolen cookie); this one starts afresh.
  const cookie = await startSession(user.id, sessionClient(request, context.clientIp));
  // Redirect (not render) so the page loads with the new session, not the one just ended.
  return redirectWithToast("/account/password", toast(auth_password_changed), { headers: { "Set-Cookie": cookie } });
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = result?.fieldErrors ?? {};
  return (
    <AuthShell title={t(auth_password_title)}>
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={result?.formError} />
        <Field label={t(auth_password_current)} name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
        <NewPasswordFields label={t(auth_password_new)} errors={errors} />
        <SubmitButton pendingText={t(auth_password_pending)}>{t(auth_password_submit)}</SubmitButton>
      </Form>
      <AccountLinks current="password" />
    </AuthShell>
  );
}
