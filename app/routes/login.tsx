import "~/page-kit";
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { pendingSignInCookie, requireAnonymous, sessionClient, startSession } from "~/auth/session.server";
import { failureOf, Field, SubmitButton } from "~/components/ui/form";
import { AuthForm } from "~/components/auth-form";
import { AuthShell } from "~/components/auth-shell";
import { systemContext } from "~/auth/system.server";
import { metaTitle, translate, useT } from "~/i18n";
import { getLocale, signInLocale } from "~/i18n/locale.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { LoginSchema } from "~/server/sign-in-form.server";
import { safeRedirect } from "~/lib/redirects";
import { keepRetryAfter, passwordAttemptRefused } from "~/server/throttle-answer.server";
import { demoLogins } from "~/models/demo.server";
import { getEnv } from "~/env.server";
import { setUserLocale, signIn } from "~/models/user.server";
import { beginSecondFactor, CHALLENGE_MINUTES } from "~/models/two-factor.server";
import { recordSignIn } from "~/models/account-session.server";
import { auth_field_email } from "~/paraglide/messages/auth_field_email.js";
import { auth_field_password } from "~/paraglide/messages/auth_field_password.js";
import { auth_login_badCredentials } from "~/paraglide/messages/auth_login_badcredentials1.js";
import { auth_login_createAccount } from "~/paraglide/messages/auth_login_createaccount1.js";
import { auth_login_demoIntro } from "~/paraglide/messages/auth_login_demointro1.js";
import { auth_login_demoLabel } from "~/paraglide/messages/auth_login_demolabel1.js";
import { auth_login_demoPassword } from "~/paraglide/messages/auth_login_demopassword1.js";
import { layout_demo_mailbox } from "~/paraglide/messages/layout_demo_mailbox.js";
import { auth_login_metaTitle } from "~/paraglide/messages/auth_login_metatitle1.js";
import { auth_login_forgotPassword } from "~/paraglide/messages/auth_login_forgotpassword1.js";
import { auth_login_newHere } from "~/paraglide/messages/auth_login_newhere1.js";
import { auth_login_pending } from "~/paraglide/messages/auth_login_pending.js";
import { auth_login_submit } from "~/paraglide/messages/auth_login_submit.js";
import { auth_login_title } from "~/paraglide/messages/auth_login_title.js";

export const headers: HeadersFunction = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_login_metaTitle)];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const demo = await demoLogins(await systemContext());
  // The demo's mailbox (no relay: mail stays here); the page itself also asks for this machine (app/server/demo-mailbox.server.ts).
  const env = getEnv();
  return json({ demo, mailbox: demo !== null && !env.SMTP_URL && !env.APP_ORIGIN });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const locale = getLocale(request);
  const parsed = parseForm(LoginSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
  const { email, password, redirectTo } = parsed.data;
  const system = await systemContext();
  const attempt = await signIn(system, email, password, context.clientIp);
  if (!attempt.ok) {
    return attempt.reason === "throttled"
      ? passwordAttemptRefused(locale, attempt.retryAfterSeconds)
      : formFailure({ locale, formError: translate(locale, auth_login_badCredentials), status: 401 });
  }
  const user = attempt.value;
  const language = signInLocale(request, user);
  if (language.store) await setUserLocale(system, user.id, language.store);
  const headers = new Headers();
  if (language.cookie) headers.append("Set-Cookie", language.cookie);
  // Two-factor on: no session yet, only a pending sign-in for the second step (decision 021).
  const challenge = await beginSecondFactor(system, user.id);
  if (challenge) {
    headers.append("Set-Cookie", pendingSignInCookie(challenge, CHALLENGE_MINUTES * 60));
    const next = safeRedirect(redirectTo);
    return redirect(`/login/two-factor${next !== "/" ? `?redirectTo=${encodeURIComponent(next)}` : ""}`, { headers });
  }
  const client = sessionClient(request, context.clientIp);
  headers.append("Set-Cookie", await startSession(user.id, client));
  // Decision 022: remembers the device; a new one gets the `new_sign_in` mail.
  await recordSignIn(system, user.id, client, { origin: context.origin, locale });
  return redirect(safeRedirect(redirectTo), { headers });
}

export default function Login() {
  const { demo, mailbox } = useLoaderData<typeof loader>();
  const { errors, formError } = failureOf(useActionData<typeof action>());
  const [params] = useSearchParams();
  const t = useT();
  return (
    <AuthShell title={t(auth_login_title)}>
      <AuthForm formError={formError} keepRedirect>
        <Field label={t(auth_field_email)} name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field label={t(auth_field_password)} name="password" type="password" autoComplete="current-password" required error={errors.password} />
        <SubmitButton pendingText={t(auth_login_pending)}>{t(auth_login_submit)}</SubmitButton>
      </AuthForm>
      <p className="mt-4 text-sm">
        <TextLink to="/forgot-password">{t(auth_login_forgotPassword)}</TextLink>
      </p>
      {demo ? (
        <aside aria-label={t(auth_login_demoLabel)} className="mt-6 rounded-md border border-indigo-100 bg-indigo-50 p-3 text-sm text-indigo-900">
          <p className="font-medium">{t(auth_login_demoIntro)}</p>
          <ul className="mt-1 list-inside list-disc">
            {demo.logins.map((email) => (
              <li key={email}>
                <code>{email}</code>
              </li>
            ))}
          </ul>
          <p className="mt-1">
            {t(auth_login_demoPassword)} <code>{demo.password}</code>
          </p>
          {mailbox ? (
            <p className="mt-1">
              <a href="/mailbox" className="underline">
                {t(layout_demo_mailbox)}
              </a>
            </p>
          ) : null}
        </aside>
      ) : null}
      <p className="mt-6 text-sm text-slate-600">
        {t(auth_login_newHere)}{" "}
        <TextLink className="font-medium" to={`/signup${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}>
          {t(auth_login_createAccount)}
        </TextLink>
      </p>
    </AuthShell>
  );
}
