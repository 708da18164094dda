import "~/page-kit";
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { requireSystemContext } from "~/auth/system.server";
import { AccountLinks } from "~/components/account-links";
import { AuthShell } from "~/components/auth-shell";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { emailField } from "~/domain/base-fields";
import { messageRef, metaTitle, translate, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { requestEmailChange } from "~/models/account-token.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { keepRetryAfter, passwordAttemptRefused } from "~/server/throttle-answer.server";
import { auth_email_current } from "~/paraglide/messages/auth_email_current.js";
import { auth_email_metaTitle } from "~/paraglide/messages/auth_email_metatitle1.js";
import { auth_email_new } from "~/paraglide/messages/auth_email_new.js";
import { auth_email_pending } from "~/paraglide/messages/auth_email_pending.js";
import { auth_email_same } from "~/paraglide/messages/auth_email_same.js";
import { auth_email_sent } from "~/paraglide/messages/auth_email_sent.js";
import { auth_email_submit } from "~/paraglide/messages/auth_email_submit.js";
import { auth_email_title } from "~/paraglide/messages/auth_email_title.js";
import { auth_password_current } from "~/paraglide/messages/auth_password_current.js";
import { auth_password_currentRequired } from "~/paraglide/messages/auth_password_currentrequired1.js";
import { auth_password_currentWrong } from "~/paraglide/messages/auth_password_currentwrong1.js";

export const headers: HeadersFunction = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_email_metaTitle)];

const EmailSchema = z.object({
  email: emailField,
  currentPassword: z
    .string({ error: zodMessage(auth_password_currentRequired) })
    .min(1, zodMessage(auth_password_currentRequired))
    .max(200),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ email: user.email });
}

/*
 * Decision 022: the address changes only when the link sent to the new address is followed.
 * Every accepted request answers alike — a free address and one another account holds — so
 * the form does not tell anyone who has an account.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const account = await requireSystemContext(request);
  const locale = getLocale(request);
  const parsed = parseForm(EmailSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
  const requested = await requestEmailChange(account, { newEmail: parsed.data.email, currentPassword: parsed.data.currentPassword }, context.clientIp, {
    origin: context.origin,
    locale,
  });
  if (!requested.ok) {
    if (requested.reason === "throttled") return passwordAttemptRefused(locale, requested.retryAfterSeconds);
    if (requested.reason === "same") return formFailure({ locale, fieldErrors: { email: messageRef(auth_email_same) } });
    const wrong = messageRef(auth_password_currentWrong);
    return formFailure({ locale, fieldErrors: { currentPassword: wrong }, formError: wrong });
  }
  return json({ ok: true as const, sent: translate(locale, auth_email_sent, { email: parsed.data.email }) });
}

export default function ChangeEmail() {
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const failure = result && !result.ok ? result : undefined;
  const errors = failure?.fieldErrors ?? {};
  return (
    <AuthShell title={t(auth_email_title)}>
      <p className="mb-4 text-sm text-slate-700">{t(auth_email_current, { email })}</p>
      {result?.ok ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          {result.sent}
        </p>
      ) : null}
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={failure?.formError} />
        <Field label={t(auth_email_new)} name="email" type="email" autoComplete="email" error={errors.email} />
        <Field label={t(auth_password_current)} name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
        <SubmitButton pendingText={t(auth_email_pending)}>{t(auth_email_submit)}</SubmitButton>
      </Form>
      <AccountLinks current="email" />
    </AuthShell>
  );
}
