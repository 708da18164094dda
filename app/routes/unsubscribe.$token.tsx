import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { systemContext } from "~/auth/system.server";
import { AuthShell } from "~/components/auth-shell";
import { TextLink } from "~/components/ui/button";
import { SubmitButton } from "~/components/ui/form";
import { NOTIFICATION_CHOICE_LABELS } from "~/domain/mail-kinds";
import { metaTitle, useT } from "~/i18n";
import { findUnsubscribeTarget, unsubscribe } from "~/models/notification.server";
import { notFound } from "~/server/http.server";
import { auth_unsubscribe_confirm } from "~/paraglide/messages/auth_unsubscribe_confirm.js";
import { auth_unsubscribe_done } from "~/paraglide/messages/auth_unsubscribe_done.js";
import { auth_unsubscribe_metaTitle } from "~/paraglide/messages/auth_unsubscribe_metatitle1.js";
import { auth_unsubscribe_settings } from "~/paraglide/messages/auth_unsubscribe_settings.js";
import { auth_unsubscribe_submit } from "~/paraglide/messages/auth_unsubscribe_submit.js";
import { auth_unsubscribe_title } from "~/paraglide/messages/auth_unsubscribe_title.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_unsubscribe_metaTitle), { name: "robots", content: "noindex" }];

/*
 * One-click unsubscribe (RFC 8058; decision 023). The link in a notification's footer and its
 * List-Unsubscribe header. GET only asks (a mail scanner fetching the link turns nothing off);
 * POST turns the kind off — from this page's button or straight from the mail client, which
 * sends no session and no Origin (server/origin.mjs lets exactly this path through). The token
 * is the capability: a link that is not ours is a 404 and writes nothing.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const target = await findUnsubscribeTarget(await systemContext(), params.token ?? "");
  if (!target) notFound();
  return json(target);
}

export async function action({ params }: ActionFunctionArgs) {
  const target = await unsubscribe(await systemContext(), params.token ?? "");
  if (!target) notFound();
  return json({ done: true as const, ...target });
}

export default function Unsubscribe() {
  const target = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const t = useT();
  const kind = t(NOTIFICATION_CHOICE_LABELS[target.kind]);
  return (
    <AuthShell title={t(auth_unsubscribe_title)}>
      {done ? (
        <div role="status" className="space-y-4 text-sm text-slate-700">
          <p>{t(auth_unsubscribe_done, { email: target.email, kind })}</p>
          <TextLink className="font-medium" to="/account/notifications">
            {t(auth_unsubscribe_settings)}
          </TextLink>
        </div>
      ) : (
        <Form method="post" className="space-y-4">
          <p className="text-sm text-slate-700">{t(auth_unsubscribe_confirm, { email: target.email, kind })}</p>
          <SubmitButton>{t(auth_unsubscribe_submit)}</SubmitButton>
        </Form>
      )}
    </AuthShell>
  );
}
