import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { systemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { NewPasswordFields } from "~/components/new-password-fields";
import { TextLink } from "~/components/ui/button";
import { FormError, SubmitButton } from "~/components/ui/form";
import { passwordField } from "~/domain/base-fields";
import { metaTitle, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { linkState, resetPassword } from "~/models/account-token.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { auth_password_mismatch } from "~/paraglide/messages/auth_password_mismatch.js";
import { auth_password_repeatRequired } from "~/paraglide/messages/auth_password_repeatrequired1.js";
import { auth_reset_askAgain } from "~/paraglide/messages/auth_reset_askagain1.js";
import { auth_reset_done } from "~/paraglide/messages/auth_reset_done.js";
import { auth_reset_expired } from "~/paraglide/messages/auth_reset_expired.js";
import { auth_reset_invalid } from "~/paraglide/messages/auth_reset_invalid.js";
import { auth_reset_metaTitle } from "~/paraglide/messages/auth_reset_metatitle1.js";
import { auth_reset_newPassword } from "~/paraglide/messages/auth_reset_newpassword1.js";
import { auth_reset_pending } from "~/paraglide/messages/auth_reset_pending.js";
import { auth_reset_submit } from "~/paraglide/messages/auth_reset_submit.js";
import { auth_reset_title } from "~/paraglide/messages/auth_reset_title.js";
import { auth_reset_used } from "~/paraglide/messages/auth_reset_used.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_reset_metaTitle), { name: "robots", content: "noindex" }];

// The same rules as sign-up and the password change (passwordField).
const ResetSchema = z
  .object({ newPassword: passwordField, confirmPassword: z.string({ error: zodMessage(auth_password_repeatRequired) }) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: zodMessage(auth_password_mismatch) });

/** Looking at the page uses nothing: a mail scanner that fetches the link leaves it working. */
export async function loader({ params }: LoaderFunctionArgs) {
  return json({ state: await linkState(await systemContext(), params.token ?? "", "password_reset") });
}

/*
 * Decision 017: after a reset nobody is signed in here — every session ended, and the person
 * signs in with the new password (so a later second factor cannot be skipped by a reset link).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = getLocale(request);
  const parsed = parseForm(ResetSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors });
  const state = await resetPassword(await systemContext(), params.token ?? "", parsed.data.newPassword, context.origin, locale);
  if (state !== "valid") return json({ ok: false as const, state, fieldErrors: undefined, formError: undefined }, { status: 410 });
  return redirectWithToast("/login", toast(auth_reset_done));
}

const DEAD = { used: auth_reset_used, expired: auth_reset_expired, invalid: auth_reset_invalid } as const;

export default function ResetPassword() {
  const { state: loaded } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const state: "valid" | keyof typeof DEAD = result && "state" in result ? result.state : loaded;
  const errors = result?.fieldErrors ?? {};
  return (
    <AuthShell title={t(auth_reset_title)}>
      {state === "valid" ? (
        <Form method="post" className="space-y-4" noValidate>
          <FormError error={result?.formError} />
          <NewPasswordFields label={t(auth_reset_newPassword)} errors={errors} />
          <SubmitButton pendingText={t(auth_reset_pending)}>{t(auth_reset_submit)}</SubmitButton>
        </Form>
      ) : (
        <div role="alert" className="space-y-4 text-sm text-slate-700">
          <p>{t(DEAD[state])}</p>
          <TextLink className="font-medium" to="/forgot-password">
            {t(auth_reset_askAgain)}
          </TextLink>
        </div>
      )}
    </AuthShell>
  );
}
