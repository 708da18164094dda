import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { systemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { TextLink } from "~/components/ui/button";
import { SubmitButton } from "~/components/ui/form";
import { metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { confirmEmailChange, emailChangeLink } from "~/models/account-token.server";
import { auth_emailConfirm_ask } from "~/paraglide/messages/auth_emailconfirm_ask1.js";
import { auth_emailConfirm_askAgain } from "~/paraglide/messages/auth_emailconfirm_askagain2.js";
import { auth_emailConfirm_dead } from "~/paraglide/messages/auth_emailconfirm_dead1.js";
import { auth_emailConfirm_done } from "~/paraglide/messages/auth_emailconfirm_done1.js";
import { auth_emailConfirm_metaTitle } from "~/paraglide/messages/auth_emailconfirm_metatitle2.js";
import { auth_emailConfirm_pending } from "~/paraglide/messages/auth_emailconfirm_pending1.js";
import { auth_emailConfirm_submit } from "~/paraglide/messages/auth_emailconfirm_submit1.js";
import { auth_emailConfirm_title } from "~/paraglide/messages/auth_emailconfirm_title1.js";
import { auth_verify_continue } from "~/paraglide/messages/auth_verify_continue.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_emailConfirm_metaTitle), { name: "robots", content: "noindex" }];

/*
 * Decision 022: the link to a new address. Looking at the page changes nothing (a mail scanner
 * that fetches the link does not change anyone's sign-in address); the button does. The token
 * is the capability, as on the reset page: no sign-in is needed, and none is started.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await emailChangeLink(await systemContext(), params.token ?? "");
  return json(link, { status: link.state === "valid" ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const result = await confirmEmailChange(await systemContext(), params.token ?? "", getLocale(request));
  return json(result, { status: result.state === "changed" ? 200 : 410 });
}

export default function ConfirmEmail() {
  const { state, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (result?.state === "changed") {
    return (
      <AuthShell title={t(auth_emailConfirm_title)}>
        <div role="status" className="space-y-4 text-sm text-slate-700">
          <p>{t(auth_emailConfirm_done, { email: result.email ?? "" })}</p>
          <TextLink className="font-medium" to="/">
            {t(auth_verify_continue)}
          </TextLink>
        </div>
      </AuthShell>
    );
  }
  const live = !result && state === "valid";
  return (
    <AuthShell title={t(auth_emailConfirm_title)}>
      {live ? (
        <Form method="post" className="space-y-4">
          <p className="text-sm text-slate-700">{t(auth_emailConfirm_ask, { email: email ?? "" })}</p>
          <SubmitButton pendingText={t(auth_emailConfirm_pending)}>{t(auth_emailConfirm_submit)}</SubmitButton>
        </Form>
      ) : (
        <div role="alert" className="space-y-4 text-sm text-slate-700">
          <p>{t(auth_emailConfirm_dead)}</p>
          <TextLink className="font-medium" to="/account/email">
            {t(auth_emailConfirm_askAgain)}
          </TextLink>
        </div>
      )}
    </AuthShell>
  );
}
