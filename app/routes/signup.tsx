import "~/page-kit";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { z } from "zod";
import { requireAnonymous, sessionClient, startSession } from "~/auth/session.server";
import { AuthShell } from "~/components/auth-shell";
import { failureOf, Field, SubmitButton } from "~/components/ui/form";
import { AuthForm } from "~/components/auth-form";
import { systemContext } from "~/auth/system.server";
import { metaTitle, useT } from "~/i18n";
import { getLocale, readLocaleCookie } from "~/i18n/locale.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { emailField, nameField, passwordField } from "~/domain/base-fields";
import { safeRedirect } from "~/lib/redirects";
import { signUp } from "~/models/user.server";
import { auth_field_email } from "~/paraglide/messages/auth_field_email.js";
import { auth_field_password } from "~/paraglide/messages/auth_field_password.js";
import { auth_passwordHint } from "~/paraglide/messages/auth_passwordhint1.js";
import { auth_signup_haveAccount } from "~/paraglide/messages/auth_signup_haveaccount1.js";
import { auth_signup_logIn } from "~/paraglide/messages/auth_signup_login1.js";
import { auth_signup_metaTitle } from "~/paraglide/messages/auth_signup_metatitle1.js";
import { auth_signup_name } from "~/paraglide/messages/auth_signup_name.js";
import { auth_signup_nameInSentence } from "~/paraglide/messages/auth_signup_nameinsentence2.js";
import { auth_signup_pending } from "~/paraglide/messages/auth_signup_pending.js";
import { auth_signup_submit } from "~/paraglide/messages/auth_signup_submit.js";
import { auth_signup_title } from "~/paraglide/messages/auth_signup_title.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_signup_metaTitle)];

const SignupSchema = z.object({
  email: emailField,
  name: nameField(auth_signup_nameInSentence),
  password: passwordField,
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({});
}

/*
 * Sign-up answers a new address and one that already has an account alike: the same redirect
 * (status, Location, body), so the form does not tell anyone which addresses have accounts.
 * Only a new address is signed in — nobody gets a session for an account that was not theirs —
 * and whoever is behind an existing address lands on the sign-in page from there. The server
 * logs that it happened, without the address; the address's owner gets an `account_exists`
 * mail (sign-in and reset links), a new address its verification link (decision 017).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const locale = getLocale(request);
  // Only a language picked with the switch (the cookie) is a choice; without one the account
  // keeps none (null) and each browser decides.
  const chosen = readLocaleCookie(request);
  const parsed = parseForm(SignupSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
  const user = await signUp(await systemContext(), { ...parsed.data, locale: chosen ?? undefined }, context.clientIp, { origin: context.origin, locale });
  const next = safeRedirect(parsed.data.redirectTo, "/orgs/new");
  if (!user) {
    console.log(JSON.stringify({ level: "info", msg: "signup.existing-address", id: context.requestId }));
    return redirect(next);
  }
  return redirect(next, { headers: { "Set-Cookie": await startSession(user.id, sessionClient(request, context.clientIp)) } });
}

export default function Signup() {
  const { errors, formError } = failureOf(useActionData<typeof action>());
  const t = useT();
  return (
    <AuthShell title={t(auth_signup_title)}>
      <AuthForm formError={formError} keepRedirect>
        <Field label={t(auth_field_email)} name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field label={t(auth_signup_name)} name="name" autoComplete="name" required error={errors.name} />
        <Field
          label={t(auth_field_password)}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t(auth_passwordHint)}
          error={errors.password}
        />
        <SubmitButton pendingText={t(auth_signup_pending)}>{t(auth_signup_submit)}</SubmitButton>
      </AuthForm>
      <p className="mt-6 text-sm text-slate-600">
        {t(auth_signup_haveAccount)}{" "}
        <TextLink className="font-medium" to="/login">
          {t(auth_signup_logIn)}
        </TextLink>
      </p>
    </AuthShell>
  );
}
