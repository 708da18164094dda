import { z } from "zod";
import { emailField } from "~/domain/base-fields";
import { zodMessage } from "~/i18n";
import { auth_login_passwordRequired } from "~/paraglide/messages/auth_login_passwordrequired1.js";

/**
 * The sign-in form's fields. Server-only on purpose: the sign-in page is the first page most
 * people load, and a schema built at the route's module level put zod (about 90 KB) into its
 * browser bundle although only the action reads it (issue #15 item 21).
 */
export const LoginSchema = z.object({
  email: emailField,
  password: z
    .string({ error: zodMessage(auth_login_passwordRequired) })
    .min(1, zodMessage(auth_login_passwordRequired))
    .max(200),
  redirectTo: z.string().optional(),
});
