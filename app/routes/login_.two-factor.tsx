import "~/page-kit";
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clearPendingSignInCookie, readPendingSignIn, requireAnonymous, sessionClient, startSession } from "~/auth/session.server";
import { recordSignIn } from "~/models/account-session.server";
import { systemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { TextLink } from "~/components/ui/button";
import { failureOf, Field, SubmitButton } from "~/components/ui/form";
import { AuthForm } from "~/components/auth-form";
import { metaTitle, translate, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { safeRedirect } from "~/lib/redirects";
import { challengedUser, completeSecondFactor } from "~/models/two-factor.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { keepRetryAfter, passwordAttemptRefused } from "~/server/throttle-answer.server";
import { auth_login_pending } from "~/paraglide/messages/auth_login_pending.js";
import { auth_login_twoFactor_expired } from "~/paraglide/messages/auth_login_twofactor_expired1.js";
import { auth_login_twoFactor_field } from "~/paraglide/messages/auth_login_twofactor_field1.js";
import { auth_login_twoFactor_help } from "~/paraglide/messages/auth_login_twofactor_help1.js";
import { auth_login_twoFactor_metaTitle } from "~/paraglide/messages/auth_login_twofactor_metatitle2.js";
import { auth_login_twoFactor_required } from "~/paraglide/messages/auth_login_twofactor_required1.js";
import { auth_login_twoFactor_startOver } from "~/paraglide/messages/auth_login_twofactor_startover2.js";
import { auth_login_twoFactor_submit } from "~/paraglide/messages/auth_login_twofactor_submit1.js";
import { auth_login_twoFactor_title } from "~/paraglide/messages/auth_login_twofactor_title1.js";
import { auth_login_twoFactor_wrong } from "~/paraglide/messages/auth_login_twofactor_wrong1.js";

/** The second step of a sign-in (decision 021): the password was right; a code or a recovery code finishes it. */
export const headers: HeadersFunction = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_login_twoFactor_metaTitle)];

const SecondFactorSchema = z.object({
  code: z
    .string({ error: zodMessage(auth_login_twoFactor_required) })
    .trim()
    .min(1, zodMessage(auth_login_twoFactor_required))
    .max(40, zodMessage(auth_login_twoFactor_wrong)),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const token = readPendingSignIn(request);
  const live = token ? (await challengedUser(await systemContext(), token)) !== null : false;
  return json({ live });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const locale = getLocale(request);
  const parsed = parseForm(SecondFactorSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
  const token = readPendingSignIn(request);
  const expired = () => formFailure({ locale, formError: translate(locale, auth_login_twoFactor_expired), status: 401 });
  if (!token) return expired();
  const attempt = await completeSecondFactor(await systemContext(), token, parsed.data.code, context.clientIp);
  if (!attempt.ok) {
    if (attempt.reason === "expired") return expired();
    if (attempt.reason === "throttled") return passwordAttemptRefused(locale, attempt.retryAfterSeconds);
    const wrong = translate(locale, auth_login_twoFactor_wrong);
    return formFailure({ locale, formError: wrong, status: 401 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", clearPendingSignInCookie());
  // The session begins only now; it records its device, and a new device is told by mail (decision 022).
  const client = sessionClient(request, context.clientIp);
  headers.append("Set-Cookie", await startSession(attempt.value.id, client));
  await recordSignIn(await systemContext(), attempt.value.id, client, { origin: context.origin, locale });
  return redirect(safeRedirect(parsed.data.redirectTo), { headers });
}

export default function SecondFactor() {
  const { live } = useLoaderData<typeof loader>();
  const { errors, formError } = failureOf(useActionData<typeof action>());
  const t = useT();
  return (
    <AuthShell title={t(auth_login_twoFactor_title)}>
      {live ? (
        <AuthForm formError={formError} intro={<p className="text-sm text-slate-600">{t(auth_login_twoFactor_help)}</p>} keepRedirect>
          <Field
            label={t(auth_login_twoFactor_field)}
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            autoCapitalize="none"
            spellCheck={false}
            required
            error={errors.code}
          />
          <SubmitButton pendingText={t(auth_login_pending)}>{t(auth_login_twoFactor_submit)}</SubmitButton>
        </AuthForm>
      ) : (
        <p className="text-sm text-slate-700">{t(auth_login_twoFactor_expired)}</p>
      )}
      <p className="mt-4 text-sm">
        <TextLink to="/login">{t(auth_login_twoFactor_startOver)}</TextLink>
      </p>
    </AuthShell>
  );
}
