import "~/page-kit";
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { requireAnonymous } from "~/auth/session.server";
import { systemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { TextLink } from "~/components/ui/button";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { emailField } from "~/domain/base-fields";
import { metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { requestPasswordReset } from "~/models/account-token.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { keepRetryAfter, linkMailRefused } from "~/server/throttle-answer.server";
import { auth_field_email } from "~/paraglide/messages/auth_field_email.js";
import { auth_forgot_intro } from "~/paraglide/messages/auth_forgot_intro.js";
import { auth_forgot_metaTitle } from "~/paraglide/messages/auth_forgot_metatitle1.js";
import { auth_forgot_pending } from "~/paraglide/messages/auth_forgot_pending.js";
import { auth_forgot_sent } from "~/paraglide/messages/auth_forgot_sent.js";
import { auth_forgot_submit } from "~/paraglide/messages/auth_forgot_submit.js";
import { auth_forgot_throttled } from "~/paraglide/messages/auth_forgot_throttled.js";
import { auth_forgot_title } from "~/paraglide/messages/auth_forgot_title.js";
import { auth_signup_logIn } from "~/paraglide/messages/auth_signup_login1.js";

export const headers: HeadersFunction = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_forgot_metaTitle)];

const ForgotSchema = z.object({ email: emailField });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({});
}

/*
 * Every address gets the same answer — known, unknown, typed in capitals — so this form tells
 * nobody who has an account (decision 017). Only the throttle answers differently, and it counts
 * the typed address and the client address whether an account has it or not.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const locale = getLocale(request);
  const parsed = parseForm(ForgotSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
  const result = await requestPasswordReset(await systemContext(), parsed.data.email, context.origin, locale, context.clientIp);
  if (!result.ok) return linkMailRefused(locale, result.retryAfterSeconds, auth_forgot_throttled);
  return json({ ok: true as const, sent: true });
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const t = useT();
  const failed = result && !result.ok ? result : null;
  return (
    <AuthShell title={t(auth_forgot_title)}>
      {result?.ok ? (
        <p role="status" className="text-sm text-slate-700">
          {t(auth_forgot_sent)}
        </p>
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          <p className="text-sm text-slate-600">{t(auth_forgot_intro)}</p>
          <FormError error={failed?.formError} />
          <Field label={t(auth_field_email)} name="email" type="email" autoComplete="email" required error={failed?.fieldErrors?.email} />
          <SubmitButton pendingText={t(auth_forgot_pending)}>{t(auth_forgot_submit)}</SubmitButton>
        </Form>
      )}
      <p className="mt-6 text-sm text-slate-600">
        <TextLink className="font-medium" to="/login">
          {t(auth_signup_logIn)}
        </TextLink>
      </p>
    </AuthShell>
  );
}
