import "~/page-kit";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { systemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { TextLink } from "~/components/ui/button";
import { metaTitle, useT } from "~/i18n";
import { verifyEmail } from "~/models/account-token.server";
import { auth_verify_continue } from "~/paraglide/messages/auth_verify_continue.js";
import { auth_verify_done } from "~/paraglide/messages/auth_verify_done.js";
import { auth_verify_expired } from "~/paraglide/messages/auth_verify_expired.js";
import { auth_verify_invalid } from "~/paraglide/messages/auth_verify_invalid.js";
import { auth_verify_metaTitle } from "~/paraglide/messages/auth_verify_metatitle1.js";
import { auth_verify_resend } from "~/paraglide/messages/auth_verify_resend.js";
import { auth_verify_title } from "~/paraglide/messages/auth_verify_title.js";
import { auth_verify_used } from "~/paraglide/messages/auth_verify_used.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_verify_metaTitle), { name: "robots", content: "noindex" }];

/*
 * Following the link verifies the address and does nothing else: no session is started or
 * changed (decision 017). A GET does it — a mail scanner that fetches the link had the mail,
 * which is what the link proves. Used, expired and unknown links each say so, with the way to
 * a new one (/verify-email, behind sign-in).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const result = await verifyEmail(await systemContext(), params.token ?? "");
  return json(result, { status: result.state === "verified" ? 200 : 410 });
}

const DEAD = { used: auth_verify_used, expired: auth_verify_expired, invalid: auth_verify_invalid, valid: auth_verify_invalid } as const;

export default function VerifyEmail() {
  const result = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <AuthShell title={t(auth_verify_title)}>
      <div role={result.state === "verified" ? "status" : "alert"} className="space-y-4 text-sm text-slate-700">
        {result.state === "verified" ? (
          <>
            <p>{t(auth_verify_done, { email: result.email ?? "" })}</p>
            <TextLink className="font-medium" to="/">
              {t(auth_verify_continue)}
            </TextLink>
          </>
        ) : (
          <>
            <p>{t(DEAD[result.state])}</p>
            <TextLink className="font-medium" to="/verify-email">
              {t(auth_verify_resend)}
            </TextLink>
          </>
        )}
      </div>
    </AuthShell>
  );
}
