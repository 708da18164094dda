import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireAnonymous, startSession } from "~/auth/session.server";
import { AuthShell } from "~/components/auth-shell";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { getDatabase } from "~/db.server";
import { appErrorResponse, invalid, parseForm } from "~/lib/forms.server";
import { emailField, nameField, passwordField } from "~/lib/fields";
import { safeRedirect } from "~/lib/redirects";
import { createUser } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "Sign up · Capital Desk" }];

const SignupSchema = z.object({
  email: emailField,
  name: nameField("your name"),
  password: passwordField,
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const parsed = parseForm(SignupSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const { db } = await getDatabase();
  try {
    const user = await createUser(db, parsed.data);
    const cookie = await startSession(user.id);
    return redirect(safeRedirect(parsed.data.redirectTo, "/orgs/new"), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    return appErrorResponse(error);
  }
}

export default function Signup() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <AuthShell title="Create your account">
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={result && !result.ok ? result.formError : undefined} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field label="Your name" name="name" autoComplete="name" required error={errors.name} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters."
          error={errors.password}
        />
        <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
      </Form>
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="font-medium text-indigo-700 underline" to="/login">
          Log in
        </Link>
      </p>
    </AuthShell>
  );
}
