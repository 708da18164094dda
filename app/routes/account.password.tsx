import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireUser, startSession } from "~/auth/session.server";
import { AuthShell } from "~/components/auth-shell";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { getDatabase } from "~/db.server";
import { appErrorResponse, invalid, parseForm } from "~/lib/forms.server";
import { passwordField } from "~/lib/fields";
import { changePassword } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "Change password · Capital Desk" }];

const PasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
    newPassword: passwordField,
    confirmPassword: z.string({ error: "Repeat the new password." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(PasswordSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const { db } = await getDatabase();
  try {
    await changePassword(db, user.id, parsed.data.currentPassword, parsed.data.newPassword);
  } catch (error) {
    return appErrorResponse(error);
  }
  // changePassword ended every session (another browser, a stolen cookie); this one starts afresh.
  const cookie = await startSession(user.id);
  // Redirect (not render) so the page loads with the new session, not the one just ended.
  return redirect("/account/password?changed=1", { headers: { "Set-Cookie": cookie } });
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.fieldErrors ?? {};
  return (
    <AuthShell title="Change password">
      {params.get("changed") && !result ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          Password changed. You were signed out everywhere else.
        </p>
      ) : null}
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={result?.formError} />
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
        <Field label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 10 characters." error={errors.newPassword} />
        <Field label="Repeat new password" name="confirmPassword" type="password" autoComplete="new-password" error={errors.confirmPassword} />
        <SubmitButton pendingText="Changing…">Change password</SubmitButton>
      </Form>
      <Link to="/" className="mt-6 inline-block text-sm text-indigo-700 underline">
        Back to the app
      </Link>
    </AuthShell>
  );
}
