import { Field } from "~/components/ui/form";
import { useT } from "~/i18n";
import { auth_passwordHint } from "~/paraglide/messages/auth_passwordhint1.js";
import { auth_password_repeat } from "~/paraglide/messages/auth_password_repeat.js";

/** A new password and its repeat, with the password rules as the hint (change and reset share them). */
export function NewPasswordFields({ label, errors }: { label: string; errors: { newPassword?: string; confirmPassword?: string } }) {
  const t = useT();
  return (
    <>
      <Field label={label} name="newPassword" type="password" autoComplete="new-password" hint={t(auth_passwordHint)} error={errors.newPassword} />
      <Field label={t(auth_password_repeat)} name="confirmPassword" type="password" autoComplete="new-password" error={errors.confirmPassword} />
    </>
  );
}
