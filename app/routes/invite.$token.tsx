import "~/page-kit";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getSessionUser } from "~/auth/session.server";
import { requireSystemContext, systemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { FormError, SubmitButton } from "~/components/ui/form";
import { metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError } from "~/server/forms.server";
import { notFound } from "~/server/http.server";
import { acceptInvitation, findPendingInvitation } from "~/models/invitation.server";
import { auth_invite_accept } from "~/paraglide/messages/auth_invite_accept.js";
import { auth_invite_invitedAs } from "~/paraglide/messages/auth_invite_invitedas1.js";
import { auth_invite_logInToAccept } from "~/paraglide/messages/auth_invite_logintoaccept3.js";
import { auth_invite_metaTitle } from "~/paraglide/messages/auth_invite_metatitle1.js";
import { auth_invite_pending } from "~/paraglide/messages/auth_invite_pending.js";
import { auth_invite_signUpToAccept } from "~/paraglide/messages/auth_invite_signuptoaccept3.js";
import { auth_invite_signedInAs } from "~/paraglide/messages/auth_invite_signedinas2.js";
import { auth_invite_title } from "~/paraglide/messages/auth_invite_title.js";
import { ROLE_LABELS } from "~/domain/role-labels";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_invite_metaTitle), { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findPendingInvitation(await systemContext(), params.token ?? "");
  // Unknown, used, revoked and expired links all look the same.
  if (!invitation) notFound();
  const user = await getSessionUser(request);
  return json({
    orgName: invitation.orgName,
    role: invitation.role,
    email: invitation.email,
    signedInAs: user?.email ?? null,
    here: new URL(request.url).pathname,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const account = await requireSystemContext(request);
  try {
    const org = await acceptInvitation(account, params.token ?? "", account.user);
    return redirect(`/o/${org.slug}`);
  } catch (error) {
    return failureFromError(error, getLocale(request));
  }
}

export default function Invitation() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const next = encodeURIComponent(data.here);
  return (
    <AuthShell title={t(auth_invite_title, { org: data.orgName })}>
      <p className="mb-4 text-sm text-slate-700">
        {t.rich(auth_invite_invitedAs, {
          role: <strong>{t(ROLE_LABELS[data.role])}</strong>,
          email: <strong>{data.email}</strong>,
        })}
      </p>
      <FormError error={result && !result.ok ? result.formError : undefined} />
      {data.signedInAs ? (
        <Form method="post" className="mt-4">
          <p className="mb-3 text-sm text-slate-600">{t(auth_invite_signedInAs, { email: data.signedInAs })}</p>
          <SubmitButton pendingText={t(auth_invite_pending)}>{t(auth_invite_accept)}</SubmitButton>
        </Form>
      ) : (
        <div className="flex gap-3">
          <Link className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white" to={`/login?redirectTo=${next}`}>
            {t(auth_invite_logInToAccept)}
          </Link>
          <Link className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold" to={`/signup?redirectTo=${next}`}>
            {t(auth_invite_signUpToAccept)}
          </Link>
        </div>
      )}
    </AuthShell>
  );
}
