import "~/page-kit";
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { z } from "zod";
import { endSession } from "~/auth/session.server";
import { requireSystemContext } from "~/auth/system.server";
import { AccountLinks } from "~/components/account-links";
import { AuthShell } from "~/components/auth-shell";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { failureOf, Field, FormError } from "~/components/ui/form";
import { metaTitle, useFormat, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/server/forms.server";
import { keepRetryAfter, passwordAttemptRefused } from "~/server/throttle-answer.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { deleteAccount, listSoleOwnedOrgs } from "~/models/account-deletion.server";
import { auth_password_current } from "~/paraglide/messages/auth_password_current.js";
import { auth_password_currentRequired } from "~/paraglide/messages/auth_password_currentrequired1.js";
import { common_validation_tickToConfirm } from "~/paraglide/messages/common_validation_ticktoconfirm2.js";
import { deletion_account_blockedText } from "~/paraglide/messages/deletion_account_blockedtext1.js";
import { deletion_account_blockedTitle } from "~/paraglide/messages/deletion_account_blockedtitle1.js";
import { deletion_account_confirm_action } from "~/paraglide/messages/deletion_account_confirm_action.js";
import { deletion_account_confirm_consequence } from "~/paraglide/messages/deletion_account_confirm_consequence.js";
import { deletion_account_confirm_pending } from "~/paraglide/messages/deletion_account_confirm_pending.js";
import { deletion_account_confirm_tick } from "~/paraglide/messages/deletion_account_confirm_tick.js";
import { deletion_account_confirm_title } from "~/paraglide/messages/deletion_account_confirm_title.js";
import { deletion_account_deleteOrg } from "~/paraglide/messages/deletion_account_deleteorg1.js";
import { deletion_account_intro } from "~/paraglide/messages/deletion_account_intro.js";
import { deletion_account_metaTitle } from "~/paraglide/messages/deletion_account_metatitle1.js";
import { deletion_account_notice_deleted } from "~/paraglide/messages/deletion_account_notice_deleted.js";
import { deletion_account_scheduledNote } from "~/paraglide/messages/deletion_account_schedulednote1.js";
import { deletion_account_title } from "~/paraglide/messages/deletion_account_title.js";
import { deletion_account_transfer } from "~/paraglide/messages/deletion_account_transfer.js";

export const headers: HeadersFunction = keepRetryAfter;

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, deletion_account_metaTitle)];

const DeleteAccountSchema = z.object({
  currentPassword: z
    .string({ error: zodMessage(auth_password_currentRequired) })
    .min(1, zodMessage(auth_password_currentRequired))
    .max(200),
  confirm: z.literal("yes", { error: zodMessage(common_validation_tickToConfirm) }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const account = await requireSystemContext(request);
  const owned = await listSoleOwnedOrgs(account, account.user.id);
  return json({
    email: account.user.email,
    blocking: owned.filter((o) => o.purgeAfter === null).map(({ slug, name }) => ({ slug, name })),
    scheduled: owned.filter((o) => o.purgeAfter !== null).map(({ name, purgeAfter }) => ({ name, purgeAfter })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = await requireSystemContext(request);
  const locale = getLocale(request);
  const parsed = parseForm(DeleteAccountSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.confirm });
  // The current password is a password check like signing in: the same throttle counts it.
  let deleted: Awaited<ReturnType<typeof deleteAccount>>;
  try {
    deleted = await deleteAccount(account, account.user, parsed.data.currentPassword, context.clientIp);
  } catch (error) {
    return failureFromError(error, locale);
  }
  if (!deleted.ok) return passwordAttemptRefused(locale, deleted.retryAfterSeconds);
  // The sessions went with the user; this clears the cookie of the one that asked.
  const cookie = await endSession(request);
  return redirectWithToast("/login", toast(deletion_account_notice_deleted), { headers: { "Set-Cookie": cookie } });
}

export default function DeleteAccount() {
  const { email, blocking, scheduled } = useLoaderData<typeof loader>();
  const t = useT();
  const f = useFormat();
  const { errors, formError } = failureOf(useActionData<typeof action>());
  return (
    <AuthShell title={t(deletion_account_title)}>
      <p className="mb-4 text-sm text-slate-700">{t(deletion_account_intro)}</p>
      {blocking.length > 0 ? (
        <section aria-labelledby="blocked-title" className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <h2 id="blocked-title" className="font-semibold">
            {t(deletion_account_blockedTitle)}
          </h2>
          <p className="mt-1">{t(deletion_account_blockedText)}</p>
          <ul className="mt-2 space-y-1" data-testid="sole-owned-orgs">
            {blocking.map((org) => (
              <li key={org.slug} className="flex flex-wrap gap-x-4">
                <TextLink to={`/o/${org.slug}/members`}>{t(deletion_account_transfer, { org: org.name })}</TextLink>
                <Link className="text-red-700 underline" to={`/o/${org.slug}/delete`}>
                  {t(deletion_account_deleteOrg, { org: org.name })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          <FormError error={formError} />
          {scheduled.map((org) => (
            <p key={org.name} className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
              {t(deletion_account_scheduledNote, { org: org.name, date: f.dateTime(org.purgeAfter) })}
            </p>
          ))}
          <Field label={t(auth_password_current)} name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
          <ConfirmAction
            intent="delete-account"
            error={errors.confirm}
            texts={{
              action: t(deletion_account_confirm_action),
              title: t(deletion_account_confirm_title, { email }),
              consequence: t(deletion_account_confirm_consequence),
              tick: t(deletion_account_confirm_tick),
              pending: t(deletion_account_confirm_pending),
            }}
          />
        </Form>
      )}
      <AccountLinks current="delete" />
    </AuthShell>
  );
}
