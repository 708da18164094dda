import "~/page-kit";
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireSystemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { FormError, SubmitButton } from "~/components/ui/form";
import { metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { isVerified, resendVerification } from "~/models/account-token.server";
import { keepRetryAfter, linkMailRefused } from "~/server/throttle-answer.server";
import { auth_verify_already } from "~/paraglide/messages/auth_verify_already.js";
import { auth_verify_banner } from "~/paraglide/messages/auth_verify_banner.js";
import { auth_verify_metaTitle } from "~/paraglide/messages/auth_verify_metatitle1.js";
import { auth_verify_resend } from "~/paraglide/messages/auth_verify_resend.js";
import { auth_verify_resendPending } from "~/paraglide/messages/auth_verify_resendpending1.js";
import { auth_verify_resent } from "~/paraglide/messages/auth_verify_resent.js";
import { auth_verify_throttled } from "~/paraglide/messages/auth_verify_throttled.js";
import { auth_verify_title } from "~/paraglide/messages/auth_verify_title.js";

export const headers: HeadersFunction = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_verify_metaTitle)];

/** The signed-in person's own address: whether it is proven, and a new link when it is not. */
export async function loader({ request }: LoaderFunctionArgs) {
  const account = await requireSystemContext(request);
  return json({ email: account.user.email, verified: await isVerified(account, account.user.id) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = await requireSystemContext(request);
  const locale = getLocale(request);
  const result = await resendVerification(account, account.user.id, context.origin, locale, context.clientIp);
  if (!result.ok) return linkMailRefused(locale, result.retryAfterSeconds, auth_verify_throttled);
  return json({ ok: true as const, sent: !result.alreadyVerified });
}

export default function ResendVerification() {
  const { email, verified } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <AuthShell title={t(auth_verify_title)}>
      {verified ? (
        <p role="status" className="text-sm text-slate-700">
          {t(auth_verify_already)}
        </p>
      ) : (
        <Form method="post" className="space-y-4">
          <p className="text-sm text-slate-700">{t(auth_verify_banner, { email })}</p>
          <FormError error={result && !result.ok ? result.formError : undefined} />
          {result?.ok && result.sent ? (
            <p role="status" className="text-sm text-emerald-800">
              {t(auth_verify_resent, { email })}
            </p>
          ) : null}
          <SubmitButton pendingText={t(auth_verify_resendPending)}>{t(auth_verify_resend)}</SubmitButton>
        </Form>
      )}
    </AuthShell>
  );
}
