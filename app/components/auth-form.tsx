import { Form, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError } from "~/components/ui/form";

/**
 * The form of a signed-out or account page (inside AuthShell): posts to its own route with the
 * browser's checks off (the server says what is wrong, in the page's language), an optional
 * line of help, the form-level error, then the fields. `keepRedirect` carries the page's
 * `?redirectTo=` on to the action, so signing in or up lands where the visitor was headed.
 */
export function AuthForm({
  formError,
  intro,
  keepRedirect = false,
  children,
}: {
  formError: string | undefined;
  intro?: ReactNode;
  keepRedirect?: boolean;
  children: ReactNode;
}) {
  const [params] = useSearchParams();
  return (
    <Form method="post" className="space-y-4" noValidate>
      {intro}
      <FormError error={formError} />
      {keepRedirect ? <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} /> : null}
      {children}
    </Form>
  );
}
